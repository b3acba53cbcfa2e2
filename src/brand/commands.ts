import { z } from 'zod';
import { IdSchema, IsoDateSchema, LocalizedNameSchema, NameSchema, TextSchema } from '../core/index.js';
import {
  AchievementSchema,
  ActivitySchema,
  AwardingBodySchema,
  BrandProfileSchema,
  HonorSchema,
  PeriodSchema,
  ProfileChangesSchema,
} from './schema.js';

const step = { brandId: IdSchema, on: IsoDateSchema } as const;

/** Schema of a {@link BrandCommand}. @category Brand */
export const BrandCommandSchema = /* @__PURE__ */ z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('draft'),
    ...step,
    branchId: IdSchema,
    unitId: IdSchema.optional(),
    profile: BrandProfileSchema,
  }),
  z.strictObject({ type: z.literal('update-profile'), ...step, changes: ProfileChangesSchema }),
  z.strictObject({ type: z.literal('declare'), ...step, declaredTo: NameSchema.optional() }),
  z.strictObject({ type: z.literal('start-cultivation'), ...step }),
  z.strictObject({
    type: z.literal('review'),
    ...step,
    reviewedBy: NameSchema,
    outcome: z.enum(['selected', 'not-selected']),
    score: z.number().finite().optional(),
  }),
  z.strictObject({ type: z.literal('name'), ...step, namedBy: AwardingBodySchema, notice: PeriodSchema }),
  z.strictObject({ type: z.literal('start-periodic-review'), ...step }),
  z.strictObject({
    type: z.literal('conclude-periodic-review'),
    ...step,
    outcome: z.enum(['kept', 'downgraded', 'withdrawn']),
    /** Required when `outcome` is `'withdrawn'` (a withdrawal revokes the brand): `core/required` at `reason`. */
    reason: TextSchema.optional(),
  }),
  z.strictObject({ type: z.literal('revoke'), ...step, reason: TextSchema }),
  z.strictObject({
    type: z.literal('rename'),
    ...step,
    name: LocalizedNameSchema,
    slogan: TextSchema.optional(),
    reason: TextSchema,
  }),
  z.strictObject({
    type: z.literal('rebrand'),
    ...step,
    name: LocalizedNameSchema,
    slogan: TextSchema.optional(),
    logoRef: NameSchema.optional(),
    connotation: TextSchema.optional(),
    workingMethod: TextSchema.optional(),
    reason: TextSchema,
  }),
  z.strictObject({ type: z.literal('hand-over'), ...step, toBranchId: IdSchema, toUnitId: IdSchema.optional() }),
  z.strictObject({ type: z.literal('record-achievement'), brandId: IdSchema, achievement: AchievementSchema }),
  z.strictObject({ type: z.literal('record-honor'), brandId: IdSchema, honor: HonorSchema }),
  z.strictObject({ type: z.literal('record-activity'), activity: ActivitySchema }),
]);

/**
 * What a bureau's organ party committee can do with the brand register: draft a brand, walk it through
 * declaration, cultivation, review, naming and periodic review, rename or re-brand it, hand it to a
 * successor branch, and record achievements, honors and activities. Every step carries the day it
 * happened (`on`), which may not lie in the future.
 * @category Brand
 */
export type BrandCommand = z.infer<typeof BrandCommandSchema>;

/** The `type` of a {@link BrandCommand}. @category Brand */
export type BrandCommandType = BrandCommand['type'];
