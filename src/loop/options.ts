import type { Context, IsoDate } from '../core/index.js';
import type { OrgDirectory } from '../org/index.js';
import type { LoopDeadline } from './state.js';

/**
 * How the loop is run: the periods each owed link gets, and whether fixed deadlines must fall on a
 * working day. Every value has a documented default ({@link LOOP_DEFAULTS}); a value given as
 * `undefined` (say, a host's config key that is missing) takes its default too.
 * @category Loop
 */
export interface LoopOptions {
  /**
   * The org directory unit ids are checked against (in force on the command's day); without it,
   * ids are only checked for syntax.
   */
  readonly directory?: OrgDirectory | undefined;
  /** Time from an inspection to its notice; 5 working days by default. */
  readonly noticeWithin?: LoopDeadline | undefined;
  /** Time from a problem found (or reopened) to its supervision order; 3 working days by default. */
  readonly orderWithin?: LoopDeadline | undefined;
  /**
   * Time from a reported resolution to its review (审核: accepted or 退回) by the supervising unit;
   * 5 working days by default. No public rule fixes this period: the default is the library's own.
   */
  readonly reviewWithin?: LoopDeadline | undefined;
  /** Time from an accepted resolution to its look-back (回头看); 30 calendar days by default. */
  readonly lookBackAfter?: LoopDeadline | undefined;
  /** Time from a passed look-back to strike-off (销号); 5 working days by default. */
  readonly strikeOffWithin?: LoopDeadline | undefined;
  /** Refuse a fixed-date deadline or extension that is not a working day; true by default. */
  readonly requireWorkdayDeadlines?: boolean | undefined;
  /**
   * Count on the Monday–Friday fallback in years the calendar does not cover, for computed and
   * fixed deadlines and extension dates alike; false by default.
   */
  readonly allowCalendarFallback?: boolean | undefined;
}

/** Every option but the directory, with a value. */
type LoopSettings = { readonly [K in Exclude<keyof LoopOptions, 'directory'>]-?: Exclude<LoopOptions[K], undefined> };

/**
 * The defaults of {@link LoopOptions}. No public rule fixes when a 回头看 is due, nor how long the
 * supervising unit may take to review a reported resolution, so those two periods are practice
 * values (about a month; a working week) that a bureau should set to its own rule.
 * @category Loop
 */
export const LOOP_DEFAULTS = {
  noticeWithin: { workdays: 5 },
  orderWithin: { workdays: 3 },
  reviewWithin: { workdays: 5 },
  lookBackAfter: { days: 30 },
  strikeOffWithin: { workdays: 5 },
  requireWorkdayDeadlines: true,
  allowCalendarFallback: false,
} as const satisfies LoopSettings;

/** @internal The options with every value given, key by key: an `undefined` value takes the default. */
export function loopSettings(options: LoopOptions): LoopSettings {
  const d: LoopSettings = LOOP_DEFAULTS;
  return {
    noticeWithin: options.noticeWithin ?? d.noticeWithin,
    orderWithin: options.orderWithin ?? d.orderWithin,
    reviewWithin: options.reviewWithin ?? d.reviewWithin,
    lookBackAfter: options.lookBackAfter ?? d.lookBackAfter,
    strikeOffWithin: options.strikeOffWithin ?? d.strikeOffWithin,
    requireWorkdayDeadlines: options.requireWorkdayDeadlines ?? d.requireWorkdayDeadlines,
    allowCalendarFallback: options.allowCalendarFallback ?? d.allowCalendarFallback,
  };
}

/** @internal What every command handler gets besides state and command. */
export interface Env {
  readonly ctx: Context;
  readonly today: IsoDate;
  readonly options: LoopSettings;
  readonly directory?: OrgDirectory;
}
