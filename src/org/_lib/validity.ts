import { addDays, type IsoDate } from '../../core/index.js';

/** Anything with inclusive validity bounds. */
export interface Bounded {
  readonly validFrom?: IsoDate | undefined;
  readonly validTo?: IsoDate | undefined;
}

/** True when the record is in force on `asOf` (both bounds inclusive); always true without `asOf`. */
export function validOn(record: Bounded, asOf: IsoDate | undefined): boolean {
  if (asOf === undefined) return true;
  if (record.validFrom !== undefined && asOf < record.validFrom) return false;
  return record.validTo === undefined || asOf <= record.validTo;
}

/** A membership or tenure: inclusive days from `from` through `to`, running on when `to` is absent. */
export interface Interval {
  readonly from: IsoDate;
  readonly to?: IsoDate | undefined;
}

/** True when an interval `{ from, to? }` contains `asOf` (both ends inclusive). */
export function within(interval: Interval, asOf: IsoDate): boolean {
  return interval.from <= asOf && (interval.to === undefined || asOf <= interval.to);
}

/** True when two intervals share a day (both ends inclusive; an open end runs on). */
export function overlaps(a: Interval, b: Interval): boolean {
  return (b.to === undefined || a.from <= b.to) && (a.to === undefined || b.from <= a.to);
}

/**
 * The first day on which `child` is in force and `parent` is not, or `undefined` when the child's
 * validity lies within the parent's (an open end only within an open end). This is the decider's
 * side of `org/outlives-parent`, plus the start the advisory does not look at: a child starting
 * before its parent gets its own `validFrom`, one starting after the parent ended likewise, and one
 * that runs on past the parent gets the day after the parent's `validTo`.
 */
export function firstDayOutside(
  child: { readonly validFrom: IsoDate; readonly validTo?: IsoDate | undefined },
  parent: Bounded,
): IsoDate | undefined {
  if (parent.validFrom !== undefined && child.validFrom < parent.validFrom) return child.validFrom;
  const end = parent.validTo;
  if (end === undefined || (child.validTo !== undefined && child.validTo <= end)) return undefined;
  return child.validFrom > end ? child.validFrom : addDays(end, 1);
}
