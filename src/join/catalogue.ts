import { BRAND_METRICS, type BrandMetricName } from '../brand/index.js';
import type { Label } from '../core/index.js';
import { LOOP_METRICS, type LoopMetricName } from '../loop/index.js';
import { RISK_METRICS, type RiskMetricName } from '../risk/index.js';

/** The module a metric comes from. @category Catalogue */
export type MetricSource = 'loop' | 'risk' | 'brand';

/** Every metric name some module provides: what a computed indicator may read. @category Catalogue */
export type JoinedMetricName = LoopMetricName | RiskMetricName | BrandMetricName;

/** How a metric's number reads: a count, a ratio in [0, 1], working days, or a per-branch average. @category Catalogue */
export type JoinedMetricUnit = 'count' | 'ratio' | 'workdays' | 'per-branch';

/** One entry of the merged metric catalogue. @category Catalogue */
export interface MetricEntry {
  /** The stable name rating's computed rules and veto conditions refer to, e.g. `loop.strike-off-rate`. */
  readonly name: JoinedMetricName;
  /** The module that computes it. */
  readonly source: MetricSource;
  readonly label: Label;
  readonly unit: JoinedMetricUnit;
}

// The risk module labels its metrics only; their units are fixed here, once, by name.
const RISK_UNITS: { readonly [K in RiskMetricName]: JoinedMetricUnit } = {
  'risk.open-major': 'count',
  'risk.open-significant': 'count',
  'risk.open-general': 'count',
  'risk.open-low': 'count',
  'risk.closed': 'count',
  'risk.on-time-closure-rate': 'ratio',
  'risk.mean-workdays-to-close': 'workdays',
  'risk.overdue-measures': 'count',
  'risk.reopen-count': 'count',
};

const keys = <K extends string>(o: { readonly [P in K]: unknown }): K[] => Object.keys(o) as K[];

/**
 * The metrics the loop, risk and brand modules provide, merged into one list (loop, then risk, then
 * brand, each in its module's order): the catalogue `parseIndicatorTree` checks computed indicators
 * against, so a tree naming a metric nobody computes is refused before a rating starts.
 * @category Catalogue
 * @example
 * const names = metricCatalogue().map((m) => m.name);
 * parseIndicatorTree(input, { metrics: names }); // 'rating/unknown-metric' for a name not in the list
 */
export function metricCatalogue(): readonly MetricEntry[] {
  return [
    ...keys(LOOP_METRICS).map((name) => ({
      name,
      source: 'loop' as const,
      label: LOOP_METRICS[name].label,
      unit: LOOP_METRICS[name].unit,
    })),
    ...keys(RISK_METRICS).map((name) => ({
      name,
      source: 'risk' as const,
      label: RISK_METRICS[name],
      unit: RISK_UNITS[name],
    })),
    ...keys(BRAND_METRICS).map((name) => ({
      name,
      source: 'brand' as const,
      label: BRAND_METRICS[name].label,
      unit: BRAND_METRICS[name].unit,
    })),
  ];
}

/**
 * The names of {@link metricCatalogue}, ready for `parseIndicatorTree(input, { metrics })`.
 * @category Catalogue
 * @example
 * metricNames().includes('risk.on-time-closure-rate'); // true
 */
export function metricNames(): readonly JoinedMetricName[] {
  return metricCatalogue().map((m) => m.name);
}
