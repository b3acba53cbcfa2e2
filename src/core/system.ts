import { chinaWorkCalendar } from './calendar/china.js';
import type { WorkCalendar } from './calendar/types.js';
import type { Context } from './context.js';
import { DEFAULT_TIME_ZONE, type Instant } from './dates.js';

/** Options of {@link systemContext}. @category Context */
export interface SystemContextOptions {
  readonly calendar?: WorkCalendar;
  readonly actor?: string;
  readonly timeZone?: string;
}

/**
 * A context on the real clock and `crypto.randomUUID`, for hosts. This file is the only place in
 * the library that reads the clock or randomness.
 * @category Context
 * @example
 * const ctx = systemContext({ actor: 'zhang.wei' });
 */
export function systemContext(options: SystemContextOptions = {}): Context {
  return {
    now: () => new Date().toISOString() as Instant,
    calendar: options.calendar ?? chinaWorkCalendar,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    ...(options.actor === undefined ? {} : { actor: options.actor }),
    newId: (prefix) => `${prefix}-${globalThis.crypto.randomUUID()}`,
  };
}
