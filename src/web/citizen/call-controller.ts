/**
 * The lobby's call, as a Lit controller: sound, notification and tab title (lib/call-alert.ts),
 * the assertive announcement, and a clock ticking each second for the countdown to join.
 * Any touch or key press on the page unlocks the sound for a later call in the background.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../../shared/locale.js';
import type { TicketView } from '../../shared/queue.js';
import { CallAlert, unlockAudio } from '../lib/call-alert.js';
import { translate } from '../lib/i18n/index.js';

export class CallController implements ReactiveController {
  /** The browser's clock, each second while called. */
  now = Date.now();
  /** For the assertive live region; empty when there is no call. */
  alert = '';
  private tick: ReturnType<typeof setInterval> | undefined;
  private readonly call = new CallAlert();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** While on, the tab title belongs to the call. */
  get active(): boolean {
    return this.call.active;
  }

  hostConnected(): void {
    this.host.addEventListener('pointerdown', unlockAudio);
    this.host.addEventListener('keydown', unlockAudio);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('pointerdown', unlockAudio);
    this.host.removeEventListener('keydown', unlockAudio);
    this.stop();
  }

  start(ticket: TicketView, officeName: string | null, locale: Locale): void {
    const office = officeName ?? ticket.code;
    const say = (key: Parameters<typeof translate>[1], params = {}) =>
      translate(locale, key, params);
    this.call.start({
      notificationTitle: say('calledTitle'),
      notificationBody: say('calledNotification', { office }),
      tabTitle: say('calledTabTitle', { office }),
      tabTitleAlternate: say('calledTabTitleAlt', { code: ticket.code }),
      lang: locale,
    });
    this.alert = say('calledAnnouncement');
    this.now = Date.now();
    clearInterval(this.tick);
    this.tick = setInterval(() => {
      this.now = Date.now();
      this.host.requestUpdate();
    }, 1_000);
    this.host.requestUpdate();
  }

  stop(): void {
    clearInterval(this.tick);
    this.tick = undefined;
    this.call.stop();
    if (this.alert) {
      this.alert = '';
      this.host.requestUpdate();
    }
  }
}
