/**
 * The lean code generator of jit.ts against zod's interpreter: on every input the generated parser either refuses
 * (and the interpreter decides) or returns exactly what the interpreter returns, keys in the same order, arrays
 * frozen where zod freezes them. For the kinds it covers it must also accept everything the interpreter accepts,
 * or bulk parsing would silently fall back to the slow path.
 */

import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  compileParser,
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  LocalizedNameSchema,
  NameSchema,
  parseMany,
  TextSchema,
} from '../../src/core/index.js';
import { compileSchema, INVALID, leanParser, leanReads } from '../../src/core/jit.js';
import { DEFAULT_INPUT_LIMITS, type InputLimits } from '../../src/core/parse.js';
import { quickScan } from '../../src/core/scan.js';

/** The lean parser under the default limits. */
function lean(schema: z.ZodType): (input: unknown) => unknown {
  const { fast } = leanParser(schema);
  return (input) => fast(input, DEFAULT_INPUT_LIMITS.maxStringLength, DEFAULT_INPUT_LIMITS.maxArrayLength);
}

const Kind = z.enum(['a', 'b', 'c']);
const fields = {
  id: IdSchema,
  name: NameSchema,
  note: TextSchema.optional(),
  label: LocalizedNameSchema,
  kind: Kind,
  level: z.union([z.literal(1), z.literal(2)]),
  score: z.number().int().min(0).max(100),
  ratio: z.number().positive().lt(1).optional(),
  flag: z.boolean(),
  at: InstantSchema.optional(),
  state: z.discriminatedUnion('s', [
    z.strictObject({ s: z.literal('open') }),
    z.strictObject({ s: z.literal('closed'), on: IsoDateSchema, by: IdSchema.optional() }),
  ]),
  items: z
    .array(z.strictObject({ code: z.string().min(2).max(3), from: IsoDateSchema, to: IsoDateSchema.optional() }))
    .min(1)
    .max(3)
    .readonly(),
  tags: z.array(z.string().trim().toLowerCase()).max(4),
};
/** Every object strict: the generated parser stands in for the hostile-input scan. */
const Strict = z.strictObject(fields);
/** With one stripping object: the scan still runs first. */
const Covered = z.strictObject({ ...fields, loose: z.object({ x: z.number() }).optional() });

const valid = {
  id: 'r-1',
  name: ' 张三 ',
  label: { 'zh-CN': '食品科', en: 'Food' },
  kind: 'a',
  level: 1,
  score: 7,
  flag: true,
  state: { s: 'closed', on: '2024-02-29' },
  items: [{ code: 'ab', from: '2025-01-01' }],
  tags: [' A '],
};

// values each field may take: valid ones, wrong types, edge cases of the checks, and odd JavaScript values
const odd = [undefined, null, 0, -0, Number.NaN, Number.POSITIVE_INFINITY, '', ' ', true, [], {}, 'x'.repeat(300)];
const pools: Record<string, readonly unknown[]> = {
  id: ['r-1', 'A', '-bad', 'a b', 'x'.repeat(128), 'x'.repeat(129)],
  name: ['张三', '  ', ' a ', '𠀀'.repeat(200), '𠀀'.repeat(201), 'a'.repeat(200), 'a'.repeat(201)],
  note: ['备注', '   '],
  label: [{ 'zh-CN': '科' }, { 'zh-CN': '科', en: undefined }, { 'zh-CN': ' ' }, { 'zh-CN': '科', fr: 'x' }],
  kind: ['a', 'c', 'd'],
  level: [1, 2, 3, '1'],
  score: [0, 100, 101, -1, 1.5, 2 ** 53],
  ratio: [0.5, 1, 0, 1e-9],
  flag: [false, 1],
  at: ['2025-10-16T09:30:00+08:00', '2025-10-16T24:00:00Z', '2025-10-16'],
  state: [
    { s: 'open' },
    { s: 'open', on: '2025-01-01' },
    { s: 'closed', on: '2023-02-29' },
    { s: 'closed', on: '2400-02-29', by: 'u-1' },
    { s: 'closed', on: '2025-12-31', by: undefined },
    { s: 'closed' },
    { s: 'gone' },
    'open',
  ],
  items: [
    [],
    [{ code: 'ab', from: '2025-01-01', to: '2025-02-01' }],
    [{ code: 'abcd', from: '2025-01-01' }],
    [{ code: 'ab', from: '2025-13-01' }],
    [{ code: 'ab', from: '2025-01-01', to: undefined }],
    [{ code: 'ab' }],
    [{ code: 'ab', from: '2025-01-01', extra: 1 }],
    Array.from({ length: 4 }, () => ({ code: 'ab', from: '2025-01-01' })),
  ],
  tags: [[], ['B', ' c '], [1], ['a', 'b', 'c', 'd', 'e']],
  loose: [{ x: 1 }, { x: 1, y: 2 }, { x: 'a' }],
};
const fieldNames = Object.keys(pools);

const mutation = fc.record({
  field: fc.constantFrom(...fieldNames),
  how: fc.constantFrom('pool', 'odd', 'delete'),
  pick: fc.nat(),
});
const inputs = fc.array(mutation, { maxLength: 4 }).map((ms) => {
  const input: Record<string, unknown> = structuredClone(valid);
  for (const m of ms) {
    const pool = m.how === 'odd' ? odd : (pools[m.field] as readonly unknown[]);
    if (m.how === 'delete') delete input[m.field];
    else input[m.field] = structuredClone(pool[m.pick % pool.length]);
  }
  return input;
});

/** The keys of every object in a value, in order, and which arrays are frozen: what deep equality ignores. */
function layout(value: unknown): unknown {
  if (Array.isArray(value)) return { frozen: Object.isFrozen(value), items: value.map(layout) };
  if (value !== null && typeof value === 'object')
    return Object.entries(value).map(([k, v]) => [k, layout(v)] as const);
  return typeof value;
}

function agree(schema: z.ZodType, input: unknown, mustAccept: boolean): void {
  const out = lean(schema)(input);
  const reference = schema.safeParse(input);
  if (out === INVALID) {
    if (mustAccept) expect(reference.success, `refused what zod accepts: ${JSON.stringify(input)}`).toBe(false);
    return;
  }
  expect(reference.success, `accepted what zod refuses: ${JSON.stringify(input)}`).toBe(true);
  expect(isDeepStrictEqual(out, reference.data)).toBe(true);
  expect(layout(out)).toEqual(layout(reference.data));
}

describe('lean compiled parsers', () => {
  it('cover the kinds shijian schemas are built from, and accept the valid sample', () => {
    expect(lean(Covered)(structuredClone(valid))).not.toBe(INVALID);
    expect(compileSchema(Covered)?.fast).toBeDefined();
    expect(compileSchema(Covered)?.profile).toBeUndefined();
    expect(compileSchema(Strict)?.profile).toEqual({ depth: 2, keys: 13, literal: 6 });
  });

  it('agree with the interpreter on mutated records: same value, key order and freezing, or a refusal', () => {
    fc.assert(
      fc.property(inputs, (input) => agree(Covered, input, true)),
      { numRuns: 1500, seed: 9 },
    );
  });

  it('agree with the interpreter on mutated records of the all-strict schema', () => {
    fc.assert(
      fc.property(inputs, (input) => agree(Strict, input, true)),
      { numRuns: 500, seed: 10 },
    );
  });

  it('accept only what the scan would pass, counting the values it counts, under any limits', () => {
    const { fast, nodes = new Float64Array(1), profile } = leanParser(Strict);
    const limits = fc.record({
      maxStringLength: fc.constantFrom(1, 5, 10, 30, 100_000, 100_000),
      maxArrayLength: fc.constantFrom(0, 1, 2, 13, 100_000, 100_000),
      maxDepth: fc.constantFrom(1, 2, 3, 64, 64),
      maxNodes: fc.constantFrom(5, 20, 40, 1_000_000, 1_000_000),
    });
    let fused = 0;
    fc.assert(
      fc.property(inputs, limits, (input, lim) => {
        if (profile === undefined) throw new Error('expected a profile');
        const left = quickScan(input, lim, lim.maxNodes);
        const out = fast(input, lim.maxStringLength, lim.maxArrayLength);
        if (out === INVALID || profile.depth >= lim.maxDepth || profile.keys > lim.maxArrayLength) return;
        if (profile.literal > lim.maxStringLength || (nodes[0] as number) > lim.maxNodes) return;
        fused++;
        expect(left, JSON.stringify([input, lim])).toBeGreaterThanOrEqual(0);
        expect(nodes[0]).toBe(lim.maxNodes - left);
      }),
      { numRuns: 2500, seed: 11 },
    );
    expect(fused).toBeGreaterThan(60);
  });

  it('give parseMany and parse the same answers with and without code generation, under tight limits', () => {
    const tight: readonly InputLimits[] = [
      { maxStringLength: 5 },
      { maxArrayLength: 1 },
      { maxDepth: 2 },
      { maxNodes: 30 },
    ];
    fc.assert(
      fc.property(fc.array(inputs, { maxLength: 5 }), fc.constantFrom(...tight), (batch, limits) => {
        const compiled = compileParser(Strict, { limits });
        const interpreted = compileParser(Strict, { jit: false, limits });
        expect(compiled.mode).toBe('compiled');
        for (const input of batch) expect(compiled.parse(input)).toEqual(interpreted.parse(input));
        for (const maxTotalNodes of [60, 20_000_000])
          expect(parseMany(compiled, batch, { maxTotalNodes })).toEqual(
            parseMany(interpreted, batch, { maxTotalNodes }),
          );
      }),
      { numRuns: 300, seed: 13 },
    );
  });

  it('agree with the interpreter on arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (input) => {
        agree(Covered, input, true);
        agree(Strict, input, true);
      }),
      { numRuns: 500, seed: 12 },
    );
  });

  it('read each property once, so a getter cannot answer differently to the check and to the output', () => {
    let reads = 0;
    const input = { ...structuredClone(valid) };
    Object.defineProperty(input, 'id', {
      enumerable: true,
      get: () => {
        reads++;
        return reads === 1 ? 'r-1' : '-bad';
      },
    });
    const out = lean(Covered)(input) as { id: string };
    expect(out.id).toBe('r-1');
    expect(reads).toBe(1);
  });

  it('hand a custom check that answers a promise to the interpreter, with its answer', () => {
    const Async = z.strictObject({ a: z.custom<string>(() => Promise.resolve(true)) });
    expect(lean(Async)({ a: 'x' })).toBe(INVALID);
    const compiled = compileParser(Async).parse({ a: 'x' });
    const interpreted = compileParser(Async, { jit: false }).parse({ a: 'x' });
    expect(compiled.ok).toBe(false);
    expect(compiled.errors?.map((e) => e.code)).toEqual(interpreted.errors?.map((e) => e.code));
  });

  it("leave kinds it does not cover to zod's own generator, with the same answers", () => {
    const Other = z.strictObject({ a: z.string().nullable(), b: z.number().default(1) });
    expect(() => leanParser(Other)).toThrow();
    const compiled = compileSchema(Other);
    expect(compiled?.fast).toBeUndefined();
    expect(compiled?.target).not.toBe(Other);
    const p = compileParser(Other);
    expect(p.mode).toBe('compiled');
    expect(p.parse({ a: null })).toEqual({ ok: true, value: { a: null, b: 1 } });
    expect(parseMany(p, [{ a: 'x', b: 2 }, { a: 1 }]).errors?.map((e) => [e.code, e.path])).toEqual([
      ['core/invalid-type', [1, 'a']],
    ]);
  });

  it('trust only the zod minor versions they were tested against', () => {
    expect(leanReads(z.core.version)).toBe(true);
    expect(leanReads({ major: 4, minor: 7 })).toBe(false);
    expect(leanReads({ major: 5, minor: 6 })).toBe(false);
  });
});
