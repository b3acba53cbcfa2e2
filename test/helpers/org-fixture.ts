import { unwrap } from '../../src/core/index.js';
import type { DirectorySnapshot, Member, OrgDirectory, OrgUnit, PartyOrg } from '../../src/org/index.js';
import { parseDirectory } from '../../src/org/index.js';

/**
 * A small city bureau for tests of any module: 1 municipal bureau with 4 departments and 1
 * institution, 2 county bureaus with 2 stations each, 1 guidance station; a leading group, an organ
 * committee and 3 organ branches built on the departments, a branch in each county; 14 people with
 * secretaries and leaders in charge. Everything valid from 2019-01-01; the 物价检查所 ended 2021-12-31.
 */
export const ORG = {
  asOf: '2025-10-16',
  city: 'city',
  deptFood: 'dept-food',
  deptDrug: 'dept-drug',
  deptOffice: 'dept-office',
  deptConsumer: 'dept-consumer',
  instComplaints: 'inst-complaints',
  countyA: 'county-a',
  countyB: 'county-b',
  stationA1: 'st-a1',
  stationA2: 'st-a2',
  stationB1: 'st-b1',
  stationB2: 'st-b2',
  guidanceA: 'gs-a',
  oldPriceStation: 'st-price',
  leadingGroup: 'lg-city',
  organCommittee: 'oc-city',
  branchFood: 'br-food',
  branchDrug: 'br-drug',
  branchOffice: 'br-office',
  branchCountyA: 'br-county-a',
  branchCountyB: 'br-county-b',
  leaderFood: 'm-wang',
  leaderDrug: 'm-li',
  leaderOffice: 'm-zhao',
  nonMember: 'm-guest',
} as const;

const FROM = '2019-01-01' as const;

function unit(
  id: string,
  kind: OrgUnit['kind'],
  level: OrgUnit['level'],
  zh: string,
  parentId?: string,
  extra: Partial<OrgUnit> = {},
): OrgUnit {
  return {
    id,
    kind,
    level,
    code: `C-${id}`,
    name: { 'zh-CN': zh },
    validFrom: FROM,
    ...(parentId ? { parentId } : {}),
    ...extra,
  };
}

function member(id: string, name: string, partyOrgId: string, unitId: string, full = true): Member {
  return {
    id,
    name,
    unitId,
    party: full
      ? { standing: 'full', joinedOn: '2005-07-01', fullOn: '2006-07-01' }
      : { standing: 'probationary', joinedOn: '2025-07-01' },
    status: 'active',
    memberships: [{ partyOrgId, from: full ? FROM : '2025-07-01' }],
  };
}

/** A snapshot with every collection present (so tests can edit any of them). */
export type FullSnapshot = { [K in keyof DirectorySnapshot]-?: NonNullable<DirectorySnapshot[K]> };

/** A fresh plain snapshot of the fixture (safe to modify in a test). */
export function orgFixtureSnapshot(): FullSnapshot {
  const o = ORG;
  return {
    units: [
      unit(o.city, 'municipal-bureau', 3, '某市市场监督管理局'),
      unit(o.deptFood, 'department', 3, '食品生产监管科', o.city),
      unit(o.deptDrug, 'department', 3, '药品监管科', o.city),
      unit(o.deptOffice, 'department', 3, '办公室', o.city),
      unit(o.deptConsumer, 'department', 3, '网络交易监管科', o.city),
      unit(o.instComplaints, 'institution', 3, '消费者投诉中心', o.city),
      unit(o.countyA, 'county-bureau', 4, '甲县市场监督管理局', o.city),
      unit(o.countyB, 'county-bureau', 4, '乙区市场监督管理局', o.city),
      unit(o.stationA1, 'station', 4, '城关市场监管所', o.countyA),
      unit(o.stationA2, 'station', 4, '东镇市场监管所', o.countyA),
      unit(o.stationB1, 'station', 4, '南街市场监管所', o.countyB),
      unit(o.stationB2, 'station', 4, '西湖市场监管所', o.countyB),
      unit(o.guidanceA, 'guidance-station', 4, '城关党建指导站', o.stationA1),
      unit(o.oldPriceStation, 'station', 4, '物价检查所', o.countyB, { validTo: '2021-12-31' }),
    ],
    partyOrgs: [
      {
        id: o.leadingGroup,
        kind: 'leading-group',
        unitId: o.city,
        covers: [],
        name: { 'zh-CN': '党组' },
        validFrom: FROM,
      },
      {
        id: o.organCommittee,
        kind: 'organ-committee',
        parentId: o.leadingGroup,
        unitId: o.city,
        covers: [],
        name: { 'zh-CN': '机关党委' },
        term: { electedOn: '2021-06-01', years: 5 },
        validFrom: FROM,
      },
      ...(
        [
          [o.branchFood, '机关第一党支部', [o.deptFood]],
          [o.branchDrug, '机关第二党支部', [o.deptDrug]],
          [o.branchOffice, '机关第三党支部', [o.deptOffice, o.deptConsumer, o.instComplaints]],
        ] as const
      ).map(
        ([id, zh, covers]): PartyOrg => ({
          id,
          kind: 'branch' as const,
          parentId: o.organCommittee,
          leadingGroupId: o.leadingGroup,
          unitId: o.city,
          covers,
          name: { 'zh-CN': zh },
          term: { electedOn: '2023-03-01', years: 3 },
          validFrom: FROM,
        }),
      ),
      {
        id: o.branchCountyA,
        kind: 'branch',
        unitId: o.countyA,
        covers: [],
        name: { 'zh-CN': '甲县局机关党支部' },
        validFrom: FROM,
      },
      {
        id: o.branchCountyB,
        kind: 'branch',
        unitId: o.countyB,
        covers: [],
        name: { 'zh-CN': '乙区局机关党支部' },
        validFrom: FROM,
      },
    ],
    members: [
      member(o.leaderFood, '王强', o.branchFood, o.city),
      member('m-food-2', '陈静', o.branchFood, o.deptFood),
      member('m-food-3', '刘洋', o.branchFood, o.deptFood),
      member('m-food-4', '黄磊', o.branchFood, o.deptFood, false),
      member(o.leaderDrug, '李娜', o.branchDrug, o.city),
      member('m-drug-2', '周敏', o.branchDrug, o.deptDrug),
      member('m-drug-3', '吴刚', o.branchDrug, o.deptDrug),
      member(o.leaderOffice, '赵磊', o.branchOffice, o.city),
      member('m-office-2', '孙丽', o.branchOffice, o.deptOffice),
      member('m-office-3', '郑涛', o.branchOffice, o.deptConsumer),
      member('m-ca-1', '钱峰', o.branchCountyA, o.countyA),
      member('m-ca-2', '冯雪', o.branchCountyA, o.countyA),
      member('m-cb-1', '何平', o.branchCountyB, o.countyB),
      {
        id: o.nonMember,
        name: '许可',
        unitId: o.stationB1,
        party: { standing: 'none' },
        status: 'active',
        memberships: [],
      },
    ],
    posts: [
      ...(
        [
          [o.branchFood, o.leaderFood],
          [o.branchDrug, o.leaderDrug],
          [o.branchOffice, o.leaderOffice],
        ] as const
      ).map(([partyOrgId, memberId]) => ({
        id: `post-sec-${partyOrgId}`,
        kind: 'secretary' as const,
        partyOrgId,
        holders: [{ memberId, from: FROM }],
        validFrom: FROM,
      })),
      ...(
        [
          [o.leaderFood, [o.deptFood]],
          [o.leaderDrug, [o.deptDrug]],
          [o.leaderOffice, [o.deptOffice, o.deptConsumer, o.instComplaints]],
        ] as const
      ).map(([memberId, inCharge]) => ({
        id: `post-lic-${memberId}`,
        kind: 'leader-in-charge' as const,
        unitId: o.city,
        inCharge,
        holders: [{ memberId, from: FROM }],
        validFrom: FROM,
      })),
    ],
    restructurings: [],
    pairings: [],
    marketEntities: [],
    liaisons: [],
    grids: [],
  };
}

/** The fixture as a parsed, frozen directory. */
export function orgFixture(): OrgDirectory {
  return unwrap(parseDirectory(orgFixtureSnapshot()));
}

/** The fixture snapshot with `edit` applied, parsed (the result, refused or not). */
export function parseFixtureWith(edit: (s: FullSnapshot) => void): ReturnType<typeof parseDirectory> {
  const s = orgFixtureSnapshot();
  edit(s);
  return parseDirectory(s);
}
