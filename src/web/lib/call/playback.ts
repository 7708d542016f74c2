/**
 * Playing the other side: the chosen speaker (`setSinkId` where the browser has it), and
 * autoplay with sound — refused after a reload without a click, so the picture then plays
 * muted and the page offers "Turn sound on" (a click allows it).
 */
import { canPickSpeaker } from './device-fields.js';

type SinkVideo = HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> };

export function applySpeaker(video: SinkVideo, speakerId: string): void {
  if (!speakerId || !canPickSpeaker() || !video.setSinkId || video.dataset.sink === speakerId) {
    return;
  }
  video.dataset.sink = speakerId;
  video.setSinkId(speakerId).catch(() => undefined);
}

/** Starts playback with sound; `blocked` is told when the browser allows it only muted. */
export function playWithSound(video: HTMLVideoElement, blocked: () => void): void {
  video.muted = false;
  video.play().catch((error: unknown) => {
    if (error instanceof DOMException && error.name === 'NotAllowedError') {
      video.muted = true;
      blocked();
      void video.play().catch(() => undefined);
    }
  });
}

/** After the person's click on "Turn sound on". */
export async function unmute(video: HTMLVideoElement): Promise<void> {
  video.muted = false;
  await video.play();
}
