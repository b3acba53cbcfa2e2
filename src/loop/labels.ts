import type { Labels } from '../core/index.js';
import type { DeploymentSourceKind, InspectionKind, NoticeTone, Priority, Severity } from './schema.js';
import type {
  Deployment,
  Inspection,
  ProblemStage,
  ProblemStatus,
  ProblemStep,
  Resolution,
  SupervisionOrder,
} from './state.js';

/** A link of the closed loop that can be owed (and missing): the 断环 kinds. @category Loop */
export type LoopLink = 'inspection' | 'notice' | 'supervision' | 'resolution' | 'review' | 'look-back' | 'strike-off';

/** Escalation colours: green on schedule, blue near the deadline, yellow just overdue, red long overdue. @category Loop */
export type EscalationColour = 'green' | 'blue' | 'yellow' | 'red';

/** Labels of the loop links. @category Labels */
export const loopLinkLabels: Labels<LoopLink> = {
  inspection: { 'zh-CN': '检查', en: 'inspection' },
  notice: { 'zh-CN': '通报', en: 'notice' },
  supervision: { 'zh-CN': '督办', en: 'supervision' },
  resolution: { 'zh-CN': '处结', en: 'resolution' },
  review: { 'zh-CN': '处结审核', en: 'review' },
  'look-back': { 'zh-CN': '回头看', en: 'look-back' },
  'strike-off': { 'zh-CN': '销号', en: 'strike-off' },
};

/** Labels of the escalation colours. @category Labels */
export const escalationColourLabels: Labels<EscalationColour> = {
  green: { 'zh-CN': '绿', en: 'green' },
  blue: { 'zh-CN': '蓝', en: 'blue' },
  yellow: { 'zh-CN': '黄', en: 'yellow' },
  red: { 'zh-CN': '红', en: 'red' },
};

/** Labels of deployment sources. @category Labels */
export const deploymentSourceKindLabels: Labels<DeploymentSourceKind> = {
  document: { 'zh-CN': '文件', en: 'document' },
  instruction: { 'zh-CN': '领导批示', en: "leader's instruction" },
  meeting: { 'zh-CN': '会议', en: 'meeting' },
  plan: { 'zh-CN': '工作计划', en: 'work plan' },
};

/** Labels of priorities. @category Labels */
export const priorityLabels: Labels<Priority> = {
  normal: { 'zh-CN': '一般', en: 'normal' },
  high: { 'zh-CN': '重要', en: 'high' },
  urgent: { 'zh-CN': '紧急', en: 'urgent' },
};

/** Labels of inspection kinds. @category Labels */
export const inspectionKindLabels: Labels<InspectionKind> = {
  frontline: { 'zh-CN': '一线检查', en: 'frontline inspection' },
  'dual-check': { 'zh-CN': '一事双查', en: 'dual check' },
  'self-check': { 'zh-CN': '自查', en: 'self-check' },
  'special-campaign': { 'zh-CN': '专项整治', en: 'special campaign' },
};

/** Labels of notice tones. @category Labels */
export const noticeToneLabels: Labels<NoticeTone> = {
  praise: { 'zh-CN': '表扬', en: 'praise' },
  criticism: { 'zh-CN': '批评', en: 'criticism' },
  mixed: { 'zh-CN': '有褒有贬', en: 'praise and criticism' },
};

/** Labels of problem severities. @category Labels */
export const severityLabels: Labels<Severity> = {
  minor: { 'zh-CN': '轻微', en: 'minor' },
  general: { 'zh-CN': '一般', en: 'general' },
  serious: { 'zh-CN': '较重', en: 'serious' },
  major: { 'zh-CN': '重大', en: 'major' },
};

/** Labels of deployment statuses. @category Labels */
export const deploymentStatusLabels: Labels<Deployment['status']> = {
  open: { 'zh-CN': '办理中', en: 'open' },
  closed: { 'zh-CN': '已办结', en: 'closed' },
};

/** Labels of inspection statuses. @category Labels */
export const inspectionStatusLabels: Labels<Inspection['status']> = {
  'awaiting-notice': { 'zh-CN': '待通报', en: 'awaiting notice' },
  notified: { 'zh-CN': '已通报', en: 'notified' },
};

/** Labels of problem statuses (the 问题后处置台账 column 状态). @category Labels */
export const problemStatusLabels: Labels<ProblemStatus> = {
  'awaiting-order': { 'zh-CN': '待督办', en: 'awaiting supervision' },
  'under-supervision': { 'zh-CN': '督办中', en: 'under supervision' },
  resolved: { 'zh-CN': '已处结待回头看', en: 'resolved, look-back due' },
  'looked-back': { 'zh-CN': '回头看通过待销号', en: 'looked back, strike-off due' },
  'struck-off': { 'zh-CN': '已销号', en: 'struck off' },
};

/** Labels of the stages of the per-problem flow. @category Labels */
export const problemStageLabels: Labels<ProblemStage> = {
  'awaiting-order': { 'zh-CN': '待督办', en: 'awaiting supervision' },
  'under-supervision': { 'zh-CN': '督办中', en: 'under supervision' },
  'awaiting-review': { 'zh-CN': '已报结待审核', en: 'awaiting review of its resolution' },
  resolved: { 'zh-CN': '已处结待回头看', en: 'resolved, look-back due' },
  'looked-back': { 'zh-CN': '回头看通过待销号', en: 'looked back, strike-off due' },
  'struck-off': { 'zh-CN': '已销号', en: 'struck off' },
};

/** Labels of the steps of the per-problem flow. @category Labels */
export const problemStepLabels: Labels<ProblemStep> = {
  'supervision-ordered': { 'zh-CN': '下达督办', en: 'supervision ordered' },
  'resolution-reported': { 'zh-CN': '报告处结', en: 'resolution reported' },
  'resolution-accepted': { 'zh-CN': '审核通过', en: 'resolution accepted' },
  'resolution-returned': { 'zh-CN': '退回', en: 'resolution returned' },
  'look-back-passed': { 'zh-CN': '回头看通过', en: 'look-back passed' },
  'look-back-failed': { 'zh-CN': '回头看未通过', en: 'look-back failed' },
  'problem-struck-off': { 'zh-CN': '销号', en: 'struck off' },
};

/** Labels of supervision-order statuses. @category Labels */
export const orderStatusLabels: Labels<SupervisionOrder['status']> = {
  open: { 'zh-CN': '办理中', en: 'open' },
  reported: { 'zh-CN': '已报结待审核', en: 'reported, under review' },
  resolved: { 'zh-CN': '已处结', en: 'resolved' },
};

/** Labels of resolution statuses. @category Labels */
export const resolutionStatusLabels: Labels<Resolution['status']> = {
  submitted: { 'zh-CN': '待审核', en: 'submitted' },
  accepted: { 'zh-CN': '审核通过', en: 'accepted' },
  returned: { 'zh-CN': '退回', en: 'returned' },
};
