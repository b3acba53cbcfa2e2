import type { IsoDate } from '../core/index.js';
import { type OrgDirectory, successorOf } from '../org/index.js';
import type { MetricTable } from '../rating/index.js';

/** A per-unit table of named numbers as one module computes it; a missing figure may be `null` or absent. @category Join */
export type ModuleMetricTable = {
  readonly [unitId: string]: { readonly [name: string]: number | null | undefined };
};

/** What {@link joinMetrics} merges: the `metrics(...)` results of the modules a rating reads. @category Join */
export interface JoinMetricsInput {
  /** `loop.metrics(state, ctx, { from, to, groupBy: 'unit', unitOf })`. */
  readonly loop?: ModuleMetricTable;
  /** `risk.metrics(state, ctx, { groupBy: 'unit', unitOf })`. */
  readonly risk?: ModuleMetricTable;
  /** `brand.metrics(state, { groupBy: 'unit', directory, asOf, unitOf })`. */
  readonly brand?: ModuleMetricTable;
}

/**
 * Merges the loop, risk and brand metric tables into the one `MetricTable` rating reads: unit id →
 * metric name → number. Figures that are `null` or `undefined` (a rate with nothing to divide by) are
 * dropped, so rating sees them as missing and its rule for a missing metric applies, rather than a
 * fabricated 0. Names are namespaced by module (`loop.`, `risk.`, `brand.`), so nothing collides;
 * units are listed in id order. The inputs are not changed.
 * @category Join
 * @example
 * const table = joinMetrics({
 *   loop: loop.metrics(loopState, ctx, { from: '2025-01-01', to: '2025-12-31', groupBy: 'unit' }),
 *   risk: risk.metrics(riskState, ctx),
 * });
 * table['st-a']?.['loop.strike-off-rate']; // e.g. 0.75
 */
export function joinMetrics(input: JoinMetricsInput): MetricTable {
  const out = new Map<string, Record<string, number>>();
  for (const table of [input.loop, input.risk, input.brand]) {
    if (!table) continue;
    for (const unitId of Object.keys(table)) {
      const row = table[unitId];
      if (!row) continue;
      let target = out.get(unitId);
      if (!target) {
        target = {};
        out.set(unitId, target);
      }
      for (const name of Object.keys(row)) {
        const v = row[name];
        if (v !== null && v !== undefined) target[name] = v;
      }
    }
  }
  return Object.fromEntries([...out.keys()].sort().map((u) => [u, out.get(u) as Record<string, number>]));
}

/**
 * The `unitOf` option that credits a merged unit's records to its successor on `asOf`, for the
 * modules' `metrics(...)`: a year-end rating then counts what the predecessors did that year.
 * @category Join
 * @example
 * const unitOf = creditSuccessor(directory, '2025-12-31');
 * loop.metrics(state, ctx, { from: '2025-01-01', to: '2025-12-31', groupBy: 'unit', unitOf });
 */
export function creditSuccessor(directory: OrgDirectory, asOf: IsoDate): (unitId: string) => string {
  const memo = new Map<string, string>();
  return (unitId) => {
    let to = memo.get(unitId);
    if (to === undefined) {
      to = successorOf(directory, unitId, asOf);
      memo.set(unitId, to);
    }
    return to;
  };
}
