import { TZDate } from '@date-fns/tz';
import { z } from 'zod';

/**
 * A calendar day as `YYYY-MM-DD` (e.g. `'2025-10-16'`). The template-literal type lets literals be
 * written directly; {@link IsoDateSchema} checks that the day exists (it rejects `2025-02-30`).
 * @category Dates
 */
export type IsoDate = `${number}-${number}-${number}`;

/**
 * An instant as RFC 3339 with an offset (e.g. `'2025-10-16T09:30:00+08:00'`).
 * @category Dates
 */
export type Instant = `${number}-${number}-${number}T${string}`;

/** The default time zone of every conversion: China Standard Time. @category Dates */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;

/**
 * True when `value` is a `YYYY-MM-DD` string naming a day that exists.
 * @category Dates
 * @example
 * isIsoDate('2024-02-29'); // true
 * isIsoDate('2025-02-30'); // false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  // char codes, not a regex match: every date field of every record a host imports runs through here,
  // and the match array and substrings were most of the cost of bulk parsing
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)
    return false;
  const century = twoDigits(value, 0);
  const year = twoDigits(value, 2);
  const mo = twoDigits(value, 5);
  const d = twoDigits(value, 8);
  if (century < 0 || year < 0 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(century * 100 + year, mo);
}

/** The number written by the two ASCII digits at `at`, or -1 when either is not a digit. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Schema of an {@link IsoDate}. @category Dates */
export const IsoDateSchema: z.ZodType<IsoDate> = /* @__PURE__ */ z.custom<IsoDate>(isIsoDate, {
  message: 'expected a calendar day YYYY-MM-DD',
});

/** Schema of an {@link Instant}: RFC 3339 with a UTC offset or `Z`. @category Dates */
export const InstantSchema: z.ZodType<Instant> = /* @__PURE__ */ z.custom<Instant>(
  (v) => typeof v === 'string' && z.iso.datetime({ offset: true }).safeParse(v).success && !Number.isNaN(Date.parse(v)),
  { message: 'expected an RFC 3339 instant with offset' },
);

/**
 * Checks a date literal and returns it typed; throws on a day that does not exist (a programmer
 * error). Data from outside goes through {@link IsoDateSchema} instead.
 * @category Dates
 * @throws Error when `value` is not a real `YYYY-MM-DD` day.
 * @example
 * const start = isoDate('2025-09-26'); // IsoDate
 * isoDate('2025-02-30'); // throws
 */
export function isoDate(value: string): IsoDate {
  if (!isIsoDate(value)) throw new Error(`[shijian] not a calendar day: ${value}`);
  return value;
}

/** Days since 1970-01-01 of a calendar day; the unit of all day arithmetic here. @internal */
export function dayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new Error(`[shijian] not a calendar day: ${String(date)}`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / MS_PER_DAY;
}

/** The calendar day of a day number. @internal */
export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10) as IsoDate;
}

/**
 * The calendar day `amount` days after (or before, when negative) `date`.
 * @category Dates
 * @example
 * addDays('2025-02-28', 1); // '2025-03-01'
 */
export function addDays(date: IsoDate, amount: number): IsoDate {
  return fromDayNumber(dayNumber(date) + amount);
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier).
 * @category Dates
 * @example
 * daysBetween('2025-09-26', '2025-10-16'); // 20
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Day of week, ISO numbering: 1 = Monday … 7 = Sunday.
 * @category Dates
 * @example
 * isoWeekday('2025-10-11'); // 6: a Saturday (worked that year, see isWorkday)
 */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/**
 * Compares two days; negative, zero or positive as `a` is before, equal to or after `b`.
 * @category Dates
 * @example
 * [isoDate('2025-10-16'), isoDate('2025-01-24')].sort(compareDates); // ['2025-01-24', '2025-10-16']
 */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The calendar day an instant falls on in a time zone (Asia/Shanghai by default).
 * @category Dates
 * @example
 * dateOf('2025-09-30T17:00:00Z'); // '2025-10-01' in Beijing
 */
export function dateOf(instant: Instant, timeZone: string = DEFAULT_TIME_ZONE): IsoDate {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new Error(`[shijian] not an instant: ${instant}`);
  const local = new TZDate(ms, timeZone);
  const y = local.getFullYear();
  const m = local.getMonth() + 1;
  const d = local.getDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;
}

/**
 * The instant a calendar day starts at in a time zone, as RFC 3339 with that zone's offset.
 * @category Dates
 * @example
 * startOfDay('2025-10-01'); // '2025-10-01T00:00:00+08:00'
 */
export function startOfDay(date: IsoDate, timeZone: string = DEFAULT_TIME_ZONE): Instant {
  const local = new TZDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), timeZone);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${date}T00:00:00${sign}${hh}:${mm}` as Instant;
}

/** A quarter, e.g. `'2025-Q3'`. @category Dates */
export type Quarter = `${number}-Q${1 | 2 | 3 | 4}`;
/** A half year, e.g. `'2025-H1'`. @category Dates */
export type HalfYear = `${number}-H${1 | 2}`;

/** The quarter a day falls in. @category Dates @example quarterOf('2025-10-16'); // '2025-Q4' */
export function quarterOf(date: IsoDate): Quarter {
  const q = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
  return `${yearOf(date)}-Q${q}` as Quarter;
}

/** The half year a day falls in. @category Dates @example halfYearOf('2025-06-30'); // '2025-H1' */
export function halfYearOf(date: IsoDate): HalfYear {
  return `${yearOf(date)}-H${Number(date.slice(5, 7)) <= 6 ? 1 : 2}` as HalfYear;
}

/** The year a day falls in. @category Dates @example yearOf('2025-10-16'); // 2025 */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** A closed range of days. @category Dates */
export interface DateRange {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * The first and last day of a quarter, half year or year (`'2025-Q4'`, `'2025-H1'`, `'2025'`).
 * @category Dates
 * @example
 * periodRange('2025-Q4'); // { from: '2025-10-01', to: '2025-12-31' }
 */
export function periodRange(period: Quarter | HalfYear | `${number}`): DateRange {
  const year = Number(period.slice(0, 4));
  const pad = (n: number) => String(n).padStart(2, '0');
  let first = 1;
  let last = 12;
  if (period.length > 4) {
    const n = Number(period.slice(6));
    const span = period[5] === 'Q' ? 3 : 6;
    first = (n - 1) * span + 1;
    last = n * span;
  }
  return {
    from: `${year}-${pad(first)}-01` as IsoDate,
    to: `${year}-${pad(last)}-${pad(daysInMonth(year, last))}` as IsoDate,
  };
}
