import type { CompiledTree } from '../compile.js';
import { scorerOf } from './scorers.js';

/**
 * The aggregation schedule of a compiled tree: every node with children, deepest-first (descending
 * depth-first index, so children are finished before their parent), each with its children in the
 * order the accumulators have always added them (descending index) so results stay bit-for-bit the
 * same. The last entry is the root (node -1), whose points are the tree's total.
 */
export interface Plan {
  /** Node index of each entry; -1 for the root (last entry). */
  readonly node: Int32Array;
  /** 0 sum, 1 weighted, 2 min. */
  readonly agg: Uint8Array;
  readonly points: Float64Array;
  /** Σ child points (sum) or Σ child weights (weighted) when every child counts, in accumulation order. */
  readonly den: Float64Array;
  /** Children of entry t are `kids[kidStart[t] .. kidStart[t + 1])`. */
  readonly kidStart: Int32Array;
  readonly kids: Int32Array;
  /** Points and weight of each child slot, aligned with `kids`. */
  readonly kidPoints: Float64Array;
  readonly kidWeight: Float64Array;
  /** Per fact key: 1 when it is a leaf whose fact is an assessor's score with a reason. */
  readonly takesReason: Uint8Array;
}

const plans = new WeakMap<CompiledTree, Plan>();

function build(ct: CompiledTree): Plan {
  const n = ct.codes.length;
  const kidsOf: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let i = n - 1; i >= 0; i--) {
    const p = ct.parent[i] as number;
    (kidsOf[p < 0 ? n : p] as number[]).push(i);
  }
  const entries: number[] = [];
  for (let i = n - 1; i >= 0; i--) if ((kidsOf[i] as number[]).length > 0) entries.push(i);
  entries.push(-1);
  const m = entries.length;
  const node = Int32Array.from(entries);
  const agg = new Uint8Array(m);
  const points = new Float64Array(m);
  const den = new Float64Array(m);
  const kidStart = new Int32Array(m + 1);
  const kids: number[] = [];
  entries.forEach((i, t) => {
    const a = i < 0 ? ct.rootAggregation : (ct.aggregation[i] as number);
    agg[t] = a;
    points[t] = i < 0 ? ct.tree.totalPoints : (ct.points[i] as number);
    kidStart[t] = kids.length;
    let d = 0;
    for (const c of kidsOf[i < 0 ? n : i] as number[]) {
      kids.push(c);
      if (a === 0) d += ct.points[c] as number;
      else if (a === 1) d += ct.weight[c] as number;
    }
    den[t] = d;
  });
  kidStart[m] = kids.length;
  const takesReason = new Uint8Array(ct.factKeys.length);
  ct.rules.forEach((rule, l) => {
    if (scorerOf(rule).takesReason) takesReason[l] = 1;
  });
  return {
    node,
    agg,
    points,
    den,
    kidStart,
    kids: Int32Array.from(kids),
    kidPoints: Float64Array.from(kids, (c) => ct.points[c] as number),
    kidWeight: Float64Array.from(kids, (c) => ct.weight[c] as number),
    takesReason,
  };
}

/** The plan of a compiled tree, built once and remembered. */
export function planOf(ct: CompiledTree): Plan {
  let plan = plans.get(ct);
  if (plan === undefined) {
    plan = build(ct);
    plans.set(ct, plan);
  }
  return plan;
}

/**
 * Aggregates the rows of units [u0, u1) bottom-up when every leaf counts and no veto zeroes a
 * subtree: no applicability bookkeeping, denominators precomputed. `s[u * stride + i]` holds node i's
 * score; leaves are already filled. Writes each unit's base score into `base[u]`.
 */
export function aggregateFast(
  plan: Plan,
  s: Float64Array,
  stride: number,
  u0: number,
  u1: number,
  base: Float64Array,
): void {
  const { node, agg, points, den, kidStart, kids, kidPoints, kidWeight } = plan;
  const m = node.length;
  for (let u = u0; u < u1; u++) {
    const b = u * stride;
    for (let t = 0; t < m; t++) {
      const a = agg[t] as number;
      const pts = points[t] as number;
      const k0 = kidStart[t] as number;
      const k1 = kidStart[t + 1] as number;
      let v: number;
      if (a === 0) {
        let num = 0;
        for (let k = k0; k < k1; k++) num += s[b + (kids[k] as number)] as number;
        const d = den[t] as number;
        v = d > 0 ? (pts * num) / d : pts;
      } else if (a === 1) {
        let num = 0;
        for (let k = k0; k < k1; k++) {
          const pc = kidPoints[k] as number;
          num += (kidWeight[k] as number) * (pc > 0 ? (s[b + (kids[k] as number)] as number) / pc : 1);
        }
        const d = den[t] as number;
        v = d > 0 ? (pts * num) / d : pts;
      } else {
        let mn = Number.POSITIVE_INFINITY;
        for (let k = k0; k < k1; k++) {
          const pc = kidPoints[k] as number;
          const rate = pc > 0 ? (s[b + (kids[k] as number)] as number) / pc : 1;
          if (rate < mn) mn = rate;
        }
        v = pts * mn;
      }
      const i = node[t] as number;
      if (i >= 0) s[b + i] = v;
      else base[u] = k1 > k0 ? v : 0;
    }
  }
}

/**
 * Aggregates one unit's row with applicability (not-applicable leaves dropped, parents rescaled) and
 * the nodes a veto zeroed (`zeroed`: their score is 0 and they count). Leaf scores and flags are
 * already filled. Returns the base score.
 */
export function aggregateGeneral(
  plan: Plan,
  leafOf: Int32Array,
  s: Float64Array,
  app: Uint8Array,
  b: number,
  zeroed: readonly number[],
): number {
  const { node, agg, points, kidStart, kids, kidPoints, kidWeight } = plan;
  for (const z of zeroed)
    if ((leafOf[z] as number) >= 0) {
      s[b + z] = 0;
      app[b + z] = 1;
    }
  const m = node.length;
  let result = 0;
  for (let t = 0; t < m; t++) {
    const a = agg[t] as number;
    const pts = points[t] as number;
    const k1 = kidStart[t + 1] as number;
    let cnt = 0;
    let num = 0;
    let den = 0;
    let mn = Number.POSITIVE_INFINITY;
    for (let k = kidStart[t] as number; k < k1; k++) {
      const c = kids[k] as number;
      if (app[b + c] === 0) continue;
      cnt++;
      const sc = s[b + c] as number;
      const pc = kidPoints[k] as number;
      const rate = pc > 0 ? sc / pc : 1;
      if (a === 0) {
        num += sc;
        den += pc;
      } else if (a === 1) {
        const w = kidWeight[k] as number;
        num += w * rate;
        den += w;
      } else if (rate < mn) mn = rate;
    }
    let v = 0;
    if (cnt > 0) v = a === 2 ? pts * mn : den > 0 ? (pts * num) / den : pts;
    const i = node[t] as number;
    if (i < 0) {
      result = v;
      continue;
    }
    let on = cnt > 0;
    if (zeroed.length > 0 && zeroed.includes(i)) {
      v = 0;
      on = true;
    }
    s[b + i] = v;
    app[b + i] = on ? 1 : 0;
  }
  return result;
}
