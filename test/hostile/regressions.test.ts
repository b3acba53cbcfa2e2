import { describe, expect, it } from 'vitest';
import { brandDecider, initialBrandState } from '../../src/brand/index.js';
import { execute, fixedContext, type Recorded, type Result } from '../../src/core/index.js';
import { type OrgCommand, orgDecider } from '../../src/org/index.js';
import { createMemoryEventStore } from '../../src/store/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { hostileCases } from './corpus.js';
import { targets } from './targets.js';

// Bugs the hostile corpus found: each threw instead of answering with coded errors.
const ctx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });
const codes = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => [e.code, e.path.join('.')]));

describe('hostile-input regressions', () => {
  it('brand decider validates commands before reading them (threw on null, unknown type, missing brandId)', () => {
    const run = (c: unknown) => execute(brandDecider, initialBrandState, c as never, ctx);
    expect(codes(run(null))).toEqual([['core/invalid-type', '']]);
    expect(codes(run({ type: 'zzz', brandId: 'b-1' }))[0]).toEqual(['core/invalid', 'type']);
    expect(codes(run({ type: 'declare', on: '2020-03-02', declaredTo: '机关党委' }))).toEqual([
      ['core/required', 'brandId'],
    ]);
  });

  it('org decider refuses non-objects, unknown types and bad ids with codes (threw TypeError)', () => {
    const dir = deepFreeze(orgFixture());
    const run = (c: unknown) => execute(orgDecider, dir, c as OrgCommand, ctx);
    expect(codes(run(null))).toEqual([['core/invalid-type', '']]);
    expect(codes(run('end-unit'))).toEqual([['core/invalid-type', '']]);
    expect(codes(run({ type: 'zzz' }))[0]).toEqual(['core/invalid-value', 'type']);
    expect(codes(run({ type: 'end-unit', on: '2025-01-01' }))).toEqual([['core/required', 'id']]);
    expect(codes(run({ type: 'join-party-org', memberId: 'm-wang', partyOrgId: [1], from: '2025-03-01' }))).toEqual([
      ['core/invalid-type', 'partyOrgId'],
    ]);
    expect(
      codes(run({ type: 'record-election', partyOrgId: { __proto__: null }, electedOn: '2026-03-01' }))[0]?.[0],
    ).toBe('core/invalid-type');
  });

  it('store append refuses a non-array and an oversized batch with codes (threw, and overflowed the stack)', async () => {
    const store = createMemoryEventStore();
    expect(codes(await store.append('s-1', 'risk', null as never, 0))).toEqual([['core/invalid-type', 'events']]);
    const many = new Array(1_000_000).fill(0) as unknown as Recorded<{ type: string }>[];
    expect(codes(await store.append('s-1', 'risk', many, 0))).toEqual([['core/too-long', 'events']]);
    expect(await store.version('s-1')).toBe(0);
  });

  it('the memory store answers every hostile append with a Result and stores nothing refused', async () => {
    const target = targets.find((t) => t.label === 'store append');
    if (!target) throw new Error('no store target');
    let refused = 0;
    for (const c of hostileCases(target.sample)) {
      const store = createMemoryEventStore();
      const i = (c.input !== null && typeof c.input === 'object' ? c.input : {}) as Record<string, unknown>;
      const input = deepFreeze(i);
      const r = await store.append(
        input.streamId as string,
        input.streamKind as string,
        input.events as never,
        input.expectedVersion as number,
      );
      expect(({} as Record<string, unknown>).polluted, c.name).toBeUndefined();
      if (!r.ok) {
        refused++;
        expect(await store.version(typeof input.streamId === 'string' ? input.streamId : 'x'), c.name).toBe(0);
      }
    }
    expect(refused).toBeGreaterThan(50);
  });
});
