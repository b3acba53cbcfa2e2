import { execute, fixedContext, unwrap } from '../../../src/core/index.js';
import { type OrgCommand, type OrgDirectory, orgDecider, parseDirectory } from '../../../src/org/index.js';
import { deepFreeze } from '../../helpers/freeze.js';
import { ORG, orgFixture, orgFixtureSnapshot } from '../../helpers/org-fixture.js';
import { command, type HostileTarget } from './_lib.js';

const orgCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });
const orgDir = deepFreeze(orgFixture());

/** Runs commands in order from a state; the result is deep-frozen. */
function orgAfter(from: OrgDirectory, commands: readonly OrgCommand[]): OrgDirectory {
  let state = from;
  for (const c of commands) state = unwrap(execute(orgDecider, state, c, orgCtx)).state;
  return deepFreeze(state);
}

/** A grid cell of the 城关所 worked by two members. */
const gridA1 = {
  id: 'grid-a1-01',
  code: 'G-st-a1-01',
  name: { 'zh-CN': '城关第一网格', en: 'Chengguan grid 1' },
  unitId: ORG.stationA1,
  memberIds: ['m-ca-1', 'm-ca-2'],
  validFrom: '2025-01-01',
} as const;

/** The fixture plus what the liaison and pairing commands need: a grid, a market entity, a liaison, a pairing, a deputy post. */
const orgLinked = orgAfter(orgDir, [
  { type: 'add-grid', record: gridA1 },
  {
    type: 'add-market-entity',
    record: {
      id: 'me-a1-noodle',
      kind: 'individual',
      name: { 'zh-CN': '城关老张面馆' },
      unitId: ORG.stationA1,
      gridId: gridA1.id,
      validFrom: '2025-01-01',
    },
  },
  {
    type: 'add-liaison',
    record: { id: 'li-ca-1', memberId: 'm-ca-1', entityIds: ['me-a1-noodle'], validFrom: '2025-02-01' },
  },
  {
    type: 'add-pairing',
    record: {
      id: 'pair-wang-a1',
      kind: 'baobao',
      lead: { kind: 'member', id: ORG.leaderFood },
      partner: { kind: 'unit', id: ORG.stationA1 },
      validFrom: '2025-01-01',
    },
  },
  {
    type: 'add-post',
    record: {
      id: 'post-dep-br-food',
      kind: 'deputy-secretary',
      partyOrgId: ORG.branchFood,
      holders: [],
      validFrom: '2025-01-01',
    },
  },
]);

/** A slice of the org fixture (city, one department, one county and station, three party organizations). */
function smallOrgSnapshot() {
  const snap = orgFixtureSnapshot();
  const units = new Set<string>([ORG.city, ORG.deptFood, ORG.countyA, ORG.stationA1]);
  const orgs = new Set<string>([ORG.leadingGroup, ORG.organCommittee, ORG.branchFood]);
  const members = snap.members.filter(
    (m) => units.has(m.unitId ?? '') && m.memberships.every((ms) => orgs.has(ms.partyOrgId)),
  );
  const memberIds = new Set(members.map((m) => m.id));
  return {
    units: snap.units.filter((u) => units.has(u.id)),
    partyOrgs: snap.partyOrgs.filter((o) => orgs.has(o.id)),
    members: members.slice(0, 3),
    posts: snap.posts
      .filter((p) =>
        memberIds.has(String((p as unknown as { holders?: { memberId: string }[] }).holders?.[0]?.memberId)),
      )
      .slice(0, 2),
  };
}

export const orgTargets: readonly HostileTarget[] = [
  { label: 'org parseDirectory', sample: smallOrgSnapshot(), run: (input) => parseDirectory(input) },
  command(
    'org add-unit',
    orgDecider,
    orgDir,
    {
      type: 'add-unit',
      record: {
        id: 'st-a3',
        kind: 'station',
        level: 4,
        code: 'C-st-a3',
        name: { 'zh-CN': '新城市场监管所' },
        parentId: ORG.countyA,
        validFrom: '2025-01-01',
      },
    },
    orgCtx,
  ),
  command('org end-unit', orgDecider, orgDir, { type: 'end-unit', id: ORG.stationA2, on: '2025-06-30' }, orgCtx),
  command(
    'org join-party-org',
    orgDecider,
    orgDir,
    { type: 'join-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchDrug, from: '2025-03-01' },
    orgCtx,
  ),
  command(
    'org record-election',
    orgDecider,
    orgDir,
    { type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01', years: 3 },
    orgCtx,
  ),
  command(
    'org restructure',
    orgDecider,
    orgDir,
    {
      type: 'restructure',
      restructuring: {
        id: 'rs-ab',
        kind: 'merge',
        subject: 'unit',
        effectiveOn: '2025-07-01',
        originalIds: [ORG.stationA1, ORG.stationA2],
        resultingIds: [ORG.stationA1],
      },
    },
    orgCtx,
  ),
  command(
    'org add-party-org',
    orgDecider,
    orgDir,
    {
      type: 'add-party-org',
      record: {
        id: 'br-consumer',
        kind: 'branch',
        parentId: ORG.organCommittee,
        leadingGroupId: ORG.leadingGroup,
        unitId: ORG.city,
        covers: [ORG.deptConsumer, ORG.instComplaints],
        name: { 'zh-CN': '机关第四党支部', en: 'Fourth organ branch' },
        term: { electedOn: '2025-03-01', years: 3 },
        validFrom: '2025-03-01',
        validTo: '2028-02-29',
      },
    },
    orgCtx,
  ),
  command(
    'org add-member',
    orgDecider,
    orgDir,
    {
      type: 'add-member',
      record: {
        id: 'm-food-5',
        name: '马超',
        unitId: ORG.deptFood,
        party: { standing: 'full', joinedOn: '2018-07-01', fullOn: '2019-07-01' },
        status: 'active',
        memberships: [
          { partyOrgId: ORG.branchCountyA, from: '2019-07-01', to: '2025-02-28' },
          { partyOrgId: ORG.branchFood, from: '2025-03-01' },
        ],
        validFrom: '2019-07-01',
        validTo: '2035-06-30',
      },
    },
    orgCtx,
  ),
  command(
    'org add-post',
    orgDecider,
    orgDir,
    {
      type: 'add-post',
      record: {
        id: 'post-guide-br-food',
        kind: 'guide',
        partyOrgId: ORG.organCommittee,
        forPartyOrgId: ORG.branchFood,
        name: { 'zh-CN': '机关党委指导员（第一党支部）', en: 'Guide for the first branch' },
        holders: [
          { memberId: 'm-office-2', from: '2023-01-01', to: '2024-12-31' },
          { memberId: ORG.leaderOffice, from: '2025-01-01' },
        ],
        validFrom: '2023-01-01',
        validTo: '2027-12-31',
      },
    },
    orgCtx,
  ),
  command(
    'org add-pairing',
    orgDecider,
    orgDir,
    {
      type: 'add-pairing',
      record: {
        id: 'pair-drug-b1',
        kind: 'baobao',
        lead: { kind: 'unit', id: ORG.deptDrug },
        partner: { kind: 'unit', id: ORG.stationB1 },
        validFrom: '2025-01-01',
        validTo: '2025-12-31',
      },
    },
    orgCtx,
  ),
  command(
    'org add-market-entity',
    orgDecider,
    orgLinked,
    {
      type: 'add-market-entity',
      record: {
        id: 'me-a1-market',
        kind: 'specialized-market',
        name: { 'zh-CN': '城关农贸市场', en: 'Chengguan farmers market' },
        unitId: ORG.stationA1,
        gridId: gridA1.id,
        validFrom: '2025-04-01',
        validTo: '2030-03-31',
      },
    },
    orgCtx,
  ),
  command(
    'org add-liaison',
    orgDecider,
    orgLinked,
    {
      type: 'add-liaison',
      record: {
        id: 'li-ca-2',
        memberId: 'm-ca-2',
        entityIds: ['me-a1-noodle'],
        validFrom: '2025-05-01',
        validTo: '2026-04-30',
      },
    },
    orgCtx,
  ),
  command(
    'org add-grid',
    orgDecider,
    orgDir,
    { type: 'add-grid', record: { ...gridA1, validTo: '2027-12-31' } },
    orgCtx,
  ),
  command(
    'org end-party-org',
    orgDecider,
    orgDir,
    { type: 'end-party-org', id: ORG.branchFood, on: '2025-09-30' },
    orgCtx,
  ),
  command('org end-member', orgDecider, orgDir, { type: 'end-member', id: 'm-food-3', on: '2025-06-30' }, orgCtx),
  command(
    'org end-post',
    orgDecider,
    orgDir,
    { type: 'end-post', id: `post-lic-${ORG.leaderDrug}`, on: '2025-06-30' },
    orgCtx,
  ),
  command(
    'org end-pairing',
    orgDecider,
    orgLinked,
    { type: 'end-pairing', id: 'pair-wang-a1', on: '2025-12-31' },
    orgCtx,
  ),
  command(
    'org end-market-entity',
    orgDecider,
    orgLinked,
    { type: 'end-market-entity', id: 'me-a1-noodle', on: '2025-09-30' },
    orgCtx,
  ),
  command('org end-liaison', orgDecider, orgLinked, { type: 'end-liaison', id: 'li-ca-1', on: '2025-09-30' }, orgCtx),
  command('org end-grid', orgDecider, orgLinked, { type: 'end-grid', id: gridA1.id, on: '2025-12-31' }, orgCtx),
  command(
    'org move-unit',
    orgDecider,
    orgDir,
    { type: 'move-unit', id: ORG.stationA2, parentId: ORG.countyB, on: '2025-07-01' },
    orgCtx,
  ),
  command(
    'org move-party-org',
    orgDecider,
    orgDir,
    { type: 'move-party-org', id: ORG.branchFood, parentId: ORG.leadingGroup, on: '2025-07-01' },
    orgCtx,
  ),
  command(
    'org leave-party-org',
    orgDecider,
    orgDir,
    { type: 'leave-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchFood, on: '2025-06-30' },
    orgCtx,
  ),
  command(
    'org change-standing',
    orgDecider,
    orgDir,
    {
      type: 'change-standing',
      memberId: ORG.nonMember,
      party: { standing: 'full', joinedOn: '2024-07-01', fullOn: '2025-07-01' },
    },
    orgCtx,
  ),
  command(
    'org assign-post',
    orgDecider,
    orgLinked,
    { type: 'assign-post', postId: 'post-dep-br-food', memberId: 'm-food-2', from: '2025-03-01' },
    orgCtx,
  ),
  command(
    'org vacate-post',
    orgDecider,
    orgDir,
    { type: 'vacate-post', postId: `post-sec-${ORG.branchFood}`, memberId: ORG.leaderFood, on: '2025-06-30' },
    orgCtx,
  ),
];
