import type { Locale } from './labels.js';

/** Where in the input an error applies: object keys and array indexes, outermost first. @category Errors */
export type Path = readonly (string | number)[];

/**
 * A refusal as data: a stable namespaced `code` (public API), the message in zh-CN and en, the
 * `path` into the input it concerns, and the code's own `details`.
 * @category Errors
 */
export interface DomainError<C extends string = string> {
  readonly code: C;
  readonly message: Readonly<Record<Locale, string>>;
  readonly path: Path;
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The two message templates of one error code. @category Errors */
export interface MessageTemplate<D> {
  /** Renders the Chinese message from the error's details. */
  readonly 'zh-CN': (details: D) => string;
  /** Renders the English message from the error's details. */
  readonly en: (details: D) => string;
}

/** A module's error catalogue: code → bilingual message template. @category Errors */
export type ErrorCatalogue = { readonly [code: string]: MessageTemplate<never> };

/** The details type a catalogue declares for one code. @category Errors */
export type DetailsOf<T extends ErrorCatalogue, C extends keyof T> = T[C] extends MessageTemplate<infer D> ? D : never;

/** The function a module uses to raise the errors of its catalogue. @category Errors */
export type ErrorFactory<T extends ErrorCatalogue> = <C extends keyof T & string>(
  code: C,
  details: DetailsOf<T, C>,
  path?: Path,
) => DomainError<C>;

/**
 * Declares a module's errors once: each code with its zh-CN and en templates. The returned factory
 * fills both messages from the templates when an error is raised, so the tables stay the single
 * source of the text and a misspelled code is a compile error.
 * @category Errors
 * @example
 * const orgError = defineErrors({
 *   'org/unknown-unit': {
 *     'zh-CN': (d: { unitId: string }) => `单位 ${d.unitId} 不存在`,
 *     en: (d: { unitId: string }) => `Unit ${d.unitId} does not exist`,
 *   },
 * });
 * orgError('org/unknown-unit', { unitId: 'u-1' }, ['parentId']);
 */
export function defineErrors<const T extends ErrorCatalogue>(
  catalogue: T,
): ErrorFactory<T> & { readonly catalogue: T } {
  const raise = <C extends keyof T & string>(code: C, details: DetailsOf<T, C>, path: Path = []): DomainError<C> => {
    const template = catalogue[code] as unknown as MessageTemplate<DetailsOf<T, C>> | undefined;
    if (!template) throw new Error(`[shijian] unknown error code ${code}`);
    return {
      code,
      message: { 'zh-CN': template['zh-CN'](details), en: template.en(details) },
      path,
      details: details as Readonly<Record<string, unknown>>,
    };
  };
  return Object.assign(raise, { catalogue });
}

/**
 * Prefixes the paths of errors raised on a nested part of the input.
 * @category Errors
 * @example
 * const r = parseRiskItem(body.items[3]);
 * if (!r.ok) return err(...atPath(['items', 3], r.errors)); // paths now start at the request body
 */
export function atPath(prefix: Path, errors: readonly DomainError[]): DomainError[] {
  return errors.map((e) => ({ ...e, path: [...prefix, ...e.path] }));
}
