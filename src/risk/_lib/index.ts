import { dayNumber, type IsoDate, isIsoDate, type RecordTable, shardOf } from '../../core/index.js';
import type { RiskItem, RiskLevel, RiskStage } from '../schema.js';

/** Stage codes of the columnar index. */
export const STAGES: readonly RiskStage[] = ['identified', 'assessed', 'assigned', 'controlling', 'closed', 'reopened'];
const STAGE_CODE: { readonly [S in RiskStage]: number } = {
  identified: 0,
  assessed: 1,
  assigned: 2,
  controlling: 3,
  closed: 4,
  reopened: 5,
};
const LEVEL_CODE: { readonly [L in RiskLevel]: number } = { low: 0, general: 1, significant: 2, major: 3 };
/** The stage code of a closed risk. */
export const CLOSED = STAGE_CODE.closed;
/** A day number larger than any real date: "no deadline". */
export const NO_DAY = 2 ** 31 - 1;

type Shard = { readonly [id: string]: RiskItem };

/**
 * Int32 slots of one row (80 bytes: a row is one or two cache lines, so updating it while folding touches
 * little memory; a scan reads the rows in order, which the memory system streams well).
 */
const W = 20;
const LEVEL = 0;
const STAGE = 1;
const UNIT = 2;
const OWNER = 3;
const CATEGORY = 4;
const METHOD = 5;
const IDENTIFIED = 6;
const DEADLINE = 7;
const CLOSED_ON = 8;
const REOPENS = 9;
const OPEN = 10;
const DUE = 11;
/** Float64 slots of the same row (bytes 48–71): the current rating's first and last factor values, and its score. */
const F = W / 2;
const FIRST = 6;
const LAST = 7;
const SCORE = 8;
/** References per row: id, record, title, responsible person and deadline (the last two while assigned). */
const R = 5;

/**
 * A row-major index of one shard of the risk table: fixed-width numeric rows (codes, day numbers, counts) plus a
 * few string references, so queries scan typed arrays instead of chasing pointers through a million records.
 * A command copies one shard of the table, so only that shard's index is rebuilt. A shard that `evolveRisk`
 * creates on a plain accumulator (what `replay` folds into) gets its index kept up to date event by event while
 * the record is hot, so the first query on a replayed state scans rows at once. Rows are in the shard's key
 * order (the order `Object.keys` gives), whichever way the index was built.
 */
export interface ShardIndex {
  n: number;
  /** Bumped on every change, so a derived copy can tell it is stale. */
  rev: number;
  /** False once an id that JavaScript orders before the others (an array index such as `'12'`) was appended late. */
  inKeyOrder: boolean;
  hasText: boolean;
  maxNumeric: number;
  /**
   * Row by record. Events change a record in place (only identification and rehoming put a new one), so the
   * record finds its row without hashing its id: a lookup by object never reads a string.
   */
  readonly rowOf: Map<RiskItem, number>;
  /** Row by id, built on first need (rehoming, a repeated identification). */
  byId: Map<string, number> | undefined;
  readonly refs: unknown[];
  /** Interned strings of this shard (units, categories, methods); rows hold codes into them. */
  readonly names: string[];
  readonly codes: Map<string, number>;
  ints: Int32Array;
  floats: Float64Array;
}

function emptyIndex(capacity: number): ShardIndex {
  const buffer = new ArrayBuffer(Math.max(capacity, 1) * W * 4);
  return {
    n: 0,
    rev: 0,
    inKeyOrder: true,
    hasText: false,
    maxNumeric: -1,
    rowOf: new Map(),
    byId: undefined,
    refs: [],
    names: [],
    codes: new Map(),
    ints: new Int32Array(buffer),
    floats: new Float64Array(buffer),
  };
}

function grow(x: ShardIndex): void {
  const buffer = new ArrayBuffer(Math.max(16, (x.ints.length / W) * 2) * W * 4);
  const ints = new Int32Array(buffer);
  ints.set(x.ints);
  x.ints = ints;
  x.floats = new Float64Array(buffer);
}

/** Level code (index in RISK_LEVELS) of the current rating; -1 while unrated. */
export const levelOf = (x: ShardIndex, i: number): number => x.ints[i * W + LEVEL] as number;
/** Stage code (index in STAGES). */
export const stageOf = (x: ShardIndex, i: number): number => x.ints[i * W + STAGE] as number;
/** Code of the unit concerned. */
export const unitOf = (x: ShardIndex, i: number): number => x.ints[i * W + UNIT] as number;
/** Code of the owner unit (the unit concerned while unassigned). */
export const ownerOf = (x: ShardIndex, i: number): number => x.ints[i * W + OWNER] as number;
/** Code of the category. */
export const categoryOf = (x: ShardIndex, i: number): number => x.ints[i * W + CATEGORY] as number;
/** Code of the current rating's method; -1 while unrated. */
export const methodOf = (x: ShardIndex, i: number): number => x.ints[i * W + METHOD] as number;
/** Day number of identification. */
export const identifiedOf = (x: ShardIndex, i: number): number => x.ints[i * W + IDENTIFIED] as number;
/** Day number of the deadline; NO_DAY while unassigned. */
export const deadlineOf = (x: ShardIndex, i: number): number => x.ints[i * W + DEADLINE] as number;
/** Day number of closure; -1 unless closed. */
export const closedOf = (x: ShardIndex, i: number): number => x.ints[i * W + CLOSED_ON] as number;
/** Times reopened. */
export const reopensOf = (x: ShardIndex, i: number): number => x.ints[i * W + REOPENS] as number;
/** Open measures. */
export const openOf = (x: ShardIndex, i: number): number => x.ints[i * W + OPEN] as number;
/** Day number of the earliest open measure's deadline; NO_DAY when none is open. */
export const dueOf = (x: ShardIndex, i: number): number => x.ints[i * W + DUE] as number;
/** The current rating's first factor value (the heat map's row axis). */
export const firstOf = (x: ShardIndex, i: number): number => x.floats[i * F + FIRST] as number;
/** The current rating's last factor value (the heat map's column axis). */
export const lastOf = (x: ShardIndex, i: number): number => x.floats[i * F + LAST] as number;
/** The current rating's score. */
export const scoreOf = (x: ShardIndex, i: number): number => x.floats[i * F + SCORE] as number;
/** The risk's id. */
export const idOf = (x: ShardIndex, i: number): string => x.refs[i * R] as string;
/** The risk's record. */
export const itemOf = (x: ShardIndex, i: number): RiskItem => x.refs[i * R + 1] as RiskItem;
/** The risk's title. */
export const titleOf = (x: ShardIndex, i: number): string => x.refs[i * R + 2] as string;
/** The responsible person while assigned. */
export const responsibleOf = (x: ShardIndex, i: number): string | undefined => x.refs[i * R + 3] as string | undefined;
/** The deadline while assigned. */
export const deadlineDateOf = (x: ShardIndex, i: number): IsoDate | undefined =>
  x.refs[i * R + 4] as IsoDate | undefined;

const digit = (d: string, k: number): number => d.charCodeAt(k) - 48;

/**
 * The day number of a date, as `dayNumber` gives it, computed from the digits: a fold meets millions of dates and
 * this runs while the record is hot, without a table lookup. Odd forms (years before 1900) take `dayNumber`.
 */
export function dayOf(d: IsoDate): number {
  let y = digit(d, 0) * 1000 + digit(d, 1) * 100 + digit(d, 2) * 10 + digit(d, 3);
  const m = digit(d, 5) * 10 + digit(d, 6);
  const day = digit(d, 8) * 10 + digit(d, 9);
  if (d.length !== 10 || !(y >= 1900 && y <= 9999) || !(m >= 1 && m <= 12) || !(day >= 1 && day <= 31))
    return isIsoDate(d) ? dayNumber(d) : NO_DAY;
  // days from 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil)
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

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
    x.refs[i * R + 3] = a.responsibleId;
    x.refs[i * R + 4] = a.deadline;
  } else {
    ints[o + OWNER] = ints[o + UNIT] as number;
    ints[o + DEADLINE] = NO_DAY;
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
