import { z } from 'zod';
import {
  IdSchema,
  IsoDateSchema,
  LocalizedNameSchema,
  NameSchema,
  parseWith,
  type Result,
  TextSchema,
} from '../core/index.js';

/**
 * The four facets a brand is built and judged on (精心学习·精准服务·精细作风·精致品牌).
 * @category Brand
 */
export const BRAND_FACETS = ['study', 'service', 'conduct', 'brand'] as const;

/** Schema of a {@link BrandFacet}. @category Brand */
export const BrandFacetSchema = /* @__PURE__ */ z.enum(BRAND_FACETS);
/** One of the four facets: `study` 精心学习, `service` 精准服务, `conduct` 精细作风, `brand` 精致品牌. @category Brand */
export type BrandFacet = z.infer<typeof BrandFacetSchema>;

/** Schema of a {@link Period}. @category Brand */
export const PeriodSchema = /* @__PURE__ */ z.strictObject({ from: IsoDateSchema, to: IsoDateSchema });
/** The closed range of days a figure was counted over (e.g. the first half of 2020). @category Brand */
export type Period = z.infer<typeof PeriodSchema>;

/** Schema of a {@link Qualifier}. @category Brand */
export const QualifierSchema = /* @__PURE__ */ z.enum(['exact', 'at-least', 'more-than', 'at-most', 'less-than']);
/** How a reported figure reads: exactly, at least (≥ 99%), more than (> 6,000 a day), at most, less than. @category Brand */
export type Qualifier = z.infer<typeof QualifierSchema>;

const FigureSchema = /* @__PURE__ */ z.number().finite();

/** Schema of a {@link QuantityMeasure}. @category Brand */
export const QuantityMeasureSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('quantity'),
  value: FigureSchema,
  unit: NameSchema,
  qualifier: QualifierSchema.optional(),
  baseline: z.strictObject({ value: FigureSchema, unit: NameSchema, period: PeriodSchema.optional() }).optional(),
});
/**
 * A measured figure with its unit; with a baseline in the same unit, the growth is computed, never typed in
 * (lab area 1,129 → 2,101 m² is +86.09%).
 * @category Brand
 */
export type QuantityMeasure = z.infer<typeof QuantityMeasureSchema>;

/** Schema of a {@link FunnelStage}. @category Brand */
export const FunnelStageSchema = /* @__PURE__ */ z.strictObject({
  label: NameSchema,
  count: z.number().int().nonnegative(),
  unit: NameSchema,
});
/** One step of a countable outcome, e.g. 285 rectification orders. @category Brand */
export type FunnelStage = z.infer<typeof FunnelStageSchema>;

/** Schema of a {@link FunnelMeasure}. @category Brand */
export const FunnelMeasureSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('funnel'),
  stages: z.array(FunnelStageSchema).min(2).max(20),
});
/** A countable outcome that narrows step by step: 3,468 leads → 285 rectification orders → 47 sellers offline. @category Brand */
export type FunnelMeasure = z.infer<typeof FunnelMeasureSchema>;

/** Schema of a {@link Measure}. @category Brand */
export const MeasureSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [QuantityMeasureSchema, FunnelMeasureSchema]);
/** What an achievement shows: a quantity (optionally against a baseline) or a funnel of counts. @category Brand */
export type Measure = z.infer<typeof MeasureSchema>;

/** Schema of an {@link Achievement}. @category Brand */
export const AchievementSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  facet: BrandFacetSchema,
  title: NameSchema,
  measure: MeasureSchema,
  period: PeriodSchema,
  source: NameSchema,
  evidence: z.array(NameSchema).max(100).optional(),
});
/** A measured result (成效/亮点) a brand can show, linked to one facet, with its period, source and evidence. @category Brand */
export type Achievement = z.infer<typeof AchievementSchema>;

/** Schema of an {@link HonorLevel}. @category Brand */
export const HonorLevelSchema = /* @__PURE__ */ z.enum(['national', 'provincial', 'municipal', 'county', 'internal']);
/** The level of the body that awarded an honor; `internal` is the bureau's own committee. @category Brand */
export type HonorLevel = z.infer<typeof HonorLevelSchema>;

/** Schema of an {@link AwardingBody}. @category Brand */
export const AwardingBodySchema = /* @__PURE__ */ z.strictObject({ body: NameSchema, level: HonorLevelSchema });
/** Who awarded an honor or named a brand, and at which level. @category Brand */
export type AwardingBody = z.infer<typeof AwardingBodySchema>;

/** Schema of an {@link Honor}. @category Brand */
export const HonorSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  title: NameSchema,
  awardedBy: AwardingBodySchema,
  year: z.number().int().min(1949).max(9999),
  on: IsoDateSchema.optional(),
  evidence: z.array(NameSchema).max(100).optional(),
});
/** An honor (荣誉) for the brand's year, e.g. named a 2016 city organ service brand. @category Brand */
export type Honor = z.infer<typeof HonorSchema>;

/** Schema of an {@link ActivityKind}. @category Brand */
export const ActivityKindSchema = /* @__PURE__ */ z.enum([
  'themed-party-day',
  'joint-building',
  'volunteer-service',
  'study-session',
  'other',
]);
/** What kind of activity a branch held: 主题党日, 结对共建, 志愿服务, 集中学习, other. @category Brand */
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

/** Schema of an {@link ActivityCount}. @category Brand */
export const ActivityCountSchema = /* @__PURE__ */ z.strictObject({
  label: NameSchema,
  value: FigureSchema,
  unit: NameSchema,
});
/** A figure an activity produced (7 traffic posts, 24,000 ml of blood). @category Brand */
export type ActivityCount = z.infer<typeof ActivityCountSchema>;

/** Schema of an {@link Activity}. @category Brand */
export const ActivitySchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  branchId: IdSchema,
  kind: ActivityKindSchema,
  title: NameSchema,
  on: IsoDateSchema,
  place: NameSchema.optional(),
  participants: z.number().int().nonnegative().optional(),
  partners: z.array(NameSchema).max(200).optional(),
  counts: z.array(ActivityCountSchema).max(50).optional(),
  evidence: z.array(NameSchema).max(100).optional(),
});
/** A dated activity of a branch (主题党日, 支部联建, 志愿服务), with participants, partners and counts. @category Brand */
export type Activity = z.infer<typeof ActivitySchema>;

/** Schema of a {@link FacetNote}. @category Brand */
export const FacetNoteSchema = /* @__PURE__ */ z.strictObject({ description: TextSchema });
/** What a brand does under one facet; its achievements link to the facet by `facet`. @category Brand */
export type FacetNote = z.infer<typeof FacetNoteSchema>;

/** Schema of a {@link BrandProfile}. @category Brand */
export const BrandProfileSchema = /* @__PURE__ */ z.strictObject({
  name: LocalizedNameSchema,
  slogan: TextSchema.optional(),
  logoRef: NameSchema.optional(),
  connotation: TextSchema.optional(),
  workingMethod: TextSchema.optional(),
  businessField: NameSchema.optional(),
  departments: z.array(IdSchema).max(100),
  facets: z
    .strictObject({
      study: FacetNoteSchema.optional(),
      service: FacetNoteSchema.optional(),
      conduct: FacetNoteSchema.optional(),
      brand: FacetNoteSchema.optional(),
    })
    .optional(),
});
/**
 * The brand package of one branch: name, slogan, logo reference, connotation (内涵), working method (载体),
 * business field, the departments behind it and the four facets.
 * @category Brand
 */
export type BrandProfile = z.infer<typeof BrandProfileSchema>;

/** Schema of a {@link ProfileChanges}: the editable parts of a profile (the name changes only by renaming). @category Brand */
export const ProfileChangesSchema = /* @__PURE__ */ BrandProfileSchema.omit({ name: true }).partial();
/** Edits of a profile other than its name; a rename or a re-branding is its own event. @category Brand */
export type ProfileChanges = z.infer<typeof ProfileChangesSchema>;

/**
 * Validates a brand profile from outside (a form, an import) and returns it typed, or coded errors with paths.
 * @category Brand
 * @example
 * const r = parseBrandProfile({ name: { 'zh-CN': '鼎力维权' }, departments: ['dept-consumer'] });
 * if (r.ok) r.value.name['zh-CN']; // '鼎力维权'
 */
export function parseBrandProfile(input: unknown): Result<BrandProfile> {
  return parseWith(BrandProfileSchema, input);
}

/**
 * Validates an achievement from outside and returns it typed, or coded errors with paths.
 * @category Brand
 * @example
 * parseAchievement({ id: 'a-1', facet: 'service', title: '消费维权服务站', source: '访谈',
 *   period: { from: '2020-01-01', to: '2020-06-30' }, measure: { kind: 'quantity', value: 69, unit: '处' } });
 */
export function parseAchievement(input: unknown): Result<Achievement> {
  return parseWith(AchievementSchema, input);
}

/**
 * Validates an honor from outside and returns it typed, or coded errors with paths.
 * @category Brand
 * @example
 * parseHonor({ id: 'h-1', title: '嘉兴市机关服务品牌', year: 2016,
 *   awardedBy: { body: '中共嘉兴市直属机关工作委员会', level: 'municipal' } });
 */
export function parseHonor(input: unknown): Result<Honor> {
  return parseWith(HonorSchema, input);
}

/**
 * Validates an activity from outside and returns it typed, or coded errors with paths.
 * @category Brand
 * @example
 * parseActivity({ id: 'act-1', branchId: 'po-b14', kind: 'themed-party-day', title: '信用宣讲', on: '2020-06-18' });
 */
export function parseActivity(input: unknown): Result<Activity> {
  return parseWith(ActivitySchema, input);
}
