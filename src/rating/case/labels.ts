import type { Labels } from '../../core/index.js';
import type { NoticeCounting, RatingCaseStatus, RatingHistoryEntry, RecheckOutcome } from './schema.js';

/** Names of the rating-case statuses. @category Rating case */
export const ratingCaseStatusLabels: Labels<RatingCaseStatus> = {
  applied: { 'zh-CN': '已申报', en: 'applied' },
  'materials-reviewed': { 'zh-CN': '材料已审核', en: 'materials reviewed' },
  inspected: { 'zh-CN': '已实地考察', en: 'inspected on site' },
  'feedback-given': { 'zh-CN': '已反馈意见', en: 'feedback given' },
  approved: { 'zh-CN': '党组会议通过', en: 'approved by the party group' },
  'in-notice': { 'zh-CN': '公示中', en: 'in public notice' },
  awarded: { 'zh-CN': '已授牌', en: 'awarded' },
  demoted: { 'zh-CN': '已降级', en: 'demoted' },
  withdrawn: { 'zh-CN': '已摘牌', en: 'withdrawn' },
  superseded: { 'zh-CN': '已被新评定取代', en: 'superseded' },
  rejected: { 'zh-CN': '未通过', en: 'rejected' },
};

/** Names of the lines of a case's timeline (the workflow steps and what happens between them). @category Rating case */
export const ratingStepLabels: Labels<RatingHistoryEntry['step']> = {
  apply: { 'zh-CN': '申报推荐', en: 'application and recommendation' },
  'review-materials': { 'zh-CN': '审核材料', en: 'material review' },
  'inspect-on-site': { 'zh-CN': '实地考察', en: 'on-site inspection' },
  'give-feedback': { 'zh-CN': '反馈意见', en: 'feedback' },
  'decide-at-meeting': { 'zh-CN': '党组会议研究', en: 'party group meeting decision' },
  'start-notice': { 'zh-CN': '公示', en: 'public notice' },
  award: { 'zh-CN': '授牌', en: 'award' },
  recheck: { 'zh-CN': '复核', en: 're-check' },
  objection: { 'zh-CN': '收到异议', en: 'objection raised' },
  'objection-resolved': { 'zh-CN': '异议处理', en: 'objection resolved' },
  superseded: { 'zh-CN': '被新评定取代', en: 'superseded by a new award' },
  rejected: { 'zh-CN': '终止（未通过）', en: 'rejected' },
};

/** Names of the re-check outcomes. @category Rating case */
export const recheckOutcomeLabels: Labels<RecheckOutcome> = {
  keep: { 'zh-CN': '保留', en: 'keep' },
  demote: { 'zh-CN': '降级', en: 'demote' },
  withdraw: { 'zh-CN': '摘牌', en: 'withdraw' },
};

/** Names of the ways a public notice is counted. @category Rating case */
export const noticeCountingLabels: Labels<NoticeCounting> = {
  workdays: { 'zh-CN': '工作日', en: 'working days' },
  days: { 'zh-CN': '自然日', en: 'calendar days' },
};
