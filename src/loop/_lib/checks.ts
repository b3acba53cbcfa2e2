import { atPath, type DomainError, dueDate, err, type IsoDate, ok, type Path, type Result } from '../../core/index.js';
import { checkRef } from '../../org/index.js';
import { loopError } from '../errors.js';
import type { Env } from '../options.js';
import type { LoopDeadline } from '../state.js';

/** The deadline a rule sets from `start` on the context's calendar, with errors under `path`. */
export function deadlineFrom(env: Env, start: IsoDate, rule: LoopDeadline, path: Path): Result<IsoDate> {
  if ('date' in rule && env.options.requireWorkdayDeadlines && !env.ctx.calendar.isWorkday(rule.date))
    return err(loopError('loop/deadline-not-workday', { date: rule.date }, [...path, 'date']));
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
