import { type DomainError, err, ok, type Path, parseWith, type Result } from '../core/index.js';
import { scorerOf } from './_lib/scorers.js';
import { ratingError } from './errors.js';
import {
  type Condition,
  type IndicatorTree,
  IndicatorTreeSchema,
  MAX_INDICATOR_DEPTH,
  type ScoringRule,
} from './schema.js';

/** Options of {@link parseIndicatorTree}. @category Indicator trees */
export interface ParseIndicatorTreeOptions {
  /** The metric names the host can supply; when given, computed rules and veto conditions must use them. */
  readonly metrics?: readonly string[];
}

const EPS = 1e-9;

/** Metric names and fact codes a condition reads, with where they appear. */
export function conditionRefs(c: Condition, path: Path, out: { fact?: string; metric?: string; path: Path }[]): void {
  if ('fact' in c) out.push({ fact: c.fact, path: [...path, 'fact'] });
  else if ('metric' in c) out.push({ metric: c.metric, path: [...path, 'metric'] });
  else if ('allOf' in c)
    c.allOf.forEach((x, i) => {
      conditionRefs(x, [...path, 'allOf', i], out);
    });
  else if ('anyOf' in c)
    c.anyOf.forEach((x, i) => {
      conditionRefs(x, [...path, 'anyOf', i], out);
    });
  else conditionRefs(c.not, [...path, 'not'], out);
}

function ruleMetrics(rule: ScoringRule): readonly string[] {
  return scorerOf(rule).metrics(rule);
}

function checkStructure(tree: IndicatorTree, errors: DomainError[]): void {
  const index = new Map<string, number>();
  const allCodes = new Set<string>();
  tree.nodes.forEach((n, i) => {
    if (index.has(n.code)) errors.push(ratingError('rating/duplicate-code', { code: n.code }, ['nodes', i, 'code']));
    else index.set(n.code, i);
    allCodes.add(n.code);
  });
  for (const [list, items] of [
    ['vetoes', tree.vetoes],
    ['bonuses', tree.bonuses],
    ['penalties', tree.penalties],
  ] as const)
    items.forEach((item, j) => {
      if (allCodes.has(item.code))
        errors.push(ratingError('rating/duplicate-code', { code: item.code }, [list, j, 'code']));
      allCodes.add(item.code);
    });

  const children = new Map<string, number[]>();
  tree.nodes.forEach((n, i) => {
    if (n.parent === undefined) return;
    if (!index.has(n.parent)) {
      errors.push(ratingError('rating/unknown-parent', { code: n.code, parent: n.parent }, ['nodes', i, 'parent']));
      return;
    }
    const list = children.get(n.parent) ?? [];
    list.push(i);
    children.set(n.parent, list);
  });

  // Depth by walking parent links; a walk that revisits a node is a cycle, reported once per cycle.
  const depth = new Map<number, number>();
  const inCycle = new Set<number>();
  tree.nodes.forEach((_n, start) => {
    const trail: number[] = [];
    const seen = new Set<number>();
    let cur: number | undefined = start;
    while (cur !== undefined && !depth.has(cur) && !inCycle.has(cur)) {
      if (seen.has(cur)) {
        const loop = trail.slice(trail.indexOf(cur));
        for (const k of loop) inCycle.add(k);
        const first = Math.min(...loop);
        errors.push(
          ratingError('rating/cycle', { codes: loop.map((k) => tree.nodes[k]?.code ?? '') }, [
            'nodes',
            first,
            'parent',
          ]),
        );
        break;
      }
      seen.add(cur);
      trail.push(cur);
      const p: string | undefined = tree.nodes[cur]?.parent;
      cur = p === undefined ? undefined : index.get(p);
      if (p !== undefined && cur === undefined) break;
    }
    // Unwind: assign depths from the known end of the trail.
    for (let k = trail.length - 1; k >= 0; k--) {
      const i = trail[k] as number;
      if (inCycle.has(i) || depth.has(i)) continue;
      const p = tree.nodes[i]?.parent;
      const pi = p === undefined ? undefined : index.get(p);
      if (p === undefined) depth.set(i, 1);
      else if (pi !== undefined && depth.has(pi)) depth.set(i, (depth.get(pi) as number) + 1);
    }
  });

  tree.nodes.forEach((n, i) => {
    const d = depth.get(i);
    if (d === undefined) return;
    if (d > MAX_INDICATOR_DEPTH)
      errors.push(ratingError('rating/too-deep', { code: n.code, limit: MAX_INDICATOR_DEPTH }, ['nodes', i, 'depth']));
    else if (d !== n.depth)
      errors.push(
        ratingError('rating/depth-mismatch', { code: n.code, declared: n.depth, actual: d }, ['nodes', i, 'depth']),
      );
    const kids = children.get(n.code);
    if (kids === undefined) {
      if (n.rule === undefined)
        errors.push(ratingError('rating/leaf-without-rule', { code: n.code }, ['nodes', i, 'rule']));
    } else {
      if (n.rule !== undefined)
        errors.push(ratingError('rating/rule-on-branch', { code: n.code }, ['nodes', i, 'rule']));
      const sum = kids.reduce((s, k) => s + (tree.nodes[k]?.points ?? 0), 0);
      checkPoints(tree, n.code, sum, n.points, ['nodes', i, 'points'], errors);
    }
    if (n.rule !== undefined)
      for (const reason of scorerOf(n.rule).check(n.rule, n.points))
        errors.push(ratingError('rating/rule-contradicts-points', { code: n.code, reason }, ['nodes', i, 'rule']));
  });
  const firstLevel = tree.nodes.reduce((s, n) => s + (n.parent === undefined ? n.points : 0), 0);
  checkPoints(tree, tree.id, firstLevel, tree.totalPoints, ['totalPoints'], errors);

  tree.vetoes.forEach((v, j) => {
    if (v.effect.kind === 'zero' && !index.has(v.effect.node))
      errors.push(ratingError('rating/unknown-node', { code: v.effect.node }, ['vetoes', j, 'effect', 'node']));
  });
  tree.bonuses.forEach((b, j) => {
    if (b.cap > tree.bonusCap)
      errors.push(
        ratingError(
          'rating/rule-contradicts-points',
          {
            code: b.code,
            reason: {
              'zh-CN': `单项上限 ${b.cap} 高于加分总上限 ${tree.bonusCap}`,
              en: `its cap of ${b.cap} is above the bonus cap of ${tree.bonusCap}`,
            },
          },
          ['bonuses', j, 'cap'],
        ),
      );
  });
  for (const [j, v] of tree.vetoes.entries()) {
    if (v.when === undefined) continue;
    const refs: { fact?: string; metric?: string; path: Path }[] = [];
    conditionRefs(v.when, ['vetoes', j, 'when'], refs);
    for (const r of refs)
      if (r.fact !== undefined && !allCodes.has(r.fact))
        errors.push(ratingError('rating/unknown-node', { code: r.fact }, r.path));
  }
}

function checkPoints(
  tree: IndicatorTree,
  code: string,
  children: number,
  points: number,
  path: Path,
  errors: DomainError[],
): void {
  if (children > points + EPS)
    errors.push(ratingError('rating/points-exceed-parent', { code, children, points }, path));
  else if (tree.childPoints === 'equal' && Math.abs(children - points) > EPS)
    errors.push(ratingError('rating/points-not-equal', { code, children, points }, path));
}

function checkMetrics(tree: IndicatorTree, catalogue: readonly string[], errors: DomainError[]): void {
  const known = new Set(catalogue);
  tree.nodes.forEach((n, i) => {
    if (n.rule === undefined) return;
    for (const m of ruleMetrics(n.rule))
      if (!known.has(m))
        errors.push(ratingError('rating/unknown-metric', { metric: m }, ['nodes', i, 'rule', 'metric']));
  });
  tree.vetoes.forEach((v, j) => {
    if (v.when === undefined) return;
    const refs: { fact?: string; metric?: string; path: Path }[] = [];
    conditionRefs(v.when, ['vetoes', j, 'when'], refs);
    for (const r of refs)
      if (r.metric !== undefined && !known.has(r.metric))
        errors.push(ratingError('rating/unknown-metric', { metric: r.metric }, r.path));
  });
}

/**
 * Reads an indicator system (指标体系) from untrusted data and checks it as a whole, reporting every
 * problem at once with its path: duplicate codes, unknown parents, cycles, depths beyond
 * {@link MAX_INDICATOR_DEPTH} or not as declared, children's points that exceed (or, with
 * `childPoints: 'equal'`, differ from) their parent's, leaves without rules, rule parameters that
 * contradict the points, and — given a metric catalogue — unknown metric names.
 * @category Indicator trees
 * @example
 * const tree = parseIndicatorTree({
 *   id: 'station-5star', name: { 'zh-CN': '五星市场监管所评定指标体系（示意）' }, version: 1,
 *   effectiveFrom: '2023-03-01', totalPoints: 100,
 *   nodes: [
 *     { code: 'A', title: { 'zh-CN': '履职绩效' }, depth: 1, points: 60, rule: { kind: 'ratio', target: 0.95 } },
 *     { code: 'B', title: { 'zh-CN': '党建引领' }, depth: 1, points: 40, rule: { kind: 'binary' } },
 *   ],
 * });
 * if (tree.ok) tree.value.version; // 1
 */
export function parseIndicatorTree(input: unknown, options: ParseIndicatorTreeOptions = {}): Result<IndicatorTree> {
  const parsed = parseWith(IndicatorTreeSchema, input);
  if (!parsed.ok) return parsed;
  const tree = parsed.value;
  const errors: DomainError[] = [];
  if (tree.effectiveTo !== undefined && tree.effectiveTo < tree.effectiveFrom)
    errors.push(
      ratingError('rating/period-order', { from: tree.effectiveFrom, to: tree.effectiveTo }, ['effectiveTo']),
    );
  checkStructure(tree, errors);
  if (options.metrics !== undefined) checkMetrics(tree, options.metrics, errors);
  return errors.length > 0 ? err(...errors) : ok(tree);
}
