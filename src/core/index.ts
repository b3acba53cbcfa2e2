/**
 * The kernel every shijian module builds on: results and coded bilingual errors, validation at the
 * boundary, dates and the official Chinese working-day calendar, the injected context, and the
 * event-sourced workflow engine.
 * @module core
 */

export { createWorkCalendar, extendCalendar } from './calendar/calendar.js';
export { chinaWorkCalendar } from './calendar/china.js';
export type { CalendarYear, DayInfo, DayKind, HolidayKey, WorkCalendar } from './calendar/types.js';
export {
  addWorkdays,
  type DeadlineRule,
  type DueDateOptions,
  dueDate,
  isWorkday,
  type WorkdayOptions,
  workdaysBetween,
} from './calendar/workdays.js';
export * from './context.js';
export * from './dates.js';
export * from './decider.js';
export * from './errors.js';
export type { CoreErrorCode } from './errors-core.js';
export { jitAvailable } from './jit.js';
export * from './labels.js';
export type { MetricInfo, MetricUnit } from './metric.js';
export * from './parse.js';
export * from './result.js';
export * from './schema.js';
export * from './stream.js';
export * from './svg.js';
export { type SystemContextOptions, systemContext } from './system.js';
export * from './table.js';
