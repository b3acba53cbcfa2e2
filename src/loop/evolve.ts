import type { Draft } from 'immer';
import { getRecord, type IsoDate, putRecord, type Recorded, type RecordTable } from '../core/index.js';
import { deploymentBase, inspectionBase, orderBase, problemBase, resolutionBase } from './_lib/records.js';
import type { LoopEvent } from './events.js';
import type { Extension, LoopState } from './state.js';

function must<T>(table: RecordTable<T>, id: string): T {
  const r = getRecord(table, id);
  if (r === undefined) throw new Error(`[shijian] loop event refers to unknown record ${id}`);
  return r;
}

/**
 * Folds one recorded loop event into a draft of the state. Nested objects of the event are copied,
 * never kept, and status changes build a fresh record of the new status.
 * @category Loop
 * @example
 * const state = replay(loopDecider, events); // runs evolveLoop for each event
 */
export function evolveLoop(draft: Draft<LoopState>, event: Recorded<LoopEvent>): void {
  const s = draft as unknown as LoopState;
  switch (event.type) {
    case 'deployment-ordered': {
      const d = event.deployment;
      putRecord(s.deployments, d.id, {
        ...d,
        seq: event.seq,
        source: { ...d.source },
        assistingUnitIds: [...d.assistingUnitIds],
        deadline: { ...d.deadline },
        inspectionIds: [],
        problemIds: [],
        status: 'open',
      });
      return;
    }
    case 'inspection-recorded': {
      const i = event.inspection;
      putRecord(s.inspections, i.id, {
        ...i,
        seq: event.seq,
        inspectors: [...i.inspectors],
        inspectedUnitIds: [...i.inspectedUnitIds],
        problemIds: [],
        status: 'awaiting-notice',
        noticeDueOn: event.noticeDueOn,
      });
      const d = must(s.deployments, i.deploymentId);
      (d.inspectionIds as string[]).push(i.id);
      return;
    }
    case 'notice-issued': {
      const n = event.notice;
      putRecord(s.notices, n.id, { ...n, seq: event.seq, scope: [...n.scope] });
      putRecord(s.noticeNumbers, `n:${n.number}`, n.id);
      const i = must(s.inspections, n.inspectionId);
      putRecord(s.inspections, i.id, {
        ...inspectionBase(i),
        status: 'notified',
        noticeId: n.id,
        notifiedOn: n.issuedOn,
      });
      return;
    }
    case 'problem-recorded': {
      const p = event.problem;
      putRecord(s.problems, p.id, {
        ...p,
        seq: event.seq,
        recurrence: 0,
        orderIds: [],
        lookBackIds: [],
        status: 'awaiting-order',
        since: p.foundOn,
        orderDueOn: event.orderDueOn,
      });
      (must(s.inspections, p.inspectionId).problemIds as string[]).push(p.id);
      (must(s.deployments, p.deploymentId).problemIds as string[]).push(p.id);
      return;
    }
    case 'supervision-ordered': {
      const o = event.order;
      putRecord(s.orders, o.id, {
        ...o,
        seq: event.seq,
        assistingUnitIds: [...o.assistingUnitIds],
        deadline: { ...o.deadline },
        effectiveDueOn: o.dueOn,
        extensions: [],
        returns: 0,
        status: 'open',
      });
      const p = must(s.problems, o.problemId);
      const base = problemBase(p);
      putRecord(s.problems, p.id, {
        ...base,
        orderIds: [...base.orderIds, o.id],
        status: 'under-supervision',
        orderId: o.id,
      });
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
      putRecord(s.resolutions, r.id, { ...r, seq: event.seq, evidence: [...r.evidence], status: 'submitted' });
      const o = must(s.orders, r.orderId);
      putRecord(s.orders, o.id, { ...orderBase(o), status: 'reported', resolutionId: r.id });
      return;
    }
    case 'resolution-accepted': {
      const r = must(s.resolutions, event.resolutionId);
      putRecord(s.resolutions, r.id, { ...resolutionBase(r), status: 'accepted', acceptedOn: event.acceptedOn });
      const o = must(s.orders, r.orderId);
      putRecord(s.orders, o.id, {
        ...orderBase(o),
        status: 'resolved',
        resolutionId: r.id,
        resolvedOn: r.reportedOn,
        acceptedOn: event.acceptedOn,
        onTime: r.reportedOn <= o.effectiveDueOn,
      });
      const p = must(s.problems, r.problemId);
      putRecord(s.problems, p.id, {
        ...problemBase(p),
        status: 'resolved',
        orderId: o.id,
        resolutionId: r.id,
        resolvedOn: event.acceptedOn,
        lookBackDueOn: event.lookBackDueOn,
      });
      return;
    }
    case 'resolution-returned': {
      const r = must(s.resolutions, event.resolutionId);
      putRecord(s.resolutions, r.id, {
        ...resolutionBase(r),
        status: 'returned',
        returnedOn: event.returnedOn,
        ...(event.reason === undefined ? {} : { reason: event.reason }),
      });
      const o = must(s.orders, r.orderId);
      const base = orderBase(o);
      putRecord(s.orders, o.id, { ...base, returns: base.returns + 1, status: 'open' });
      return;
    }
    case 'look-back-passed':
    case 'look-back-failed': {
      const l = event.lookBack;
      const p = must(s.problems, l.problemId);
      const base = problemBase(p);
      const common = {
        ...l,
        seq: event.seq,
        checkedBy: [...l.checkedBy],
      };
      const lookBackIds = [...base.lookBackIds, l.id];
      if (event.type === 'look-back-passed') {
        putRecord(s.lookBacks, l.id, { ...common, outcome: 'passed' });
        putRecord(s.problems, p.id, {
          ...base,
          lookBackIds,
          status: 'looked-back',
          lookBackId: l.id,
          passedOn: l.checkedOn,
          strikeOffDueOn: event.strikeOffDueOn,
        });
      } else {
        const recurrence = base.recurrence + 1;
        putRecord(s.lookBacks, l.id, { ...common, outcome: 'failed', recurrence });
        putRecord(s.problems, p.id, {
          ...base,
          lookBackIds,
          recurrence,
          status: 'awaiting-order',
          since: l.checkedOn,
          orderDueOn: event.orderDueOn,
        });
      }
      return;
    }
    case 'problem-struck-off': {
      const p = must(s.problems, event.problemId);
      if (p.status !== 'looked-back') throw new Error('[shijian] strike-off of a problem not looked back');
      putRecord(s.problems, p.id, {
        ...problemBase(p),
        status: 'struck-off',
        lookBackId: p.lookBackId,
        struckOffOn: event.struckOffOn,
      });
      return;
    }
    case 'deployment-closed': {
      const d = must(s.deployments, event.deploymentId);
      putRecord(s.deployments, d.id, { ...deploymentBase(d), status: 'closed', closedOn: event.closedOn });
      return;
    }
  }
}
