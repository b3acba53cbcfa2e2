/**
 * Rating benchmark: `evaluateMany` against hand-written flat loops over typed arrays that compute the
 * same numbers, in the same run, as ratios:
 * - column-wise facts (one Float64Array per leaf) against a loop that scores every leaf and sums every
 *   node bottom-up into a fresh Float64Array(units × nodes) — all node scores, not just totals;
 * - per-unit objects against packing them into those columns plus the same loop;
 * for trees of 5 / 35 / 185 nodes (1, 2 and 3 levels) and 30,000 units, and the growth from 3,000 to
 * 30,000 to 300,000 units. Totals and every node score are checked to agree before timing.
 * Run with `npx tsx bench/rating.ts`.
 */
import { unwrap } from 'shijian/core';
import {
  type ColumnFacts,
  type CompiledTree,
  compileTree,
  evaluateMany,
  type IndicatorTreeInput,
  parseIndicatorTree,
  type UnitFacts,
} from 'shijian/rating';
import { isMain } from '../examples/_print.js';
import { type BenchRow, growth, growthNote, rotating, time } from './_harness.js';

/** 5 first-level areas, then `fan` children per node down to `levels`; leaves score value ÷ 100. */
function treeOf(levels: 1 | 2 | 3): IndicatorTreeInput {
  const fans = [5, 6, 5];
  const nodes: IndicatorTreeInput['nodes'] = [];
  const grow = (parent: string | undefined, depth: number, points: number): void => {
    const fan = fans[depth - 1] as number;
    for (let i = 0; i < fan; i++) {
      const code = parent === undefined ? `N${i}` : `${parent}.${i}`;
      const pts = points / fan;
      const leaf = depth === levels;
      nodes.push({
        code,
        ...(parent === undefined ? {} : { parent }),
        title: { 'zh-CN': code },
        depth,
        points: pts,
        ...(leaf ? { rule: { kind: 'ratio', target: 100 } } : {}),
      });
      if (!leaf) grow(code, depth + 1, pts);
    }
  };
  grow(undefined, 1, 100);
  return {
    id: `bench-${levels}`,
    name: { 'zh-CN': '基准' },
    version: 1,
    effectiveFrom: '2025-01-01',
    totalPoints: 100,
    nodes,
  };
}

function columnsFor(leafCodes: readonly string[], units: number): ColumnFacts {
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const columns: Record<string, Float64Array> = {};
  for (const c of leafCodes) columns[c] = Float64Array.from({ length: units }, () => Math.floor(rnd() * 101));
  return { unitIds: Array.from({ length: units }, (_, i) => `u${i}`), columns };
}

function objectsFor(leafCodes: readonly string[], facts: ColumnFacts): UnitFacts[] {
  return facts.unitIds.map((unitId, u) => {
    const values: Record<string, number> = {};
    for (const c of leafCodes) values[c] = (facts.columns[c] as Float64Array)[u] as number;
    return { unitId, values };
  });
}

/** The flat tree the baseline walks: parent index, leaf node index, leaf points. */
interface Flat {
  readonly nodes: number;
  readonly parent: Int32Array;
  readonly leafNode: Int32Array;
  readonly leafPoints: Float64Array;
}

function flatOf(ct: CompiledTree): Flat {
  return {
    nodes: ct.codes.length,
    parent: ct.parent,
    leafNode: ct.leaves,
    leafPoints: Float64Array.from(ct.leaves, (i) => ct.points[i] as number),
  };
}

/**
 * The baseline: every node score of every unit into a fresh unit-major Float64Array, the leaves as
 * points × min(1, value ÷ 100), then one backward pass adding each node into its parent (nodes are
 * in depth-first order), first-level nodes into the total.
 */
function baseline(
  f: Flat,
  cols: readonly Float64Array[],
  units: number,
): { scores: Float64Array; total: Float64Array } {
  const N = f.nodes;
  const L = cols.length;
  const scores = new Float64Array(units * N);
  const total = new Float64Array(units);
  const { parent, leafNode, leafPoints } = f;
  for (let u = 0; u < units; u++) {
    const b = u * N;
    for (let l = 0; l < L; l++) {
      const r = ((cols[l] as Float64Array)[u] as number) / 100;
      scores[b + (leafNode[l] as number)] = (leafPoints[l] as number) * (r < 1 ? r : 1);
    }
    let t = 0;
    for (let i = N - 1; i >= 0; i--) {
      const p = parent[i] as number;
      const s = scores[b + i] as number;
      if (p < 0) t += s;
      else scores[b + p] = (scores[b + p] as number) + s;
    }
    total[u] = t;
  }
  return { scores, total };
}

/** Packing per-unit objects into one Float64Array per leaf, as a host would before the flat loop. */
function pack(leafCodes: readonly string[], units: readonly UnitFacts[]): Float64Array[] {
  const U = units.length;
  const cols = leafCodes.map(() => new Float64Array(U));
  for (let u = 0; u < U; u++) {
    const values = (units[u] as UnitFacts).values;
    for (let l = 0; l < leafCodes.length; l++) (cols[l] as Float64Array)[u] = values[leafCodes[l] as string] as number;
  }
  return cols;
}

function check(
  ct: CompiledTree,
  f: Flat,
  cols: readonly Float64Array[],
  units: number,
  input: ColumnFacts | UnitFacts[],
) {
  const ref = baseline(f, cols, units);
  const batch = unwrap(evaluateMany(ct, input));
  let maxDiff = 0;
  for (let u = 0; u < units; u++)
    maxDiff = Math.max(maxDiff, Math.abs((batch.total[u] as number) - (ref.total[u] as number)));
  for (let k = 0; k < ref.scores.length; k++)
    maxDiff = Math.max(maxDiff, Math.abs((batch.scores[k] as number) - (ref.scores[k] as number)));
  if (maxDiff > 1e-9) throw new Error(`[bench] node scores or totals disagree by ${maxDiff}`);
}

function measure(levels: 1 | 2 | 3, units: number, rounds: number, objects: boolean): BenchRow[] {
  const tree = unwrap(parseIndicatorTree(treeOf(levels)));
  const ct = compileTree(tree);
  const f = flatOf(ct);
  const leafCodes = Array.from(ct.leaves, (i) => ct.codes[i] as string);
  const facts = columnsFor(leafCodes, units);
  const cols = leafCodes.map((c) => facts.columns[c] as Float64Array);
  const shape = `${ct.codes.length + 1} nodes (with root) / ${leafCodes.length} leaves`;
  check(ct, f, cols, units, facts);
  const shijianMs = time(() => evaluateMany(ct, facts), { rounds });
  const baselineMs = time(() => baseline(f, cols, units), { rounds });
  const rows: BenchRow[] = [
    {
      workload: `evaluateMany, column facts, ${shape}`,
      n: units,
      shijianMs,
      baselineMs,
      note: `${(shijianMs / baselineMs).toFixed(2)}× the flat all-nodes loop`,
    },
  ];
  if (objects) {
    const objs = objectsFor(leafCodes, facts);
    check(ct, f, pack(leafCodes, objs), units, objs);
    const objMs = time(() => evaluateMany(ct, objs), { rounds });
    const packMs = time(() => baseline(f, pack(leafCodes, objs), units), { rounds });
    rows.push({
      workload: `evaluateMany, object facts, ${shape}`,
      n: units,
      shijianMs: objMs,
      baselineMs: packMs,
      note: `${(objMs / packMs).toFixed(2)}× packing + the flat all-nodes loop`,
    });
  }
  return rows;
}

/**
 * Growth of `evaluateMany` (column facts, the 36-node tree) and of the flat loop from n to 10n units, timed by the
 * shared growth helper: sizes interleaved in rounds, a full GC before each run, and the ~ten small calls of a round
 * each on its own copy of the facts (see `rotating`), so that they read as much distinct memory as the large call.
 */
function growthRows(n: number): BenchRow[] {
  const tree = unwrap(parseIndicatorTree(treeOf(2)));
  const ct = compileTree(tree);
  const f = flatOf(ct);
  const leafCodes = Array.from(ct.leaves, (i) => ct.codes[i] as string);
  const shape = `${ct.codes.length + 1} nodes (with root) / ${leafCodes.length} leaves`;
  const small = columnsFor(leafCodes, n);
  const large = columnsFor(leafCodes, 10 * n);
  check(
    ct,
    f,
    leafCodes.map((c) => large.columns[c] as Float64Array),
    10 * n,
    large,
  );
  // ten copies of the small facts: distinct memory, the same values
  const copies: ColumnFacts[] = Array.from({ length: 10 }, () => ({
    unitIds: [...small.unitIds],
    columns: Object.fromEntries(leafCodes.map((c) => [c, Float64Array.from(small.columns[c] as Float64Array)])),
  }));
  const colsOf = (facts: ColumnFacts) => leafCodes.map((c) => facts.columns[c] as Float64Array);
  const smallCols = copies.map(colsOf);
  const largeCols = colsOf(large);
  const g = growth({
    shijian: { small: rotating(copies, (x) => evaluateMany(ct, x)), large: () => evaluateMany(ct, large) },
    baseline: { small: rotating(smallCols, (c) => baseline(f, c, n)), large: () => baseline(f, largeCols, 10 * n) },
  });
  const row = (units: number, shijianMs: number, baselineMs: number, extra: string): BenchRow => ({
    workload: `growth: evaluateMany, column facts, ${shape}`,
    n: units,
    shijianMs,
    baselineMs,
    note: `${(shijianMs / baselineMs).toFixed(2)}× the flat all-nodes loop${extra}`,
  });
  return [
    row(n, g.shijian.small, g.baseline.small, ''),
    row(
      10 * n,
      g.shijian.large,
      g.baseline.large,
      `; t(${(10 * n).toLocaleString('en')})/t(${n.toLocaleString('en')}) = ${growthNote(g.shijian)} (flat loop: ${growthNote(g.baseline)}); ten copies of the small facts, one per call`,
    ),
  ];
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const levels of [1, 2, 3] as const) rows.push(...measure(levels, 30_000, 5, true));
  rows.push(...growthRows(3_000));
  rows.push(...growthRows(30_000));
  return rows;
}

if (isMain(import.meta.url)) run().then((r) => console.table(r));
