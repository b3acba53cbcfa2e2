import { defineErrors } from '../../core/index.js';

/** The rating-case workflow's errors, declared once with both message templates. @internal */
export const ratingCaseError = /* @__PURE__ */ defineErrors({
  'rating/case-unknown': {
    'zh-CN': (d: { caseId: string }) => `评定案件 ${d.caseId} 不存在`,
    en: (d: { caseId: string }) => `Rating case ${d.caseId} does not exist`,
  },
  'rating/case-duplicate-id': {
    'zh-CN': (d: { caseId: string }) => `评定案件编号 ${d.caseId} 已被另一申报使用`,
    en: (d: { caseId: string }) => `Rating case id ${d.caseId} is already used by another application`,
  },
  'rating/case-already-open': {
    'zh-CN': (d: { unitId: string; star: number; caseId: string }) =>
      `${d.unitId} 已有进行中的${d.star}星评定案件 ${d.caseId}`,
    en: (d: { unitId: string; star: number; caseId: string }) =>
      `${d.unitId} already has an open ${d.star}-star rating case ${d.caseId}`,
  },
  'rating/case-star-already-held': {
    'zh-CN': (d: { unitId: string; held: number; star: number }) =>
      `${d.unitId} 已持有${d.held}星，不能再申报或授予${d.star}星`,
    en: (d: { unitId: string; held: number; star: number }) =>
      `${d.unitId} already holds ${d.held} stars and cannot apply for or be awarded ${d.star}`,
  },
  'rating/case-prerequisite-missing': {
    'zh-CN': (d: { unitId: string; star: number; required: number }) =>
      `逐级申报、逐级评定：${d.unitId} 申报或获授${d.star}星时须持有${d.required}星（首轮评定除外）`,
    en: (d: { unitId: string; star: number; required: number }) =>
      `Step by step: ${d.unitId} must hold ${d.required} stars to apply for or be awarded ${d.star} (except in a first round)`,
  },
  'rating/case-step-skipped': {
    'zh-CN': (d: { caseId: string; step: string; expected: string }) =>
      `案件 ${d.caseId} 不能跳过步骤：下一步应为“${d.expected}”，不能直接“${d.step}”`,
    en: (d: { caseId: string; step: string; expected: string }) =>
      `Case ${d.caseId} cannot skip a step: next is "${d.expected}", not "${d.step}"`,
  },
  'rating/case-step-already-done': {
    'zh-CN': (d: { caseId: string; step: string }) => `案件 ${d.caseId} 的“${d.step}”步骤已完成`,
    en: (d: { caseId: string; step: string }) => `Case ${d.caseId} has already passed step "${d.step}"`,
  },
  'rating/case-closed': {
    'zh-CN': (d: { caseId: string; status: string }) => `案件 ${d.caseId} 已结束（${d.status}），不能再办理`,
    en: (d: { caseId: string; status: string }) => `Case ${d.caseId} is closed (${d.status}); nothing more can be done`,
  },
  'rating/case-not-in-notice': {
    'zh-CN': (d: { caseId: string }) => `案件 ${d.caseId} 不在公示期内，不能受理或处理异议`,
    en: (d: { caseId: string }) => `Case ${d.caseId} is not in public notice; objections cannot be taken or resolved`,
  },
  'rating/case-notice-ended': {
    'zh-CN': (d: { caseId: string; until: string }) => `案件 ${d.caseId} 的公示已于 ${d.until} 结束`,
    en: (d: { caseId: string; until: string }) => `The public notice of case ${d.caseId} ended on ${d.until}`,
  },
  'rating/case-notice-not-ended': {
    'zh-CN': (d: { caseId: string; until: string }) => `案件 ${d.caseId} 公示期至 ${d.until}，期满后方可授牌`,
    en: (d: { caseId: string; until: string }) =>
      `The public notice of case ${d.caseId} runs until ${d.until}; the award must wait until it ends`,
  },
  'rating/case-objection-open': {
    'zh-CN': (d: { caseId: string; objectionId: string }) =>
      `案件 ${d.caseId} 的异议 ${d.objectionId} 尚未处理，不能授牌`,
    en: (d: { caseId: string; objectionId: string }) =>
      `Objection ${d.objectionId} to case ${d.caseId} is still open; no award until it is resolved`,
  },
  'rating/case-duplicate-objection-id': {
    'zh-CN': (d: { objectionId: string }) => `异议编号 ${d.objectionId} 已存在`,
    en: (d: { objectionId: string }) => `Objection id ${d.objectionId} already exists`,
  },
  'rating/case-unknown-objection': {
    'zh-CN': (d: { objectionId: string }) => `异议 ${d.objectionId} 不存在`,
    en: (d: { objectionId: string }) => `Objection ${d.objectionId} does not exist`,
  },
  'rating/case-objection-already-resolved': {
    'zh-CN': (d: { objectionId: string }) => `异议 ${d.objectionId} 已作出不同的处理结论`,
    en: (d: { objectionId: string }) => `Objection ${d.objectionId} was already resolved differently`,
  },
  'rating/case-wrong-awarding-level': {
    'zh-CN': (d: { star: number; required: number; actual: number }) =>
      `${d.star}星应由第${d.required}级（${['', '总局', '省级', '市级', '区县'][d.required] ?? ''}）市场监管部门授予，而非第${d.actual}级`,
    en: (d: { star: number; required: number; actual: number }) =>
      `${d.star} stars are awarded at administrative level ${d.required}, not ${d.actual}`,
  },
  'rating/case-invalid-cycle': {
    'zh-CN': (d: { star: number; cycleYears: number }) => `${d.star}星评定周期为两年，不能为${d.cycleYears}年`,
    en: (d: { star: number; cycleYears: number }) =>
      `${d.star} stars are rated every two years, not every ${d.cycleYears}`,
  },
  'rating/case-invalid-demotion': {
    'zh-CN': (d: { star: number; toStar: number | null }) =>
      `降级须指定低于${d.star}星的星级（收到：${d.toStar ?? '无'}）`,
    en: (d: { star: number; toStar: number | null }) =>
      `A demotion needs a star below ${d.star} (got ${d.toStar ?? 'none'})`,
  },
  'rating/case-award-expired': {
    'zh-CN': (d: { caseId: string; validUntil: string }) =>
      `案件 ${d.caseId} 的星级有效期已于 ${d.validUntil} 届满，应重新申报`,
    en: (d: { caseId: string; validUntil: string }) =>
      `The award of case ${d.caseId} expired on ${d.validUntil}; the unit must apply again`,
  },
});

/**
 * Every error code the rating-case workflow raises (besides core validation and org reference
 * codes). Codes are public API.
 * @category Rating case
 */
export type RatingCaseErrorCode =
  | 'rating/case-unknown'
  | 'rating/case-duplicate-id'
  | 'rating/case-already-open'
  | 'rating/case-star-already-held'
  | 'rating/case-prerequisite-missing'
  | 'rating/case-step-skipped'
  | 'rating/case-step-already-done'
  | 'rating/case-closed'
  | 'rating/case-not-in-notice'
  | 'rating/case-notice-ended'
  | 'rating/case-notice-not-ended'
  | 'rating/case-objection-open'
  | 'rating/case-duplicate-objection-id'
  | 'rating/case-unknown-objection'
  | 'rating/case-objection-already-resolved'
  | 'rating/case-wrong-awarding-level'
  | 'rating/case-invalid-cycle'
  | 'rating/case-invalid-demotion'
  | 'rating/case-award-expired';
