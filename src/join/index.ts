/**
 * The join: the one place where the loop, risk and brand modules' per-unit metrics meet rating's
 * `MetricTable`, and where a merged unit's records are credited to its successor. Leaf modules never
 * import each other; a host (or this module) joins them.
 * @module join
 */
export {
  type JoinedMetricName,
  type MetricEntry,
  type MetricSource,
  metricCatalogue,
  metricNames,
} from './catalogue.js';
export { creditSuccessor, type JoinMetricsInput, joinMetrics, type ModuleMetricTable } from './join.js';
