import { err, type Labels, ok, type Result } from '../core/index.js';
import { diffTrees, sameValue } from './diff.js';
import { ratingError } from './errors.js';
import type { Evaluation, EvaluationBase, ExtraScore, LeafTrace, NodeScore, VetoHit } from './evaluation.js';
import type { Aggregation, ExtraItem, Indicator, IndicatorTree } from './schema.js';
import { conditionRefs } from './tree.js';

/**
 * How scores carry over to a new tree version: `clamp` keeps each score but never above the new
 * maximum; `reset` sets every indicator whose points, rule or place changed back to zero and lists it
 * as missing (to be scored again); `proportional` keeps each score's rate (score ÷ old max) and applies
 * it to the new maximum.
 * @category Tree versions
 */
export type MigrationStrategy = 'clamp' | 'reset' | 'proportional';

/** Chinese and English names of the migration strategies. @category Tree versions */
export const migrationStrategyLabels: Labels<MigrationStrategy> = {
  clamp: { 'zh-CN': '就高封顶（不超过新分值）', en: 'clamp to the new maximum' },
  reset: { 'zh-CN': '变动指标重新评分', en: 'reset changed indicators' },
  proportional: { 'zh-CN': '按得分率折算', en: 'proportional rescale' },
};

/** What happened to one leaf indicator or bonus/deduction item during a migration. @category Tree versions */
export interface MigrationAdjustment {
  readonly code: string;
  /** `vetoes` lists the veto items to be checked again; they carry no `before` or `after`. */
  readonly list: 'nodes' | 'bonuses' | 'penalties' | 'vetoes';
  /**
   * `added` (new in the target, unscored or, for a veto, unchecked), `dropped` (gone from the target),
   * `reset` (changed, so scored or, for a veto, checked again), or how a kept score changed.
   */
  readonly action: 'clamped' | 'rescaled' | 'reset' | 'added' | 'dropped';
  readonly before?: number;
  readonly after?: number;
}

/** An evaluation carried over to another tree version, with every adjustment made. @category Tree versions */
export interface Migration {
  readonly evaluation: Evaluation;
  readonly strategy: MigrationStrategy;
  readonly from: { readonly treeId: string; readonly version: number };
  /** Only the leaves and items whose score changed, was added or was dropped, and the vetoes to check again. */
  readonly adjustments: readonly MigrationAdjustment[];
}

interface Slot {
  score: number;
  applicable: boolean;
  zeroedBy?: string;
  leaf?: LeafTrace;
}

function depthFirst(tree: IndicatorTree): { order: Indicator[]; children: Map<string | undefined, Indicator[]> } {
  const children = new Map<string | undefined, Indicator[]>();
  for (const n of tree.nodes) {
    const list = children.get(n.parent) ?? [];
    list.push(n);
    children.set(n.parent, list);
  }
  const order: Indicator[] = [];
  const visit = (n: Indicator): void => {
    order.push(n);
    for (const c of children.get(n.code) ?? []) visit(c);
  };
  for (const r of children.get(undefined) ?? []) visit(r);
  return { order, children };
}

function combine(agg: Aggregation, points: number, kids: readonly { max: number; w: number; s: Slot }[]): Slot {
  const live = kids.filter((k) => k.s.applicable);
  if (live.length === 0) return { score: 0, applicable: false };
  const rate = (k: { max: number; s: Slot }) => (k.max > 0 ? k.s.score / k.max : 1);
  if (agg === 'min') return { score: points * Math.min(...live.map(rate)), applicable: true };
  const num = live.reduce((s, k) => s + (agg === 'sum' ? k.s.score : k.w * rate(k)), 0);
  const den = live.reduce((s, k) => s + (agg === 'sum' ? k.max : k.w), 0);
  return { score: den > 0 ? (points * num) / den : points, applicable: true };
}

function migrateExtras(
  list: 'bonuses' | 'penalties',
  old: ExtraScore,
  fromItems: readonly ExtraItem[],
  toItems: readonly ExtraItem[],
  strategy: MigrationStrategy,
  adjustments: MigrationAdjustment[],
): ExtraScore['items'] {
  const before = new Map(old.items.map((x) => [x.code, x.points]));
  const fromBy = new Map(fromItems.map((x) => [x.code, x]));
  const kept = new Set(toItems.map((x) => x.code));
  for (const x of old.items)
    if (!kept.has(x.code) && x.points > 0)
      adjustments.push({ code: x.code, list, action: 'dropped', before: x.points });
  return toItems.map((x) => {
    const was = before.get(x.code);
    const def = fromBy.get(x.code);
    if (was === undefined || def === undefined) {
      adjustments.push({ code: x.code, list, action: 'added', after: 0 });
      return { code: x.code, title: x.title, points: 0 };
    }
    let points: number;
    let action: MigrationAdjustment['action'];
    if (strategy === 'reset' && !sameValue(def, x)) [points, action] = [0, 'reset'];
    else if (strategy === 'proportional' && def.perItem === x.perItem)
      [points, action] = [Math.min(x.cap, was), 'clamped'];
    else if (strategy === 'proportional')
      [points, action] = [Math.min(x.cap, (was / def.perItem) * x.perItem), 'rescaled'];
    else [points, action] = [Math.min(x.cap, was), 'clamped'];
    if (points !== was) adjustments.push({ code: x.code, list, action, before: was, after: points });
    return { code: x.code, title: x.title, points };
  });
}

/**
 * Carries an evaluation made under one tree version over to another, so that units rated under the
 * old indicator system can be compared under the new one without collecting every fact again.
 * Indicators are matched by code. New leaves are unscored and listed as missing, so the result is
 * `partial` until they are scored; removed ones are dropped. Branch scores, bonus and deduction caps
 * and the total are recomputed under the new tree. Under `clamp` no score ever exceeds its new maximum.
 *
 * Vetoes are matched by code too. A veto hit whose item still exists with the same condition keeps
 * the new item's effect. A veto new in the target, and a veto whose condition changed, count as not
 * checked: an old hit of a changed veto is dropped, the facts and metrics (`metric:name`) the veto
 * reads are listed as missing, so the result is `partial` and cannot qualify before the veto is
 * checked, and each is listed in `adjustments` under `vetoes`, as `added` when new and `reset` when
 * its condition changed, under every strategy. A hit of a veto gone from the target is listed there
 * as `dropped`.
 *
 * The condition is the item's `when` (without it, the fact under the veto's own code): it changed
 * when {@link diffTrees} reports an `item-changed` veto with `when` among its fields, i.e. when the
 * two differ as data (key order ignored), including a `when` added or removed. Equivalent rewrites
 * (reordered `anyOf`, the default spelled out) count as changed too: a needless re-check costs less
 * than a result judged against another rule. A changed title, a changed `effect` (the kept hit takes
 * the new one) and another place in the list are not condition changes.
 * @category Tree versions
 * @example
 * const m = unwrap(migrateEvaluation(evaluation2023, tree2023, tree2025, 'proportional'));
 * m.evaluation.version; // 2
 * m.adjustments; // [{ code: 'A1.2', list: 'nodes', action: 'rescaled', before: 10, after: 8 }, …]
 */
export function migrateEvaluation(
  evaluation: Evaluation,
  from: IndicatorTree,
  to: IndicatorTree,
  strategy: MigrationStrategy,
): Result<Migration> {
  if (evaluation.treeId !== from.id || evaluation.version !== from.version)
    return err(
      ratingError(
        'rating/tree-mismatch',
        { expected: `${from.id}@${from.version}`, actual: `${evaluation.treeId}@${evaluation.version}` },
        ['evaluation', 'version'],
      ),
    );
  const oldNodes = new Map(evaluation.nodes.map((n) => [n.code, n]));
  const oldMissing = new Set(evaluation.status === 'partial' ? evaluation.missing : []);
  const { changes } = diffTrees(from, to);
  const changed = new Set(
    changes
      .filter((c) => c.kind === 'moved' || c.kind === 're-pointed' || c.kind === 'rule-changed')
      .map((c) => c.code),
  );
  // An old result says nothing about a condition it was not judged against.
  const rejudged = new Set(
    changes
      .filter((c) => c.kind === 'item-changed' && c.list === 'vetoes' && c.fields.includes('when'))
      .map((c) => c.code),
  );
  const adjustments: MigrationAdjustment[] = [];
  const missing: string[] = [];
  const { order, children } = depthFirst(to);
  const slots = new Map<string, Slot>();

  const vetoes: VetoHit[] = [];
  const zeroRoots = new Map<string, string>();
  let disqualified = false;
  for (const hit of evaluation.vetoes) {
    const item = to.vetoes.find((v) => v.code === hit.code);
    // a hit of a veto the target no longer has is gone from the result, so the report says so
    if (item === undefined) adjustments.push({ code: hit.code, list: 'vetoes', action: 'dropped' });
    if (item === undefined || rejudged.has(hit.code)) continue;
    vetoes.push({ ...hit, title: item.title, effect: item.effect });
    if (item.effect.kind === 'disqualify') disqualified = true;
    if (item.effect.kind === 'zero') zeroRoots.set(item.effect.node, item.code);
  }

  const toCodes = new Set(to.nodes.map((n) => n.code));
  for (const o of evaluation.nodes)
    if (!toCodes.has(o.code) && o.leaf !== undefined)
      adjustments.push({ code: o.code, list: 'nodes', action: 'dropped', before: o.score });

  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i] as Indicator;
    const kids = children.get(n.code);
    let slot: Slot;
    if (kids !== undefined) {
      slot = combine(
        n.aggregation ?? 'sum',
        n.points,
        kids.map((k) => ({ max: k.points, w: k.weight ?? k.points, s: slots.get(k.code) as Slot })),
      );
    } else {
      const o = oldNodes.get(n.code);
      const rule = n.rule as NonNullable<Indicator['rule']>;
      if (o === undefined) {
        adjustments.push({ code: n.code, list: 'nodes', action: 'added', after: 0 });
        missing.push(n.code);
        slot = { score: 0, applicable: true, leaf: { rule, missing: true } };
      } else if (!o.applicable) {
        slot = { score: 0, applicable: false, leaf: { rule, missing: false } };
      } else if (oldMissing.has(n.code) || (strategy === 'reset' && (changed.has(n.code) || o.leaf === undefined))) {
        if (!oldMissing.has(n.code))
          adjustments.push({ code: n.code, list: 'nodes', action: 'reset', before: o.score, after: 0 });
        missing.push(n.code);
        slot = { score: 0, applicable: true, leaf: { rule, missing: true } };
      } else {
        let score = o.score;
        let action: MigrationAdjustment['action'] = 'clamped';
        if (strategy === 'proportional') {
          if (o.max !== n.points) score = o.max > 0 ? Math.min(n.points, (o.score * n.points) / o.max) : n.points;
          action = 'rescaled';
        } else score = Math.min(o.score, n.points);
        if (score !== o.score) adjustments.push({ code: n.code, list: 'nodes', action, before: o.score, after: score });
        const sameRule = o.leaf !== undefined && sameValue(o.leaf.rule, rule);
        const leaf: LeafTrace = {
          rule,
          missing: false,
          ...(sameRule && o.leaf?.value !== undefined ? { value: o.leaf.value } : {}),
          ...(o.leaf?.reason !== undefined ? { reason: o.leaf.reason } : {}),
        };
        slot = { score, applicable: true, leaf };
      }
    }
    slots.set(n.code, slot);
  }

  // A zeroed subtree scores nothing but still counts, as in evaluate; re-aggregate above it.
  if (zeroRoots.size > 0) {
    const zeroedBy = (n: Indicator): string | undefined => {
      for (let c: Indicator | undefined = n; c !== undefined; c = to.nodes.find((x) => x.code === c?.parent)) {
        const z = zeroRoots.get(c.code);
        if (z !== undefined) return z;
      }
      return undefined;
    };
    for (let i = order.length - 1; i >= 0; i--) {
      const n = order[i] as Indicator;
      const z = zeroedBy(n);
      const kids = children.get(n.code);
      // As in evaluate: the veto's own node scores zero; the nodes below keep their scores, marked.
      if (z !== undefined && zeroRoots.has(n.code))
        slots.set(n.code, { ...(slots.get(n.code) as Slot), score: 0, applicable: true, zeroedBy: z });
      else if (z !== undefined) slots.set(n.code, { ...(slots.get(n.code) as Slot), zeroedBy: z });
      else if (kids !== undefined)
        slots.set(
          n.code,
          combine(
            n.aggregation ?? 'sum',
            n.points,
            kids.map((k) => ({ max: k.points, w: k.weight ?? k.points, s: slots.get(k.code) as Slot })),
          ),
        );
    }
  }

  // Facts a veto needed but lacked stay missing while the target still has vetoes to read them; a
  // changed veto's own fact is asked for below only if its new condition still reads it.
  const fromCodes = new Set(from.nodes.map((n) => n.code));
  const fromVetoes = new Set(from.vetoes.map((v) => v.code));
  const toVetoes = new Set(to.vetoes.map((v) => v.code));
  for (const code of oldMissing)
    if (!fromCodes.has(code) && (fromVetoes.has(code) ? toVetoes.has(code) && !rejudged.has(code) : toVetoes.size > 0))
      missing.push(code);
  // A veto new in the target, or with a changed condition, was never checked as it stands: its facts
  // are missing, as when scoring afresh, so the result cannot qualify until they are stated.
  for (const v of to.vetoes) {
    if (fromVetoes.has(v.code) && !rejudged.has(v.code)) continue;
    adjustments.push({ code: v.code, list: 'vetoes', action: fromVetoes.has(v.code) ? 'reset' : 'added' });
    const refs: { fact?: string; metric?: string; path: readonly (string | number)[] }[] = [];
    if (v.when === undefined) refs.push({ fact: v.code, path: [] });
    else conditionRefs(v.when, [], refs);
    for (const r of refs) {
      const code = r.fact ?? `metric:${r.metric}`;
      if (!missing.includes(code)) missing.push(code);
    }
  }

  const roots = children.get(undefined) ?? [];
  const rootSlot = combine(
    to.aggregation,
    to.totalPoints,
    roots.map((k) => ({ max: k.points, w: k.weight ?? k.points, s: slots.get(k.code) as Slot })),
  );
  const base = rootSlot.applicable ? rootSlot.score : 0;
  const nodes: NodeScore[] = order.map((n) => {
    const s = slots.get(n.code) as Slot;
    return {
      code: n.code,
      ...(n.parent === undefined ? {} : { parent: n.parent }),
      title: n.title,
      depth: n.depth,
      max: n.points,
      score: s.score,
      lost: s.applicable ? n.points - s.score : 0,
      applicable: s.applicable,
      ...(s.zeroedBy === undefined ? {} : { zeroedBy: s.zeroedBy }),
      ...(s.leaf === undefined ? {} : { leaf: s.leaf }),
    };
  });
  const bonusItems = migrateExtras('bonuses', evaluation.bonus, from.bonuses, to.bonuses, strategy, adjustments);
  const penaltyItems = migrateExtras(
    'penalties',
    evaluation.deductions,
    from.penalties,
    to.penalties,
    strategy,
    adjustments,
  );
  const bonusSum = bonusItems.reduce((s, x) => s + x.points, 0);
  const penaltySum = penaltyItems.reduce((s, x) => s + x.points, 0);
  const bonus = disqualified ? 0 : Math.min(to.bonusCap, bonusSum);
  const deductions = Math.min(to.penaltyCap ?? Number.POSITIVE_INFINITY, penaltySum);
  const common: EvaluationBase = {
    treeId: to.id,
    version: to.version,
    unitId: evaluation.unitId,
    nodes,
    base,
    bonus: { total: bonus, items: bonusItems },
    deductions: { total: deductions, items: penaltyItems },
    total: Math.max(0, base + bonus - deductions),
    vetoes,
  };
  const ev: Evaluation =
    missing.length > 0 ? { ...common, status: 'partial', missing } : { ...common, status: 'complete' };
  return ok({
    evaluation: ev,
    strategy,
    from: { treeId: evaluation.treeId, version: evaluation.version },
    adjustments,
  });
}
