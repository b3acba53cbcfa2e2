import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareLevels,
  LEC_METHOD_A,
  LEC_METHOD_B,
  levelAt,
  MATRIX_METHOD_A,
  MATRIX_METHOD_B,
  parseRiskMethod,
  RISK_LEVELS,
  RISK_METHOD_PRESETS,
  type RiskLevel,
  type RiskMethod,
  rateRisk,
} from '../../src/risk/index.js';
import { deepFreeze } from '../helpers/freeze.js';

const level = (m: RiskMethod, f: Parameters<typeof rateRisk>[1]) => {
  const r = rateRisk(m, f);
  if (!r.ok) throw new Error(r.errors[0]?.code);
  return r.value;
};
const codes = (r: { ok: boolean; errors?: readonly { code: string; path: readonly (string | number)[] }[] }) =>
  (r.errors ?? []).map((e) => [e.code, e.path.join('.')]);

describe('presets', () => {
  it('parseRiskMethod accepts every preset unchanged', () => {
    for (const m of RISK_METHOD_PRESETS)
      expect(parseRiskMethod(deepFreeze(structuredClone(m)))).toEqual({ ok: true, value: m });
  });

  it('matrix variant A: 20–25 major, 15–16 significant, 9–12 general, 1–8 low', () => {
    const cases: [number, number, RiskLevel][] = [
      [5, 5, 'major'],
      [4, 5, 'major'],
      [4, 4, 'significant'],
      [3, 5, 'significant'],
      [3, 4, 'general'],
      [3, 3, 'general'],
      [2, 4, 'low'],
      [1, 1, 'low'],
    ];
    for (const [l, s, want] of cases) expect(level(MATRIX_METHOD_A, { likelihood: l, impact: s }).level).toBe(want);
  });

  it('matrix variant B: 20–25 Ⅰ, 9–16 Ⅱ, 4–8 Ⅲ, 1–3 Ⅳ', () => {
    const cases: [number, number, RiskLevel][] = [
      [5, 4, 'major'],
      [4, 4, 'significant'],
      [3, 3, 'significant'],
      [2, 4, 'general'],
      [2, 2, 'general'],
      [1, 3, 'low'],
    ];
    for (const [l, s, want] of cases) expect(level(MATRIX_METHOD_B, { likelihood: l, impact: s }).level).toBe(want);
  });

  it('LEC: D = L × E × C; variant A has no gap at exactly 20; variant B grades 300 and 540', () => {
    expect(level(LEC_METHOD_A, { likelihood: 10, exposure: 2, consequence: 1 })).toMatchObject({
      score: 20,
      level: 'general',
    });
    expect(level(LEC_METHOD_A, { likelihood: 1, exposure: 6, consequence: 3 })).toMatchObject({
      score: 18,
      level: 'low',
    });
    expect(level(LEC_METHOD_B, { likelihood: 0.5, exposure: 6, consequence: 100 })).toMatchObject({
      score: 300,
      level: 'significant',
    });
    expect(level(LEC_METHOD_B, { likelihood: 6, exposure: 6, consequence: 15 })).toMatchObject({
      score: 540,
      level: 'major',
    });
    expect(level(LEC_METHOD_B, { likelihood: 10, exposure: 1, consequence: 40 })).toMatchObject({
      score: 400,
      level: 'major',
    });
    expect(level(LEC_METHOD_B, { likelihood: 3, exposure: 3, consequence: 15 })).toMatchObject({
      score: 135,
      level: 'general',
    });
    expect(level(LEC_METHOD_A, { likelihood: 0.1, exposure: 3, consequence: 1 }).score).toBe(0.3);
  });

  it('refuses values off the scale and factors the method does not use', () => {
    const r = rateRisk(MATRIX_METHOD_A, { likelihood: 6, impact: 2, exposure: 3 });
    expect(codes(r)).toEqual([
      ['risk/rating-off-scale', 'likelihood'],
      ['risk/rating-off-scale', 'exposure'],
    ]);
    expect(codes(rateRisk(LEC_METHOD_A, { likelihood: 1 }))).toContainEqual(['risk/rating-off-scale', 'exposure']);
  });

  it('levelAt reads the grid by positions and compareLevels orders levels', () => {
    expect(levelAt(MATRIX_METHOD_A, [4, 4])).toBe('major');
    expect(levelAt(MATRIX_METHOD_A, [5, 0])).toBeUndefined();
    expect(compareLevels('major', 'general')).toBeGreaterThan(0);
  });
});

const scale = (values: number[]) => values.map((value) => ({ value, label: { 'zh-CN': `${value}` } }));
const matrix = (bands: unknown) => ({
  kind: 'matrix',
  id: 'm',
  name: { 'zh-CN': '测试' },
  likelihood: scale([1, 2, 3, 4, 5]),
  impact: scale([1, 2, 3, 4, 5]),
  bands,
});

describe('parseRiskMethod refusals', () => {
  it('band gap', () => {
    const r = parseRiskMethod(
      matrix([
        { from: 1, to: 9, level: 'low' },
        { from: 10, to: null, level: 'major' },
      ]),
    );
    expect(codes(r)).toEqual([['risk/band-gap', 'bands.1.from']]);
  });
  it('band overlap (including an empty band)', () => {
    expect(
      codes(
        parseRiskMethod(
          matrix([
            { from: 1, to: 10, level: 'low' },
            { from: 9, to: null, level: 'major' },
          ]),
        ),
      ),
    ).toEqual([['risk/band-overlap', 'bands.1.from']]);
    expect(
      codes(
        parseRiskMethod(
          matrix([
            { from: 1, to: 1, level: 'low' },
            { from: 1, to: null, level: 'major' },
          ]),
        ),
      ),
    ).toContainEqual(['risk/band-overlap', 'bands.0.to']);
  });
  it('bands that do not cover the possible scores', () => {
    expect(
      codes(
        parseRiskMethod(
          matrix([
            { from: 2, to: 9, level: 'low' },
            { from: 9, to: 20, level: 'major' },
          ]),
        ),
      ),
    ).toEqual([
      ['risk/band-not-covering', 'bands'],
      ['risk/band-not-covering', 'bands'],
    ]);
  });
  it('bands whose level falls as the score rises', () => {
    expect(
      codes(
        parseRiskMethod(
          matrix([
            { from: 1, to: 9, level: 'major' },
            { from: 9, to: null, level: 'low' },
          ]),
        ),
      ),
    ).toEqual([['risk/band-not-monotone', 'bands.1.level']]);
  });
  it('scales that are not strictly ascending', () => {
    const m = { ...matrix([{ from: 0, to: null, level: 'low' }]), impact: scale([1, 3, 2]) };
    expect(codes(parseRiskMethod(m))).toEqual([['risk/scale-not-ascending', 'impact.2.value']]);
  });
  it('a matrix with a missing cell, and one with a cell lower than its neighbour', () => {
    const base = {
      kind: 'matrix-cells',
      id: 'c',
      name: { 'zh-CN': '格' },
      likelihood: scale([1, 2]),
      impact: scale([1, 2]),
    };
    expect(codes(parseRiskMethod({ ...base, cells: [['low', 'general'], ['general']] }))).toEqual([
      ['risk/missing-cell', 'cells.1.1'],
    ]);
    expect(
      codes(
        parseRiskMethod({
          ...base,
          cells: [
            ['low', 'major'],
            ['general', 'general'],
          ],
        }),
      ),
    ).toEqual([['risk/cell-not-monotone', 'cells.1.1']]);
    const ok = parseRiskMethod({
      ...base,
      cells: [
        ['low', 'general'],
        ['general', 'major'],
      ],
    });
    expect(ok.ok && rateRisk(ok.value, { likelihood: 2, impact: 2 })).toMatchObject({
      ok: true,
      value: { level: 'major', score: 4 },
    });
  });
  it('hostile or malformed input', () => {
    expect(parseRiskMethod(JSON.parse('{"__proto__":{"x":1}}')).ok).toBe(false);
    expect(parseRiskMethod({ kind: 'matrix' }).ok).toBe(false);
  });
});

// Property: any accepted method maps every cell to exactly one level, monotone in every factor.
const ascending = fc
  .uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 })
  .map((xs) => xs.sort((a, b) => a - b));
const bandsArb = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 150 }), { maxLength: 5 }),
    fc.array(fc.constantFrom(...RISK_LEVELS), { minLength: 6, maxLength: 6 }),
    fc.boolean(),
  )
  .map(([cuts, levels, sorted]) => {
    const edges = [0, ...cuts.sort((a, b) => a - b)];
    const ls = sorted ? [...levels].sort((a, b) => RISK_LEVELS.indexOf(a) - RISK_LEVELS.indexOf(b)) : levels;
    return edges.map((from, i) => ({ from, to: edges[i + 1] ?? null, level: ls[i] as RiskLevel }));
  });

describe('property: accepted methods are total and monotone', () => {
  it('matrix and LEC', () => {
    fc.assert(
      fc.property(ascending, ascending, ascending, bandsArb, fc.boolean(), (l, s, c, bands, lec) => {
        const input = lec
          ? {
              kind: 'lec',
              id: 'p',
              name: { 'zh-CN': 'p' },
              likelihood: scale(l),
              exposure: scale(s),
              consequence: scale(c),
              bands,
            }
          : { kind: 'matrix', id: 'p', name: { 'zh-CN': 'p' }, likelihood: scale(l), impact: scale(s), bands };
        const parsed = parseRiskMethod(input);
        if (!parsed.ok) return;
        const m = parsed.value;
        const sizes = lec ? [l.length, s.length, c.length] : [l.length, s.length];
        const at = (p: number[]) => {
          const v = levelAt(m, p);
          expect(v).toBeDefined();
          return RISK_LEVELS.indexOf(v as RiskLevel);
        };
        const walk = (p: number[]): void => {
          if (p.length < sizes.length) {
            for (let i = 0; i < (sizes[p.length] ?? 0); i++) walk([...p, i]);
            return;
          }
          // exactly one band contains the cell's score
          const keys = lec ? ['likelihood', 'exposure', 'consequence'] : ['likelihood', 'impact'];
          const scales = lec ? [l, s, c] : [l, s];
          const factors = Object.fromEntries(keys.map((k, i) => [k, scales[i]?.[p[i] ?? 0]]));
          const rated = rateRisk(m, factors as never);
          expect(rated.ok).toBe(true);
          const containing = bands.filter(
            (b) => rated.ok && rated.value.score >= b.from && (b.to === null || rated.value.score < b.to),
          );
          expect(containing.length).toBe(1);
          p.forEach((x, k) => {
            if (x > 0) expect(at(p)).toBeGreaterThanOrEqual(at(p.map((y, j) => (j === k ? y - 1 : y))));
          });
        };
        walk([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('property: accepted cell matrices are total and monotone', () => {
  it('matrix-cells', () => {
    const dims = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }));
    const arb = dims.chain(([r, c]) =>
      fc.tuple(
        fc.constant([r, c] as const),
        fc.array(
          fc.array(fc.option(fc.constantFrom(...RISK_LEVELS), { freq: 20, nil: null }), { minLength: c, maxLength: c }),
          {
            minLength: r,
            maxLength: r,
          },
        ),
        fc.boolean(),
      ),
    );
    fc.assert(
      fc.property(arb, ([[r, c], raw, sortIt]) => {
        // half the time make the grid monotone by taking running maxima, so acceptance is exercised
        const cells = raw.map((row) => [...row]);
        if (sortIt)
          for (let i = 0; i < r; i++)
            for (let j = 0; j < c; j++) {
              const here = cells[i]?.[j];
              if (here === null || here === undefined) continue;
              const best = Math.max(
                RISK_LEVELS.indexOf(here),
                i > 0 ? RISK_LEVELS.indexOf(cells[i - 1]?.[j] ?? 'low') : 0,
                j > 0 ? RISK_LEVELS.indexOf(cells[i]?.[j - 1] ?? 'low') : 0,
              );
              (cells[i] as (RiskLevel | null)[])[j] = RISK_LEVELS[best] as RiskLevel;
            }
        const parsed = parseRiskMethod({
          kind: 'matrix-cells',
          id: 'c',
          name: { 'zh-CN': '格' },
          likelihood: scale(Array.from({ length: r }, (_, i) => i + 1)),
          impact: scale(Array.from({ length: c }, (_, i) => i + 1)),
          cells,
        });
        if (!parsed.ok) return;
        for (let i = 0; i < r; i++)
          for (let j = 0; j < c; j++) {
            const here = levelAt(parsed.value, [i, j]);
            expect(here).toBe(cells[i]?.[j]);
            if (i > 0)
              expect(
                compareLevels(here as RiskLevel, levelAt(parsed.value, [i - 1, j]) as RiskLevel),
              ).toBeGreaterThanOrEqual(0);
            if (j > 0)
              expect(
                compareLevels(here as RiskLevel, levelAt(parsed.value, [i, j - 1]) as RiskLevel),
              ).toBeGreaterThanOrEqual(0);
          }
      }),
      { numRuns: 300 },
    );
  });
});
