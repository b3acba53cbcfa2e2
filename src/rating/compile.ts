import type { LocalizedName } from '../core/index.js';
import { scorerOf } from './_lib/scorers.js';
import type { Aggregation, IndicatorTree, ScoringRule } from './schema.js';
import { conditionRefs } from './tree.js';

const AGG: Readonly<Record<Aggregation, number>> = { sum: 0, weighted: 1, min: 2 };

/**
 * An indicator tree compiled once into flat typed arrays (nodes in depth-first order, parents before
 * children), so that any number of units can be scored without walking objects.
 * @category Evaluation
 */
export interface CompiledTree {
  /** The tree it was compiled from. */
  readonly tree: IndicatorTree;
  /** Node codes in depth-first order; every array below is indexed the same way. */
  readonly codes: readonly string[];
  /** Code → node index. */
  readonly index: ReadonlyMap<string, number>;
  /** Parent node index, or -1 for a first-level indicator. */
  readonly parent: Int32Array;
  /** Node depth (一级 = 1). */
  readonly depth: Uint8Array;
  /** Maximum points per node. */
  readonly points: Float64Array;
  /** Weight per node (its points when the tree gives none). */
  readonly weight: Float64Array;
  /** How each node combines its children: 0 sum, 1 weighted, 2 min. */
  readonly aggregation: Uint8Array;
  /** How the first-level indicators combine into the base score. */
  readonly rootAggregation: number;
  /** Title of each node. */
  readonly titles: readonly LocalizedName[];
  /** Index of each node's first-level ancestor (itself at depth 1). */
  readonly area: Int32Array;
  /** Leaf number of each node, or -1 for a node with children. */
  readonly leafOf: Int32Array;
  /** Node index of each leaf. */
  readonly leaves: Int32Array;
  /** Scoring rule of each leaf. */
  readonly rules: readonly ScoringRule[];
  /** Metric read by each leaf, as an index into `metricNames`, or -1. */
  readonly leafMetric: Int32Array;
  /** Every code a unit may state a fact for: leaves, then vetoes, bonuses and deductions. */
  readonly factKeys: readonly string[];
  /** Fact code → index into `factKeys`. */
  readonly factIndex: ReadonlyMap<string, number>;
  /** Every metric the tree reads (computed leaves and veto conditions). */
  readonly metricNames: readonly string[];
  /** Node index zeroed by each veto, or -1. */
  readonly vetoZero: Int32Array;
}

/**
 * Compiles a parsed indicator tree into flat arrays for {@link evaluateMany}. Compile once per tree
 * version and reuse the result for every batch.
 * @category Evaluation
 * @example
 * const compiled = compileTree(unwrap(parseIndicatorTree(input)));
 * compiled.leaves.length; // number of leaf indicators
 */
export function compileTree(tree: IndicatorTree): CompiledTree {
  const kids = new Map<string | undefined, number[]>();
  tree.nodes.forEach((n, i) => {
    const list = kids.get(n.parent) ?? [];
    list.push(i);
    kids.set(n.parent, list);
  });
  const order: number[] = [];
  const stack = [...(kids.get(undefined) ?? [])].reverse();
  while (stack.length > 0) {
    const i = stack.pop() as number;
    order.push(i);
    const node = tree.nodes[i];
    const c = node ? kids.get(node.code) : undefined;
    if (c) for (let k = c.length - 1; k >= 0; k--) stack.push(c[k] as number);
  }
  const n = order.length;
  const codes = order.map((i) => tree.nodes[i]?.code ?? '');
  const index = new Map(codes.map((c, i) => [c, i] as const));
  const parent = new Int32Array(n);
  const depth = new Uint8Array(n);
  const points = new Float64Array(n);
  const weight = new Float64Array(n);
  const aggregation = new Uint8Array(n);
  const area = new Int32Array(n);
  const leafOf = new Int32Array(n).fill(-1);
  const leaves: number[] = [];
  const rules: ScoringRule[] = [];
  const metricNames: string[] = [];
  const metricIndex = new Map<string, number>();
  const addMetric = (m: string): number => {
    const known = metricIndex.get(m);
    if (known !== undefined) return known;
    metricIndex.set(m, metricNames.length);
    metricNames.push(m);
    return metricNames.length - 1;
  };
  const leafMetric: number[] = [];
  order.forEach((src, i) => {
    const node = tree.nodes[src];
    if (!node) return;
    const p = node.parent === undefined ? -1 : (index.get(node.parent) ?? -1);
    parent[i] = p;
    depth[i] = node.depth;
    points[i] = node.points;
    weight[i] = node.weight ?? node.points;
    aggregation[i] = AGG[node.aggregation ?? 'sum'];
    area[i] = p === -1 ? i : (area[p] as number);
    if (node.rule !== undefined && !kids.has(node.code)) {
      leafOf[i] = leaves.length;
      leaves.push(i);
      rules.push(node.rule);
      const ms = scorerOf(node.rule).metrics(node.rule);
      leafMetric.push(ms[0] === undefined ? -1 : addMetric(ms[0]));
    }
  });
  for (const v of tree.vetoes) {
    if (v.when === undefined) continue;
    const refs: { fact?: string; metric?: string; path: readonly (string | number)[] }[] = [];
    conditionRefs(v.when, [], refs);
    for (const r of refs) if (r.metric !== undefined) addMetric(r.metric);
  }
  const factKeys = [
    ...leaves.map((i) => codes[i] as string),
    ...tree.vetoes.map((v) => v.code),
    ...tree.bonuses.map((b) => b.code),
    ...tree.penalties.map((b) => b.code),
  ];
  return {
    tree,
    codes,
    index,
    parent,
    depth,
    points,
    weight,
    aggregation,
    rootAggregation: AGG[tree.aggregation],
    titles: order.map((i) => tree.nodes[i]?.title ?? { 'zh-CN': '' }),
    area,
    leafOf,
    leaves: Int32Array.from(leaves),
    rules,
    leafMetric: Int32Array.from(leafMetric),
    factKeys,
    factIndex: new Map(factKeys.map((k, i) => [k, i] as const)),
    metricNames,
    vetoZero: Int32Array.from(
      tree.vetoes.map((v) => (v.effect.kind === 'zero' ? (index.get(v.effect.node) ?? -1) : -1)),
    ),
  };
}
