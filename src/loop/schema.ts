import { z } from 'zod';
import { IdSchema, IsoDateSchema, NameSchema } from '../core/index.js';

/** Where a deployment comes from: a document, a leader's instruction, a meeting or a work plan. @category Loop */
export const DeploymentSourceKindSchema = /* @__PURE__ */ z.enum(['document', 'instruction', 'meeting', 'plan']);
/** Where a deployment comes from. @category Loop */
export type DeploymentSourceKind = z.infer<typeof DeploymentSourceKindSchema>;

/** The source of a deployment (任务来源) and its reference, e.g. a document number. @category Loop */
export const DeploymentSourceSchema = /* @__PURE__ */ z.strictObject({
  kind: DeploymentSourceKindSchema,
  reference: NameSchema,
});
/** The source of a deployment (任务来源) and its reference. @category Loop */
export type DeploymentSource = z.infer<typeof DeploymentSourceSchema>;

/** How urgent a deployment is. @category Loop */
export const PrioritySchema = /* @__PURE__ */ z.enum(['normal', 'high', 'urgent']);
/** How urgent a deployment is. @category Loop */
export type Priority = z.infer<typeof PrioritySchema>;

/** The kind of an inspection: 一线检查, 一事双查, self-check or special campaign. @category Loop */
export const InspectionKindSchema = /* @__PURE__ */ z.enum([
  'frontline',
  'dual-check',
  'self-check',
  'special-campaign',
]);
/** The kind of an inspection. @category Loop */
export type InspectionKind = z.infer<typeof InspectionKindSchema>;

/** Whether a notice praises, criticises or does both. @category Loop */
export const NoticeToneSchema = /* @__PURE__ */ z.enum(['praise', 'criticism', 'mixed']);
/** Whether a notice praises, criticises or does both. @category Loop */
export type NoticeTone = z.infer<typeof NoticeToneSchema>;

/** How serious a problem is. @category Loop */
export const SeveritySchema = /* @__PURE__ */ z.enum(['minor', 'general', 'serious', 'major']);
/** How serious a problem is. @category Loop */
export type Severity = z.infer<typeof SeveritySchema>;

/** A deadline rule (办结时限): working days, calendar days or a fixed date. @category Loop */
export const DeadlineRuleSchema = /* @__PURE__ */ z.union([
  z.strictObject({ workdays: z.number().int().min(0).max(3650) }),
  z.strictObject({ days: z.number().int().min(0).max(3650) }),
  z.strictObject({ date: IsoDateSchema }),
]);

/** A list of unit ids, at most 100, no duplicates. @category Loop */
export const UnitIdsSchema = /* @__PURE__ */ z
  .array(IdSchema)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'duplicate unit ids');
