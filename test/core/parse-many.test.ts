import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  compileParser,
  type DomainError,
  IdSchema,
  IsoDateSchema,
  jitAvailable,
  NameSchema,
  type Parser,
  parseMany,
  parseWith,
  type Result,
} from '../../src/core/index.js';
import { deepFreeze } from '../helpers/freeze.js';

const Member = z.strictObject({
  id: IdSchema,
  name: NameSchema,
  status: z.enum(['active', 'retired']),
  party: z.discriminatedUnion('standing', [
    z.strictObject({ standing: z.literal('none') }),
    z.strictObject({ standing: z.literal('full'), joinedOn: IsoDateSchema }),
  ]),
  memberships: z
    .array(z.strictObject({ partyOrgId: IdSchema, from: IsoDateSchema, to: IsoDateSchema.optional() }))
    .max(5)
    .readonly(),
  score: z.number().min(0).max(100).optional(),
});
type Member = z.output<typeof Member>;

const member = (i: number) => ({
  id: `m-${i}`,
  name: ` 党员${i} `,
  status: i % 2 ? 'active' : 'retired',
  party: i % 3 ? { standing: 'full', joinedOn: '2001-07-01' } : { standing: 'none' },
  memberships: [{ partyOrgId: `br-${i}`, from: '2020-01-01' }],
});

const brief = (r: Result<unknown>) => (r.ok ? { value: r.value } : { errors: r.errors.map((e) => [e.code, e.path]) });

/** Arbitrary near-valid records: each field valid or replaced by something odd. */
const nearMember = fc.record({
  id: fc.oneof(fc.constantFrom('m-1', 'a.b:c'), fc.string({ maxLength: 4 }), fc.integer()),
  name: fc.oneof(fc.constantFrom('张三', '  李四 ', '   '), fc.string({ maxLength: 3 })),
  status: fc.constantFrom('active', 'retired', 'gone', 3),
  party: fc.oneof(
    fc.constant({ standing: 'none' }),
    fc.record({ standing: fc.constantFrom('full', 'none'), joinedOn: fc.constantFrom('2001-02-28', '2001-02-29') }),
    fc.constant(null),
  ),
  memberships: fc.oneof(
    fc.array(
      fc.record(
        {
          partyOrgId: fc.constantFrom('br-1', '_x'),
          from: fc.constantFrom('2020-01-01', '2020-13-01'),
          to: fc.constantFrom('2021-01-01', undefined, 'x'),
        },
        { requiredKeys: ['partyOrgId'] },
      ),
      { maxLength: 7 },
    ),
    fc.constant('none'),
  ),
  score: fc.oneof(fc.double(), fc.constant(undefined)),
});

describe('compileParser', () => {
  const compiled = compileParser(Member);
  const interpreted = compileParser(Member, { jit: false });

  it('compiles where code generation is allowed, and stays on the interpreter when told to', () => {
    expect(jitAvailable()).toBe(true);
    expect(compiled.mode).toBe('compiled');
    expect(interpreted.mode).toBe('interpreted');
    expectTypeOf(compiled).toEqualTypeOf<Parser<Member>>();
  });

  it('parses a valid record into a new, stripped, trimmed value without touching the input', () => {
    const input = deepFreeze(member(1));
    const r = compiled.parse(input);
    expect(r).toEqual({ ok: true, value: { ...member(1), name: '党员1' } });
    expect(r.ok && r.value).not.toBe(input);
    expect(r.ok && Object.isFrozen(r.value.memberships)).toBe(true);
  });

  it('gives the same values and the same coded errors as parseWith, compiled or not', () => {
    fc.assert(
      fc.property(nearMember, (raw) => {
        const input = deepFreeze(raw);
        const reference = brief(parseWith(Member, input));
        expect(brief(compiled.parse(input))).toEqual(reference);
        expect(brief(interpreted.parse(input))).toEqual(reference);
      }),
      { numRuns: 600 },
    );
  });

  it('prefixes error paths and applies per-call limits before the schema', () => {
    const r = compiled.parse({ ...member(1), status: 'gone' }, { path: ['members', 4] });
    expect(r.errors?.[0]).toMatchObject({ code: 'core/invalid-value', path: ['members', 4, 'status'] });
    const long = compiled.parse({ ...member(1), name: 'x'.repeat(50) }, { limits: { maxStringLength: 10 } });
    expect(long.errors?.[0]).toMatchObject({ code: 'core/too-long', path: ['name'] });
    const shallow = compileParser(Member, { limits: { maxDepth: 2 } });
    expect(shallow.parse(member(2)).errors?.[0]).toMatchObject({ code: 'core/too-deep', path: ['memberships', 0] });
  });

  it('refuses prototype keys with core/forbidden-key, as parseWith does, and pollutes nothing', () => {
    const hostile = JSON.parse('{"id":"m-1","memberships":[{"__proto__":{"polluted":true}}]}');
    expect(compiled.parse(hostile).errors?.[0]).toMatchObject({
      code: 'core/forbidden-key',
      path: ['memberships', 0, '__proto__'],
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a schema zod cannot compile on the interpreter, with the same contract', () => {
    type Tree = { name: string; children: Tree[] };
    const Tree: z.ZodType<Tree> = z.lazy(() => z.strictObject({ name: z.string(), children: z.array(Tree) }));
    const p = compileParser(Tree);
    expect(p.mode).toBe('interpreted');
    expect(p.parse({ name: 'a', children: [{ name: 'b', children: [] }] }).ok).toBe(true);
    expect(p.parse({ name: 'a', children: [{ name: 1, children: [] }] }).errors?.[0]).toMatchObject({
      code: 'core/invalid-type',
      path: ['children', 0, 'name'],
    });
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4 }), (v) => {
        const input = deepFreeze(v);
        expect(brief(compiled.parse(input))).toEqual(brief(interpreted.parse(input)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseWith tiering', () => {
  it('answers the same before and after a schema has parsed enough to be compiled', () => {
    const Rows = z.strictObject({
      rows: z.array(z.strictObject({ v: z.number(), tag: z.string().max(3).optional() })),
    });
    const reference = compileParser(Rows, { jit: false });
    const inputs = [
      { rows: [{ v: 1 }] },
      { rows: [{ v: 'x' }] },
      { rows: [{ v: 2, tag: 'long' }] },
      { rows: [], x: 1 },
    ];
    const before = inputs.map((input) => brief(parseWith(Rows, input)));
    expect(before).toEqual(inputs.map((input) => brief(reference.parse(input))));
    const big = { rows: Array.from({ length: 60_000 }, (_, v) => ({ v })) };
    const r = parseWith(Rows, big);
    expect(r.ok && r.value.rows.length).toBe(60_000);
    expect(parseWith(Rows, { rows: [...big.rows, { v: 'x' }] }).errors?.map((e) => e.path)).toEqual([
      ['rows', 60_000, 'v'],
    ]);
    expect(inputs.map((input) => brief(parseWith(Rows, input)))).toEqual(before);
  });
});

describe('parseMany', () => {
  const parser = compileParser(Member);

  it('returns every value in order', () => {
    const inputs = deepFreeze(Array.from({ length: 50 }, (_, i) => member(i)));
    const r = parseMany(parser, inputs);
    expect(r.ok && r.value.map((m) => m.id)).toEqual(inputs.map((m) => m.id));
  });

  it('returns every error of every record, the index in each path, and no value', () => {
    const inputs = deepFreeze([
      member(0),
      { ...member(1), status: 'gone' },
      member(2),
      { ...member(3), extra: 1, id: '' },
    ]);
    const r = parseMany(parser, inputs, { path: ['members'] });
    expect(r.ok).toBe(false);
    expect(r.errors?.map((e) => [e.code, e.path])).toEqual([
      ['core/invalid-value', ['members', 1, 'status']],
      ['core/invalid-format', ['members', 3, 'id']],
      ['core/unknown-key', ['members', 3]],
    ]);
  });

  it('answers as parser.parse does for each record, path prefixed by the index', () => {
    fc.assert(
      fc.property(fc.array(nearMember, { maxLength: 6 }), (raw) => {
        const inputs = deepFreeze(raw);
        const expected: DomainError[] = [];
        const values: unknown[] = [];
        inputs.forEach((input, i) => {
          const one = parser.parse(input, { path: [i] });
          if (one.ok) values.push(one.value);
          else expected.push(...one.errors);
        });
        const r = parseMany(parser, inputs);
        expect(r).toEqual(expected.length > 0 ? { ok: false, errors: expected } : { ok: true, value: values });
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a batch that is not an array: core/invalid-type', () => {
    expect(parseMany(parser, { 0: member(0) }, { path: ['members'] }).errors?.[0]).toMatchObject({
      code: 'core/invalid-type',
      path: ['members'],
    });
  });

  it('refuses more records than allowed before parsing any: core/too-long', () => {
    expect(parseMany(parser, [member(0), member(1)], { maxRecords: 1 }).errors?.[0]).toMatchObject({
      code: 'core/too-long',
      path: [],
    });
  });

  it('refuses many records sharing one big object once the batch total is spent: core/too-large', () => {
    const shared = deepFreeze({ ...member(0), memberships: [] });
    const r = parseMany(parser, new Array(1_000).fill(shared), { maxTotalNodes: 5_000 });
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]).toMatchObject({ code: 'core/too-large', path: [] });
  });

  it('reports a record that throws when read: core/unreadable-input at its index', () => {
    const inputs = [member(0)];
    Object.defineProperty(inputs, 1, {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const r = parseMany(parser, inputs);
    expect(r.errors?.[0]).toMatchObject({ code: 'core/unreadable-input', path: [1] });
  });

  it('reports hostile records with the scan codes and keeps going', () => {
    const inputs = [JSON.parse('{"constructor":1}'), { ...member(1), name: 'x'.repeat(200_000) }, member(2)];
    expect(parseMany(parser, inputs).errors?.map((e) => [e.code, e.path])).toEqual([
      ['core/forbidden-key', [0, 'constructor']],
      ['core/too-long', [1, 'name']],
    ]);
  });

  it('works with a parser written by hand, through its parse function', () => {
    const evens: Parser<number> = {
      mode: 'interpreted',
      parse: (input, options) => parseWith(z.number().multipleOf(2), input, options),
    };
    expect(parseMany(evens, [2, 4])).toEqual({ ok: true, value: [2, 4] });
    expect(parseMany(evens, [2, 3]).errors?.[0]?.path).toEqual([1]);
  });

  it('reports every error of a large batch without overflowing the stack', () => {
    const r = parseMany(parser, new Array(150_000).fill(null));
    expect(r.errors?.length).toBe(150_000);
    expect(r.errors?.[149_999]?.path).toEqual([149_999]);
  });
});
