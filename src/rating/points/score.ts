import { z } from 'zod';
import {
  type DateRange,
  type DomainError,
  err,
  type HalfYear,
  type IsoDate,
  type Label,
  type LocalizedName,
  ok,
  parseWith,
  periodRange,
  type Result,
} from '../../core/index.js';
import { ratingError } from '../errors.js';
import {
  type ExclusionReason,
  type GradeBand,
  type PointsEvent,
  type PointsEventInput,
  PointsEventSchema,
  type PointsItem,
  type PointsItemKind,
  type PointsScheme,
  type PointsSubject,
  PointsSubjectSchema,
} from './schema.js';

/** A scoring period: a half year (`'2025-H1'`) or a year (`'2025'`). @category Points schemes */
export type PointsPeriod = HalfYear | `${number}`;

/** One item's points for one subject in a period, before and after its own cap. @category Points schemes */
export interface ItemScore {
  readonly code: string;
  readonly title: LocalizedName;
  readonly kind: PointsItemKind;
  /** Occurrences recorded. */
  readonly count: number;
  /** Points before the item cap. */
  readonly raw: number;
  /** Points after the item cap (单项封顶). */
  readonly points: number;
}

/** A triggered reset or veto, with the first day it was recorded. @category Points schemes */
export interface PointsTrigger {
  readonly code: string;
  readonly title: LocalizedName;
  readonly on: IsoDate;
  readonly note?: string;
}

/** One line of a subject's explanation: what, how many, the points and why. @category Points schemes */
export interface PointsRow {
  readonly code: string;
  readonly title: LocalizedName;
  readonly count: number;
  readonly points: number;
  readonly why: Label;
}

/** Fields every scored subject has. @category Points schemes */
export interface ScoredSubject {
  readonly status: 'scored';
  readonly subjectId: string;
  readonly name: string;
  readonly category?: string;
  readonly base: number;
  /** Earning and bonus and deduction items that had events, after their own caps. */
  readonly items: readonly ItemScore[];
  /** Earned points after item and group caps (正向积分). */
  readonly earned: number;
  /** Bonus after the total bonus cap (加分). */
  readonly bonus: number;
  /** Deductions after the total deduction cap (扣分), as a positive number. */
  readonly deductions: number;
  readonly reset?: PointsTrigger & { readonly scope: 'total' | 'earned' };
  readonly vetoed?: PointsTrigger;
  readonly total: number;
  /** The grade band's code, e.g. `excellent`. */
  readonly grade: string;
  readonly gradeTitle: LocalizedName;
  /** Competition rank among the scored subjects (1, 1, 3 …). */
  readonly rank: number;
  readonly rows: readonly PointsRow[];
}

/** A subject left out of the scoring: an approved exclusion, or a category the scheme does not score. @category Points schemes */
export interface ExcludedSubject {
  readonly status: 'excluded';
  readonly subjectId: string;
  readonly name: string;
  readonly category?: string;
  readonly reason: ExclusionReason | 'category-not-scored';
}

/** One subject's result in a period. @category Points schemes */
export type SubjectScore = ScoredSubject | ExcludedSubject;

/** The result of scoring a period: every subject in input order, and the count per grade. @category Points schemes */
export interface PointsReport {
  readonly schemeId: string;
  readonly period: PointsPeriod;
  readonly range: DateRange;
  readonly subjects: readonly SubjectScore[];
  /** Grade code → number of scored subjects in it (every grade listed, zero included). */
  readonly byGrade: Readonly<Record<string, number>>;
}

const InputSchema = /* @__PURE__ */ z.strictObject({
  subjects: z.array(PointsSubjectSchema).max(100_000),
  events: z.array(PointsEventSchema).max(100_000),
});

const PERIOD_SHAPE = {
  'half-year': { re: /^\d{4}-H[12]$/, label: { 'zh-CN': '半年（如 2025-H1）', en: 'a half year such as 2025-H1' } },
  year: { re: /^\d{4}$/, label: { 'zh-CN': '年度（如 2025）', en: 'a year such as 2025' } },
} as const;

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
const r2 = (n: number) => Math.round(n * 100) / 100;

interface Lookup {
  readonly items: ReadonlyMap<string, PointsItem>;
  readonly resets: ReadonlyMap<string, PointsScheme['resets'][number]>;
  readonly vetoes: ReadonlyMap<string, PointsScheme['vetoes'][number]>;
}

function checkInputs(
  scheme: PointsScheme,
  lookup: Lookup,
  subjects: readonly PointsSubject[],
  events: readonly PointsEvent[],
  range: DateRange,
  period: string,
): DomainError[] {
  const errors: DomainError[] = [];
  const ids = new Set<string>();
  const cats = new Set(scheme.categories.map((c) => c.code));
  subjects.forEach((s, i) => {
    if (ids.has(s.id)) errors.push(ratingError('rating/duplicate-code', { code: s.id }, ['subjects', i, 'id']));
    ids.add(s.id);
    if (s.category !== undefined && !cats.has(s.category))
      errors.push(ratingError('rating/unknown-category', { category: s.category }, ['subjects', i, 'category']));
    const ex = s.exclusion;
    if (ex !== undefined && (ex.decidedOn === undefined || ex.approval === undefined))
      errors.push(ratingError('rating/exclusion-not-approved', { subjectId: s.id }, ['subjects', i, 'exclusion']));
    // Approval from above approves the branch meeting's decision, so it cannot come before it.
    else if (ex?.decidedOn !== undefined && ex.approval !== undefined && ex.approval.on < ex.decidedOn)
      errors.push(
        ratingError(
          'rating/exclusion-not-approved',
          { subjectId: s.id, decidedOn: ex.decidedOn, approvedOn: ex.approval.on },
          ['subjects', i, 'exclusion', 'approval', 'on'],
        ),
      );
  });
  events.forEach((e, i) => {
    if (!ids.has(e.subjectId))
      errors.push(ratingError('rating/unknown-subject', { subjectId: e.subjectId }, ['events', i, 'subjectId']));
    const item = lookup.items.get(e.item);
    if (item === undefined && !lookup.resets.has(e.item) && !lookup.vetoes.has(e.item))
      errors.push(ratingError('rating/unknown-item', { item: e.item }, ['events', i, 'item']));
    if (e.on < range.from || e.on > range.to)
      errors.push(ratingError('rating/event-outside-period', { on: e.on, period }, ['events', i, 'on']));
    if (e.points !== undefined && item !== undefined) {
      const rg = item.range;
      if (rg === undefined || e.points < rg.min || e.points > rg.max)
        errors.push(
          ratingError(
            'rating/value-out-of-domain',
            {
              code: e.item,
              expected:
                rg === undefined
                  ? {
                      'zh-CN': `固定分值 ${item.points}，不能自报分值`,
                      en: `no stated points (fixed at ${item.points})`,
                    }
                  : { 'zh-CN': `${rg.min}–${rg.max} 分`, en: `${rg.min}–${rg.max} points` },
            },
            ['events', i, 'points'],
          ),
        );
    }
  });
  return errors;
}

function gradeOf(scheme: PointsScheme, total: number): GradeBand {
  // Grades are sorted from the highest `min` by parsePointsScheme; the lowest also takes anything below.
  return scheme.grades.find((g) => total >= g.min) ?? (scheme.grades[scheme.grades.length - 1] as GradeBand);
}

function firstTrigger<T extends { code: string; title: LocalizedName }>(
  evs: readonly PointsEvent[],
  table: ReadonlyMap<string, T>,
): (PointsTrigger & { def: T }) | undefined {
  let hit: (PointsTrigger & { def: T }) | undefined;
  for (const e of evs) {
    const def = table.get(e.item);
    if (def !== undefined && (hit === undefined || e.on < hit.on))
      hit = { code: def.code, title: def.title, on: e.on, def, ...(e.note === undefined ? {} : { note: e.note }) };
  }
  return hit;
}

function scoreSubject(scheme: PointsScheme, lookup: Lookup, s: PointsSubject, evs: readonly PointsEvent[]) {
  const cat = scheme.categories.find((c) => c.code === s.category);
  const base = cat?.base ?? scheme.base;
  const raw = new Map<string, { count: number; raw: number }>();
  for (const e of evs) {
    const item = lookup.items.get(e.item);
    if (item === undefined) continue;
    const acc = raw.get(item.code) ?? { count: 0, raw: 0 };
    acc.count += e.count;
    acc.raw += e.count * (e.points ?? item.points);
    raw.set(item.code, acc);
  }
  const items: ItemScore[] = scheme.items
    .filter((it) => raw.has(it.code))
    .map((it) => {
      const a = raw.get(it.code) as { count: number; raw: number };
      return {
        code: it.code,
        title: it.title,
        kind: it.kind,
        count: a.count,
        raw: a.raw,
        points: Math.min(it.cap ?? Number.POSITIVE_INFINITY, a.raw),
      };
    });
  const rows: PointsRow[] = [
    {
      code: 'base',
      title: { 'zh-CN': '基本分', en: 'base' },
      count: 0,
      points: base,
      why: { 'zh-CN': cat ? `${cat.title['zh-CN']}基本分` : '基本分', en: 'base score' },
    },
  ];
  let earned = 0;
  const itemRow = (x: ItemScore, sign: 1 | -1): PointsRow => {
    const def = lookup.items.get(x.code) as PointsItem;
    const capped = x.points < x.raw;
    return {
      code: x.code,
      title: x.title,
      count: x.count,
      points: sign * r2(x.points),
      why: capped
        ? {
            'zh-CN': `${x.count} 次，计 ${r2(x.raw)} 分，单项封顶 ${def.cap}`,
            en: `${x.count} times, ${r2(x.raw)} points, item capped at ${def.cap}`,
          }
        : { 'zh-CN': `${x.count} 次`, en: `${x.count} times` },
    };
  };
  for (const g of scheme.groups) {
    const members = items.filter((x) => x.kind === 'earn' && lookup.items.get(x.code)?.group === g.code);
    if (members.length === 0) continue;
    for (const x of members) rows.push(itemRow(x, 1));
    const gsum = sum(members.map((x) => x.points));
    const gpts = Math.min(g.cap, gsum);
    earned += gpts;
    if (gpts < gsum)
      rows.push({
        code: g.code,
        title: g.title,
        count: 0,
        points: -r2(gsum - gpts),
        why: { 'zh-CN': `模块封顶 ${g.cap}`, en: `group capped at ${g.cap}` },
      });
  }
  for (const x of items)
    if (x.kind === 'earn' && lookup.items.get(x.code)?.group === undefined) {
      earned += x.points;
      rows.push(itemRow(x, 1));
    }
  const capped = (kind: 'bonus' | 'deduction', cap: number | undefined): number => {
    const list = items.filter((x) => x.kind === kind);
    for (const x of list) rows.push(itemRow(x, kind === 'bonus' ? 1 : -1));
    const total = sum(list.map((x) => x.points));
    const out = Math.min(cap ?? Number.POSITIVE_INFINITY, total);
    if (out < total)
      rows.push({
        code: `${kind}-cap`,
        title:
          kind === 'bonus' ? { 'zh-CN': '加分封顶', en: 'bonus cap' } : { 'zh-CN': '扣分封顶', en: 'deduction cap' },
        count: 0,
        points: (kind === 'bonus' ? -1 : 1) * r2(total - out),
        why: { 'zh-CN': `合计封顶 ${cap}`, en: `capped at ${cap} in all` },
      });
    return out;
  };
  const bonus = capped('bonus', scheme.bonusCap);
  const deductions = capped('deduction', scheme.deductionCap);
  let total = base + earned + bonus - deductions;
  const reset = firstTrigger(evs, lookup.resets);
  if (reset !== undefined) {
    total = reset.def.scope === 'total' ? 0 : base - deductions;
    rows.push({
      code: reset.code,
      title: reset.title,
      count: 1,
      points: 0,
      why:
        reset.def.scope === 'total'
          ? { 'zh-CN': `${reset.on} 触发清零，本期积分归零`, en: `reset on ${reset.on}: the period's score is zero` }
          : {
              'zh-CN': `${reset.on} 触发清零，正向积分和加分作废`,
              en: `reset on ${reset.on}: earned points and bonus void`,
            },
    });
  }
  const ceiling = scheme.maxTotal ?? Number.POSITIVE_INFINITY;
  if (total > ceiling)
    rows.push({
      code: 'max-total',
      title: { 'zh-CN': '总分上限', en: 'ceiling' },
      count: 0,
      points: -r2(total - ceiling),
      why: { 'zh-CN': `总分不超过 ${ceiling}`, en: `total capped at ${ceiling}` },
    });
  total = Math.max(0, Math.min(ceiling, total));
  const veto = firstTrigger(evs, lookup.vetoes);
  let band = gradeOf(scheme, total);
  if (veto !== undefined) {
    const forced =
      scheme.grades.find((g) => g.code === veto.def.grade) ?? (scheme.grades[scheme.grades.length - 1] as GradeBand);
    band = forced;
    rows.push({
      code: veto.code,
      title: veto.title,
      count: 1,
      points: 0,
      why: {
        'zh-CN': `${veto.on} 一票否决，定为${forced.title['zh-CN']}${veto.note === undefined ? '' : `（${veto.note}）`}`,
        en: `vetoed on ${veto.on}: graded ${forced.title.en ?? forced.code}`,
      },
    });
  }
  rows.push({
    code: 'total',
    title: { 'zh-CN': '合计', en: 'total' },
    count: 0,
    points: r2(total),
    why: {
      'zh-CN': `基本 ${r2(base)} + 积分 ${r2(earned)} + 加分 ${r2(bonus)} − 扣分 ${r2(deductions)}，等次：${band.title['zh-CN']}`,
      en: `base ${r2(base)} + earned ${r2(earned)} + bonus ${r2(bonus)} − deductions ${r2(deductions)}; grade ${band.title.en ?? band.code}`,
    },
  });
  return {
    base,
    items,
    earned,
    bonus,
    deductions,
    total,
    band,
    rows,
    ...(reset === undefined
      ? {}
      : {
          reset: {
            code: reset.code,
            title: reset.title,
            on: reset.on,
            scope: reset.def.scope,
            ...(reset.note === undefined ? {} : { note: reset.note }),
          },
        }),
    ...(veto === undefined
      ? {}
      : {
          vetoed: {
            code: veto.code,
            title: veto.title,
            on: veto.on,
            ...(veto.note === undefined ? {} : { note: veto.note }),
          },
        }),
  };
}

/**
 * Scores members (先锋指数) or branches (堡垒指数) for one period under a points scheme: the base, each
 * item's points after its own cap, group caps, bonus and deductions kept apart, reset-to-zero (清零)
 * and veto (一票否决) conditions, the total, grade band, rank and an explanation row per line.
 * Subjects with an approved exclusion, or in a category the scheme does not score, are listed as
 * `excluded` and their events ignored. Every bad subject or event is reported with its path; nothing
 * is scored then.
 * @category Points schemes
 * @example
 * const report = unwrap(scorePoints(scheme, [{ id: 'm-01', name: '王芳' }], [
 *   { subjectId: 'm-01', item: 'study', on: '2025-03-12' },
 * ], '2025-H1'));
 * report.subjects[0]; // { status: 'scored', total: 62, grade: 'qualified', … }
 */
export function scorePoints(
  scheme: PointsScheme,
  subjects: readonly PointsSubject[],
  events: readonly PointsEventInput[],
  period: PointsPeriod,
): Result<PointsReport> {
  const shape = PERIOD_SHAPE[scheme.period];
  if (!shape.re.test(period))
    return err(ratingError('rating/period-mismatch', { period, expected: shape.label }, ['period']));
  const parsed = parseWith(InputSchema, { subjects, events });
  if (!parsed.ok) return parsed;
  const range = periodRange(period);
  const lookup: Lookup = {
    items: new Map(scheme.items.map((x) => [x.code, x])),
    resets: new Map(scheme.resets.map((x) => [x.code, x])),
    vetoes: new Map(scheme.vetoes.map((x) => [x.code, x])),
  };
  const subs = parsed.value.subjects;
  const evs = parsed.value.events;
  const errors = checkInputs(scheme, lookup, subs, evs, range, period);
  if (errors.length > 0) return err(...errors);

  const bySubject = new Map<string, PointsEvent[]>();
  for (const e of evs) {
    const list = bySubject.get(e.subjectId) ?? [];
    list.push(e);
    bySubject.set(e.subjectId, list);
  }
  type Step =
    | { readonly excluded: ExcludedSubject }
    | {
        readonly common: Pick<ScoredSubject, 'subjectId' | 'name' | 'category'>;
        readonly result: ReturnType<typeof scoreSubject>;
      };
  const steps: Step[] = subs.map((s) => {
    const cat = scheme.categories.find((c) => c.code === s.category);
    const common = { subjectId: s.id, name: s.name, ...(s.category === undefined ? {} : { category: s.category }) };
    if (s.exclusion !== undefined) return { excluded: { ...common, status: 'excluded', reason: s.exclusion.reason } };
    if (cat !== undefined && !cat.scored)
      return { excluded: { ...common, status: 'excluded', reason: 'category-not-scored' } };
    return { common, result: scoreSubject(scheme, lookup, s, bySubject.get(s.id) ?? []) };
  });
  const totals = steps.flatMap((x) => ('result' in x ? [x.result.total] : [])).sort((a, b) => b - a);
  // Competition rank of each total, in one pass over the sorted totals (a search per subject was quadratic:
  // 100,000 members took seconds).
  const rankOf = new Map<number, number>();
  totals.forEach((t, i) => {
    if (!rankOf.has(t)) rankOf.set(t, i + 1);
  });
  const byGrade: Record<string, number> = Object.fromEntries(scheme.grades.map((g) => [g.code, 0]));
  const out: SubjectScore[] = steps.map((x) => {
    if ('excluded' in x) return x.excluded;
    const { band, ...r } = x.result;
    byGrade[band.code] = (byGrade[band.code] ?? 0) + 1;
    return {
      status: 'scored',
      ...x.common,
      ...r,
      grade: band.code,
      gradeTitle: band.title,
      rank: rankOf.get(r.total) as number,
    };
  });
  return ok({ schemeId: scheme.id, period, range, subjects: out, byGrade });
}
