import type { LeafTrace } from '../../evaluation.js';
import type { Aggregation, Indicator } from '../../schema.js';

/** A node's score while the target tree is filled in, before it becomes a `NodeScore`. */
export interface Slot {
  score: number;
  applicable: boolean;
  zeroedBy?: string;
  leaf?: LeafTrace;
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

/** Aggregates a branch, or the root with the tree's own aggregation and total, from its children's slots. */
export function combineKids(
  agg: Aggregation,
  points: number,
  kids: readonly Indicator[],
  slots: ReadonlyMap<string, Slot>,
): Slot {
  return combine(
    agg,
    points,
    kids.map((k) => ({ max: k.points, w: k.weight ?? k.points, s: slots.get(k.code) as Slot })),
  );
}
