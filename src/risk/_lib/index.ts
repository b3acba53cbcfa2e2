import { dayNumber, forEachRecord, type IsoDate, type RecordTable } from '../../core/index.js';
import { RISK_LEVELS, type RiskItem, type RiskStage } from '../schema.js';

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
/** A day number larger than any real date: "no deadline". */
export const NO_DAY = 2 ** 31 - 1;

/**
 * A columnar view of one state's risk list, built once and shared by every query on that state:
 * the scans then read compact typed arrays instead of chasing pointers through a million records.
 */
export interface RiskIndex {
  readonly items: readonly RiskItem[];
  /** Level code (index in RISK_LEVELS) of the current rating; -1 while unrated. */
  readonly level: Int8Array;
  readonly stage: Uint8Array;
  /** Interned string tables and the per-item codes into them. */
  readonly names: readonly string[];
  readonly unit: Int32Array;
  readonly owner: Int32Array;
  readonly category: Int32Array;
  readonly method: Int32Array;
  /** The current rating's first and last factor values (the heat-map axes). */
  readonly first: Float64Array;
  readonly last: Float64Array;
  readonly identified: Int32Array;
  readonly deadline: Int32Array;
  readonly closed: Int32Array;
  readonly reopens: Int32Array;
  /** Open measures' deadlines, item i's in `measureDue[measureStart[i] .. measureStart[i + 1])`. */
  readonly measureStart: Int32Array;
  readonly measureDue: Int32Array;
  code(name: string): number;
}

const cache = new WeakMap<RecordTable<RiskItem>, RiskIndex>();

/** The index of a risk table (cached by the table object, which changes whenever a risk does). */
export function indexOf(risks: RecordTable<RiskItem>): RiskIndex {
  const hit = cache.get(risks);
  if (hit) return hit;
  const items: RiskItem[] = [];
  forEachRecord(risks, (it) => {
    items.push(it);
  });
  const n = items.length;
  const names: string[] = [];
  const codes = new Map<string, number>();
  const intern = (s: string): number => {
    let c = codes.get(s);
    if (c === undefined) {
      c = names.length;
      names.push(s);
      codes.set(s, c);
    }
    return c;
  };
  const days = new Map<string, number>();
  const day = (d: IsoDate): number => {
    let v = days.get(d);
    if (v === undefined) {
      v = dayNumber(d);
      days.set(d, v);
    }
    return v;
  };
  const index = {
    items,
    level: new Int8Array(n),
    stage: new Uint8Array(n),
    names,
    unit: new Int32Array(n),
    owner: new Int32Array(n),
    category: new Int32Array(n),
    method: new Int32Array(n),
    first: new Float64Array(n),
    last: new Float64Array(n),
    identified: new Int32Array(n),
    deadline: new Int32Array(n),
    closed: new Int32Array(n),
    reopens: new Int32Array(n),
    measureStart: new Int32Array(n + 1),
    measureDue: new Int32Array(0),
    code: (name: string) => codes.get(name) ?? -1,
  };
  const due: number[] = [];
  for (let i = 0; i < n; i++) {
    const it = items[i] as RiskItem;
    const s = it.status;
    index.stage[i] = STAGE_CODE[s.stage];
    index.unit[i] = intern(it.unitId);
    index.category[i] = intern(it.category);
    index.identified[i] = day(it.identifiedOn);
    index.reopens[i] = it.reopenCount;
    if (s.stage === 'identified') {
      index.level[i] = -1;
      index.method[i] = -1;
    } else {
      const r = s.ratings.current;
      index.level[i] = RISK_LEVELS.indexOf(r.level);
      index.method[i] = intern(r.methodId);
      index.first[i] = r.factors.likelihood;
      index.last[i] = r.factors.impact ?? r.factors.consequence ?? Number.NaN;
    }
    if ('assignment' in s) {
      index.owner[i] = intern(s.assignment.ownerUnitId);
      index.deadline[i] = day(s.assignment.deadline);
    } else {
      index.owner[i] = index.unit[i] as number;
      index.deadline[i] = NO_DAY;
    }
    index.closed[i] = s.stage === 'closed' ? day(s.closedOn) : -1;
    index.measureStart[i] = due.length;
    for (const m of it.measures) if (m.status.stage === 'open') due.push(day(m.deadline));
  }
  index.measureStart[n] = due.length;
  index.measureDue = Int32Array.from(due);
  cache.set(risks, index);
  return index;
}
