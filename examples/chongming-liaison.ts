/**
 * Chongming district bureau, Shanghai (seed 001): small-business (小个专) party building with 24
 * guidance stations covering every branch, the "1+24+N" service system, contact points, and "1+N"
 * supervision — one party member liaising with several market entities. Counts of stations,
 * members and entities per station are illustrative; the 24 and the structure come from the seed.
 * Run with `npx tsx examples/chongming-liaison.ts`.
 */
import { type IsoDate, unwrap } from 'shijian/core';
import {
  checkDirectory,
  coverage,
  type DirectorySnapshot,
  findMember,
  findUnit,
  liaisonLoad,
  parseDirectory,
  unitsOfKind,
} from 'shijian/org';
import { isMain, table } from './_print.js';

/** Every collection of a snapshot, present. */
type Lists = { [K in keyof DirectorySnapshot]-?: NonNullable<DirectorySnapshot[K]> };
const FROM = '2020-01-01' as IsoDate;
const AS_OF = '2021-06-30' as IsoDate;
const TOWNS = [
  '城桥',
  '堡镇',
  '新河',
  '庙镇',
  '竖新',
  '向化',
  '三星',
  '港沿',
  '中兴',
  '陈家',
  '绿华',
  '港西',
  '建设',
  '新海',
  '东平',
  '长兴',
  '新村',
  '横沙',
];

function snapshot(): Lists {
  const s: Lists = {
    units: [
      {
        id: 'cm',
        kind: 'county-bureau',
        level: 4,
        code: 'CM-AMR',
        name: { 'zh-CN': '崇明区市场监督管理局' },
        validFrom: FROM,
      },
    ],
    partyOrgs: [
      {
        id: 'cm-lg',
        kind: 'leading-group',
        unitId: 'cm',
        covers: [],
        name: { 'zh-CN': '中共崇明区市场监督管理局党组' },
        validFrom: FROM,
      },
    ],
    members: [],
    posts: [],
    restructurings: [],
    pairings: [],
    marketEntities: [],
    liaisons: [],
    grids: [],
  };
  TOWNS.forEach((town, i) => {
    s.units.push({
      id: `cm-st-${i + 1}`,
      kind: 'station',
      level: 4,
      parentId: 'cm',
      code: `CM-ST-${i + 1}`,
      name: { 'zh-CN': `${town}市场监管所` },
      validFrom: FROM,
    });
  });
  // 24 guidance stations: one per station, plus extra ones in the six largest towns' markets and parks.
  for (let g = 1; g <= 24; g++) {
    const st = ((g - 1) % TOWNS.length) + 1;
    s.units.push({
      id: `cm-gs-${g}`,
      kind: 'guidance-station',
      level: 4,
      parentId: `cm-st-${st}`,
      code: `CM-GS-${g}`,
      name: { 'zh-CN': `${TOWNS[st - 1]}“小个专”党建指导站${g > TOWNS.length ? '（二）' : ''}` },
      validFrom: FROM,
    });
  }
  s.units.push({
    id: 'cm-cp-homestay',
    kind: 'contact-point',
    level: 4,
    parentId: 'cm-gs-1',
    code: 'CM-CP-1',
    name: { 'zh-CN': '民宿消费纠纷调解室（四星级维权联系点）' },
    validFrom: FROM,
  });
  // N: 1+N liaison — each station's party members liaise with the small businesses of its area.
  let e = 0;
  TOWNS.forEach((_, i) => {
    const st = `cm-st-${i + 1}`;
    const branch = `cm-br-${i + 1}`;
    s.partyOrgs.push({
      id: branch,
      kind: 'branch',
      leadingGroupId: 'cm-lg',
      unitId: st,
      covers: [],
      name: { 'zh-CN': `${TOWNS[i]}所党支部` },
      validFrom: FROM,
    });
    for (let k = 1; k <= 3; k++) {
      const memberId = `cm-m-${i + 1}-${k}`;
      s.members.push({
        id: memberId,
        name: `${TOWNS[i]}所党员${k}`,
        unitId: st,
        party: { standing: 'full', joinedOn: '2010-07-01', fullOn: '2011-07-01' },
        status: 'active',
        memberships: [{ partyOrgId: branch, from: FROM }],
      });
      const n = 3 + ((i + k) % 6);
      const ids: string[] = [];
      for (let j = 0; j < n; j++) {
        e++;
        const kind = j % 3 === 0 ? 'small-micro' : j % 3 === 1 ? 'individual' : 'specialized-market';
        s.marketEntities.push({
          id: `cm-e-${e}`,
          kind,
          name: { 'zh-CN': `${TOWNS[i]}经营主体${e}` },
          unitId: st,
          validFrom: FROM,
        });
        ids.push(`cm-e-${e}`);
      }
      s.liaisons.push({ id: `cm-l-${i + 1}-${k}`, memberId, entityIds: ids, validFrom: FROM });
    }
  });
  return s;
}

export function main(): void {
  const dir = unwrap(parseDirectory(snapshot()));

  console.log('\n## 崇明区市场监管局 · “1+24+N” 服务体系');
  const rows = coverage(dir, AS_OF);
  const top = rows[0];
  table([
    { 项目: '1 · 局党组', 数量: 1 },
    { 项目: '24 · “小个专”党建指导站', 数量: top?.guidanceStations ?? 0 },
    { 项目: 'N · 党建联系点', 数量: top?.contactPoints ?? 0 },
    { 项目: '所党支部', 数量: top?.branches ?? 0 },
    { 项目: '市场主体（小个专）', 数量: top?.marketEntities ?? 0 },
    { 项目: '已有党员联系的市场主体', 数量: top?.liaisedEntities ?? 0 },
  ]);

  console.log('\n## 各所覆盖情况 (coverage)');
  table(
    rows.slice(1, 8).map((r) => ({
      单位: r.name,
      党支部: r.branches,
      指导站: r.guidanceStations,
      联系点: r.contactPoints,
      市场主体: r.marketEntities,
      已联系: r.liaisedEntities,
      联系党员: r.liaisonMembers,
    })),
  );
  console.log(
    `  …… 共 ${unitsOfKind(dir, 'station', AS_OF).length} 个所、${unitsOfKind(dir, 'guidance-station', AS_OF).length} 个指导站`,
  );

  console.log('\n## “1+N” 联系负荷 (liaisonLoad, 前 5 名)');
  table(
    liaisonLoad(dir, AS_OF)
      .slice(0, 5)
      .map((r) => ({
        党员: r.name,
        所属单位: findUnit(dir, findMember(dir, r.memberId)?.unitId ?? '')?.name['zh-CN'] ?? '',
        联系主体数: r.entities,
      })),
  );

  const findings = checkDirectory(dir, AS_OF, { requireGuidanceCoverage: true, liaisonLimit: 7 });
  console.log(`\n## 规则检查：指导站全覆盖、每名党员联系不超过 7 户 (${findings.length} 条提示)`);
  table(findings.slice(0, 6).map((f) => ({ 级别: f.severity, 代码: f.code, 说明: f.message['zh-CN'] })));
}

if (isMain(import.meta.url)) main();
