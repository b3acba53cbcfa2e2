import { describe, expect, expectTypeOf, it } from 'vitest';
import { type PointsScheme, type PointsSchemeInput, parsePointsScheme } from '../../../src/rating/index.js';
import { deepFreeze } from '../../helpers/freeze.js';
import { vanguardInput } from './_fixtures.js';

const bad = (patch: Partial<PointsSchemeInput>) => parsePointsScheme({ ...vanguardInput(), ...patch });

describe('parsePointsScheme', () => {
  it('reads a scheme, fills defaults and sorts the grades from the highest', () => {
    const r = parsePointsScheme(deepFreeze(vanguardInput()));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.grades.map((g) => g.code)).toEqual(['excellent', 'vanguard', 'qualified', 'warning', 'unqualified']);
    expect(r.value.resets[0]?.scope).toBe('total');
    expect(r.value.categories.find((c) => c.code === 'in-post')?.scored).toBe(true);
    expectTypeOf(r.value).toEqualTypeOf<PointsScheme>();
  });

  it('refuses a code used twice across groups, items, resets and vetoes (rating/duplicate-code)', () => {
    const r = bad({ vetoes: [{ code: 'study', title: { 'zh-CN': '重复' } }] });
    expect(r.errors).toContainEqual(
      expect.objectContaining({ code: 'rating/duplicate-code', path: ['vetoes', 0, 'code'] }),
    );
  });

  it('refuses an item in an unknown group (rating/unknown-group)', () => {
    const items = vanguardInput().items.map((x, i) => (i === 0 ? { ...x, group: 'nope' } : x));
    expect(bad({ items }).errors?.[0]).toMatchObject({ code: 'rating/unknown-group', path: ['items', 0, 'group'] });
  });

  it('refuses contradictory items (rating/rule-contradicts-points): a group on a bonus, a range without its points, a cap below one occurrence', () => {
    const items = vanguardInput().items.map((x) => {
      if (x.code === 'wish') return { ...x, group: 'life' };
      if (x.code === 'late') return { ...x, range: { min: 3, max: 5 } };
      if (x.code === 'honor') return { ...x, cap: 4 };
      return x;
    });
    const r = bad({ items });
    expect(r.errors?.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['rating/rule-contradicts-points', 'items.4.group'],
      ['rating/rule-contradicts-points', 'items.5.cap'],
      ['rating/rule-contradicts-points', 'items.6.range'],
    ]);
  });

  it('refuses two grades at the same score (rating/grade-overlap) and a veto to an unknown grade (rating/unknown-grade)', () => {
    const r = bad({
      grades: [
        { code: 'a', title: { 'zh-CN': '甲' }, min: 60 },
        { code: 'b', title: { 'zh-CN': '乙' }, min: 60 },
      ],
    });
    expect(r.errors).toContainEqual(
      expect.objectContaining({ code: 'rating/grade-overlap', path: ['grades', 1, 'min'] }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({ code: 'rating/unknown-grade', path: ['vetoes', 0, 'grade'] }),
    );
  });

  it('refuses malformed input with zod-derived errors and paths', () => {
    const r = parsePointsScheme({ ...vanguardInput(), base: -1 });
    expect(r.ok).toBe(false);
    expect(r.errors?.[0]?.path).toEqual(['base']);
  });
});
