import type { z } from 'zod';
import type { DomainError, Path } from './errors.js';
import { coreError } from './errors-core.js';
import { err, ok, type Result } from './result.js';

/**
 * Size limits checked before any schema runs, so hostile input is refused in time proportional to
 * the limits, not to the input.
 * @category Validation
 */
export interface InputLimits {
  /** Deepest nesting of objects and arrays; 64 by default. */
  readonly maxDepth?: number;
  /** Longest string, in UTF-16 code units; 100,000 by default. */
  readonly maxStringLength?: number;
  /** Longest array; 100,000 by default. */
  readonly maxArrayLength?: number;
  /** Most values (objects, arrays, primitives) in one input; 1,000,000 by default. */
  readonly maxNodes?: number;
}

/** The default {@link InputLimits}. @category Validation */
export const DEFAULT_INPUT_LIMITS: Required<InputLimits> = {
  maxDepth: 64,
  maxStringLength: 100_000,
  maxArrayLength: 100_000,
  maxNodes: 1_000_000,
};

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Scans untrusted input without recursion and reports what would make parsing unsafe: forbidden
 * keys (`__proto__`, `constructor`, `prototype`), nesting, strings, arrays or totals beyond the
 * limits, or values that throw when read (hostile proxies and getters). Stops at the first problem.
 * @category Validation
 */
export function checkInput(input: unknown, limits: InputLimits = {}): DomainError[] {
  const lim = { ...DEFAULT_INPUT_LIMITS, ...limits };
  const stack: { value: unknown; path: Path; depth: number }[] = [{ value: input, path: [], depth: 0 }];
  let nodes = 0;
  try {
    while (stack.length > 0) {
      const { value, path, depth } = stack.pop() as { value: unknown; path: Path; depth: number };
      if (++nodes > lim.maxNodes) return [coreError('core/too-large', { limit: lim.maxNodes }, [])];
      if (typeof value === 'string') {
        if (value.length > lim.maxStringLength)
          return [coreError('core/too-long', { limit: lim.maxStringLength, length: value.length }, path)];
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      if (depth >= lim.maxDepth) return [coreError('core/too-deep', { limit: lim.maxDepth }, path)];
      if (Array.isArray(value)) {
        if (value.length > lim.maxArrayLength)
          return [coreError('core/too-long', { limit: lim.maxArrayLength, length: value.length }, path)];
        for (let i = value.length - 1; i >= 0; i--)
          stack.push({ value: value[i], path: [...path, i], depth: depth + 1 });
        continue;
      }
      const keys = Object.keys(value);
      for (const key of keys) if (FORBIDDEN.has(key)) return [coreError('core/forbidden-key', { key }, [...path, key])];
      if (keys.length > lim.maxArrayLength)
        return [coreError('core/too-long', { limit: lim.maxArrayLength, length: keys.length }, path)];
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
      }
    }
  } catch (e) {
    return [coreError('core/unreadable-input', { reason: e instanceof Error ? e.message : String(e) }, [])];
  }
  return [];
}

type Issue = z.core.$ZodIssue;

function translate(issue: Issue, prefix: Path): DomainError {
  const path: Path = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined')
        ? coreError('core/required', { expected: issue.expected }, path)
        : coreError('core/invalid-type', { expected: issue.expected }, path);
    case 'too_big':
      return coreError('core/out-of-range', { origin: issue.origin, bound: 'max', limit: Number(issue.maximum) }, path);
    case 'too_small':
      return coreError('core/out-of-range', { origin: issue.origin, bound: 'min', limit: Number(issue.minimum) }, path);
    case 'invalid_format':
      return coreError('core/invalid-format', { format: issue.format }, path);
    case 'invalid_value':
      return coreError('core/invalid-value', { allowed: issue.values.map(String) }, path);
    case 'unrecognized_keys':
      return coreError('core/unknown-key', { keys: issue.keys }, path);
    case 'custom': {
      const carried = (issue.params as { domainError?: DomainError } | undefined)?.domainError;
      if (carried) return { ...carried, path: [...prefix, ...(issue.path as (string | number)[]), ...carried.path] };
      return coreError('core/invalid', { reason: issue.message }, path);
    }
    default:
      return coreError('core/invalid', { reason: issue.message }, path);
  }
}

/**
 * Turns zod issues into {@link DomainError}s with bilingual messages and the issue paths.
 * A `custom` issue whose `params.domainError` carries a module's own error keeps that error.
 * @category Validation
 */
export function fromZodIssues(issues: readonly Issue[], prefix: Path = []): DomainError[] {
  return issues.map((i) => translate(i, prefix));
}

/** Options of {@link parseWith}. @category Validation */
export interface ParseOptions {
  readonly limits?: InputLimits;
  /** Prefix for every error path, when the input is part of something larger. */
  readonly path?: Path;
}

/**
 * Validates untrusted input against a schema: first the hostile-input scan ({@link checkInput}), then
 * the schema, reporting every issue at once. Never throws, never mutates the input, and leaves
 * zod's global configuration alone.
 * @category Validation
 * @example
 * const r = parseWith(z.object({ name: z.string() }), JSON.parse(body));
 * if (!r.ok) r.errors[0]?.message['zh-CN'];
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseOptions = {},
): Result<z.output<S>> {
  const prefix = options.path ?? [];
  const hostile = checkInput(input, options.limits);
  if (hostile.length > 0) return err(...hostile.map((e) => ({ ...e, path: [...prefix, ...e.path] })));
  let parsed: ReturnType<S['safeParse']>;
  try {
    parsed = schema.safeParse(input) as ReturnType<S['safeParse']>;
  } catch (e) {
    return err(coreError('core/unreadable-input', { reason: e instanceof Error ? e.message : String(e) }, prefix));
  }
  if (parsed.success) return ok(parsed.data as z.output<S>);
  return err(...fromZodIssues(parsed.error.issues, prefix));
}
