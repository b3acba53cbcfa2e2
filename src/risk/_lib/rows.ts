import type { IsoDate } from '../../core/index.js';
import {
  RISK_LEVEL_COLOURS,
  RISK_LEVELS,
  type RiskCategory,
  type RiskColour,
  type RiskItem,
  type RiskLevel,
  type RiskStage,
} from '../schema.js';
import {
  categoryOf,
  deadlineDateOf,
  idOf,
  levelOf,
  openOf,
  ownerOf,
  responsibleOf,
  type ShardIndex,
  STAGES,
  scoreOf,
  stageOf,
  titleOf,
  unitOf,
} from './index.js';

/** One row of the risk list as a ledger shows it. @category Queries */
export interface RiskRow {
  readonly id: string;
  readonly title: string;
  readonly category: RiskCategory;
  readonly unitId: string;
  readonly stage: RiskStage;
  readonly level?: RiskLevel;
  readonly colour?: RiskColour;
  readonly score?: number;
  readonly ownerUnitId?: string;
  readonly responsibleId?: string;
  readonly deadline?: IsoDate;
  readonly openMeasures: number;
}

/** A ledger row of one risk (shared with the consultation minutes). */
export function toRow(it: RiskItem): RiskRow {
  const s = it.status;
  let openMeasures = 0;
  for (const m of it.measures) if (m.status.stage === 'open') openMeasures++;
  const row: { -readonly [K in keyof RiskRow]: RiskRow[K] } = {
    id: it.id,
    title: it.title,
    category: it.category,
    unitId: it.unitId,
    stage: s.stage,
    openMeasures,
  };
  if (s.stage !== 'identified') {
    const r = s.ratings.current;
    row.level = r.level;
    row.colour = RISK_LEVEL_COLOURS[r.level];
    row.score = r.score;
  }
  if ('assignment' in s) {
    row.ownerUnitId = s.assignment.ownerUnitId;
    row.responsibleId = s.assignment.responsibleId;
    row.deadline = s.assignment.deadline;
  }
  return row;
}

/**
 * The same row as {@link toRow}, read from a shard index without touching the record. Each of the four shapes is
 * one literal: a broad list builds hundreds of thousands of rows, and adding the optional fields one by one made
 * V8 grow each row's property store, which showed as extra garbage and a steeper growth than the scan's.
 */
export function rowAt(x: ShardIndex, i: number): RiskRow {
  const id = idOf(x, i);
  const title = titleOf(x, i);
  const category = x.names[categoryOf(x, i)] as RiskCategory;
  const unitId = x.names[unitOf(x, i)] as string;
  const stage = STAGES[stageOf(x, i)] as RiskStage;
  const openMeasures = openOf(x, i);
  const level = RISK_LEVELS[levelOf(x, i)];
  const deadline = deadlineDateOf(x, i);
  if (level === undefined) {
    if (deadline === undefined) return { id, title, category, unitId, stage, openMeasures };
    const ownerUnitId = x.names[ownerOf(x, i)] as string;
    const responsibleId = responsibleOf(x, i) as string;
    return { id, title, category, unitId, stage, openMeasures, ownerUnitId, responsibleId, deadline };
  }
  const colour = RISK_LEVEL_COLOURS[level];
  const score = scoreOf(x, i);
  if (deadline === undefined) return { id, title, category, unitId, stage, openMeasures, level, colour, score };
  const ownerUnitId = x.names[ownerOf(x, i)] as string;
  const responsibleId = responsibleOf(x, i) as string;
  return {
    id,
    title,
    category,
    unitId,
    stage,
    openMeasures,
    level,
    colour,
    score,
    ownerUnitId,
    responsibleId,
    deadline,
  };
}
