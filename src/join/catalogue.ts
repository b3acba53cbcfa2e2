import { BRAND_METRICS, type BrandMetricName } from '../brand/index.js';
import type { MetricInfo } from '../core/index.js';
import { LOOP_METRICS, type LoopMetricName } from '../loop/index.js';
import { RISK_METRICS, type RiskMetricName } from '../risk/index.js';

/** The module a metric comes from. @category Catalogue */
export type MetricSource = 'loop' | 'risk' | 'brand';

/** Every metric name some module provides: what a computed indicator may read. @category Catalogue */
export type JoinedMetricName = LoopMetricName | RiskMetricName | BrandMetricName;

/** One entry of the merged metric catalogue: a module's {@link MetricInfo} with its name and source. @category Catalogue */
export interface MetricEntry extends MetricInfo {
  /** The stable name rating's computed rules and veto conditions refer to, e.g. `loop.strike-off-rate`. */
  readonly name: JoinedMetricName;
  /** The module that computes it. */
  readonly source: MetricSource;
}

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
  const entries = <K extends JoinedMetricName>(
    source: MetricSource,
    catalogue: { readonly [P in K]: MetricInfo },
  ): MetricEntry[] =>
    keys(catalogue).map((name) => {
      const info = catalogue[name];
      return { name, source, label: info.label, unit: info.unit, better: info.better, definition: info.definition };
    });
  return [...entries('loop', LOOP_METRICS), ...entries('risk', RISK_METRICS), ...entries('brand', BRAND_METRICS)];
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
