import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/core/index.js';
import { parseDirectory } from '../../src/org/index.js';
import {
  distribution,
  evaluate,
  explain,
  gapAnalysis,
  parseStarScheme,
  qualify,
  rank,
  type UnitFacts,
} from '../../src/rating/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { ORG, orgFixtureSnapshot } from '../helpers/org-fixture.js';
import { fullFacts, metrics, scheme, tree } from './_fixtures.js';

const withValues = (values: Record<string, unknown>, unitId = 'st-1'): UnitFacts =>
  ({ ...fullFacts(unitId), values: { ...fullFacts(unitId).values, ...values } }) as UnitFacts;
const ev = (values: Record<string, unknown>, m = metrics()) =>
  unwrap(evaluate(tree(), withValues(values), { metrics: m }));

describe('qualify', () => {
  it('gives the highest star whose total and area minimums are met, with the awarding level', () => {
    const q = unwrap(qualify(deepFreeze(ev({})), scheme(), { held: 4 }));
    expect(q.star).toBe(5);
    expect(q.awardedBy).toEqual({ level: 1 });
    expect(q.next).toBeUndefined();
  });

  it('lists why the next star is missed: total, area rate, prerequisite', () => {
    // A1 at 0.57 → 12 of 20: A = 32/40 = 0.8 < 0.85; total 92 meets 5's total
    const q = unwrap(qualify(ev({ A1: 0.57 }), scheme(), { held: 3 }));
    expect(q.star).toBe(4);
    expect(q.awardedBy?.level).toBe(2);
    expect(q.next?.star).toBe(5);
    expect(q.next?.reasons).toEqual([
      { kind: 'area', area: 'A', required: 0.85, actual: expect.closeTo(0.8, 6) },
      { kind: 'prerequisite', requires: 4 },
    ]);
    const noHeld = unwrap(qualify(ev({}), scheme()));
    expect(noHeld.star).toBe(3);
    const first = unwrap(qualify(ev({}), { ...scheme(), firstRound: true }));
    expect(first.star).toBe(5);
    const low = unwrap(qualify(ev({ A1: 0, B1: false, E1: false }), scheme()));
    expect(low.star).toBeUndefined();
    expect(low.next?.reasons[0]).toEqual({ kind: 'total', required: 70, actual: expect.closeTo(60, 6) });
  });

  it('lets a veto win over every score', () => {
    expect(unwrap(qualify(ev({ V1: true }), scheme(), { held: 4 })).star).toBeUndefined();
    expect(unwrap(qualify(ev({}, metrics('st-1', 1, 20)), scheme(), { held: 4 })).star).toBe(3);
  });

  it('awards three stars at the district level in a municipality', () => {
    const q = unwrap(
      qualify(ev({}), { ...scheme(), municipality: true, firstRound: true, levels: scheme().levels.slice(0, 1) }),
    );
    expect(q.awardedBy?.level).toBe(4);
  });

  it('refuses a partial evaluation', () => {
    const partial = unwrap(evaluate(tree(), { unitId: 'x', values: {} }));
    const r = qualify(partial, scheme());
    expect(r.ok ? undefined : r.errors[0]?.code).toBe('rating/incomplete-evaluation');
    expect(r.ok ? undefined : r.errors[0]?.path).toEqual(['missing']);
  });

  it('checks the awarding unit against the org directory', () => {
    const directory = unwrap(parseDirectory(orgFixtureSnapshot()));
    const s = { ...scheme(), levels: scheme().levels.slice(0, 1) };
    expect(unwrap(qualify(ev({}), s, { directory, awardingUnitId: ORG.city })).awardedBy).toEqual({
      level: 3,
      unitId: ORG.city,
    });
    const wrong = qualify(ev({}), s, { directory, awardingUnitId: ORG.countyA });
    expect(wrong.ok ? undefined : { code: wrong.errors[0]?.code, path: wrong.errors[0]?.path }).toEqual({
      code: 'rating/wrong-awarding-level',
      path: ['awardingUnitId'],
    });
    const unknown = qualify(ev({}), s, { directory, awardingUnitId: 'nope' });
    expect(unknown.ok ? undefined : unknown.errors[0]?.code).toBe('org/unknown-unit');
  });
});

describe('parseStarScheme', () => {
  const errs = (input: unknown) => {
    const r = parseStarScheme(input, tree());
    return r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path }));
  };
  const base = { id: 's', name: { 'zh-CN': '方案' } };
  it('refuses duplicate stars, falling thresholds and area minimums on non-areas', () => {
    expect(
      errs({
        ...base,
        levels: [
          { star: 3, minTotal: 70 },
          { star: 3, minTotal: 80 },
        ],
      }),
    ).toContainEqual({
      code: 'rating/duplicate-star',
      path: ['levels', 1, 'star'],
    });
    expect(
      errs({
        ...base,
        levels: [
          { star: 3, minTotal: 90 },
          { star: 4, minTotal: 80 },
        ],
      }),
    ).toEqual([{ code: 'rating/scheme-order', path: ['levels', 1, 'minTotal'] }]);
    expect(errs({ ...base, levels: [{ star: 3, minTotal: 70, areaMinimums: { A1: 0.5 } }] })).toEqual([
      { code: 'rating/not-an-area', path: ['levels', 0, 'areaMinimums', 'A1'] },
    ]);
  });
});

describe('gapAnalysis', () => {
  it('proposes the fewest indicators, largest recovery first, and the proposal reaches the target', () => {
    const e = ev({ A1: 0.475, B1: false, D1: false, A3: 1 });
    // total = 10 + 10 + 8 + 0 + 10 + 15 + 11.25 + 10 = 74.25
    expect(e.total).toBeCloseTo(74.25);
    const plan = unwrap(gapAnalysis(e, scheme(), 4, tree(), { held: 3 }));
    expect(plan.items.map((i) => i.code)).toEqual(['A1', 'B1']);
    expect(plan.projectedTotal).toBeCloseTo(94.25);
    expect(plan.alsoRequires).toBeUndefined();
    const applied = unwrap(
      evaluate(tree(), withValues({ A1: plan.items[0]?.value, B1: plan.items[1]?.value, D1: false, A3: 1 }), {
        metrics: metrics(),
      }),
    );
    expect(unwrap(qualify(applied, scheme(), { held: 3 })).star).toBeGreaterThanOrEqual(4);
  });

  it('covers area minimums before the total', () => {
    // E by minimum: E1 false → E = 0; total 90 but E below 75 %
    const plan = unwrap(gapAnalysis(ev({ E1: false }), scheme(), 4, tree()));
    expect(plan.items.map((i) => i.code)).toEqual(['E1']);
    expect(plan.alsoRequires).toBe(3);
  });

  it('refuses when a veto blocks the target, the star is unknown, or nothing reaches it', () => {
    const code = (r: ReturnType<typeof gapAnalysis>) => (r.ok ? undefined : r.errors[0]?.code);
    expect(code(gapAnalysis(ev({ V1: true }), scheme(), 3, tree()))).toBe('rating/target-blocked-by-veto');
    const s = unwrap(parseStarScheme({ id: 's', name: { 'zh-CN': '方案' }, levels: [{ star: 3, minTotal: 70 }] }));
    expect(code(gapAnalysis(ev({}), s, 5, tree()))).toBe('rating/unknown-star');
    const hard = unwrap(parseStarScheme({ id: 's', name: { 'zh-CN': '方案' }, levels: [{ star: 3, minTotal: 101 }] }));
    expect(code(gapAnalysis(ev({}), hard, 3, tree()))).toBe('rating/target-unreachable');
    expect(code(gapAnalysis(unwrap(evaluate(tree(), { unitId: 'x', values: {} })), scheme(), 3, tree()))).toBe(
      'rating/incomplete-evaluation',
    );
    expect(code(gapAnalysis(ev({}), scheme(), 3, { ...tree(), version: 2 }))).toBe('rating/tree-mismatch');
  });
});

describe('explain, rank, distribution', () => {
  it('explains every indicator with max, scored, lost and why', () => {
    const rows = explain(ev({ A1: 0.76, B2: { score: 6, reason: '台账不全' }, X1: 1, V3: true }));
    const a1 = rows.find((r) => r.code === 'A1');
    expect(a1).toMatchObject({ max: 20, scored: 16, lost: 4 });
    expect(a1?.why).toContain('目标 0.95');
    expect(rows.find((r) => r.code === 'B')?.why).toContain('V3');
    expect(rows.find((r) => r.code === 'X1')?.scored).toBe(2);
    expect(rows.at(-1)?.code).toBe('total');
    expect(explain(ev({}), { locale: 'en' }).at(-1)?.why).toContain('base');
  });

  it('ranks by total with shared places, partial evaluations last', () => {
    const a = ev({});
    const b = { ...ev({ A1: 0 }), unitId: 'b' };
    const c = { ...ev({ A1: 0 }), unitId: 'c' };
    const p = unwrap(evaluate(tree(), { unitId: 'p', values: {} }));
    expect(rank([p, c, b, a]).map((r) => [r.unitId, r.rank])).toEqual([
      ['st-1', 1],
      ['b', 2],
      ['c', 2],
      ['p', undefined],
    ]);
  });

  it('counts units per star and per awarding body', () => {
    const evs = [ev({}), { ...ev({ A1: 0.57 }), unitId: 'b' }, { ...ev({ A1: 0, B1: false, E1: false }), unitId: 'c' }];
    const d = distribution(evs, { ...scheme(), firstRound: true }, { awardingUnitOf: (_u, level) => `body-${level}` });
    expect(d.byStar).toEqual({ none: 1, '3': 0, '4': 1, '5': 1 });
    expect(d.byAwardingBody).toEqual([
      { level: 1, unitId: 'body-1', star: 5, count: 1 },
      { level: 2, unitId: 'body-2', star: 4, count: 1 },
    ]);
  });
});
