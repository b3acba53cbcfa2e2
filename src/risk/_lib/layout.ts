// The row layout of the risk list index and its accessors: what a row holds and where. Building and
// keeping the index up to date lives in index.ts.
import { dayNumber, type IsoDate, isIsoDate } from '../../core/index.js';
import type { RiskItem, RiskLevel, RiskStage } from '../schema.js';

/** Stage codes of the columnar index. */
export const STAGES: readonly RiskStage[] = ['identified', 'assessed', 'assigned', 'controlling', 'closed', 'reopened'];
export const STAGE_CODE: { readonly [S in RiskStage]: number } = {
  identified: 0,
  assessed: 1,
  assigned: 2,
  controlling: 3,
  closed: 4,
  reopened: 5,
};
export const LEVEL_CODE: { readonly [L in RiskLevel]: number } = { low: 0, general: 1, significant: 2, major: 3 };
/** The stage code of a closed risk. */
export const CLOSED = STAGE_CODE.closed;
/** A day number larger than any real date: "no deadline". */
export const NO_DAY = 2 ** 31 - 1;

/**
 * Int32 slots of one row (80 bytes: a row is one or two cache lines, so updating it while folding touches
 * little memory; a scan reads the rows in order, which the memory system streams well).
 */
export const W = 20;
export const LEVEL = 0;
export const STAGE = 1;
export const UNIT = 2;
export const OWNER = 3;
export const CATEGORY = 4;
export const METHOD = 5;
export const IDENTIFIED = 6;
export const DEADLINE = 7;
export const CLOSED_ON = 8;
export const REOPENS = 9;
export const OPEN = 10;
export const DUE = 11;
/**
 * Day number of the deadline on-time closure is judged against: the missed deadline a late re-assignment kept,
 * else the deadline (int slot 18, after the float slots).
 */
export const JUDGED = 18;
/** Float64 slots of the same row (bytes 48–71): the current rating's first and last factor values, and its score. */
export const F = W / 2;
export const FIRST = 6;
export const LAST = 7;
export const SCORE = 8;
/** References per row: id, record, title, responsible person and deadline (the last two while assigned). */
export const R = 5;

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

export function emptyIndex(capacity: number): ShardIndex {
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

export function grow(x: ShardIndex): void {
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
/** Day number of the deadline on-time closure is judged against; NO_DAY while unassigned. */
export const judgedOf = (x: ShardIndex, i: number): number => x.ints[i * W + JUDGED] as number;
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
