import { type CalendarContext, forEachRecord, type IsoDate, type MetricInfo, workdaysBetween } from '../core/index.js';
import type { LoopState } from './state.js';

/** The stable names of the loop's metrics, which `rating` reads as computed indicators. @category Metrics */
export type LoopMetricName =
  | 'loop.deployments'
  | 'loop.inspection-coverage'
  | 'loop.notice-rate'
  | 'loop.problems'
  | 'loop.supervision-rate'
  | 'loop.on-time-resolution-rate'
  | 'loop.look-back-rate'
  | 'loop.strike-off-rate'
  | 'loop.reopen-rate'
  | 'loop.mean-workdays-to-resolve';

/**
 * The catalogue of loop metrics: stable names with bilingual labels, units and definitions.
 * Renaming a key is a breaking change (ratings refer to them by name).
 * @category Metrics
 */
export const LOOP_METRICS: { readonly [K in LoopMetricName]: MetricInfo } = {
  'loop.deployments': {
    label: { 'zh-CN': '部署事项数', en: 'Deployments' },
    unit: 'count',
    better: 'higher',
    definition: { 'zh-CN': '期间内由该单位主办的部署数', en: 'Deployments led by the unit that started in the period' },
  },
  'loop.inspection-coverage': {
    label: { 'zh-CN': '检查覆盖率', en: 'Inspection coverage' },
    unit: 'ratio',
    better: 'higher',
    definition: { 'zh-CN': '有检查的部署 ÷ 部署数', en: 'Deployments with an inspection ÷ deployments' },
  },
  'loop.notice-rate': {
    label: { 'zh-CN': '通报率', en: 'Notice rate' },
    unit: 'ratio',
    better: 'higher',
    definition: { 'zh-CN': '已通报的检查 ÷ 检查数', en: 'Inspections notified ÷ inspections of those deployments' },
  },
  'loop.problems': {
    label: { 'zh-CN': '问题数', en: 'Problems' },
    unit: 'count',
    better: 'lower',
    definition: {
      'zh-CN': '期间内发现的该单位负责的问题数',
      en: 'Problems the unit is responsible for, found in the period',
    },
  },
  'loop.supervision-rate': {
    label: { 'zh-CN': '督办率', en: 'Supervision rate' },
    unit: 'ratio',
    better: 'higher',
    definition: { 'zh-CN': '已督办的问题 ÷ 问题数', en: 'Problems with a supervision order ÷ problems' },
  },
  'loop.on-time-resolution-rate': {
    label: { 'zh-CN': '按期处结率', en: 'On-time resolution rate' },
    unit: 'ratio',
    better: 'higher',
    definition: {
      'zh-CN': '在期限（含批准的延期）内报结的督办 ÷ 已处结的督办',
      en: 'Orders reported by their deadline (approved extensions included) ÷ resolved orders',
    },
  },
  'loop.look-back-rate': {
    label: { 'zh-CN': '回头看率', en: 'Look-back rate' },
    unit: 'ratio',
    better: 'higher',
    definition: { 'zh-CN': '已回头看的问题 ÷ 已处结的问题', en: 'Problems looked back ÷ problems ever resolved' },
  },
  'loop.strike-off-rate': {
    label: { 'zh-CN': '销号率', en: 'Strike-off rate' },
    unit: 'ratio',
    better: 'higher',
    definition: { 'zh-CN': '已销号的问题 ÷ 问题数', en: 'Problems struck off ÷ problems' },
  },
  'loop.reopen-rate': {
    label: { 'zh-CN': '反弹率', en: 'Reopen rate' },
    unit: 'ratio',
    better: 'lower',
    definition: {
      'zh-CN': '回头看未通过而重新打开的问题 ÷ 问题数',
      en: 'Problems reopened by a failed look-back ÷ problems',
    },
  },
  'loop.mean-workdays-to-resolve': {
    label: { 'zh-CN': '平均处结工作日', en: 'Mean working days to resolve' },
    unit: 'workdays',
    better: 'lower',
    definition: {
      'zh-CN': '督办下达至报结的平均工作日',
      en: 'Mean working days from an order to its accepted resolution report',
    },
  },
};

/** The metric values of one unit; `null` where a rate has no base (nothing to divide by). @category Metrics */
export type LoopMetricValues = { readonly [K in LoopMetricName]: number | null };

/** Options of {@link metrics}. @category Metrics */
export interface LoopMetricsOptions {
  /** First day of the period (deployments by start day, problems by the day found). */
  readonly from: IsoDate;
  /** Last day of the period, inclusive. */
  readonly to: IsoDate;
  /** How figures are grouped: by the responsible unit. */
  readonly groupBy: 'unit';
  /**
   * Maps a recorded unit id to the unit that is credited with it, e.g. a merged station to its
   * successor (`(id) => successorOf(directory, id, asOf)`), so a year-end rating counts the
   * predecessors' closed lines too. Identity by default.
   */
  readonly unitOf?: (unitId: string) => string;
}

interface Tally {
  deployments: number;
  covered: number;
  inspections: number;
  notified: number;
  problems: number;
  supervised: number;
  resolvedOrders: number;
  onTime: number;
  everResolved: number;
  lookedBack: number;
  struckOff: number;
  reopened: number;
  resolveDays: number;
}

const blank = (): Tally => ({
  deployments: 0,
  covered: 0,
  inspections: 0,
  notified: 0,
  problems: 0,
  supervised: 0,
  resolvedOrders: 0,
  onTime: 0,
  everResolved: 0,
  lookedBack: 0,
  struckOff: 0,
  reopened: 0,
  resolveDays: 0,
});

const rate = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/**
 * The loop's metrics per unit over a period, under the stable names of {@link LOOP_METRICS}:
 * deployments are counted for their lead unit, problems for the unit responsible. Figures are a
 * period's performance, so units are taken as recorded on the lines (open ones moved by
 * `rehome-unit`) and the state's successions are not applied; `unitOf` credits a successor with its
 * predecessors' lines when a rating wants that.
 * @category Metrics
 * @example
 * metrics(state, ctx, { from: '2025-07-01', to: '2025-12-31', groupBy: 'unit' })['dept-food']?.['loop.strike-off-rate'];
 */
export function metrics(
  state: LoopState,
  ctx: CalendarContext,
  options: LoopMetricsOptions,
): Record<string, LoopMetricValues> {
  const { from, to, unitOf } = options;
  const tallies = new Map<string, Tally>();
  const of = (recorded: string) => {
    const unit = unitOf ? unitOf(recorded) : recorded;
    let t = tallies.get(unit);
    if (!t) {
      t = blank();
      tallies.set(unit, t);
    }
    return t;
  };
  // One pass per table; an inspection or order finds its deployment's or problem's tally through a
  // Map filled by the pass before, instead of a table lookup per id listed on the parent record.
  const byDeployment = new Map<string, Tally>();
  forEachRecord(state.deployments, (d) => {
    if (d.startOn < from || d.startOn > to) return;
    const t = of(d.leadUnitId);
    t.deployments++;
    if (d.inspectionIds.length === 0) return;
    t.covered++;
    byDeployment.set(d.id, t);
  });
  forEachRecord(state.inspections, (i) => {
    const t = byDeployment.get(i.deploymentId);
    if (t === undefined) return;
    t.inspections++;
    if (i.status === 'notified') t.notified++;
  });
  const byProblem = new Map<string, Tally>();
  forEachRecord(state.problems, (p) => {
    if (p.foundOn < from || p.foundOn > to) return;
    const t = of(p.unitId);
    t.problems++;
    if (p.status === 'struck-off') t.struckOff++;
    if (p.recurrence > 0) t.reopened++;
    if (p.lookBackIds.length > 0 || p.status === 'resolved') t.everResolved++;
    if (p.lookBackIds.length > 0) t.lookedBack++;
    if (p.orderIds.length === 0) return;
    t.supervised++;
    byProblem.set(p.id, t);
  });
  const memo = new Map<string, number>();
  forEachRecord(state.orders, (o) => {
    if (o.status !== 'resolved') return;
    const t = byProblem.get(o.problemId);
    if (t === undefined) return;
    t.resolvedOrders++;
    if (o.onTime) t.onTime++;
    const k = `${o.issuedOn}${o.resolvedOn}`;
    let days = memo.get(k);
    if (days === undefined) {
      days = workdaysBetween(o.issuedOn, o.resolvedOn, { calendar: ctx.calendar });
      memo.set(k, days);
    }
    t.resolveDays += days;
  });
  const units = [...tallies.keys()].sort();
  return Object.fromEntries(
    units.map((u) => {
      const t = tallies.get(u) as Tally;
      const values: LoopMetricValues = {
        'loop.deployments': t.deployments,
        'loop.inspection-coverage': rate(t.covered, t.deployments),
        'loop.notice-rate': rate(t.notified, t.inspections),
        'loop.problems': t.problems,
        'loop.supervision-rate': rate(t.supervised, t.problems),
        'loop.on-time-resolution-rate': rate(t.onTime, t.resolvedOrders),
        'loop.look-back-rate': rate(t.lookedBack, t.everResolved),
        'loop.strike-off-rate': rate(t.struckOff, t.problems),
        'loop.reopen-rate': rate(t.reopened, t.problems),
        'loop.mean-workdays-to-resolve': rate(t.resolveDays, t.resolvedOrders),
      };
      return [u, values];
    }),
  );
}
