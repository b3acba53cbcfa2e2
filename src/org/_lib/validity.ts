import type { IsoDate } from '../../core/index.js';

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

/** True when an interval `{ from, to? }` contains `asOf` (both ends inclusive). */
export function within(
  interval: { readonly from: IsoDate; readonly to?: IsoDate | undefined },
  asOf: IsoDate,
): boolean {
  return interval.from <= asOf && (interval.to === undefined || asOf <= interval.to);
}
