import { compareDates, type IsoDate } from '../../../core/index.js';
import type { Award } from '../schema.js';
import { addMonths } from './months.js';

/**
 * The next re-check after one held on `on`: the award's interval later, or the end of its validity
 * when it has none, never past that end; none once the validity's last day is reached. Shared by
 * `decide`, which writes it into kept and demoted events, and `evolve`, which derives it for demoted
 * events written before they carried it, so that both give the same day.
 */
export function nextRecheckAfter(award: Award, on: IsoDate): IsoDate | undefined {
  const { validUntil, recheckEveryMonths } = award;
  if (compareDates(on, validUntil) >= 0) return undefined;
  const next = recheckEveryMonths === undefined ? validUntil : addMonths(on, recheckEveryMonths);
  return compareDates(next, validUntil) > 0 ? validUntil : next;
}
