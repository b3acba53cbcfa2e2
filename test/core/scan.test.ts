import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInput, type DomainError, type InputLimits } from '../../src/core/index.js';
import { hostileCases } from '../hostile/corpus.js';

/**
 * The oracle: the scan as it was before the allocation-free pass existed (one iterative pass that
 * builds every path). The fast pass must never change what checkInput reports.
 */
function oracle(input: unknown, limits: InputLimits = {}): { code: string; path: unknown[] }[] {
  const lim = { maxDepth: 64, maxStringLength: 100_000, maxArrayLength: 100_000, maxNodes: 1_000_000, ...limits };
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [{ value: input, path: [], depth: 0 }];
  let nodes = 0;
  try {
    while (stack.length > 0) {
      const { value, path, depth } = stack.pop() as (typeof stack)[number];
      if (++nodes > lim.maxNodes) return [{ code: 'core/too-large', path: [] }];
      if (typeof value === 'string') {
        if (value.length > lim.maxStringLength) return [{ code: 'core/too-long', path }];
        continue;
      }
      if (value === null || typeof value !== 'object') continue;
      if (depth >= lim.maxDepth) return [{ code: 'core/too-deep', path }];
      if (Array.isArray(value)) {
        if (value.length > lim.maxArrayLength) return [{ code: 'core/too-long', path }];
        for (let i = value.length - 1; i >= 0; i--)
          stack.push({ value: value[i], path: [...path, i], depth: depth + 1 });
        continue;
      }
      const keys = Object.keys(value);
      for (const key of keys)
        if (key === '__proto__' || key === 'constructor' || key === 'prototype')
          return [{ code: 'core/forbidden-key', path: [...path, key] }];
      if (keys.length > lim.maxArrayLength) return [{ code: 'core/too-long', path }];
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key], depth: depth + 1 });
      }
    }
  } catch {
    return [{ code: 'core/unreadable-input', path: [] }];
  }
  return [];
}

const brief = (errors: readonly DomainError[]) => errors.map((e) => ({ code: e.code, path: e.path }));

const sample = {
  id: 'm-1',
  name: '张三',
  party: { standing: 'full', joinedOn: '2001-07-01', fullOn: '2002-07-01' },
  memberships: [{ partyOrgId: 'br-1', from: '2001-07-01' }],
};

describe('checkInput', () => {
  it('reports exactly what the path-building scan reports, on the whole hostile corpus', () => {
    const cases = hostileCases(sample);
    for (const c of cases) expect(brief(checkInput(c.input)), c.name).toEqual(oracle(c.input));
    expect(cases.length).toBeGreaterThan(100);
  });

  it('agrees with the oracle on arbitrary values under tight limits', () => {
    const limits = fc.record({
      maxDepth: fc.integer({ min: 0, max: 6 }),
      maxStringLength: fc.integer({ min: 0, max: 20 }),
      maxArrayLength: fc.integer({ min: 0, max: 6 }),
      maxNodes: fc.integer({ min: 1, max: 60 }),
    });
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5 }), limits, (v, lim) => {
        expect(brief(checkInput(v, lim))).toEqual(oracle(v, lim));
      }),
      { numRuns: 1500 },
    );
  });

  it('finds forbidden keys at any depth, and only own keys count', () => {
    const hostile = JSON.parse('{"a":[{"b":{"constructor":{}}}]}');
    expect(brief(checkInput(hostile))).toEqual([{ code: 'core/forbidden-key', path: ['a', 0, 'b', 'constructor'] }]);
    const inherited = Object.create({ prototype: 1 }) as object;
    expect(checkInput({ x: inherited })).toEqual([]);
  });

  it('still scans without recursion when a host allows nesting deeper than the call stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 50_000; i++) deep = [deep];
    expect(checkInput(deep, { maxDepth: 100_000 })).toEqual([]);
    expect(brief(checkInput(deep, { maxDepth: 40_000 }))[0]?.code).toBe('core/too-deep');
  });

  it('reports a getter that throws as unreadable input', () => {
    const trap = {
      get field() {
        throw new Error('boom');
      },
    };
    expect(brief(checkInput({ ok: 1, trap }))).toEqual([{ code: 'core/unreadable-input', path: [] }]);
  });
});
