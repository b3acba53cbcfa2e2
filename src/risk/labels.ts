import type { Labels } from '../core/index.js';
import type {
  ConsultationDecision,
  EscalationRole,
  IntegrityAction,
  IntegrityLevel,
  IntegrityResponseStage,
} from './commands.js';
import type { ClosureKind, RatingTier, RiskColour, RiskLevel, RiskSource, RiskStage } from './schema.js';

/** Risk levels: 重大, 较大, 一般, 低. @category Labels */
export const riskLevelLabels: Labels<RiskLevel> = {
  major: { 'zh-CN': '重大', en: 'major' },
  significant: { 'zh-CN': '较大', en: 'significant' },
  general: { 'zh-CN': '一般', en: 'general' },
  low: { 'zh-CN': '低', en: 'low' },
};

/** Level colours: 红, 橙, 黄, 蓝. @category Labels */
export const riskColourLabels: Labels<RiskColour> = {
  red: { 'zh-CN': '红', en: 'red' },
  orange: { 'zh-CN': '橙', en: 'orange' },
  yellow: { 'zh-CN': '黄', en: 'yellow' },
  blue: { 'zh-CN': '蓝', en: 'blue' },
};

/** The built-in categories (custom `x-…` categories carry their own labels in the host). @category Labels */
export const riskCategoryLabels: Labels<
  | 'food'
  | 'drugs'
  | 'special-equipment'
  | 'product-quality'
  | 'market-order'
  | 'integrity'
  | 'ideological-work'
  | 'other'
> = {
  food: { 'zh-CN': '食品安全', en: 'food safety' },
  drugs: { 'zh-CN': '药品医疗器械', en: 'drugs and devices' },
  'special-equipment': { 'zh-CN': '特种设备', en: 'special equipment' },
  'product-quality': { 'zh-CN': '产品质量', en: 'product quality' },
  'market-order': { 'zh-CN': '市场秩序', en: 'market order' },
  integrity: { 'zh-CN': '廉政风险', en: 'integrity' },
  'ideological-work': { 'zh-CN': '意识形态', en: 'ideological work' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** Sources: 会商, 检查, 投诉举报, 监测, 自查. @category Labels */
export const riskSourceLabels: Labels<RiskSource> = {
  consultation: { 'zh-CN': '风险会商', en: 'consultation' },
  inspection: { 'zh-CN': '监督检查', en: 'inspection' },
  complaint: { 'zh-CN': '投诉举报（12315）', en: 'complaint (12315)' },
  monitoring: { 'zh-CN': '监测', en: 'monitoring' },
  'self-screening': { 'zh-CN': '自查排查', en: 'self-screening' },
};

/** Stages of a risk. @category Labels */
export const riskStageLabels: Labels<RiskStage> = {
  identified: { 'zh-CN': '已识别', en: 'identified' },
  assessed: { 'zh-CN': '已评估', en: 'assessed' },
  assigned: { 'zh-CN': '已落实责任', en: 'assigned' },
  controlling: { 'zh-CN': '管控中', en: 'controlling' },
  closed: { 'zh-CN': '已办结', en: 'closed' },
  reopened: { 'zh-CN': '重新打开', en: 'reopened' },
};

/** Ways of closing: 消除, 接受, 移交. @category Labels */
export const closureKindLabels: Labels<ClosureKind> = {
  eliminated: { 'zh-CN': '已消除', en: 'eliminated' },
  accepted: { 'zh-CN': '经批准接受', en: 'accepted' },
  transferred: { 'zh-CN': '已移交', en: 'transferred' },
};

/** Rating tiers: 固有, 现状, 目标（剩余）. @category Labels */
export const ratingTierLabels: Labels<RatingTier> = {
  inherent: { 'zh-CN': '固有风险', en: 'inherent' },
  current: { 'zh-CN': '现状风险', en: 'current' },
  target: { 'zh-CN': '目标（剩余）风险', en: 'target (residual)' },
};

/** Roles informed on escalation. @category Labels */
export const escalationRoleLabels: Labels<EscalationRole> = {
  'responsible-person': { 'zh-CN': '责任人', en: 'responsible person' },
  'department-head': { 'zh-CN': '科室负责人', en: 'department head' },
  'leader-in-charge': { 'zh-CN': '分管领导', en: 'leader in charge' },
  'principal-leader': { 'zh-CN': '主要负责人', en: 'principal leader' },
  'party-group': { 'zh-CN': '党组', en: 'party group' },
};

/** Stages of the integrity response. @category Labels */
export const integrityResponseStageLabels: Labels<IntegrityResponseStage> = {
  'warning-notice': { 'zh-CN': '预警提醒（防控通知书）', en: 'warning (prevention notice)' },
  'handling-notice': { 'zh-CN': '处置通知书', en: 'handling notice' },
  referral: { 'zh-CN': '移送处理', en: 'referral' },
};

/** Actions of a handling notice. @category Labels */
export const integrityActionLabels: Labels<IntegrityAction> = {
  'formal-talk': { 'zh-CN': '约谈', en: 'formal talk' },
  'admonition-talk': { 'zh-CN': '诫勉谈话', en: 'admonition talk' },
  'circulated-criticism': { 'zh-CN': '通报批评', en: 'circulated criticism' },
  'deadline-to-fix': { 'zh-CN': '责令限期整改', en: 'deadline to fix' },
};

/** Kinds of consultation decision, as the minutes name them. @category Labels */
export const decisionLabels: Labels<ConsultationDecision['type']> = {
  'identify-risk': { 'zh-CN': '新识别风险', en: 'new risk identified' },
  'assess-risk': { 'zh-CN': '评估定级', en: 'risk assessed' },
  're-rate-risk': { 'zh-CN': '调整等级', en: 'level changed' },
  'assign-risk': { 'zh-CN': '明确责任', en: 'owner assigned' },
  'add-measure': { 'zh-CN': '部署措施', en: 'measure assigned' },
  'close-risk': { 'zh-CN': '办结销号', en: 'risk closed' },
  'reopen-risk': { 'zh-CN': '重新打开', en: 'risk reopened' },
  escalate: { 'zh-CN': '提级报告', en: 'escalated' },
};

/** Labels of the integrity levels: 高 (一级), 中 (二级), 低 (三级). @category Integrity */
export const integrityLevelLabels: Labels<IntegrityLevel> = {
  high: { 'zh-CN': '高', en: 'high' },
  medium: { 'zh-CN': '中', en: 'medium' },
  low: { 'zh-CN': '低', en: 'low' },
};
