import { dayNumber, type Label, today } from '../core/index.js';
import { indexOf, STAGES } from './_lib/index.js';
import { workdayOrdinalOfDay } from './_lib/workdays.js';
import type { RiskState } from './events.js';
import type { RiskQueryContext } from './queries.js';

/**
 * The risk metrics other modules (rating's computed indicators) read by name. The names are public
 * API: they are never renamed.
 * @category Metrics
 */
export const RISK_METRICS = {
  'risk.open-major': { 'zh-CN': '未办结重大风险数', en: 'open major risks' },
  'risk.open-significant': { 'zh-CN': '未办结较大风险数', en: 'open significant risks' },
  'risk.open-general': { 'zh-CN': '未办结一般风险数', en: 'open general risks' },
  'risk.open-low': { 'zh-CN': '未办结低风险数', en: 'open low risks' },
  'risk.closed': { 'zh-CN': '已办结风险数', en: 'closed risks' },
  'risk.on-time-closure-rate': { 'zh-CN': '按期办结率', en: 'on-time closure rate' },
  'risk.mean-workdays-to-close': { 'zh-CN': '平均办结工作日', en: 'mean working days to close' },
  'risk.overdue-measures': { 'zh-CN': '逾期未完成措施数', en: 'overdue open measures' },
  'risk.reopen-count': { 'zh-CN': '重新打开次数', en: 'reopen count' },
} as const satisfies Readonly<Record<string, Label>>;

/** The name of a risk metric. @category Metrics */
export type RiskMetricName = keyof typeof RISK_METRICS;

/**
 * The metrics of one unit. The two ratios are absent when the unit closed nothing (no denominator).
 * @category Metrics
 */
export type RiskMetrics = { readonly [K in RiskMetricName]?: number };

/** Options of {@link metrics}. @category Metrics */
export interface RiskMetricsOptions {
  /** Group by the owner unit (the unit concerned while a risk is not yet assigned). */
  readonly groupBy: 'unit';
  /**
   * Maps a recorded unit id to the unit that is credited with it, e.g. a merged station to its
   * successor (`(id) => successorOf(directory, id, asOf)`). Identity by default.
   */
  readonly unitOf?: (unitId: string) => string;
}

/** Where each interned name is credited under `unitOf`, appending new names; undefined without it. */
function creditMap(
  interned: readonly string[],
  names: string[],
  unitOf: ((unitId: string) => string) | undefined,
): Int32Array | undefined {
  if (!unitOf) return undefined;
  const at = new Map(interned.map((n, i) => [n, i]));
  const credit = new Int32Array(interned.length);
  interned.forEach((n, i) => {
    const to = unitOf(n);
    let k = at.get(to);
    if (k === undefined) {
      k = names.length;
      names.push(to);
      at.set(to, k);
    }
    credit[i] = k;
  });
  return credit;
}

/**
 * Per-unit risk metrics with stable names ({@link RISK_METRICS}): open risks by level, closures, on-time
 * closure rate (closed on or before the deadline), mean working days from identification to
 * closure, overdue open measures today, and reopen count.
 * @category Metrics
 * @example
 * metrics(state, ctx, { groupBy: 'unit' })['u-food']?.['risk.on-time-closure-rate']; // e.g. 0.75
 */
export function metrics(
  state: RiskState,
  ctx: RiskQueryContext,
  options: RiskMetricsOptions = { groupBy: 'unit' },
): { readonly [unitId: string]: RiskMetrics } {
  const on = dayNumber(today(ctx));
  const x = indexOf(state.risks);
  // Credited names: the interned names, plus the successors `unitOf` maps them to.
  const names: string[] = [...x.names];
  const credit = creditMap(x.names, names, options.unitOf);
  const units = names.length;
  // one row of 9 counters per credited name; only owner codes are used
  const acc = new Float64Array(units * 9);
  const seen = new Uint8Array(units);
  const closed = STAGES.indexOf('closed');
  for (let i = 0; i < x.items.length; i++) {
    const owner = x.owner[i] as number;
    const u = credit ? (credit[owner] as number) : owner;
    const o = u * 9;
    seen[u] = 1;
    acc[o + 8] = (acc[o + 8] as number) + (x.reopens[i] as number);
    if (x.stage[i] === closed) {
      const c = x.closed[i] as number;
      acc[o + 4] = (acc[o + 4] as number) + 1;
      if (c <= (x.deadline[i] as number)) acc[o + 5] = (acc[o + 5] as number) + 1;
      acc[o + 6] =
        (acc[o + 6] as number) +
        workdayOrdinalOfDay(ctx.calendar, c) -
        workdayOrdinalOfDay(ctx.calendar, x.identified[i] as number);
      continue;
    }
    const level = x.level[i] as number;
    if (level >= 0) acc[o + level] = (acc[o + level] as number) + 1;
    for (let k = x.measureStart[i] as number; k < (x.measureStart[i + 1] as number); k++)
      if ((x.measureDue[k] as number) < on) acc[o + 7] = (acc[o + 7] as number) + 1;
  }
  const out: Record<string, RiskMetrics> = {};
  const order = [...names.keys()]
    .filter((u) => seen[u])
    .sort((a, b) => ((names[a] as string) < (names[b] as string) ? -1 : 1));
  for (const u of order) {
    const v = (k: number) => acc[u * 9 + k] as number;
    const closedN = v(4);
    out[names[u] as string] = {
      'risk.open-major': v(3),
      'risk.open-significant': v(2),
      'risk.open-general': v(1),
      'risk.open-low': v(0),
      'risk.closed': closedN,
      ...(closedN > 0
        ? { 'risk.on-time-closure-rate': v(5) / closedN, 'risk.mean-workdays-to-close': v(6) / closedN }
        : {}),
      'risk.overdue-measures': v(7),
      'risk.reopen-count': v(8),
    };
  }
  return out;
}
