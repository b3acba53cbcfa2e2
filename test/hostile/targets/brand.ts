import {
  brandDecider,
  initialBrandState,
  parseAchievement,
  parseActivity,
  parseBrandCommand,
  parseBrandProfile,
  parseHonor,
} from '../../../src/brand/index.js';
import { fixedContext } from '../../../src/core/index.js';
import { profile as brandProfile, toNamed } from '../../brand/_fixture.js';
import { ORG } from '../../helpers/org-fixture.js';
import { command, type HostileTarget, stateAfter } from './_lib.js';

const brandCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-organ-committee' });
const lifecycle = toNamed('brand-food', ORG.branchFood);
const brandNamed = stateAfter(brandDecider, lifecycle, brandCtx);
/** The brand's state after the first `n` lifecycle steps (draft, declare, start-cultivation, review, name). */
const brandAfter = (n: number) => stateAfter(brandDecider, lifecycle.slice(0, n), brandCtx);
const brandUnderReview = stateAfter(
  brandDecider,
  [...lifecycle, { type: 'start-periodic-review', brandId: 'brand-food', on: '2022-07-01' }],
  brandCtx,
);
/** 遥遥领先 on the drug branch, named, before br-drug merges into br-food (the food brand is not yet drafted). */
const drugNamed = stateAfter(brandDecider, toNamed('brand-drug', ORG.branchDrug), brandCtx);

const SOURCE = '威海市市场监管局局长专访（齐鲁晚报·齐鲁壹点，2020）';

/** Command targets for every brand command but `draft`, `record-honor` and `review` (above them in the list). */
const lifecycleTargets: readonly HostileTarget[] = [
  command(
    'brand update-profile',
    brandDecider,
    brandNamed,
    {
      type: 'update-profile',
      brandId: 'brand-food',
      on: '2020-09-01',
      changes: {
        slogan: '守护“菜篮子”，守住舌尖安全',
        logoRef: 'logos/food-safety-guards.svg',
        connotation: '聚焦人民群众舌尖上的安全，确保全市“菜篮子”食品安全',
        workingMethod: '批发市场第三方批批快检；大型商超农产品智慧追溯；网络订餐监控系统 3.0',
        businessField: '食品安全监管',
        departments: [ORG.deptFood, ORG.deptDrug],
        facets: {
          study: { description: '每月集中学习食品安全法规' },
          service: { description: '第三方快检进市场' },
          conduct: { description: '入网经营者许可证公示率不低于 99%' },
          brand: { description: '“食安卫士”进社区' },
        },
      },
    },
    brandCtx,
  ),
  command('brand declare', brandDecider, brandAfter(1), lifecycle[1], brandCtx),
  command('brand start-cultivation', brandDecider, brandAfter(2), lifecycle[2], brandCtx),
  command('brand name', brandDecider, brandAfter(4), lifecycle[4], brandCtx),
  command(
    'brand start-periodic-review',
    brandDecider,
    brandNamed,
    { type: 'start-periodic-review', brandId: 'brand-food', on: '2022-07-01' },
    brandCtx,
  ),
  command(
    'brand conclude-periodic-review',
    brandDecider,
    brandUnderReview,
    {
      type: 'conclude-periodic-review',
      brandId: 'brand-food',
      on: '2022-08-01',
      outcome: 'downgraded',
      reason: '复核发现载体未持续运行，降为培育',
    },
    brandCtx,
  ),
  command(
    'brand revoke',
    brandDecider,
    brandNamed,
    { type: 'revoke', brandId: 'brand-food', on: '2023-03-01', reason: '支部撤并，品牌不再保留' },
    brandCtx,
  ),
  command(
    'brand rename',
    brandDecider,
    brandNamed,
    {
      type: 'rename',
      brandId: 'brand-food',
      on: '2021-01-04',
      name: { 'zh-CN': '食安守护', en: 'Food Safety Keepers' },
      slogan: '让群众吃得放心',
      reason: '与外省同名品牌区分',
    },
    brandCtx,
  ),
  command(
    'brand rebrand',
    brandDecider,
    brandNamed,
    {
      type: 'rebrand',
      brandId: 'brand-food',
      on: '2021-01-04',
      name: { 'zh-CN': '鼎力维权', en: 'Standing Up for Consumers' },
      slogan: '小纠纷不出商超',
      logoRef: 'logos/dingli-weiquan.svg',
      connotation: '小纠纷不出商超、中纠纷不出商圈、大纠纷不出区市，打造消费维权“枫桥模式”',
      workingMethod: '在商超、市场、景区布设消费维权服务站，线上线下同步维权、结果公示',
      reason: '支部职能调整为消费维权',
    },
    brandCtx,
  ),
  command(
    'brand hand-over',
    brandDecider,
    drugNamed,
    { type: 'hand-over', brandId: 'brand-drug', on: '2024-01-01', toBranchId: ORG.branchFood, toUnitId: ORG.city },
    brandCtx,
  ),
  command(
    'brand record-achievement',
    brandDecider,
    brandNamed,
    {
      type: 'record-achievement',
      brandId: 'brand-food',
      achievement: {
        id: 'wh-food-lab',
        facet: 'service',
        title: '快检实验室面积',
        measure: {
          kind: 'quantity',
          value: 2101,
          unit: 'm²',
          qualifier: 'at-least',
          baseline: { value: 1129, unit: 'm²', period: { from: '2019-01-01', to: '2019-12-31' } },
        },
        period: { from: '2020-01-01', to: '2020-08-31' },
        source: SOURCE,
        evidence: ['年度工作总结', '实验室验收报告'],
      },
    },
    brandCtx,
  ),
  command(
    'brand record-achievement funnel',
    brandDecider,
    brandNamed,
    {
      type: 'record-achievement',
      brandId: 'brand-food',
      achievement: {
        id: 'wh-food-online',
        facet: 'service',
        title: '网络订餐监控系统 3.0 监测外卖平台',
        measure: {
          kind: 'funnel',
          stages: [
            { label: '发现问题线索', count: 3468, unit: '条' },
            { label: '线下核查责令整改', count: 285, unit: '起' },
            { label: '下线入网经营者', count: 47, unit: '家' },
          ],
        },
        period: { from: '2020-01-01', to: '2020-06-30' },
        source: SOURCE,
        evidence: ['监控系统月报'],
      },
    },
    brandCtx,
  ),
  command(
    'brand record-activity',
    brandDecider,
    brandNamed,
    {
      type: 'record-activity',
      activity: {
        id: 'act-food-2020-06',
        branchId: ORG.branchFood,
        kind: 'joint-building',
        title: '支部联建：食品安全进社区',
        on: '2020-06-18',
        place: '环翠区某社区党群服务中心',
        participants: 24,
        partners: ['某社区党委', '某农贸市场党支部'],
        counts: [
          { label: '快检样品', value: 120, unit: '批次' },
          { label: '发放宣传材料', value: 800, unit: '份' },
        ],
        evidence: ['活动照片', '签到表'],
      },
    },
    brandCtx,
  ),
];

export const brandTargets: readonly HostileTarget[] = [
  { label: 'brand parseBrandCommand', sample: toNamed()[4], run: (input) => parseBrandCommand(input) },
  { label: 'brand parseBrandProfile', sample: brandProfile, run: (input) => parseBrandProfile(input) },
  {
    label: 'brand parseAchievement',
    sample: {
      id: 'ach-1',
      facet: 'service',
      title: '消费维权服务站',
      source: '访谈',
      period: { from: '2020-01-01', to: '2020-06-30' },
      measure: { kind: 'quantity', value: 69, unit: '处' },
    },
    run: (input) => parseAchievement(input),
  },
  {
    label: 'brand parseHonor',
    sample: { id: 'h-1', title: '先进基层党组织', year: 2016, awardedBy: { body: '市直机关工委', level: 'municipal' } },
    run: (input) => parseHonor(input),
  },
  {
    label: 'brand parseActivity',
    sample: {
      id: 'act-1',
      branchId: ORG.branchFood,
      kind: 'volunteer-service',
      title: '舌尖上的科普',
      on: '2021-05-20',
      participants: 12,
      partners: ['某社区'],
    },
    run: (input) => parseActivity(input),
  },
  command('brand draft', brandDecider, initialBrandState, toNamed('brand-x', ORG.branchDrug)[0], brandCtx),
  command(
    'brand record-honor',
    brandDecider,
    brandNamed,
    {
      type: 'record-honor',
      brandId: 'brand-food',
      honor: {
        id: 'h-1',
        title: '先进基层党组织',
        year: 2021,
        awardedBy: { body: '市直机关工委', level: 'municipal' },
      },
    },
    brandCtx,
  ),
  command('brand review', brandDecider, brandAfter(3), lifecycle[3], brandCtx),
  ...lifecycleTargets,
];
