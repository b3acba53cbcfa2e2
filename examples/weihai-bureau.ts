/**
 * The Weihai municipal market-supervision bureau (seed 000): formed from six agencies, 15 organ
 * branches built on the business chain with each branch secretary the leader in charge (一岗双责),
 * the departments behind the named branches, and the 知识产权事业发展中心 branch's joint building with
 * 4 outside IP organizations' branches. Dates and people's names are illustrative; the structure and
 * figures come from the seed. Run with `npx tsx examples/weihai-bureau.ts`.
 */
import { allRecords, execute, fixedContext, type IsoDate, label, unwrap } from 'shijian/core';
import {
  branchOf,
  checkDirectory,
  type DirectorySnapshot,
  findUnit,
  leaderInCharge,
  lineage,
  membersOf,
  type OrgCommand,
  type OrgDirectory,
  type OrgUnit,
  officersOf,
  orgDecider,
  parseDirectory,
  successorOf,
  unitKindLabels,
} from 'shijian/org';
import { isMain, table } from './_print.js';

const FORMED = '2019-01-16' as IsoDate; // illustrative: the bureau's founding day
const AS_OF = '2020-10-16' as IsoDate;

const AGENCIES = [
  ['wh-aic', '威海市工商行政管理局'],
  ['wh-qts', '威海市质量技术监督局'],
  ['wh-fda', '威海市食品药品监督管理局'],
  ['wh-price', '威海市价格监督检查局'],
  ['wh-ipo', '威海市知识产权局'],
  ['wh-salt', '威海市盐务局'],
] as const;

/** The 15 organ branches: number, brand (where the seed names one), the departments of that leader's area. */
export const BRANCHES: readonly (readonly [number, string, readonly (readonly [string, string, OrgUnit['kind']])[]])[] =
  [
    [
      1,
      '创先争优',
      [
        ['office', '办公室', 'department'],
        ['planning', '综合规划科', 'department'],
        ['press', '新闻宣传科', 'department'],
      ],
    ],
    [
      2,
      '食安卫士',
      [
        ['food-prod', '食品生产监管科', 'department'],
        ['food-circ', '食品流通监管科', 'department'],
        ['catering', '餐饮服务监管科', 'department'],
      ],
    ],
    [
      3,
      '',
      [
        ['registration', '登记注册科', 'department'],
        ['credit', '信用监管科', 'department'],
      ],
    ],
    [
      4,
      '',
      [
        ['personnel', '人事科', 'department'],
        ['finance', '财务科', 'department'],
      ],
    ],
    [
      5,
      '',
      [
        ['quality', '质量发展科', 'department'],
        ['product', '产品质量监督科', 'department'],
      ],
    ],
    [
      6,
      '',
      [
        ['standards', '标准化科', 'department'],
        ['metrology', '计量科', 'department'],
      ],
    ],
    [7, '', [['equipment', '特种设备安全监察科', 'department']]],
    [
      8,
      '',
      [
        ['price', '价格监督检查科', 'department'],
        ['ads', '广告监管科', 'department'],
      ],
    ],
    [
      9,
      '',
      [
        ['law', '法规科', 'department'],
        ['enforcement', '执法稽查科', 'department'],
      ],
    ],
    [
      10,
      '鼎力维权',
      [
        ['mlm', '规直打传科', 'department'],
        ['online', '网监科', 'department'],
        ['complaints', '消费者投诉中心', 'institution'],
      ],
    ],
    [11, '', [['ip-protect', '知识产权保护科', 'department']]],
    [
      12,
      '',
      [
        ['certification', '认证认可科', 'department'],
        ['salt', '盐业监管科', 'department'],
      ],
    ],
    [13, '', [['inspection-center', '检验检测中心', 'institution']]],
    [
      14,
      '遥遥领先',
      [
        ['drug', '药品监管科', 'department'],
        ['device', '医疗器械监管科', 'department'],
      ],
    ],
    [15, '', [['ip-center', '知识产权事业发展中心', 'institution']]],
  ];

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

function snapshot(): DirectorySnapshot {
  const units: OrgUnit[] = AGENCIES.map(([id, zh], i) => ({
    id,
    kind: 'municipal-bureau',
    level: 3,
    code: `WH-OLD-${i + 1}`,
    name: { 'zh-CN': zh },
    validFrom: '2010-01-01',
  }));
  return { units };
}

/**
 * Weihai's directory as the bureau built it: the merger, the departments, the 党组 and organ committee, the 15
 * branches with their members and posts, and the IP center branch's joint building. The brand example uses it too,
 * so both tell the story on one directory.
 */
export function weihaiDirectory(): OrgDirectory {
  const ctx = fixedContext({ now: '2019-01-16T09:00:00+08:00', actor: 'wh-office' });
  let dir = unwrap(parseDirectory(snapshot()));

  // 1. 机构改革: six agencies → one bureau. Nothing is deleted; each agency ends the day before.
  dir = unwrap(
    execute(
      orgDecider,
      dir,
      {
        type: 'restructure',
        restructuring: {
          id: 'wh-2019-merger',
          kind: 'merge',
          subject: 'unit',
          effectiveOn: FORMED,
          originalIds: AGENCIES.map(([id]) => id),
          resultingIds: ['wh'],
          note: '工商、质监、食药监三个大局与价监、知识产权、盐务三个小局整合组建',
        },
        newUnits: [
          {
            id: 'wh',
            kind: 'municipal-bureau',
            level: 3,
            code: 'WH-AMR',
            name: { 'zh-CN': '威海市市场监督管理局', en: 'Weihai Administration for Market Regulation' },
            validFrom: FORMED,
          },
        ],
      },
      ctx,
    ),
  ).state;

  // 2. Departments, the 党组 and the organ committee, 15 branches, leaders in charge, members.
  const run = (c: OrgCommand) => {
    dir = unwrap(execute(orgDecider, dir, c, ctx)).state;
  };
  for (const [, , depts] of BRANCHES)
    for (const [key, zh, kind] of depts)
      run({
        type: 'add-unit',
        record: {
          id: `wh-d-${key}`,
          kind,
          level: 3,
          parentId: 'wh',
          code: `WH-${key}`,
          name: { 'zh-CN': zh },
          validFrom: FORMED,
        },
      });
  run({
    type: 'add-party-org',
    record: {
      id: 'wh-lg',
      kind: 'leading-group',
      unitId: 'wh',
      covers: [],
      name: { 'zh-CN': '中共威海市市场监督管理局党组' },
      validFrom: FORMED,
    },
  });
  run({
    type: 'add-party-org',
    record: {
      id: 'wh-oc',
      kind: 'organ-committee',
      parentId: 'wh-lg',
      unitId: 'wh',
      covers: [],
      name: { 'zh-CN': '机关党委' },
      term: { electedOn: FORMED, years: 5 },
      validFrom: FORMED,
    },
  });
  for (const [n, , depts] of BRANCHES) {
    const branchId = `wh-b${n}`;
    const leaderId = `wh-leader-${n}`;
    run({
      type: 'add-party-org',
      record: {
        id: branchId,
        kind: 'branch',
        parentId: 'wh-oc',
        leadingGroupId: 'wh-lg',
        unitId: 'wh',
        covers: depts.map(([key]) => `wh-d-${key}`),
        name: { 'zh-CN': `机关第${CN[n]}党支部` },
        term: { electedOn: '2019-03-01', years: 3 },
        validFrom: FORMED,
      },
    });
    const people = [leaderId, ...depts.map(([key]) => `wh-chief-${key}`), `wh-m-${n}-a`, `wh-m-${n}-b`];
    people.forEach((id, i) => {
      run({
        type: 'add-member',
        record: {
          id,
          name:
            i === 0
              ? `分管领导${CN[n]}`
              : i <= depts.length
                ? `${depts[i - 1]?.[1]}科长`
                : `第${CN[n]}支部党员${i - depts.length}`,
          unitId: i === 0 ? 'wh' : `wh-d-${depts[Math.min(i, depts.length) - 1]?.[0]}`,
          party: { standing: 'full', joinedOn: '2000-07-01', fullOn: '2001-07-01' },
          status: 'active',
          memberships: [{ partyOrgId: branchId, from: FORMED }],
        },
      });
    });
    // 一岗双责: the leader in charge of the area is the branch secretary; section chiefs sit on the committee.
    run({
      type: 'add-post',
      record: {
        id: `wh-lic-${n}`,
        kind: 'leader-in-charge',
        unitId: 'wh',
        inCharge: depts.map(([key]) => `wh-d-${key}`),
        holders: [{ memberId: leaderId, from: FORMED }],
        validFrom: FORMED,
      },
    });
    run({
      type: 'add-post',
      record: {
        id: `wh-sec-${n}`,
        kind: 'secretary',
        partyOrgId: branchId,
        holders: [{ memberId: leaderId, from: FORMED }],
        validFrom: FORMED,
      },
    });
    run({
      type: 'add-post',
      record: {
        id: `wh-cm-${n}`,
        kind: 'committee-member',
        partyOrgId: branchId,
        holders: depts.map(([key]) => ({ memberId: `wh-chief-${key}`, from: FORMED })),
        validFrom: FORMED,
      },
    });
  }
  // 3. 支部联建: the IP center's branch with 4 outside IP organizations' branches (智慧谷 and 3 more).
  [
    '智慧谷知识产权机构党支部',
    '知识产权机构党支部（二）',
    '知识产权机构党支部（三）',
    '知识产权机构党支部（四）',
  ].forEach((zh, i) => {
    run({
      type: 'add-pairing',
      record: {
        id: `wh-jb-${i + 1}`,
        kind: 'joint-building',
        lead: { kind: 'party-org', id: 'wh-b15' },
        partner: { kind: 'external', name: { 'zh-CN': zh } },
        validFrom: '2020-05-01',
      },
    });
  });

  return dir;
}

export function main(): void {
  const dir = weihaiDirectory();
  console.log('\n## 威海市市场监督管理局 · 机构沿革 (lineage)');
  const lin = lineage(dir, 'wh');
  table(
    lin.predecessors.map((id) => ({
      原机构: findUnit(dir, id)?.name['zh-CN'] ?? id,
      终止日期: findUnit(dir, id)?.validTo ?? '',
      [`${AS_OF} 的承继单位`]: findUnit(dir, successorOf(dir, id, AS_OF))?.name['zh-CN'] ?? '',
    })),
  );

  console.log('\n## 支部建在业务链上：15 个机关党支部 (branch secretary = leader in charge)');
  table(
    BRANCHES.map(([n, brand, depts]) => {
      const id = `wh-b${n}`;
      const sec = officersOf(dir, id, 'secretary', AS_OF)[0];
      const lead = leaderInCharge(dir, `wh-d-${depts[0]?.[0]}`, AS_OF);
      return {
        支部: `第${CN[n]}支部`,
        品牌: brand || '—',
        所含科室: depts.map(([, zh]) => zh).join('、'),
        书记: sec?.name ?? '',
        分管领导: lead?.name ?? '',
        一岗双责: sec && lead && sec.id === lead.id ? '是' : '否',
        党员: membersOf(dir, id, AS_OF).length,
      };
    }),
  );

  console.log('\n## 哪个支部管这个科室？(branchOf)');
  table(
    ['wh-d-mlm', 'wh-d-online', 'wh-d-complaints', 'wh-d-device', 'wh-d-press'].map((d) => ({
      科室: findUnit(dir, d)?.name['zh-CN'] ?? d,
      类型: label(unitKindLabels, findUnit(dir, d)?.kind ?? 'department'),
      所属支部: branchOf(dir, d, AS_OF)?.name['zh-CN'] ?? '—',
      品牌: BRANCHES.find(([n]) => `wh-b${n}` === branchOf(dir, d, AS_OF)?.id)?.[1] || '—',
    })),
  );

  console.log('\n## 知识产权事业发展中心党支部 · 支部联建');
  table(
    allRecords(dir.pairings).map((p) => ({
      发起支部: branchOf(dir, 'wh-d-ip-center', AS_OF)?.name['zh-CN'] ?? '',
      共建对象: p.partner.kind === 'external' ? p.partner.name['zh-CN'] : p.partner.kind,
      起始: p.validFrom,
    })),
  );

  const findings = checkDirectory(dir, AS_OF);
  console.log(
    `\n检查结果 (checkDirectory, ${AS_OF})：${findings.length} 条提示；目录版本 ${dir.version}（每次变更一条事件）`,
  );
  for (const f of findings.slice(0, 5)) console.log(`  [${f.severity}] ${f.code} ${f.message['zh-CN']}`);
}

if (isMain(import.meta.url)) main();
