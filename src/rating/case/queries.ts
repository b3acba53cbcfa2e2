import { compareDates, forEachRecord, getRecord, type IsoDate, type LocaleOptions, label } from '../../core/index.js';
import type { AdminLevel, StarLevel } from '../stars.js';
import { ratingStepLabels } from './labels.js';
import type { RatingCase, RatingCaseStatus } from './schema.js';
import { casesOfUnit, type RatingCaseState, starHeldOn } from './state.js';

interface Index {
  readonly byStatus: ReadonlyMap<RatingCaseStatus, readonly RatingCase[]>;
  /** Cases that were ever awarded, by id. */
  readonly withAward: readonly RatingCase[];
}

const indexes = new WeakMap<RatingCaseState, Index>();

/** Built once per state: queries on the same state reuse it. */
function indexOf(state: RatingCaseState): Index {
  const cached = indexes.get(state);
  if (cached) return cached;
  const byStatus = new Map<RatingCaseStatus, RatingCase[]>();
  const withAward: RatingCase[] = [];
  forEachRecord(state.cases, (c) => {
    const list = byStatus.get(c.status);
    if (list) list.push(c);
    else byStatus.set(c.status, [c]);
    if ('award' in c) withAward.push(c);
  });
  const byId = (a: RatingCase, b: RatingCase) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0);
  for (const list of byStatus.values()) list.sort(byId);
  withAward.sort(byId);
  const index: Index = { byStatus, withAward };
  indexes.set(state, index);
  return index;
}

/**
 * One rating case by id.
 * @category Rating case
 * @example
 * getRatingCase(state, 'rc-1')?.status; // 'in-notice'
 */
export function getRatingCase(state: RatingCaseState, caseId: string): RatingCase | undefined {
  return getRecord(state.cases, caseId);
}

/**
 * The cases in one status, sorted by case id.
 * @category Rating case
 * @example
 * casesByStatus(state, 'in-notice').map((c) => c.unitId);
 */
export function casesByStatus(state: RatingCaseState, status: RatingCaseStatus): readonly RatingCase[] {
  return indexOf(state).byStatus.get(status) ?? [];
}

/** A line of a case's timeline, ready to print. @category Rating case */
export interface TimelineRow {
  readonly seq: number;
  readonly on: IsoDate;
  readonly step: RatingCase['history'][number]['step'];
  /** The step's name in the requested locale. */
  readonly stepLabel: string;
  readonly actor: string;
  readonly note: string;
}

/**
 * The timeline of a case: one row per recorded step, oldest first; empty for an unknown case.
 * @category Rating case
 * @example
 * caseTimeline(state, 'rc-1').map((r) => `${r.on} ${r.stepLabel}`); // ['2025-03-03 申报推荐', …]
 */
export function caseTimeline(state: RatingCaseState, caseId: string, options: LocaleOptions = {}): TimelineRow[] {
  const c = getRecord(state.cases, caseId);
  if (!c) return [];
  return c.history.map((h) => ({
    seq: h.seq,
    on: h.on,
    step: h.step,
    stepLabel: label(ratingStepLabels, h.step, options.locale),
    actor: h.actor,
    note: h.note ?? '',
  }));
}

/** A star a unit holds on a day, and the award it comes from. @category Rating case */
export interface AwardInForce {
  readonly caseId: string;
  readonly unitId: string;
  /** The star held that day (lower than the case's star after a demotion). */
  readonly star: StarLevel;
  readonly awardedOn: IsoDate;
  readonly awardedBy: string;
  readonly awardingLevel: AdminLevel;
  readonly validUntil: IsoDate;
}

/**
 * The awards in force on a day: awarded and still valid, not withdrawn (摘牌) or superseded; a
 * demoted award counts at its lower star. Sorted by case id.
 * @category Rating case
 * @example
 * awardsInForce(state, '2025-12-31').filter((a) => a.star === 3).length; // 17 in Dalian's 2023 batch
 */
export function awardsInForce(state: RatingCaseState, on: IsoDate): AwardInForce[] {
  const out: AwardInForce[] = [];
  for (const c of indexOf(state).withAward) {
    const star = starHeldOn(c, on);
    if (star === undefined || !('award' in c)) continue;
    const { awardedOn, awardedBy, awardingLevel, validUntil } = c.award;
    out.push({ caseId: c.caseId, unitId: c.unitId, star, awardedOn, awardedBy, awardingLevel, validUntil });
  }
  return out;
}

/**
 * The highest star a unit holds on a day, if any.
 * @category Rating case
 * @example
 * starOfUnit(state, 'st-baiyun', '2025-12-31'); // 3
 */
export function starOfUnit(state: RatingCaseState, unitId: string, on: IsoDate): StarLevel | undefined {
  let best: StarLevel | undefined;
  for (const c of casesOfUnit(state, unitId)) {
    const s = starHeldOn(c, on);
    if (s !== undefined && (best === undefined || s > best)) best = s;
  }
  return best;
}

/** An award whose re-check (复核) is due. @category Rating case */
export interface RecheckDue {
  readonly caseId: string;
  readonly unitId: string;
  /** The star held on the day asked about (the lower one after a demotion). */
  readonly star: StarLevel;
  readonly dueOn: IsoDate;
  readonly validUntil: IsoDate;
}

/**
 * The awards in force on a day whose next re-check falls on or before it, earliest first; a demoted
 * award is listed at the lower star it keeps.
 * @category Rating case
 * @example
 * rechecksDue(state, '2026-03-01').map((r) => r.caseId);
 */
export function rechecksDue(state: RatingCaseState, on: IsoDate): RecheckDue[] {
  const out: RecheckDue[] = [];
  const rechecked = [
    ...(indexOf(state).byStatus.get('awarded') ?? []),
    ...(indexOf(state).byStatus.get('demoted') ?? []),
  ];
  for (const c of rechecked) {
    if ((c.status !== 'awarded' && c.status !== 'demoted') || c.nextRecheckOn === undefined) continue;
    const star = starHeldOn(c, on);
    if (compareDates(c.nextRecheckOn, on) > 0 || star === undefined) continue;
    out.push({
      caseId: c.caseId,
      unitId: c.unitId,
      star,
      dueOn: c.nextRecheckOn,
      validUntil: c.award.validUntil,
    });
  }
  return out.sort((a, b) => compareDates(a.dueOn, b.dueOn) || (a.caseId < b.caseId ? -1 : 1));
}
