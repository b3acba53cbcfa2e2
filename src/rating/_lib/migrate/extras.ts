import { sameValue } from '../../diff.js';
import type { ExtraScore } from '../../evaluation.js';
import type { MigrationAdjustment, MigrationStrategy } from '../../migration.js';
import type { ExtraItem } from '../../schema.js';

/** Carries the points of one bonus or deduction list to the target's items, matched by code. */
export function migrateExtras(
  list: 'bonuses' | 'penalties',
  old: ExtraScore,
  fromItems: readonly ExtraItem[],
  toItems: readonly ExtraItem[],
  strategy: MigrationStrategy,
  adjustments: MigrationAdjustment[],
): ExtraScore['items'] {
  const before = new Map(old.items.map((x) => [x.code, x.points]));
  const fromBy = new Map(fromItems.map((x) => [x.code, x]));
  const kept = new Set(toItems.map((x) => x.code));
  for (const x of old.items)
    if (!kept.has(x.code) && x.points > 0)
      adjustments.push({ code: x.code, list, action: 'dropped', before: x.points });
  return toItems.map((x) => {
    const was = before.get(x.code);
    const def = fromBy.get(x.code);
    if (was === undefined || def === undefined) {
      adjustments.push({ code: x.code, list, action: 'added', after: 0 });
      return { code: x.code, title: x.title, points: 0 };
    }
    let points: number;
    let action: MigrationAdjustment['action'];
    if (strategy === 'reset' && !sameValue(def, x)) [points, action] = [0, 'reset'];
    else if (strategy === 'proportional' && def.perItem === x.perItem)
      [points, action] = [Math.min(x.cap, was), 'clamped'];
    else if (strategy === 'proportional')
      [points, action] = [Math.min(x.cap, (was / def.perItem) * x.perItem), 'rescaled'];
    else [points, action] = [Math.min(x.cap, was), 'clamped'];
    if (points !== was) adjustments.push({ code: x.code, list, action, before: was, after: points });
    return { code: x.code, title: x.title, points };
  });
}
