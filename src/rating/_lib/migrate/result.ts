import type { Evaluation, EvaluationBase, ExtraScore, NodeScore } from '../../evaluation.js';
import type { IndicatorTree } from '../../schema.js';
import type { TreeOrder } from './order.js';
import { combineKids, type Slot } from './slot.js';
import type { KeptHits } from './vetoes.js';

/**
 * The migrated evaluation: node scores in the target's depth-first order, the base aggregated from
 * the first-level slots, bonus and deductions capped by the target, and `partial` while anything is
 * missing.
 */
export function migratedEvaluation(
  unitId: string,
  to: IndicatorTree,
  { order, children }: TreeOrder,
  slots: ReadonlyMap<string, Slot>,
  { vetoes, disqualified }: KeptHits,
  bonusItems: ExtraScore['items'],
  penaltyItems: ExtraScore['items'],
  missing: string[],
): Evaluation {
  const rootSlot = combineKids(to.aggregation, to.totalPoints, children.get(undefined) ?? [], slots);
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
  const bonusSum = bonusItems.reduce((s, x) => s + x.points, 0);
  const penaltySum = penaltyItems.reduce((s, x) => s + x.points, 0);
  const bonus = disqualified ? 0 : Math.min(to.bonusCap, bonusSum);
  const deductions = Math.min(to.penaltyCap ?? Number.POSITIVE_INFINITY, penaltySum);
  const common: EvaluationBase = {
    treeId: to.id,
    version: to.version,
    unitId,
    nodes,
    base,
    bonus: { total: bonus, items: bonusItems },
    deductions: { total: deductions, items: penaltyItems },
    total: Math.max(0, base + bonus - deductions),
    vetoes,
  };
  return missing.length > 0 ? { ...common, status: 'partial', missing } : { ...common, status: 'complete' };
}
