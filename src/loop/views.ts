import {
  funnelSvg as drawFunnel,
  forEachRecord,
  getRecord,
  type IsoDate,
  type Labels,
  type Locale,
} from '../core/index.js';
import type { LoopState } from './state.js';

/** The steps of the closed loop's funnel, in order. @category Views */
export const LOOP_FUNNEL_STEPS = [
  'deployed',
  'inspected',
  'notified',
  'supervised',
  'resolved',
  'looked-back',
  'struck-off',
] as const;

/**
 * A step of the loop's funnel: deployed → inspected → notified count deployments; supervised → resolved → looked
 * back → struck off count problems.
 * @category Views
 */
export type LoopFunnelStep = (typeof LOOP_FUNNEL_STEPS)[number];

/** Labels of the funnel steps, naming what each counts (部署事项 or 问题). @category Views */
export const loopFunnelStepLabels: Labels<LoopFunnelStep> = {
  deployed: { 'zh-CN': '部署事项', en: 'deployments' },
  inspected: { 'zh-CN': '已检查', en: 'inspected' },
  notified: { 'zh-CN': '已通报', en: 'notified' },
  supervised: { 'zh-CN': '已督办问题', en: 'problems supervised' },
  resolved: { 'zh-CN': '已处结问题', en: 'problems resolved' },
  'looked-back': { 'zh-CN': '已回头看问题', en: 'problems looked back' },
  'struck-off': { 'zh-CN': '已销号问题', en: 'problems struck off' },
};

/** One step of {@link funnel}: what it counts and how many. @category Views */
export interface LoopFunnelRow {
  readonly step: LoopFunnelStep;
  /** The step's label in the requested locale. */
  readonly label: string;
  /** Whether the step counts deployments or problems. */
  readonly counts: 'deployments' | 'problems';
  readonly count: number;
}

/** Options of {@link funnel}: the period (deployments by start day, problems by the day found) and the locale. @category Views */
export interface LoopFunnelOptions {
  readonly from?: IsoDate;
  /** Last day of the period, inclusive. */
  readonly to?: IsoDate;
  readonly locale?: Locale;
}

/**
 * The closed loop as a funnel (凡部署必检查、凡检查必通报、凡问题必督办、凡督办必处结、凡处结必回头看): deployments,
 * those inspected, those whose every inspection is notified; then the problems found that were supervised, ever
 * resolved, looked back and struck off. Each half only narrows, so a gap between two steps is a broken link; the
 * problem half follows the same definitions as the loop's metrics (`loop.look-back-rate`, `loop.strike-off-rate`).
 * @category Views
 * @example
 * funnel(state, { from: '2025-01-01', to: '2025-12-31' }).map((r) => `${r.label} ${r.count}`);
 * // ['部署事项 12', '已检查 12', '已通报 11', '已督办问题 9', '已处结问题 8', '已回头看问题 7', '已销号问题 6']
 */
export function funnel(state: LoopState, options: LoopFunnelOptions = {}): readonly LoopFunnelRow[] {
  const { from, to } = options;
  const inPeriod = (day: IsoDate) => (from === undefined || day >= from) && (to === undefined || day <= to);
  const n = { deployed: 0, inspected: 0, notified: 0, supervised: 0, resolved: 0, 'looked-back': 0, 'struck-off': 0 };
  forEachRecord(state.deployments, (d) => {
    if (!inPeriod(d.startOn)) return;
    n.deployed++;
    if (d.inspectionIds.length === 0) return;
    n.inspected++;
    if (d.inspectionIds.every((id) => getRecord(state.inspections, id)?.status === 'notified')) n.notified++;
  });
  forEachRecord(state.problems, (p) => {
    if (!inPeriod(p.foundOn)) return;
    if (p.orderIds.length > 0) n.supervised++;
    // a failed look-back reopens the problem, but it was resolved once
    if (p.lookBackIds.length > 0 || p.status === 'resolved') n.resolved++;
    if (p.lookBackIds.length > 0) n['looked-back']++;
    if (p.status === 'struck-off') n['struck-off']++;
  });
  const locale = options.locale ?? 'zh-CN';
  return LOOP_FUNNEL_STEPS.map((step, i) => ({
    step,
    label: loopFunnelStepLabels[step][locale],
    counts: i < 3 ? 'deployments' : 'problems',
    count: n[step],
  }));
}

/** Options of {@link funnelSvg}. @category Views */
export interface LoopFunnelSvgOptions {
  readonly title?: string;
  readonly locale?: Locale;
}

const TITLES = { 'zh-CN': '闭环工作漏斗', en: 'Closed-loop funnel' } as const;

/**
 * Draws a {@link funnel} as a self-contained SVG: one bar per step, scaled to the largest count, with its label and
 * count.
 * @category Views
 * @example
 * const svg = funnelSvg(funnel(state)); // '<svg … data-view="funnel" …>'
 */
export function funnelSvg(rows: readonly LoopFunnelRow[], options: LoopFunnelSvgOptions = {}): string {
  return drawFunnel(
    options.title ?? TITLES[options.locale ?? 'zh-CN'],
    rows.map((r) => ({ label: r.label, value: r.count })),
  );
}
