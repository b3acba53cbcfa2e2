import { z } from 'zod';
import { IdSchema, IsoDateSchema, NameSchema, TextSchema } from '../core/index.js';
import {
  DeadlineRuleSchema,
  DeploymentSourceSchema,
  InspectionKindSchema,
  NoticeToneSchema,
  PrioritySchema,
  SeveritySchema,
  UnitIdsSchema,
} from './schema.js';

const on = /* @__PURE__ */ IsoDateSchema.optional();

/** Orders a piece of work (部署): owners, source and deadline. @category Commands */
export const OrderDeploymentSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('order-deployment'),
  id: IdSchema.optional(),
  title: NameSchema,
  source: DeploymentSourceSchema,
  orderedBy: NameSchema,
  supervisingUnitId: IdSchema,
  leadUnitId: IdSchema,
  assistingUnitIds: UnitIdsSchema.optional(),
  deadline: DeadlineRuleSchema,
  category: NameSchema,
  priority: PrioritySchema.optional(),
  on,
});

/** Records an inspection (检查) of a deployment. @category Commands */
export const RecordInspectionSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('record-inspection'),
  id: IdSchema.optional(),
  deploymentId: IdSchema,
  kind: InspectionKindSchema,
  inspectors: z.array(NameSchema).min(1).max(50),
  byUnitId: IdSchema.optional(),
  inspectedUnitIds: UnitIdsSchema,
  findings: TextSchema.optional(),
  on,
});

/** Issues the numbered notice (通报) of an inspection's result. @category Commands */
export const IssueNoticeSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('issue-notice'),
  id: IdSchema.optional(),
  inspectionId: IdSchema,
  number: NameSchema,
  tone: NoticeToneSchema,
  scope: UnitIdsSchema,
  summary: TextSchema.optional(),
  on,
});

/** Records a problem (问题) an inspection found. @category Commands */
export const RecordProblemSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('record-problem'),
  id: IdSchema.optional(),
  inspectionId: IdSchema,
  description: TextSchema,
  unitId: IdSchema,
  severity: SeveritySchema,
  category: NameSchema,
  on,
});

/** Issues a supervision order (督办) on a problem awaiting one. @category Commands */
export const OrderSupervisionSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('order-supervision'),
  id: IdSchema.optional(),
  problemId: IdSchema,
  leadUnitId: IdSchema,
  assistingUnitIds: UnitIdsSchema.optional(),
  deadline: DeadlineRuleSchema,
  on,
});

/** Requests an extension (延期) of an open order, before its deadline. @category Commands */
export const RequestExtensionSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('request-extension'),
  orderId: IdSchema,
  reason: TextSchema,
  newDueOn: IsoDateSchema,
  progress: TextSchema.optional(),
  on,
});

/** Approves or rejects the pending extension of an order; an approver may set another date. @category Commands */
export const DecideExtensionSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('decide-extension'),
  orderId: IdSchema,
  approve: z.boolean(),
  newDueOn: IsoDateSchema.optional(),
  comment: TextSchema.optional(),
  on,
});

/** Reports what was done on an order (处结), with evidence. @category Commands */
export const ReportResolutionSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('report-resolution'),
  id: IdSchema.optional(),
  orderId: IdSchema,
  summary: TextSchema,
  evidence: z.array(NameSchema).max(100),
  reportedBy: NameSchema,
  on,
});

/** Accepts a reported resolution or returns it (退回) for more work. @category Commands */
export const ReviewResolutionSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('review-resolution'),
  resolutionId: IdSchema,
  decision: z.enum(['accept', 'return']),
  reason: TextSchema.optional(),
  on,
});

/** Records a look-back (回头看) on a resolved problem: passed, or failed (which reopens it). @category Commands */
export const RecordLookBackSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('record-look-back'),
  id: IdSchema.optional(),
  problemId: IdSchema,
  passed: z.boolean(),
  checkedBy: z.array(NameSchema).min(1).max(50),
  notes: TextSchema.optional(),
  on,
});

/** Strikes a problem off the ledger (销号) after a passed look-back. @category Commands */
export const StrikeOffSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('strike-off'),
  problemId: IdSchema,
  on,
});

/** Closes a deployment whose inspections are all notified and problems all struck off. @category Commands */
export const CloseDeploymentSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('close-deployment'),
  deploymentId: IdSchema,
  on,
});

/**
 * Re-homes the open lines of a unit merged away (机构合并) to its successor: open deployments and
 * orders it leads or assists, and problems it answers for that are not yet struck off. Closed lines
 * keep their unit (history is never rewritten). The successor also takes over the unit's
 * supervising duties on open lines (the inspection, notice, supervision order, review, look-back and
 * strike-off it owes, including duties it inherited by an earlier rehoming), without rewriting who
 * supervised or inspected: the succession is recorded in the state's `successors` and `gaps` names
 * the successor. Recorded when something moves or a supervising duty changes hands; when nothing is
 * open (or this rehoming is already recorded) nothing is recorded and the state stays the same
 * object. With a directory, `toUnitId` must be the org successor on `on`.
 * @category Commands
 */
export const RehomeUnitSchema = /* @__PURE__ */ z.strictObject({
  type: z.literal('rehome-unit'),
  fromUnitId: IdSchema,
  toUnitId: IdSchema,
  on,
});

/**
 * Corrects descriptive fields of a deployment or a problem recorded wrongly (a typo in a title, a
 * wrong category or severity). Nothing is overwritten silently: the event keeps the values before
 * and after and the reason, so the ledger's history survives. Links, units and dates are not
 * corrected here; they have their own commands.
 * @category Commands
 */
export const CorrectRecordSchema = /* @__PURE__ */ z.discriminatedUnion('target', [
  z.strictObject({
    type: z.literal('correct-record'),
    target: z.literal('deployment'),
    id: IdSchema,
    changes: z.strictObject({
      title: NameSchema.optional(),
      category: NameSchema.optional(),
      priority: PrioritySchema.optional(),
    }),
    reason: TextSchema,
    on,
  }),
  z.strictObject({
    type: z.literal('correct-record'),
    target: z.literal('problem'),
    id: IdSchema,
    changes: z.strictObject({
      description: TextSchema.optional(),
      category: NameSchema.optional(),
      severity: SeveritySchema.optional(),
    }),
    reason: TextSchema,
    on,
  }),
]);

/** Every loop command, validated as one discriminated union on `type`. @category Commands */
export const LoopCommandSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  OrderDeploymentSchema,
  RecordInspectionSchema,
  IssueNoticeSchema,
  RecordProblemSchema,
  OrderSupervisionSchema,
  RequestExtensionSchema,
  DecideExtensionSchema,
  ReportResolutionSchema,
  ReviewResolutionSchema,
  RecordLookBackSchema,
  StrikeOffSchema,
  CloseDeploymentSchema,
  RehomeUnitSchema,
  CorrectRecordSchema,
]);

/** A command of the closed loop; `on` is the day it happened (today in the context when absent). @category Commands */
export type LoopCommand = z.input<typeof LoopCommandSchema>;
/** The `type` of a loop command. @category Commands */
export type LoopCommandType = LoopCommand['type'];
/** The loop command with this `type`. @category Commands */
export type LoopCommandOf<T extends LoopCommandType> = Extract<LoopCommand, { type: T }>;
