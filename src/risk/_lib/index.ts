import { type RecordTable, shardOf } from '../../core/index.js';
import type { RiskItem } from '../schema.js';
import {
  CATEGORY,
  CLOSED_ON,
  DEADLINE,
  DUE,
  dayOf,
  emptyIndex,
  F,
  FIRST,
  grow,
  IDENTIFIED,
  itemOf,
  JUDGED,
  LAST,
  LEVEL,
  LEVEL_CODE,
  METHOD,
  NO_DAY,
  OPEN,
  OWNER,
  R,
  REOPENS,
  SCORE,
  type ShardIndex,
  STAGE,
  STAGE_CODE,
  UNIT,
  W,
} from './layout.js';

export * from './layout.js';

type Shard = { readonly [id: string]: RiskItem };

/**
 * The code of `name` in the shard. `guess` is a likely code (the row's current one, or the previous row's), taken
 * when it names the same string: most updates keep a name, and neighbouring rows often share one.
 */
function codeOf(x: ShardIndex, name: string, guess: number): number {
  if (guess >= 0 && x.names[guess] === name) return guess;
  let c = x.codes.get(name);
  if (c === undefined) {
    c = x.names.length;
    x.names.push(name);
    x.codes.set(name, c);
  }
  return c;
}

/** The value of an id that JavaScript treats as an array index (enumerated first, ascending), else -1. */
function arrayIndexOf(id: string): number {
  if (id.length > 10 || !/^(?:0|[1-9][0-9]*)$/.test(id)) return -1;
  const v = Number(id);
  return v < 4_294_967_295 ? v : -1;
}

/** Which columns an event can change: the risk's own fields, its status (rating, assignment, stage), its measures. */
export const ROW_IDENTITY = 1;
export const ROW_STATUS = 2;
export const ROW_MEASURES = 4;
export const ROW_ALL = ROW_IDENTITY | ROW_STATUS | ROW_MEASURES;

/** The row of risk `id` by its id (rare: the record was replaced), or undefined. */
function rowById(x: ShardIndex, id: string): number | undefined {
  if (x.byId === undefined) {
    x.byId = new Map();
    for (let i = 0; i < x.n; i++) x.byId.set(x.refs[i * R] as string, i);
  }
  return x.byId.get(id);
}

/** How an event touched a record: changed it in place, put a new object under its id, or added it. */
export const CHANGED = 0;
export const REPLACED = 1;
export const ADDED = 2;

/** Writes the given parts of the row of one risk, appending the row (all parts) when the risk is new. */
function putRow(x: ShardIndex, id: string, it: RiskItem, parts: number, how: number): void {
  let replaced = how === REPLACED;
  let i: number | undefined;
  if (how === CHANGED) {
    i = x.rowOf.get(it);
    if (i === undefined) {
      // a record this index has not seen under the id: find its row by id
      i = rowById(x, id);
      replaced = true;
    }
  } else if (replaced) i = rowById(x, id);
  if (i === undefined) {
    i = x.n;
    if ((i + 1) * W > x.ints.length) grow(x);
    x.n = i + 1;
    x.byId?.set(id, i);
    x.refs.push(id, it, it.title, undefined, undefined);
    const v = arrayIndexOf(id);
    if (v < 0) x.hasText = true;
    else {
      if (x.hasText || v < x.maxNumeric) x.inKeyOrder = false;
      x.maxNumeric = Math.max(x.maxNumeric, v);
    }
    parts = ROW_ALL;
  } else if (replaced) {
    x.rowOf.delete(x.refs[i * R + 1] as RiskItem);
    x.refs[i * R + 1] = it;
    x.refs[i * R + 2] = it.title;
  }
  if (replaced || parts === ROW_ALL) x.rowOf.set(it, i);
  x.rev++;
  const o = i * W;
  const ints = x.ints;
  if (parts & ROW_IDENTITY) {
    // a new row starts from the previous row's codes as guesses
    const g = i === x.n - 1 && i > 0 ? o - W : o;
    ints[o + UNIT] = codeOf(x, it.unitId, ints[g + UNIT] as number);
    ints[o + CATEGORY] = codeOf(x, it.category, ints[g + CATEGORY] as number);
    ints[o + IDENTIFIED] = dayOf(it.identifiedOn);
  }
  if (parts & ROW_STATUS) statusRow(x, i, it);
  if (parts & ROW_MEASURES) {
    let open = 0;
    let due = NO_DAY;
    for (const m of it.measures)
      if (m.status.stage === 'open') {
        open++;
        due = Math.min(due, dayOf(m.deadline));
      }
    ints[o + OPEN] = open;
    ints[o + DUE] = due;
  }
}

function statusRow(x: ShardIndex, i: number, it: RiskItem): void {
  const s = it.status;
  const o = i * W;
  const ints = x.ints;
  const floats = x.floats;
  ints[o + STAGE] = STAGE_CODE[s.stage];
  ints[o + REOPENS] = it.reopenCount;
  if (s.stage === 'identified') {
    ints[o + LEVEL] = -1;
    ints[o + METHOD] = -1;
    floats[i * F + FIRST] = Number.NaN;
    floats[i * F + LAST] = Number.NaN;
    floats[i * F + SCORE] = Number.NaN;
  } else {
    const r = s.ratings.current;
    ints[o + LEVEL] = LEVEL_CODE[r.level];
    const method = ints[o + METHOD] as number;
    ints[o + METHOD] = codeOf(x, r.methodId, method >= 0 || i === 0 ? method : (ints[o - W + METHOD] as number));
    floats[i * F + FIRST] = r.factors.likelihood;
    floats[i * F + LAST] = r.factors.impact ?? r.factors.consequence ?? Number.NaN;
    floats[i * F + SCORE] = r.score;
  }
  if ('assignment' in s) {
    const a = s.assignment;
    // the owner is most often the unit concerned itself
    const owner = ints[o + OWNER] as number;
    ints[o + OWNER] = codeOf(x, a.ownerUnitId, x.names[owner] === a.ownerUnitId ? owner : (ints[o + UNIT] as number));
    ints[o + DEADLINE] = dayOf(a.deadline);
    ints[o + JUDGED] = a.missedDeadline === undefined ? (ints[o + DEADLINE] as number) : dayOf(a.missedDeadline);
    x.refs[i * R + 3] = a.responsibleId;
    x.refs[i * R + 4] = a.deadline;
  } else {
    ints[o + OWNER] = ints[o + UNIT] as number;
    ints[o + DEADLINE] = NO_DAY;
    ints[o + JUDGED] = NO_DAY;
    x.refs[i * R + 3] = undefined;
    x.refs[i * R + 4] = undefined;
  }
  ints[o + CLOSED_ON] = s.stage === 'closed' ? dayOf(s.closedOn) : -1;
}

/** Indexes by shard object: a shard that did not change keeps its index across states. */
const indexes = new WeakMap<object, ShardIndex>();
/** Key-ordered copies of indexes whose insertion order is not the key order (array-index ids appended late). */
const reordered = new WeakMap<ShardIndex, ShardIndex>();

function build(shard: Shard): ShardIndex {
  const keys = Object.keys(shard);
  const x = emptyIndex(keys.length);
  for (const id of keys) putRow(x, id, shard[id] as RiskItem, ROW_ALL, ADDED);
  return x;
}

/**
 * Starts a live index for a shard `evolveRisk` has just created. On a plain accumulator the shard is the very
 * object the folded state keeps. Under immer a new shard is a plain object that the finished state keeps as it
 * is, so the index stays right; shards taken from the base state are drafts, never found here.
 */
export function adoptShard(shard: object): void {
  if (!indexes.has(shard)) indexes.set(shard, emptyIndex(16));
}

/**
 * Refreshes `parts` of the row of risk `id` (record `it`) in the index of `shard`, if it has one (a draft never does);
 * `how` the event touched the record ({@link CHANGED}, {@link REPLACED} or {@link ADDED}).
 */
export function noteRow(shard: object | undefined, id: string, it: object, parts: number, how: number): void {
  if (shard === undefined) return;
  const x = indexes.get(shard);
  if (x !== undefined) putRow(x, id, it as RiskItem, parts, how);
}

/** {@link noteRow} for a risk whose record was replaced, found by id in the table. */
export function noteReplaced(risks: RecordTable<RiskItem>, id: string): void {
  const shard = risks[shardOf(id)];
  const it = shard?.[id];
  if (it !== undefined) noteRow(shard, id, it, ROW_ALL, REPLACED);
}

/** The index of one shard in key order: the live or cached one, or built now (and cached by the shard object). */
function shardIndex(shard: Shard): ShardIndex {
  let x = indexes.get(shard);
  if (x === undefined) {
    x = build(shard);
    indexes.set(shard, x);
  }
  if (x.inKeyOrder) return x;
  let y = reordered.get(x);
  if (y === undefined || y.rev !== x.rev) {
    y = build(shard);
    y.rev = x.rev;
    reordered.set(x, y);
  }
  return y;
}

/** The indexes of every shard of a risk table, in the table's storage order. */
export function shardIndexes(risks: RecordTable<RiskItem>): ShardIndex[] {
  const out: ShardIndex[] = [];
  for (const shard of Object.values(risks)) out.push(shardIndex(shard));
  return out;
}

/** Every risk of the table, in storage order (the order `forEachRecord` gives). */
export function riskItems(risks: RecordTable<RiskItem>): RiskItem[] {
  const out: RiskItem[] = [];
  for (const x of shardIndexes(risks)) for (let i = 0; i < x.n; i++) out.push(itemOf(x, i));
  return out;
}
