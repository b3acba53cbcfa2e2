import type { TreeChange } from '../../diff.js';
import type { VetoHit } from '../../evaluation.js';
import type { MigrationAdjustment } from '../../migration.js';
import type { IndicatorTree } from '../../schema.js';
import { conditionRefs } from '../../tree.js';

/** Codes of the vetoes whose condition (`when`) changed between the two versions. */
export function rejudgedVetoes(changes: readonly TreeChange[]): Set<string> {
  // An old result says nothing about a condition it was not judged against.
  return new Set(
    changes
      .filter((c) => c.kind === 'item-changed' && c.list === 'vetoes' && c.fields.includes('when'))
      .map((c) => c.code),
  );
}

/** The old veto hits that still hold under the target, with the effects they now have. */
export interface KeptHits {
  readonly vetoes: VetoHit[];
  /** Node code → code of the veto that zeroes it. */
  readonly zeroRoots: Map<string, string>;
  readonly disqualified: boolean;
}

/** Keeps each hit whose veto the target still has with the same condition, taking the new title and effect. */
export function keepHits(
  hits: readonly VetoHit[],
  to: IndicatorTree,
  rejudged: ReadonlySet<string>,
  adjustments: MigrationAdjustment[],
): KeptHits {
  const vetoes: VetoHit[] = [];
  const zeroRoots = new Map<string, string>();
  let disqualified = false;
  for (const hit of hits) {
    const item = to.vetoes.find((v) => v.code === hit.code);
    // a hit of a veto the target no longer has is gone from the result, so the report says so
    if (item === undefined) adjustments.push({ code: hit.code, list: 'vetoes', action: 'dropped' });
    if (item === undefined || rejudged.has(hit.code)) continue;
    vetoes.push({ ...hit, title: item.title, effect: item.effect });
    if (item.effect.kind === 'disqualify') disqualified = true;
    if (item.effect.kind === 'zero') zeroRoots.set(item.effect.node, item.code);
  }
  return { vetoes, zeroRoots, disqualified };
}

/** Lists as missing the facts and metrics the target's vetoes still need stated, and the vetoes to check again. */
export function askVetoFacts(
  from: IndicatorTree,
  to: IndicatorTree,
  oldMissing: ReadonlySet<string>,
  rejudged: ReadonlySet<string>,
  adjustments: MigrationAdjustment[],
  missing: string[],
): void {
  // Facts a veto needed but lacked stay missing while the target still has vetoes to read them; a
  // changed veto's own fact is asked for below only if its new condition still reads it.
  const fromCodes = new Set(from.nodes.map((n) => n.code));
  const fromVetoes = new Set(from.vetoes.map((v) => v.code));
  const toVetoes = new Set(to.vetoes.map((v) => v.code));
  for (const code of oldMissing)
    if (!fromCodes.has(code) && (fromVetoes.has(code) ? toVetoes.has(code) && !rejudged.has(code) : toVetoes.size > 0))
      missing.push(code);
  // A veto new in the target, or with a changed condition, was never checked as it stands: its facts
  // are missing, as when scoring afresh, so the result cannot qualify until they are stated.
  for (const v of to.vetoes) {
    if (fromVetoes.has(v.code) && !rejudged.has(v.code)) continue;
    adjustments.push({ code: v.code, list: 'vetoes', action: fromVetoes.has(v.code) ? 'reset' : 'added' });
    const refs: { fact?: string; metric?: string; path: readonly (string | number)[] }[] = [];
    if (v.when === undefined) refs.push({ fact: v.code, path: [] });
    else conditionRefs(v.when, [], refs);
    for (const r of refs) {
      const code = r.fact ?? `metric:${r.metric}`;
      if (!missing.includes(code)) missing.push(code);
    }
  }
}
