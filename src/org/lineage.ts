import type { IsoDate } from '../core/index.js';
import { indexOf } from './_lib/indexes.js';
import type { OrgDirectory } from './directory.js';
import type { Restructuring } from './schema.js';

/**
 * Where a unit or party organization came from and what it became: every predecessor and
 * successor reachable through restructurings (transitively), and the restructurings on the way.
 * @category Restructurings
 */
export interface Lineage {
  readonly id: string;
  /** Ids it resulted from, nearest first. */
  readonly predecessors: readonly string[];
  /** Ids that resulted from it, nearest first. */
  readonly successors: readonly string[];
  /** The restructurings involved, by effective date. */
  readonly changes: readonly Restructuring[];
}

/**
 * Walks the restructurings backwards (`resultedFrom`) and forwards (`changedBy`) from a unit or
 * party organization. A is a predecessor of B exactly when B is a successor of A.
 * @category Restructurings
 * @example
 * lineage(dir, 'wh').predecessors; // ['wh-aic', 'wh-qts', 'wh-fda', 'wh-price', 'wh-ipo', 'wh-salt']
 */
export function lineage(dir: OrgDirectory, id: string): Lineage {
  const ix = indexOf(dir);
  const changes = new Map<string, Restructuring>();
  const walk = (dirn: 'back' | 'forward'): string[] => {
    const out: string[] = [];
    const seen = new Set<string>([id]);
    const queue = [id];
    while (queue.length > 0) {
      const cur = queue.shift() as string;
      const events = (dirn === 'back' ? ix.resultedFrom : ix.changedBy).get(cur) ?? [];
      for (const r of events) {
        changes.set(r.id, r);
        for (const next of dirn === 'back' ? r.originalIds : r.resultingIds) {
          if (seen.has(next)) continue;
          seen.add(next);
          out.push(next);
          queue.push(next);
        }
      }
    }
    return out;
  };
  const predecessors = walk('back');
  const successors = walk('forward');
  const sorted = [...changes.values()].sort((a, b) =>
    a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : a.id < b.id ? -1 : 1,
  );
  return { id, predecessors, successors, changes: sorted };
}

/**
 * Every id that stands for a unit on `asOf` after splits as well as merges — all the leaves of its
 * successor tree that took effect by then (the id itself when nothing did).
 * @category Restructurings
 * @example
 * successorsOf(dir, 'old-dept', '2025-01-01'); // ['dept-a', 'dept-b'] after a split
 */
export function successorsOf(dir: OrgDirectory, id: string, asOf: IsoDate): readonly string[] {
  const ix = indexOf(dir);
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (cur: string): void => {
    if (seen.has(cur)) return;
    seen.add(cur);
    const next = (ix.changedBy.get(cur) ?? []).filter((r) => r.effectiveOn <= asOf && !r.resultingIds.includes(cur));
    const results = next.flatMap((r) => r.resultingIds);
    if (results.length === 0) out.push(cur);
    else for (const r of results) visit(r);
  };
  visit(id);
  return out;
}
