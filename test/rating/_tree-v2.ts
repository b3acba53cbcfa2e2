import { unwrap } from '../../src/core/index.js';
import { type IndicatorTreeInput, parseIndicatorTree } from '../../src/rating/index.js';
import { treeInput } from './_fixtures.js';

/** Version 2 of the fixture tree: A1 re-pointed 20→15 with a new A4, A3's rule changed, D1 moved to E
 *  (D 15→10, E 10→15), B1 retitled, veto V2 removed, bonus X1 capped lower and X3 added. */
export function treeV2Input(): IndicatorTreeInput {
  const a = treeInput();
  const nodes = a.nodes.flatMap((n) => {
    if (n.code === 'A1') return [{ ...n, points: 15 }];
    if (n.code === 'A3') return [{ ...n, rule: { kind: 'deduction' as const, perOccurrence: 2.5 } }];
    if (n.code === 'A2')
      return [
        n,
        {
          code: 'A4',
          parent: 'A',
          title: { 'zh-CN': '信用监管' },
          depth: 2,
          points: 5,
          rule: { kind: 'binary' as const },
        },
      ];
    if (n.code === 'B1') return [{ ...n, title: { 'zh-CN': '三会一课制度落实' } }];
    if (n.code === 'D') return [{ ...n, points: 10 }];
    if (n.code === 'D1') return [];
    if (n.code === 'E') return [{ ...n, points: 15 }];
    if (n.code === 'E2')
      return [
        n,
        { code: 'D1', parent: 'E', title: { 'zh-CN': '培训' }, depth: 2, points: 5, rule: { kind: 'binary' as const } },
      ];
    return [n];
  });
  return {
    ...a,
    version: 2,
    effectiveFrom: '2025-01-01',
    nodes,
    vetoes: (a.vetoes ?? []).filter((v) => v.code !== 'V2'),
    bonuses: [
      { code: 'X1', title: { 'zh-CN': '经验被上级推广' }, perItem: 2, cap: 3 },
      { code: 'X2', title: { 'zh-CN': '获得表彰' }, perItem: 3, cap: 3 },
      { code: 'X3', title: { 'zh-CN': '创新做法' }, perItem: 1, cap: 2 },
    ],
  };
}
export const treeV2 = () => unwrap(parseIndicatorTree(treeV2Input()));
