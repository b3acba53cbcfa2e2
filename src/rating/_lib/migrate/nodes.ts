import { sameValue, type TreeChange } from '../../diff.js';
import type { LeafTrace, NodeScore } from '../../evaluation.js';
import type { MigrationAdjustment, MigrationStrategy } from '../../migration.js';
import type { Indicator, IndicatorTree } from '../../schema.js';
import type { TreeOrder } from './order.js';
import { combineKids, type Slot } from './slot.js';

/** Lists each scored leaf the target no longer has. */
export function dropLeaves(
  oldNodes: readonly NodeScore[],
  to: IndicatorTree,
  adjustments: MigrationAdjustment[],
): void {
  const toCodes = new Set(to.nodes.map((n) => n.code));
  for (const o of oldNodes)
    if (!toCodes.has(o.code) && o.leaf !== undefined)
      adjustments.push({ code: o.code, list: 'nodes', action: 'dropped', before: o.score });
}

/**
 * Fills the target tree bottom-up: each leaf carries its old score (matched by code) under the
 * strategy or, when new, missing or reset, starts at zero and is listed as missing; each branch is
 * aggregated anew from its children.
 */
export function carryNodes(
  oldNodes: readonly NodeScore[],
  { order, children }: TreeOrder,
  changes: readonly TreeChange[],
  oldMissing: ReadonlySet<string>,
  strategy: MigrationStrategy,
  adjustments: MigrationAdjustment[],
  missing: string[],
): Map<string, Slot> {
  const old = new Map(oldNodes.map((n) => [n.code, n]));
  const changed = new Set(
    changes
      .filter((c) => c.kind === 'moved' || c.kind === 're-pointed' || c.kind === 'rule-changed')
      .map((c) => c.code),
  );
  const slots = new Map<string, Slot>();
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i] as Indicator;
    const kids = children.get(n.code);
    let slot: Slot;
    if (kids !== undefined) {
      slot = combineKids(n.aggregation ?? 'sum', n.points, kids, slots);
    } else {
      const o = old.get(n.code);
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
  return slots;
}
