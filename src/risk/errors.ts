import { defineErrors, type Label, type Locale } from '../core/index.js';
import { type RiskAction, riskActionLabels, riskFactorLabels } from './_lib/labels.js';
import type { IntegrityLevel, IntegrityResponseStage } from './commands.js';
import { integrityLevelLabels, integrityResponseStageLabels, riskLevelLabels, riskStageLabels } from './labels.js';
import type { RiskFactor, RiskLevel, RiskStage } from './schema.js';

// Codes in details are rendered through the label tables, so each message stays in its own language.
const say =
  (locale: Locale) =>
  <V extends string>(table: { readonly [K in V]: Label }, value: V): string =>
    table[value]?.[locale] ?? value;
const zh = say('zh-CN');
const en = say('en');

/** The risk module's error catalogue: every refusal it can give, with zh-CN and en text. @internal */
export const riskError = /* @__PURE__ */ defineErrors({
  'risk/not-successor': {
    'zh-CN': (d: { fromUnitId: string; toUnitId: string; successorId: string }) =>
      `${d.toUnitId} 不是 ${d.fromUnitId} 的承继单位（应为 ${d.successorId}），不能移交其未办结风险`,
    en: (d: { fromUnitId: string; toUnitId: string; successorId: string }) =>
      `${d.toUnitId} is not the successor of ${d.fromUnitId} (that is ${d.successorId}); its open risks cannot move there`,
  },
  'risk/band-gap': {
    'zh-CN': (d: { from: number; to: number }) => `分级区间之间有空缺：${d.from} 至 ${d.to} 不属于任何等级`,
    en: (d: { from: number; to: number }) => `The bands leave a gap: scores from ${d.from} to ${d.to} have no level`,
  },
  'risk/band-overlap': {
    'zh-CN': (d: { at: number }) => `分级区间重叠：分值 ${d.at} 落入两个等级`,
    en: (d: { at: number }) => `The bands overlap: score ${d.at} falls into two levels`,
  },
  'risk/band-not-covering': {
    'zh-CN': (d: { score: number }) => `分级区间未覆盖可能的分值 ${d.score}`,
    en: (d: { score: number }) => `The bands do not cover the possible score ${d.score}`,
  },
  'risk/band-not-monotone': {
    'zh-CN': (d: { from: number }) => `分级不单调：自 ${d.from} 起分值更高但等级更低`,
    en: (d: { from: number }) => `The bands are not monotone: from ${d.from} a higher score gets a lower level`,
  },
  'risk/scale-not-ascending': {
    'zh-CN': (d: { factor: RiskFactor }) => `要素“${zh(riskFactorLabels, d.factor)}”的取值必须为正且严格递增`,
    en: (d: { factor: RiskFactor }) =>
      `The values of factor ${en(riskFactorLabels, d.factor)} must be positive and strictly ascending`,
  },
  'risk/missing-cell': {
    'zh-CN': (d: { row: number; column: number }) => `风险矩阵缺少第 ${d.row} 行第 ${d.column} 列的等级`,
    en: (d: { row: number; column: number }) => `The risk matrix has no level at row ${d.row}, column ${d.column}`,
  },
  'risk/cell-not-monotone': {
    'zh-CN': (d: { row: number; column: number }) =>
      `风险矩阵第 ${d.row} 行第 ${d.column} 列的等级低于可能性或后果更小的相邻格`,
    en: (d: { row: number; column: number }) =>
      `The matrix cell at row ${d.row}, column ${d.column} is lower than a neighbour with less likelihood or impact`,
  },
  'risk/unknown-method': {
    'zh-CN': (d: { methodId: string }) => `未知的风险评估方法 ${d.methodId}`,
    en: (d: { methodId: string }) => `Unknown risk method ${d.methodId}`,
  },
  'risk/rating-off-scale': {
    'zh-CN': (d: { factor: RiskFactor; value: number }) =>
      `要素“${zh(riskFactorLabels, d.factor)}”的取值 ${d.value} 不在评估方法的刻度上`,
    en: (d: { factor: RiskFactor; value: number }) =>
      `Value ${d.value} of factor ${en(riskFactorLabels, d.factor)} is not on the method's scale`,
  },
  'risk/level-contradicts-method': {
    'zh-CN': (d: { claimed: RiskLevel; computed: RiskLevel }) =>
      `填报的等级“${zh(riskLevelLabels, d.claimed)}”与评估方法得出的“${zh(riskLevelLabels, d.computed)}”不符`,
    en: (d: { claimed: RiskLevel; computed: RiskLevel }) =>
      `The stated level ${en(riskLevelLabels, d.claimed)} contradicts the method, which gives ${en(riskLevelLabels, d.computed)}`,
  },
  'risk/duplicate-risk': {
    'zh-CN': (d: { riskId: string }) => `风险 ${d.riskId} 已在清单中`,
    en: (d: { riskId: string }) => `Risk ${d.riskId} is already on the list`,
  },
  'risk/unknown-risk': {
    'zh-CN': (d: { riskId: string }) => `风险清单中没有 ${d.riskId}`,
    en: (d: { riskId: string }) => `Risk ${d.riskId} is not on the list`,
  },
  'risk/wrong-stage': {
    'zh-CN': (d: { riskId: string; stage: RiskStage; action: RiskAction }) =>
      `风险 ${d.riskId} 处于“${zh(riskStageLabels, d.stage)}”阶段，不能${zh(riskActionLabels, d.action)}`,
    en: (d: { riskId: string; stage: RiskStage; action: RiskAction }) =>
      `Risk ${d.riskId} is ${en(riskStageLabels, d.stage)}; it cannot be ${en(riskActionLabels, d.action)}`,
  },
  'risk/duplicate-measure': {
    'zh-CN': (d: { measureId: string }) => `措施 ${d.measureId} 已存在`,
    en: (d: { measureId: string }) => `Measure ${d.measureId} already exists`,
  },
  'risk/unknown-measure': {
    'zh-CN': (d: { measureId: string }) => `没有措施 ${d.measureId}`,
    en: (d: { measureId: string }) => `There is no measure ${d.measureId}`,
  },
  'risk/measure-done': {
    'zh-CN': (d: { measureId: string }) => `措施 ${d.measureId} 已完成`,
    en: (d: { measureId: string }) => `Measure ${d.measureId} is already done`,
  },
  'risk/open-measures': {
    'zh-CN': (d: { count: number }) => `还有 ${d.count} 项措施未完成，只能以“接受”方式办结`,
    en: (d: { count: number }) => `${d.count} measures are still open; the risk can only be closed as accepted`,
  },
  'risk/dates-out-of-order': {
    'zh-CN': (d: { date: string; earliest: string }) => `日期 ${d.date} 早于 ${d.earliest}`,
    en: (d: { date: string; earliest: string }) => `Date ${d.date} is before ${d.earliest}`,
  },
  'risk/duplicate-consultation': {
    'zh-CN': (d: { consultationId: string }) => `会商 ${d.consultationId} 已记录`,
    en: (d: { consultationId: string }) => `Consultation ${d.consultationId} is already recorded`,
  },
  'risk/not-reviewed': {
    'zh-CN': (d: { riskId: string }) => `会商决定涉及的风险 ${d.riskId} 不在本次会商的研判清单中`,
    en: (d: { riskId: string }) => `A decision concerns risk ${d.riskId}, which the consultation did not review`,
  },
  'risk/duplicate-key-post': {
    'zh-CN': (d: { postId: string }) => `关键岗位 ${d.postId} 已登记`,
    en: (d: { postId: string }) => `Key post ${d.postId} is already registered`,
  },
  'risk/unknown-key-post': {
    'zh-CN': (d: { postId: string }) => `未登记关键岗位 ${d.postId}`,
    en: (d: { postId: string }) => `Key post ${d.postId} is not registered`,
  },
  'risk/not-a-key-post': {
    'zh-CN': (d: { postId: string }) => `岗位 ${d.postId} 不符合任何一项关键岗位认定条件`,
    en: (d: { postId: string }) => `Post ${d.postId} meets none of the five key-post criteria`,
  },
  'risk/level-contradicts-criteria': {
    'zh-CN': (d: { claimed: IntegrityLevel; computed: IntegrityLevel }) =>
      `填报的廉政风险等级“${zh(integrityLevelLabels, d.claimed)}”与认定条件得出的“${zh(integrityLevelLabels, d.computed)}”不符`,
    en: (d: { claimed: IntegrityLevel; computed: IntegrityLevel }) =>
      `The stated integrity level ${en(integrityLevelLabels, d.claimed)} contradicts the criteria, which give ${en(integrityLevelLabels, d.computed)}`,
  },
  'risk/response-incomplete': {
    'zh-CN': (d: { stage: IntegrityResponseStage }) =>
      `“${zh(integrityResponseStageLabels, d.stage)}”须写明处置方式或移送机关`,
    en: (d: { stage: IntegrityResponseStage }) =>
      `A ${en(integrityResponseStageLabels, d.stage)} must name its actions or the body it goes to`,
  },
  'risk/duplicate-response': {
    'zh-CN': (d: { postId: string; responseId: string }) => `关键岗位 ${d.postId} 已记录处置 ${d.responseId}`,
    en: (d: { postId: string; responseId: string }) =>
      `Response ${d.responseId} is already recorded on key post ${d.postId}`,
  },
});

/**
 * Every error code the risk module raises; codes are public API and never renamed.
 * @category Errors
 */
export type RiskErrorCode =
  | 'risk/band-gap'
  | 'risk/band-overlap'
  | 'risk/band-not-covering'
  | 'risk/band-not-monotone'
  | 'risk/scale-not-ascending'
  | 'risk/missing-cell'
  | 'risk/cell-not-monotone'
  | 'risk/unknown-method'
  | 'risk/rating-off-scale'
  | 'risk/level-contradicts-method'
  | 'risk/duplicate-risk'
  | 'risk/unknown-risk'
  | 'risk/wrong-stage'
  | 'risk/duplicate-measure'
  | 'risk/unknown-measure'
  | 'risk/measure-done'
  | 'risk/open-measures'
  | 'risk/dates-out-of-order'
  | 'risk/duplicate-consultation'
  | 'risk/not-reviewed'
  | 'risk/duplicate-key-post'
  | 'risk/unknown-key-post'
  | 'risk/not-a-key-post'
  | 'risk/level-contradicts-criteria'
  | 'risk/response-incomplete'
  | 'risk/duplicate-response'
  | 'risk/not-successor';
