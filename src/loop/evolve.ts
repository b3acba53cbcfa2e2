import type { Draft } from 'immer';
import { getRecord, type IsoDate, putRecord, type Recorded, type RecordTable } from '../core/index.js';
import {
  become,
  deploymentBase,
  inspectionBase,
  newDeployment,
  newInspection,
  newLookBack,
  newNotice,
  newOrder,
  newProblem,
  newResolution,
  orderBase,
  problemBase,
  resolutionBase,
} from './_lib/records.js';
import type { LoopEvent } from './events.js';
import type { Extension, LoopState } from './state.js';

function must<T>(table: RecordTable<T>, id: string): T {
  const r = getRecord(table, id);
  if (r === undefined) throw new Error(`[shijian] loop event refers to unknown record ${id}`);
  return r;
}

/**
 * Folds one recorded loop event into a draft of the state. Nested objects of the event are copied,
 * never kept, and status changes build a fresh record of the new status. Lists a record already
 * holds (its inspections, problems, orders, look-backs) are appended to in place: under `replay`
 * the draft is a private accumulator, under `execute` immer copies what is touched.
 * @category Loop
 * @example
 * const state = replay(loopDecider, events); // runs evolveLoop for each event
 */
export function evolveLoop(draft: Draft<LoopState>, event: Recorded<LoopEvent>): void {
  const s = draft as unknown as LoopState;
  switch (event.type) {
    case 'deployment-ordered': {
      putRecord(s.deployments, event.deployment.id, newDeployment(event.deployment, event.seq));
      return;
    }
    case 'inspection-recorded': {
      const i = event.inspection;
      putRecord(s.inspections, i.id, newInspection(event, event.seq));
      const d = must(s.deployments, i.deploymentId);
      (d.inspectionIds as string[]).push(i.id);
      return;
    }
    case 'notice-issued': {
      const n = event.notice;
      putRecord(s.notices, n.id, newNotice(n, event.seq));
      putRecord(s.noticeNumbers, `n:${n.number}`, n.id);
      const i = must(s.inspections, n.inspectionId);
      putRecord(
        s.inspections,
        i.id,
        become(inspectionBase(i), { status: 'notified' as const, noticeId: n.id, notifiedOn: n.issuedOn }),
      );
      return;
    }
    case 'problem-recorded': {
      const p = event.problem;
      putRecord(s.problems, p.id, newProblem(event, event.seq));
      (must(s.inspections, p.inspectionId).problemIds as string[]).push(p.id);
      (must(s.deployments, p.deploymentId).problemIds as string[]).push(p.id);
      return;
    }
    case 'supervision-ordered': {
      const o = event.order;
      putRecord(s.orders, o.id, newOrder(o, event.seq));
      const p = must(s.problems, o.problemId);
      (p.orderIds as string[]).push(o.id);
      putRecord(s.problems, p.id, become(problemBase(p), { status: 'under-supervision' as const, orderId: o.id }));
      return;
    }
    case 'extension-requested': {
      const o = must(s.orders, event.orderId);
      const ext: Extension = {
        requestedOn: event.requestedOn,
        reason: event.reason,
        requestedDueOn: event.requestedDueOn,
        ...(event.progress === undefined ? {} : { progress: event.progress }),
        status: 'requested',
      };
      (o.extensions as Extension[]).push(ext);
      return;
    }
    case 'extension-approved':
    case 'extension-rejected': {
      const o = must(s.orders, event.orderId) as unknown as { extensions: Extension[]; effectiveDueOn: IsoDate };
      const last = o.extensions.length - 1;
      const pending = o.extensions[last];
      if (pending === undefined) throw new Error('[shijian] no pending extension');
      const comment = event.comment === undefined ? {} : { comment: event.comment };
      const { requestedOn, reason, requestedDueOn } = pending;
      const progress = pending.progress === undefined ? {} : { progress: pending.progress };
      if (event.type === 'extension-approved') {
        o.extensions[last] = {
          requestedOn,
          reason,
          requestedDueOn,
          ...progress,
          status: 'approved',
          decidedOn: event.decidedOn,
          newDueOn: event.newDueOn,
          ...comment,
        };
        o.effectiveDueOn = event.newDueOn;
      } else
        o.extensions[last] = {
          requestedOn,
          reason,
          requestedDueOn,
          ...progress,
          status: 'rejected',
          decidedOn: event.decidedOn,
          ...comment,
        };
      return;
    }
    case 'resolution-reported': {
      const r = event.resolution;
      putRecord(s.resolutions, r.id, newResolution(r, event.seq));
      const o = must(s.orders, r.orderId);
      putRecord(s.orders, o.id, become(orderBase(o), { status: 'reported' as const, resolutionId: r.id }));
      return;
    }
    case 'resolution-accepted': {
      const r = must(s.resolutions, event.resolutionId);
      putRecord(
        s.resolutions,
        r.id,
        become(resolutionBase(r), { status: 'accepted' as const, acceptedOn: event.acceptedOn }),
      );
      const o = must(s.orders, r.orderId);
      putRecord(
        s.orders,
        o.id,
        become(orderBase(o), {
          status: 'resolved' as const,
          resolutionId: r.id,
          resolvedOn: r.reportedOn,
          acceptedOn: event.acceptedOn,
          onTime: r.reportedOn <= o.effectiveDueOn,
        }),
      );
      const p = must(s.problems, r.problemId);
      putRecord(
        s.problems,
        p.id,
        become(problemBase(p), {
          status: 'resolved' as const,
          orderId: o.id,
          resolutionId: r.id,
          resolvedOn: event.acceptedOn,
          lookBackDueOn: event.lookBackDueOn,
        }),
      );
      return;
    }
    case 'resolution-returned': {
      const r = must(s.resolutions, event.resolutionId);
      const { returnedOn, reason } = event;
      putRecord(
        s.resolutions,
        r.id,
        become(
          resolutionBase(r),
          reason === undefined
            ? { status: 'returned' as const, returnedOn }
            : { status: 'returned' as const, returnedOn, reason },
        ),
      );
      const o = must(s.orders, r.orderId);
      const base = become(orderBase(o), { status: 'open' as const });
      (base as { returns: number }).returns++;
      putRecord(s.orders, o.id, base);
      return;
    }
    case 'look-back-passed':
    case 'look-back-failed': {
      const l = event.lookBack;
      const p = must(s.problems, l.problemId);
      (p.lookBackIds as string[]).push(l.id);
      const base = problemBase(p);
      if (event.type === 'look-back-passed') {
        putRecord(s.lookBacks, l.id, newLookBack(l, event.seq));
        putRecord(
          s.problems,
          p.id,
          become(base, {
            status: 'looked-back' as const,
            lookBackId: l.id,
            passedOn: l.checkedOn,
            strikeOffDueOn: event.strikeOffDueOn,
          }),
        );
      } else {
        const recurrence = base.recurrence + 1;
        (base as { recurrence: number }).recurrence = recurrence;
        putRecord(s.lookBacks, l.id, newLookBack(l, event.seq, recurrence));
        putRecord(
          s.problems,
          p.id,
          become(base, { status: 'awaiting-order' as const, since: l.checkedOn, orderDueOn: event.orderDueOn }),
        );
      }
      return;
    }
    case 'problem-struck-off': {
      const p = must(s.problems, event.problemId);
      if (p.status !== 'looked-back') throw new Error('[shijian] strike-off of a problem not looked back');
      putRecord(
        s.problems,
        p.id,
        become(problemBase(p), {
          status: 'struck-off' as const,
          lookBackId: p.lookBackId,
          struckOffOn: event.struckOffOn,
        }),
      );
      return;
    }
    case 'deployment-closed': {
      const d = must(s.deployments, event.deploymentId);
      putRecord(
        s.deployments,
        d.id,
        become(deploymentBase(d), { status: 'closed' as const, closedOn: event.closedOn }),
      );
      return;
    }
    case 'record-corrected': {
      if (event.target === 'deployment') {
        const d = must(s.deployments, event.id);
        putRecord(s.deployments, event.id, { ...d, ...(event.after as Partial<typeof d>) });
      } else {
        const p = must(s.problems, event.id);
        putRecord(s.problems, event.id, { ...p, ...(event.after as Partial<typeof p>) });
      }
      return;
    }
    case 'unit-rehomed': {
      const { fromUnitId: from, toUnitId: to } = event;
      const swap = (ids: readonly string[]) => [...new Set(ids.map((u) => (u === from ? to : u)))];
      const lead = (u: string) => (u === from ? to : u);
      for (const id of event.deploymentIds) {
        const d = must(s.deployments, id);
        putRecord(s.deployments, id, {
          ...d,
          leadUnitId: lead(d.leadUnitId),
          assistingUnitIds: swap(d.assistingUnitIds),
        });
      }
      for (const id of event.problemIds) {
        const p = must(s.problems, id);
        putRecord(s.problems, id, { ...p, unitId: lead(p.unitId) });
      }
      for (const id of event.orderIds) {
        const o = must(s.orders, id);
        putRecord(s.orders, id, { ...o, leadUnitId: lead(o.leadUnitId), assistingUnitIds: swap(o.assistingUnitIds) });
      }
      return;
    }
  }
}
