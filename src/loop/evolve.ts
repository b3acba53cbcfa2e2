import type { Draft } from 'immer';
import { emptyTable, type IsoDate, putRecord, type Recorded, type RecordTable } from '../core/index.js';
import {
  deploymentClosed,
  deploymentWithIds,
  inspectionNotified,
  inspectionWithProblems,
  newDeployment,
  newInspection,
  newLookBack,
  newNotice,
  newOrder,
  newProblem,
  newResolution,
  orderReported,
  orderResolved,
  orderReturned,
  problemLookedBack,
  problemReopened,
  problemResolved,
  problemStruckOff,
  problemUnderSupervision,
  resolutionAccepted,
  resolutionReturned,
  withId,
} from './_lib/records.js';
import { shardFor } from './_lib/shard.js';
import { chainReaches, successorLookup } from './_lib/successions.js';
import type { LoopEvent } from './events.js';
import type { Extension, LoopState, SupervisionOrder } from './state.js';

// The lists a recipe appends to get a new array (never a push: empty lists are one shared frozen
// array). Under `replay` the record is the private accumulator's, under `execute` an immer draft.
type WithProblems = { problemIds: readonly string[] };
type WithInspections = WithProblems & { inspectionIds: readonly string[] };

// Under `replay` the draft is a plain private accumulator, and every record is frozen as it is
// built, while in cache: every change builds a new one, including an id added to a deployment's or
// an inspection's lists (rebuilt there, appended in place under `execute`). Replay's final freeze
// then only checks each record instead of walking its fields (about 1.4 µs a record on a
// million-event state, ~2 µs for cold ones). Under `execute` immer freezes at the end, and a record
// frozen early would hide the drafts it holds from immer, so nothing is frozen here. The check is
// immer's own `isDraft` (its state symbol), read without importing immer outside core. The rare
// records an extension, a correction or a rehoming changes are frozen whole (`sealedDeep`), so the
// decider can promise `sealsRecords` and the final freeze need not read any record.
const IMMER_STATE = Symbol.for('immer-state');

function sealed<T extends object>(own: boolean, record: T): T {
  return own ? Object.freeze(record) : record;
}

/** `sealed`, for a record whose lists or nested objects may not be frozen yet (copied from an event). */
function sealedDeep<T extends object>(own: boolean, record: T): T {
  if (!own) return record;
  const stack: object[] = [record];
  for (let v = stack.pop(); v !== undefined; v = stack.pop()) {
    if (Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const x of Object.values(v)) if (typeof x === 'object' && x !== null) stack.push(x);
  }
  return record;
}

/** The table of successions, added to a state stored before it existed. */
function successorTable(s: LoopState): RecordTable<string> {
  const w = s as { successors: RecordTable<string> | undefined };
  if (w.successors === undefined) w.successors = emptyTable();
  return w.successors;
}

function must<T>(record: T | undefined, id: string): T {
  if (record === undefined) throw new Error(`[shijian] loop event refers to unknown record ${id}`);
  return record;
}

/** The order to change in place: under `replay` a frozen one is first replaced by a copy (extensions are rare). */
function thawedOrder(s: LoopState, id: string): SupervisionOrder {
  const shard = shardFor(s.orders, id);
  const o = must(shard[id], id);
  if (!Object.isFrozen(o)) return o;
  const copy = { ...o };
  shard[id] = copy;
  return copy;
}

/**
 * Folds one recorded loop event into a draft of the state. Nested objects of the event are copied,
 * never kept, and status changes build a fresh record of the new status. An id added to a record's
 * list (its inspections, problems, orders, look-backs) makes a new list: under `execute` set on the
 * record's draft (immer copies what is touched), under `replay` in a rebuilt record, frozen at once.
 * @category Loop
 * @example
 * const state = replay(loopDecider, events); // runs evolveLoop for each event
 */
export function evolveLoop(draft: Draft<LoopState>, event: Recorded<LoopEvent>): void {
  const s = draft as unknown as LoopState;
  const own = (draft as unknown as Record<symbol, unknown>)[IMMER_STATE] === undefined;
  switch (event.type) {
    case 'deployment-ordered': {
      putRecord(s.deployments, event.deployment.id, sealed(own, newDeployment(event.deployment, event.seq)));
      return;
    }
    case 'inspection-recorded': {
      const i = event.inspection;
      putRecord(s.inspections, i.id, sealed(own, newInspection(event, event.seq)));
      const shard = shardFor(s.deployments, i.deploymentId);
      const d = must(shard[i.deploymentId], i.deploymentId);
      if (own) shard[i.deploymentId] = Object.freeze(deploymentWithIds(d, withId(d.inspectionIds, i.id), d.problemIds));
      else (d as WithInspections).inspectionIds = withId(d.inspectionIds, i.id);
      return;
    }
    case 'notice-issued': {
      const n = event.notice;
      putRecord(s.notices, n.id, sealed(own, newNotice(n, event.seq)));
      putRecord(s.noticeNumbers, `n:${n.number}`, n.id);
      const id = n.inspectionId;
      const shard = shardFor(s.inspections, id);
      shard[id] = sealed(own, inspectionNotified(must(shard[id], id), n.id, n.issuedOn));
      return;
    }
    case 'problem-recorded': {
      const p = event.problem;
      putRecord(s.problems, p.id, sealed(own, newProblem(event, event.seq)));
      const iShard = shardFor(s.inspections, p.inspectionId);
      const i = must(iShard[p.inspectionId], p.inspectionId);
      const dShard = shardFor(s.deployments, p.deploymentId);
      const d = must(dShard[p.deploymentId], p.deploymentId);
      if (own) {
        iShard[p.inspectionId] = Object.freeze(inspectionWithProblems(i, withId(i.problemIds, p.id)));
        dShard[p.deploymentId] = Object.freeze(deploymentWithIds(d, d.inspectionIds, withId(d.problemIds, p.id)));
      } else {
        (i as WithProblems).problemIds = withId(i.problemIds, p.id);
        (d as WithInspections).problemIds = withId(d.problemIds, p.id);
      }
      return;
    }
    case 'supervision-ordered': {
      const o = event.order;
      putRecord(s.orders, o.id, sealed(own, newOrder(o, event.seq)));
      const id = o.problemId;
      const shard = shardFor(s.problems, id);
      shard[id] = sealed(own, problemUnderSupervision(must(shard[id], id), o.id));
      return;
    }
    case 'extension-requested': {
      const o = thawedOrder(s, event.orderId);
      const ext: Extension = {
        requestedOn: event.requestedOn,
        reason: event.reason,
        requestedDueOn: event.requestedDueOn,
        ...(event.progress === undefined ? {} : { progress: event.progress }),
        status: 'requested',
      };
      (o as unknown as { extensions: readonly Extension[] }).extensions = [...o.extensions, ext];
      sealedDeep(own, o);
      return;
    }
    case 'extension-approved':
    case 'extension-rejected': {
      const o = thawedOrder(s, event.orderId) as unknown as {
        extensions: Extension[];
        effectiveDueOn: IsoDate;
      };
      const last = o.extensions.length - 1;
      const pending = o.extensions[last];
      if (pending === undefined) throw new Error('[shijian] no pending extension');
      const comment = event.comment === undefined ? {} : { comment: event.comment };
      const { requestedOn, reason, requestedDueOn } = pending;
      const progress = pending.progress === undefined ? {} : { progress: pending.progress };
      const decided: Extension =
        event.type === 'extension-approved'
          ? {
              requestedOn,
              reason,
              requestedDueOn,
              ...progress,
              status: 'approved',
              decidedOn: event.decidedOn,
              newDueOn: event.newDueOn,
              ...comment,
            }
          : {
              requestedOn,
              reason,
              requestedDueOn,
              ...progress,
              status: 'rejected',
              decidedOn: event.decidedOn,
              ...comment,
            };
      if (event.type === 'extension-approved') o.effectiveDueOn = event.newDueOn;
      // under replay the list was frozen with its order: a new one replaces it
      if (own) o.extensions = [...o.extensions.slice(0, last), decided];
      else o.extensions[last] = decided;
      sealedDeep(own, o);
      return;
    }
    case 'resolution-reported': {
      const r = event.resolution;
      putRecord(s.resolutions, r.id, sealed(own, newResolution(r, event.seq)));
      const id = r.orderId;
      const shard = shardFor(s.orders, id);
      shard[id] = sealed(own, orderReported(must(shard[id], id), r.id, event.reviewDueOn ?? r.reportedOn));
      return;
    }
    case 'resolution-accepted': {
      const { resolutionId, acceptedOn } = event;
      const rShard = shardFor(s.resolutions, resolutionId);
      const r = must(rShard[resolutionId], resolutionId);
      rShard[resolutionId] = sealed(own, resolutionAccepted(r, acceptedOn));
      const oShard = shardFor(s.orders, r.orderId);
      const o = must(oShard[r.orderId], r.orderId);
      // a pending extension lapses with a new list and record (rare): those are frozen too
      const resolved = orderResolved(o, r, acceptedOn);
      oShard[r.orderId] = resolved.extensions === o.extensions ? sealed(own, resolved) : sealedDeep(own, resolved);
      const pShard = shardFor(s.problems, r.problemId);
      const p = must(pShard[r.problemId], r.problemId);
      pShard[r.problemId] = sealed(own, problemResolved(p, o.id, r.id, acceptedOn, event.lookBackDueOn));
      return;
    }
    case 'resolution-returned': {
      const { resolutionId } = event;
      const rShard = shardFor(s.resolutions, resolutionId);
      const r = must(rShard[resolutionId], resolutionId);
      rShard[resolutionId] = sealed(own, resolutionReturned(r, event.returnedOn, event.reason));
      const oShard = shardFor(s.orders, r.orderId);
      oShard[r.orderId] = sealed(own, orderReturned(must(oShard[r.orderId], r.orderId), event.returnedOn));
      return;
    }
    case 'look-back-passed':
    case 'look-back-failed': {
      const l = event.lookBack;
      const id = l.problemId;
      const shard = shardFor(s.problems, id);
      const p = must(shard[id], id);
      if (event.type === 'look-back-passed') {
        putRecord(s.lookBacks, l.id, sealed(own, newLookBack(l, event.seq)));
        shard[id] = sealed(own, problemLookedBack(p, l.id, l.checkedOn, event.strikeOffDueOn));
      } else {
        const recurrence = p.recurrence + 1;
        putRecord(s.lookBacks, l.id, sealed(own, newLookBack(l, event.seq, recurrence)));
        shard[id] = sealed(own, problemReopened(p, l.id, recurrence, l.checkedOn, event.orderDueOn));
      }
      return;
    }
    case 'problem-struck-off': {
      const id = event.problemId;
      const shard = shardFor(s.problems, id);
      const p = must(shard[id], id);
      if (p.status !== 'looked-back') throw new Error('[shijian] strike-off of a problem not looked back');
      shard[id] = sealed(own, problemStruckOff(p, p.lookBackId, event.struckOffOn));
      return;
    }
    case 'deployment-closed': {
      const id = event.deploymentId;
      const shard = shardFor(s.deployments, id);
      shard[id] = sealed(own, deploymentClosed(must(shard[id], id), event.closedOn));
      return;
    }
    case 'record-corrected': {
      const id = event.id;
      if (event.target === 'deployment') {
        const d = must(shardFor(s.deployments, id)[id], id);
        putRecord(s.deployments, id, sealedDeep(own, { ...d, ...(event.after as Partial<typeof d>) }));
      } else {
        const p = must(shardFor(s.problems, id)[id], id);
        putRecord(s.problems, id, sealedDeep(own, { ...p, ...(event.after as Partial<typeof p>) }));
      }
      return;
    }
    case 'unit-rehomed': {
      const { fromUnitId: from, toUnitId: to } = event;
      const swap = (ids: readonly string[]) => [...new Set(ids.map((u) => (u === from ? to : u)))];
      const lead = (u: string) => (u === from ? to : u);
      for (const id of event.deploymentIds) {
        const shard = shardFor(s.deployments, id);
        const d = must(shard[id], id);
        shard[id] = sealedDeep(own, {
          ...d,
          leadUnitId: lead(d.leadUnitId),
          assistingUnitIds: swap(d.assistingUnitIds),
        });
      }
      for (const id of event.problemIds) {
        const shard = shardFor(s.problems, id);
        const p = must(shard[id], id);
        shard[id] = sealedDeep(own, { ...p, unitId: lead(p.unitId) });
      }
      for (const id of event.orderIds) {
        const shard = shardFor(s.orders, id);
        const o = must(shard[id], id);
        shard[id] = sealedDeep(own, {
          ...o,
          leadUnitId: lead(o.leadUnitId),
          assistingUnitIds: swap(o.assistingUnitIds),
        });
      }
      // Supervising duties are not moved (who supervised and inspected is history): the succession
      // is remembered and the owed-link queries resolve through it. Old logs record it on replay too.
      const successors = successorTable(s);
      if (chainReaches(successorLookup(successors), to, from)) delete shardFor(successors, to)[to];
      putRecord(successors, from, to);
      return;
    }
  }
}
