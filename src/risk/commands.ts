import { z } from 'zod';
import { IdSchema, IsoDateSchema, NameSchema, TextSchema } from '../core/index.js';
import { RISK_SOURCES, RiskCategorySchema, RiskFactorsSchema, RiskLevelSchema } from './schema.js';

const riskId = IdSchema;
const on = IsoDateSchema.optional();

/** Puts a newly found risk on the list (风险清单化). @category Commands */
export const IdentifyRiskSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('identify-risk'),
  riskId,
  title: NameSchema,
  category: RiskCategorySchema,
  source: z.enum(RISK_SOURCES),
  sourceRef: NameSchema.optional(),
  unitId: IdSchema,
  postId: IdSchema.optional(),
  on,
});

/** Rates a risk for the first time: inherent, current (defaults to inherent) and target. @category Commands */
export const AssessRiskSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('assess-risk'),
  riskId,
  methodId: IdSchema,
  inherent: RiskFactorsSchema,
  current: RiskFactorsSchema.optional(),
  target: RiskFactorsSchema.optional(),
  /** The level the assessor wrote down for the current tier; refused when the method disagrees. */
  level: RiskLevelSchema.optional(),
  reason: TextSchema,
});

/** Changes one rating tier of a risk, with the reason (recorded in the score history). @category Commands */
export const ReRateRiskSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('re-rate-risk'),
  riskId,
  tier: z.enum(['inherent', 'current', 'target']),
  factors: RiskFactorsSchema,
  level: RiskLevelSchema.optional(),
  reason: TextSchema,
});

/** Gives a risk an owner unit, a responsible person and a deadline (清单责任化、办结时效化). @category Commands */
export const AssignRiskSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('assign-risk'),
  riskId,
  ownerUnitId: IdSchema,
  responsibleId: IdSchema,
  deadline: IsoDateSchema,
  on,
});

/** Adds a control measure with its own owner and deadline; the first one starts control. @category Commands */
export const AddMeasureSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('add-measure'),
  riskId,
  measureId: IdSchema,
  text: TextSchema,
  ownerId: IdSchema,
  deadline: IsoDateSchema,
  on,
});

/** Marks a measure done, with its evidence. @category Commands */
export const CompleteMeasureSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('complete-measure'),
  riskId,
  measureId: IdSchema,
  evidence: TextSchema,
  on,
});

/** Records a tracking note; a review restarts the review cadence (落实跟踪化). @category Commands */
export const TrackRiskSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('track-risk'),
  riskId,
  note: TextSchema,
  review: z.boolean().optional(),
  on,
});

/** How a close command says the risk ended. @category Commands */
export const ClosureSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('eliminated'), evidence: TextSchema }),
  z.strictObject({ kind: z.literal('accepted'), approverId: IdSchema, expiresOn: IsoDateSchema, reason: TextSchema }),
  z.strictObject({ kind: z.literal('transferred'), toUnitId: IdSchema, reference: NameSchema }),
]);

/** Closes a risk: eliminated (with evidence), accepted (approver, expiry) or transferred. @category Commands */
export const CloseRiskSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('close-risk'),
  riskId,
  closure: ClosureSchema,
  on,
});

/**
 * Reopens a closed risk with the reason. `deadline` sets the deadline in force from then on (not before the
 * reopening day); without it the deadline moves later by the working days the risk spent closed, so those days
 * never count as late.
 * @category Commands
 */
export const ReopenRiskSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('reopen-risk'),
  riskId,
  reason: TextSchema,
  deadline: IsoDateSchema.optional(),
  on,
});

/** Who is informed when a risk escalates. @category Commands */
export const ESCALATION_ROLES = [
  'responsible-person',
  'department-head',
  'leader-in-charge',
  'principal-leader',
  'party-group',
] as const;
/** Who is informed: 责任人, 科室负责人, 分管领导, 主要负责人, 党组. @category Commands */
export type EscalationRole = (typeof ESCALATION_ROLES)[number];

/** A consultation's decision to escalate a risk to a higher level of leadership. @category Commands */
export const EscalateDecisionSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('escalate'),
  riskId,
  to: z.enum(ESCALATION_ROLES),
  note: TextSchema,
});

/** One decision of a consultation: the command it becomes, or an escalation. @category Commands */
export const ConsultationDecisionSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  IdentifyRiskSchema,
  AssessRiskSchema,
  ReRateRiskSchema,
  AssignRiskSchema,
  AddMeasureSchema,
  CloseRiskSchema,
  ReopenRiskSchema,
  EscalateDecisionSchema,
]);
/** One decision of a consultation. @category Commands */
export type ConsultationDecision = z.infer<typeof ConsultationDecisionSchema>;

/** Records a risk consultation (风险会商) and carries out its decisions in order. @category Commands */
export const HoldConsultationSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('hold-consultation'),
  consultationId: IdSchema,
  kind: z.enum(['regular', 'ad-hoc']),
  title: NameSchema,
  date: IsoDateSchema,
  participants: z.array(IdSchema).min(1).max(200),
  /** The risks already on the list that the meeting reviewed; their review cadence restarts from `date`. */
  reviewed: z.array(IdSchema).max(10_000),
  decisions: z.array(ConsultationDecisionSchema).max(1_000),
});

/** The five criteria that make a post a key post for integrity risk (§4.4). @category Integrity */
export const KeyPostCriteriaSchema = /* @__PURE__ */ z.strictObject({
  powerOrResources: z.boolean(),
  discretion: z.boolean(),
  opennessOrCollective: z.boolean(),
  indirectGain: z.boolean(),
  highIncidence: z.boolean(),
});
/** The five key-post criteria, each met or not. @category Integrity */
export type KeyPostCriteria = z.infer<typeof KeyPostCriteriaSchema>;

/** Integrity-risk level of a key post: 一级 high, 二级 medium, 三级 low. @category Integrity */
export type IntegrityLevel = 'high' | 'medium' | 'low';

/** Registers a key post in the integrity-risk register (廉政风险防控). @category Commands */
export const RegisterKeyPostSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('register-key-post'),
  postId: IdSchema,
  unitId: IdSchema,
  power: NameSchema,
  riskPoints: z.array(NameSchema).min(1).max(50),
  criteria: KeyPostCriteriaSchema,
  level: z.enum(['high', 'medium', 'low']).optional(),
  measures: z.array(NameSchema).min(1).max(50),
  responsibleId: IdSchema,
  on,
});

/** The staged response to an integrity risk: 预警 warning notice → 处置 handling notice → 移送 referral. @category Integrity */
export const INTEGRITY_RESPONSE_STAGES = ['warning-notice', 'handling-notice', 'referral'] as const;
/** A stage of the integrity response. @category Integrity */
export type IntegrityResponseStage = (typeof INTEGRITY_RESPONSE_STAGES)[number];

/** What a handling notice may order. @category Integrity */
export const INTEGRITY_ACTIONS = ['formal-talk', 'admonition-talk', 'circulated-criticism', 'deadline-to-fix'] as const;
/** 约谈, 诫勉谈话, 通报批评, 责令限期整改. @category Integrity */
export type IntegrityAction = (typeof INTEGRITY_ACTIONS)[number];

/** Records one step of the staged response on a key post. @category Commands */
export const RespondIntegrityRiskSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('respond-integrity-risk'),
  postId: IdSchema,
  responseId: IdSchema,
  stage: z.enum(INTEGRITY_RESPONSE_STAGES),
  note: TextSchema,
  actions: z.array(z.enum(INTEGRITY_ACTIONS)).max(4).optional(),
  referredTo: z.enum(['discipline-inspection', 'judiciary']).optional(),
  on,
});

/**
 * Re-homes the open risks of a unit merged away (机构合并) to its successor: risks not closed that the
 * unit is concerned by or owns. Closed risks keep their unit. With a directory, `toUnitId` must be
 * the org successor of `fromUnitId` on `on`.
 * @category Commands
 */
export const RehomeUnitSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('rehome-unit'),
  fromUnitId: IdSchema,
  toUnitId: IdSchema,
  on,
});

/** Every command the risk decider accepts. @category Commands */
export const RiskCommandSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  IdentifyRiskSchema,
  AssessRiskSchema,
  ReRateRiskSchema,
  AssignRiskSchema,
  AddMeasureSchema,
  CompleteMeasureSchema,
  TrackRiskSchema,
  CloseRiskSchema,
  ReopenRiskSchema,
  HoldConsultationSchema,
  RegisterKeyPostSchema,
  RespondIntegrityRiskSchema,
  RehomeUnitSchema,
]);
/** A command to the risk decider. @category Commands */
export type RiskCommand = z.input<typeof RiskCommandSchema>;
