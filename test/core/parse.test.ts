import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkInput, IdSchema, IsoDateSchema, parseWith } from '../../src/core/index.js';
import { deepFreeze } from '../helpers/freeze.js';

const Unit = z.strictObject({
  id: IdSchema,
  name: z.string().min(1).max(20),
  level: z.int().min(1).max(4),
  kind: z.enum(['station', 'department']),
  since: IsoDateSchema,
  tags: z.array(z.string()).optional(),
});
const good = { id: 'u-1', name: '城区市场监管所', level: 4, kind: 'station', since: '2019-01-01' };

describe('parseWith', () => {
  it('returns the parsed value and never mutates the input', () => {
    const input = deepFreeze({ ...good, tags: ['a'] });
    const r = parseWith(Unit, input);
    expect(r).toEqual({ ok: true, value: input });
    expect(r.ok && r.value).not.toBe(input);
  });

  it('reports every issue at once, coded, bilingual and with paths', () => {
    const r = parseWith(Unit, { id: '__proto__x', name: '', level: 9, kind: 'shop', since: '2025-02-30', extra: 1 });
    expect(r.ok).toBe(false);
    const byPath = Object.fromEntries((r.errors ?? []).map((e) => [e.path.join('.') || '(root)', e.code]));
    expect(byPath).toMatchObject({
      id: 'core/invalid-format',
      name: 'core/out-of-range',
      level: 'core/out-of-range',
      kind: 'core/invalid-value',
      since: 'core/invalid',
      '(root)': 'core/unknown-key',
    });
    for (const e of r.errors ?? []) {
      expect(e.message['zh-CN'].length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
  });

  it('says a missing field is required and a wrong type is wrong', () => {
    const { name: _n, ...missing } = good;
    expect(parseWith(Unit, missing).errors?.[0]).toMatchObject({ code: 'core/required', path: ['name'] });
    expect(parseWith(Unit, { ...good, level: '4' }).errors?.[0]).toMatchObject({
      code: 'core/invalid-type',
      path: ['level'],
    });
    expect(parseWith(Unit, null).errors?.[0]).toMatchObject({ code: 'core/invalid-type', path: [] });
  });

  it('refuses dangerous keys at any depth before the schema runs', () => {
    const hostile = JSON.parse('{"id":"u-1","tags":[{"__proto__":{"polluted":true}}]}');
    const r = parseWith(Unit, hostile);
    expect(r.errors?.[0]).toMatchObject({ code: 'core/forbidden-key', path: ['tags', 0, '__proto__'] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseWith(Unit, { ...good, constructor: 1 }).errors?.[0]?.code).toBe('core/forbidden-key');
  });

  it('refuses nesting, strings and arrays beyond the limits', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(parseWith(Unit, deep).errors?.[0]?.code).toBe('core/too-deep');
    expect(parseWith(Unit, { ...good, name: 'x'.repeat(1_000_001) }).errors?.[0]).toMatchObject({
      code: 'core/too-long',
      path: ['name'],
    });
    expect(parseWith(Unit, { ...good, tags: new Array(1_000_000).fill('a') }).errors?.[0]).toMatchObject({
      code: 'core/too-long',
      path: ['tags'],
    });
    expect(checkInput({ a: [1, 2, 3] }, { maxNodes: 3 })[0]?.code).toBe('core/too-large');
  });

  it('refuses input that throws when read', () => {
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(parseWith(Unit, trap).errors?.[0]?.code).toBe('core/unreadable-input');
  });

  it('prefixes paths for nested parts', () => {
    expect(parseWith(Unit, { ...good, level: 0 }, { path: ['units', 3] }).errors?.[0]?.path).toEqual([
      'units',
      3,
      'level',
    ]);
  });

  it('never throws on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseWith(Unit, deepFreeze(v));
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a module error carried by a custom issue', () => {
    const S = z.string().superRefine((v, c) => {
      if (v === 'x')
        c.addIssue({
          code: 'custom',
          message: 'x',
          params: { domainError: { code: 'demo/x', message: { 'zh-CN': '不行', en: 'no' }, path: [] } },
        });
    });
    expect(parseWith(S, 'x').errors?.[0]).toMatchObject({ code: 'demo/x', message: { en: 'no' } });
  });
});
