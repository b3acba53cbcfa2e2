import { addDays, type IsoDate } from '../../core/index.js';
import type { FormerParent } from '../schema.js';
import { validOn } from './validity.js';

/** A unit or party organization as far as its parents go: the current one, the former ones, its validity. */
export interface Parented {
  readonly parentId?: string | undefined;
  readonly formerParents?: readonly FormerParent[] | undefined;
  readonly validFrom?: IsoDate | undefined;
  readonly validTo?: IsoDate | undefined;
}

/** One stretch of a record's life under one parent (none for a root): inclusive days, `to` absent while it runs on. */
export interface ParentSegment {
  readonly parentId: string | undefined;
  readonly from: IsoDate | undefined;
  readonly to: IsoDate | undefined;
  /** Index in `formerParents`, or -1 for the current parent. */
  readonly index: number;
}

/** The first day of the record's current parent: the day after the last former parent's `validTo`, else `validFrom`. */
export function currentParentFrom(record: Parented): IsoDate | undefined {
  const former = record.formerParents;
  const last = former?.[former.length - 1];
  return last === undefined ? record.validFrom : addDays(last.validTo, 1);
}

/**
 * The parent recorded for `asOf`, whether or not the record is in force then: the first former parent whose
 * `validTo` is on or after `asOf`, else the current one. Tree walks that climb through ended units use it.
 */
export function parentIdAt(record: Parented, asOf: IsoDate): string | undefined {
  const former = record.formerParents;
  if (former !== undefined) for (const f of former) if (asOf <= f.validTo) return f.parentId;
  return record.parentId;
}

/** The parent of a unit or party organization on `asOf`: undefined outside its validity or while it had none. */
export function parentIdOn(record: Parented, asOf: IsoDate): string | undefined {
  return validOn(record, asOf) ? parentIdAt(record, asOf) : undefined;
}

/** Every parent the record has had, oldest first, each stretch with its days (the current one last). */
export function parentSegments(record: Parented): ParentSegment[] {
  const out: ParentSegment[] = [];
  let from = record.validFrom;
  const former = record.formerParents ?? [];
  for (let i = 0; i < former.length; i++) {
    const f = former[i] as FormerParent;
    out.push({ parentId: f.parentId, from, to: f.validTo, index: i });
    from = addDays(f.validTo, 1);
  }
  out.push({ parentId: record.parentId, from, to: record.validTo, index: -1 });
  return out;
}

/** The distinct ids the record has had as a parent, current one included. */
export function everyParentId(record: Parented): string[] {
  const ids: string[] = [];
  for (const f of record.formerParents ?? [])
    if (f.parentId !== undefined && !ids.includes(f.parentId)) ids.push(f.parentId);
  if (record.parentId !== undefined && !ids.includes(record.parentId)) ids.push(record.parentId);
  return ids;
}

/**
 * True when the record has `parentId` as its parent on some day after `lastDay`: what ending that parent on
 * `lastDay` would leave under an ended parent. A child moved away by then does not count; one moved in later does.
 */
export function underAfter(record: Parented, parentId: string, lastDay: IsoDate): boolean {
  return parentSegments(record).some((s) => s.parentId === parentId && (s.to === undefined || s.to > lastDay));
}

const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
const earlier = (a: IsoDate | undefined, b: IsoDate | undefined): IsoDate | undefined =>
  a === undefined ? b : b === undefined || a < b ? a : b;

/**
 * The parent chain that would lead from `start` back to `id` on some day from `from` through `to` (open when
 * undefined), as `[id, start, …, id]`, or undefined. Parents change over time, so each record's stretches under
 * each parent are followed for the days they share with the days being looked at: a unit that was under `id`
 * only before `from`, or that moves under it after `to`, closes no cycle.
 */
export function cycleThrough(
  find: (id: string) => Parented | undefined,
  id: string,
  start: string,
  from: IsoDate,
  to: IsoDate | undefined,
): string[] | undefined {
  if (start === id) return [id, id];
  const stack = [{ at: start, from, to, trail: [id, start] }];
  while (stack.length > 0) {
    const cur = stack.pop() as (typeof stack)[number];
    const rec = find(cur.at);
    if (!rec) continue;
    for (const s of parentSegments(rec)) {
      if (s.parentId === undefined) continue;
      const a = later(s.from ?? cur.from, cur.from);
      const b = earlier(s.to, cur.to);
      if (b !== undefined && a > b) continue;
      if (s.parentId === id) return [...cur.trail, id];
      // a loop that does not pass through `id` is found from one of its own members, not here
      if (cur.trail.includes(s.parentId)) continue;
      stack.push({ at: s.parentId, from: a, to: b, trail: [...cur.trail, s.parentId] });
    }
  }
  return undefined;
}
