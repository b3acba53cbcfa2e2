import { describe, expect, it } from 'vitest';
import { type BrandCommand, type BrandState, isActive } from '../../src/brand/index.js';
import { forEachRecord, getRecord } from '../../src/core/index.js';
import { ctx, decider, ORG, toNamed } from '../brand/_fixture.js';
import { explore, type Move } from './_explore.js';

// Two brands competing for one branch (一支部一品牌), each able to go the whole way to named; a second naming; a
// periodic review that keeps or withdraws; revocation and a rename.
const alphabet: readonly BrandCommand[] = [
  ...toNamed('brand-a', ORG.branchFood),
  ...toNamed('brand-b', ORG.branchFood).slice(0, 3),
  {
    type: 'name',
    brandId: 'brand-a',
    on: '2020-08-03',
    namedBy: { body: '市直机关工委', level: 'municipal' },
    notice: { from: '2020-07-20', to: '2020-07-24' },
  },
  { type: 'start-periodic-review', brandId: 'brand-a', on: '2021-07-01' },
  { type: 'conclude-periodic-review', brandId: 'brand-a', on: '2021-07-15', outcome: 'kept' },
  { type: 'conclude-periodic-review', brandId: 'brand-a', on: '2021-07-15', outcome: 'withdrawn', reason: '特色不再' },
  { type: 'revoke', brandId: 'brand-a', on: '2021-08-02', reason: '支部撤并' },
  { type: 'rename', brandId: 'brand-a', on: '2021-03-01', name: { 'zh-CN': '舌尖卫士' }, reason: '聚焦主业' },
];

function invariants(s: BrandState): void {
  const active = new Map<string, string[]>();
  forEachRecord(s.brands, (b) => {
    if (isActive(b)) active.set(b.branchId, [...(active.get(b.branchId) ?? []), b.id]);
    const steps = b.history.map((h) => h.step);
    expect(steps.filter((x) => x === 'named').length, `brand ${b.id} named twice`).toBeLessThanOrEqual(1);
    if (b.stage.status === 'named' || b.stage.status === 'under-review') {
      expect(steps.indexOf('selected'), `brand ${b.id} named without selection`).toBeGreaterThanOrEqual(0);
      expect(steps.indexOf('selected')).toBeLessThan(steps.indexOf('named'));
    }
  });
  for (const [branch, ids] of active) {
    expect(ids, `branch ${branch} has ${ids.length} active brands`).toHaveLength(1);
    expect(getRecord(s.activeByBranch, branch)).toBe(ids[0]);
  }
  forEachRecord(s.activeByBranch, (id) =>
    expect(isActive(getRecord(s.brands, id) ?? { stage: { status: 'revoked' } as never })).toBe(true),
  );
}

describe('brand model', () => {
  it('every accepted command sequence up to depth 16 keeps one active brand per branch and one naming, and replay equals state', () => {
    const moves: Move<BrandCommand>[] = alphabet.map((command) => ({ command, ctx }));
    const c = explore(decider, moves, 16, invariants);
    console.log(
      `brand model: ${c.states} states, ${c.sequences} sequences, ${c.attempts} commands tried, depth ${c.depth}`,
    );
    expect(c.states).toBeGreaterThan(15);
    expect(c.depth).toBeGreaterThanOrEqual(7);
  });
});
