import { describe, expect, it } from 'vitest';
import { allRecords, getRecord, putRecord, unwrap } from '../../src/core/index.js';
import { checkDirectory, type OrgDirectory, type OrgUnit, parseDirectory } from '../../src/org/index.js';
import { type FullSnapshot, ORG, orgFixture, orgFixtureSnapshot } from '../helpers/org-fixture.js';

function dirWith(edit: (s: FullSnapshot) => void): OrgDirectory {
  const s = orgFixtureSnapshot();
  edit(s);
  return unwrap(parseDirectory(s));
}
const codes = (dir: OrgDirectory, asOf = ORG.asOf, options = {}) =>
  checkDirectory(dir, asOf, options).map((f) => `${f.severity} ${f.code} ${f.ids.join(',')}`);

describe('checkDirectory', () => {
  it('finds only the expected advisories in the fixture', () => {
    expect(codes(orgFixture())).toEqual(
      ['warning org/branch-too-small br-county-a,', 'warning org/branch-too-small br-county-b,'].map((s) =>
        s.replace(',', ''),
      ),
    );
  });

  it('org/branch-too-small counts full members only, as of the day', () => {
    const f = checkDirectory(orgFixture(), ORG.asOf).find((x) => x.ids[0] === ORG.branchCountyA);
    expect(f).toMatchObject({
      code: 'org/branch-too-small',
      path: ['partyOrgs', ORG.branchCountyA],
      details: { full: 2 },
    });
  });

  it('org/term-expired with the due date once the term has run out', () => {
    const f = checkDirectory(orgFixture(), '2026-03-02').filter((x) => x.code === 'org/term-expired');
    expect(f.map((x) => [x.ids[0], x.details?.dueOn])).toEqual(
      expect.arrayContaining([[ORG.branchFood, '2026-03-01']]),
    );
    expect(checkDirectory(orgFixture(), '2026-03-01').some((x) => x.code === 'org/term-expired')).toBe(false);
  });

  it('org/committee-required for 7+ full members without three committee posts held', () => {
    const dir = dirWith((s) => {
      for (let i = 0; i < 5; i++)
        s.members.push({
          id: `m-x-${i}`,
          name: `新党员${i}`,
          party: { standing: 'full', joinedOn: '2010-01-01', fullOn: '2011-01-01' },
          status: 'active',
          memberships: [{ partyOrgId: ORG.branchDrug, from: '2020-01-01' }],
        });
    });
    const f = checkDirectory(dir, ORG.asOf).find((x) => x.code === 'org/committee-required');
    expect(f).toMatchObject({ path: ['partyOrgs', ORG.branchDrug], details: { full: 8 } });
  });

  it('org/branch-too-large above the configured limit', () => {
    expect(codes(orgFixture(), ORG.asOf, { maxBranchMembers: 3 })).toContain('warning org/branch-too-large br-food');
  });

  it('org/secretary-not-in-charge when the secretary does not lead the covered departments (一岗双责)', () => {
    const dir = dirWith((s) => {
      const lic = s.posts.find((p) => p.id === `post-lic-${ORG.leaderOffice}`);
      if (lic && lic.kind === 'leader-in-charge') lic.inCharge = [ORG.deptOffice];
    });
    const f = checkDirectory(dir, ORG.asOf).find((x) => x.code === 'org/secretary-not-in-charge');
    expect(f?.details).toMatchObject({
      memberId: ORG.leaderOffice,
      departmentIds: [ORG.deptConsumer, ORG.instComplaints],
    });
  });

  it('org/department-uncovered and org/department-double-covered', () => {
    const dir = dirWith((s) => {
      const office = s.partyOrgs.find((p) => p.id === ORG.branchOffice);
      if (office) office.covers = [ORG.deptOffice, ORG.instComplaints, ORG.deptFood];
    });
    expect(codes(dir)).toEqual(
      expect.arrayContaining([
        'warning org/department-uncovered dept-consumer',
        'warning org/department-double-covered dept-food,br-food,br-office',
      ]),
    );
  });

  it('org/station-without-guidance only when the host requires full coverage', () => {
    expect(codes(orgFixture()).some((c) => c.includes('station-without-guidance'))).toBe(false);
    expect(
      codes(orgFixture(), ORG.asOf, { requireGuidanceCoverage: true }).filter((c) =>
        c.includes('station-without-guidance'),
      ),
    ).toEqual([
      'warning org/station-without-guidance st-a2',
      'warning org/station-without-guidance st-b1',
      'warning org/station-without-guidance st-b2',
    ]);
  });

  it('org/liaison-over-limit above the host limit', () => {
    const dir = dirWith((s) => {
      for (let i = 0; i < 4; i++)
        s.marketEntities.push({
          id: `e${i}`,
          kind: 'individual',
          name: { 'zh-CN': `商户${i}` },
          unitId: ORG.stationA1,
          validFrom: '2020-01-01',
        });
      s.liaisons.push({ id: 'l1', memberId: 'm-ca-1', entityIds: ['e0', 'e1', 'e2', 'e3'], validFrom: '2020-01-01' });
    });
    expect(codes(dir, ORG.asOf, { liaisonLimit: 3 })).toContain('warning org/liaison-over-limit m-ca-1');
    expect(codes(dir, ORG.asOf, { liaisonLimit: 4 }).some((c) => c.includes('liaison-over-limit'))).toBe(false);
  });

  it('gives structural errors paths into the id-ordered lists, in that order, however the table stores them', () => {
    // checkDirectory first asks, without sorting, whether there is any error; the paths come from the sorted pass
    const broken = structuredClone(orgFixture()) as OrgDirectory;
    const station = getRecord(broken.units, ORG.stationA1) as OrgUnit;
    // stored in this order, sorted the other way round
    putRecord(broken.units, 'zz-bad', { ...station, id: 'zz-bad', code: 'C-zz', parentId: 'ghost' });
    putRecord(broken.units, 'aa-bad', { ...station, id: 'aa-bad', code: 'C-zz', validTo: '2000-01-01' });
    const ids = allRecords(broken.units).map((u) => u.id);
    const f = checkDirectory(broken, ORG.asOf).filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.code, x.path, x.ids])).toEqual([
      ['org/duplicate-code', ['units', ids.indexOf('zz-bad'), 'code'], ['zz-bad']],
      ['core/dates-out-of-order', ['units', ids.indexOf('aa-bad'), 'validTo'], ['aa-bad']],
      ['org/unknown-unit', ['units', ids.indexOf('zz-bad'), 'parentId'], ['zz-bad']],
    ]);
  });

  it('reports structural errors of a state as severity error', () => {
    // Only a hand-built state can be structurally broken: the decider and parseDirectory refuse such records.
    const broken = structuredClone(orgFixture()) as OrgDirectory;
    const station = getRecord(broken.units, ORG.stationA1);
    putRecord(broken.units, 'bad', { ...(station as OrgUnit), id: 'bad', code: 'C-bad', parentId: 'ghost' });
    const f = checkDirectory(broken, ORG.asOf).filter((x) => x.severity === 'error');
    expect(f.map((x) => [x.code, x.ids])).toEqual([['org/unknown-unit', ['bad']]]);
  });
});
