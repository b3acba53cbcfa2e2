import type { DomainError, Label, Path } from '../../core/index.js';
import { ratingError } from '../errors.js';
import type { ComputableRule, ScoringRule, ScoringRuleKind } from '../schema.js';

type RuleOf<K extends ScoringRuleKind> = Extract<ScoringRule, { kind: K }>;

/** What each rule kind must provide; the table below must cover every kind or the module does not compile. */
export interface LeafScorer<R> {
  /** True when facts for this rule come as an assessor's score with a reason. */
  readonly takesReason: boolean;
  /** Parse-time contradictions between the rule's parameters and the indicator's points. */
  check(rule: R, points: number): readonly Label[];
  /**
   * Prepares the rule's column scorer once per leaf and batch, so the kind is dispatched once per
   * leaf, not once per unit. `cohort` is the whole column the units are ranked in (only rank rules
   * read it).
   */
  prepare(rule: R, points: number, cohort: ArrayLike<number>): ColumnScore;
  /** True when a value lies in the rule's domain. */
  accepts(rule: R, points: number, value: number): boolean;
  /** The error for a value outside the domain. */
  outOfDomain(rule: R, points: number, code: string, path: Path): DomainError;
  /** A value that earns full points, or undefined where points depend on the cohort. */
  fullValue(rule: R, points: number): number | undefined;
  /** The metrics the rule reads. */
  metrics(rule: R): readonly string[];
  /** One line on how the value turned into points, for {@link explain}. */
  describe(rule: R, points: number, value: number): Label;
}

/**
 * Scores `values[from..to)` into `out[at]`, `out[at + stride]` …: NaN in → NaN out, a value outside
 * the rule's domain → NaN. Returns how many NaN it wrote, so callers skip the clean-up pass when none.
 */
export type ColumnScore = (
  values: Float64Array,
  from: number,
  to: number,
  out: Float64Array,
  at: number,
  stride: number,
) => number;

const fmt = (n: number): string => String(Math.round(n * 10000) / 10000);
const isCount = (v: number): boolean => Number.isInteger(v) && v >= 0;

function domainError(code: string, path: Path, expected: Label): DomainError {
  return ratingError('rating/value-out-of-domain', { code, expected }, path);
}

const binary: LeafScorer<RuleOf<'binary'>> = {
  takesReason: false,
  check: () => [],
  accepts: (_r, _p, v) => v === 0 || v === 1,
  prepare: (_r, p) => (values, from, to, out, at, stride) => {
    let nan = 0;
    for (let i = from, o = at; i < to; i++, o += stride) {
      const v = values[i] as number;
      if (v === 0 || v === 1) out[o] = v * p;
      else {
        out[o] = Number.NaN;
        nan++;
      }
    }
    return nan;
  },
  outOfDomain: (_r, _p, code, path) => domainError(code, path, { 'zh-CN': '是或否', en: 'yes or no' }),
  fullValue: () => 1,
  metrics: () => [],
  describe: (_r, _p, v) => (v === 1 ? { 'zh-CN': '是', en: 'yes' } : { 'zh-CN': '否', en: 'no' }),
};

const ratio: LeafScorer<RuleOf<'ratio'>> = {
  takesReason: false,
  check: () => [],
  accepts: (_r, _p, v) => Number.isFinite(v) && v >= 0,
  prepare: (r, p) => {
    const t = r.target;
    const higher = r.better === 'higher';
    return (values, from, to, out, at, stride) => {
      let nan = 0;
      for (let i = from, o = at; i < to; i++, o += stride) {
        const v = values[i] as number;
        if (Number.isFinite(v) && v >= 0) out[o] = p * (higher ? Math.min(1, v / t) : v <= t ? 1 : t / v);
        else {
          out[o] = Number.NaN;
          nan++;
        }
      }
      return nan;
    };
  },
  outOfDomain: (_r, _p, code, path) => domainError(code, path, { 'zh-CN': '非负数', en: 'a non-negative number' }),
  fullValue: (r) => r.target,
  metrics: () => [],
  describe: (r, _p, v) => ({
    'zh-CN': `实际 ${fmt(v)}，目标 ${fmt(r.target)}（${r.better === 'higher' ? '越高越好' : '越低越好'}）`,
    en: `actual ${fmt(v)} against a target of ${fmt(r.target)} (${r.better === 'higher' ? 'higher' : 'lower'} is better)`,
  }),
};

function tierPoints(rule: RuleOf<'tiered'>, v: number): number {
  let best = 0;
  for (const band of rule.bands) if (v >= band.min) best = band.points;
  return best;
}

const tiered: LeafScorer<RuleOf<'tiered'>> = {
  takesReason: false,
  check: (r, p) => {
    const out: Label[] = [];
    for (let i = 1; i < r.bands.length; i++) {
      const prev = r.bands[i - 1];
      const band = r.bands[i];
      if (prev && band && (band.min <= prev.min || band.points < prev.points))
        out.push({
          'zh-CN': '档次须按下限递增排列，分值不减',
          en: 'bands must rise in their lower bound and never lose points',
        });
    }
    const top = r.bands[r.bands.length - 1];
    if (top && top.points !== p)
      out.push({
        'zh-CN': `最高档 ${top.points} 分应等于指标分值 ${p}`,
        en: `the top band's ${top.points} points should equal the indicator's ${p}`,
      });
    return out;
  },
  accepts: (_r, _p, v) => Number.isFinite(v),
  prepare: (r) => {
    const mins = Float64Array.from(r.bands, (b) => b.min);
    const pts = Float64Array.from(r.bands, (b) => b.points);
    const n = mins.length;
    return (values, from, to, out, at, stride) => {
      let nan = 0;
      for (let i = from, o = at; i < to; i++, o += stride) {
        const v = values[i] as number;
        if (Number.isFinite(v)) {
          let best = 0;
          for (let b = 0; b < n; b++) if (v >= (mins[b] as number)) best = pts[b] as number;
          out[o] = best;
        } else {
          out[o] = Number.NaN;
          nan++;
        }
      }
      return nan;
    };
  },
  outOfDomain: (_r, _p, code, path) => domainError(code, path, { 'zh-CN': '有限数值', en: 'a finite number' }),
  fullValue: (r) => r.bands[r.bands.length - 1]?.min ?? 0,
  metrics: () => [],
  describe: (r, _p, v) => ({
    'zh-CN': `取值 ${fmt(v)}，落入 ${fmt(tierPoints(r, v))} 分档`,
    en: `value ${fmt(v)} falls in the ${fmt(tierPoints(r, v))}-point band`,
  }),
};

const deduction: LeafScorer<RuleOf<'deduction'>> = {
  takesReason: false,
  check: (r, p) =>
    r.floor > p
      ? [{ 'zh-CN': `保底分 ${r.floor} 高于分值 ${p}`, en: `the floor of ${r.floor} is above the ${p} points` }]
      : [],
  accepts: (_r, _p, v) => isCount(v),
  prepare: (r, p) => {
    const floor = r.floor;
    const per = r.perOccurrence;
    return (values, from, to, out, at, stride) => {
      let nan = 0;
      for (let i = from, o = at; i < to; i++, o += stride) {
        const v = values[i] as number;
        if (isCount(v)) out[o] = Math.max(floor, p - v * per);
        else {
          out[o] = Number.NaN;
          nan++;
        }
      }
      return nan;
    };
  },
  outOfDomain: (_r, _p, code, path) =>
    domainError(code, path, { 'zh-CN': '非负整数（发生次数）', en: 'a whole number of occurrences' }),
  fullValue: () => 0,
  metrics: () => [],
  describe: (r, _p, v) => ({
    'zh-CN': `发生 ${v} 次，每次扣 ${fmt(r.perOccurrence)} 分`,
    en: `${v} occurrence(s) at ${fmt(r.perOccurrence)} point(s) each`,
  }),
};

const manualMax = (r: RuleOf<'manual'>, p: number): number => r.max ?? p;
const manualMin = (r: RuleOf<'manual'>): number => r.min ?? 0;

const manual: LeafScorer<RuleOf<'manual'>> = {
  takesReason: true,
  check: (r, p) => {
    const out: Label[] = [];
    if (manualMax(r, p) > p)
      out.push({
        'zh-CN': `打分上限 ${manualMax(r, p)} 高于分值 ${p}`,
        en: `the maximum ${manualMax(r, p)} is above ${p}`,
      });
    if (manualMin(r) > manualMax(r, p))
      out.push({ 'zh-CN': '打分下限高于上限', en: 'the minimum is above the maximum' });
    return out;
  },
  accepts: (r, p, v) => Number.isFinite(v) && v >= manualMin(r) && v <= manualMax(r, p),
  prepare: (r, p) => {
    const min = manualMin(r);
    const max = manualMax(r, p);
    return (values, from, to, out, at, stride) => {
      let nan = 0;
      for (let i = from, o = at; i < to; i++, o += stride) {
        const v = values[i] as number;
        if (Number.isFinite(v) && v >= min && v <= max) out[o] = v;
        else {
          out[o] = Number.NaN;
          nan++;
        }
      }
      return nan;
    };
  },
  outOfDomain: (r, p, code, path) =>
    ratingError('rating/manual-out-of-bounds', { code, min: manualMin(r), max: manualMax(r, p) }, path),
  fullValue: (r, p) => manualMax(r, p),
  metrics: () => [],
  describe: (_r, _p, v) => ({ 'zh-CN': `评审打分 ${fmt(v)}`, en: `assessor's score ${fmt(v)}` }),
};

function inner(rule: ComputableRule): LeafScorer<ComputableRule> {
  return SCORERS[rule.kind] as LeafScorer<ComputableRule>;
}

const computed: LeafScorer<RuleOf<'computed'>> = {
  takesReason: false,
  check: (r, p) => inner(r.apply).check(r.apply, p),
  accepts: (r, p, v) => inner(r.apply).accepts(r.apply, p, v),
  prepare: (r, p, cohort) => inner(r.apply).prepare(r.apply, p, cohort),
  outOfDomain: (r, p, code, path) => inner(r.apply).outOfDomain(r.apply, p, code, path),
  fullValue: (r, p) => inner(r.apply).fullValue(r.apply, p),
  metrics: (r) => [r.metric],
  describe: (r, p, v) => {
    const d = inner(r.apply).describe(r.apply, p, v);
    return { 'zh-CN': `${r.metric}：${d['zh-CN']}`, en: `${r.metric}: ${d.en}` };
  },
};

const rankFirst = (r: RuleOf<'rank'>, p: number): number => r.first ?? p;

/** Competition place (1, 1, 3 …) of `v` among the sorted finite cohort values. */
function placeOf(sorted: Float64Array, v: number, better: 'higher' | 'lower'): number {
  // count values strictly better than v
  let lo = 0;
  let hi = sorted.length;
  if (better === 'higher') {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) <= v) lo = mid + 1;
      else hi = mid;
    }
    return sorted.length - lo + 1;
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo + 1;
}

function rankPoints(r: RuleOf<'rank'>, p: number, place: number): number {
  return place > r.places ? 0 : (rankFirst(r, p) * (r.places - place + 1)) / r.places;
}

const rank: LeafScorer<RuleOf<'rank'>> = {
  takesReason: false,
  check: (r, p) =>
    rankFirst(r, p) > p
      ? [{ 'zh-CN': `第一名 ${rankFirst(r, p)} 分高于分值 ${p}`, en: `first place's ${rankFirst(r, p)} is above ${p}` }]
      : [],
  accepts: (_r, _p, v) => Number.isFinite(v),
  prepare: (r, p, cohort) => {
    const finite: number[] = [];
    for (let i = 0; i < cohort.length; i++) {
      const c = cohort[i] as number;
      if (Number.isFinite(c)) finite.push(c);
    }
    const sorted = Float64Array.from(finite).sort();
    return (values, from, to, out, at, stride) => {
      let nan = 0;
      for (let i = from, o = at; i < to; i++, o += stride) {
        const v = values[i] as number;
        if (Number.isFinite(v)) out[o] = rankPoints(r, p, placeOf(sorted, v, r.better));
        else {
          out[o] = Number.NaN;
          nan++;
        }
      }
      return nan;
    };
  },
  outOfDomain: (_r, _p, code, path) => domainError(code, path, { 'zh-CN': '有限数值', en: 'a finite number' }),
  fullValue: () => undefined,
  metrics: () => [],
  describe: (r, _p, v) => ({
    'zh-CN': `取值 ${fmt(v)}，参与排名（前 ${r.places} 名得分）`,
    en: `value ${fmt(v)}, ranked in the cohort (top ${r.places} score)`,
  }),
};

/** One scorer per rule kind: a new kind fails to compile until it has an entry here. */
export const SCORERS: { readonly [K in ScoringRuleKind]: LeafScorer<RuleOf<K>> } = {
  binary,
  ratio,
  tiered,
  deduction,
  manual,
  computed,
  rank,
};

/** The scorer for a rule, typed loosely for shared code that never looks at the kind. */
export function scorerOf(rule: ScoringRule): LeafScorer<ScoringRule> {
  return SCORERS[rule.kind] as LeafScorer<ScoringRule>;
}

/** Whether points depend on the cohort (rank rules); such leaves are not proposed by gap analysis. */
export function isCohortRule(rule: ScoringRule): boolean {
  return scorerOf(rule).fullValue(rule, 1) === undefined;
}
