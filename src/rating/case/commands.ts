import { z } from 'zod';
import { IdSchema, TextSchema } from '../../core/index.js';
import { AdminLevelSchema, StarLevelSchema } from '../stars.js';

const note = /* @__PURE__ */ TextSchema.optional();

/** Validates an `apply` command: a station applies for, or is recommended for, a star level (申报推荐). @category Rating case */
export const ApplyCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('apply'),
  /** Chosen by the host; when absent the context's `newId('rc')` is used. */
  caseId: IdSchema.optional(),
  unitId: IdSchema,
  star: StarLevelSchema,
  firstRound: z.boolean().optional(),
  municipality: z.boolean().optional(),
  recommendedBy: IdSchema.optional(),
  note,
});

/** Validates a `review-materials` command (审核材料); `passed: false` rejects the case. @category Rating case */
export const ReviewMaterialsCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('review-materials'),
  caseId: IdSchema,
  passed: z.boolean(),
  note,
});

/** Validates an `inspect-on-site` command (实地考察); `passed: false` rejects the case. @category Rating case */
export const InspectOnSiteCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('inspect-on-site'),
  caseId: IdSchema,
  passed: z.boolean(),
  inspectors: z.array(IdSchema).max(50).optional(),
  note,
});

/** Validates a `give-feedback` command (反馈意见): the findings sent back to the station. @category Rating case */
export const GiveFeedbackCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('give-feedback'),
  caseId: IdSchema,
  feedback: TextSchema,
});

/** Validates a `decide-at-meeting` command (党组会议研究); `approved: false` rejects the case. @category Rating case */
export const DecideAtMeetingCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('decide-at-meeting'),
  caseId: IdSchema,
  approved: z.boolean(),
  note,
});

/** Validates a `start-notice` command: the public notice (公示) of an approved case for a number of days. @category Rating case */
export const StartNoticeCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('start-notice'),
  caseId: IdSchema,
  days: z.number().int().min(1).max(60),
  /** Working days or calendar days; the decider's default when absent. */
  counting: z.enum(['workdays', 'days']).optional(),
});

/** Validates a `raise-objection` command: an objection received during the public notice. @category Rating case */
export const RaiseObjectionCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('raise-objection'),
  caseId: IdSchema,
  objectionId: IdSchema,
  text: TextSchema,
});

/** Validates a `resolve-objection` command; an upheld objection rejects the case. @category Rating case */
export const ResolveObjectionCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('resolve-objection'),
  caseId: IdSchema,
  objectionId: IdSchema,
  upheld: z.boolean(),
  note: TextSchema,
});

/** Validates an `award` command (授牌) by the bureau of the star's awarding level. @category Rating case */
export const AwardCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('award'),
  caseId: IdSchema,
  awardingUnitId: IdSchema,
  /** The administrative level the awarding bureau declares; checked against the directory when one is given. */
  awardingLevel: AdminLevelSchema,
  /** Two years by default; five stars are always rated every two years. */
  cycleYears: z.union([z.literal(1), z.literal(2)]).optional(),
  recheckEveryMonths: z.number().int().min(1).max(24).optional(),
  certificateNo: z.string().trim().min(1).max(64).optional(),
});

/** Validates a `recheck` command (复核): keep the star, demote it to `toStar`, or withdraw it (摘牌). @category Rating case */
export const RecheckCommandSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('recheck'),
  caseId: IdSchema,
  outcome: z.enum(['keep', 'demote', 'withdraw']),
  toStar: StarLevelSchema.optional(),
  note,
});

/** Validates any rating-case command. @category Rating case */
export const RatingCaseCommandSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  ApplyCommandSchema,
  ReviewMaterialsCommandSchema,
  InspectOnSiteCommandSchema,
  GiveFeedbackCommandSchema,
  DecideAtMeetingCommandSchema,
  StartNoticeCommandSchema,
  RaiseObjectionCommandSchema,
  ResolveObjectionCommandSchema,
  AwardCommandSchema,
  RecheckCommandSchema,
]);

/** A command of the rating-case workflow, discriminated on `type`. @category Rating case */
export type RatingCaseCommand = z.input<typeof RatingCaseCommandSchema>;
