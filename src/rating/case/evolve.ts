import type { Draft } from 'immer';
import { getRecord, putRecord, type Recorded } from '../../core/index.js';
import { nextRecheckAfter } from './_lib/recheck.js';
import type { RatingCaseEvent } from './events.js';
import type { DemotionTrail, Objection, RatingCase, RatingCaseBase, RatingHistoryEntry } from './schema.js';
import { demotionsOf, type RatingCaseState } from './state.js';

type Ev<T extends RatingCaseEvent['type']> = Recorded<Extract<RatingCaseEvent, { type: T }>>;
type Folder<T extends RatingCaseEvent['type']> = (current: RatingCase, event: Ev<T>) => RatingCase;

function entry(event: Recorded<RatingCaseEvent>, step: RatingHistoryEntry['step'], note?: string): RatingHistoryEntry {
  return { step, on: event.on, actor: event.actor, seq: event.seq, ...(note === undefined ? {} : { note }) };
}

/** The fields every status keeps, with one history line added; copies, never shares, the event's data. */
function base(c: RatingCase, line: RatingHistoryEntry): RatingCaseBase {
  return {
    caseId: c.caseId,
    unitId: c.unitId,
    star: c.star,
    firstRound: c.firstRound,
    municipality: c.municipality,
    appliedOn: c.appliedOn,
    ...(c.recommendedBy === undefined ? {} : { recommendedBy: c.recommendedBy }),
    history: [...c.history, line],
  };
}

function awarded(c: RatingCase) {
  if (!('award' in c)) throw new Error(`[shijian] case ${c.caseId} has no award`);
  return { notice: c.notice, objections: c.objections, award: c.award };
}

/** The demotion trail of a case, to carry through a later status change (empty when never demoted). */
function trail(c: RatingCase): Partial<DemotionTrail> {
  const demotions = demotionsOf(c);
  const last = demotions[demotions.length - 1];
  return last === undefined ? {} : { demotedOn: last.on, toStar: last.toStar, demotions };
}

function noticed(c: RatingCase) {
  if (!('notice' in c)) throw new Error(`[shijian] case ${c.caseId} has no public notice`);
  return { notice: c.notice, objections: c.objections };
}

// One folder per event type except case-applied; adding an event type fails to compile until it has one.
const folders: { readonly [T in Exclude<RatingCaseEvent['type'], 'case-applied'>]: Folder<T> } = {
  'materials-reviewed': (c, e) => ({ ...base(c, entry(e, 'review-materials', e.note)), status: 'materials-reviewed' }),
  'site-inspected': (c, e) => ({
    ...base(c, entry(e, 'inspect-on-site', e.note ?? (e.inspectors.length > 0 ? e.inspectors.join('、') : undefined))),
    status: 'inspected',
  }),
  'feedback-given': (c, e) => ({ ...base(c, entry(e, 'give-feedback', e.feedback)), status: 'feedback-given' }),
  'meeting-approved': (c, e) => ({ ...base(c, entry(e, 'decide-at-meeting', e.note)), status: 'approved' }),
  'notice-started': (c, e) => ({
    ...base(c, entry(e, 'start-notice', `${e.on} – ${e.until}`)),
    status: 'in-notice',
    notice: { from: e.on, until: e.until, days: e.days, counting: e.counting },
    objections: [],
  }),
  'objection-raised': (c, e) => {
    const n = noticed(c);
    const objection: Objection = { objectionId: e.objectionId, raisedOn: e.on, text: e.text, status: 'open' };
    return {
      ...base(c, entry(e, 'objection', e.text)),
      status: 'in-notice',
      notice: n.notice,
      objections: [...n.objections, objection],
    };
  },
  'objection-resolved': (c, e) => {
    const n = noticed(c);
    const objections = n.objections.map(
      (o): Objection =>
        o.objectionId === e.objectionId
          ? {
              objectionId: o.objectionId,
              raisedOn: o.raisedOn,
              text: o.text,
              status: e.upheld ? 'upheld' : 'dismissed',
              resolvedOn: e.on,
              note: e.note,
            }
          : o,
    );
    return { ...base(c, entry(e, 'objection-resolved', e.note)), status: 'in-notice', notice: n.notice, objections };
  },
  'case-rejected': (c, e) => ({
    ...base(c, entry(e, 'rejected', e.reason)),
    status: 'rejected',
    rejectedAt: e.step,
    rejectedOn: e.on,
    ...(e.reason === undefined ? {} : { reason: e.reason }),
  }),
  'award-granted': (c, e) => ({
    ...base(c, entry(e, 'award', e.certificateNo)),
    ...noticed(c),
    status: 'awarded',
    award: {
      awardedOn: e.on,
      awardedBy: e.awardedBy,
      awardingLevel: e.awardingLevel,
      cycleYears: e.cycleYears,
      validUntil: e.validUntil,
      ...(e.recheckEveryMonths === undefined ? {} : { recheckEveryMonths: e.recheckEveryMonths }),
      ...(e.certificateNo === undefined ? {} : { certificateNo: e.certificateNo }),
    },
    ...(e.nextRecheckOn === undefined ? {} : { nextRecheckOn: e.nextRecheckOn }),
  }),
  'award-superseded': (c, e) => ({
    ...base(c, entry(e, 'superseded', e.byCaseId)),
    ...awarded(c),
    ...trail(c),
    status: 'superseded',
    supersededOn: e.on,
    byCaseId: e.byCaseId,
  }),
  'award-kept': (c, e) => {
    const common = {
      ...base(c, entry(e, 'recheck', e.note)),
      ...awarded(c),
      lastRecheckOn: e.on,
      ...(e.nextRecheckOn === undefined ? {} : { nextRecheckOn: e.nextRecheckOn }),
    };
    // Keeping a demoted award keeps the lower star.
    const t = trail(c);
    return t.demotedOn !== undefined && t.toStar !== undefined && t.demotions !== undefined
      ? { ...common, demotedOn: t.demotedOn, toStar: t.toStar, demotions: t.demotions, status: 'demoted' }
      : { ...common, status: 'awarded' };
  },
  'award-demoted': (c, e) => {
    const a = awarded(c);
    // Logs from before demoted awards were re-checked lack the date; decide's rule gives it from the award.
    const next = e.nextRecheckOn ?? nextRecheckAfter(a.award, e.on);
    return {
      ...base(c, entry(e, 'recheck', e.note)),
      ...a,
      status: 'demoted',
      demotedOn: e.on,
      toStar: e.toStar,
      demotions: [...demotionsOf(c), { on: e.on, toStar: e.toStar }],
      lastRecheckOn: e.on,
      ...(next === undefined ? {} : { nextRecheckOn: next }),
    };
  },
  'award-withdrawn': (c, e) => ({
    ...base(c, entry(e, 'recheck', e.reason)),
    ...awarded(c),
    ...trail(c),
    status: 'withdrawn',
    withdrawnOn: e.on,
    ...(e.reason === undefined ? {} : { reason: e.reason }),
  }),
};

/**
 * Folds one recorded rating-case event into a draft of the state. Deterministic, and copies every
 * nested value it takes from the event. An `award-demoted` event without `nextRecheckOn` (logs
 * written before demoted awards were re-checked) gets the day `decide` gives today: the award's
 * re-check interval after the demotion, or the end of its validity when it has no interval, never
 * past that end, and none when the demotion fell on the validity's last day. The award and the
 * demotion day are all that rule reads, so the lower star comes up in `rechecksDue` on the day it
 * would have, or at once when that day has passed.
 * @category Rating case
 * @example
 * const state = replay(ratingCaseDecider, events); // evolveRatingCase runs once per event
 */
export function evolveRatingCase(draft: Draft<RatingCaseState>, event: Recorded<RatingCaseEvent>): void {
  const state = draft as unknown as RatingCaseState;
  if (event.type === 'case-applied') {
    const c: RatingCase = {
      caseId: event.caseId,
      unitId: event.unitId,
      star: event.star,
      firstRound: event.firstRound,
      municipality: event.municipality,
      appliedOn: event.on,
      ...(event.recommendedBy === undefined ? {} : { recommendedBy: event.recommendedBy }),
      history: [entry(event, 'apply', event.note)],
      status: 'applied',
    };
    putRecord(state.cases, c.caseId, c);
    putRecord(state.byUnit, c.unitId, [...(getRecord(state.byUnit, c.unitId) ?? []), c.caseId]);
    return;
  }
  const current = getRecord(state.cases, event.caseId);
  if (!current) throw new Error(`[shijian] event ${event.seq} names unknown rating case ${event.caseId}`);
  const fold = folders[event.type] as Folder<typeof event.type>;
  putRecord(state.cases, event.caseId, fold(current, event as Ev<typeof event.type>));
}
