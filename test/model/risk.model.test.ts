import { describe, expect, it } from 'vitest';
import { forEachRecord } from '../../src/core/index.js';
import { type RiskCommand, type RiskState, riskDecider } from '../../src/risk/index.js';
import { assess, assign, ctx, identify, measure } from '../risk/_fixture.js';
import { explore, type Move } from './_explore.js';

// One risk through its whole life (two measures, every kind of closure, reopening, re-rating, tracking) and a second
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
  identify('r-2', { title: '网络订餐平台商户无证经营' }),
  assess('r-2', 3, 3),
];

function invariants(s: RiskState): void {
  forEachRecord(s.risks, (r) => {
    const open = r.measures.filter((m) => m.status.stage === 'open').length;
    if (r.status.stage === 'closed' && r.status.closure.kind !== 'accepted')
      expect(open, `risk ${r.id} closed (${r.status.closure.kind}) with ${open} open measures`).toBe(0);
    if (r.status.stage === 'identified') {
      expect(r.history).toEqual([]);
      return;
    }
    // Score history complete: each tier's current rating is the last change recorded for that tier.
    for (const tier of ['inherent', 'current', 'target'] as const) {
      const rating = r.status.ratings[tier];
      const last = r.history.filter((h) => h.tier === tier).at(-1);
      if (rating === undefined) expect(last).toBeUndefined();
      else expect(last?.after, `risk ${r.id} ${tier} rating without history`).toEqual(rating);
    }
    if (r.status.stage === 'controlling') expect(r.measures.length).toBeGreaterThan(0);
    expect(new Set(r.measures.map((m) => m.id)).size).toBe(r.measures.length);
  });
}

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
