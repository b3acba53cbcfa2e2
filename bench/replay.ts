/**
 * Replay throughput of the core decider: shijian's `replay` against a hand-written mutable fold of the same logic,
 * for 10k, 100k and 1M events, with the growth ratio t(1M)/t(100k) (linear ≈ 10).
 */
import { type Decider, emptyTable, getRecord, putRecord, type Recorded, type RecordTable, replay } from 'shijian/core';
import { isMain } from '../examples/_print.js';
import type { BenchRow } from './_harness.js';
import { time } from './_harness.js';

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

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const ms: Record<number, number> = {};
  for (const n of [10_000, 100_000, 1_000_000]) {
    const log = events(n);
    const rounds = n >= 1_000_000 ? 3 : 5;
    const shijianMs = time(() => replay(decider, log), { rounds, minMs: 1 });
    const baselineMs = time(() => handFold(log), { rounds, minMs: 1 });
    ms[n] = shijianMs;
    rows.push({
      workload: 'core replay',
      n,
      shijianMs,
      baselineMs,
      note: `${Math.round(n / (shijianMs / 1000)).toLocaleString('en')} events/s (baseline ${Math.round(n / (baselineMs / 1000)).toLocaleString('en')})`,
    });
  }
  const growth = (ms[1_000_000] as number) / (ms[100_000] as number);
  rows.push({
    workload: 'core replay growth t(1M)/t(100k)',
    n: 1_000_000,
    shijianMs: ms[1_000_000] as number,
    note: `growth ${growth.toFixed(2)} (linear = 10)`,
  });
  return rows;
}

if (isMain(import.meta.url)) run().then((r) => console.table(r));
