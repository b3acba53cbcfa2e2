import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/core/index.js';
import {
  compileTree,
  type Evaluation,
  evaluate,
  evaluateMany,
  evaluationAt,
  evaluations,
  parseIndicatorTree,
  type UnitFacts,
} from '../../src/rating/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { fullFacts, metrics, tree, treeInput } from './_fixtures.js';

const node = (ev: Evaluation, code: string) => ev.nodes.find((n) => n.code === code);
const withValues = (values: Record<string, unknown>, unitId = 'st-1'): UnitFacts =>
  ({ ...fullFacts(unitId), values: { ...fullFacts(unitId).values, ...values } }) as UnitFacts;
const run = (facts: UnitFacts, m = metrics(facts.unitId)) => unwrap(evaluate(tree(), facts, { metrics: m }));
const errorsOf = (facts: UnitFacts) => {
  const r = evaluate(tree(), facts, { metrics: metrics() });
  return r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path }));
};

describe('evaluate', () => {
  it('scores full marks as the tree total and records the version', () => {
    const facts = deepFreeze(fullFacts());
    const ev = unwrap(evaluate(tree(), facts, { metrics: deepFreeze(metrics()) }));
    expect(ev.status).toBe('complete');
    expect(ev.total).toBeCloseTo(100);
    expect(ev.version).toBe(1);
    expect(ev.nodes.map((n) => n.code)).toEqual([
      'A',
      'A1',
      'A2',
      'A3',
      'B',
      'B1',
      'B2',
      'C',
      'C1',
      'D',
      'D1',
      'D2',
      'E',
      'E1',
      'E2',
    ]);
  });

  it('scores each rule kind', () => {
    const ev = run(
      withValues({ A1: 0.76, A2: 70, A3: 3, B1: false, B2: { score: 6.5, reason: '材料不全' } }),
      metrics('st-1', 0.5),
    );
    expect(node(ev, 'A1')?.score).toBeCloseTo(16); // 0.76 / 0.95 × 20
    expect(node(ev, 'A2')?.score).toBe(5);
    expect(node(ev, 'A3')?.score).toBe(4);
    expect(node(ev, 'B1')?.score).toBe(0);
    expect(node(ev, 'B2')?.score).toBe(6.5);
    expect(node(ev, 'C1')?.score).toBeCloseTo(7.5);
    expect(node(ev, 'A')?.lost).toBeCloseTo(15);
  });

  it('scores lower-is-better ratios and lets a fact override a computed metric', () => {
    const t = treeInput() as { nodes: Record<string, unknown>[] };
    (t.nodes[1] as Record<string, unknown>).rule = { kind: 'ratio', target: 0.05, better: 'lower' };
    const lower = unwrap(parseIndicatorTree(t));
    const ev = unwrap(evaluate(lower, withValues({ A1: 0.1, C1: 0.6 }), { metrics: metrics() }));
    expect(node(ev, 'A1')?.score).toBeCloseTo(10);
    expect(node(ev, 'C1')?.score).toBeCloseTo(9);
  });

  it('aggregates weighted averages of rates and minimums', () => {
    const ev = run(withValues({ D1: false, D2: 1, E1: false }));
    expect(node(ev, 'D')?.score).toBeCloseTo(15 * 0.75);
    expect(node(ev, 'E')?.score).toBe(0);
  });

  it('rescales the parent over applicable leaves, or counts n/a at the stated rate', () => {
    const ev = run(withValues({ A2: 'n/a', A1: 0.475 }));
    expect(node(ev, 'A2')?.applicable).toBe(false);
    expect(node(ev, 'A')?.score).toBeCloseTo((40 * (10 + 10)) / 30);
    const t = { ...treeInput(), notApplicable: { mode: 'count-as', rate: 0.5 } };
    const ev2 = unwrap(evaluate(unwrap(parseIndicatorTree(t)), withValues({ A2: 'n/a' }), { metrics: metrics() }));
    expect(node(ev2, 'A2')?.score).toBe(5);
    expect(ev2.total).toBeCloseTo(95);
  });

  it('keeps base, bonus and deductions apart, with item and total caps', () => {
    const ev = run(withValues({ X1: 5, X2: 1, P1: 7 }));
    expect(ev.bonus.items.map((i) => i.points)).toEqual([4, 3]);
    expect(ev.bonus.total).toBe(5);
    expect(ev.deductions.total).toBe(3);
    expect(ev.base).toBeCloseTo(100);
    expect(ev.total).toBeCloseTo(102);
  });

  it('applies veto effects: disqualify cancels bonus, zero empties a subtree, cap records the hit', () => {
    const d = run({ ...withValues({ V1: true, X1: 2 }), evidence: { V1: '纪检通报〔2023〕5号' } });
    expect(d.vetoes).toEqual([
      expect.objectContaining({ code: 'V1', effect: { kind: 'disqualify' }, evidence: '纪检通报〔2023〕5号' }),
    ]);
    expect(d.bonus.total).toBe(0);
    const z = run(withValues({ V3: true }));
    expect(node(z, 'B')?.score).toBe(0);
    expect(node(z, 'B')?.zeroedBy).toBe('V3');
    expect(z.total).toBeCloseTo(80);
    const c = run(fullFacts(), metrics('st-1', 1, 12));
    expect(c.vetoes.map((v) => v.code)).toEqual(['V2']);
  });

  it('marks missing facts and metrics as partial, never complete', () => {
    const facts = fullFacts();
    const { A1: _drop, V1: _v, ...rest } = facts.values;
    const ev = unwrap(evaluate(tree(), { unitId: 'st-1', values: rest }));
    expect(ev.status).toBe('partial');
    if (ev.status === 'partial') expect(ev.missing).toEqual(['A1', 'C1', 'V1', 'metric:complaints']);
  });

  it('refuses unknown facts, values outside a rule, manual scores out of bounds or without reason', () => {
    expect(errorsOf(withValues({ Z9: 1 }))).toEqual([{ code: 'rating/unknown-fact', path: ['values', 'Z9'] }]);
    expect(errorsOf(withValues({ B1: 2 }))).toEqual([{ code: 'rating/value-out-of-domain', path: ['values', 'B1'] }]);
    expect(errorsOf(withValues({ A3: 1.5 }))).toEqual([{ code: 'rating/value-out-of-domain', path: ['values', 'A3'] }]);
    expect(errorsOf(withValues({ A1: 'x' }))).toEqual([{ code: 'rating/value-out-of-domain', path: ['values', 'A1'] }]);
    expect(errorsOf(withValues({ X1: -1 }))).toEqual([{ code: 'rating/value-out-of-domain', path: ['values', 'X1'] }]);
    expect(errorsOf(withValues({ B2: { score: 11, reason: '超分' } }))).toEqual([
      { code: 'rating/manual-out-of-bounds', path: ['values', 'B2'] },
    ]);
    expect(errorsOf(withValues({ B2: { score: 5, reason: ' ' } }))).toEqual([
      { code: 'rating/reason-required', path: ['values', 'B2'] },
    ]);
    expect(errorsOf(withValues({ B2: 5 }))).toEqual([{ code: 'rating/reason-required', path: ['values', 'B2'] }]);
  });

  it('ranks a unit within the given cohort, alone otherwise', () => {
    const t = treeInput() as { nodes: Record<string, unknown>[] };
    (t.nodes[5] as Record<string, unknown>).rule = { kind: 'rank', places: 5 };
    const ranked = unwrap(parseIndicatorTree(t));
    const alone = unwrap(evaluate(ranked, withValues({ B1: 3 }), { metrics: metrics() }));
    expect(node(alone, 'B1')?.score).toBe(10);
    const third = unwrap(
      evaluate(ranked, withValues({ B1: 3 }), { metrics: metrics(), cohort: { B1: [9, 5, 3, 3, 1] } }),
    );
    expect(node(third, 'B1')?.score).toBeCloseTo(6);
  });
});

describe('evaluateMany', () => {
  const units = [fullFacts('a'), withValues({ A1: 0.5, V3: true }, 'b'), withValues({ B1: false, X2: 1 }, 'c')];
  const m = { ...metrics('a'), ...metrics('b', 0.8), ...metrics('c', 0.9, 11) };

  it('matches evaluate unit by unit for object input', () => {
    const batch = unwrap(evaluateMany(compileTree(tree()), deepFreeze(units), { metrics: m }));
    units.forEach((u, i) => {
      expect(evaluationAt(batch, i)).toEqual(unwrap(evaluate(tree(), u, { metrics: m })));
    });
    expect(evaluations(batch)).toHaveLength(3);
  });

  it('takes column-wise facts and gives the same results', () => {
    const ct = compileTree(tree());
    const col = (f: (u: UnitFacts) => number) => Float64Array.from(units.map(f));
    const num = (code: string) => (u: UnitFacts) => {
      const v = u.values[code];
      return typeof v === 'boolean'
        ? v
          ? 1
          : 0
        : typeof v === 'number'
          ? v
          : typeof v === 'object'
            ? v.score
            : Number.NaN;
    };
    const codes = ['A1', 'A2', 'A3', 'B1', 'B2', 'D1', 'D2', 'E1', 'E2', 'V1', 'V3', 'X2'];
    const columns = Object.fromEntries(codes.map((c) => [c, col(num(c))]));
    const batch = unwrap(
      evaluateMany(ct, {
        unitIds: ['a', 'b', 'c'],
        columns,
        metrics: { 'loop.onTimeRate': [1, 0.8, 0.9], complaints: [0, 0, 11] },
        reasons: { B2: ['品牌特色鲜明', '品牌特色鲜明', '品牌特色鲜明'] },
      }),
    );
    const objects = unwrap(evaluateMany(ct, units, { metrics: m }));
    expect(Array.from(batch.total)).toEqual(Array.from(objects.total));
    expect(evaluationAt(batch, 1).vetoes).toEqual(evaluationAt(objects, 1).vetoes);
  });

  it('refuses columns of the wrong length, unknown columns and manual scores without reasons', () => {
    const ct = compileTree(tree());
    const r = evaluateMany(ct, { unitIds: ['a', 'b'], columns: { A1: [1], Z: [1, 2], B2: [5, Number.NaN] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([
      { code: 'rating/column-length', path: ['columns', 'A1'] },
      { code: 'rating/unknown-fact', path: ['columns', 'Z'] },
      { code: 'rating/reason-required', path: ['reasons', 'B2', 0] },
    ]);
  });

  it('paths errors by unit index for object input', () => {
    const r = evaluateMany(compileTree(tree()), [fullFacts('a'), withValues({ B1: 7 }, 'b')]);
    expect(r.ok ? [] : r.errors.map((e) => e.path)).toEqual([[1, 'values', 'B1']]);
  });
});

describe('evaluateMany at the edges', () => {
  it('scores a batch of 0 units to empty arrays, from objects and from columns', () => {
    const ct = compileTree(tree());
    for (const input of [[], { unitIds: [], columns: {} }] as const) {
      const batch = unwrap(evaluateMany(ct, input));
      expect(batch.total).toHaveLength(0);
      expect(batch.scores).toHaveLength(0);
      expect(batch.applicable).toHaveLength(0);
      expect(batch.values).toHaveLength(0);
      expect(batch.missing).toEqual([]);
      expect(batch.vetoes).toEqual([]);
      expect(evaluations(batch)).toEqual([]);
    }
  });

  it('scores a batch of 1 unit exactly as evaluate does', () => {
    const facts = withValues({ A2: 'n/a', V3: true, X1: 1 }, 'solo');
    const batch = unwrap(evaluateMany(compileTree(tree()), [facts], { metrics: metrics('solo', 0.7) }));
    expect(evaluationAt(batch, 0)).toEqual(unwrap(evaluate(tree(), facts, { metrics: metrics('solo', 0.7) })));
    expect(batch.applicable[batch.compiled.index.get('A2') as number]).toBe(0);
  });

  it('reads leaf values and flags of plain columns on demand, equal to the facts given', () => {
    const ct = compileTree(tree());
    const A1 = Float64Array.from([0.5, Number.NaN, 0.99]);
    const batch = unwrap(evaluateMany(ct, { unitIds: ['a', 'b', 'c'], columns: { A1 } }));
    const l = ct.leafOf[ct.index.get('A1') as number] as number;
    expect(Array.from(batch.values.subarray(l * 3, l * 3 + 3))).toEqual(Array.from(A1));
    expect(Array.from(batch.applicable).every((x) => x === 1)).toBe(true);
    expect(batch.missing[0]).toContain('B1');
    expect(batch.missing[1]?.slice(0, 2)).toEqual(['A1', 'A2']);
    expect(evaluationAt(batch, 2).nodes.find((n) => n.code === 'A1')?.leaf?.value).toBe(0.99);
  });

  it('scores the same across block boundaries as unit by unit', () => {
    const ct = compileTree(tree());
    const many = Array.from({ length: 4000 }, (_, i) =>
      withValues({ A1: (i % 100) / 100, A3: i % 7, B1: i % 2 === 0, V3: i % 97 === 0, X1: i % 3 }, `u${i}`),
    );
    const m = Object.assign({}, ...many.map((f, i) => metrics(f.unitId, (i % 10) / 10, i % 13)));
    const batch = unwrap(evaluateMany(ct, many, { metrics: m }));
    for (const i of [0, 97, 1637, 1638, 3276, 3277, 3999])
      expect(evaluationAt(batch, i)).toEqual(unwrap(evaluate(tree(), many[i] as UnitFacts, { metrics: m })));
  });
});
