import type { Label } from './labels.js';

/**
 * How a metric's number reads: a count, a ratio in [0, 1], working days, or an average per party branch.
 * @category Metrics
 */
export type MetricUnit = 'count' | 'ratio' | 'workdays' | 'per-branch';

/**
 * What every module's metric catalogue says about one of its metrics, in one shape, so that a host or
 * `shijian/join` can list, label and explain the figures a rating reads without knowing which module
 * computed them.
 * @category Metrics
 */
export interface MetricInfo {
  readonly label: Label;
  readonly unit: MetricUnit;
  /** Whether a higher value is the better one (an on-time rate) or a lower one (overdue measures). */
  readonly better: 'higher' | 'lower';
  /** What it is computed from, in one sentence. */
  readonly definition: Label;
}
