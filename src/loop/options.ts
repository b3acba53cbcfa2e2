import type { Context, IsoDate } from '../core/index.js';
import type { OrgDirectory } from '../org/index.js';
import type { LoopDeadline } from './state.js';

/**
 * How the loop is run: the periods each owed link gets, and whether fixed deadlines must fall on a
 * working day. Every value has a documented default ({@link LOOP_DEFAULTS}).
 * @category Loop
 */
export interface LoopOptions {
  /**
   * The org directory unit ids are checked against (in force on the command's day); without it,
   * ids are only checked for syntax.
   */
  readonly directory?: OrgDirectory;
  /** Time from an inspection to its notice; 5 working days by default. */
  readonly noticeWithin?: LoopDeadline;
  /** Time from a problem found (or reopened) to its supervision order; 3 working days by default. */
  readonly orderWithin?: LoopDeadline;
  /** Time from an accepted resolution to its look-back (回头看); 30 calendar days by default. */
  readonly lookBackAfter?: LoopDeadline;
  /** Time from a passed look-back to strike-off (销号); 5 working days by default. */
  readonly strikeOffWithin?: LoopDeadline;
  /** Refuse a fixed-date deadline or extension that is not a working day; true by default. */
  readonly requireWorkdayDeadlines?: boolean;
  /** Count on the Monday–Friday fallback in years the calendar does not cover; false by default. */
  readonly allowCalendarFallback?: boolean;
}

/**
 * The defaults of {@link LoopOptions}. No public rule fixes when a 回头看 is due, so the look-back
 * interval is a practice value (about a month) that a bureau should set to its own rule.
 * @category Loop
 */
export const LOOP_DEFAULTS = {
  noticeWithin: { workdays: 5 },
  orderWithin: { workdays: 3 },
  lookBackAfter: { days: 30 },
  strikeOffWithin: { workdays: 5 },
  requireWorkdayDeadlines: true,
  allowCalendarFallback: false,
} as const satisfies Required<Omit<LoopOptions, 'directory'>>;

/** @internal What every command handler gets besides state and command. */
export interface Env {
  readonly ctx: Context;
  readonly today: IsoDate;
  readonly options: Required<Omit<LoopOptions, 'directory'>>;
  readonly directory?: OrgDirectory;
}
