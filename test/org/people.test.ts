import { describe, expect, it } from 'vitest';
import {
  departmentsInCharge,
  findMember,
  holdersOf,
  isFullMember,
  leaderInCharge,
  membersOf,
  officersOf,
  postsOf,
} from '../../src/org/index.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

const dir = orgFixture();

describe('people queries', () => {
  it('membersOf respects membership intervals', () => {
    expect(membersOf(dir, ORG.branchFood, ORG.asOf).map((m) => m.id)).toEqual([
      'm-food-2',
      'm-food-3',
      'm-food-4',
      'm-wang',
    ]);
    expect(membersOf(dir, ORG.branchFood, '2025-06-30').map((m) => m.id)).toEqual(['m-food-2', 'm-food-3', 'm-wang']);
    expect(membersOf(dir, 'ghost', ORG.asOf)).toEqual([]);
  });

  it('isFullMember follows the standing and its date', () => {
    const p = findMember(dir, 'm-food-4');
    expect(p && isFullMember(p, ORG.asOf)).toBe(false);
    const w = findMember(dir, ORG.leaderFood);
    expect(w && isFullMember(w, ORG.asOf)).toBe(true);
    expect(w && isFullMember(w, '2006-06-30')).toBe(false);
  });

  it('postsOf, holdersOf, officersOf, leaderInCharge and departmentsInCharge', () => {
    expect(postsOf(dir, ORG.leaderOffice, ORG.asOf).map((p) => p.kind)).toEqual(['leader-in-charge', 'secretary']);
    expect(postsOf(dir, ORG.leaderOffice, '2018-01-01')).toEqual([]);
    expect(holdersOf(dir, `post-sec-${ORG.branchDrug}`, ORG.asOf).map((m) => m.id)).toEqual([ORG.leaderDrug]);
    expect(officersOf(dir, ORG.branchOffice, 'secretary', ORG.asOf).map((m) => m.name)).toEqual(['赵磊']);
    expect(leaderInCharge(dir, ORG.instComplaints, ORG.asOf)?.id).toBe(ORG.leaderOffice);
    expect(leaderInCharge(dir, ORG.stationA1, ORG.asOf)).toBe(undefined);
    expect(departmentsInCharge(dir, ORG.leaderOffice, ORG.asOf)).toEqual([
      ORG.deptConsumer,
      ORG.deptOffice,
      ORG.instComplaints,
    ]);
  });
});
