import { z } from 'zod';
import { type DomainError, err, IdSchema, LocalizedNameSchema, ok, parseWith, type Result } from '../core/index.js';
import { ratingError } from './errors.js';
import { IndicatorCodeSchema, type IndicatorTree } from './schema.js';
import { AdminLevelSchema, awardingLevelOf, StarLevelSchema } from './stars.js';

/**
 * What one star level requires (a real pattern: total ≥ 85 and every first-level area ≥ 75% of its
 * points), who awards it, and how often it is re-rated.
 * @category Star levels
 */
export const StarRequirementSchema = /* @__PURE__ */ z.strictObject({
  star: StarLevelSchema,
  minTotal: z.number().finite().min(0),
  /** Minimum score rate (0–1) for every first-level indicator. */
  minAreaRate: z.number().finite().min(0).max(1).optional(),
  /** Minimum score rate per named first-level indicator, overriding `minAreaRate` for it. */
  areaMinimums: z.record(IndicatorCodeSchema, z.number().finite().min(0).max(1)).optional(),
  /**
   * The administrative level that awards it: five national, four provincial, three city (the district
   * bureau with `municipality`). Optional, since the rules fix it; when given it must agree.
   */
  awardedBy: AdminLevelSchema.optional(),
  /** Rating cycle in years (五星 every two years; lower stars every one or two, set by the awarding body). */
  cycleYears: z.union([z.literal(1), z.literal(2)]).default(2),
});
/** What one star level requires. @category Star levels */
export type StarRequirement = z.infer<typeof StarRequirementSchema>;

/** A star scheme: the levels of one rating, from the lowest. @category Star levels */
export const StarSchemeSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  name: LocalizedNameSchema,
  levels: z.array(StarRequirementSchema).min(1).max(3),
  /** A first round (首轮): stars may be awarded without holding the level below (逐级申报 suspended). */
  firstRound: z.boolean().default(false),
  /** Stations of a municipality (直辖市): the district bureau awards three stars. */
  municipality: z.boolean().default(false),
});
/** A star scheme: the levels of one rating, from the lowest. @category Star levels */
export type StarScheme = z.infer<typeof StarSchemeSchema>;

/** The area minimum a level sets for one first-level indicator (0 when it sets none). */
function areaMinimum(lv: StarRequirement, area: string | undefined): number {
  return (area === undefined ? undefined : lv.areaMinimums?.[area]) ?? lv.minAreaRate ?? 0;
}

/** Errors for thresholds of `lv` (at index i) that fall below those of a lower star: stars are cumulative. */
function orderErrors(lv: StarRequirement, i: number, lower: StarRequirement): DomainError[] {
  const out: DomainError[] = [];
  if (lower.minTotal > lv.minTotal)
    out.push(ratingError('rating/scheme-order', { star: lv.star, lower: lower.star }, ['levels', i, 'minTotal']));
  if (areaMinimum(lower, undefined) > areaMinimum(lv, undefined))
    out.push(
      ratingError('rating/scheme-order', { star: lv.star, lower: lower.star, area: '' }, ['levels', i, 'minAreaRate']),
    );
  const areas = new Set([...Object.keys(lower.areaMinimums ?? {}), ...Object.keys(lv.areaMinimums ?? {})]);
  for (const area of [...areas].sort())
    if (areaMinimum(lower, area) > areaMinimum(lv, area)) {
      const own = lv.areaMinimums?.[area] !== undefined;
      // Already reported against minAreaRate when neither level names the area for itself.
      if (!own && lower.areaMinimums?.[area] === undefined) continue;
      out.push(
        ratingError(
          'rating/scheme-order',
          { star: lv.star, lower: lower.star, area },
          own ? ['levels', i, 'areaMinimums', area] : ['levels', i, 'minAreaRate'],
        ),
      );
    }
  return out;
}

/**
 * Reads a star scheme and checks it: each star once; thresholds — the total and every area minimum —
 * that never fall as stars rise (stars are cumulative); the rules of domain §1 (五星 rated every two
 * years; each star awarded at its own level: five national, four provincial, three city or, with
 * `municipality`, the district bureau); and — given the tree — area minimums that name first-level
 * indicators.
 * @category Star levels
 * @example
 * const scheme = parseStarScheme({
 *   id: 'station-stars', name: { 'zh-CN': '市场监管所等级评定' },
 *   levels: [
 *     { star: 3, minTotal: 75 },
 *     { star: 4, minTotal: 85, minAreaRate: 0.75 },
 *     { star: 5, minTotal: 92, minAreaRate: 0.85 },
 *   ],
 * });
 */
export function parseStarScheme(input: unknown, tree?: IndicatorTree): Result<StarScheme> {
  const parsed = parseWith(StarSchemeSchema, input);
  if (!parsed.ok) return parsed;
  const scheme = parsed.value;
  const errors: DomainError[] = [];
  const seen = new Set<number>();
  scheme.levels.forEach((lv, i) => {
    if (seen.has(lv.star)) errors.push(ratingError('rating/duplicate-star', { star: lv.star }, ['levels', i, 'star']));
    seen.add(lv.star);
    for (const other of scheme.levels) if (other.star < lv.star) errors.push(...orderErrors(lv, i, other));
    if (lv.star === 5 && lv.cycleYears !== 2)
      errors.push(
        ratingError('rating/scheme-invalid-cycle', { star: lv.star, cycleYears: lv.cycleYears }, [
          'levels',
          i,
          'cycleYears',
        ]),
      );
    const required = awardingLevelOf(lv.star, { municipality: scheme.municipality });
    if (lv.awardedBy !== undefined && lv.awardedBy !== required)
      errors.push(
        ratingError('rating/scheme-wrong-awarding-level', { star: lv.star, required, actual: lv.awardedBy }, [
          'levels',
          i,
          'awardedBy',
        ]),
      );
    if (tree !== undefined)
      for (const code of Object.keys(lv.areaMinimums ?? {}))
        if (!tree.nodes.some((n) => n.code === code && n.parent === undefined))
          errors.push(ratingError('rating/not-an-area', { code }, ['levels', i, 'areaMinimums', code]));
  });
  return errors.length > 0
    ? err(...errors)
    : ok({ ...scheme, levels: [...scheme.levels].sort((a, b) => a.star - b.star) });
}
