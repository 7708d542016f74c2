/** One MediaStream per track, so a `<video>`'s srcObject does not change on every render. */
const cache = new WeakMap<MediaStreamTrack, MediaStream>();

export function streamOf(track: MediaStreamTrack | null): MediaStream | null {
  if (!track) return null;
  let stream = cache.get(track);
  if (!stream) {
    stream = new MediaStream([track]);
    cache.set(track, stream);
  }
  return stream;
}

export const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
