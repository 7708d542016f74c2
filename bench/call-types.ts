/** The globals the call-setup bench puts into pages (bench/call-probe.ts, call-floor.html). */

export type Mark = [name: string, at: number];

/** What the probe puts on `window.__bench`. */
export interface BenchProbe {
  marks: Mark[];
  now(): number;
  mark(name: string): void;
  reset(): void;
  waitFrame(since: number, timeoutMs: number): Promise<number>;
  frames(): Promise<number>;
  /** Video packets received so far on the current connection (the path carries media). */
  packets(): Promise<number>;
  waitSteady(above: number, timeoutMs: number): Promise<Resume>;
}

/** After a cut: the first new decoded frame, and the first of a steady run (≥ 10 in 1 s). */
export interface Resume {
  first: number | null;
  steady: number | null;
}

/** What bench/call-floor.html puts on `window.floor`. */
export interface FloorPage {
  media(): Promise<void>;
  open(config: RTCConfiguration): void;
  close(): void;
  offer(restart: boolean): Promise<{ t0: number; sdp: string }>;
  answer(sdp: string): Promise<string>;
  accept(sdp: string): Promise<void>;
  candidate(json: string): Promise<void>;
}

declare global {
  interface Window {
    __bench: BenchProbe;
    floor: FloorPage;
    toPeer(json: string): Promise<void>;
  }
}

/** The app's read-only test hook (src/web/lib/call/test-hook.ts). */
export type HookWindow = { __vbCall?: { readonly pc: RTCPeerConnection | null } };
