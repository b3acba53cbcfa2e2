import { z } from 'zod';
import type { Labels } from '../core/index.js';

/**
 * A station star level (星级): three, four or five stars. Five is the highest.
 * @category Star levels
 */
export type StarLevel = 3 | 4 | 5;

/** Every star level, lowest first. @category Star levels */
export const STAR_LEVELS: readonly StarLevel[] = [3, 4, 5];

/** Validates a {@link StarLevel}: one of the literals 3, 4, 5. @category Star levels */
export const StarLevelSchema = /* @__PURE__ */ z.union([z.literal(3), z.literal(4), z.literal(5)]);

/** A star level written as a label key (`'3'`, `'4'`, `'5'`). @category Star levels */
export type StarLevelKey = `${StarLevel}`;

/** Chinese and English names of the star levels (三星 / 四星 / 五星). @category Star levels */
export const starLabels: Labels<StarLevelKey> = {
  '3': { 'zh-CN': '三星', en: 'three-star' },
  '4': { 'zh-CN': '四星', en: 'four-star' },
  '5': { 'zh-CN': '五星', en: 'five-star' },
};

/**
 * An administrative level of the bureau hierarchy: 1 national (总局), 2 provincial (省局),
 * 3 city (市局), 4 county or district (县区局) — the same numbers as `OrgUnit.level`.
 * @category Star levels
 */
export type AdminLevel = 1 | 2 | 3 | 4;

/** Validates an {@link AdminLevel}. @category Star levels */
export const AdminLevelSchema = /* @__PURE__ */ z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** Options of {@link awardingLevelOf}. @category Star levels */
export interface AwardingLevelOptions {
  /**
   * The station lies in a municipality directly under the central government (直辖市: 北京, 天津, 上海,
   * 重庆); there the district bureau (level 4) awards three stars, because the municipality itself is
   * provincial and has no city level in between.
   */
  readonly municipality?: boolean;
}

/**
 * The administrative level that awards a star level by default: five stars national (SAMR), four
 * stars provincial, three stars city — or the district bureau in a municipality.
 * @category Star levels
 * @example
 * awardingLevelOf(5); // 1
 * awardingLevelOf(3); // 3
 * awardingLevelOf(3, { municipality: true }); // 4
 */
export function awardingLevelOf(star: StarLevel, options: AwardingLevelOptions = {}): AdminLevel {
  if (star === 5) return 1;
  if (star === 4) return 2;
  return options.municipality === true ? 4 : 3;
}

/**
 * The star a unit must already hold before applying for `star` (逐级申报), or `undefined` for three stars.
 * @category Star levels
 * @example
 * prerequisiteStarOf(5); // 4
 * prerequisiteStarOf(3); // undefined
 */
export function prerequisiteStarOf(star: StarLevel): StarLevel | undefined {
  if (star === 5) return 4;
  if (star === 4) return 3;
  return undefined;
}
