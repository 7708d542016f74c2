/**
 * What the lobby needs of its office besides the live topics, loaded once per language: the
 * name, and how far the server's clock is from this device's (for the countdown to join).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Locale } from '../../shared/locale.js';
import { fetchOffice } from '../lib/api.js';
import { clockOffsetMs } from '../lib/lobby.js';

const TIMEOUT_MS = 15_000;

export class OfficeInfo implements ReactiveController {
  name: string | null = null;
  /** Server clock minus browser clock, in ms. */
  offsetMs = 0;
  private controller: AbortController | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.controller?.abort();
  }

  load(slug: string, locale: Locale): void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
    const sentAt = Date.now();
    fetchOffice(slug, locale, controller.signal)
      .then((office) => {
        this.name = office.name;
        this.offsetMs = clockOffsetMs(office.generatedAt, sentAt, Date.now());
        this.host.requestUpdate();
      })
      .catch(() => {
        // The name is a nicety; the ticket topic carries everything that matters.
      })
      .finally(() => clearTimeout(timer));
  }
}
