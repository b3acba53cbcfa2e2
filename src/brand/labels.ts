import type { Labels } from '../core/index.js';
import type { BrandCommandType } from './commands.js';
import type { ActivityKind, BrandFacet, HonorLevel, Qualifier } from './schema.js';
import type { BrandStatus, BrandStep, PeriodicReviewOutcome } from './state.js';

/** Labels of the lifecycle statuses. @category Brand */
export const brandStatusLabels: Labels<BrandStatus> = {
  draft: { 'zh-CN': '草拟', en: 'draft' },
  declared: { 'zh-CN': '已申报', en: 'declared' },
  cultivating: { 'zh-CN': '培育中', en: 'cultivating' },
  reviewed: { 'zh-CN': '已评选', en: 'reviewed' },
  named: { 'zh-CN': '已命名', en: 'named' },
  'under-review': { 'zh-CN': '复核中', en: 'under periodic review' },
  revoked: { 'zh-CN': '已撤销', en: 'withdrawn' },
};

/** Labels of the four facets (精心学习·精准服务·精细作风·精致品牌). @category Brand */
export const brandFacetLabels: Labels<BrandFacet> = {
  study: { 'zh-CN': '精心学习', en: 'careful study' },
  service: { 'zh-CN': '精准服务', en: 'precise service' },
  conduct: { 'zh-CN': '精细作风', en: 'meticulous conduct' },
  brand: { 'zh-CN': '精致品牌', en: 'refined brand' },
};

/** Labels of the honor levels. @category Brand */
export const honorLevelLabels: Labels<HonorLevel> = {
  national: { 'zh-CN': '国家级', en: 'national' },
  provincial: { 'zh-CN': '省级', en: 'provincial' },
  municipal: { 'zh-CN': '市级', en: 'municipal' },
  county: { 'zh-CN': '县级', en: 'county' },
  internal: { 'zh-CN': '本单位', en: 'own bureau' },
};

/** Labels of the activity kinds. @category Brand */
export const activityKindLabels: Labels<ActivityKind> = {
  'themed-party-day': { 'zh-CN': '主题党日', en: 'themed party day' },
  'joint-building': { 'zh-CN': '结对共建', en: 'joint building' },
  'volunteer-service': { 'zh-CN': '志愿服务', en: 'volunteer service' },
  'study-session': { 'zh-CN': '集中学习', en: 'study session' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** Labels of the figure qualifiers, as printed before the number. @category Brand */
export const qualifierLabels: Labels<Qualifier> = {
  exact: { 'zh-CN': '', en: '' },
  'at-least': { 'zh-CN': '≥', en: '≥' },
  'more-than': { 'zh-CN': '>', en: '>' },
  'at-most': { 'zh-CN': '≤', en: '≤' },
  'less-than': { 'zh-CN': '<', en: '<' },
};

/** Labels of the periodic-review outcomes. @category Brand */
export const reviewOutcomeLabels: Labels<PeriodicReviewOutcome> = {
  kept: { 'zh-CN': '保留', en: 'kept' },
  downgraded: { 'zh-CN': '降级', en: 'downgraded' },
  withdrawn: { 'zh-CN': '撤销', en: 'withdrawn' },
};

/** Labels of the steps in a brand's history. @category Brand */
export const brandStepLabels: Labels<BrandStep['step']> = {
  drafted: { 'zh-CN': '草拟', en: 'drafted' },
  declared: { 'zh-CN': '申报', en: 'declared' },
  'cultivation-started': { 'zh-CN': '进入培育', en: 'cultivation started' },
  selected: { 'zh-CN': '评选入选', en: 'selected' },
  'not-selected': { 'zh-CN': '评选未入选', en: 'not selected' },
  named: { 'zh-CN': '命名授牌', en: 'named' },
  'periodic-review-started': { 'zh-CN': '启动复核', en: 'periodic review started' },
  kept: { 'zh-CN': '复核保留', en: 'kept on review' },
  downgraded: { 'zh-CN': '复核降级', en: 'downgraded on review' },
  withdrawn: { 'zh-CN': '复核撤销', en: 'withdrawn on review' },
  revoked: { 'zh-CN': '撤销', en: 'withdrawn' },
  renamed: { 'zh-CN': '更名', en: 'renamed' },
  rebranded: { 'zh-CN': '品牌重塑', en: 're-branded' },
  'handed-over': { 'zh-CN': '移交承继支部', en: 'handed to the successor branch' },
};

/** Labels of the commands, used in messages about steps taken out of order. @category Brand */
export const brandCommandLabels: Labels<BrandCommandType> = {
  draft: { 'zh-CN': '草拟品牌', en: 'draft' },
  'update-profile': { 'zh-CN': '修改品牌资料', en: 'update the profile of' },
  declare: { 'zh-CN': '申报', en: 'declare' },
  'start-cultivation': { 'zh-CN': '进入培育', en: 'start cultivating' },
  review: { 'zh-CN': '评选', en: 'review' },
  name: { 'zh-CN': '命名授牌', en: 'name' },
  'start-periodic-review': { 'zh-CN': '启动复核', en: 'start the periodic review of' },
  'conclude-periodic-review': { 'zh-CN': '作出复核结论', en: 'conclude the periodic review of' },
  revoke: { 'zh-CN': '撤销', en: 'withdraw' },
  rename: { 'zh-CN': '更名', en: 'rename' },
  rebrand: { 'zh-CN': '品牌重塑', en: 're-brand' },
  'hand-over': { 'zh-CN': '移交', en: 'hand over' },
  'record-achievement': { 'zh-CN': '登记成效', en: 'record an achievement for' },
  'record-honor': { 'zh-CN': '登记荣誉', en: 'record an honor for' },
  'record-activity': { 'zh-CN': '登记活动', en: 'record an activity for' },
};
