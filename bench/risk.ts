/**
 * Risk lists at scale: 1M risk items — rating, filtering the list, the heat map and per-unit metrics —
 * against hand-written baselines over plain arrays in the same run, reported as ratios.
 * The shijian state is built by folding synthetic events with `evolveRisk` (what `replay` does),
 * without keeping the events, so the 1M-item state fits in memory next to the baseline rows.
 */
import type { Draft } from 'immer';
import {
  addDays,
  chinaWorkCalendar,
  fixedContext,
  type Instant,
  type IsoDate,
  isWorkday,
  type Recorded,
} from 'shijian/core';
import {
  evolveRisk,
  heatMap,
  levelAt,
  MATRIX_METHOD_A,
  metrics,
  type RiskEvent,
  type RiskFactors,
  type RiskLevel,
  type RiskState,
  rateRisk,
  riskList,
} from 'shijian/risk';
import { isMain } from '../examples/_print.js';
import { type BenchRow, memory, ratio, time } from './_harness.js';

const N = Number(process.env.RISK_BENCH_N ?? 1_000_000);
const UNITS = 200;
const AT = '2025-10-16T09:00:00+08:00' as Instant;

// A deterministic pseudo-random stream (no Math.random: reruns compare like with like).
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface PlainRow {
  id: string;
  unitId: string;
  l: number;
  s: number;
  level: RiskLevel;
  stage: 'assessed' | 'assigned' | 'controlling' | 'closed';
  identifiedOn: IsoDate;
  deadline?: IsoDate;
  closedOn?: IsoDate;
  measureDeadline?: IsoDate;
  measureOpen: boolean;
}

const LEVEL_CODE = { low: 0, general: 1, significant: 2, major: 3 } as const;

function baselineLevel(score: number): RiskLevel {
  if (score >= 20) return 'major';
  if (score >= 15) return 'significant';
  if (score >= 9) return 'general';
  return 'low';
}

function build(): { state: RiskState; rows: PlainRow[]; buildMs: number } {
  const rnd = lcg(42);
  const acc = { version: 0, risks: {}, consultations: {}, keyPosts: {} } as unknown as Draft<RiskState>;
  const rows: PlainRow[] = new Array(N);
  let seq = 0;
  const fold = (e: RiskEvent) => {
    // stamp in place: the synthetic events are not kept, so no copy is needed
    const r = e as RiskEvent & { seq: number; at: Instant; actor: string; schemaVersion: number };
    r.seq = ++seq;
    r.at = AT;
    r.actor = 'bench';
    r.schemaVersion = 1;
    evolveRisk(acc, r as Recorded<RiskEvent>);
  };
  // 400 consecutive days from 2025-01-02, formatted once
  const DAYS: IsoDate[] = [];
  for (let k = 0; k < 400; k++) DAYS.push(addDays('2025-01-02', k));
  const dayAt = (k: number) => DAYS[k] as IsoDate;
  const start = performance.now();
  for (let i = 0; i < N; i++) {
    const riskId = `r-${i}`;
    const unitId = `u-${i % UNITS}`;
    const d0 = Math.floor(rnd() * 200);
    const identifiedOn = dayAt(d0);
    const l = 1 + Math.floor(rnd() * 5);
    const s = 1 + Math.floor(rnd() * 5);
    const factors: RiskFactors = { likelihood: l, impact: s };
    const score = l * s;
    const level = baselineLevel(score);
    const rating = { methodId: MATRIX_METHOD_A.id, factors, score, level };
    fold({
      type: 'risk-identified',
      riskId,
      title: '抽检不合格',
      category: 'food',
      source: 'inspection',
      unitId,
      on: identifiedOn,
    });
    fold({ type: 'risk-assessed', riskId, inherent: rating, current: rating, reason: '评估' });
    const row: PlainRow = { id: riskId, unitId, l, s, level, stage: 'assessed', identifiedOn, measureOpen: false };
    const r = rnd();
    if (r < 0.7) {
      const deadline = dayAt(d0 + 30 + Math.floor(rnd() * 120));
      fold({
        type: 'risk-assigned',
        riskId,
        assignment: { ownerUnitId: unitId, responsibleId: `m-${i % 5000}`, deadline, assignedOn: identifiedOn },
      });
      row.stage = 'assigned';
      row.deadline = deadline;
      if (r < 0.5) {
        const md = dayAt(d0 + 10 + Math.floor(rnd() * 60));
        fold({
          type: 'measure-added',
          riskId,
          measure: {
            id: 'ms-1',
            text: '快检',
            ownerId: `m-${i % 5000}`,
            deadline: md,
            addedOn: identifiedOn,
            status: { stage: 'open' },
          },
        });
        fold({ type: 'control-started', riskId, on: identifiedOn });
        row.stage = 'controlling';
        row.measureDeadline = md;
        row.measureOpen = true;
        if (r < 0.25) {
          const closedOn = dayAt(d0 + 5 + Math.floor(rnd() * 150));
          fold({ type: 'measure-completed', riskId, measureId: 'ms-1', on: identifiedOn, evidence: '完成' });
          fold({ type: 'risk-closed', riskId, on: closedOn, closure: { kind: 'eliminated', evidence: '复查' } });
          row.stage = 'closed';
          row.closedOn = closedOn;
          row.measureOpen = false;
        }
      }
    }
    rows[i] = row;
  }
  acc.version = seq;
  return { state: acc as unknown as RiskState, rows, buildMs: performance.now() - start };
}

export async function run(): Promise<BenchRow[]> {
  const before = memory();
  const { state, rows, buildMs } = build();
  const heapMb = memory() - before;
  const out: BenchRow[] = [];
  const ctx = fixedContext({ now: AT });
  const today = '2025-10-16' as IsoDate;

  // rate: the Result-returning API, the bare grid lookup, and a hand-written if-chain
  const pairs = rows.map((r) => ({ likelihood: r.l, impact: r.s }));
  let sink = 0;
  const rateMs = time(
    () => {
      for (const f of pairs) {
        const x = rateRisk(MATRIX_METHOD_A, f);
        if (x.ok) sink += x.value.score;
      }
    },
    { rounds: 3 },
  );
  const atMs = time(
    () => {
      for (const f of pairs) if (levelAt(MATRIX_METHOD_A, [f.likelihood - 1, f.impact - 1]) === 'major') sink++;
    },
    { rounds: 3 },
  );
  const rateBase = time(
    () => {
      for (const f of pairs) if (baselineLevel(f.likelihood * f.impact) === 'major') sink++;
    },
    { rounds: 3 },
  );
  out.push({
    workload: 'rate 1M (rateRisk → Result)',
    n: N,
    shijianMs: rateMs,
    baselineMs: rateBase,
    note: `${ratio(rateMs, rateBase)} of an if-chain`,
  });
  out.push({
    workload: 'rate 1M (levelAt grid lookup)',
    n: N,
    shijianMs: atMs,
    baselineMs: rateBase,
    note: ratio(atMs, rateBase),
  });

  // filter: first call builds the per-state index; later calls reuse it
  const f0 = performance.now();
  const cold = riskList(state, { level: 'major', unitId: 'u-7' }).length;
  const coldMs = performance.now() - f0;
  const warmMs = time(() => riskList(state, { level: 'major', unitId: 'u-7' }), { rounds: 5 });
  const baseFilter = time(() => rows.filter((r) => r.level === 'major' && r.unitId === 'u-7'), { rounds: 5 });
  const broadMs = time(() => riskList(state, { stage: 'controlling', overdueOn: today }), { rounds: 3 });
  const broadBase = time(
    () =>
      rows.filter(
        (r) =>
          r.stage === 'controlling' &&
          ((r.deadline ?? '9') < today || (r.measureOpen && (r.measureDeadline ?? '9') < today)),
      ),
    { rounds: 3 },
  );
  out.push({
    workload: 'riskList level+unit, first call (builds index)',
    n: N,
    shijianMs: coldMs,
    baselineMs: baseFilter,
    note: `${cold} rows; ${ratio(coldMs, baseFilter)}`,
  });
  out.push({
    workload: 'riskList level+unit, indexed',
    n: N,
    shijianMs: warmMs,
    baselineMs: baseFilter,
    note: ratio(warmMs, baseFilter),
  });
  out.push({
    workload: 'riskList controlling+overdue (broad, rows built)',
    n: N,
    shijianMs: broadMs,
    baselineMs: broadBase,
    note: ratio(broadMs, broadBase),
  });

  // heat map
  const heatMs = time(() => heatMap(state, MATRIX_METHOD_A), { rounds: 5 });
  const heatBase = time(
    () => {
      const cells = new Array<number>(25).fill(0);
      const byLevel = { low: 0, general: 0, significant: 0, major: 0 };
      for (const r of rows)
        if (r.stage !== 'closed') {
          const k = (r.l - 1) * 5 + r.s - 1;
          cells[k] = (cells[k] ?? 0) + 1;
          byLevel[r.level]++;
        }
      return cells;
    },
    { rounds: 3 },
  );
  out.push({
    workload: 'heatMap 5×5 + by level',
    n: N,
    shijianMs: heatMs,
    baselineMs: heatBase,
    note: ratio(heatMs, heatBase),
  });

  // metrics per unit (working days memoised in both)
  const memo = new Map<string, number>();
  const ordinal = (d: IsoDate): number => {
    const hit = memo.get(d);
    if (hit !== undefined) return hit;
    let n = 0;
    for (let x = '2025-01-01' as IsoDate; x < d; x = addDays(x, 1))
      if (isWorkday(addDays(x, 1), { calendar: chinaWorkCalendar })) n++;
    memo.set(d, n);
    return n;
  };
  const metricsMs = time(() => metrics(state, ctx, { groupBy: 'unit' }), { rounds: 3 });
  const metricsBase = time(
    () => {
      const by = new Map<string, { open: number[]; closed: number; onTime: number; wd: number; overdue: number }>();
      for (const r of rows) {
        let a = by.get(r.unitId);
        if (!a) {
          a = { open: [0, 0, 0, 0], closed: 0, onTime: 0, wd: 0, overdue: 0 };
          by.set(r.unitId, a);
        }
        if (r.stage === 'closed' && r.closedOn) {
          a.closed++;
          if (r.deadline && r.closedOn <= r.deadline) a.onTime++;
          a.wd += ordinal(r.closedOn) - ordinal(r.identifiedOn);
        } else {
          const li = LEVEL_CODE[r.level];
          a.open[li] = (a.open[li] ?? 0) + 1;
          if (r.measureOpen && (r.measureDeadline ?? '9') < today) a.overdue++;
        }
      }
      return by;
    },
    { rounds: 3 },
  );
  out.push({
    workload: `metrics groupBy unit (${UNITS} units)`,
    n: N,
    shijianMs: metricsMs,
    baselineMs: metricsBase,
    note: ratio(metricsMs, metricsBase),
  });
  out.push({
    workload: 'build 1M-item state by folding events (once)',
    n: N,
    shijianMs: buildMs,
    note: `heap ≈ ${heapMb.toFixed(0)} MB for state + baseline rows; sink ${sink % 7}`,
  });
  return out;
}

if (isMain(import.meta.url)) run().then((r) => console.table(r));
