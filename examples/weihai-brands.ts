/**
 * 一支部一品牌 · One branch, one brand: Weihai's 15 organ branches and their brands, with the figures the
 * bureau head gave in 2020 (食安卫士, 鼎力维权, 遥遥领先, 创先争优), and Jiaxing's service brands with their
 * 2016 honors. Run on its own with `npx tsx examples/weihai-brands.ts`.
 *
 * Figures come from the seed articles. Which branch number holds 食安卫士 and 创先争优, the ids, and the
 * exact days of each step are not in the articles: they are marked 示意 (illustrative) where printed. The branches
 * are the ones `weihai-bureau.ts` builds, so the demo's two Weihai sections describe one directory.
 */
import {
  type Achievement,
  type BrandCommand,
  type BrandState,
  brandCard,
  createBrandDecider,
  getBrand,
  initialBrandState,
  metrics,
  portfolio,
  portfolioRows,
} from 'shijian/brand';
import { execute, fixedContext, type IsoDate, unwrap } from 'shijian/core';
import { type OrgDirectory, parseDirectory } from 'shijian/org';
import { isMain, table } from './_print.js';
import { weihaiDirectory } from './weihai-bureau.js';

const SOURCE_WH = '威海市市场监管局局长专访（齐鲁晚报·齐鲁壹点，2020）';
const SOURCE_JX = '嘉兴市市场监管局党委副书记专访';
const H1_2020 = { from: '2020-01-01', to: '2020-06-30' } as const;
const TO_AUG_2020 = { from: '2020-01-01', to: '2020-08-31' } as const;

const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];

function achievement(
  id: string,
  facet: Achievement['facet'],
  title: string,
  measure: Achievement['measure'],
  period: Achievement['period'],
  source = SOURCE_WH,
): Achievement {
  return { id, facet, title, measure, period, source };
}

/** draft → declared → cultivating, and for a named brand → reviewed → named (days illustrative). */
function lifecycle(brandId: string, named: boolean, days: { readonly [k: string]: IsoDate }, namedBy: string) {
  const steps: BrandCommand[] = [
    { type: 'declare', brandId, on: days.declare as IsoDate, declaredTo: '机关党委' },
    { type: 'start-cultivation', brandId, on: days.cultivate as IsoDate },
  ];
  if (named)
    steps.push(
      { type: 'review', brandId, on: days.review as IsoDate, reviewedBy: `${namedBy}评审组`, outcome: 'selected' },
      {
        type: 'name',
        brandId,
        on: days.name as IsoDate,
        namedBy: { body: namedBy, level: namedBy.includes('市直') ? 'municipal' : 'internal' },
        notice: { from: days.noticeFrom as IsoDate, to: days.noticeTo as IsoDate },
      },
    );
  return steps;
}

const WH_DAYS = {
  draft: '2020-03-02',
  declare: '2020-03-16',
  cultivate: '2020-04-01',
  review: '2020-06-15',
  noticeFrom: '2020-06-16',
  noticeTo: '2020-06-22',
  name: '2020-07-01',
} as const;

interface BrandSpec {
  readonly branch: number;
  readonly name: string;
  readonly departments: readonly string[];
  readonly connotation: string;
  readonly workingMethod: string;
  readonly businessField: string;
  readonly achievements: readonly Achievement[];
}

const WEIHAI_NAMED: readonly BrandSpec[] = [
  {
    branch: 2,
    name: '食安卫士',
    departments: ['wh-d-food-prod', 'wh-d-food-circ', 'wh-d-catering'],
    connotation: '聚焦人民群众舌尖上的安全，确保全市“菜篮子”食品安全',
    workingMethod: '批发市场第三方批批快检；大型商超农产品智慧追溯；网络订餐监控系统 3.0',
    businessField: '食品安全监管',
    achievements: [
      achievement(
        'wh-food-batches',
        'service',
        '依法处置不合格农产品',
        { kind: 'quantity', value: 22, unit: '批次' },
        TO_AUG_2020,
      ),
      achievement(
        'wh-food-online',
        'service',
        '网络订餐监控系统 3.0 监测外卖平台',
        {
          kind: 'funnel',
          stages: [
            { label: '发现问题线索', count: 3468, unit: '条' },
            { label: '线下核查责令整改', count: 285, unit: '起' },
            { label: '下线入网经营者', count: 47, unit: '家' },
          ],
        },
        H1_2020,
      ),
      achievement(
        'wh-food-licence',
        'conduct',
        '入网经营者许可证公示率',
        { kind: 'quantity', value: 99, unit: '%', qualifier: 'at-least' },
        TO_AUG_2020,
      ),
    ],
  },
  {
    branch: 10,
    name: '鼎力维权',
    departments: ['wh-d-mlm', 'wh-d-online', 'wh-d-complaints'],
    connotation: '小纠纷不出商超、中纠纷不出商圈、大纠纷不出区市，打造消费维权“枫桥模式”',
    workingMethod: '在商超、市场、景区布设消费维权服务站，线上线下同步维权、结果公示；电商平台监管全省试点',
    businessField: '消费维权、网络交易监管',
    achievements: [
      achievement(
        'wh-rights-stations',
        'service',
        '布设消费维权服务站',
        { kind: 'quantity', value: 69, unit: '处' },
        TO_AUG_2020,
      ),
    ],
  },
  {
    branch: 14,
    name: '遥遥领先',
    departments: ['wh-d-drug', 'wh-d-device'],
    connotation: '集中药师、线上审方，切实解决群众购药问题',
    workingMethod: '在全省率先指导药品零售连锁企业建设远程审方服务平台',
    businessField: '药品、医疗器械监管',
    achievements: [
      achievement(
        'wh-drug-platforms',
        'service',
        '建成远程审方服务平台',
        { kind: 'quantity', value: 2, unit: '个' },
        TO_AUG_2020,
      ),
      achievement(
        'wh-drug-reviews',
        'service',
        '线上审方量（日均）',
        { kind: 'quantity', value: 6000, unit: '件/日', qualifier: 'more-than' },
        TO_AUG_2020,
      ),
    ],
  },
  {
    branch: 1,
    name: '创先争优',
    departments: ['wh-d-office', 'wh-d-planning', 'wh-d-press'],
    connotation: '问需于民、问计于民、问效于民，解决影响市场健康发展和关系群众利益的具体问题',
    workingMethod: '电话调查、微信公众号和官网投票收集意见；群众反映问题清单，明确责任、动态更新、销号管理、向社会公开',
    businessField: '综合协调、规划、新闻宣传',
    achievements: [
      achievement(
        'wh-office-opinions',
        'conduct',
        '收集各类意见建议',
        { kind: 'quantity', value: 619, unit: '条' },
        TO_AUG_2020,
      ),
    ],
  },
];

function weihaiCommands(): BrandCommand[] {
  const commands: BrandCommand[] = [];
  for (let i = 1; i <= 15; i++) {
    const spec = WEIHAI_NAMED.find((s) => s.branch === i);
    const brandId = `wh-brand-${i}`;
    commands.push({
      type: 'draft',
      brandId,
      branchId: `wh-b${i}`,
      on: WH_DAYS.draft,
      profile: spec
        ? {
            name: { 'zh-CN': spec.name },
            connotation: spec.connotation,
            workingMethod: spec.workingMethod,
            businessField: spec.businessField,
            departments: [...spec.departments],
          }
        : {
            name: { 'zh-CN': `机关第${CN_NUM[i - 1]}党支部品牌（原文未列名称）` },
            connotation: '结合本支部业务特点，围绕精心学习、精准服务、精细作风、精致品牌开展品牌自塑',
            workingMethod: '支委会与业务周例会结合召开，党建与业务一体化研究部署',
            departments: [],
          },
    });
    if (spec) commands.push(...lifecycle(brandId, true, WH_DAYS, '机关党委'));
    for (const a of spec?.achievements ?? []) commands.push({ type: 'record-achievement', brandId, achievement: a });
  }
  // The other 11 brands exist ("15 个支部党建品牌") but the article gives neither names nor stages: kept as drafts.
  commands.push(
    {
      type: 'record-activity',
      activity: {
        id: 'wh-act-b14-credit',
        branchId: 'wh-b14',
        kind: 'themed-party-day',
        title: '“严守质量安全，践行诚信誓言”信用宣讲主题党日（走进医疗器械经营企业）',
        on: '2020-06-18',
      },
    },
    {
      type: 'record-activity',
      activity: {
        id: 'wh-act-ip-joint',
        branchId: 'wh-b15',
        kind: 'joint-building',
        title: '“党建+知识产权”支部联建，联合开展助企惠企行动',
        on: '2020-07-15',
        partners: ['智慧谷等 4 家知识产权机构党支部'],
        counts: [{ label: '共建支部', value: 4, unit: '家' }],
      },
    },
  );
  return commands;
}

function jiaxingDirectory(): OrgDirectory {
  const branch = (n: number) => ({
    id: `jx-b${n}`,
    kind: 'branch' as const,
    parentId: 'jx-oc',
    unitId: 'jx',
    covers: [],
    name: { 'zh-CN': `市局机关第${CN_NUM[n - 1]}党支部（示意）` },
    validFrom: '2015-01-01' as const,
  });
  return unwrap(
    parseDirectory({
      units: [
        {
          id: 'jx',
          kind: 'municipal-bureau',
          level: 3,
          code: 'JX',
          name: { 'zh-CN': '嘉兴市市场监督管理局' },
          validFrom: '2015-01-01',
        },
      ],
      partyOrgs: [
        {
          id: 'jx-oc',
          kind: 'organ-committee',
          unitId: 'jx',
          covers: [],
          name: { 'zh-CN': '机关党委' },
          validFrom: '2015-01-01',
        },
        branch(1),
        branch(2),
        branch(3),
      ],
    }),
  );
}

function jiaxingCommands(): BrandCommand[] {
  const days = {
    declare: '2016-03-01',
    cultivate: '2016-04-01',
    review: '2016-11-15',
    noticeFrom: '2016-11-16',
    noticeTo: '2016-11-22',
    name: '2016-12-01',
  } as const;
  const cityBody = '嘉兴市直机关工委（推定：原文未载授予机关）';
  const brands = [
    { id: 'jx-kepu', branch: 'jx-b1', name: '舌尖上的科普', named: true, field: '食品安全科普' },
    { id: 'jx-315', branch: 'jx-b2', name: '3·15集结号', named: true, field: '消费维权志愿服务' },
    { id: 'jx-chunyan', branch: 'jx-b3', name: '春燕与你同行', named: false, field: '志愿服务' },
  ];
  const commands: BrandCommand[] = [];
  for (const b of brands) {
    commands.push({
      type: 'draft',
      brandId: b.id,
      branchId: b.branch,
      on: '2016-02-15',
      profile: {
        name: { 'zh-CN': b.name },
        connotation: '以机关服务品牌创建为抓手，探索“党建+”模式，推进党务工作与业务工作深度融合',
        workingMethod: '党员志愿服务',
        businessField: b.field,
        departments: ['jx'],
      },
    });
    commands.push(...lifecycle(b.id, b.named, days, cityBody));
    if (b.named)
      commands.push({
        type: 'record-honor',
        brandId: b.id,
        honor: {
          id: `${b.id}-2016`,
          title: '嘉兴市机关服务品牌',
          year: 2016,
          awardedBy: { body: cityBody, level: 'municipal' },
        },
      });
  }
  return commands;
}

function runAll(
  state: BrandState,
  directory: OrgDirectory,
  commands: readonly BrandCommand[],
  now: string,
): BrandState {
  const decider = createBrandDecider({ directory });
  const ctx = fixedContext({ now: now as `${number}-${number}-${number}T${string}`, actor: 'organ-committee' });
  let s = state;
  for (const c of commands) s = unwrap(execute(decider, s, c, ctx)).state;
  return s;
}

/** Weihai's directory and its brands as of 2020-08-31, after every command of the example. */
export function weihaiBrands(): { readonly directory: OrgDirectory; readonly state: BrandState } {
  const directory = weihaiDirectory();
  return { directory, state: runAll(initialBrandState, directory, weihaiCommands(), '2020-08-31T18:00:00+08:00') };
}

export function main(): void {
  const AS_OF = '2020-08-31' as const;
  const { directory: wh, state: whState } = weihaiBrands();

  console.log('\n## 一支部一品牌 · 威海市市场监管局机关 15 个党支部（截至 2020-08-31；支部序号与日期部分为示意）');
  const p = portfolio(whState, wh, AS_OF, { unitId: 'wh' });
  table(portfolioRows(p));
  const t = p.totals;
  console.log(
    `合计：${t.branches} 个支部，${t.brands} 个品牌（覆盖率 ${(t.coverage * 100).toFixed(0)}%），已命名 ${t.named} 个，成效 ${t.achievements} 条，活动 ${t.activities} 次`,
  );

  console.log('\n## 品牌指标（供 rating 计算型指标使用）');
  const m = metrics(whState, { groupBy: 'unit', directory: wh, asOf: AS_OF });
  table(
    Object.entries(m).map(([unitId, row]) => ({
      单位: unitId,
      支部数: row['brand.branches'],
      品牌数: row['brand.brands'],
      覆盖率: row['brand.coverage'].toFixed(2),
      命名占比: row['brand.named-share'].toFixed(2),
      支部平均活动: row['brand.activities-per-branch'].toFixed(2),
    })),
  );

  console.log('\n## 品牌名片 · 威海四个已命名品牌');
  for (const i of [2, 10, 14, 1]) {
    const brand = getBrand(whState, `wh-brand-${i}`);
    if (brand) console.log(`\n${brandCard(brand, 'zh-CN', { directory: wh, state: whState, asOf: AS_OF }).markdown}`);
  }

  const jx = jiaxingDirectory();
  const jxState = runAll(initialBrandState, jx, jiaxingCommands(), '2017-03-01T09:00:00+08:00');
  console.log('\n## 嘉兴市市场监管局机关服务品牌（支部归属为示意）');
  for (const id of ['jx-kepu', 'jx-315', 'jx-chunyan']) {
    const brand = getBrand(jxState, id);
    if (!brand) continue;
    const card = brandCard(brand, 'zh-CN', { directory: jx });
    table(
      card.rows
        .filter((r) => ['name', 'status', 'business-field', 'honors'].includes(r.key))
        .map((r) => ({ 项目: r.label, 内容: r.value })),
    );
    console.log('');
  }
  console.log(`来源：${SOURCE_WH}；${SOURCE_JX}`);
}

if (isMain(import.meta.url)) main();
