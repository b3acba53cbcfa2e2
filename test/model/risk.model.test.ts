import { describe, expect, it } from 'vitest';
import { type RiskCommand, riskDecider } from '../../src/risk/index.js';
import { assess, assign, ctx, identify, measure } from '../risk/_fixture.js';
import { explore, type Move } from './_explore.js';
import { riskInvariants as invariants } from './_invariants.js';

// One risk through its whole life (two measures and a third after reopening, every kind of closure, reopening, re-rating, tracking) and a second
// risk that is only identified and assessed, so the two interleave.
const alphabet: readonly RiskCommand[] = [
  identify('r-1'),
  assess('r-1'),
  assign('r-1'),
  measure('r-1', 'ms-1'),
  measure('r-1', 'ms-2', '2025-10-20'),
  { type: 'complete-measure', riskId: 'r-1', measureId: 'ms-1', evidence: '快检 22 批次', on: '2025-09-25' },
  { type: 'complete-measure', riskId: 'r-1', measureId: 'ms-2', evidence: '约谈记录', on: '2025-09-28' },
  {
    type: 're-rate-risk',
    riskId: 'r-1',
    tier: 'current',
    factors: { likelihood: 2, impact: 4 },
    reason: '措施到位后复评',
  },
  { type: 'track-risk', riskId: 'r-1', note: '复查快检记录', review: true, on: '2025-09-20' },
  { type: 'close-risk', riskId: 'r-1', closure: { kind: 'eliminated', evidence: '复查无新增' }, on: '2025-10-10' },
  {
    type: 'close-risk',
    riskId: 'r-1',
    closure: { kind: 'accepted', approverId: 'm-wang', expiresOn: '2026-06-30', reason: '残余风险可接受' },
    on: '2025-10-10',
  },
  {
    type: 'close-risk',
    riskId: 'r-1',
    closure: { kind: 'transferred', toUnitId: 'dept-drug', reference: '移交函〔2025〕3号' },
    on: '2025-10-10',
  },
  { type: 'reopen-risk', riskId: 'r-1', reason: '复查发现新增不合格', on: '2025-10-12' },
  // after a reopening, measures and notes must be dated after it: this pair keeps the reopened paths explored
  { ...measure('r-1', 'ms-3', '2025-11-14'), on: '2025-10-13' } as RiskCommand,
  { type: 'complete-measure', riskId: 'r-1', measureId: 'ms-3', evidence: '复查合格', on: '2025-10-20' },
  identify('r-2', { title: '网络订餐平台商户无证经营' }),
  assess('r-2', 3, 3),
];

describe('risk model', () => {
  it('every accepted command sequence up to depth 11 keeps the risk-list invariants, and replay equals state', () => {
    const moves: Move<RiskCommand>[] = alphabet.map((command) => ({ command, ctx: ctx() }));
    const c = explore(riskDecider, moves, 11, invariants);
    console.log(
      `risk model: ${c.states} states, ${c.sequences} sequences, ${c.attempts} commands tried, depth ${c.depth}`,
    );
    expect(c.states).toBeGreaterThan(50);
    expect(c.depth).toBeGreaterThanOrEqual(8);
  });
});
