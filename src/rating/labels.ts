import type { Labels } from '../core/index.js';
import type { Aggregation, ScoringRuleKind, VetoEffect } from './schema.js';

/** Chinese and English names of the scoring rule kinds (评分方法). @category Labels */
export const ruleKindLabels: Labels<ScoringRuleKind> = {
  binary: { 'zh-CN': '是否判定', en: 'yes/no' },
  ratio: { 'zh-CN': '比例计分', en: 'ratio to target' },
  tiered: { 'zh-CN': '分档计分', en: 'tiered bands' },
  deduction: { 'zh-CN': '扣分制', en: 'deduction per occurrence' },
  manual: { 'zh-CN': '评审打分', en: "assessor's score" },
  computed: { 'zh-CN': '数据自动计算', en: 'computed from a metric' },
  rank: { 'zh-CN': '排名计分', en: 'rank in cohort' },
};

/** Chinese and English names of the aggregation modes. @category Labels */
export const aggregationLabels: Labels<Aggregation> = {
  sum: { 'zh-CN': '求和', en: 'sum' },
  weighted: { 'zh-CN': '加权平均', en: 'weighted average' },
  min: { 'zh-CN': '取最低', en: 'minimum' },
};

/** Chinese and English names of the veto effects (一票否决的后果). @category Labels */
export const vetoEffectLabels: Labels<VetoEffect['kind']> = {
  disqualify: { 'zh-CN': '取消评星资格', en: 'disqualified from any star' },
  cap: { 'zh-CN': '限定最高星级', en: 'capped at a star' },
  zero: { 'zh-CN': '该项清零', en: 'subtree zeroed' },
};
