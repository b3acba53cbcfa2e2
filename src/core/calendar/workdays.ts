import { addDays, compareDates, dayNumber, fromDayNumber, type IsoDate } from '../dates.js';
import { coreError } from '../errors-core.js';
import { err, ok, type Result } from '../result.js';
import { chinaWorkCalendar } from './china.js';
import type { WorkCalendar } from './types.js';

/** Options of every working-day function. @category Calendar */
export interface WorkdayOptions {
  /** The calendar to count on; {@link chinaWorkCalendar} by default. */
  readonly calendar?: WorkCalendar;
}

/**
 * True when `date` is a working day (make-up workdays included, statutory holidays excluded).
 * Outside the calendar's covered years it falls back to Monday–Friday.
 * @category Calendar
 * @example
 * isWorkday('2025-09-28'); // true: a Sunday worked for National Day
 */
export function isWorkday(date: IsoDate, options?: WorkdayOptions): boolean {
  return (options?.calendar ?? chinaWorkCalendar).isWorkday(date);
}

/**
 * The day `amount` working days after `date` (before it when negative). With `amount = 0` the day
 * itself. `workdaysBetween(d, addWorkdays(d, n)) === n` for every `d` and `n`.
 * @category Calendar
 * @example
 * addWorkdays('2025-09-26', 10); // '2025-10-16': the National Day week and its weekend are skipped
 */
export function addWorkdays(date: IsoDate, amount: number, options?: WorkdayOptions): IsoDate {
  if (!Number.isInteger(amount)) throw new Error(`[shijian] addWorkdays needs a whole number, got ${amount}`);
  const cal = options?.calendar ?? chinaWorkCalendar;
  let n = dayNumber(date);
  if (amount > 0) {
    let left = amount;
    while (left > 0) {
      n++;
      if (cal.isWorkday(fromDayNumber(n))) left--;
    }
    return fromDayNumber(n);
  }
  let left = -amount;
  while (left > 0) {
    if (cal.isWorkday(fromDayNumber(n))) left--;
    n--;
  }
  if (amount < 0) while (!cal.isWorkday(fromDayNumber(n))) n--;
  return fromDayNumber(n);
}

/**
 * Working days after `from` up to and including `to`; negative when `to` is earlier (then the
 * working days after `to` up to and including `from`, negated).
 * @category Calendar
 * @example
 * workdaysBetween('2025-09-30', '2025-10-09'); // 1: only 2025-10-09 is worked
 */
export function workdaysBetween(from: IsoDate, to: IsoDate, options?: WorkdayOptions): number {
  const cal = options?.calendar ?? chinaWorkCalendar;
  const a = dayNumber(from);
  const b = dayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  let count = 0;
  for (let n = lo + 1; n <= hi; n++) if (cal.isWorkday(fromDayNumber(n))) count++;
  return sign * count;
}

/**
 * How a deadline (办结时限) is given: a number of working days, of calendar days, or a fixed date.
 * @category Calendar
 */
export type DeadlineRule = { readonly workdays: number } | { readonly days: number } | { readonly date: IsoDate };

/** Options of {@link dueDate}. @category Calendar */
export interface DueDateOptions extends WorkdayOptions {
  /** Count with the Monday–Friday fallback where the calendar has no data, instead of refusing. */
  readonly allowFallback?: boolean;
}

/**
 * The deadline that `rule` sets for work started on `start`. Working days skip holidays and count
 * make-up workdays; a calendar-day period whose last day is not a working day ends on the next
 * working day, as Chinese law counts periods (民法典 art. 203), and so does `{ workdays: 0 }`
 * (the same working day) started on a day off. Refuses with
 * `core/calendar-not-covered` rather than guess where the calendar has no data, unless
 * `allowFallback` is set.
 * @category Calendar
 * @example
 * unwrap(dueDate('2025-09-26', { workdays: 10 })); // '2025-10-16'
 * dueDate('2027-03-01', { workdays: 5 }).ok;      // false: 2027 is not published yet
 */
export function dueDate(start: IsoDate, rule: DeadlineRule, options?: DueDateOptions): Result<IsoDate> {
  const cal = options?.calendar ?? chinaWorkCalendar;
  let due: IsoDate;
  if ('date' in rule) {
    if (compareDates(rule.date, start) < 0)
      return err(coreError('core/dates-out-of-order', { from: start, to: rule.date }, ['date']));
    return ok(rule.date);
  }
  const amount = 'workdays' in rule ? rule.workdays : rule.days;
  const field = 'workdays' in rule ? 'workdays' : 'days';
  if (!Number.isInteger(amount) || amount < 0)
    return err(coreError('core/invalid-deadline', { value: amount }, [field]));
  if ('workdays' in rule) {
    due = addWorkdays(start, amount, { calendar: cal });
    // 0 working days means "the same working day": started on a day off, that is the next working day
    if (amount === 0 && !cal.isWorkday(due)) due = addWorkdays(due, 1, { calendar: cal });
  } else {
    due = addDays(start, amount);
    if (!cal.isWorkday(due)) due = addWorkdays(due, 1, { calendar: cal });
  }
  const uncovered = options?.allowFallback ? undefined : [start, due].find((d) => !cal.covers(d));
  if (uncovered)
    return err(
      coreError('core/calendar-not-covered', {
        date: uncovered,
        from: cal.coverage.from,
        to: cal.coverage.to,
        calendar: cal.name,
      }),
    );
  return ok(due);
}
