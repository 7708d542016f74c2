/** The printed report of the call-setup bench: figures, the median call's timeline, goals. */
import type { AppResult } from './call-app.js';
import type { FloorResult } from './call-floor.js';
import type { CutResult, RestartResult } from './call-recovery.js';
import {
  goalLines,
  line,
  medianRound,
  ms,
  p50,
  p95,
  perRound,
  timelineLines,
  type Goal,
  type Timeline,
} from './call-stats.js';

export interface Results {
  app: AppResult;
  floorDirect: FloorResult;
  floorRelay: FloorResult | null;
  cuts: CutResult[];
  restarts: RestartResult[];
  floorCuts: CutResult[];
  join: string;
}

const log = (text = '') => console.log(text);
const later = (rows: Timeline, a: string, b: string) => {
  const at = (name: string) => rows.find(([event]) => event === name)?.[1] ?? NaN;
  return Math.max(at(a), at(b));
};

export function report(r: Results): void {
  const floor = r.floorRelay ?? r.floorDirect;
  log(
    '\n== call setup (ms; t0 = staff click event on "Nächste Person aufrufen", t1 = first decoded remote frame)',
  );
  for (const s of [r.app.citizen, r.app.staff, r.app.both]) log(`app   ${line(s)}`);
  for (const f of [r.floorDirect, r.floorRelay]) {
    if (f) for (const s of [f.a, f.b, f.both]) log(`      ${line(s)}`);
  }
  log(`citizen's join click: ${r.join}`);
  log(
    `(Playwright's staff click() call → click event in the page: median ${ms(p50(r.app.clickLag))} ms, not counted)`,
  );

  const first = 'staff: first remote frame';
  const median = medianRound(r.app.timelines, (rows) =>
    later(rows, first, 'citizen: first remote frame'),
  );
  if (median) {
    log('\n== app: the median call, both pages (ms after t0; first time of each event)');
    // Buttons shown are noise here, except the one the citizen presses.
    const rows = median.filter(([name]) => !/: shown (?!Jetzt eintreten)/.test(name));
    for (const l of timelineLines(rows)) log(l);
  }
  log('milestones over all calls (ms after t0, first time in each call):');
  for (const name of [
    'staff: setLocal offer done',
    'citizen: ws in ticket called',
    'citizen: click Jetzt eintreten',
    'citizen: ws in offer',
    'citizen: setLocal answer done',
    'staff: ws in answer',
    'staff: ice connected',
    'citizen: ice connected',
    'staff: pc connected',
    'citizen: pc connected',
    'staff: first remote frame',
    'citizen: first remote frame',
  ]) {
    const at = r.app.timelines.flatMap((rows) => rows.find(([event]) => event === name) ?? []);
    const times = at.filter((v): v is number => typeof v === 'number');
    log(
      `  ${name.padEnd(34)} p50 ${ms(p50(times)).padStart(4)}  p95 ${ms(p95(times)).padStart(4)}`,
    );
  }
  log('per call:');
  for (const name of [
    'citizen: ws out hello',
    'staff: ws out offer',
    'citizen: setRemote offer done',
    'citizen: ws out answer',
    'staff: getUserMedia start',
    'citizen: getUserMedia start',
  ]) {
    log(`  ${perRound(r.app.timelines, name)}`);
  }
  const floorMedian = medianRound(floor.timelines, (rows) =>
    later(rows, 'A: first remote frame', 'B: first remote frame'),
  );
  if (floorMedian) {
    log(
      `\n== floor (${r.floorRelay ? 'relay A' : 'direct'}): the median round (ms after createOffer)`,
    );
    for (const l of timelineLines(floorMedian)) log(l);
  }

  const cutLines = (cs: CutResult[], who: string) =>
    cs.forEach((c, i) => {
      const fmt = (v: number | null) => (v === null ? 'never' : `${ms(v)}`);
      const notes = [
        c.stopped ? '' : ` (packets did not stop: no cut; ${JSON.stringify(c.counts)})`,
        c.steadyBefore ? '' : ' (picture not steady before the cut)',
      ].join('');
      log(
        `${who} ${c.cut} ${c.holdMs} ms #${i + 1}: steady picture ${c.sides.map(fmt).join(' / ')} ms` +
          ` (first frame ${c.firsts.map(fmt).join(' / ')} ms)${notes}`,
      );
      const steps = c.after.filter((a) =>
        /ice |pc |setLocal|setRemote|ws (in|out) (offer|answer|hello)|fetch ice/.test(a),
      );
      if (steps.length) log(`      ${steps.slice(0, 40).join(' · ')}`);
    });
  if (r.cuts.length) {
    log(
      '\n== recovery (ms after the restore; A/staff / B/citizen; steady: no pause > 300 ms and ≥ 10 frames in the next second)',
    );
    cutLines(r.cuts, 'app  ');
    cutLines(r.floorCuts, 'floor');
  }
  if (r.restarts.length) {
    log('\n== recovery without TURN: no path to cut (see call-recovery.ts); ICE restarts instead');
  }
  for (const [i, x] of r.restarts.entries()) {
    const done = x.restartMs === null ? 'never' : `${ms(x.restartMs)} ms`;
    log(
      `app restartIce() #${i + 1}: new ICE pair in use after ${done}; longest gap in decoded frames: staff ${ms(x.gaps[0]!)} ms, citizen ${ms(x.gaps[1]!)} ms`,
    );
  }

  const both = r.app.both.values;
  const ratio50 = p50(both) / p50(floor.both.values);
  const ratio95 = p95(both) / p95(floor.both.values);
  const worstOf = (cs: CutResult[], pick: (c: CutResult) => (number | null)[]) =>
    cs.length ? Math.max(...cs.map((c) => Math.max(...pick(c).map((v) => v ?? Infinity)))) : NaN;
  const valid = (c: CutResult) => c.stopped && c.steadyBefore;
  const freezes = r.cuts.filter((c) => c.cut === 'freeze' && valid(c));
  const restarts = r.cuts.filter((c) => c.cut === 'restart' && valid(c));
  const worstFreeze = worstOf(freezes, (c) => c.sides);
  const worstRestart = worstOf(restarts, (c) => c.sides);
  const firstFreeze = worstOf(freezes, (c) => c.firsts);
  const firstRestart = worstOf(restarts, (c) => c.firsts);
  const floorFreeze = worstOf(r.floorCuts.filter(valid), (c) => c.sides);
  const floorName = r.floorRelay ? 'relay' : 'direct';
  const goals: Goal[] = [
    { what: 'app p50 (both sides) ≤ 300 ms', value: `${ms(p50(both))} ms`, met: p50(both) <= 300 },
    { what: 'app p95 (both sides) ≤ 500 ms', value: `${ms(p95(both))} ms`, met: p95(both) <= 500 },
    {
      what: `app p50 ≤ 1.5 × floor p50 (${floorName})`,
      value: `${ratio50.toFixed(2)} × (floor ${ms(p50(floor.both.values))} ms)`,
      met: ratio50 <= 1.5,
    },
    {
      what: `app p95 ≤ 1.5 × floor p95 (${floorName})`,
      value: `${ratio95.toFixed(2)} × (floor ${ms(p95(floor.both.values))} ms)`,
      met: ratio95 <= 1.5,
    },
    r.cuts.length
      ? {
          what: 'frames resume ≤ 2 s after the path returns (blip)',
          value: `worst steady ${ms(worstFreeze)} ms, first frame ${ms(firstFreeze)} ms (relay frozen 1–6 s; floor steady ${ms(floorFreeze)} ms)`,
          met: worstFreeze <= 2000,
        }
      : {
          what: 'frames resume ≤ 2 s after the path returns',
          value: 'not measurable without --turn (no path to cut)',
          met: null,
        },
    ...(r.cuts.length
      ? [
          {
            what: '… and after a relay restart (allocations lost)',
            value: `worst steady ${ms(worstRestart)} ms, first frame ${ms(firstRestart)} ms (relay down 3 s, then a new coturn)`,
            met: worstRestart <= 2000,
          },
        ]
      : []),
  ];
  log('\n== goals');
  for (const l of goalLines(goals)) log(l);
  log(
    '(recovery goals are judged on the steady picture: a first frame followed by a frozen one is no recovery)',
  );
  log(
    '(the citizen\'s "Jetzt eintreten" click is automatic: the figures are system latency, no human in them)',
  );
}
