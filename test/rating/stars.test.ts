import { describe, expect, expectTypeOf, it } from 'vitest';
import { label, parseWith } from '../../src/core/index.js';
import {
  type AdminLevel,
  awardingLevelOf,
  prerequisiteStarOf,
  STAR_LEVELS,
  type StarLevel,
  StarLevelSchema,
  starLabels,
} from '../../src/rating/stars.js';

describe('star levels', () => {
  it('national awards five stars, provincial four, city three — the district bureau in a municipality', () => {
    expect(STAR_LEVELS.map((s) => awardingLevelOf(s))).toEqual([3, 2, 1]);
    expect(awardingLevelOf(3, { municipality: true })).toBe(4);
    expect(awardingLevelOf(4, { municipality: true })).toBe(2);
    expectTypeOf(awardingLevelOf(5)).toEqualTypeOf<AdminLevel>();
  });

  it('逐级申报: four needs three, five needs four', () => {
    expect(STAR_LEVELS.map(prerequisiteStarOf)).toEqual([undefined, 3, 4]);
  });

  it('labels and schema', () => {
    expect(STAR_LEVELS.map((s) => label(starLabels, `${s}`))).toEqual(['三星', '四星', '五星']);
    expect(label(starLabels, '5', 'en')).toBe('five-star');
    expect(parseWith(StarLevelSchema, 4).ok).toBe(true);
    expect(parseWith(StarLevelSchema, 6).ok).toBe(false);
    expectTypeOf<ReturnType<typeof StarLevelSchema.parse>>().toEqualTypeOf<StarLevel>();
  });
});
