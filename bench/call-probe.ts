/**
 * In-page instrumentation for the call-setup bench, added to every context with
 * `addInitScript` before the page's own code runs. It only records (epoch ms, float): peer
 * connections created, descriptions set, ICE/DTLS states, tracks, getUserMedia, fetches to
 * /api, signaling over the WebSocket, button clicks. `__bench.waitFrame(since)` resolves at the
 * first decoded remote video frame (`inbound-rtp` video `framesDecoded > 0`, polled every 5 ms
 * once the connection is up)
 * of a connection that connected after `since` (a staff connection may be made ahead of its call),
 * found through the app's test hook `window.__vbCall.pc`.
 */
import type { BrowserContext } from 'playwright-core';
import type { BenchProbe, HookWindow, Mark, Resume } from './call-types.js';

/** tsx names functions with `__name(...)`; evaluated page functions need it to exist. */
const NAME_SHIM = 'window.__name = window.__name || ((f) => f);';

export async function instrument(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(probe);
}

function probe(): void {
  if ((window as Partial<Window>).__bench) return;
  const now = () => performance.timeOrigin + performance.now();
  const marks: Mark[] = [];
  const connected = new WeakMap<RTCPeerConnection, number>();
  const mark = (name: string) => void marks.push([name, now()]);
  // Long tasks on the main thread (≥ 50 ms) hold up every event handler behind them.
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const ms = Math.round(entry.duration / 10) * 10;
        marks.push([`long task ${ms} ms starts`, now() - (performance.now() - entry.startTime)]);
      }
    }).observe({ type: 'longtask' });
  } catch {
    /* not supported */
  }

  const Original = window.RTCPeerConnection;
  class Probed extends Original {
    constructor(config?: RTCConfiguration) {
      super(config);
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected' && !connected.has(this))
          connected.set(this, now());
      });
      mark(`pc created (${config?.iceTransportPolicy ?? 'all'})`);
      this.addEventListener('iceconnectionstatechange', () =>
        mark(`ice ${this.iceConnectionState}`),
      );
      this.addEventListener('connectionstatechange', () => mark(`pc ${this.connectionState}`));
      this.addEventListener('track', (e) => mark(`ontrack ${e.track.kind}`));
      this.addEventListener('icecandidate', (e) => {
        const type = /typ (\w+)/.exec(e.candidate?.candidate ?? '')?.[1];
        mark(type ? `candidate ${type} gathered` : 'gathering complete');
      });
    }
    override async setLocalDescription(d?: RTCLocalSessionDescriptionInit): Promise<void> {
      await super.setLocalDescription(d);
      mark(`setLocal ${d?.type ?? this.localDescription?.type} done`);
    }
    override async setRemoteDescription(d: RTCSessionDescriptionInit): Promise<void> {
      await super.setRemoteDescription(d);
      mark(`setRemote ${d.type} done`);
    }
  }
  window.RTCPeerConnection = Probed;

  const replaceTrack = Reflect.get<RTCRtpSender, 'replaceTrack'>(
    RTCRtpSender.prototype,
    'replaceTrack',
  );
  RTCRtpSender.prototype.replaceTrack = function (track) {
    if (track) mark(`replaceTrack ${track.kind}`);
    return replaceTrack.call(this, track);
  };

  const devices = navigator.mediaDevices;
  if (devices) {
    const getUserMedia = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      mark('getUserMedia start');
      const stream = await getUserMedia(constraints);
      mark('getUserMedia done');
      return stream;
    };
  }

  const fetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const path = new URL(url, location.href).pathname;
    const name = path.startsWith('/api/') ? path.split('/').slice(-1)[0] : null;
    if (name) mark(`fetch ${name} start`);
    const response = await fetch(input, init);
    if (name) mark(`fetch ${name} done`);
    return response;
  };

  const signalKind = (data: unknown): string => {
    try {
      const payload = JSON.parse(String(data));
      if (payload.hello) return 'hello';
      if (payload.description) return payload.description.type;
      if (payload.candidate) return 'candidate';
      return payload.media ? 'media' : 'other';
    } catch {
      return 'other';
    }
  };
  const OriginalSocket = window.WebSocket;
  class ProbedSocket extends OriginalSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        try {
          const message = JSON.parse(String(event.data));
          if (message.type === 'signal') mark(`ws in ${signalKind(message.data)}`);
          else if (message.type === 'snapshot' && message.data?.state) {
            mark(`ws in ${message.topic} ${message.data.state}`);
          }
        } catch {
          /* not JSON */
        }
      });
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (typeof data === 'string' && data.includes('"type":"signal"')) {
        mark(`ws out ${signalKind(JSON.parse(data).data)}`);
      } else if (typeof data === 'string' && data.includes('"type":"subscribe"')) {
        mark(`ws out subscribe ${JSON.parse(data).sub.topic}`);
      }
      super.send(data);
    }
  }
  window.WebSocket = ProbedSocket;

  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest?.('button');
      if (button) mark(`click ${button.textContent?.trim().replace(/\s+/g, ' ')}`);
    },
    true,
  );

  // When a button first shows (e.g. "Jetzt eintreten", at the frame that paints it): Lit adds
  // whole sections at once.
  const shown = new Set<string>();
  const look = (record: boolean) => {
    for (const button of document.querySelectorAll('button')) {
      const text = button.textContent?.trim().replace(/\s+/g, ' ') ?? '';
      if (text && !shown.has(text) && button.offsetParent !== null) {
        shown.add(text);
        if (record) mark(`shown ${text}`);
      }
    }
  };
  // Looked at once per frame, when the page paints: reading `offsetParent` on each DOM change
  // forced a layout in the middle of the page's own work (the app's pages, not the floor's).
  let looking = false;
  new MutationObserver(() => {
    if (looking) return;
    looking = true;
    requestAnimationFrame(() => {
      looking = false;
      look(true);
    });
  }).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });

  const videoIn = async (pc: RTCPeerConnection, field = 'framesDecoded'): Promise<number> => {
    let sum = 0;
    (await pc.getStats()).forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') sum += s[field] ?? 0;
    });
    return sum;
  };
  const currentPc = () => (window as unknown as HookWindow).__vbCall?.pc ?? null;

  const bench: BenchProbe = {
    marks,
    now,
    mark,
    reset: () => {
      marks.splice(0);
      shown.clear();
      look(false);
    },
    /** The first decoded remote frame of a connection connected at or after `since`. */
    waitFrame: (since: number, timeoutMs: number) =>
      new Promise<number>((resolve, reject) => {
        const give = setTimeout(() => reject(new Error('no remote frame')), timeoutMs);
        const poll = async () => {
          const pc = currentPc();
          // No frame can be decoded before DTLS is up: stats are read only from then on (each
          // getStats() is work on a machine the two pages share with the server).
          const up = pc?.connectionState === 'connected';
          // A connection made ahead of the call (staff) is older than `since`, not its DTLS.
          const fresh = !!pc && (connected.get(pc) ?? 0) >= since;
          if (pc && up && fresh && (await videoIn(pc)) > 0) {
            const at = now();
            mark('first remote frame');
            clearTimeout(give);
            resolve(at);
          } else setTimeout(() => void poll(), 5);
        };
        void poll();
      }),
    /** Frames decoded so far on the current connection. */
    frames: async () => {
      const pc = currentPc();
      return pc ? videoIn(pc) : 0;
    },
    packets: async () => {
      const pc = currentPc();
      return pc ? videoIn(pc, 'packetsReceived') : 0;
    },
    /**
     * The picture is back at a new decoded frame from which frames keep coming for a second
     * (no pause over 300 ms, at least 10 frames): a backlog flushed at once does not count.
     */
    waitSteady: (above: number, timeoutMs: number) =>
      new Promise<Resume>((resolve) => {
        const end = now() + timeoutMs;
        const rises: [at: number, count: number][] = [];
        const steadyFrom = ([t0, n0]: [number, number], i: number) => {
          let previous = t0;
          for (const [t, n] of rises.slice(i + 1)) {
            if (t - previous > 300) return false;
            previous = t;
            if (t - t0 >= 1000) return n - n0 >= 10;
          }
          return false;
        };
        const poll = async () => {
          const pc = currentPc();
          const count = pc ? await videoIn(pc) : 0;
          const at = now();
          if (count > (rises.at(-1)?.[1] ?? above)) rises.push([at, count]);
          const steady = rises.find(steadyFrom);
          if (steady || at > end) {
            resolve({ first: rises[0]?.[0] ?? null, steady: steady?.[0] ?? null });
          } else setTimeout(() => void poll(), 10);
        };
        void poll();
      }),
  };
  window.__bench = bench;
}
