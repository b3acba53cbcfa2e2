import type { LocalizedName } from '../core/index.js';
import type { ExtraItem, Indicator, IndicatorTree, ScoringRule, VetoItem } from './schema.js';

/** Which list of a tree an item belongs to: indicators, veto items, bonus items or deduction items. @category Tree versions */
export type TreeItemList = 'nodes' | 'vetoes' | 'bonuses' | 'penalties';

/**
 * One difference between two versions of an indicator tree. Indicators are matched by code: a
 * renumbered indicator shows as one removed and one added.
 * @category Tree versions
 */
export type TreeChange =
  | {
      readonly kind: 'added';
      readonly list: TreeItemList;
      readonly code: string;
      readonly title: LocalizedName;
      /** Maximum points (indicators), per-item points (bonus and deduction items), absent for vetoes. */
      readonly points?: number;
      readonly parent?: string;
    }
  | {
      readonly kind: 'removed';
      readonly list: TreeItemList;
      readonly code: string;
      readonly title: LocalizedName;
      readonly points?: number;
      readonly parent?: string;
    }
  | {
      readonly kind: 'moved';
      readonly code: string;
      /** The old parent; absent when the indicator was first-level. */
      readonly fromParent?: string;
      readonly toParent?: string;
      readonly fromDepth: number;
      readonly toDepth: number;
    }
  | { readonly kind: 're-pointed'; readonly code: string; readonly from: number; readonly to: number }
  | { readonly kind: 'rule-changed'; readonly code: string; readonly from?: ScoringRule; readonly to?: ScoringRule }
  | { readonly kind: 'retitled'; readonly code: string; readonly from: LocalizedName; readonly to: LocalizedName }
  | {
      readonly kind: 'item-changed';
      readonly list: 'vetoes' | 'bonuses' | 'penalties';
      readonly code: string;
      /** Which fields differ, e.g. `['effect']` or `['perItem', 'cap']`. */
      readonly fields: readonly string[];
    };

/** The kinds of {@link TreeChange}. @category Tree versions */
export type TreeChangeKind = TreeChange['kind'];

/** Everything that differs between two tree versions. @category Tree versions */
export interface TreeDiff {
  readonly from: { readonly id: string; readonly version: number };
  readonly to: { readonly id: string; readonly version: number };
  /** Changes in a fixed order: indicators in `b`'s order, then removed ones in `a`'s, then items. */
  readonly changes: readonly TreeChange[];
  /** Tree-level settings that differ (`totalPoints`, `bonusCap`, `penaltyCap`, `childPoints`, `aggregation`, `notApplicable`). */
  readonly settings: readonly { readonly field: string; readonly from: unknown; readonly to: unknown }[];
}

/** Structural equality of plain JSON-like values (key order ignored). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const withParent = (n: Indicator) => (n.parent === undefined ? {} : { parent: n.parent });

function diffNodes(a: IndicatorTree, b: IndicatorTree, out: TreeChange[]): void {
  const before = new Map(a.nodes.map((n) => [n.code, n]));
  const after = new Set(b.nodes.map((n) => n.code));
  for (const n of b.nodes) {
    const o = before.get(n.code);
    if (o === undefined) {
      out.push({ kind: 'added', list: 'nodes', code: n.code, title: n.title, points: n.points, ...withParent(n) });
      continue;
    }
    if (o.parent !== n.parent)
      out.push({
        kind: 'moved',
        code: n.code,
        ...(o.parent === undefined ? {} : { fromParent: o.parent }),
        ...(n.parent === undefined ? {} : { toParent: n.parent }),
        fromDepth: o.depth,
        toDepth: n.depth,
      });
    if (o.points !== n.points) out.push({ kind: 're-pointed', code: n.code, from: o.points, to: n.points });
    if (!sameValue(o.rule, n.rule))
      out.push({
        kind: 'rule-changed',
        code: n.code,
        ...(o.rule === undefined ? {} : { from: o.rule }),
        ...(n.rule === undefined ? {} : { to: n.rule }),
      });
    if (!sameValue(o.title, n.title)) out.push({ kind: 'retitled', code: n.code, from: o.title, to: n.title });
  }
  for (const o of a.nodes)
    if (!after.has(o.code))
      out.push({ kind: 'removed', list: 'nodes', code: o.code, title: o.title, points: o.points, ...withParent(o) });
}

function diffItems<T extends VetoItem | ExtraItem>(
  list: 'vetoes' | 'bonuses' | 'penalties',
  a: readonly T[],
  b: readonly T[],
  out: TreeChange[],
): void {
  const before = new Map(a.map((x) => [x.code, x]));
  const after = new Set(b.map((x) => x.code));
  const pts = (x: T) => ('perItem' in x ? { points: x.perItem } : {});
  for (const x of b) {
    const o = before.get(x.code);
    if (o === undefined) {
      out.push({ kind: 'added', list, code: x.code, title: x.title, ...pts(x) });
      continue;
    }
    const keys = [...new Set([...Object.keys(o), ...Object.keys(x)])].filter((k) => k !== 'code').sort();
    const fields = keys.filter((k) => !sameValue((o as Record<string, unknown>)[k], (x as Record<string, unknown>)[k]));
    if (fields.length > 0) out.push({ kind: 'item-changed', list, code: x.code, fields });
  }
  for (const o of a)
    if (!after.has(o.code)) out.push({ kind: 'removed', list, code: o.code, title: o.title, ...pts(o) });
}

const SETTINGS = ['totalPoints', 'childPoints', 'aggregation', 'notApplicable', 'bonusCap', 'penaltyCap'] as const;

/**
 * Lists what changed from one version of an indicator system to another: indicators added, removed,
 * moved to another parent, re-pointed (分值调整), given another scoring rule or title; veto, bonus and
 * deduction items added, removed or changed; and tree-level settings. Indicators are matched by code.
 * Comparing a tree with itself gives no changes.
 * @category Tree versions
 * @example
 * const d = diffTrees(tree2023, tree2025);
 * d.changes.filter((c) => c.kind === 're-pointed'); // [{ kind: 're-pointed', code: 'A1.2', from: 10, to: 8 }]
 */
export function diffTrees(a: IndicatorTree, b: IndicatorTree): TreeDiff {
  const changes: TreeChange[] = [];
  diffNodes(a, b, changes);
  diffItems('vetoes', a.vetoes, b.vetoes, changes);
  diffItems('bonuses', a.bonuses, b.bonuses, changes);
  diffItems('penalties', a.penalties, b.penalties, changes);
  const settings = SETTINGS.filter((f) => !sameValue(a[f], b[f])).map((field) => ({
    field,
    from: a[field],
    to: b[field],
  }));
  return { from: { id: a.id, version: a.version }, to: { id: b.id, version: b.version }, changes, settings };
}
