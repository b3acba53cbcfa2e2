import type { DomainError, Path } from './errors.js';
import { coreError } from './errors-core.js';

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

/** @internal The limits with every default filled in. */
export function resolveLimits(limits: InputLimits | undefined): Required<InputLimits> {
  return limits === undefined ? DEFAULT_INPUT_LIMITS : { ...DEFAULT_INPUT_LIMITS, ...limits };
}

// Beyond this depth the allocation-free recursive pass could exhaust the call stack, so only the
// iterative pass runs (the default limit of 64 is far below it).
const RECURSION_SAFE_DEPTH = 2_000;

/**
 * @internal The allocation-free pass: walks the input once, counting values against `budget`, and
 * answers the budget left, or -1 at the first thing the reporting pass might object to.
 * It may object to more than that pass does (`for…in` also sees inherited enumerable keys), never to
 * less, so a clean answer here is proof that {@link checkInput} would report nothing; bulk parsing
 * pays for this pass alone, and the reporting pass runs only on suspect input to find the path.
 */
export function quickScan(value: unknown, lim: Required<InputLimits>, budget: number): number {
  if (lim.maxDepth > RECURSION_SAFE_DEPTH || --budget < 0) return -1;
  if (typeof value === 'string') return value.length > lim.maxStringLength ? -1 : budget;
  if (typeof value !== 'object' || value === null) return budget;
  try {
    return walk(value, 0, budget, lim);
  } catch {
    // a hostile getter or proxy: the reporting pass turns it into core/unreadable-input
    return -1;
  }
}

// Children that are strings or other primitives are checked in the parent's loop, not by a call:
// most values of a record are leaves, and this halves the cost of the pass.
function walk(value: object, depth: number, budget: number, lim: Required<InputLimits>): number {
  if (depth >= lim.maxDepth) return -1;
  if (Array.isArray(value)) {
    const n = value.length;
    if (n > lim.maxArrayLength) return -1;
    for (let i = 0; i < n; i++) {
      const v: unknown = value[i];
      if (--budget < 0) return -1;
      if (typeof v === 'string') {
        if (v.length > lim.maxStringLength) return -1;
      } else if (typeof v === 'object' && v !== null) {
        budget = walk(v, depth + 1, budget, lim);
        if (budget < 0) return -1;
      }
    }
    return budget;
  }
  let keys = 0;
  for (const key in value) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype' || ++keys > lim.maxArrayLength) return -1;
    const v: unknown = (value as Record<string, unknown>)[key];
    if (--budget < 0) return -1;
    if (typeof v === 'string') {
      if (v.length > lim.maxStringLength) return -1;
    } else if (typeof v === 'object' && v !== null) {
      budget = walk(v, depth + 1, budget, lim);
      if (budget < 0) return -1;
    }
  }
  return budget;
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

interface Visit {
  readonly value: unknown;
  readonly key: string | number;
  readonly parent: Visit | undefined;
  readonly depth: number;
}

// Paths are rebuilt from parent links only for the one value reported, so the pass stays linear
// however deep the host allows nesting.
function pathOf(visit: Visit): Path {
  const path: (string | number)[] = [];
  for (let v: Visit | undefined = visit; v?.parent !== undefined; v = v.parent) path.push(v.key);
  return path.reverse();
}

/** @internal The reporting pass: iterative (any depth), finds the path, stops at the first problem. */
export function reportInput(input: unknown, lim: Required<InputLimits>): DomainError[] {
  const stack: Visit[] = [{ value: input, key: '', parent: undefined, depth: 0 }];
  let nodes = 0;
  try {
    while (stack.length > 0) {
      const visit = stack.pop() as Visit;
      const { value, depth } = visit;
      if (++nodes > lim.maxNodes) return [coreError('core/too-large', { limit: lim.maxNodes }, [])];
      if (typeof value === 'string') {
        if (value.length > lim.maxStringLength)
          return [coreError('core/too-long', { limit: lim.maxStringLength, length: value.length }, pathOf(visit))];
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      if (depth >= lim.maxDepth) return [coreError('core/too-deep', { limit: lim.maxDepth }, pathOf(visit))];
      if (Array.isArray(value)) {
        if (value.length > lim.maxArrayLength)
          return [coreError('core/too-long', { limit: lim.maxArrayLength, length: value.length }, pathOf(visit))];
        for (let i = value.length - 1; i >= 0; i--)
          stack.push({ value: value[i], key: i, parent: visit, depth: depth + 1 });
        continue;
      }
      const keys = Object.keys(value);
      for (const key of keys)
        if (FORBIDDEN.has(key)) return [coreError('core/forbidden-key', { key }, [...pathOf(visit), key])];
      if (keys.length > lim.maxArrayLength)
        return [coreError('core/too-long', { limit: lim.maxArrayLength, length: keys.length }, pathOf(visit))];
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: (value as Record<string, unknown>)[key], key, parent: visit, depth: depth + 1 });
      }
    }
  } catch (e) {
    return [coreError('core/unreadable-input', { reason: e instanceof Error ? e.message : String(e) }, [])];
  }
  return [];
}

/** @internal {@link checkInput} on limits already resolved. */
export function scanInput(input: unknown, lim: Required<InputLimits>): DomainError[] {
  return quickScan(input, lim, lim.maxNodes) >= 0 ? [] : reportInput(input, lim);
}

/**
 * Scans untrusted input and reports what would make parsing unsafe: forbidden keys (`__proto__`,
 * `constructor`, `prototype`), nesting, strings, arrays or totals beyond the limits, or values that
 * throw when read (hostile proxies and getters). Stops at the first problem. Clean input costs one
 * pass that allocates nothing; paths are built only when there is something to report.
 * @category Validation
 * @example
 * checkInput(JSON.parse('{"__proto__":{}}'))[0]?.code; // 'core/forbidden-key'
 */
export function checkInput(input: unknown, limits: InputLimits = {}): DomainError[] {
  return scanInput(input, resolveLimits(limits));
}
