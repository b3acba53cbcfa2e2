import type { CompiledTree } from '../compile.js';

/** Per-node accumulators reused across units (index N is the root). */
export interface Scratch {
  readonly num: Float64Array;
  readonly den: Float64Array;
  readonly mn: Float64Array;
  readonly cnt: Int32Array;
}

export function newScratch(ct: CompiledTree): Scratch {
  const n = ct.codes.length + 1;
  return { num: new Float64Array(n), den: new Float64Array(n), mn: new Float64Array(n), cnt: new Int32Array(n) };
}

/** Score of a node from its accumulators: 0 sum of points, 1 weighted mean of rates, 2 minimum rate. */
export function finish(agg: number, num: number, den: number, mn: number, points: number): number {
  if (agg === 2) return points * mn;
  return den > 0 ? (points * num) / den : points;
}

/**
 * Aggregates one unit bottom-up. Leaf scores and not-applicable flags are leaf-major
 * (`leaf * stride + unit`); node scores are written unit-major (`unit * N + node`). Returns the base.
 */
export function aggregateUnit(
  ct: CompiledTree,
  u: number,
  stride: number,
  leafScores: Float64Array,
  leafNa: Uint8Array,
  zeroed: Uint8Array | undefined,
  outScores: Float64Array,
  outApplicable: Uint8Array,
  s: Scratch,
): number {
  const n = ct.codes.length;
  const { num, den, mn, cnt } = s;
  num.fill(0);
  den.fill(0);
  mn.fill(Number.POSITIVE_INFINITY);
  cnt.fill(0);
  const { points, parent, aggregation, leafOf, weight } = ct;
  const base = u * n;
  for (let i = n - 1; i >= 0; i--) {
    const pts = points[i] as number;
    const l = leafOf[i] as number;
    let score: number;
    let app: boolean;
    if (l >= 0) {
      const k = l * stride + u;
      app = leafNa[k] === 0;
      score = app ? (leafScores[k] as number) : 0;
    } else {
      app = (cnt[i] as number) > 0;
      score = app ? finish(aggregation[i] as number, num[i] as number, den[i] as number, mn[i] as number, pts) : 0;
    }
    if (zeroed !== undefined && zeroed[i] === 1) {
      score = 0;
      app = true;
    }
    outScores[base + i] = score;
    outApplicable[base + i] = app ? 1 : 0;
    if (!app) continue;
    const pi = parent[i] as number;
    const p = pi < 0 ? n : pi;
    const agg = pi < 0 ? ct.rootAggregation : (aggregation[pi] as number);
    cnt[p] = (cnt[p] as number) + 1;
    const rate = pts > 0 ? score / pts : 1;
    if (agg === 0) {
      num[p] = (num[p] as number) + score;
      den[p] = (den[p] as number) + pts;
    } else if (agg === 1) {
      const w = weight[i] as number;
      num[p] = (num[p] as number) + w * rate;
      den[p] = (den[p] as number) + w;
    } else if (rate < (mn[p] as number)) mn[p] = rate;
  }
  return (cnt[n] as number) > 0
    ? finish(ct.rootAggregation, num[n] as number, den[n] as number, mn[n] as number, ct.tree.totalPoints)
    : 0;
}
