/**
 * "It's your turn", by every channel the browser allows: a two-tone chime made with WebAudio
 * (no audio file), a system notification when the person allowed it, and a blinking tab title
 * while the tab is in the background. Browsers may block sound until the page was touched, so
 * the page always shows the call as well.
 */
import { whenIdle } from './when-idle.js';

type AudioContextClass = typeof AudioContext;

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (context) return context;
  const Class: AudioContextClass | undefined =
    window.AudioContext ??
    (window as unknown as { webkitAudioContext?: AudioContextClass }).webkitAudioContext;
  if (!Class) return null;
  try {
    context = new Class();
  } catch {
    return null;
  }
  return context;
}

function resume(ctx: AudioContext): void {
  if (ctx.state === 'suspended') ctx.resume().catch(() => undefined);
}

/** Call from a click or key press: afterwards the chime may play even in a background tab. */
export function unlockAudio(): void {
  const ctx = audio();
  if (ctx) resume(ctx);
}

function tone(ctx: AudioContext, frequency: number, start: number, duration: number): void {
  const oscillator = ctx.createOscillator();
  const gain = ctx.createGain();
  oscillator.type = 'sine';
  oscillator.frequency.value = frequency;
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.35, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + duration);
  oscillator.connect(gain);
  gain.connect(ctx.destination);
  oscillator.start(start);
  oscillator.stop(start + duration + 0.05);
}

/** Ding-dong (E6, then C6). Returns false when the browser does not let the page play sound. */
export function playChime(): boolean {
  const ctx = audio();
  if (!ctx) return false;
  resume(ctx);
  const start = ctx.currentTime + 0.05;
  tone(ctx, 1318.5, start, 0.5);
  tone(ctx, 1046.5, start + 0.45, 0.9);
  return ctx.state === 'running';
}

export type NotifyPermission = NotificationPermission | 'unsupported';

export function notificationPermission(): NotifyPermission {
  return typeof Notification === 'function' ? Notification.permission : 'unsupported';
}

/** Asks the browser; only ever from a click on "notify me". */
export async function requestNotifications(): Promise<NotifyPermission> {
  if (typeof Notification !== 'function') return 'unsupported';
  try {
    // Older Safari only knows the callback form.
    return await new Promise<NotificationPermission>((resolve) => {
      const result = Notification.requestPermission(resolve) as
        Promise<NotificationPermission> | undefined;
      void result?.then(resolve, () => resolve(Notification.permission));
    });
  } catch {
    return Notification.permission;
  }
}

/** Shows a notification if allowed; a click brings the tab to the front. Returns a closer. */
export function notify(title: string, body: string, lang: string): () => void {
  if (notificationPermission() !== 'granted') return () => undefined;
  try {
    const notification = new Notification(title, {
      body,
      lang,
      tag: 'bb-call',
      requireInteraction: true,
    });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
    return () => notification.close();
  } catch {
    // Chrome on Android only shows notifications from a service worker; the page still calls.
    return () => undefined;
  }
}

/** While called: alternates the tab title between two texts when the tab is hidden. */
export class TitleFlasher {
  private timer: ReturnType<typeof setInterval> | undefined;
  private titles: [string, string] = ['', ''];
  private flip = false;

  start(steady: string, alternate: string): void {
    this.titles = [steady, alternate];
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.tick(), 1_000);
      document.addEventListener('visibilitychange', this.tick);
    }
    this.tick();
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    document.removeEventListener('visibilitychange', this.tick);
  }

  private tick = (): void => {
    this.flip = document.visibilityState === 'hidden' && !this.flip;
    const title = this.titles[this.flip ? 1 : 0];
    if (document.title !== title) document.title = title; // each set is a trip to the browser
  };
}

export interface CallTexts {
  notificationTitle: string;
  notificationBody: string;
  tabTitle: string;
  tabTitleAlternate: string;
  lang: string;
}

/** A call's sound and title can wait this long: the page's own answer to the call comes first. */
const ALERT_WITHIN_MS = 200;

/** Everything at once while a call is on: chime (repeated a few times), notification, title. */
export class CallAlert {
  private chimes: ReturnType<typeof setTimeout> | undefined;
  private closeNotification: () => void = () => undefined;
  private readonly flasher = new TitleFlasher();
  private cancelStart: () => void = () => undefined;
  private on = false;

  constructor(
    private readonly repeatMs = 20_000,
    private readonly times = 3,
  ) {}

  /** While on, the tab title belongs to the call. */
  get active(): boolean {
    return this.on;
  }

  /** Within ALERT_WITHIN_MS: the called screen is drawn (and a quick click taken) first. */
  start(texts: CallTexts): void {
    this.stop();
    this.on = true;
    this.cancelStart = whenIdle(() => {
      let rung = 0;
      const ring = () => {
        if (rung++ >= this.times) return;
        playChime();
        this.chimes = setTimeout(ring, this.repeatMs);
      };
      ring();
      this.closeNotification = notify(texts.notificationTitle, texts.notificationBody, texts.lang);
      this.flasher.start(texts.tabTitle, texts.tabTitleAlternate);
    }, ALERT_WITHIN_MS);
  }

  stop(): void {
    this.on = false;
    this.cancelStart();
    clearTimeout(this.chimes);
    this.flasher.stop();
    this.closeNotification();
    this.closeNotification = () => undefined;
  }
}
