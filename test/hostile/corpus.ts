/**
 * A corpus of hostile inputs derived from one valid sample: wrong types at every field, each field missing,
 * extra fields, nulls, prototype-polluting keys at every depth, huge strings and arrays, deep nesting, odd
 * numbers and impossible dates. Every public parse function and command is run against it.
 */
import fc from 'fast-check';

export interface HostileCase {
  readonly name: string;
  readonly input: unknown;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function paths(
  value: unknown,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
  depth = 0,
): (string | number)[][] {
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  const entries = Array.isArray(value) ? value.slice(0, 3).map((v, i) => [i, v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    const p = [...prefix, k];
    out.push(p);
    paths(v, p, out, depth + 1);
  }
  return out;
}

function setAt(
  root: unknown,
  path: readonly (string | number)[],
  fn: (parent: Record<string | number, unknown>, key: string | number) => void,
): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let node: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  fn(node, path.at(-1) as string | number);
  return copy;
}

function deep(levels: number): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = { next: v };
  return v;
}

// Built and frozen once and shared by every case: building (and deep-freezing) a 1M array per case would be most of
// the run's time, and the code under test must not write to them anyway.
const MILLION: readonly number[] = Object.freeze(new Array(1_000_000).fill(0));
const HUGE_STRING = 'x'.repeat(1_000_001);
let deepest: unknown;
const deep100k = (): unknown => {
  deepest ??= deepFreezeChain(deep(100_000));
  return deepest;
};
function deepFreezeChain(v: unknown): unknown {
  for (let n = v; n !== null && typeof n === 'object'; n = (n as { next: unknown }).next) Object.freeze(n);
  return v;
}

/** The corpus for one valid sample. */
export function hostileCases(sample: unknown): HostileCase[] {
  const cases: HostileCase[] = [];
  const weird: readonly [string, unknown][] = [
    ['null', null],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['-0', -0],
    ['huge string', HUGE_STRING],
    ['empty object', {}],
    ['array', [1, 2]],
    ['boolean', true],
    ['number', 12345],
    ['string', 'zzz'],
    ['bad date 2025-02-30', '2025-02-30'],
    ['bad date 2025-13-01', '2025-13-01'],
    ['bad instant 24:00', '2025-10-01T24:00:00+08:00'],
    ['bad offset +15:00', '2025-10-01T09:00:00+15:00'],
  ];
  for (const [name, v] of weird) cases.push({ name: `whole input ${name}`, input: v });
  cases.push({ name: 'undefined', input: undefined });
  for (const p of paths(sample)) {
    const where = p.join('.');
    for (const [name, v] of weird)
      cases.push({
        name: `${where} = ${name}`,
        input: setAt(sample, p, (o, k) => {
          o[k] = v;
        }),
      });
    cases.push({
      name: `${where} missing`,
      input: setAt(sample, p, (o, k) => {
        delete o[k];
      }),
    });
    cases.push({
      name: `${where} has __proto__`,
      input: setAt(sample, p, (o, k) => {
        o[k] = JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
      }),
    });
    const at = p.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], sample);
    if (typeof at === 'string')
      cases.push({
        name: `${where} = unknown reference`,
        input: setAt(sample, p, (o, k) => {
          o[k] = 'ghost-0000';
        }),
      });
    if (Array.isArray(at) && at.length > 0)
      cases.push({
        name: `${where} with its first element twice (duplicate ids)`,
        input: setAt(sample, p, (o, k) => {
          const list = o[k] as unknown[];
          list.push(structuredClone(list[0]));
        }),
      });
    cases.push({
      name: `${where} = array of 1M`,
      input: setAt(sample, p, (o, k) => {
        o[k] = MILLION;
      }),
    });
  }
  if (sample !== null && typeof sample === 'object' && !Array.isArray(sample)) {
    cases.push({ name: 'extra field', input: { ...(sample as object), unexpectedField: 1 } });
    cases.push({
      name: 'top-level __proto__',
      input: JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(sample).slice(1)}`),
    });
    cases.push({ name: 'top-level prototype key', input: { ...(sample as object), prototype: {} } });
    const cyclic: Record<string, unknown> = structuredClone(sample) as Record<string, unknown>;
    cyclic.self = cyclic;
    cases.push({ name: 'cycle', input: cyclic });
  }
  cases.push({ name: 'nesting 100,000 deep', input: deep100k() });
  for (const [i, v] of fc
    .sample(fc.anything({ maxDepth: 4 }) as fc.Arbitrary<Json>, { numRuns: 40, seed: 42 })
    .entries())
    cases.push({ name: `fast-check anything #${i}`, input: v });
  return cases;
}
