import { type Locale, label } from '../core/index.js';
import { scorerOf } from './_lib/scorers.js';
import type { Evaluation } from './evaluation.js';
import { aggregationLabels } from './labels.js';
import { type AwardingBody, type Qualification, qualify } from './qualify.js';
import type { StarScheme } from './scheme.js';
import type { AdminLevel, StarLevel } from './stars.js';

/** One line of an explanation: indicator, maximum, scored, lost and why. @category Views */
export interface ExplainRow {
  readonly code: string;
  /** The indicator's title, indented two spaces per level below the first. */
  readonly indicator: string;
  readonly depth: number;
  readonly max: number;
  readonly scored: number;
  readonly lost: number;
  readonly why: string;
}

const round = (n: number): number => Math.round(n * 100) / 100;

/**
 * Turns an evaluation into rows a person can read: every indicator with its maximum, score, points
 * lost and why, then the bonus, deduction and veto lines and the total.
 * @category Views
 * @example
 * for (const row of explain(evaluation)) console.log(row.indicator, row.scored, row.why);
 */
export function explain(ev: Evaluation, options: { readonly locale?: Locale } = {}): ExplainRow[] {
  const locale = options.locale ?? 'zh-CN';
  const zh = locale === 'zh-CN';
  const missing = new Set(ev.status === 'partial' ? ev.missing : []);
  const rows: ExplainRow[] = ev.nodes.map((n) => {
    let why: string;
    if (n.zeroedBy !== undefined) why = zh ? `否决项 ${n.zeroedBy} 触发，本项清零` : `zeroed by veto ${n.zeroedBy}`;
    else if (!n.applicable) why = zh ? '不适用，上级按其余指标折算' : 'not applicable; parent rescaled';
    else if (n.leaf === undefined) why = zh ? '下级指标汇总' : 'sum of the indicators below';
    else if (missing.has(n.code)) why = zh ? '缺少事实，暂按 0 分' : 'fact missing, scored 0 for now';
    else if (n.leaf.value === undefined) why = zh ? '按规定比例计分' : 'counted at the stated rate';
    else {
      why = scorerOf(n.leaf.rule).describe(n.leaf.rule, n.max, n.leaf.value)[locale];
      if (n.leaf.reason !== undefined) why += zh ? `；理由：${n.leaf.reason}` : `; reason: ${n.leaf.reason}`;
    }
    return {
      code: n.code,
      indicator: `${'  '.repeat(Math.max(0, n.depth - 1))}${n.title[locale] ?? n.title['zh-CN']}`,
      depth: n.depth,
      max: round(n.max),
      scored: round(n.score),
      lost: round(n.lost),
      why,
    };
  });
  const extra = (code: string, title: string, scored: number, why: string): ExplainRow => ({
    code,
    indicator: title,
    depth: 0,
    max: 0,
    scored: round(scored),
    lost: 0,
    why,
  });
  for (const b of ev.bonus.items)
    if (b.points > 0) rows.push(extra(b.code, b.title[locale] ?? b.title['zh-CN'], b.points, zh ? '加分项' : 'bonus'));
  if (ev.bonus.total !== ev.bonus.items.reduce((s, b) => s + b.points, 0))
    rows.push(
      extra(
        'bonus',
        zh ? '加分合计（封顶）' : 'bonus total (capped)',
        ev.bonus.total,
        zh ? '加分封顶或被否决' : 'capped or vetoed',
      ),
    );
  for (const d of ev.deductions.items)
    if (d.points > 0)
      rows.push(extra(d.code, d.title[locale] ?? d.title['zh-CN'], -d.points, zh ? '扣分项' : 'deduction'));
  for (const v of ev.vetoes)
    rows.push(
      extra(
        v.code,
        v.title[locale] ?? v.title['zh-CN'],
        0,
        `${zh ? '一票否决' : 'veto'}${v.evidence === undefined ? '' : `：${v.evidence}`}`,
      ),
    );
  rows.push(
    extra(
      'total',
      zh ? '总分' : 'total',
      ev.total,
      zh
        ? `基础 ${round(ev.base)} + 加分 ${round(ev.bonus.total)} − 扣分 ${round(ev.deductions.total)}`
        : `base ${round(ev.base)} + bonus ${round(ev.bonus.total)} − deductions ${round(ev.deductions.total)}`,
    ),
  );
  return rows;
}

/** A unit's place in a ranking. @category Views */
export interface RankRow {
  /** Competition rank (1, 1, 3 …); absent for a partial evaluation, which is listed last. */
  readonly rank?: number;
  readonly unitId: string;
  readonly total: number;
  readonly status: Evaluation['status'];
}

/**
 * Ranks evaluations by total, highest first; equal totals share a place and are listed by unit id.
 * Partial evaluations get no place and come last.
 * @category Views
 * @example
 * rank(evaluations(batch)).slice(0, 3);
 */
export function rank(evs: readonly Evaluation[]): RankRow[] {
  const complete = evs.filter((e) => e.status === 'complete');
  const sorted = [...complete].sort((a, b) => b.total - a.total || (a.unitId < b.unitId ? -1 : 1));
  const rows: RankRow[] = [];
  sorted.forEach((e, i) => {
    const prev = rows[i - 1];
    const place = prev !== undefined && sorted[i - 1]?.total === e.total ? (prev.rank ?? i + 1) : i + 1;
    rows.push({ rank: place, unitId: e.unitId, total: e.total, status: e.status });
  });
  for (const e of evs) if (e.status === 'partial') rows.push({ unitId: e.unitId, total: e.total, status: e.status });
  return rows;
}

/** Options of {@link distribution}. @category Views */
export interface DistributionOptions {
  /** Stars held now, per unit. */
  readonly held?: Readonly<Record<string, StarLevel>>;
  /** The bureau that awards a star of the given level to a unit (e.g. its city bureau). */
  readonly awardingUnitOf?: (unitId: string, level: AdminLevel) => string | undefined;
}

/** How many units reach each star, and per awarding body. @category Views */
export interface Distribution {
  readonly byStar: Readonly<Record<'none' | `${StarLevel}`, number>>;
  readonly byAwardingBody: readonly (AwardingBody & { readonly star: StarLevel; readonly count: number })[];
  readonly qualifications: readonly Qualification[];
  /** Units whose evaluation was partial and therefore not qualified. */
  readonly incomplete: readonly string[];
}

/**
 * Qualifies every evaluation and counts units per star and per awarding body.
 * @category Views
 * @example
 * distribution(evaluations(batch), scheme).byStar; // { none: 0, '3': 17, '4': 11, '5': 2 }
 */
export function distribution(
  evs: readonly Evaluation[],
  scheme: StarScheme,
  options: DistributionOptions = {},
): Distribution {
  const byStar = { none: 0, '3': 0, '4': 0, '5': 0 };
  const bodies = new Map<string, AwardingBody & { star: StarLevel; count: number }>();
  const qualifications: Qualification[] = [];
  const incomplete: string[] = [];
  for (const ev of evs) {
    const held = options.held?.[ev.unitId];
    const q = qualify(ev, scheme, held === undefined ? {} : { held });
    if (!q.ok) {
      incomplete.push(ev.unitId);
      continue;
    }
    const { star, awardedBy } = q.value;
    const unitId = awardedBy === undefined ? undefined : options.awardingUnitOf?.(ev.unitId, awardedBy.level);
    const qual: Qualification =
      awardedBy !== undefined && unitId !== undefined ? { ...q.value, awardedBy: { ...awardedBy, unitId } } : q.value;
    qualifications.push(qual);
    if (star === undefined || qual.awardedBy === undefined) {
      byStar.none++;
      continue;
    }
    byStar[`${star}`]++;
    const key = `${star}|${qual.awardedBy.level}|${qual.awardedBy.unitId ?? ''}`;
    const row = bodies.get(key) ?? { ...qual.awardedBy, star, count: 0 };
    row.count++;
    bodies.set(key, row);
  }
  const byAwardingBody = [...bodies.values()].sort(
    (a, b) => b.star - a.star || (a.unitId ?? '').localeCompare(b.unitId ?? ''),
  );
  return { byStar, byAwardingBody, qualifications, incomplete };
}

/**
 * The label of an aggregation mode (used by explain in hosts that print the tree).
 * @category Views
 * @example
 * aggregationLabel('weighted'); // '加权平均'
 * aggregationLabel('min', 'en'); // 'minimum'
 */
export function aggregationLabel(mode: keyof typeof aggregationLabels, locale: Locale = 'zh-CN'): string {
  return label(aggregationLabels, mode, locale);
}
