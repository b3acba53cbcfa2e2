import type { Draft } from 'immer';
import { compareDates, getRecord, type IsoDate, putRecord, type Recorded, shardOf } from '../core/index.js';
import {
  ADDED,
  adoptShard,
  CHANGED,
  noteReplaced,
  noteRow,
  REPLACED,
  ROW_ALL,
  ROW_MEASURES,
  ROW_STATUS,
} from './_lib/index.js';
import { own } from './_lib/own.js';
import type { RiskEvent, RiskState } from './events.js';
import type { RiskItem, RiskRating, RiskStatus, ScoreChange } from './schema.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type Item = Mutable<Omit<RiskItem, 'measures' | 'tracking' | 'history'>> & {
  measures: Mutable<RiskItem['measures'][number]>[];
  tracking: RiskItem['tracking'][number][];
  history: ScoreChange[];
};
type Handlers = {
  readonly [T in RiskEvent['type']]: (draft: Draft<RiskState>, e: Recorded<Extract<RiskEvent, { type: T }>>) => void;
};

type Shards = { readonly [shard: string]: { readonly [id: string]: Item } | undefined };

const item = (draft: Draft<RiskState>, id: string): Item => {
  const found = getRecord(draft.risks, id) as Item | undefined;
  if (!found) throw new Error(`[shijian] risk event for unknown risk ${id}`);
  return found;
};
const copyRating = (r: RiskRating): RiskRating => ({ ...r, factors: { ...r.factors } });
// The history entry shares the rating object the status holds: both are immutable once folded.
const change = (
  e: Recorded<RiskEvent>,
  tier: ScoreChange['tier'],
  after: RiskRating,
  reason: string,
  before?: RiskRating,
): ScoreChange => {
  const entry: { -readonly [K in keyof ScoreChange]: ScoreChange[K] } = { at: e.at, by: e.actor, tier, reason, after };
  if (before) entry.before = before;
  if ('consultationId' in e && e.consultationId) entry.consultationId = e.consultationId;
  return entry;
};
const rated = (s: RiskStatus) => {
  if (s.stage === 'identified') throw new Error('[shijian] risk event needs a rated risk');
  return s;
};
/**
 * Records a review on `day`. The last review is the latest one, whatever order reviews are entered in: a review
 * entered late (a back-dated tracking note, a closing or reopening dated before a review already recorded) does
 * not restart the cadence from an earlier day, as a consultation never does.
 */
const reviewed = (it: Item, day: IsoDate): void => {
  if (compareDates(it.lastReviewOn, day) < 0) it.lastReviewOn = day;
};
const assigned = (s: RiskStatus) => {
  if (!('assignment' in s)) throw new Error('[shijian] risk event needs an assigned risk');
  return s;
};

// One recipe per event type: a table, so a new event fails to compile until it is folded.
const handlers: Handlers = {
  'risk-identified': (draft, e) => {
    putRecord(draft.risks, e.riskId, {
      id: e.riskId,
      title: e.title,
      category: e.category,
      source: e.source,
      ...(e.sourceRef === undefined ? {} : { sourceRef: e.sourceRef }),
      unitId: e.unitId,
      ...(e.postId === undefined ? {} : { postId: e.postId }),
      identifiedOn: e.on,
      lastReviewOn: e.on,
      status: { stage: 'identified' },
      measures: [],
      tracking: [],
      history: [],
      reopenCount: 0,
    } satisfies RiskItem);
  },
  'risk-assessed': (draft, e) => {
    const it = item(draft, e.riskId);
    const inherent = copyRating(e.inherent);
    const current = copyRating(e.current);
    const target = e.target ? copyRating(e.target) : undefined;
    it.status = { stage: 'assessed', ratings: target ? { inherent, current, target } : { inherent, current } };
    it.history.push(change(e, 'inherent', inherent, e.reason), change(e, 'current', current, e.reason));
    if (target) it.history.push(change(e, 'target', target, e.reason));
  },
  'risk-re-rated': (draft, e) => {
    const it = item(draft, e.riskId);
    const s = rated(it.status);
    const after = copyRating(e.after);
    // before is the rating the status held, already our own copy
    const before = s.ratings[e.tier];
    it.status = { ...s, ratings: { ...s.ratings, [e.tier]: after } };
    it.history.push(change(e, e.tier, after, e.reason, before ?? (e.before ? copyRating(e.before) : undefined)));
  },
  'risk-assigned': (draft, e) => {
    const it = item(draft, e.riskId);
    const s = rated(it.status);
    const assignment = { ...e.assignment };
    it.status =
      s.stage === 'assessed' || s.stage === 'assigned'
        ? { stage: 'assigned', ratings: s.ratings, assignment }
        : { ...s, assignment };
  },
  'control-started': (draft, e) => {
    const it = item(draft, e.riskId);
    const s = assigned(it.status);
    // Control restarting after a reopening keeps the reopening day: later measures and notes cannot precede it.
    // Derived from the events already in every log, so old logs replay to the same status.
    it.status =
      s.stage === 'reopened'
        ? { stage: 'controlling', ratings: s.ratings, assignment: s.assignment, since: e.on, reopenedOn: s.reopenedOn }
        : { stage: 'controlling', ratings: s.ratings, assignment: s.assignment, since: e.on };
  },
  'measure-added': (draft, e) => {
    item(draft, e.riskId).measures.push({ ...e.measure, status: { ...e.measure.status } });
  },
  'measure-completed': (draft, e) => {
    const m = item(draft, e.riskId).measures.find((x) => x.id === e.measureId);
    if (m) m.status = { stage: 'done', doneOn: e.on, evidence: e.evidence };
  },
  'risk-tracked': (draft, e) => {
    const it = item(draft, e.riskId);
    it.tracking.push({ ...e.record });
    if (e.record.review) reviewed(it, e.record.on);
  },
  'risk-closed': (draft, e) => {
    const it = item(draft, e.riskId);
    const s = assigned(it.status);
    it.status = {
      stage: 'closed',
      ratings: s.ratings,
      assignment: s.assignment,
      closedOn: e.on,
      closure: { ...e.closure },
    };
    reviewed(it, e.on);
  },
  'risk-reopened': (draft, e) => {
    const it = item(draft, e.riskId);
    const s = assigned(it.status);
    // a risk-reopened event recorded before it carried a deadline keeps the old assignment
    const assignment =
      e.deadline === undefined
        ? s.assignment
        : {
            ...s.assignment,
            deadline: e.deadline,
            ...(e.missedDeadline === undefined ? {} : { missedDeadline: e.missedDeadline }),
          };
    it.status = { stage: 'reopened', ratings: s.ratings, assignment, reopenedOn: e.on, reason: e.reason };
    it.reopenCount += 1;
    reviewed(it, e.on);
  },
  'escalation-decided': (draft, e) => {
    item(draft, e.riskId).tracking.push({ on: e.on, by: e.actor, note: e.note, review: false });
  },
  'consultation-held': (draft, e) => {
    const c = e.consultation;
    draft.consultations[c.id] = {
      ...c,
      participants: [...c.participants],
      reviewed: [...c.reviewed],
      decisions: structuredClone(c.decisions) as Draft<typeof c.decisions>,
    };
    // The meeting reviewed these risks: their review cadence starts again from its date (never moves back).
    for (const id of c.reviewed) {
      const it = getRecord(draft.risks, id) as Item | undefined;
      if (it) reviewed(it, c.date);
    }
  },
  'key-post-registered': (draft, e) => {
    const p = e.post;
    draft.keyPosts[p.postId] = {
      ...p,
      riskPoints: [...p.riskPoints],
      criteria: { ...p.criteria },
      measures: [...p.measures],
      responses: [],
    };
  },
  'unit-rehomed': (draft, e) => {
    const move = (u: string) => (u === e.fromUnitId ? e.toUnitId : u);
    for (const id of e.riskIds) {
      const it = item(draft, id);
      const s = it.status;
      putRecord(draft.risks, id, {
        ...it,
        unitId: move(it.unitId),
        status:
          'assignment' in s
            ? { ...s, assignment: { ...s.assignment, ownerUnitId: move(s.assignment.ownerUnitId) } }
            : s,
      } as RiskItem);
    }
  },
  'integrity-response-recorded': (draft, e) => {
    const post = own(draft.keyPosts, e.postId);
    if (post) post.responses.push({ ...e.response, actions: [...e.response.actions] });
  },
};

/** The columns of the list index each event can change (a table, so a new event fails to compile until listed). */
const indexed: { readonly [T in RiskEvent['type']]: number } = {
  'risk-identified': ROW_ALL,
  'risk-assessed': ROW_STATUS,
  'risk-re-rated': ROW_STATUS,
  'risk-assigned': ROW_STATUS,
  'control-started': ROW_STATUS,
  'measure-added': ROW_MEASURES,
  'measure-completed': ROW_MEASURES,
  'risk-tracked': 0,
  'risk-closed': ROW_STATUS,
  'risk-reopened': ROW_STATUS,
  'escalation-decided': 0,
  'consultation-held': 0,
  'key-post-registered': 0,
  'integrity-response-recorded': 0,
  'unit-rehomed': ROW_ALL,
};

/**
 * Folds one recorded risk event into a draft of the state (the recipe `execute` and `replay` share).
 * @category Workflow
 * @example
 * const state = replay(riskDecider, events); // runs evolveRisk for each event
 */
export function evolveRisk(draft: Draft<RiskState>, event: Recorded<RiskEvent>): void {
  const fold = handlers[event.type] as (d: Draft<RiskState>, e: Recorded<RiskEvent>) => void;
  const parts = indexed[event.type];
  if (parts === 0 || !('riskId' in event)) {
    fold(draft, event);
    if (event.type === 'unit-rehomed') for (const id of event.riskIds) noteReplaced(draft.risks, id);
    return;
  }
  // Keep the list index of shards this fold created in step while the record is hot (a no-op on drafts of an
  // earlier state's shards, whose index is rebuilt on the first query instead).
  const id = event.riskId;
  const key = shardOf(id);
  const risks = draft.risks as unknown as Shards;
  const before = risks[key];
  const existed = before?.[id] !== undefined;
  fold(draft, event);
  const shard = risks[key];
  const it = shard?.[id];
  if (shard === undefined || it === undefined) return;
  if (before === undefined) adoptShard(shard);
  const how = event.type !== 'risk-identified' ? CHANGED : existed ? REPLACED : ADDED;
  noteRow(shard, id, it, parts, how);
}
