import type { Indicator, IndicatorTree } from '../../schema.js';
import type { TreeOrder } from './order.js';
import { combineKids, type Slot } from './slot.js';

/**
 * Applies the kept `zero` veto hits (node code → veto code) to the filled-in slots. A zeroed subtree
 * scores nothing but still counts, as in evaluate; the branches above it are aggregated again.
 */
export function zeroSubtrees(
  to: IndicatorTree,
  { order, children }: TreeOrder,
  zeroRoots: ReadonlyMap<string, string>,
  slots: Map<string, Slot>,
): void {
  if (zeroRoots.size === 0) return;
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
    else if (kids !== undefined) slots.set(n.code, combineKids(n.aggregation ?? 'sum', n.points, kids, slots));
  }
}
