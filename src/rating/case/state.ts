import { compareDates, emptyTable, getRecord, type IsoDate, type RecordTable } from '../../core/index.js';
import type { StarLevel } from '../stars.js';
import type { Demotion, RatingCase } from './schema.js';

/**
 * All rating cases a bureau handles, indexed by case id and by rated unit. Held in sharded tables so
 * that one step of one case copies one shard, not every case.
 * @category Rating case
 */
export interface RatingCaseState {
  readonly version: number;
  readonly cases: RecordTable<RatingCase>;
  /** Unit id → ids of its cases, oldest first. */
  readonly byUnit: RecordTable<readonly string[]>;
}

/** The state before any case was opened. @category Rating case */
export const initialRatingCaseState: RatingCaseState = {
  version: 0,
  cases: /* @__PURE__ */ emptyTable<RatingCase>(),
  byUnit: /* @__PURE__ */ emptyTable<readonly string[]>(),
};

/**
 * The demotions of a case, oldest first; a demoted case from before the full list was kept counts
 * its one recorded demotion. @internal
 */
export function demotionsOf(c: RatingCase): readonly Demotion[] {
  if (c.status !== 'demoted' && c.status !== 'withdrawn' && c.status !== 'superseded') return [];
  if (c.demotedOn === undefined || c.toStar === undefined) return [];
  return c.demotions ?? [{ on: c.demotedOn, toStar: c.toStar }];
}

/**
 * The star a case gives its unit on a day, if any: the awarded star from the award to the end of
 * its validity, the lower star after each demotion, nothing after a withdrawal (摘牌) or supersession.
 * @category Rating case
 * @example
 * starHeldOn(awardedCase, '2025-12-01'); // 3
 */
export function starHeldOn(c: RatingCase, on: IsoDate): StarLevel | undefined {
  if (!('award' in c)) return undefined;
  const { awardedOn, validUntil } = c.award;
  if (compareDates(on, awardedOn) < 0 || compareDates(on, validUntil) > 0) return undefined;
  const end = c.status === 'withdrawn' ? c.withdrawnOn : c.status === 'superseded' ? c.supersededOn : undefined;
  if (end !== undefined && compareDates(on, end) >= 0) return undefined;
  let star = c.star;
  for (const d of demotionsOf(c)) if (compareDates(on, d.on) >= 0) star = d.toStar;
  return star;
}

/** The cases of one unit, oldest first. @internal */
export function casesOfUnit(state: RatingCaseState, unitId: string): RatingCase[] {
  const ids = getRecord(state.byUnit, unitId) ?? [];
  const out: RatingCase[] = [];
  for (const id of ids) {
    const c = getRecord(state.cases, id);
    if (c) out.push(c);
  }
  return out;
}
