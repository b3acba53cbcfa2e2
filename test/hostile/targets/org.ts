import { fixedContext } from '../../../src/core/index.js';
import { orgDecider, parseDirectory } from '../../../src/org/index.js';
import { deepFreeze } from '../../helpers/freeze.js';
import { ORG, orgFixture, orgFixtureSnapshot } from '../../helpers/org-fixture.js';
import { command, type HostileTarget } from './_lib.js';

const orgCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });
const orgDir = deepFreeze(orgFixture());

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
];
