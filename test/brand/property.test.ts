import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BrandCommand,
  type BrandEvent,
  type BrandState,
  brandDecider,
  createBrandDecider,
  initialBrandState,
} from '../../src/brand/index.js';
import { allRecords, type Decider, execute, getRecord, type Recorded, replay } from '../../src/core/index.js';
import { ctx, mergedDirectory, ORG, profile } from './_fixture.js';

const brandIds = ['b1', 'b2', 'b3', 'b4'] as const;
const branches = [ORG.branchFood, ORG.branchDrug, ORG.branchOffice] as const;
const days = ['2020-01-06', '2020-03-02', '2020-06-15', '2020-07-01', '2022-07-01', '2024-01-02'] as const;

const command: fc.Arbitrary<BrandCommand> = fc.oneof(
  fc.record({
    type: fc.constant('draft' as const),
    brandId: fc.constantFrom(...brandIds),
    branchId: fc.constantFrom(...branches),
    on: fc.constantFrom(...days),
    profile: fc.constant(profile),
  }),
  fc.record({
    type: fc.constantFrom('declare', 'start-cultivation', 'start-periodic-review') as fc.Arbitrary<
      'declare' | 'start-cultivation' | 'start-periodic-review'
    >,
    brandId: fc.constantFrom(...brandIds),
    on: fc.constantFrom(...days),
  }),
  fc.record({
    type: fc.constant('review' as const),
    brandId: fc.constantFrom(...brandIds),
    on: fc.constantFrom(...days),
    reviewedBy: fc.constant('评审组'),
    outcome: fc.constantFrom('selected' as const, 'not-selected' as const),
  }),
  fc.record({
    type: fc.constant('name' as const),
    brandId: fc.constantFrom(...brandIds),
    on: fc.constantFrom(...days),
    namedBy: fc.constant({ body: '机关党委', level: 'internal' as const }),
    notice: fc.constantFrom(
      { from: '2020-06-16' as const, to: '2020-06-22' as const },
      { from: '2022-06-01' as const, to: '2022-06-07' as const },
    ),
  }),
  fc.record({
    type: fc.constant('conclude-periodic-review' as const),
    brandId: fc.constantFrom(...brandIds),
    on: fc.constantFrom(...days),
    outcome: fc.constantFrom('kept' as const, 'downgraded' as const, 'withdrawn' as const),
  }),
  fc.record({
    type: fc.constant('revoke' as const),
    brandId: fc.constantFrom(...brandIds),
    on: fc.constantFrom(...days),
    reason: fc.constant('撤销'),
  }),
  fc.record({
    type: fc.constant('rename' as const),
    brandId: fc.constantFrom(...brandIds),
    on: fc.constantFrom(...days),
    name: fc.constantFrom({ 'zh-CN': '食安卫士' }, { 'zh-CN': '鼎力维权' }),
    reason: fc.constant('更名'),
  }),
  fc.record({
    type: fc.constant('hand-over' as const),
    brandId: fc.constantFrom(...brandIds),
    on: fc.constantFrom(...days),
    toBranchId: fc.constantFrom(...branches),
  }),
  fc.record({
    type: fc.constant('record-activity' as const),
    activity: fc.record({
      id: fc.constantFrom('a1', 'a2', 'a3'),
      branchId: fc.constantFrom(...branches),
      kind: fc.constant('themed-party-day' as const),
      title: fc.constant('主题党日'),
      on: fc.constantFrom(...days),
    }),
  }),
);

function checkInvariants(state: BrandState): void {
  const active = new Map<string, string[]>();
  for (const b of allRecords(state.brands))
    if (b.stage.status !== 'revoked') active.set(b.branchId, [...(active.get(b.branchId) ?? []), b.id]);
  for (const [branchId, ids] of active) {
    expect(ids, `branch ${branchId} has ${ids.join(', ')}`).toHaveLength(1);
    expect(getRecord(state.activeByBranch, branchId)).toBe(ids[0]);
  }
  for (const b of allRecords(state.brands)) {
    if (b.stage.status === 'revoked') expect(b.history.length).toBeGreaterThan(0);
    const named = b.history.filter((h) => h.step === 'named').length;
    const downgraded = b.history.filter((h) => h.step === 'downgraded').length;
    expect(named).toBeLessThanOrEqual(downgraded + 1);
  }
}

function runAll(decider: Decider<BrandState, BrandCommand, BrandEvent>, commands: readonly BrandCommand[]) {
  let state = initialBrandState;
  const events: Recorded<BrandEvent>[] = [];
  for (const c of commands) {
    const r = execute(decider, state, c, ctx);
    if (!r.ok) continue;
    if (r.value.events.length === 0) expect(r.value.state).toBe(state);
    state = r.value.state;
    events.push(...r.value.events);
    checkInvariants(state);
  }
  return { state, events };
}

describe('property: one branch, one brand', () => {
  for (const [name, decider] of [
    ['without a directory', brandDecider],
    ['with a directory where br-drug merges into br-food', createBrandDecider({ directory: mergedDirectory() })],
  ] as const) {
    it(`random command sequences never give a branch two active brands, and replay equals state (${name})`, () => {
      fc.assert(
        fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
          const { state, events } = runAll(decider, commands);
          expect(replay(decider, events)).toEqual(state);
        }),
        { numRuns: 300 },
      );
    });
  }
});
