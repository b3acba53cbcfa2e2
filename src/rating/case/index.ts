/**
 * The star-award workflow of market-supervision stations (`RatingCase`): 申报推荐 → 审核材料 → 实地考察 →
 * 反馈意见 → 党组会议研究 → 公示 → 授牌, then periodic 复核 with keep, demote or 摘牌.
 * @module rating/case
 */

export * from './commands.js';
export {
  createRatingCaseDecider,
  decideRatingCase,
  type RatingCaseOptions,
  ratingCaseDecider,
} from './decide.js';
export type { RatingCaseErrorCode } from './errors.js';
export * from './events.js';
export { evolveRatingCase } from './evolve.js';
export * from './labels.js';
export * from './queries.js';
export {
  type Award,
  type AwardedFields,
  type Demotion,
  type DemotionTrail,
  isOpenCase,
  type NoticeCounting,
  type Objection,
  type OpenRatingCaseStatus,
  type PublicNotice,
  RATING_STEPS,
  type RatingCase,
  type RatingCaseBase,
  type RatingCaseStatus,
  type RatingHistoryEntry,
  type RatingStep,
  type RecheckOutcome,
} from './schema.js';
export { initialRatingCaseState, type RatingCaseState, starHeldOn } from './state.js';
