/**
 * Replay throughput of the core decider: shijian's `replay` against a hand-written mutable fold of the same logic,
 * for 10k, 100k and 1M events, with the growth ratio t(1M)/t(100k) (linear ≈ 10) of both.
 */
import { type Decider, emptyTable, getRecord, putRecord, type Recorded, type RecordTable, replay } from 'shijian/core';
import { isMain } from '../examples/_print.js';
import { type BenchRow, growth, growthNote, rotating } from './_harness.js';

interface Line {
  readonly id: string;
  readonly status: 'open' | 'resolved';
  readonly count: number;
}
interface State {
  readonly version: number;
  readonly lines: RecordTable<Line>;
  readonly resolved: number;
}
type Event = { readonly type: 'opened'; readonly id: string } | { readonly type: 'resolved'; readonly id: string };

const decider: Decider<State, Event, Event> = {
  kind: 'bench',
  initialState: { version: 0, lines: emptyTable(), resolved: 0 },
  decide: () => {
    throw new Error('not used');
  },
  evolve(draft, e) {
    if (e.type === 'opened') putRecord(draft.lines, e.id, { id: e.id, status: 'open', count: 0 });
    else {
      const line = getRecord(draft.lines, e.id);
      if (line) {
        line.status = 'resolved';
        line.count++;
        draft.resolved++;
      }
    }
  },
};

function events(n: number): Recorded<Event>[] {
  const out: Recorded<Event>[] = [];
  const lines = Math.max(1, Math.floor(n / 10));
  for (let i = 0; i < n; i++) {
    const id = `l-${i % lines}`;
    out.push({
      type: i < lines ? 'opened' : 'resolved',
      id,
      seq: i + 1,
      at: '2025-10-16T09:00:00+08:00',
      actor: 'bench',
      schemaVersion: 1,
    });
  }
  return out;
}

function handFold(log: readonly Recorded<Event>[]): {
  lines: Map<string, { status: string; count: number }>;
  resolved: number;
} {
  const lines = new Map<string, { status: string; count: number }>();
  let resolved = 0;
  for (const e of log) {
    if (e.type === 'opened') lines.set(e.id, { status: 'open', count: 0 });
    else {
      const l = lines.get(e.id);
      if (l) {
        l.status = 'resolved';
        l.count++;
        resolved++;
      }
    }
  }
  return { lines, resolved };
}

/**
 * The hand fold with its records in one prototype-less object instead of a Map: the layout a JSON-shaped state
 * has (and the shards of a `RecordTable`). V8 keeps such an object as a hash dictionary whose cost per key grows
 * with its size faster than a Map's (building one of 400k keys took 17.5× one of 40k on this machine, a Map 10×);
 * its growth beside the Map fold's shows what the layout alone costs.
 */
function dictFold(log: readonly Recorded<Event>[]): { resolved: number } {
  const lines = Object.create(null) as Record<string, { status: string; count: number }>;
  let resolved = 0;
  for (const e of log) {
    if (e.type === 'opened') lines[e.id] = { status: 'open', count: 0 };
    else {
      const l = lines[e.id];
      if (l) {
        l.status = 'resolved';
        l.count++;
        resolved++;
      }
    }
  }
  return { resolved };
}

/** Full GC when node runs with --expose-gc, so no round pays for the garbage of the one before. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/**
 * Median milliseconds of `replay` and of the hand fold over one log, timed in alternation after a
 * warm-up, with a full GC before each timed call and no earlier result kept alive.
 */
function measure(log: readonly Recorded<Event>[], rounds: number): { shijian: number; baseline: number } {
  const fns = { shijian: () => replay(decider, log), baseline: () => handFold(log) };
  const samples = { shijian: [] as number[], baseline: [] as number[] };
  let sink = 0;
  for (let r = 0; r <= rounds; r++)
    for (const k of ['shijian', 'baseline'] as const) {
      gc();
      const start = performance.now();
      const out = fns[k]();
      const ms = performance.now() - start;
      sink += out.resolved;
      if (r > 0) samples[k].push(ms);
    }
  if (sink < 0) throw new Error('unreachable');
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  return { shijian: median(samples.shijian), baseline: median(samples.baseline) };
}

/** Reads one field of every event and nothing else: what streaming the log through memory costs at a size. */
function readIds(log: readonly Recorded<Event>[]): number {
  let x = 0;
  for (const e of log) x ^= e.id.length;
  return x;
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const logs = new Map([10_000, 100_000, 1_000_000].map((n) => [n, events(n)] as const));
  const log = (n: number) => logs.get(n) as Recorded<Event>[];
  const t10k = measure(log(10_000), 15);
  // 100k and 1M through the shared growth helper: interleaved rounds with a full GC before each, medians, and
  // about ten 100k replays per round for one 1M replay, the hand fold timed the same way beside it
  // the small size in ten copies of its log (see `rotating`): ten 100k replays read as much memory as one of 1M
  const copies = (n: number) => [log(n), ...Array.from({ length: 9 }, () => events(n))];
  const logs100k = copies(100_000);
  const logs10k = copies(10_000);
  const g = growth({
    shijian: { small: rotating(logs100k, (l) => replay(decider, l)), large: () => replay(decider, log(1_000_000)) },
    baseline: { small: rotating(logs100k, (l) => handFold(l)), large: () => handFold(log(1_000_000)) },
    dictionary: { small: rotating(logs100k, (l) => dictFold(l)), large: () => dictFold(log(1_000_000)) },
  });
  const times: [number, { shijian: number; baseline: number }][] = [
    [10_000, t10k],
    [100_000, { shijian: g.shijian.small, baseline: g.baseline.small }],
    [1_000_000, { shijian: g.shijian.large, baseline: g.baseline.large }],
  ];
  for (const [n, t] of times)
    rows.push({
      workload: 'core replay',
      n,
      shijianMs: t.shijian,
      baselineMs: t.baseline,
      note: `${Math.round(n / (t.shijian / 1000)).toLocaleString('en')} events/s (baseline ${Math.round(n / (t.baseline / 1000)).toLocaleString('en')})`,
    });
  // The same growth one size down (ten 10k logs against one 100k log, the same memory per round), and a memory
  // probe: a loop that only reads each event's id, whose growth is what streaming the log alone costs.
  const small = growth({
    shijian: { small: rotating(logs10k, (l) => replay(decider, l)), large: () => replay(decider, log(100_000)) },
    baseline: { small: rotating(logs10k, (l) => handFold(l)), large: () => handFold(log(100_000)) },
  });
  const probe = growth({
    smaller: { small: rotating(logs10k, readIds), large: () => readIds(log(100_000)) },
    larger: { small: rotating(logs100k, readIds), large: () => readIds(log(1_000_000)) },
  });
  rows.push({
    workload: 'core replay growth t(100k)/t(10k)',
    n: 100_000,
    shijianMs: small.shijian.large,
    baselineMs: small.baseline.large,
    note: `growth ${growthNote(small.shijian)} (linear = 10; hand fold ${growthNote(small.baseline)}); memory probe (read each event's id): 10k → 100k ${growthNote(probe.smaller)}, 100k → 1M ${growthNote(probe.larger)}`,
  });
  rows.push({
    workload: 'core replay growth t(1M)/t(100k)',
    n: 1_000_000,
    shijianMs: g.shijian.large,
    baselineMs: g.baseline.large,
    note: `growth ${growthNote(g.shijian)} (linear = 10; hand fold ${growthNote(g.baseline)}; the hand fold into one plain object instead of a Map ${growthNote(g.dictionary)}, ${g.dictionary.large.toFixed(0)} ms at 1M); medians of interleaved rounds, full GC before each, ~10 calls per round at 100k, each on its own copy of the log`,
  });
  return rows;
}

if (isMain(import.meta.url)) run().then((r) => console.table(r));
