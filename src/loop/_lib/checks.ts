import { coreError } from '../../core/errors-core.js';
import { atPath, type DomainError, dueDate, err, type IsoDate, ok, type Path, type Result } from '../../core/index.js';
import { checkRef } from '../../org/index.js';
import { loopError } from '../errors.js';
import type { Env } from '../options.js';
import type { LoopDeadline } from '../state.js';

/**
 * Why a fixed date (a deadline's `date`, an extension's new date) cannot be a deadline, if it cannot:
 * a year the calendar does not cover, where `isWorkday` would only guess Monday–Friday (unless the
 * fallback is allowed), or a day off when working days are required.
 */
export function fixedDateError(env: Env, date: IsoDate, path: Path): DomainError | undefined {
  const cal = env.ctx.calendar;
  if (!env.options.allowCalendarFallback && !cal.covers(date))
    return coreError(
      'core/calendar-not-covered',
      { date, from: cal.coverage.from, to: cal.coverage.to, calendar: cal.name },
      path,
    );
  if (env.options.requireWorkdayDeadlines && !cal.isWorkday(date))
    return loopError('loop/deadline-not-workday', { date }, path);
  return undefined;
}

/** The deadline a rule sets from `start` on the context's calendar, with errors under `path`. */
export function deadlineFrom(env: Env, start: IsoDate, rule: LoopDeadline, path: Path): Result<IsoDate> {
  const fixed = 'date' in rule ? fixedDateError(env, rule.date, [...path, 'date']) : undefined;
  if (fixed) return err(fixed);
  const r = dueDate(start, rule, {
    calendar: env.ctx.calendar,
    allowFallback: env.options.allowCalendarFallback,
  });
  return r.ok ? r : err(...atPath(path, r.errors));
}

/** An error when `date` is before `earliest` (a step cannot precede the step it follows). */
export function notBefore(date: IsoDate, earliest: IsoDate, path: Path): DomainError | undefined {
  return date < earliest ? loopError('loop/dates-out-of-order', { date, earliest }, path) : undefined;
}

/** Collects the errors found, or the value when there are none. */
export function collect<T>(errors: readonly (DomainError | undefined)[], value: () => Result<T>): Result<T> {
  const found = errors.filter((e): e is DomainError => e !== undefined);
  return found.length > 0 ? err(...found) : value();
}

export { ok };

/** The org reference errors of the unit ids a command names, when a directory is given. */
export function unitRefs(
  env: Env,
  asOf: IsoDate,
  refs: readonly (readonly [string | undefined, Path])[],
  lists: readonly (readonly [readonly string[] | undefined, Path])[] = [],
): (DomainError | undefined)[] {
  const dir = env.directory;
  if (!dir) return [];
  const out: (DomainError | undefined)[] = [];
  for (const [id, path] of refs) if (id !== undefined) out.push(checkRef(dir, { kind: 'unit', id, asOf }, path));
  for (const [ids, path] of lists)
    ids?.forEach((id, k) => {
      out.push(checkRef(dir, { kind: 'unit', id, asOf }, [...path, k]));
    });
  return out;
}
