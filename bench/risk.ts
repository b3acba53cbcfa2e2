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
import { type BenchRow, type Growth, growth, growthNote, memory, ratio, type SizedPair, time } from './_harness.js';

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

function build(n: number): { state: RiskState; rows: PlainRow[]; buildMs: number } {
  const rnd = lcg(42);
  const acc = { version: 0, risks: {}, consultations: {}, keyPosts: {} } as unknown as Draft<RiskState>;
  const rows: PlainRow[] = new Array(n);
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
  for (let i = 0; i < n; i++) {
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

/** Throws when shijian and the baseline disagree: the ratios compare equal work only. */
function check(what: string, ok: boolean): void {
  if (!ok) throw new Error(`[bench/risk] ${what}: shijian and the baseline disagree`);
}

const sortedIds = (xs: readonly { id: string }[]) => xs.map((x) => x.id).sort();
const sameIds = (a: readonly { id: string }[], b: readonly { id: string }[]) =>
  JSON.stringify(sortedIds(a)) === JSON.stringify(sortedIds(b));

/** The list, heat-map and metrics workloads on an n-item state; the answers are checked against the baseline. */
function queries(n: number) {
  const { state, rows, buildMs } = build(n);
  const ctx = fixedContext({ now: AT });
  const today = '2025-10-16' as IsoDate;
  const levelUnit = { level: 'major', unitId: 'u-7' } as const;
  const baseFilter = () => rows.filter((r) => r.level === 'major' && r.unitId === 'u-7');
  const broadFilter = () =>
    rows.filter(
      (r) =>
        r.stage === 'controlling' &&
        ((r.deadline ?? '9') < today || (r.measureOpen && (r.measureDeadline ?? '9') < today)),
    );

  // first call on the folded state: evolveRisk kept the index while folding (its cost is in the build row)
  const f0 = performance.now();
  const first = riskList(state, levelUnit);
  const coldMs = performance.now() - f0;
  check('riskList level+unit', sameIds(first, baseFilter()));

  // first call after a change: a command copies one shard of the table, so only that shard is indexed again.
  // Each sample is a new change (a fresh copy of the shard, so a shard without an index): the median of 5.
  const [key, shard] = Object.entries(state.risks).find(([, s]) => 'r-7' in s) as [string, RiskState['risks'][string]];
  const r7 = shard['r-7'] as RiskState['risks'][string][string];
  const changedSamples: number[] = [];
  for (let k = 0; k < 5; k++) {
    const changed: RiskState = {
      ...state,
      risks: { ...state.risks, [key]: { ...shard, 'r-7': { ...r7, lastReviewOn: today } } },
    };
    const c0 = performance.now();
    const afterChange = riskList(changed, levelUnit);
    changedSamples.push(performance.now() - c0);
    check('riskList after a change', sameIds(afterChange, first));
  }
  const changedMs = changedSamples.sort((a, b) => a - b)[2] as number;

  const broad = riskList(state, { stage: 'controlling', overdueOn: today });
  check('riskList controlling+overdue', sameIds(broad, broadFilter()));

  const heatBaseline = () => {
    const cells = new Array<number>(25).fill(0);
    const byLevel = { low: 0, general: 0, significant: 0, major: 0 };
    for (const r of rows)
      if (r.stage !== 'closed') {
        const k = (r.l - 1) * 5 + r.s - 1;
        cells[k] = (cells[k] ?? 0) + 1;
        byLevel[r.level]++;
      }
    return { cells, byLevel };
  };
  const heat = heatMap(state, MATRIX_METHOD_A);
  const heatExpected = heatBaseline();
  check(
    'heatMap',
    JSON.stringify(heat.cells.flat()) === JSON.stringify(heatExpected.cells) &&
      JSON.stringify(heat.byLevel) === JSON.stringify(heatExpected.byLevel),
  );

  // metrics per unit (working days memoised in both)
  const memo = new Map<string, number>();
  const ordinal = (d: IsoDate): number => {
    const hit = memo.get(d);
    if (hit !== undefined) return hit;
    let k = 0;
    for (let x = '2025-01-01' as IsoDate; x < d; x = addDays(x, 1))
      if (isWorkday(addDays(x, 1), { calendar: chinaWorkCalendar })) k++;
    memo.set(d, k);
    return k;
  };
  const metricsBaseline = () => {
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
  };
  const m = metrics(state, ctx, { groupBy: 'unit' });
  const mExpected = metricsBaseline();
  check(
    'metrics',
    [...mExpected].every(([u, a]) => {
      const got = m[u];
      return (
        got !== undefined &&
        got['risk.open-major'] === a.open[3] &&
        got['risk.open-low'] === a.open[0] &&
        got['risk.closed'] === a.closed &&
        got['risk.overdue-measures'] === a.overdue &&
        (a.closed === 0 || got['risk.on-time-closure-rate'] === a.onTime / a.closed)
      );
    }) && Object.keys(m).length === mExpected.size,
  );

  // the repeatable workloads, timed by the growth helper in run() with both sizes interleaved
  const workloads: Record<Workload, () => unknown> = {
    warm: () => riskList(state, levelUnit),
    warmBase: baseFilter,
    broad: () => riskList(state, { stage: 'controlling', overdueOn: today }),
    broadBase: broadFilter,
    heat: () => heatMap(state, MATRIX_METHOD_A),
    heatBase: heatBaseline,
    metrics: () => metrics(state, ctx, { groupBy: 'unit' }),
    metricsBase: metricsBaseline,
  };
  return {
    state,
    rows,
    buildMs,
    workloads,
    cold: { ms: coldMs, rows: first.length },
    changed: { ms: changedMs },
    broadRows: broad.length,
  };
}

type Workload = 'warm' | 'warmBase' | 'broad' | 'broadBase' | 'heat' | 'heatBase' | 'metrics' | 'metricsBase';

/** `growth … (baseline …)` for a row's note. */
const growthOf = (g: Record<Workload, Growth>, ours: Workload, base: Workload) =>
  `growth t(n)/t(n/10) = ${growthNote(g[ours])} (baseline ${growthNote(g[base])})`;

export async function run(): Promise<BenchRow[]> {
  // the same workloads on a tenth of the items, kept alive beside the full state: the growth helper times both
  // sizes in interleaved rounds (medians, one call per size and round)
  const small = queries(Math.round(N / 10));
  const before = memory();
  const big = queries(N);
  const heapMb = memory() - before;
  const { state, rows, buildMs } = big;
  const keys = Object.keys(big.workloads) as Workload[];
  const g = growth(
    Object.fromEntries(keys.map((k) => [k, { small: small.workloads[k], large: big.workloads[k] }])) as Record<
      Workload,
      SizedPair
    >,
    // a full GC of the 1.3 GB heap costs more than a round of queries: one per round, the order reversed each round;
    // one call per size and round (minMs 0), so the small state is not queried ten times over while it sits in the
    // caches (ten copies of it, as the other suites use, would add about 1.2 GB)
    { rounds: 9, gcEvery: 'round', minMs: 0 },
  );
  const baseMs = g.warmBase.large;
  const once = (ours: number, smallMs: number, base: number) =>
    `growth t(n)/t(n/10) = ${(ours / smallMs).toFixed(1)} (baseline ${base.toFixed(1)})`;
  const out: BenchRow[] = [];

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
  out.push({
    workload: 'riskList level+unit, first call on the folded state',
    n: N,
    shijianMs: big.cold.ms,
    baselineMs: baseMs,
    note: `${big.cold.rows} rows, same as the baseline's; index kept by evolveRisk while folding (cost in the build row); one call per state, so one sample per size: ${once(big.cold.ms, small.cold.ms, g.warmBase.ratio)}`,
  });
  out.push({
    workload: 'riskList level+unit, first call after a change (one shard re-indexed)',
    n: N,
    shijianMs: big.changed.ms,
    baselineMs: baseMs,
    note: `a command copies one of 256 shards; median of 5 changes per size: ${once(big.changed.ms, small.changed.ms, g.warmBase.ratio)}`,
  });
  out.push({
    workload: 'riskList level+unit, indexed',
    n: N,
    shijianMs: g.warm.large,
    baselineMs: baseMs,
    note: growthOf(g, 'warm', 'warmBase'),
  });
  out.push({
    workload: 'riskList controlling+overdue (broad, rows built)',
    n: N,
    shijianMs: g.broad.large,
    baselineMs: g.broadBase.large,
    note: `${big.broadRows} rows, same as the baseline's; ${growthOf(g, 'broad', 'broadBase')}`,
  });
  out.push({
    workload: 'heatMap 5×5 + by level',
    n: N,
    shijianMs: g.heat.large,
    baselineMs: g.heatBase.large,
    note: `same counts; ${growthOf(g, 'heat', 'heatBase')}`,
  });
  out.push({
    workload: `metrics groupBy unit (${UNITS} units)`,
    n: N,
    shijianMs: g.metrics.large,
    baselineMs: g.metricsBase.large,
    note: `same counts; ${growthOf(g, 'metrics', 'metricsBase')}`,
  });
  out.push({
    workload: 'build 1M-item state by folding events (once)',
    n: N,
    shijianMs: buildMs,
    note: `growth t(n)/t(n/10) = ${(buildMs / small.buildMs).toFixed(1)}; heap ≈ ${heapMb.toFixed(0)} MB for state + index + baseline rows; sink ${sink % 7} (${state.version} events)`,
  });
  return out;
}

if (isMain(import.meta.url)) run().then((r) => console.table(r));
