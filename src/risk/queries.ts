import { type CalendarContext, type ClockContext, dayNumber, type IsoDate } from '../core/index.js';
import { gridOf } from './_lib/grid.js';
import {
  CLOSED,
  categoryOf,
  deadlineOf,
  dueOf,
  firstOf,
  itemOf,
  lastOf,
  levelOf,
  methodOf,
  ownerOf,
  responsibleOf,
  STAGES,
  shardIndexes,
  stageOf,
  unitOf,
} from './_lib/index.js';
import { type RiskRow, rowAt } from './_lib/rows.js';
import type { RiskState } from './events.js';
import {
  RISK_LEVELS,
  type RiskCategory,
  type RiskItem,
  type RiskLevel,
  type RiskMethod,
  type RiskStage,
} from './schema.js';

/** Filters of {@link riskList}; all given filters must hold, and a level or stage that is none matches nothing. @category Queries */
export interface RiskListFilters {
  readonly level?: RiskLevel;
  readonly category?: RiskCategory;
  /** The unit concerned or the owner unit. */
  readonly unitId?: string;
  readonly stage?: RiskStage;
  /** The responsible person, or the owner of one of its measures. */
  readonly ownerId?: string;
  /** Only risks overdue on this day (deadline passed, or an open measure past its deadline). */
  readonly overdueOn?: IsoDate;
}

export type { RiskRow } from './_lib/rows.js';

/**
 * True when a risk is open and its deadline or an open measure's deadline is before `on`.
 * @category Queries
 * @example
 * riskList(state).length; // all risks
 * isOverdue(item, '2025-10-20'); // true once its deadline 2025-10-17 has passed
 */
export function isOverdue(it: RiskItem, on: IsoDate): boolean {
  const s = it.status;
  if (s.stage === 'closed') return false;
  if ('assignment' in s && s.assignment.deadline < on) return true;
  for (const m of it.measures) if (m.status.stage === 'open' && m.deadline < on) return true;
  return false;
}

/**
 * The risk list (风险清单) as rows, filtered by level, category, unit, stage, owner or overdue.
 * Rows come in the list's storage order (stable for a given event history); sort them as the view needs.
 * Filters scan the columnar index of each shard of the table, so a filter over a million risks reads typed arrays;
 * a state folded by `replay` already carries it, and after a command only the changed shard is indexed again.
 * @category Queries
 * @example
 * riskList(state, { level: 'major', unitId: 'u-food' }); // the red risks of the food department
 */
export function riskList(state: RiskState, filters: RiskListFilters = {}): RiskRow[] {
  const level = filters.level === undefined ? -2 : RISK_LEVELS.indexOf(filters.level);
  const stage = filters.stage === undefined ? -2 : STAGES.indexOf(filters.stage);
  // a value that is no level or stage (a colour, a string from JSON) matches nothing, not the unrated risks (-1)
  if (level === -1 || stage === -1) return [];
  const over = filters.overdueOn ? dayNumber(filters.overdueOn) : -2;
  const { unitId, category: categoryName, ownerId } = filters;
  const rows: RiskRow[] = [];
  for (const x of shardIndexes(state.risks)) {
    // names are interned per shard: a unit or category this shard never saw matches nothing in it
    const unit = unitId === undefined ? -2 : (x.codes.get(unitId) ?? -1);
    const category = categoryName === undefined ? -2 : (x.codes.get(categoryName) ?? -1);
    if (unit === -1 || category === -1) continue;
    for (let i = 0; i < x.n; i++) {
      if (level !== -2 && levelOf(x, i) !== level) continue;
      if (stage !== -2 && stageOf(x, i) !== stage) continue;
      if (unit !== -2 && unitOf(x, i) !== unit && ownerOf(x, i) !== unit) continue;
      if (category !== -2 && categoryOf(x, i) !== category) continue;
      // overdue: open, and its deadline or its earliest open measure's deadline before the day
      if (over !== -2 && (stageOf(x, i) === CLOSED || (deadlineOf(x, i) >= over && dueOf(x, i) >= over))) continue;
      if (
        ownerId !== undefined &&
        responsibleOf(x, i) !== ownerId &&
        !itemOf(x, i).measures.some((m) => m.ownerId === ownerId)
      )
        continue;
      rows.push(rowAt(x, i));
    }
  }
  return rows;
}

/** Counts of open risks per cell of a method's grid and per level. @category Queries */
export interface HeatMap {
  readonly methodId: string;
  /** The first factor's scale values (rows, ascending). */
  readonly rows: readonly number[];
  /** The last factor's scale values (columns, ascending). */
  readonly columns: readonly number[];
  /** `cells[i][j]`: open risks rated with this method at the i-th row and j-th column value. */
  readonly cells: readonly (readonly number[])[];
  /** Open rated risks per level, whatever their method. */
  readonly byLevel: { readonly [L in RiskLevel]: number };
}

/**
 * The heat map of open risks: counts per matrix cell (likelihood × impact; for LEC, likelihood ×
 * consequence) for the risks rated with `method`, and counts per level for all open rated risks.
 * @category Queries
 * @example
 * heatMap(state, MATRIX_METHOD_A).cells[4]?.[4]; // open risks at likelihood 5, impact 5
 */
export function heatMap(state: RiskState, method: RiskMethod): HeatMap {
  const grid = gridOf(method);
  const rowPos = grid.positions[0] as ReadonlyMap<number, number>;
  const colPos = grid.positions[grid.positions.length - 1] as ReadonlyMap<number, number>;
  const rowsN = grid.sizes[0] ?? 0;
  const colsN = grid.sizes[grid.sizes.length - 1] ?? 0;
  const flat = new Int32Array(rowsN * colsN);
  const levels = new Int32Array(RISK_LEVELS.length);
  for (const x of shardIndexes(state.risks)) {
    const mine = x.codes.get(method.id) ?? -2;
    for (let i = 0; i < x.n; i++) {
      const level = levelOf(x, i);
      if (level < 0 || stageOf(x, i) === CLOSED) continue;
      levels[level] = (levels[level] as number) + 1;
      if (methodOf(x, i) !== mine) continue;
      const r = rowPos.get(firstOf(x, i));
      const c = colPos.get(lastOf(x, i));
      if (r !== undefined && c !== undefined) flat[r * colsN + c] = (flat[r * colsN + c] as number) + 1;
    }
  }
  return {
    methodId: method.id,
    rows: [...rowPos.keys()],
    columns: [...colPos.keys()],
    cells: Array.from({ length: rowsN }, (_, i) => Array.from(flat.subarray(i * colsN, (i + 1) * colsN))),
    byLevel: { low: levels[0] ?? 0, general: levels[1] ?? 0, significant: levels[2] ?? 0, major: levels[3] ?? 0 },
  };
}

/** Options of the date-based queries: the clock, the calendar and the time zone. @category Queries */
export interface RiskQueryContext extends ClockContext, CalendarContext {
  readonly timeZone?: string;
}
