import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/core/index.js';
import { diffTrees, parseIndicatorTree, type TreeChange } from '../../src/rating/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { tree, treeInput } from './_fixtures.js';
import { treeV2 } from './_tree-v2.js';

const key = (c: TreeChange) => `${c.kind}:${'list' in c ? c.list : 'nodes'}:${c.code}`;

describe('diffTrees', () => {
  it('lists added, removed, moved, re-pointed, re-ruled and retitled indicators and changed items', () => {
    const a = deepFreeze(tree());
    const b = deepFreeze(treeV2());
    const d = diffTrees(a, b);
    expect(d.from).toEqual({ id: 'station-demo', version: 1 });
    expect(d.to).toEqual({ id: 'station-demo', version: 2 });
    expect(d.changes.map(key).sort()).toEqual(
      [
        're-pointed:nodes:A1',
        'added:nodes:A4',
        'rule-changed:nodes:A3',
        'retitled:nodes:B1',
        're-pointed:nodes:D',
        're-pointed:nodes:E',
        'moved:nodes:D1',
        'removed:vetoes:V2',
        'item-changed:bonuses:X1',
        'added:bonuses:X3',
      ].sort(),
    );
    expect(d.changes).toContainEqual({ kind: 're-pointed', code: 'A1', from: 20, to: 15 });
    expect(d.changes).toContainEqual({
      kind: 'moved',
      code: 'D1',
      fromParent: 'D',
      toParent: 'E',
      fromDepth: 2,
      toDepth: 2,
    });
    expect(d.changes).toContainEqual({
      kind: 'rule-changed',
      code: 'A3',
      from: { kind: 'deduction', perOccurrence: 2, floor: 0 },
      to: { kind: 'deduction', perOccurrence: 2.5, floor: 0 },
    });
    expect(d.changes).toContainEqual({ kind: 'item-changed', list: 'bonuses', code: 'X1', fields: ['cap'] });
    expect(d.changes).toContainEqual({
      kind: 'added',
      list: 'nodes',
      code: 'A4',
      title: { 'zh-CN': '信用监管' },
      points: 5,
      parent: 'A',
    });
    expect(d.settings).toEqual([]);
  });

  it('is symmetric: added one way is removed the other', () => {
    const d = diffTrees(treeV2(), tree());
    expect(d.changes).toContainEqual({
      kind: 'removed',
      list: 'nodes',
      code: 'A4',
      title: { 'zh-CN': '信用监管' },
      points: 5,
      parent: 'A',
    });
    expect(d.changes).toContainEqual({ kind: 'added', list: 'vetoes', code: 'V2', title: { 'zh-CN': '有效投诉过多' } });
    expect(d.changes).toContainEqual({
      kind: 'moved',
      code: 'D1',
      fromParent: 'E',
      toParent: 'D',
      fromDepth: 2,
      toDepth: 2,
    });
  });

  it('reports tree-level settings', () => {
    const b = unwrap(parseIndicatorTree({ ...treeInput(), version: 3, bonusCap: 6, childPoints: 'at-most' }));
    expect(diffTrees(tree(), b).settings).toEqual([
      { field: 'childPoints', from: 'equal', to: 'at-most' },
      { field: 'bonusCap', from: 5, to: 6 },
    ]);
  });

  it('a tree compared with itself (or an equal copy) has no changes', () => {
    const trees = [tree(), treeV2()];
    fc.assert(
      fc.property(fc.constantFrom(...trees), fc.boolean(), (t, copy) => {
        const other = copy ? (JSON.parse(JSON.stringify(t)) as typeof t) : t;
        const d = diffTrees(t, other);
        return d.changes.length === 0 && d.settings.length === 0;
      }),
      { numRuns: 20 },
    );
  });

  it('any single re-pointing shows as exactly that change', () => {
    const a = tree();
    const leaves = a.nodes.filter((n) => n.rule !== undefined && n.rule.kind === 'binary');
    fc.assert(
      fc.property(fc.constantFrom(...leaves.map((n) => n.code)), fc.integer({ min: 1, max: 50 }), (code, pts) => {
        const b = { ...a, nodes: a.nodes.map((n) => (n.code === code ? { ...n, points: pts } : n)) };
        const d = diffTrees(a, b);
        const before = a.nodes.find((n) => n.code === code)?.points;
        return before === pts
          ? d.changes.length === 0
          : d.changes.length === 1 && d.changes[0]?.kind === 're-pointed' && d.changes[0].code === code;
      }),
      { numRuns: 40 },
    );
  });
});
