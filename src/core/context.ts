import { chinaWorkCalendar } from './calendar/china.js';
import type { WorkCalendar } from './calendar/types.js';
import { DEFAULT_TIME_ZONE, dateOf, type Instant, type IsoDate } from './dates.js';
import type { Locale } from './labels.js';

/** Gives the current instant. @category Context */
export interface ClockContext {
  /** The current instant. */
  now(): Instant;
}
/** Gives the working-day calendar. @category Context */
export interface CalendarContext {
  readonly calendar: WorkCalendar;
}
/** Gives new ids. @category Context */
export interface IdContext {
  /** A new id, unique within the context, starting with `prefix`. */
  newId(prefix: string): string;
}
/** Chooses the locale of rendered text. @category Context */
export interface LocaleOptions {
  readonly locale?: Locale;
}

/**
 * Everything impure a workflow needs, passed in explicitly: the clock, the working-day calendar, id
 * generation, the acting user and the time zone. The core never reads a clock or randomness itself.
 * @category Context
 */
export interface Context extends ClockContext, CalendarContext, IdContext {
  /** Who is acting; recorded on every event. */
  readonly actor?: string;
  /** IANA zone the calendar day of an instant is taken in; Asia/Shanghai by default. */
  readonly timeZone: string;
}

/** Options of {@link fixedContext}. @category Context */
export interface FixedContextOptions {
  /** The instant `now()` returns; 2025-01-01T09:00:00+08:00 by default. */
  readonly now?: Instant;
  readonly calendar?: WorkCalendar;
  readonly actor?: string;
  readonly timeZone?: string;
}

/**
 * A deterministic context for tests, examples and batch jobs: a fixed clock and sequential ids
 * (`dep-1`, `dep-2`, … per prefix).
 * @category Context
 * @example
 * const ctx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });
 * ctx.newId('dep'); // 'dep-1'
 */
export function fixedContext(options: FixedContextOptions = {}): Context {
  const counters = new Map<string, number>();
  return build(options, counters);
}

function build(options: FixedContextOptions, counters: Map<string, number>): Context {
  const now = options.now ?? ('2025-01-01T09:00:00+08:00' as Instant);
  return {
    now: () => now,
    calendar: options.calendar ?? chinaWorkCalendar,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    ...(options.actor === undefined ? {} : { actor: options.actor }),
    newId: (prefix) => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${n}`;
    },
  };
}

/**
 * The same context at another moment or with another actor; a context from {@link fixedContext}
 * keeps its id counters, so ids stay unique across the moments of a story.
 * @category Context
 * @example
 * const later = withContext(ctx, { now: '2025-10-20T10:00:00+08:00' });
 */
export function withContext(ctx: Context, changes: { readonly now?: Instant; readonly actor?: string }): Context {
  return {
    ...ctx,
    ...(changes.now === undefined ? {} : { now: () => changes.now as Instant }),
    ...(changes.actor === undefined ? {} : { actor: changes.actor }),
  };
}

/**
 * The calendar day it is now in the context's time zone.
 * @category Context
 * @example
 * today(fixedContext({ now: '2025-09-30T17:00:00Z' })); // '2025-10-01' (Asia/Shanghai)
 */
export function today(ctx: ClockContext & { readonly timeZone?: string }): IsoDate {
  return dateOf(ctx.now(), ctx.timeZone ?? DEFAULT_TIME_ZONE);
}
