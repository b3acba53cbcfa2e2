import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/core/index.js';
import {
  type Evaluation,
  evaluate,
  type MigrationStrategy,
  migrateEvaluation,
  migrationStrategyLabels,
  type UnitFacts,
} from '../../src/rating/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { fullFacts, metrics, tree } from './_fixtures.js';
import { treeV2 } from './_tree-v2.js';

const A = tree();
const B = treeV2();
const evalOf = (f: UnitFacts, m = metrics()) => unwrap(evaluate(A, f, { metrics: m }));
const node = (ev: Evaluation, code: string) => ev.nodes.find((n) => n.code === code);

describe('migrateEvaluation', () => {
  const full = evalOf({ ...fullFacts(), values: { ...fullFacts().values, X1: 2 } });

  it('clamp keeps scores but never above the new maximum, and lists new leaves as missing', () => {
    const m = unwrap(migrateEvaluation(deepFreeze(full), deepFreeze(A), deepFreeze(B), 'clamp'));
    const ev = m.evaluation;
    expect(ev.version).toBe(2);
    expect(m.from).toEqual({ treeId: 'station-demo', version: 1 });
    expect(node(ev, 'A1')?.score).toBe(15);
    expect(node(ev, 'D1')).toMatchObject({ parent: 'E', score: 5, max: 5 });
    expect(node(ev, 'E')?.score).toBe(15);
    expect(node(ev, 'D')?.score).toBe(10);
    expect(ev.status).toBe('partial');
    expect(ev.status === 'partial' && ev.missing).toEqual(['A4']);
    expect(ev.bonus.items.find((x) => x.code === 'X1')?.points).toBe(3);
    expect(m.adjustments).toContainEqual({ code: 'A1', list: 'nodes', action: 'clamped', before: 20, after: 15 });
    expect(m.adjustments).toContainEqual({ code: 'A4', list: 'nodes', action: 'added', after: 0 });
    expect(m.adjustments).toContainEqual({ code: 'X1', list: 'bonuses', action: 'clamped', before: 4, after: 3 });
    // A: A1 15 + A2 10 + A3 10 + A4 0 of 40; total = base + bonus
    expect(node(ev, 'A')?.score).toBe(35);
    expect(ev.total).toBeCloseTo(ev.base + ev.bonus.total - ev.deductions.total, 9);
  });

  it('proportional keeps the rate of each score', () => {
    const half = evalOf({ ...fullFacts(), values: { ...fullFacts().values, A1: 0.475 } });
    expect(node(half, 'A1')?.score).toBeCloseTo(10, 9);
    const p = unwrap(migrateEvaluation(half, A, B, 'proportional')).evaluation;
    const c = unwrap(migrateEvaluation(half, A, B, 'clamp')).evaluation;
    expect(node(p, 'A1')?.score).toBeCloseTo(7.5, 9);
    expect(node(c, 'A1')?.score).toBeCloseTo(10, 9);
  });

  it('reset zeroes every re-pointed, re-ruled or moved indicator and asks for it again', () => {
    const m = unwrap(migrateEvaluation(full, A, B, 'reset'));
    const ev = m.evaluation;
    expect(ev.status === 'partial' && [...ev.missing].sort()).toEqual(['A1', 'A3', 'A4', 'D1']);
    expect(node(ev, 'A1')?.score).toBe(0);
    expect(node(ev, 'B1')?.score).toBe(10);
    expect(m.adjustments).toContainEqual({ code: 'A3', list: 'nodes', action: 'reset', before: 10, after: 0 });
    expect(m.adjustments).toContainEqual({ code: 'X1', list: 'bonuses', action: 'reset', before: 4, after: 0 });
  });

  it('drops veto hits whose item is gone and keeps the effect of those that remain', () => {
    const ev = evalOf({ ...fullFacts(), values: { ...fullFacts().values, V3: true } }, metrics('st-1', 1, 20));
    expect(ev.vetoes.map((v) => v.code).sort()).toEqual(['V2', 'V3']);
    const m = unwrap(migrateEvaluation(ev, A, B, 'clamp')).evaluation;
    expect(m.vetoes.map((v) => v.code)).toEqual(['V3']);
    expect(node(m, 'B')).toMatchObject({ score: 0, zeroedBy: 'V3' });
    expect(node(m, 'B1')).toMatchObject({ zeroedBy: 'V3' });
  });

  it('refuses an evaluation made under another tree version (rating/tree-mismatch)', () => {
    const m2 = unwrap(migrateEvaluation(full, A, B, 'clamp')).evaluation;
    const r = migrateEvaluation(m2, A, B, 'clamp');
    expect(r.ok).toBe(false);
    expect(r.errors?.[0]).toMatchObject({ code: 'rating/tree-mismatch', path: ['evaluation', 'version'] });
  });

  it('labels every strategy', () => {
    expect(Object.keys(migrationStrategyLabels).sort()).toEqual(['clamp', 'proportional', 'reset']);
  });

  const arb = fc.record({
    A1: fc.double({ min: 0, max: 1.2, noNaN: true }),
    A2: fc.integer({ min: 0, max: 100 }),
    A3: fc.integer({ min: 0, max: 6 }),
    B1: fc.boolean(),
    B2: fc.double({ min: 0, max: 10, noNaN: true }),
    D1: fc.oneof(fc.boolean(), fc.constant('n/a' as const)),
    D2: fc.double({ min: 0, max: 1.2, noNaN: true }),
    E1: fc.boolean(),
    E2: fc.oneof(fc.boolean(), fc.constant('n/a' as const)),
    V3: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    X1: fc.integer({ min: 0, max: 4 }),
    P1: fc.integer({ min: 0, max: 4 }),
    onTime: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const toEval = (r: fc.Arbitrary<unknown> extends never ? never : ReturnType<typeof arb.generate>['value']) => {
    const { onTime, B2, ...values } = r;
    return evalOf({ unitId: 'u', values: { ...values, B2: { score: B2, reason: '评审' } } }, metrics('u', onTime));
  };

  it('property: clamp never exceeds the new maxima, and the total stays within the new tree plus its bonus cap', () => {
    fc.assert(
      fc.property(arb, (r) => {
        const ev = unwrap(migrateEvaluation(toEval(r), A, B, 'clamp')).evaluation;
        return (
          ev.nodes.every((n) => n.score <= n.max + 1e-9 && n.score >= 0) &&
          ev.total <= B.totalPoints + B.bonusCap + 1e-9
        );
      }),
      { numRuns: 150 },
    );
  });

  it('property: migrating to the same version changes nothing, under every strategy', () => {
    fc.assert(
      fc.property(arb, fc.constantFrom<MigrationStrategy>('clamp', 'reset', 'proportional'), (r, s) => {
        const ev = toEval(r);
        const m = unwrap(migrateEvaluation(ev, A, A, s));
        const same = m.evaluation.nodes.every((n, i) => Math.abs(n.score - (ev.nodes[i]?.score ?? Number.NaN)) < 1e-9);
        return (
          same &&
          Math.abs(m.evaluation.total - ev.total) < 1e-9 &&
          m.adjustments.length === 0 &&
          m.evaluation.status === ev.status
        );
      }),
      { numRuns: 150 },
    );
  });
});
