import type { IsoDate } from '../dates.js';

/** The holidays a calendar year can name. @category Calendar */
export type HolidayKey =
  | 'new-year'
  | 'spring-festival'
  | 'tomb-sweeping'
  | 'labour-day'
  | 'dragon-boat'
  | 'mid-autumn'
  | 'national-day'
  | 'victory-day-70'
  | (string & {});

/**
 * One year of a working-day calendar, as published: days off per holiday and the weekend days
 * worked in their place (调休上班). Ranges are `MMDD` or `MMDD-MMDD`, holidays separated by `;`,
 * e.g. `off: 'national-day 1001-1007'`, `on: 'national-day 0920 1010'`.
 * @category Calendar
 */
export interface CalendarYear {
  readonly year: number;
  /** The notice the year comes from, e.g. 国办发明电〔2024〕12号, where known. */
  readonly notice?: string;
  readonly off: string;
  readonly on: string;
}

/** What a calendar says about one day. @category Calendar */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjusted-workday';

/** A day as a calendar describes it. @category Calendar */
export interface DayInfo {
  readonly date: IsoDate;
  readonly kind: DayKind;
  readonly workday: boolean;
  /** The holiday a day off or adjusted workday belongs to. */
  readonly holiday?: HolidayKey;
  /** False outside the calendar's covered years, where the answer is the Monday–Friday fallback. */
  readonly covered: boolean;
}

/**
 * A working-day calendar. Outside `coverage` it answers with the Monday–Friday fallback and says
 * so through {@link WorkCalendar.covers}; functions that must not guess refuse such dates.
 * @category Calendar
 */
export interface WorkCalendar {
  readonly name: string;
  /** First and last year with published data. */
  readonly coverage: { readonly from: number; readonly to: number };
  /** True on working days, make-up workdays included. */
  isWorkday(date: IsoDate): boolean;
  /** True when the calendar has published data for the date's year. */
  covers(date: IsoDate): boolean;
  /** What kind of day it is, and the holiday it belongs to. */
  describe(date: IsoDate): DayInfo;
  /** The yearly data behind it, for audit and for extension. */
  readonly years: readonly CalendarYear[];
}
