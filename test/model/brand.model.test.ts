import { describe, expect, it } from 'vitest';
import type { BrandCommand } from '../../src/brand/index.js';
import { ctx, decider, ORG, toNamed } from '../brand/_fixture.js';
import { explore, type Move } from './_explore.js';
import { brandInvariants as invariants } from './_invariants.js';

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
