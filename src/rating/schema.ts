import { z } from 'zod';
import { IdSchema, IsoDateSchema, LocalizedNameSchema, NameSchema } from '../core/index.js';
import { StarLevelSchema } from './stars.js';

/**
 * The deepest an indicator may sit (一级 = 1). Real systems use three levels; six leaves room for a
 * locality's own sub-items without letting a malformed file recurse without end.
 * @category Indicator trees
 */
export const MAX_INDICATOR_DEPTH = 6;

/** An indicator code such as `A1`, `A1.2` or `履职-1`: letters, digits, `_ . -`. @category Indicator trees */
export const IndicatorCodeSchema = /* @__PURE__ */ z
  .string()
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u, 'expected an indicator code');

/** A metric name in a {@link MetricTable}, e.g. `loop.onTimeRate`. @category Indicator trees */
export const MetricNameSchema = /* @__PURE__ */ z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/, 'expected a metric name');

const finite = () => z.number().finite();
const nonNegative = () => z.number().finite().min(0);

/** Yes/no (是/否): full points when the fact is true (1), none when false (0). @category Scoring rules */
export const BinaryRuleSchema = /* @__PURE__ */ z.strictObject({ kind: z.literal('binary') });

/**
 * Value ÷ target, capped at full points. With `better: 'lower'` (e.g. a complaint rate) the rate is
 * target ÷ value instead, and any value at or below the target earns full points.
 * @category Scoring rules
 */
export const RatioRuleSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('ratio'),
  target: z.number().finite().positive(),
  better: z.enum(['higher', 'lower']).default('higher'),
});

/** Bands of values → points: the highest band whose `min` the value reaches. @category Scoring rules */
export const TieredRuleSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('tiered'),
  bands: z
    .array(z.strictObject({ min: finite(), points: nonNegative() }))
    .min(1)
    .max(100),
});

/** Full points minus `perOccurrence` for each occurrence, never below `floor`. @category Scoring rules */
export const DeductionRuleSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('deduction'),
  perOccurrence: z.number().finite().positive(),
  floor: nonNegative().default(0),
});

/** An assessor's score between `min` and `max` (default 0 and the indicator's points), with a reason. @category Scoring rules */
export const ManualRuleSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('manual'),
  min: nonNegative().optional(),
  max: nonNegative().optional(),
});

/** The rules a computed leaf may apply to the metric it reads. @category Scoring rules */
export const ComputableRuleSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  BinaryRuleSchema,
  RatioRuleSchema,
  TieredRuleSchema,
  DeductionRuleSchema,
]);

/**
 * Reads a named metric from the host's {@link MetricTable} (e.g. the loop module's on-time resolution
 * rate) and scores it with one of the plain rules.
 * @category Scoring rules
 */
export const ComputedRuleSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('computed'),
  metric: MetricNameSchema,
  apply: ComputableRuleSchema,
});

/**
 * Rank across the cohort evaluated together: 1st place gets `first` points (default the indicator's
 * points), places 2 … `places` get a proportional share (`first × (places − place + 1) ÷ places`),
 * the rest none. Equal values share the better place.
 * @category Scoring rules
 */
export const RankRuleSchema = /* @__PURE__ */ z.strictObject({
  kind: z.literal('rank'),
  better: z.enum(['higher', 'lower']).default('higher'),
  first: nonNegative().optional(),
  places: z.number().int().min(1).max(1000).default(5),
});

/** How a leaf indicator turns a fact into points (评分方法). @category Scoring rules */
export const ScoringRuleSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  BinaryRuleSchema,
  RatioRuleSchema,
  TieredRuleSchema,
  DeductionRuleSchema,
  ManualRuleSchema,
  ComputedRuleSchema,
  RankRuleSchema,
]);

/** How a leaf indicator turns a fact into points (评分方法). @category Scoring rules */
export type ScoringRule = z.infer<typeof ScoringRuleSchema>;
/** The kinds of {@link ScoringRule}. @category Scoring rules */
export type ScoringRuleKind = ScoringRule['kind'];
/** A rule a computed leaf may apply to its metric. @category Scoring rules */
export type ComputableRule = z.infer<typeof ComputableRuleSchema>;

/** How a node combines its children: sum (default), weighted average of rates, or the minimum rate. @category Indicator trees */
export const AggregationSchema = /* @__PURE__ */ z.enum(['sum', 'weighted', 'min']);
/** How a node combines its children. @category Indicator trees */
export type Aggregation = z.infer<typeof AggregationSchema>;

/** One indicator (指标) of a tree. @category Indicator trees */
export const IndicatorSchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  /** The parent's code; absent for a first-level (一级) indicator. */
  parent: IndicatorCodeSchema.optional(),
  title: LocalizedNameSchema,
  depth: z.number().int().min(1).max(64),
  points: nonNegative(),
  weight: z.number().finite().positive().optional(),
  evidence: z.array(NameSchema).max(50).optional(),
  aggregation: AggregationSchema.optional(),
  rule: ScoringRuleSchema.optional(),
});
/** One indicator (指标) of a tree: code, title, depth, points, optional weight and evidence, and for a leaf its rule. @category Indicator trees */
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A comparison used in veto conditions. @category Veto and bonus */
export type CompareOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

/**
 * A condition over a unit's facts and metrics, composable with `allOf`, `anyOf` and `not`.
 * Booleans are read as 1 and 0.
 * @category Veto and bonus
 */
export type Condition =
  | { readonly fact: string; readonly op: CompareOp; readonly value: number }
  | { readonly metric: string; readonly op: CompareOp; readonly value: number }
  | { readonly allOf: readonly Condition[] }
  | { readonly anyOf: readonly Condition[] }
  | { readonly not: Condition };

const CompareOpSchema = /* @__PURE__ */ z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']);

/** Validates a {@link Condition}. @category Veto and bonus */
export const ConditionSchema: z.ZodType<Condition> = /* @__PURE__ */ z.lazy(() =>
  z.union([
    z.strictObject({ fact: IndicatorCodeSchema, op: CompareOpSchema, value: finite() }),
    z.strictObject({ metric: MetricNameSchema, op: CompareOpSchema, value: finite() }),
    z.strictObject({ allOf: z.array(ConditionSchema).min(1).max(50) }),
    z.strictObject({ anyOf: z.array(ConditionSchema).min(1).max(50) }),
    z.strictObject({ not: ConditionSchema }),
  ]),
);

/** What a triggered veto does: no star at all, no star above `star`, or zero points for a subtree. @category Veto and bonus */
export const VetoEffectSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('disqualify') }),
  z.strictObject({ kind: z.literal('cap'), star: StarLevelSchema }),
  z.strictObject({ kind: z.literal('zero'), node: IndicatorCodeSchema }),
]);
/** What a triggered veto does. @category Veto and bonus */
export type VetoEffect = z.infer<typeof VetoEffectSchema>;

/**
 * A veto item (一票否决). Without `when` it triggers when the unit's fact under the veto's own code is
 * true.
 * @category Veto and bonus
 */
export const VetoItemSchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  title: LocalizedNameSchema,
  effect: VetoEffectSchema,
  when: ConditionSchema.optional(),
});
/** A veto item (一票否决). @category Veto and bonus */
export type VetoItem = z.infer<typeof VetoItemSchema>;

/** A bonus (加分项) or deduction (扣分项) item: points per occurrence, capped per item. @category Veto and bonus */
export const ExtraItemSchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  title: LocalizedNameSchema,
  perItem: z.number().finite().positive(),
  cap: z.number().finite().positive(),
});
/** A bonus (加分项) or deduction (扣分项) item. @category Veto and bonus */
export type ExtraItem = z.infer<typeof ExtraItemSchema>;

/**
 * How leaves marked not applicable count: dropped with the parent rescaled over the rest, or
 * counted at a stated rate of their points.
 * @category Indicator trees
 */
export const NotApplicableSchema = /* @__PURE__ */ z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('rescale') }),
  z.strictObject({ mode: z.literal('count-as'), rate: z.number().finite().min(0).max(1) }),
]);

/** A versioned indicator system (指标体系) as data. @category Indicator trees */
export const IndicatorTreeSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  name: LocalizedNameSchema,
  version: z.number().int().min(1),
  effectiveFrom: IsoDateSchema,
  effectiveTo: IsoDateSchema.optional(),
  totalPoints: z.number().finite().positive(),
  /** Whether children's points must equal their parent's (`equal`, default) or may fall short (`at-most`). */
  childPoints: z.enum(['equal', 'at-most']).default('equal'),
  aggregation: AggregationSchema.default('sum'),
  notApplicable: NotApplicableSchema.default({ mode: 'rescale' }),
  nodes: z.array(IndicatorSchema).min(1).max(5000),
  vetoes: z.array(VetoItemSchema).max(200).default([]),
  bonuses: z.array(ExtraItemSchema).max(200).default([]),
  bonusCap: nonNegative().default(0),
  penalties: z.array(ExtraItemSchema).max(200).default([]),
  penaltyCap: z.number().finite().positive().optional(),
});
/** A versioned indicator system (指标体系), parsed and checked. @category Indicator trees */
export type IndicatorTree = z.infer<typeof IndicatorTreeSchema>;
/** An indicator system as a host writes it, before defaults are filled in. @category Indicator trees */
export type IndicatorTreeInput = z.input<typeof IndicatorTreeSchema>;

/**
 * Named numbers per unit that other modules compute (`loop.metrics`, `risk.metrics`), joined by the
 * host: unit id → metric name → value.
 * @category Evaluation
 */
export type MetricTable = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** An assessor's score for a manual indicator, with the reason. @category Evaluation */
export interface ManualScore {
  /** Points given, within the rule's bounds. */
  readonly score: number;
  /** Why (评分理由); required. */
  readonly reason: string;
}

/** One fact about a unit: a number, a yes/no, an assessor's score, or `'n/a'` (不适用). @category Evaluation */
export type FactValue = number | boolean | ManualScore | 'n/a';

/** The facts of one unit, keyed by indicator, veto, bonus or deduction code. @category Evaluation */
export interface UnitFacts {
  readonly unitId: string;
  readonly values: Readonly<Record<string, FactValue>>;
  /** Evidence per code (e.g. the file number behind a veto), echoed in veto hits and explanations. */
  readonly evidence?: Readonly<Record<string, string>>;
}

/**
 * The facts of many units column by column, as a host reads them from database rows: one array per
 * code (NaN = missing; booleans as 1/0), optional not-applicable masks, metric columns and the reasons
 * behind manual scores.
 * @category Evaluation
 */
export interface ColumnFacts {
  readonly unitIds: readonly string[];
  readonly columns: Readonly<Record<string, ArrayLike<number>>>;
  readonly notApplicable?: Readonly<Record<string, ArrayLike<number>>>;
  readonly metrics?: Readonly<Record<string, ArrayLike<number>>>;
  readonly reasons?: Readonly<Record<string, readonly (string | undefined)[]>>;
}
