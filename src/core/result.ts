import type { DomainError } from './errors.js';

/** A successful result. @category Result */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
  readonly errors?: never;
}

/** A refused result: one or more coded errors, and no value. @category Result */
export interface Err {
  readonly ok: false;
  readonly value?: never;
  readonly errors: readonly DomainError[];
}

/**
 * The outcome of every public function that can refuse its input: either `{ ok: true, value }` or
 * `{ ok: false, errors }`. Narrow it with `result.ok` or {@link isOk}.
 * @category Result
 */
export type Result<T> = Ok<T> | Err;

/**
 * Wraps a value as a successful {@link Result}.
 * @category Result
 * @example
 * ok(42); // { ok: true, value: 42 }
 */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/**
 * Builds a refused {@link Result} from one or more errors.
 * @category Result
 * @throws Error when called with no error at all (a programmer error).
 * @example
 * const e = checkRef(dir, { kind: 'unit', id: cmd.unitId, asOf }, ['unitId']);
 * if (e) return err(e); // { ok: false, errors: [e] }
 */
export function err(...errors: readonly DomainError[]): Err {
  if (errors.length === 0) throw new Error('[shijian] err() needs at least one DomainError');
  return { ok: false, errors };
}

/**
 * True when the result succeeded; narrows its type.
 * @category Result
 * @example
 * const parsed = rows.map((row) => parseWith(MemberSchema, row));
 * const members = parsed.filter(isOk).map((r) => r.value);
 */
export function isOk<T>(result: Result<T>): result is Ok<T> {
  return result.ok;
}

/**
 * The error thrown by {@link unwrap}: it carries the refused result's errors.
 * @category Result
 */
export class ShijianError extends Error {
  readonly errors: readonly DomainError[];
  constructor(errors: readonly DomainError[]) {
    super(errors.map((e) => `${e.code}: ${e.message.en}`).join('; '));
    this.name = 'ShijianError';
    this.errors = errors;
  }
}

/**
 * Returns the value of a successful result, or throws a {@link ShijianError} carrying the errors.
 * Meant for scripts and examples; library code passes results on instead.
 * @category Result
 * @throws ShijianError when the result was refused.
 * @example
 * const due = unwrap(dueDate('2025-09-26', { workdays: 10 }));
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ShijianError(result.errors);
}
