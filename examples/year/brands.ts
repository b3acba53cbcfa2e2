/**
 * 一支部一品牌: the city bureau's 15 organ branches and their brands. The four named brands and their
 * figures are Weihai's, as its bureau head gave them in 2020 (the achievements keep that period and
 * source); the eleven other brands are not named in the article and stay drafts.
 * In 2025 every branch holds a themed party day each quarter (illustrative).
 * The stations' branches and their brands are illustrative too (names, stages and party days invented):
 * they give the year-end rating its 党建引领 indicators, read from these records.
 */
import {
  type Achievement,
  type BrandCommand,
  type BrandEvent,
  type BrandState,
  metrics as brandMetrics,
  brandStatusLabels,
  createBrandDecider,
  type Portfolio,
  portfolio,
  portfolioRows,
} from 'shijian/brand';
import { type IsoDate, label, type Recorded } from 'shijian/core';
import type { OrgDirectory } from 'shijian/org';
import type { ReportSection } from '../report/html.js';
import {
  BRANCH_COUNT,
  BRANCH_COVERS,
  branchId,
  branchName,
  MERGED_ON,
  nameOf,
  runAll,
  SUCCESSOR,
  stationBranchId,
  YEAR_END,
  YEAR_START,
} from './bureau.js';

const SOURCE = '威海市市场监管局局长专访（齐鲁晚报·齐鲁壹点，2020）';
const UP_TO_AUG = { from: '2020-01-01', to: '2020-08-31' } as const;
const FIRST_HALF = { from: '2020-01-01', to: '2020-06-30' } as const;

/** A named brand of the seed: branch number, name, what it stands for, and its reported results. */
interface NamedBrand {
  readonly branch: number;
  readonly name: string;
  readonly connotation: string;
  readonly workingMethod: string;
  readonly businessField: string;
  readonly achievements: readonly Achievement[];
}

const result = (
  id: string,
  facet: Achievement['facet'],
  title: string,
  measure: Achievement['measure'],
  period: Achievement['period'] = UP_TO_AUG,
): Achievement => ({ id, facet, title, measure, period, source: SOURCE });

/** Branch numbers of 食安卫士, 遥遥领先 and 创先争优 are not in the article (示意); 鼎力维权 is the 10th branch. */
export const NAMED_BRANDS: readonly NamedBrand[] = [
  {
    branch: 2,
    name: '食安卫士',
    connotation: '守护群众“舌尖上的安全”，保障全市“菜篮子”',
    workingMethod: '批发市场引入第三方检测批批快检；大型商超推行农产品智慧追溯；网络订餐监控系统 3.0 监测外卖平台',
    businessField: '食品安全监管',
    achievements: [
      result('b2-batches', 'service', '处置不合格食用农产品', { kind: 'quantity', value: 22, unit: '批次' }),
      result(
        'b2-online',
        'service',
        '网络订餐监测线索核查',
        {
          kind: 'funnel',
          stages: [
            { label: '监测发现问题线索', count: 3468, unit: '条' },
            { label: '核查后责令整改', count: 285, unit: '起' },
            { label: '下线入网经营者', count: 47, unit: '家' },
          ],
        },
        FIRST_HALF,
      ),
      result('b2-licence', 'conduct', '入网经营者许可证公示率', {
        kind: 'quantity',
        value: 99,
        unit: '%',
        qualifier: 'at-least',
      }),
    ],
  },
  {
    branch: 10,
    name: '鼎力维权',
    connotation: '小纠纷不出商超、中纠纷不出商圈、大纠纷不出区市，消费维权“枫桥模式”',
    workingMethod: '商超、市场、景区布设消费维权服务站，线上线下同步维权并公示结果；电商平台监管全省试点',
    businessField: '消费维权、网络交易监管',
    achievements: [result('b10-stations', 'service', '消费维权服务站', { kind: 'quantity', value: 69, unit: '处' })],
  },
  {
    branch: 14,
    name: '遥遥领先',
    connotation: '集中药师、线上审方，解决群众购药难题',
    workingMethod: '全省率先指导药品零售连锁企业建设远程审方服务平台',
    businessField: '药品、医疗器械监管',
    achievements: [
      result('b14-platforms', 'service', '远程审方服务平台', { kind: 'quantity', value: 2, unit: '个' }),
      result('b14-reviews', 'service', '日均线上审方', {
        kind: 'quantity',
        value: 6000,
        unit: '件',
        qualifier: 'more-than',
      }),
    ],
  },
  {
    branch: 1,
    name: '创先争优',
    connotation: '问需于民、问计于民、问效于民',
    workingMethod: '电话调查、公众号和官网投票收集意见，形成群众反映问题清单，销号管理并向社会公开',
    businessField: '综合协调、规划、新闻宣传',
    achievements: [result('b1-opinions', 'conduct', '收集意见建议', { kind: 'quantity', value: 619, unit: '条' })],
  },
];

/** The 2020 steps (illustrative days) that took the four brands from draft to named. */
const STEPS = {
  draft: '2020-03-02',
  declare: '2020-03-16',
  cultivate: '2020-04-01',
  review: '2020-06-15',
  name: '2020-07-01',
  noticeFrom: '2020-06-16',
  noticeTo: '2020-06-22',
} as const satisfies Record<string, IsoDate>;

const QUARTER_DAYS: readonly IsoDate[] = ['2025-03-25', '2025-06-24', '2025-09-23', '2025-12-23'];

/** A station branch's brand in the story: its (illustrative) name and how far it got by 2025. */
interface StationBrand {
  readonly stationId: string;
  readonly name: string;
  readonly stage: 'draft' | 'cultivating' | 'named';
  /** The quarters (1–4) of 2025 in which the branch held its themed party day. */
  readonly partyDays: readonly number[];
}

/** 示意: 城关、东城 named; 西城 still cultivating; 高新 a draft with two party days; 北港 named before the merger; 南港 none. */
export const STATION_BRANDS: readonly StationBrand[] = [
  { stationId: 'st-1', name: '红盾护航', stage: 'named', partyDays: [1, 2, 3, 4] },
  { stationId: 'st-2', name: '东城暖心', stage: 'named', partyDays: [1, 2, 3, 4] },
  { stationId: 'st-3', name: '西城先锋', stage: 'cultivating', partyDays: [1, 2, 3, 4] },
  { stationId: 'st-4', name: '高新助企', stage: 'draft', partyDays: [1, 3] },
  { stationId: 'st-5', name: '港湾驿站', stage: 'named', partyDays: [1, 2] },
  { stationId: 'st-6', name: '', stage: 'draft', partyDays: [1, 2] },
];
/** The merged station's branch holds its own party days after 1 July. */
export const SUCCESSOR_PARTY_DAYS: readonly number[] = [3, 4];

// The stations' brands went through the county organ committee in 2024 (illustrative days).
const STATION_STEPS = {
  draft: '2024-03-01',
  declare: '2024-03-15',
  cultivate: '2024-04-01',
  review: '2024-06-14',
  name: '2024-07-01',
  noticeFrom: '2024-06-17',
  noticeTo: '2024-06-21',
} as const satisfies Record<string, IsoDate>;

function stationBrandCommands(): BrandCommand[] {
  const out: BrandCommand[] = [];
  const partyDay = (branch: string, q: number): BrandCommand => ({
    type: 'record-activity',
    activity: {
      id: `act-${branch}-q${q}`,
      branchId: branch,
      kind: 'themed-party-day',
      title: `第${q}季度主题党日：亮身份、进市场、解难题`,
      on: QUARTER_DAYS[q - 1] ?? YEAR_END,
    },
  });
  for (const s of STATION_BRANDS) {
    const branch = stationBranchId(s.stationId);
    const brandId = `brand-${s.stationId}`;
    if (s.name !== '') {
      out.push({
        type: 'draft',
        brandId,
        branchId: branch,
        on: STATION_STEPS.draft,
        profile: {
          name: { 'zh-CN': s.name },
          connotation: `${nameOf(s.stationId)}党支部围绕基层监管服务培育的党建品牌（示意）`,
          workingMethod: '党员亮身份、包片区，把服务送到个体工商户门口',
          departments: [s.stationId],
        },
      });
      if (s.stage !== 'draft')
        out.push(
          { type: 'declare', brandId, on: STATION_STEPS.declare, declaredTo: '区局机关党委' },
          { type: 'start-cultivation', brandId, on: STATION_STEPS.cultivate },
        );
      if (s.stage === 'named')
        out.push(
          { type: 'review', brandId, on: STATION_STEPS.review, reviewedBy: '区局机关党委评审组', outcome: 'selected' },
          {
            type: 'name',
            brandId,
            on: STATION_STEPS.name,
            namedBy: { body: '区局机关党委', level: 'internal' },
            notice: { from: STATION_STEPS.noticeFrom, to: STATION_STEPS.noticeTo },
          },
        );
    }
    for (const q of s.partyDays) out.push(partyDay(branch, q));
  }
  // the merger: 北港所's brand passes to the new branch, which holds the second half's party days
  out.push({ type: 'hand-over', brandId: 'brand-st-5', on: MERGED_ON, toBranchId: stationBranchId(SUCCESSOR) });
  for (const q of SUCCESSOR_PARTY_DAYS) out.push(partyDay(stationBranchId(SUCCESSOR), q));
  return out;
}

/**
 * Every brand command: 15 drafts, the four named brands' lifecycle and results, 2025's party days, and the
 * stations' branches with their brands, the merger's hand-over and their party days.
 */
export function brandCommands(): BrandCommand[] {
  const out: BrandCommand[] = [];
  for (let n = 1; n <= BRANCH_COUNT; n++) {
    const spec = NAMED_BRANDS.find((b) => b.branch === n);
    const brandId = `brand-${n}`;
    out.push({
      type: 'draft',
      brandId,
      branchId: branchId(n),
      on: STEPS.draft,
      profile: spec
        ? {
            name: { 'zh-CN': spec.name },
            connotation: spec.connotation,
            workingMethod: spec.workingMethod,
            businessField: spec.businessField,
            departments: [...(BRANCH_COVERS[n] ?? [])],
          }
        : {
            name: { 'zh-CN': `${branchName(n)}品牌（原文未载名称）` },
            connotation: '围绕本支部业务链条培育党建品牌',
            workingMethod: '党建工作与业务工作同部署、同考核',
            departments: [],
          },
    });
    // the article gives the other eleven neither names nor stages: they stay drafts
    if (!spec) continue;
    out.push(
      { type: 'declare', brandId, on: STEPS.declare, declaredTo: '机关党委' },
      { type: 'start-cultivation', brandId, on: STEPS.cultivate },
      { type: 'review', brandId, on: STEPS.review, reviewedBy: '机关党委评审组', outcome: 'selected' },
      {
        type: 'name',
        brandId,
        on: STEPS.name,
        namedBy: { body: '机关党委', level: 'internal' },
        notice: { from: STEPS.noticeFrom, to: STEPS.noticeTo },
      },
      ...spec.achievements.map((achievement): BrandCommand => ({ type: 'record-achievement', brandId, achievement })),
    );
  }
  for (let n = 1; n <= BRANCH_COUNT; n++)
    QUARTER_DAYS.forEach((on, q) => {
      out.push({
        type: 'record-activity',
        activity: {
          id: `act-${n}-q${q + 1}`,
          branchId: branchId(n),
          kind: 'themed-party-day',
          title: `第${q + 1}季度主题党日：党建与业务融合推进`,
          on,
        },
      });
    });
  out.push(...stationBrandCommands());
  return out;
}

/** The brand records of the year, the portfolio at year end and the per-unit metrics rating reads. */
export function brandYear(dir: OrgDirectory, unitOf: (unitId: string) => string) {
  const run = runAll(createBrandDecider({ directory: dir }), brandCommands(), (c) =>
    c.type === 'record-activity'
      ? c.activity.on
      : c.type === 'record-achievement'
        ? c.achievement.period.to // reported once its period has ended
        : 'on' in c
          ? c.on
          : undefined,
  );
  const events: Recorded<BrandEvent>[] = run.events;
  const state: BrandState = run.state;
  const book: Portfolio = portfolio(state, dir, YEAR_END, { unitId: 'city' });
  const stations: Portfolio = portfolio(state, dir, YEAR_END, { unitId: 'county', includeSubunits: true });
  const metrics = brandMetrics(state, { groupBy: 'unit', directory: dir, asOf: YEAR_END, from: YEAR_START, unitOf });
  return { state, events, portfolio: book, stations, metrics };
}

/** 品牌矩阵: every branch with its brand, and the totals. */
export function brandSection(b: ReturnType<typeof brandYear>): ReportSection {
  const t = b.portfolio.totals;
  return {
    id: 'brands',
    heading: '支部品牌矩阵（一支部一品牌）',
    paragraphs: [
      `机关 ${t.branches} 个党支部，品牌 ${t.brands} 个（覆盖率 ${(t.coverage * 100).toFixed(0)}%），已命名 ${t.named} 个；成效 ${t.achievements} 条，年内支部活动 ${t.activities} 次。`,
      `四个已命名品牌及其成效数字取自${SOURCE}；“鼎力维权”为机关第十党支部，其余三个品牌的支部序号为示意。`,
    ],
    tables: [
      { caption: '品牌一览', rows: portfolioRows(b.portfolio) },
      {
        caption: '所站支部品牌（年末，示意）',
        rows: b.stations.entries.map((e) => ({
          党支部: e.branch.name['zh-CN'],
          品牌: e.brand?.name['zh-CN'] ?? '（无）',
          状态: e.brand ? label(brandStatusLabels, e.brand.status) : '—',
          '年内主题党日（含并入支部）': b.metrics[e.branch.unitId]?.['brand.activities'] ?? 0,
        })),
      },
    ],
  };
}
