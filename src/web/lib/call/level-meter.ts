/**
 * The microphone's level (0–100) from an AnalyserNode, reported a few times a second — often
 * enough for a moving bar, calm enough for a number (prefers-reduced-motion).
 */
export function watchLevel(
  track: MediaStreamTrack,
  report: (level: number) => void,
  everyMs = 100,
): () => void {
  const Context =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return () => undefined;
  const context = new Context();
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  void context.resume().catch(() => undefined);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    const rms = Math.sqrt(sum / samples.length);
    // About -60 dBFS (silence) to -10 dBFS (close speech) onto 0–100.
    const db = 20 * Math.log10(rms || 1e-8);
    report(Math.round(Math.min(100, Math.max(0, ((db + 60) / 50) * 100))));
  }, everyMs);
  return () => {
    clearInterval(timer);
    source.disconnect();
    void context.close().catch(() => undefined);
  };
}
