import { err, type LocalizedName, ok, type Result } from '../core/index.js';
import { aggregateUnit, newScratch } from './_lib/aggregate.js';
import { isCohortRule, scorerOf } from './_lib/scorers.js';
import { ratingError } from './errors.js';
import { compiledOf } from './evaluate.js';
import type { Evaluation } from './evaluation.js';
import { shortfalls } from './qualify.js';
import type { IndicatorTree } from './schema.js';
import type { StarScheme } from './scheme.js';
import type { StarLevel } from './stars.js';

/** One indicator to improve: from its current score to full points. @category Views */
export interface GapItem {
  readonly code: string;
  readonly title: LocalizedName;
  /** Code of its first-level area. */
  readonly area: string;
  readonly from: number;
  readonly to: number;
  /** Points the total gains from this item alone. */
  readonly gain: number;
  /** A fact value that earns full points under the leaf's rule. */
  readonly value?: number;
}

/** The smallest set of indicators whose improvement reaches a target star. @category Views */
export interface GapProposal {
  readonly unitId: string;
  readonly target: StarLevel;
  readonly items: readonly GapItem[];
  /** Total after the improvements. */
  readonly projectedTotal: number;
  /** A star the unit must hold first (逐级申报); improving indicators cannot supply it. */
  readonly alsoRequires?: StarLevel;
}

/**
 * Finds the smallest set of indicators whose improvement to full points lifts an evaluation to the
 * target star (total threshold and every area minimum). Rank indicators (which depend on other units)
 * and indicators zeroed by a veto are never proposed. How it chooses: first, for each area below its
 * minimum, that area's indicators in order of the points they recover; then, across the tree, the
 * indicators that recover the most total points, one at a time, until the target is met; finally any
 * item no longer needed is dropped. Ties go to the indicator with more points lost, then to the lower
 * code. For trees that only sum or weight (every node but `min`), this set is the fewest possible and
 * recovers the most points among the fewest; with `min` aggregation it is a verified greedy answer.
 * @category Views
 * @example
 * const plan = unwrap(gapAnalysis(evaluation, scheme, 5, tree));
 * plan.items.map((i) => i.code); // ['C2.1', 'A1.3']
 */
export function gapAnalysis(
  ev: Evaluation,
  scheme: StarScheme,
  target: StarLevel,
  tree: IndicatorTree,
  options: { readonly held?: StarLevel } = {},
): Result<GapProposal> {
  if (ev.status === 'partial')
    return err(ratingError('rating/incomplete-evaluation', { unitId: ev.unitId, missing: ev.missing }, ['missing']));
  if (ev.treeId !== tree.id || ev.version !== tree.version)
    return err(
      ratingError(
        'rating/tree-mismatch',
        { expected: `${tree.id}@${tree.version}`, actual: `${ev.treeId}@${ev.version}` },
        ['treeId'],
      ),
    );
  const req = scheme.levels.find((l) => l.star === target);
  if (req === undefined) return err(ratingError('rating/unknown-star', { star: target }, ['target']));
  for (const v of ev.vetoes)
    if (v.effect.kind === 'disqualify' || (v.effect.kind === 'cap' && v.effect.star < target))
      return err(ratingError('rating/target-blocked-by-veto', { veto: v.code }, ['vetoes']));

  const ct = compiledOf(tree);
  const N = ct.codes.length;
  const L = ct.leaves.length;
  const scores0 = new Float64Array(L);
  const na = new Uint8Array(L);
  const zeroed = new Uint8Array(N);
  let anyZero = false;
  ev.nodes.forEach((n, i) => {
    const l = ct.leafOf[i] as number;
    if (
      n.zeroedBy !== undefined &&
      (n.parent === undefined || ev.nodes[ct.parent[i] as number]?.zeroedBy === undefined)
    ) {
      zeroed[i] = 1;
      anyZero = true;
    }
    if (l < 0) return;
    scores0[l] = n.score;
    na[l] = n.applicable ? 0 : 1;
  });
  const scratch = newScratch(ct);
  const outScores = new Float64Array(N);
  const outApp = new Uint8Array(N);
  const extra = ev.bonus.total - ev.deductions.total;
  const project = (chosen: readonly number[]): { total: number; rates: Map<string, number> } => {
    const s = Float64Array.from(scores0);
    for (const l of chosen) s[l] = ct.points[ct.leaves[l] as number] as number;
    const base = aggregateUnit(ct, 0, 1, s, na, anyZero ? zeroed : undefined, outScores, outApp, scratch);
    const rates = new Map<string, number>();
    for (let i = 0; i < N; i++)
      if (ct.parent[i] === -1 && outApp[i] === 1) {
        const max = ct.points[i] as number;
        rates.set(ct.codes[i] as string, max > 0 ? (outScores[i] as number) / max : 1);
      }
    return { total: Math.max(0, base + extra), rates };
  };
  const needs = (p: { total: number; rates: Map<string, number> }): { total: boolean; areas: string[] } => {
    const areas: string[] = [];
    for (const [a, r] of p.rates) {
      const min = req.areaMinimums?.[a] ?? req.minAreaRate;
      if (min !== undefined && r < min - 1e-9) areas.push(a);
    }
    return { total: p.total < req.minTotal - 1e-9, areas };
  };
  const met = (p: { total: number; rates: Map<string, number> }): boolean => {
    const n = needs(p);
    return !n.total && n.areas.length === 0;
  };

  const current = project([]);
  const candidates: { l: number; gain: number; lost: number; code: string; area: string; areaGain: number }[] = [];
  for (let l = 0; l < L; l++) {
    const i = ct.leaves[l] as number;
    const rule = ct.rules[l];
    const node = ev.nodes[i];
    if (!(rule && node?.applicable) || node.lost <= 1e-12 || node.zeroedBy !== undefined || isCohortRule(rule))
      continue;
    const p = project([l]);
    const area = ct.codes[ct.area[i] as number] as string;
    candidates.push({
      l,
      gain: p.total - current.total,
      lost: node.lost,
      code: node.code,
      area,
      areaGain: (p.rates.get(area) ?? 0) - (current.rates.get(area) ?? 0),
    });
  }
  const byGain = (key: 'gain' | 'areaGain') => (a: (typeof candidates)[number], b: (typeof candidates)[number]) =>
    b[key] - a[key] || b.lost - a.lost || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

  const chosen: number[] = [];
  for (const area of needs(current).areas) {
    const pool = candidates.filter((c) => c.area === area).sort(byGain('areaGain'));
    for (const c of pool) {
      if (!needs(project(chosen)).areas.includes(area)) break;
      chosen.push(c.l);
    }
  }
  const rest = candidates.filter((c) => !chosen.includes(c.l)).sort(byGain('gain'));
  for (const c of rest) {
    if (met(project(chosen))) break;
    chosen.push(c.l);
  }
  const final = project(chosen);
  if (!met(final)) return err(ratingError('rating/target-unreachable', { star: target }, ['target']));
  for (let k = chosen.length - 1; k >= 0; k--) {
    const without = chosen.filter((_, j) => j !== k);
    if (met(project(without))) chosen.splice(k, 1);
  }
  const items: GapItem[] = candidates
    .filter((c) => chosen.includes(c.l))
    .sort(byGain('gain'))
    .map((c) => {
      const i = ct.leaves[c.l] as number;
      const rule = ct.rules[c.l];
      const full = rule === undefined ? undefined : scorerOf(rule).fullValue(rule, ct.points[i] as number);
      const node = ev.nodes[i];
      return {
        code: c.code,
        title: ct.titles[i] ?? { 'zh-CN': c.code },
        area: c.area,
        from: node?.score ?? 0,
        to: ct.points[i] as number,
        gain: c.gain,
        ...(full === undefined ? {} : { value: full }),
      };
    });
  const prereq = shortfalls(ev, req, scheme, options.held).find((r) => r.kind === 'prerequisite');
  return ok({
    unitId: ev.unitId,
    target,
    items,
    projectedTotal: project(chosen).total,
    ...(prereq?.kind === 'prerequisite' ? { alsoRequires: prereq.requires } : {}),
  });
}
