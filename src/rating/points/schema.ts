import { z } from 'zod';
import {
  type DomainError,
  err,
  IdSchema,
  IsoDateSchema,
  LocalizedNameSchema,
  NameSchema,
  ok,
  parseWith,
  type Result,
  TextSchema,
} from '../../core/index.js';
import { ratingError } from '../errors.js';
import { IndicatorCodeSchema } from '../schema.js';

/** Who a points scheme scores: party members (先锋指数) or party branches (堡垒指数). @category Points schemes */
export const PointsSubjectKindSchema = /* @__PURE__ */ z.enum(['member', 'branch']);
/** Who a points scheme scores. @category Points schemes */
export type PointsSubjectKind = z.infer<typeof PointsSubjectKindSchema>;

/** How long one scoring period runs: a half year (嘉兴: 每半年测评) or a year. @category Points schemes */
export const PointsPeriodKindSchema = /* @__PURE__ */ z.enum(['half-year', 'year']);
/** How long one scoring period runs. @category Points schemes */
export type PointsPeriodKind = z.infer<typeof PointsPeriodKindSchema>;

/** What an item does to the score: earns points (正向), adds a bonus (加分) or deducts (扣分). @category Points schemes */
export const PointsItemKindSchema = /* @__PURE__ */ z.enum(['earn', 'bonus', 'deduction']);
/** What an item does to the score. @category Points schemes */
export type PointsItemKind = z.infer<typeof PointsItemKindSchema>;

const positive = () => z.number().finite().positive();
const nonNegative = () => z.number().finite().min(0);

/**
 * One scored item: points per event (e.g. 2 per collective study session), optionally a range an
 * event may state instead (a deduction of 1–5 points), a cap per period (e.g. 12), and the group
 * (模块, e.g. 组织生活) whose own cap it shares.
 * @category Points schemes
 */
export const PointsItemSchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  title: LocalizedNameSchema,
  kind: PointsItemKindSchema,
  /** Points for one occurrence. */
  points: positive(),
  /** When set, an event may state its own points within this range (e.g. 1–5 per late task). */
  range: z.strictObject({ min: nonNegative(), max: positive() }).optional(),
  /** Cap for this item in one period (单项封顶). */
  cap: positive().optional(),
  group: IndicatorCodeSchema.optional(),
});
/** One scored item of a points scheme. @category Points schemes */
export type PointsItem = z.infer<typeof PointsItemSchema>;

/** A group of earning items (模块, e.g. 组织生活 20–30) with a cap for the period. @category Points schemes */
export const PointsGroupSchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  title: LocalizedNameSchema,
  cap: positive(),
});
/** A group of earning items with a cap for the period. @category Points schemes */
export type PointsGroup = z.infer<typeof PointsGroupSchema>;

/**
 * A reset-to-zero condition (清零指数): when a subject has an event under this code in the period, its
 * total (`scope: 'total'`, default) or everything it earned above the base (`scope: 'earned'`) is zeroed.
 * @category Points schemes
 */
export const ResetConditionSchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  title: LocalizedNameSchema,
  scope: z.enum(['total', 'earned']).default('total'),
});
/** A reset-to-zero condition (清零). @category Points schemes */
export type ResetCondition = z.infer<typeof ResetConditionSchema>;

/**
 * A veto (一票否决): an event under this code puts the subject in the named grade (default the lowest)
 * whatever its score.
 * @category Points schemes
 */
export const PointsVetoSchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  title: LocalizedNameSchema,
  grade: IndicatorCodeSchema.optional(),
});
/** A veto (一票否决) of a points scheme. @category Points schemes */
export type PointsVeto = z.infer<typeof PointsVetoSchema>;

/** A grade band (档次): the subjects whose total reaches `min` (and no higher band's). @category Points schemes */
export const GradeBandSchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  title: LocalizedNameSchema,
  min: z.number().finite(),
});
/** A grade band (档次), e.g. 优秀 ≥ 90. @category Points schemes */
export type GradeBand = z.infer<typeof GradeBandSchema>;

/**
 * A member category (党员类别, e.g. 在职 / 离退休 / 流动): its own base, or not scored at all (some
 * schemes leave retired or long-term mobile members out).
 * @category Points schemes
 */
export const SubjectCategorySchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  title: LocalizedNameSchema,
  base: nonNegative().optional(),
  scored: z.boolean().default(true),
});
/** A member category. @category Points schemes */
export type SubjectCategory = z.infer<typeof SubjectCategorySchema>;

/**
 * A points scheme (积分制) as data: the member vanguard index (先锋指数) or the branch fortress index
 * (堡垒指数). Localities differ, so every number is the scheme's own.
 * @category Points schemes
 */
export const PointsSchemeSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  name: LocalizedNameSchema,
  subject: PointsSubjectKindSchema,
  period: PointsPeriodKindSchema,
  /** Base score (基本分 / 基础分) every scored subject starts a period with. */
  base: nonNegative(),
  /** Ceiling of the total (e.g. 100); none by default. */
  maxTotal: positive().optional(),
  groups: z.array(PointsGroupSchema).max(100).default([]),
  items: z.array(PointsItemSchema).min(1).max(500),
  /** Cap of all bonus items together (加分总上限). */
  bonusCap: nonNegative().optional(),
  /** Cap of all deductions together. */
  deductionCap: positive().optional(),
  resets: z.array(ResetConditionSchema).max(100).default([]),
  vetoes: z.array(PointsVetoSchema).max(100).default([]),
  /** Grade bands in any order; the lowest band also takes every total below its `min`. */
  grades: z.array(GradeBandSchema).min(1).max(20),
  categories: z.array(SubjectCategorySchema).max(50).default([]),
});
/** A points scheme, parsed and checked. @category Points schemes */
export type PointsScheme = z.infer<typeof PointsSchemeSchema>;
/** A points scheme as a host writes it, before defaults are filled in. @category Points schemes */
export type PointsSchemeInput = z.input<typeof PointsSchemeSchema>;

/** Why a member is left out of the scoring (承德: 70 岁以上, 因病无法参加, 自费出国半年以上). @category Points schemes */
export const ExclusionReasonSchema = /* @__PURE__ */ z.enum(['aged-70-plus', 'illness', 'abroad', 'other']);
/** Why a member is left out of the scoring. @category Points schemes */
export type ExclusionReason = z.infer<typeof ExclusionReasonSchema>;

/**
 * A request to leave a subject out of the scoring. It takes effect only with both the branch meeting's
 * decision (支部大会决定) and the approval from above (上级党组织批准).
 * @category Points schemes
 */
export const ExclusionSchema = /* @__PURE__ */ z.strictObject({
  reason: ExclusionReasonSchema,
  note: TextSchema.optional(),
  /** Date of the branch meeting that decided it. */
  decidedOn: IsoDateSchema.optional(),
  /** The higher party organization that approved it, and when (on or after `decidedOn`). */
  approval: z.strictObject({ by: IdSchema, on: IsoDateSchema }).optional(),
});
/** A request to leave a subject out of the scoring. @category Points schemes */
export type Exclusion = z.infer<typeof ExclusionSchema>;

/** A member or branch to score. @category Points schemes */
export const PointsSubjectSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  name: NameSchema,
  category: IndicatorCodeSchema.optional(),
  exclusion: ExclusionSchema.optional(),
});
/** A member or branch to score. @category Points schemes */
export type PointsSubject = z.infer<typeof PointsSubjectSchema>;

/**
 * One recorded event (积分记录): a subject did (or incurred) an item on a day, `count` times
 * (default 1), or for stated `points` where the item has a range.
 * @category Points schemes
 */
export const PointsEventSchema = /* @__PURE__ */ z.strictObject({
  subjectId: IdSchema,
  item: IndicatorCodeSchema,
  on: IsoDateSchema,
  count: z.number().int().min(1).max(1000).default(1),
  points: nonNegative().optional(),
  note: TextSchema.optional(),
});
/** One recorded event. @category Points schemes */
export type PointsEvent = z.infer<typeof PointsEventSchema>;
/** One recorded event as a host writes it. @category Points schemes */
export type PointsEventInput = z.input<typeof PointsEventSchema>;

/**
 * Reads a points scheme from untrusted data and checks it as a whole, reporting every problem at once
 * with its path: codes used twice across groups, items, resets and vetoes; items in an unknown group
 * or a group given to a non-earning item; a range that does not hold the item's own points; an item
 * cap below one occurrence; two grades starting at the same score; a veto naming an unknown grade.
 * @category Points schemes
 * @example
 * const scheme = parsePointsScheme({
 *   id: 'jx-vanguard', name: { 'zh-CN': '党员先锋指数' }, subject: 'member', period: 'half-year', base: 60,
 *   maxTotal: 100,
 *   items: [{ code: 'study', title: { 'zh-CN': '参加集中学习' }, kind: 'earn', points: 2, cap: 12 }],
 *   grades: [
 *     { code: 'excellent', title: { 'zh-CN': '优秀' }, min: 90 },
 *     { code: 'qualified', title: { 'zh-CN': '合格' }, min: 60 },
 *     { code: 'unqualified', title: { 'zh-CN': '不合格' }, min: 0 },
 *   ],
 * });
 */
export function parsePointsScheme(input: unknown): Result<PointsScheme> {
  const parsed = parseWith(PointsSchemeSchema, input);
  if (!parsed.ok) return parsed;
  const scheme = parsed.value;
  const errors: DomainError[] = [];
  const seen = new Set<string>();
  const claim = (code: string, path: (string | number)[]) => {
    if (seen.has(code)) errors.push(ratingError('rating/duplicate-code', { code }, path));
    seen.add(code);
  };
  scheme.groups.forEach((g, i) => {
    claim(g.code, ['groups', i, 'code']);
  });
  const groups = new Set(scheme.groups.map((g) => g.code));
  scheme.items.forEach((it, i) => {
    claim(it.code, ['items', i, 'code']);
    if (it.group !== undefined && !groups.has(it.group))
      errors.push(ratingError('rating/unknown-group', { group: it.group }, ['items', i, 'group']));
    else if (it.group !== undefined && it.kind !== 'earn')
      errors.push(
        ratingError(
          'rating/rule-contradicts-points',
          { code: it.code, reason: { 'zh-CN': '只有积分项可以归入模块', en: 'only earning items belong to a group' } },
          ['items', i, 'group'],
        ),
      );
    if (it.range !== undefined && (it.range.min > it.range.max || it.points < it.range.min || it.points > it.range.max))
      errors.push(
        ratingError(
          'rating/rule-contradicts-points',
          {
            code: it.code,
            reason: {
              'zh-CN': `分值 ${it.points} 不在区间 ${it.range.min}–${it.range.max} 内`,
              en: `its points ${it.points} lie outside ${it.range.min}–${it.range.max}`,
            },
          },
          ['items', i, 'range'],
        ),
      );
    if (it.cap !== undefined && it.cap < it.points)
      errors.push(
        ratingError(
          'rating/rule-contradicts-points',
          {
            code: it.code,
            reason: {
              'zh-CN': `封顶 ${it.cap} 低于单次分值 ${it.points}`,
              en: `its cap ${it.cap} is below one occurrence (${it.points})`,
            },
          },
          ['items', i, 'cap'],
        ),
      );
  });
  scheme.resets.forEach((r, i) => {
    claim(r.code, ['resets', i, 'code']);
  });
  scheme.vetoes.forEach((v, i) => {
    claim(v.code, ['vetoes', i, 'code']);
  });
  const gradeCodes = new Set<string>();
  const mins = new Set<number>();
  scheme.grades.forEach((g, i) => {
    if (gradeCodes.has(g.code))
      errors.push(ratingError('rating/duplicate-code', { code: g.code }, ['grades', i, 'code']));
    gradeCodes.add(g.code);
    if (mins.has(g.min)) errors.push(ratingError('rating/grade-overlap', { min: g.min }, ['grades', i, 'min']));
    mins.add(g.min);
  });
  scheme.vetoes.forEach((v, i) => {
    if (v.grade !== undefined && !gradeCodes.has(v.grade))
      errors.push(ratingError('rating/unknown-grade', { grade: v.grade }, ['vetoes', i, 'grade']));
  });
  const cats = new Set<string>();
  scheme.categories.forEach((c, i) => {
    if (cats.has(c.code))
      errors.push(ratingError('rating/duplicate-code', { code: c.code }, ['categories', i, 'code']));
    cats.add(c.code);
  });
  return errors.length > 0
    ? err(...errors)
    : ok({ ...scheme, grades: [...scheme.grades].sort((a, b) => b.min - a.min) });
}
