import { z } from 'zod';
import { IdSchema, type Instant, type IsoDate, LocalizedNameSchema } from '../core/index.js';

/** The four risk levels, lowest first; the order is the one bands and matrices must respect. @category Method */
export const RISK_LEVELS = ['low', 'general', 'significant', 'major'] as const;

/** A risk level: 重大 major (red), 较大 significant (orange), 一般 general (yellow), 低 low (blue). @category Method */
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The colour of a risk level on four-colour maps. @category Method */
export type RiskColour = 'red' | 'orange' | 'yellow' | 'blue';

/** Which colour each level is painted in (red is the highest). @category Method */
export const RISK_LEVEL_COLOURS: { readonly [L in RiskLevel]: RiskColour } = {
  major: 'red',
  significant: 'orange',
  general: 'yellow',
  low: 'blue',
};

/** Validates a {@link RiskLevel}. @category Method */
export const RiskLevelSchema = /* @__PURE__ */ z.enum(RISK_LEVELS);

/** A factor a method rates: likelihood (L), impact/severity (S), exposure (E) or consequence (C). @category Method */
export type RiskFactor = 'likelihood' | 'impact' | 'exposure' | 'consequence';

/** One point of a factor's scale: its value and what it means. @category Method */
export const ScalePointSchema = /* @__PURE__ */ z.strictObject({
  value: z.number().positive().finite(),
  label: LocalizedNameSchema,
});
/** One point of a factor's scale. @category Method */
export type ScalePoint = z.infer<typeof ScalePointSchema>;

/** A half-open score interval `[from, to)` (no upper end when `to` is null) and the level it maps to. @category Method */
export const RiskBandSchema = /* @__PURE__ */ z.strictObject({
  from: z.number().finite().nonnegative(),
  to: z.number().finite().positive().nullable(),
  level: RiskLevelSchema,
});
/** A half-open score band. @category Method */
export type RiskBand = z.infer<typeof RiskBandSchema>;

const ScaleSchema = /* @__PURE__ */ z.array(ScalePointSchema).min(1).max(20).readonly();
const BandsSchema = /* @__PURE__ */ z.array(RiskBandSchema).min(1).max(20).readonly();
const base = { id: IdSchema, name: LocalizedNameSchema };

/**
 * How risks are rated: `matrix` (R = L × S, level by score bands), `matrix-cells` (L × S with a level
 * written in every cell) or `lec` (D = L × E × C, level by score bands).
 * @category Method
 */
export const RiskMethodSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('matrix'),
    ...base,
    likelihood: ScaleSchema,
    impact: ScaleSchema,
    bands: BandsSchema,
  }),
  z.strictObject({
    kind: z.literal('matrix-cells'),
    ...base,
    likelihood: ScaleSchema,
    impact: ScaleSchema,
    /** `cells[i][j]`: the level at the i-th likelihood and j-th impact point, both ascending. */
    cells: z.array(z.array(RiskLevelSchema.nullable()).max(20).readonly()).max(20).readonly(),
  }),
  z.strictObject({
    kind: z.literal('lec'),
    ...base,
    likelihood: ScaleSchema,
    exposure: ScaleSchema,
    consequence: ScaleSchema,
    bands: BandsSchema,
  }),
]);
/** A risk-rating method (validate one from outside with `parseRiskMethod`). @category Method */
export type RiskMethod = z.infer<typeof RiskMethodSchema>;

/** The factor values of one rating, e.g. `{ likelihood: 4, impact: 5 }`. @category Method */
export const RiskFactorsSchema = /* @__PURE__ */ z
  .strictObject({
    likelihood: z.number().finite(),
    impact: z.number().finite().optional(),
    exposure: z.number().finite().optional(),
    consequence: z.number().finite().optional(),
  })
  .readonly();
/** The factor values of one rating. @category Method */
export type RiskFactors = z.infer<typeof RiskFactorsSchema>;

/** A rating as a method computed it: the factors, their product and the level. @category Method */
export interface RiskRating {
  readonly methodId: string;
  readonly factors: RiskFactors;
  readonly score: number;
  readonly level: RiskLevel;
}

/** The built-in risk categories. @category Risk list */
export const RISK_CATEGORIES = [
  'food',
  'drugs',
  'special-equipment',
  'product-quality',
  'market-order',
  'integrity',
  'ideological-work',
  'other',
] as const;

/** A risk category: a built-in one, or a host's own as `x-…` (e.g. `x-cosmetics`). @category Risk list */
export type RiskCategory = (typeof RISK_CATEGORIES)[number] | `x-${string}`;

/** Validates a {@link RiskCategory}. @category Risk list */
export const RiskCategorySchema = /* @__PURE__ */ z.union([
  z.enum(RISK_CATEGORIES),
  z.custom<`x-${string}`>((v) => typeof v === 'string' && /^x-[a-z0-9-]{1,40}$/.test(v), 'expected x-<name>'),
]);

/** Where a risk was found. @category Risk list */
export const RISK_SOURCES = ['consultation', 'inspection', 'complaint', 'monitoring', 'self-screening'] as const;
/** Where a risk was found: 会商, 检查, 投诉举报 (12315), 监测, 自查. @category Risk list */
export type RiskSource = (typeof RISK_SOURCES)[number];

/** The three rating tiers of a risk: before controls, now, and the target after controls. @category Risk list */
export type RatingTier = 'inherent' | 'current' | 'target';

/** A risk's ratings at the three tiers; the target is optional. @category Risk list */
export interface RiskRatings {
  readonly inherent: RiskRating;
  readonly current: RiskRating;
  readonly target?: RiskRating;
}

/** Who owns a risk and by when it must be handled (清单责任化、办结时效化). @category Risk list */
export interface RiskAssignment {
  readonly ownerUnitId: string;
  readonly responsibleId: string;
  /** The deadline in force: what `overdue` and the list show. */
  readonly deadline: IsoDate;
  readonly assignedOn: IsoDate;
  /**
   * The deadline that was in force when the risk went overdue, kept when a later re-assignment (or reopening)
   * moved `deadline`: an item overdue without an extension gets a new deadline but is still assessed against
   * the one it missed (domain.md §5), so on-time closure is judged against this date. Absent while no deadline
   * was missed, and in states recorded before it existed.
   */
  readonly missedDeadline?: IsoDate;
}

/** How a risk was closed. @category Risk list */
export type RiskClosure =
  | { readonly kind: 'eliminated'; readonly evidence: string }
  | { readonly kind: 'accepted'; readonly approverId: string; readonly expiresOn: IsoDate; readonly reason: string }
  | { readonly kind: 'transferred'; readonly toUnitId: string; readonly reference: string };

/** The way of closing a risk. @category Risk list */
export type ClosureKind = RiskClosure['kind'];

/**
 * Where a risk stands; each stage carries only what exists at that stage.
 * identified → assessed → assigned → controlling → closed, and closed → reopened → controlling.
 * @category Risk list
 */
export type RiskStatus =
  | { readonly stage: 'identified' }
  | { readonly stage: 'assessed'; readonly ratings: RiskRatings }
  | { readonly stage: 'assigned'; readonly ratings: RiskRatings; readonly assignment: RiskAssignment }
  | {
      readonly stage: 'controlling';
      readonly ratings: RiskRatings;
      readonly assignment: RiskAssignment;
      readonly since: IsoDate;
      /**
       * The day of the last reopening, when control restarted after one: measures, notes and the closing stay
       * dated on or after it. Absent when the risk was never reopened, and in states recorded before it existed
       * (replaying their events sets it).
       */
      readonly reopenedOn?: IsoDate;
    }
  | {
      readonly stage: 'closed';
      readonly ratings: RiskRatings;
      readonly assignment: RiskAssignment;
      readonly closedOn: IsoDate;
      readonly closure: RiskClosure;
    }
  | {
      readonly stage: 'reopened';
      readonly ratings: RiskRatings;
      readonly assignment: RiskAssignment;
      readonly reopenedOn: IsoDate;
      readonly reason: string;
    };

/** A stage of a risk. @category Risk list */
export type RiskStage = RiskStatus['stage'];

/** A control measure with its own owner and deadline. @category Risk list */
export interface RiskMeasure {
  readonly id: string;
  readonly text: string;
  readonly ownerId: string;
  readonly deadline: IsoDate;
  readonly addedOn: IsoDate;
  readonly status:
    | { readonly stage: 'open' }
    | { readonly stage: 'done'; readonly doneOn: IsoDate; readonly evidence: string };
}

/** One tracking entry (落实跟踪化): a review or a progress note. @category Risk list */
export interface TrackingRecord {
  readonly on: IsoDate;
  readonly by: string;
  readonly note: string;
  readonly review: boolean;
}

/** One change of a rating: who, when, why, and the rating before and after. @category Risk list */
export interface ScoreChange {
  readonly at: Instant;
  readonly by: string;
  readonly tier: RatingTier;
  readonly reason: string;
  readonly before?: RiskRating;
  readonly after: RiskRating;
  readonly consultationId?: string;
}

/** One entry of the risk list (风险清单). @category Risk list */
export interface RiskItem {
  readonly id: string;
  readonly title: string;
  readonly category: RiskCategory;
  readonly source: RiskSource;
  readonly sourceRef?: string;
  readonly unitId: string;
  readonly postId?: string;
  readonly identifiedOn: IsoDate;
  readonly lastReviewOn: IsoDate;
  readonly status: RiskStatus;
  readonly measures: readonly RiskMeasure[];
  readonly tracking: readonly TrackingRecord[];
  readonly history: readonly ScoreChange[];
  readonly reopenCount: number;
}
