import { err, type Labels, ok, type Result } from '../core/index.js';
import { migrateExtras } from './_lib/migrate/extras.js';
import { carryNodes, dropLeaves } from './_lib/migrate/nodes.js';
import { depthFirst } from './_lib/migrate/order.js';
import { migratedEvaluation } from './_lib/migrate/result.js';
import { askVetoFacts, keepHits, rejudgedVetoes } from './_lib/migrate/vetoes.js';
import { zeroSubtrees } from './_lib/migrate/zero.js';
import { diffTrees } from './diff.js';
import { ratingError } from './errors.js';
import type { Evaluation } from './evaluation.js';
import type { MigrationAdjustment, MigrationStrategy } from './migration.js';
import type { IndicatorTree } from './schema.js';

// Public from here; declared in migration.ts so that the steps in _lib/migrate/ need not import this file.
export type { MigrationAdjustment, MigrationStrategy } from './migration.js';

/** Chinese and English names of the migration strategies. @category Tree versions */
export const migrationStrategyLabels: Labels<MigrationStrategy> = {
  clamp: { 'zh-CN': '就高封顶（不超过新分值）', en: 'clamp to the new maximum' },
  reset: { 'zh-CN': '变动指标重新评分', en: 'reset changed indicators' },
  proportional: { 'zh-CN': '按得分率折算', en: 'proportional rescale' },
};

/** An evaluation carried over to another tree version, with every adjustment made. @category Tree versions */
export interface Migration {
  readonly evaluation: Evaluation;
  readonly strategy: MigrationStrategy;
  readonly from: { readonly treeId: string; readonly version: number };
  /** Only the leaves and items whose score changed, was added or was dropped, and the vetoes to check again. */
  readonly adjustments: readonly MigrationAdjustment[];
}

/**
 * Carries an evaluation made under one tree version over to another, so that units rated under the
 * old indicator system can be compared under the new one without collecting every fact again.
 * Indicators are matched by code. New leaves are unscored and listed as missing, so the result is
 * `partial` until they are scored; removed ones are dropped. Branch scores, bonus and deduction caps
 * and the total are recomputed under the new tree. Under `clamp` no score ever exceeds its new maximum.
 *
 * Vetoes are matched by code too. A veto hit whose item still exists with the same condition keeps
 * the new item's effect. A veto new in the target, and a veto whose condition changed, count as not
 * checked: an old hit of a changed veto is dropped, the facts and metrics (`metric:name`) the veto
 * reads are listed as missing, so the result is `partial` and cannot qualify before the veto is
 * checked, and each is listed in `adjustments` under `vetoes`, as `added` when new and `reset` when
 * its condition changed, under every strategy. A hit of a veto gone from the target is listed there
 * as `dropped`.
 *
 * The condition is the item's `when` (without it, the fact under the veto's own code): it changed
 * when {@link diffTrees} reports an `item-changed` veto with `when` among its fields, i.e. when the
 * two differ as data (key order ignored), including a `when` added or removed. Equivalent rewrites
 * (reordered `anyOf`, the default spelled out) count as changed too: a needless re-check costs less
 * than a result judged against another rule. A changed title, a changed `effect` (the kept hit takes
 * the new one) and another place in the list are not condition changes.
 * @category Tree versions
 * @example
 * const m = unwrap(migrateEvaluation(evaluation2023, tree2023, tree2025, 'proportional'));
 * m.evaluation.version; // 2
 * m.adjustments; // [{ code: 'A1.2', list: 'nodes', action: 'rescaled', before: 10, after: 8 }, …]
 */
export function migrateEvaluation(
  evaluation: Evaluation,
  from: IndicatorTree,
  to: IndicatorTree,
  strategy: MigrationStrategy,
): Result<Migration> {
  if (evaluation.treeId !== from.id || evaluation.version !== from.version)
    return err(
      ratingError(
        'rating/tree-mismatch',
        { expected: `${from.id}@${from.version}`, actual: `${evaluation.treeId}@${evaluation.version}` },
        ['evaluation', 'version'],
      ),
    );
  const oldMissing = new Set(evaluation.status === 'partial' ? evaluation.missing : []);
  const { changes } = diffTrees(from, to);
  const rejudged = rejudgedVetoes(changes);
  const adjustments: MigrationAdjustment[] = [];
  const missing: string[] = [];
  const tree = depthFirst(to);
  const kept = keepHits(evaluation.vetoes, to, rejudged, adjustments);
  dropLeaves(evaluation.nodes, to, adjustments);
  const slots = carryNodes(evaluation.nodes, tree, changes, oldMissing, strategy, adjustments, missing);
  zeroSubtrees(to, tree, kept.zeroRoots, slots);
  askVetoFacts(from, to, oldMissing, rejudged, adjustments, missing);
  const bonusItems = migrateExtras('bonuses', evaluation.bonus, from.bonuses, to.bonuses, strategy, adjustments);
  const penaltyItems = migrateExtras(
    'penalties',
    evaluation.deductions,
    from.penalties,
    to.penalties,
    strategy,
    adjustments,
  );
  const ev = migratedEvaluation(evaluation.unitId, to, tree, slots, kept, bonusItems, penaltyItems, missing);
  return ok({
    evaluation: ev,
    strategy,
    from: { treeId: evaluation.treeId, version: evaluation.version },
    adjustments,
  });
}
