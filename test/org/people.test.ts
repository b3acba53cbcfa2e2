import { describe, expect, it } from 'vitest';
import { type Recorded, unwrap } from '../../src/core/index.js';
import {
  departmentsInCharge,
  findMember,
  holdersOf,
  isFullMember,
  leaderInCharge,
  membersOf,
  type OrgEvent,
  officersOf,
  parseDirectory,
  postsOf,
  replayOrg,
} from '../../src/org/index.js';
import { ORG, orgFixture, orgFixtureSnapshot } from '../helpers/org-fixture.js';

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

  it('membersOf leaves out a person whose own record has ended, and lists a person enrolled twice once', () => {
    const snap = orgFixtureSnapshot();
    const m2 = snap.members.find((m) => m.id === 'm-food-2');
    if (!m2) throw new Error('fixture changed');
    // m-food-2's record ends (e.g. transferred out of the directory)
    Object.assign(m2, { validTo: '2025-06-30' });
    // m-food-3 left and rejoined the branch on the same day: two enrolments sharing a day, which the decider
    // and parseDirectory refuse (org/overlapping-interval) but an old log replays
    const meta = { at: '2025-10-16T09:00:00+08:00', actor: 'u-office', schemaVersion: 1 } as const;
    const rejoin: Recorded<OrgEvent>[] = [
      { type: 'party-org-left', memberId: 'm-food-3', partyOrgId: ORG.branchFood, on: '2024-01-02', seq: 1, ...meta },
      {
        type: 'party-org-joined',
        memberId: 'm-food-3',
        partyOrgId: ORG.branchFood,
        from: '2024-01-02',
        seq: 2,
        ...meta,
      },
    ];
    const d = replayOrg(rejoin, unwrap(parseDirectory(snap)));
    expect(findMember(d, 'm-food-3')?.memberships).toEqual([
      { partyOrgId: ORG.branchFood, from: '2019-01-01', to: '2024-01-02' },
      { partyOrgId: ORG.branchFood, from: '2024-01-02' },
    ]);
    const ids = (asOf: '2025-06-30' | '2025-07-01' | '2024-01-02') =>
      membersOf(d, ORG.branchFood, asOf).map((m) => m.id);
    expect(ids('2025-06-30')).toContain('m-food-2');
    expect(ids('2025-07-01')).not.toContain('m-food-2');
    // on the day the two enrolments meet, both are in force: the person is still one member
    expect(ids('2024-01-02').filter((id) => id === 'm-food-3')).toEqual(['m-food-3']);
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
