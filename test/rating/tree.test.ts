import { describe, expect, it } from 'vitest';
import { MAX_INDICATOR_DEPTH, parseIndicatorTree } from '../../src/rating/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { treeInput } from './_fixtures.js';

type Input = ReturnType<typeof treeInput> & { nodes: Record<string, unknown>[] };

function errorsOf(edit: (t: Input) => void, options = {}) {
  const t = treeInput() as Input;
  edit(t);
  const r = parseIndicatorTree(t, options);
  return r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path }));
}
const node = (t: Input, code: string) => t.nodes.find((n) => n.code === code) as Record<string, unknown>;

describe('parseIndicatorTree', () => {
  it('parses a deep-frozen tree and fills defaults', () => {
    const input = deepFreeze(treeInput());
    const r = parseIndicatorTree(input, { metrics: ['loop.onTimeRate', 'complaints'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.childPoints).toBe('equal');
    expect(r.value.notApplicable).toEqual({ mode: 'rescale' });
    expect(r.value.nodes).toHaveLength(15);
  });

  it('rejects duplicate codes, including a veto reusing an indicator code', () => {
    expect(errorsOf((t) => (node(t, 'A2').code = 'A1'))).toContainEqual({
      code: 'rating/duplicate-code',
      path: ['nodes', 2, 'code'],
    });
    expect(errorsOf((t) => (((t.vetoes as { code: string }[])[0] as { code: string }).code = 'A1'))).toContainEqual({
      code: 'rating/duplicate-code',
      path: ['vetoes', 0, 'code'],
    });
  });

  it('rejects an unknown parent', () => {
    expect(errorsOf((t) => (node(t, 'A1').parent = 'Z'))).toContainEqual({
      code: 'rating/unknown-parent',
      path: ['nodes', 1, 'parent'],
    });
  });

  it('rejects cycles', () => {
    const errs = errorsOf((t) => {
      t.nodes.push(
        { code: 'Q1', parent: 'Q2', title: { 'zh-CN': '环1' }, depth: 2, points: 0, rule: { kind: 'binary' } },
        { code: 'Q2', parent: 'Q1', title: { 'zh-CN': '环2' }, depth: 2, points: 0 },
      );
    });
    expect(errs).toContainEqual({ code: 'rating/cycle', path: ['nodes', 15, 'parent'] });
    expect(errs.filter((e) => e.code === 'rating/cycle')).toHaveLength(1);
  });

  it('rejects depth beyond the limit and depths not as declared', () => {
    const errs = errorsOf((t) => {
      const leaf = node(t, 'E2');
      delete leaf.rule;
      let parent = 'E2';
      for (let d = 3; d <= MAX_INDICATOR_DEPTH + 1; d++) {
        const code = `E2-${d}`;
        t.nodes.push({
          code,
          parent,
          title: { 'zh-CN': code },
          depth: d,
          points: 5,
          ...(d === MAX_INDICATOR_DEPTH + 1 ? { rule: { kind: 'binary' } } : {}),
        });
        parent = code;
      }
    });
    expect(errs).toEqual([{ code: 'rating/too-deep', path: ['nodes', 15 + MAX_INDICATOR_DEPTH - 2, 'depth'] }]);
    expect(errorsOf((t) => (node(t, 'A1').depth = 3))).toEqual([
      { code: 'rating/depth-mismatch', path: ['nodes', 1, 'depth'] },
    ]);
  });

  it('rejects children whose points exceed, or do not equal, the parent', () => {
    expect(errorsOf((t) => (node(t, 'A').points = 30))).toContainEqual({
      code: 'rating/points-exceed-parent',
      path: ['nodes', 0, 'points'],
    });
    expect(errorsOf((t) => (node(t, 'A').points = 50))).toContainEqual({
      code: 'rating/points-not-equal',
      path: ['nodes', 0, 'points'],
    });
    expect(errorsOf((t) => (t.totalPoints = 120))).toEqual([
      { code: 'rating/points-not-equal', path: ['totalPoints'] },
    ]);
    // with at-most, falling short is allowed
    expect(
      errorsOf((t) => {
        t.childPoints = 'at-most';
        t.totalPoints = 120;
      }),
    ).toEqual([]);
  });

  it('rejects a leaf without a rule and a branch with one', () => {
    expect(errorsOf((t) => delete node(t, 'B1').rule)).toEqual([
      { code: 'rating/leaf-without-rule', path: ['nodes', 5, 'rule'] },
    ]);
    expect(errorsOf((t) => (node(t, 'B').rule = { kind: 'binary' }))).toEqual([
      { code: 'rating/rule-on-branch', path: ['nodes', 4, 'rule'] },
    ]);
  });

  it('rejects rule parameters that contradict the points', () => {
    const cases: [string, unknown][] = [
      [
        'A2',
        {
          kind: 'tiered',
          bands: [
            { min: 60, points: 5 },
            { min: 80, points: 12 },
          ],
        },
      ],
      [
        'A2',
        {
          kind: 'tiered',
          bands: [
            { min: 80, points: 5 },
            { min: 60, points: 10 },
          ],
        },
      ],
      ['A3', { kind: 'deduction', perOccurrence: 2, floor: 11 }],
      ['B2', { kind: 'manual', max: 12 }],
      ['B2', { kind: 'manual', min: 8, max: 6 }],
      ['B1', { kind: 'rank', first: 20 }],
      ['C1', { kind: 'computed', metric: 'x', apply: { kind: 'deduction', perOccurrence: 1, floor: 99 } }],
    ];
    for (const [code, rule] of cases) {
      const errs = errorsOf((t) => (node(t, code).rule = rule));
      expect(errs[0]?.code, JSON.stringify(rule)).toBe('rating/rule-contradicts-points');
    }
    expect(errorsOf((t) => (((t.bonuses as { cap: number }[])[0] as { cap: number }).cap = 9))).toEqual([
      { code: 'rating/rule-contradicts-points', path: ['bonuses', 0, 'cap'] },
    ]);
  });

  it('rejects unknown metrics only when a catalogue is given', () => {
    expect(errorsOf(() => {}, { metrics: ['complaints'] })).toEqual([
      { code: 'rating/unknown-metric', path: ['nodes', 8, 'rule', 'metric'] },
    ]);
    expect(errorsOf(() => {}, { metrics: ['loop.onTimeRate'] })).toEqual([
      { code: 'rating/unknown-metric', path: ['vetoes', 1, 'when', 'metric'] },
    ]);
    expect(errorsOf(() => {})).toEqual([]);
  });

  it('rejects vetoes naming unknown indicators or facts', () => {
    expect(
      errorsOf(
        (t) =>
          (((t.vetoes as Record<string, unknown>[])[2] as Record<string, unknown>).effect = {
            kind: 'zero',
            node: 'Z',
          }),
      ),
    ).toEqual([{ code: 'rating/unknown-node', path: ['vetoes', 2, 'effect', 'node'] }]);
    expect(
      errorsOf(
        (t) =>
          (((t.vetoes as Record<string, unknown>[])[1] as Record<string, unknown>).when = {
            anyOf: [{ fact: 'nope', op: 'eq', value: 1 }],
          }),
      ),
    ).toEqual([{ code: 'rating/unknown-node', path: ['vetoes', 1, 'when', 'anyOf', 0, 'fact'] }]);
  });

  it('rejects an effective period that ends before it starts', () => {
    expect(errorsOf((t) => (t.effectiveTo = '2020-01-01'))).toEqual([
      { code: 'rating/period-order', path: ['effectiveTo'] },
    ]);
  });

  it('reports every problem at once', () => {
    const errs = errorsOf((t) => {
      node(t, 'A2').code = 'A1';
      node(t, 'B').points = 25;
      delete node(t, 'E1').rule;
    });
    expect(errs.map((e) => e.code).sort()).toEqual(
      [
        'rating/duplicate-code',
        'rating/leaf-without-rule',
        'rating/points-exceed-parent',
        'rating/points-not-equal',
      ].sort(),
    );
  });

  it('translates schema errors with paths', () => {
    expect(errorsOf((t) => (node(t, 'A1').points = -1))[0]?.path).toEqual(['nodes', 1, 'points']);
  });
});
