import { createWorkCalendar } from './calendar.js';
import { CHINA_CALENDAR_YEARS } from './china-data.js';
import type { WorkCalendar } from './types.js';

/**
 * The official Chinese working-day calendar: statutory holidays and make-up workdays (调休) from the
 * State Council General Office's yearly notices, 2004 through 2026 (the latest published). Years
 * outside that range are not guessed: see {@link WorkCalendar.covers}.
 * @category Calendar
 * @example
 * chinaWorkCalendar.isWorkday('2025-10-08'); // false (National Day holiday)
 * chinaWorkCalendar.isWorkday('2025-10-11'); // true  (a Saturday worked in its place)
 */
export const chinaWorkCalendar: WorkCalendar = /* @__PURE__ */ createWorkCalendar('china', CHINA_CALENDAR_YEARS);
