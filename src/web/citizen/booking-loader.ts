/**
 * Loads the booking and appointment pages once (dynamic import: the directory, the office page
 * and the lobby never pay for them; the proof-of-work widget is a further chunk of its own).
 */
import { whenIdle } from '../lib/when-idle.js';

let loading: Promise<void> | null = null;
let loaded = false;

export function bookingPagesLoaded(): boolean {
  return loaded;
}

export function loadBookingPages(): Promise<void> {
  loading ??= import('./booking/booking-pages.js').then(
    () => {
      loaded = true;
    },
    (error: unknown) => {
      loading = null; // a later attempt may work (e.g. after a network blip)
      throw error;
    },
  );
  return loading;
}

/** An office page that offers booking fetches the pages while the browser is idle. */
export function prefetchBookingPages(): void {
  const load = () => void loadBookingPages().catch(() => undefined);
  whenIdle(load, 2000, 500);
}
