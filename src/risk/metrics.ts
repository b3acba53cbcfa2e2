import { dayNumber, type MetricInfo, today } from '../core/index.js';
import {
  CLOSED,
  closedOf,
  dueOf,
  identifiedOf,
  itemOf,
  judgedOf,
  levelOf,
  openOf,
  ownerOf,
  reopensOf,
  type ShardIndex,
  shardIndexes,
  stageOf,
} from './_lib/index.js';
import { workdayOrdinalOfDay } from './_lib/workdays.js';
import type { RiskState } from './events.js';
import type { RiskQueryContext } from './queries.js';

// Counts of things a unit would rather have fewer of: open risks, overdue measures, reopenings.
function count(zh: string, en: string, defZh: string, defEn: string) {
  return {
    label: { 'zh-CN': zh, en },
    unit: 'count',
    better: 'lower',
    definition: { 'zh-CN': defZh, en: defEn },
  } as const;
}

/**
 * The risk metrics other modules (rating's computed indicators) read by name. The names are public
 * API: they are never renamed.
 * @category Metrics
 */
export const RISK_METRICS = {
  'risk.open-major': count(
    '未办结重大风险数',
    'open major risks',
    '尚未办结的重大（红色）风险',
    'Major (red) risks not yet closed',
  ),
  'risk.open-significant': count(
    '未办结较大风险数',
    'open significant risks',
    '尚未办结的较大（橙色）风险',
    'Significant (orange) risks not yet closed',
  ),
  'risk.open-general': count(
    '未办结一般风险数',
    'open general risks',
    '尚未办结的一般（黄色）风险',
    'General (yellow) risks not yet closed',
  ),
  'risk.open-low': count(
    '未办结低风险数',
    'open low risks',
    '尚未办结的低（蓝色）风险',
    'Low (blue) risks not yet closed',
  ),
  'risk.closed': {
    label: { 'zh-CN': '已办结风险数', en: 'closed risks' },
    unit: 'count',
    better: 'higher',
    definition: { 'zh-CN': '已销号办结的风险', en: 'Risks closed' },
  },
  'risk.on-time-closure-rate': {
    label: { 'zh-CN': '按期办结率', en: 'on-time closure rate' },
    unit: 'ratio',
    better: 'higher',
    definition: {
      'zh-CN': '在办结时限内办结的风险 ÷ 已办结风险（逾期后改定的时限仍按原时限考核；无办结时不计）',
      en: 'Risks closed by their deadline ÷ risks closed (a deadline moved after it had passed is still judged by the original; absent when none closed)',
    },
  },
  'risk.mean-workdays-to-close': {
    label: { 'zh-CN': '平均办结工作日', en: 'mean working days to close' },
    unit: 'workdays',
    better: 'lower',
    definition: {
      'zh-CN': '从识别到办结的工作日均值（无办结时不计）',
      en: 'Mean working days from identification to closure (absent when none closed)',
    },
  },
  'risk.overdue-measures': count(
    '逾期未完成措施数',
    'overdue open measures',
    '已过时限仍未完成的管控措施',
    'Open control measures past their deadline',
  ),
  'risk.reopen-count': count(
    '重新打开次数',
    'reopen count',
    '办结后又重新打开的次数',
    'Times a closed risk was reopened',
  ),
} as const satisfies Readonly<Record<string, MetricInfo>>;

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

/** Open measures of row i past their deadline on day `on`; the record is read only when it has two or more. */
function overdueMeasures(x: ShardIndex, i: number, on: number): number {
  const open = openOf(x, i);
  if (open === 0 || dueOf(x, i) >= on) return 0;
  if (open === 1) return 1;
  let n = 0;
  for (const m of itemOf(x, i).measures) if (m.status.stage === 'open' && dayNumber(m.deadline) < on) n++;
  return n;
}

/**
 * Per-unit risk metrics with stable names ({@link RISK_METRICS}): open risks by level, closures, on-time
 * closure rate (closed on or before the deadline; a deadline moved after it had passed still counts, see
 * `RiskAssignment.missedDeadline`), mean working days from identification to
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
  const unitOf = options.unitOf;
  // One row of 9 counters per credited unit; `slots` finds a unit's row, and `unitOf` runs once per distinct name.
  const names: string[] = [];
  const slots = new Map<string, number>();
  const credited = new Map<string, number>();
  const slotOf = (name: string): number => {
    let k = credited.get(name);
    if (k === undefined) {
      const to = unitOf ? unitOf(name) : name;
      k = slots.get(to);
      if (k === undefined) {
        k = names.length;
        names.push(to);
        slots.set(to, k);
      }
      credited.set(name, k);
    }
    return k;
  };
  let acc = new Float64Array(0);
  for (const x of shardIndexes(state.risks)) {
    // shard-local owner codes → credited rows (only owners need a row; other names are left at -1)
    const slot = new Int32Array(x.names.length).fill(-1);
    for (let i = 0; i < x.n; i++) {
      const owner = ownerOf(x, i);
      if (slot[owner] === -1) slot[owner] = slotOf(x.names[owner] as string);
    }
    if (acc.length < names.length * 9) {
      const wider = new Float64Array(Math.max(names.length, (acc.length / 9) * 2) * 9);
      wider.set(acc);
      acc = wider;
    }
    for (let i = 0; i < x.n; i++) {
      const o = (slot[ownerOf(x, i)] as number) * 9;
      acc[o + 8] = (acc[o + 8] as number) + reopensOf(x, i);
      if (stageOf(x, i) === CLOSED) {
        const c = closedOf(x, i);
        acc[o + 4] = (acc[o + 4] as number) + 1;
        // judged against the deadline it missed when a late re-assignment moved it (domain.md §5)
        if (c <= judgedOf(x, i)) acc[o + 5] = (acc[o + 5] as number) + 1;
        acc[o + 6] =
          (acc[o + 6] as number) +
          workdayOrdinalOfDay(ctx.calendar, c) -
          workdayOrdinalOfDay(ctx.calendar, identifiedOf(x, i));
        continue;
      }
      const level = levelOf(x, i);
      if (level >= 0) acc[o + level] = (acc[o + level] as number) + 1;
      acc[o + 7] = (acc[o + 7] as number) + overdueMeasures(x, i, on);
    }
  }
  const out: Record<string, RiskMetrics> = {};
  const order = [...names.keys()].sort((a, b) => ((names[a] as string) < (names[b] as string) ? -1 : 1));
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
