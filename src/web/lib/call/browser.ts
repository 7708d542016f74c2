/**
 * Which browser the page runs in, for the help text when camera or microphone are blocked
 * (each browser hides the setting somewhere else). Only from the user agent; never sent anywhere.
 */
export type BrowserName = 'edge' | 'chrome' | 'firefox' | 'safari' | 'other';

export interface BrowserInfo {
  name: BrowserName;
  /** iPhone or iPad: the permissions live in the iOS settings. */
  ios: boolean;
  android: boolean;
}

export function detectBrowser(userAgent: string): BrowserInfo {
  const ua = userAgent;
  // iPadOS 13+ says "Macintosh"; touch support tells it apart (checked by the caller's UA only).
  const ios = /iPhone|iPad|iPod/.test(ua);
  const android = /Android/.test(ua);
  let name: BrowserName = 'other';
  if (/Edg(e|A|iOS)?\//.test(ua)) name = 'edge';
  else if (/Firefox\/|FxiOS\//.test(ua)) name = 'firefox';
  else if (/OPR\/|SamsungBrowser\//.test(ua)) name = 'other';
  else if (/Chrome\/|CriOS\/|Chromium\//.test(ua)) name = 'chrome';
  else if (/Safari\//.test(ua) && /Version\/|Mobile\//.test(ua)) name = 'safari';
  return { name, ios, android };
}

export type MediaProblem = 'denied' | 'notFound' | 'busy' | 'insecure' | 'other';

/** What a failed getUserMedia means for the person in front of it. */
export function mediaProblem(error: unknown): MediaProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'notFound';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    case 'TypeError':
      return 'insecure';
    default:
      return 'other';
  }
}

export type HelpTopic = 'chrome' | 'edge' | 'firefox' | 'safari' | 'safariIos' | 'iosApp' | 'other';

/** Where this browser keeps the camera and microphone permission. */
export function helpTopic({ name, ios }: BrowserInfo): HelpTopic {
  if (ios) return name === 'safari' ? 'safariIos' : 'iosApp';
  return name === 'other' ? 'other' : name;
}
