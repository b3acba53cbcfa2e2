import type { Indicator, IndicatorTree } from '../../schema.js';

/** A tree's indicators in depth-first order, and each parent's children (first-level ones under `undefined`). */
export interface TreeOrder {
  readonly order: Indicator[];
  readonly children: Map<string | undefined, Indicator[]>;
}

export function depthFirst(tree: IndicatorTree): TreeOrder {
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
