import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/core/index.js';
import {
  compileTree,
  evaluate,
  evaluateMany,
  evaluationAt,
  gapAnalysis,
  qualify,
  type StarLevel,
  type UnitFacts,
} from '../../src/rating/index.js';
import { metrics, scheme, tree } from './_fixtures.js';

const T = tree();
const S = { ...scheme(), firstRound: true };
const star = (f: UnitFacts, m: ReturnType<typeof metrics>): number =>
  unwrap(qualify(unwrap(evaluate(T, f, { metrics: m })), S)).star ?? 0;

const arbFacts = fc.record({
  A1: fc.double({ min: 0, max: 1.2, noNaN: true }),
  A2: fc.integer({ min: 0, max: 100 }),
  A3: fc.integer({ min: 0, max: 6 }),
  B1: fc.boolean(),
  B2: fc.double({ min: 0, max: 10, noNaN: true }),
  D1: fc.boolean(),
  D2: fc.double({ min: 0, max: 1.2, noNaN: true }),
  E1: fc.boolean(),
  E2: fc.boolean(),
  V1: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  V3: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
  X1: fc.integer({ min: 0, max: 5 }),
  X2: fc.integer({ min: 0, max: 3 }),
  P1: fc.integer({ min: 0, max: 5 }),
  onTime: fc.double({ min: 0, max: 1, noNaN: true }),
  complaints: fc.integer({ min: 0, max: 20 }),
});
type Raw = typeof arbFacts extends fc.Arbitrary<infer R> ? R : never;

function toFacts(r: Raw, unitId = 'u'): { facts: UnitFacts; m: ReturnType<typeof metrics> } {
  const { onTime, complaints, B2, ...values } = r;
  return {
    facts: { unitId, values: { ...values, B2: { score: B2, reason: '评审' } } },
    m: metrics(unitId, onTime, complaints),
  };
}

const leafImprovement = fc.oneof(
  fc.record({ code: fc.constant('A1'), v: fc.double({ min: 0, max: 1.2, noNaN: true }) }),
  fc.record({ code: fc.constant('A2'), v: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ code: fc.constant('D2'), v: fc.double({ min: 0, max: 1.2, noNaN: true }) }),
  fc.record({ code: fc.constant('E1'), v: fc.constant(true) }),
  fc.record({ code: fc.constant('B1'), v: fc.constant(true) }),
);

describe('rating properties', () => {
  it('a total never exceeds the tree total plus the bonus cap', () => {
    fc.assert(
      fc.property(arbFacts, (r) => {
        const { facts, m } = toFacts(r);
        const ev = unwrap(evaluate(T, facts, { metrics: m }));
        expect(ev.total).toBeLessThanOrEqual(T.totalPoints + T.bonusCap + 1e-9);
        expect(ev.total).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 200 },
    );
  });

  it('improving a leaf never lowers the total or the star', () => {
    fc.assert(
      fc.property(arbFacts, leafImprovement, (r, { code, v }) => {
        const { facts, m } = toFacts(r);
        const before = unwrap(evaluate(T, facts, { metrics: m }));
        const better: UnitFacts = { ...facts, values: { ...facts.values, [code]: v } };
        const after = unwrap(evaluate(T, better, { metrics: m }));
        const leaf = (e: typeof before) => e.nodes.find((n) => n.code === code)?.score ?? 0;
        fc.pre(leaf(after) >= leaf(before));
        expect(after.total).toBeGreaterThanOrEqual(before.total - 1e-9);
        expect(star(better, m)).toBeGreaterThanOrEqual(star(facts, m));
      }),
      { numRuns: 200 },
    );
  });

  it('a veto always wins', () => {
    fc.assert(
      fc.property(arbFacts, (r) => {
        const { facts, m } = toFacts({ ...r, V1: true });
        expect(star(facts, m)).toBe(0);
        const capped = toFacts({ ...r, V1: false, complaints: 15 });
        expect(star(capped.facts, capped.m)).toBeLessThanOrEqual(3);
      }),
      { numRuns: 100 },
    );
  });

  it('evaluateMany equals evaluate unit by unit', () => {
    const ct = compileTree(T);
    fc.assert(
      fc.property(fc.array(arbFacts, { minLength: 1, maxLength: 12 }), (raws) => {
        const all = raws.map((r, i) => toFacts(r, `u${i}`));
        const m = Object.assign({}, ...all.map((x) => x.m));
        const batch = unwrap(
          evaluateMany(
            ct,
            all.map((x) => x.facts),
            { metrics: m },
          ),
        );
        all.forEach((x, i) => {
          expect(evaluationAt(batch, i)).toEqual(unwrap(evaluate(T, x.facts, { metrics: m })));
        });
      }),
      { numRuns: 60 },
    );
  });

  it("gapAnalysis's proposal, applied, reaches the target", () => {
    fc.assert(
      fc.property(arbFacts, fc.constantFrom<StarLevel>(3, 4, 5), (r, target) => {
        const { facts, m } = toFacts({ ...r, V1: false, V3: false, complaints: 0 });
        const ev = unwrap(evaluate(T, facts, { metrics: m }));
        const plan = gapAnalysis(ev, S, target, T);
        if (!plan.ok) {
          expect(plan.errors[0]?.code).toBe('rating/target-unreachable');
          return;
        }
        const values: Record<string, unknown> = { ...facts.values };
        for (const item of plan.value.items)
          values[item.code] = item.code === 'B2' ? { score: item.value, reason: '整改' } : item.value;
        const mm = plan.value.items.some((i) => i.code === 'C1') ? metrics('u', 1, 0) : m;
        const applied: UnitFacts = { ...facts, values: values as UnitFacts['values'] };
        expect(star(applied, mm)).toBeGreaterThanOrEqual(target);
      }),
      { numRuns: 150 },
    );
  });
});
