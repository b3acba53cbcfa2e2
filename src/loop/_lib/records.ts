import type { IsoDate } from '../../core/index.js';
import type {
  DeploymentOrdered,
  InspectionRecorded,
  LookBackDetails,
  NoticeIssued,
  ProblemRecorded,
  ResolutionReported,
  SupervisionOrdered,
} from '../events.js';
import type {
  Deployment,
  Extension,
  Inspection,
  LookBack,
  LoopDeadline,
  Notice,
  Problem,
  Resolution,
  ResolutionBase,
  SupervisionOrder,
} from '../state.js';

// A status change builds a new record of the new status, so no field of the old status survives
// into the new one (the unions stay honest). Every record is built as ONE object literal, fields in
// the same order for every record of a status: V8 then gives all of them one shape and allocates
// each in a single step. A spread or `Object.assign` followed by more fields makes each added field
// a slow-path store (about 20× the cost of a literal, measured on 1M replayed events), and a base
// object plus a tail object is two allocations and more garbage per status change.

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** A deployment closed on `closedOn`. */
export function deploymentClosed(d: Deployment, closedOn: IsoDate): Deployment {
  return {
    seq: d.seq,
    id: d.id,
    title: d.title,
    source: d.source,
    orderedBy: d.orderedBy,
    supervisingUnitId: d.supervisingUnitId,
    leadUnitId: d.leadUnitId,
    assistingUnitIds: d.assistingUnitIds,
    deadline: d.deadline,
    startOn: d.startOn,
    dueOn: d.dueOn,
    category: d.category,
    priority: d.priority,
    inspectionIds: d.inspectionIds,
    problemIds: d.problemIds,
    status: 'closed',
    closedOn,
  };
}

// Under `replay` a deployment or inspection is rebuilt, not changed in place, when an id is added
// to its lists, so that it can be frozen as it is built, while in cache, like every other record
// (replay's final freeze of a million-event state spent most of its time on these two kinds: by
// then they were cold). The lists are given whole (built by `withId`); the status fields are kept.

/** The same deployment holding these inspection and problem lists. */
export function deploymentWithIds(
  d: Deployment,
  inspectionIds: readonly string[],
  problemIds: readonly string[],
): Deployment {
  if (d.status === 'open')
    return {
      seq: d.seq,
      id: d.id,
      title: d.title,
      source: d.source,
      orderedBy: d.orderedBy,
      supervisingUnitId: d.supervisingUnitId,
      leadUnitId: d.leadUnitId,
      assistingUnitIds: d.assistingUnitIds,
      deadline: d.deadline,
      startOn: d.startOn,
      dueOn: d.dueOn,
      category: d.category,
      priority: d.priority,
      inspectionIds,
      problemIds,
      status: 'open',
    };
  return {
    seq: d.seq,
    id: d.id,
    title: d.title,
    source: d.source,
    orderedBy: d.orderedBy,
    supervisingUnitId: d.supervisingUnitId,
    leadUnitId: d.leadUnitId,
    assistingUnitIds: d.assistingUnitIds,
    deadline: d.deadline,
    startOn: d.startOn,
    dueOn: d.dueOn,
    category: d.category,
    priority: d.priority,
    inspectionIds,
    problemIds,
    status: 'closed',
    closedOn: d.closedOn,
  };
}

/** The same inspection holding this problem list. */
export function inspectionWithProblems(i: Inspection, problemIds: readonly string[]): Inspection {
  if (i.status === 'awaiting-notice') {
    if (i.findings !== undefined)
      return {
        seq: i.seq,
        id: i.id,
        deploymentId: i.deploymentId,
        kind: i.kind,
        inspectors: i.inspectors,
        byUnitId: i.byUnitId,
        inspectedUnitIds: i.inspectedUnitIds,
        inspectedOn: i.inspectedOn,
        problemIds,
        findings: i.findings,
        status: 'awaiting-notice',
        noticeDueOn: i.noticeDueOn,
      };
    return {
      seq: i.seq,
      id: i.id,
      deploymentId: i.deploymentId,
      kind: i.kind,
      inspectors: i.inspectors,
      byUnitId: i.byUnitId,
      inspectedUnitIds: i.inspectedUnitIds,
      inspectedOn: i.inspectedOn,
      problemIds,
      status: 'awaiting-notice',
      noticeDueOn: i.noticeDueOn,
    };
  }
  if (i.findings !== undefined)
    return {
      seq: i.seq,
      id: i.id,
      deploymentId: i.deploymentId,
      kind: i.kind,
      inspectors: i.inspectors,
      byUnitId: i.byUnitId,
      inspectedUnitIds: i.inspectedUnitIds,
      inspectedOn: i.inspectedOn,
      problemIds,
      findings: i.findings,
      status: 'notified',
      noticeId: i.noticeId,
      notifiedOn: i.notifiedOn,
    };
  return {
    seq: i.seq,
    id: i.id,
    deploymentId: i.deploymentId,
    kind: i.kind,
    inspectors: i.inspectors,
    byUnitId: i.byUnitId,
    inspectedUnitIds: i.inspectedUnitIds,
    inspectedOn: i.inspectedOn,
    problemIds,
    status: 'notified',
    noticeId: i.noticeId,
    notifiedOn: i.notifiedOn,
  };
}

/** An inspection whose notice was issued. */
export function inspectionNotified(i: Inspection, noticeId: string, notifiedOn: IsoDate): Inspection {
  if (i.findings !== undefined)
    return {
      seq: i.seq,
      id: i.id,
      deploymentId: i.deploymentId,
      kind: i.kind,
      inspectors: i.inspectors,
      byUnitId: i.byUnitId,
      inspectedUnitIds: i.inspectedUnitIds,
      inspectedOn: i.inspectedOn,
      problemIds: i.problemIds,
      findings: i.findings,
      status: 'notified',
      noticeId,
      notifiedOn,
    };
  return {
    seq: i.seq,
    id: i.id,
    deploymentId: i.deploymentId,
    kind: i.kind,
    inspectors: i.inspectors,
    byUnitId: i.byUnitId,
    inspectedUnitIds: i.inspectedUnitIds,
    inspectedOn: i.inspectedOn,
    problemIds: i.problemIds,
    status: 'notified',
    noticeId,
    notifiedOn,
  };
}

/** A problem under the supervision order `orderId` (added to its orders). */
export function problemUnderSupervision(p: Problem, orderId: string): Problem {
  return {
    seq: p.seq,
    id: p.id,
    deploymentId: p.deploymentId,
    inspectionId: p.inspectionId,
    description: p.description,
    unitId: p.unitId,
    supervisingUnitId: p.supervisingUnitId,
    severity: p.severity,
    category: p.category,
    foundOn: p.foundOn,
    recurrence: p.recurrence,
    orderIds: withId(p.orderIds, orderId),
    lookBackIds: p.lookBackIds,
    status: 'under-supervision',
    orderId,
  };
}

/** A problem whose resolution was accepted, awaiting its look-back. */
export function problemResolved(
  p: Problem,
  orderId: string,
  resolutionId: string,
  resolvedOn: IsoDate,
  lookBackDueOn: IsoDate,
): Problem {
  return {
    seq: p.seq,
    id: p.id,
    deploymentId: p.deploymentId,
    inspectionId: p.inspectionId,
    description: p.description,
    unitId: p.unitId,
    supervisingUnitId: p.supervisingUnitId,
    severity: p.severity,
    category: p.category,
    foundOn: p.foundOn,
    recurrence: p.recurrence,
    orderIds: p.orderIds,
    lookBackIds: p.lookBackIds,
    status: 'resolved',
    orderId,
    resolutionId,
    resolvedOn,
    lookBackDueOn,
  };
}

/** A problem whose look-back `lookBackId` passed (added to its look-backs), awaiting strike-off. */
export function problemLookedBack(p: Problem, lookBackId: string, passedOn: IsoDate, strikeOffDueOn: IsoDate): Problem {
  return {
    seq: p.seq,
    id: p.id,
    deploymentId: p.deploymentId,
    inspectionId: p.inspectionId,
    description: p.description,
    unitId: p.unitId,
    supervisingUnitId: p.supervisingUnitId,
    severity: p.severity,
    category: p.category,
    foundOn: p.foundOn,
    recurrence: p.recurrence,
    orderIds: p.orderIds,
    lookBackIds: withId(p.lookBackIds, lookBackId),
    status: 'looked-back',
    lookBackId,
    passedOn,
    strikeOffDueOn,
  };
}

/** A problem reopened by the failed look-back `lookBackId` (its `recurrence` already counted). */
export function problemReopened(
  p: Problem,
  lookBackId: string,
  recurrence: number,
  since: IsoDate,
  orderDueOn: IsoDate,
): Problem {
  return {
    seq: p.seq,
    id: p.id,
    deploymentId: p.deploymentId,
    inspectionId: p.inspectionId,
    description: p.description,
    unitId: p.unitId,
    supervisingUnitId: p.supervisingUnitId,
    severity: p.severity,
    category: p.category,
    foundOn: p.foundOn,
    recurrence,
    orderIds: p.orderIds,
    lookBackIds: withId(p.lookBackIds, lookBackId),
    status: 'awaiting-order',
    since,
    orderDueOn,
  };
}

/** A problem struck off the ledger. */
export function problemStruckOff(p: Problem, lookBackId: string, struckOffOn: IsoDate): Problem {
  return {
    seq: p.seq,
    id: p.id,
    deploymentId: p.deploymentId,
    inspectionId: p.inspectionId,
    description: p.description,
    unitId: p.unitId,
    supervisingUnitId: p.supervisingUnitId,
    severity: p.severity,
    category: p.category,
    foundOn: p.foundOn,
    recurrence: p.recurrence,
    orderIds: p.orderIds,
    lookBackIds: p.lookBackIds,
    status: 'struck-off',
    lookBackId,
    struckOffOn,
  };
}

/** An order open again after review returned its resolution on `returnedOn` (one more return counted). */
export function orderReturned(o: SupervisionOrder, returnedOn: IsoDate): SupervisionOrder {
  return {
    seq: o.seq,
    id: o.id,
    problemId: o.problemId,
    leadUnitId: o.leadUnitId,
    assistingUnitIds: o.assistingUnitIds,
    deadline: o.deadline,
    issuedOn: o.issuedOn,
    dueOn: o.dueOn,
    effectiveDueOn: o.effectiveDueOn,
    extensions: o.extensions,
    returns: o.returns + 1,
    status: 'open',
    returnedOn,
  };
}

/** An order with the resolution `resolutionId` reported, its review owed by `reviewDueOn`. */
export function orderReported(o: SupervisionOrder, resolutionId: string, reviewDueOn: IsoDate): SupervisionOrder {
  return {
    seq: o.seq,
    id: o.id,
    problemId: o.problemId,
    leadUnitId: o.leadUnitId,
    assistingUnitIds: o.assistingUnitIds,
    deadline: o.deadline,
    issuedOn: o.issuedOn,
    dueOn: o.dueOn,
    effectiveDueOn: o.effectiveDueOn,
    extensions: o.extensions,
    returns: o.returns,
    status: 'reported',
    resolutionId,
    reviewDueOn,
  };
}

/**
 * The extensions of an order resolved on `acceptedOn`: a request still pending lapses, since its
 * deadline is settled and `decide-extension` refuses a resolved order; left `requested`, it would
 * wait forever. The list is the same one when nothing was pending (the usual case).
 */
export function extensionsSettled(extensions: readonly Extension[], acceptedOn: IsoDate): readonly Extension[] {
  const last = extensions.at(-1);
  if (last?.status !== 'requested') return extensions;
  const { requestedOn, reason, requestedDueOn } = last;
  const progress = last.progress === undefined ? {} : { progress: last.progress };
  const lapsed: Extension = {
    requestedOn,
    reason,
    requestedDueOn,
    ...progress,
    status: 'lapsed',
    lapsedOn: acceptedOn,
  };
  return [...extensions.slice(0, -1), lapsed];
}

/** An order resolved by the accepted resolution `r`; a pending extension lapses ({@link extensionsSettled}). */
export function orderResolved(o: SupervisionOrder, r: Resolution, acceptedOn: IsoDate): SupervisionOrder {
  return {
    seq: o.seq,
    id: o.id,
    problemId: o.problemId,
    leadUnitId: o.leadUnitId,
    assistingUnitIds: o.assistingUnitIds,
    deadline: o.deadline,
    issuedOn: o.issuedOn,
    dueOn: o.dueOn,
    effectiveDueOn: o.effectiveDueOn,
    extensions: extensionsSettled(o.extensions, acceptedOn),
    returns: o.returns,
    status: 'resolved',
    resolutionId: r.id,
    resolvedOn: r.reportedOn,
    acceptedOn,
    onTime: r.reportedOn <= o.effectiveDueOn,
  };
}

/** A resolution accepted on `acceptedOn`. */
export function resolutionAccepted(r: Resolution, acceptedOn: IsoDate): Resolution {
  return {
    seq: r.seq,
    id: r.id,
    orderId: r.orderId,
    problemId: r.problemId,
    summary: r.summary,
    evidence: r.evidence,
    reportedBy: r.reportedBy,
    reportedOn: r.reportedOn,
    status: 'accepted',
    acceptedOn,
  };
}

/** A resolution returned (退回) on `returnedOn`, with the reason when one was given. */
export function resolutionReturned(r: Resolution, returnedOn: IsoDate, reason: string | undefined): Resolution {
  const rec: Writable<ResolutionBase> & { status: 'returned'; returnedOn: IsoDate; reason?: string } = {
    seq: r.seq,
    id: r.id,
    orderId: r.orderId,
    problemId: r.problemId,
    summary: r.summary,
    evidence: r.evidence,
    reportedBy: r.reportedBy,
    reportedOn: r.reportedOn,
    status: 'returned',
    returnedOn,
  };
  if (reason !== undefined) rec.reason = reason;
  return rec;
}

// New records copy every nested object of the event (a deadline, a list), so the state never
// shares an object with the event log. These leaf copies, and the lists `withId` makes, hold only
// strings and numbers and are never changed again, so they are frozen as they are built, while
// still in cache: `replay`'s final freeze and immer's then skip them instead of walking a million
// small objects later (safe under immer too, as a leaf never holds a draft). Copies are literals:
// a spread copy (`{ ...d.deadline }`) gets a shape that V8 turns into a dictionary when frozen
// (about 190 bytes instead of 44, and a slow freeze). Empty lists are one shared frozen array.

/** The one empty list every record starts with or copies (frozen, so never changed in place). */
const NONE: readonly never[] = /* @__PURE__ */ Object.freeze([]);

/** A frozen copy of a list from an event: the shared empty list, or an array of exactly its length. */
export function copyList<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NONE : Object.freeze(list.slice());
}

/**
 * A frozen list with one more id at the end. Appending builds a new array of exactly the new
 * length (a push would reserve 17 slots for one id, ~190 bytes per list in a million-event state).
 */
export function withId(list: readonly string[], id: string): readonly string[] {
  const n = list.length;
  if (n === 0) return Object.freeze([id]);
  const out = new Array<string>(n + 1);
  for (let k = 0; k < n; k++) out[k] = list[k] as string;
  out[n] = id;
  return Object.freeze(out);
}

function copyDeadline(d: LoopDeadline): LoopDeadline {
  return Object.freeze('workdays' in d ? { workdays: d.workdays } : 'days' in d ? { days: d.days } : { date: d.date });
}

export function newDeployment(d: DeploymentOrdered['deployment'], seq: number): Deployment {
  return {
    seq,
    id: d.id,
    title: d.title,
    source: Object.freeze({ kind: d.source.kind, reference: d.source.reference }),
    orderedBy: d.orderedBy,
    supervisingUnitId: d.supervisingUnitId,
    leadUnitId: d.leadUnitId,
    assistingUnitIds: copyList(d.assistingUnitIds),
    deadline: copyDeadline(d.deadline),
    startOn: d.startOn,
    dueOn: d.dueOn,
    category: d.category,
    priority: d.priority,
    inspectionIds: NONE,
    problemIds: NONE,
    status: 'open',
  };
}

export function newInspection(e: InspectionRecorded, seq: number): Inspection {
  const i = e.inspection;
  if (i.findings !== undefined)
    return {
      seq,
      id: i.id,
      deploymentId: i.deploymentId,
      kind: i.kind,
      inspectors: copyList(i.inspectors),
      byUnitId: i.byUnitId,
      inspectedUnitIds: copyList(i.inspectedUnitIds),
      inspectedOn: i.inspectedOn,
      problemIds: NONE,
      findings: i.findings,
      status: 'awaiting-notice',
      noticeDueOn: e.noticeDueOn,
    };
  return {
    seq,
    id: i.id,
    deploymentId: i.deploymentId,
    kind: i.kind,
    inspectors: copyList(i.inspectors),
    byUnitId: i.byUnitId,
    inspectedUnitIds: copyList(i.inspectedUnitIds),
    inspectedOn: i.inspectedOn,
    problemIds: NONE,
    status: 'awaiting-notice',
    noticeDueOn: e.noticeDueOn,
  };
}

export function newNotice(n: NoticeIssued['notice'], seq: number): Notice {
  const r: Writable<Notice> = {
    seq,
    id: n.id,
    inspectionId: n.inspectionId,
    number: n.number,
    tone: n.tone,
    scope: copyList(n.scope),
    issuedOn: n.issuedOn,
  };
  if (n.summary !== undefined) r.summary = n.summary;
  return r;
}

export function newProblem(e: ProblemRecorded, seq: number): Problem {
  const p = e.problem;
  return {
    seq,
    id: p.id,
    deploymentId: p.deploymentId,
    inspectionId: p.inspectionId,
    description: p.description,
    unitId: p.unitId,
    supervisingUnitId: p.supervisingUnitId,
    severity: p.severity,
    category: p.category,
    foundOn: p.foundOn,
    recurrence: 0,
    orderIds: NONE,
    lookBackIds: NONE,
    status: 'awaiting-order',
    since: p.foundOn,
    orderDueOn: e.orderDueOn,
  };
}

export function newOrder(o: SupervisionOrdered['order'], seq: number): SupervisionOrder {
  return {
    seq,
    id: o.id,
    problemId: o.problemId,
    leadUnitId: o.leadUnitId,
    assistingUnitIds: copyList(o.assistingUnitIds),
    deadline: copyDeadline(o.deadline),
    issuedOn: o.issuedOn,
    dueOn: o.dueOn,
    effectiveDueOn: o.dueOn,
    extensions: NONE,
    returns: 0,
    status: 'open',
  };
}

export function newResolution(r: ResolutionReported['resolution'], seq: number): Resolution {
  return {
    seq,
    id: r.id,
    orderId: r.orderId,
    problemId: r.problemId,
    summary: r.summary,
    evidence: copyList(r.evidence),
    reportedBy: r.reportedBy,
    reportedOn: r.reportedOn,
    status: 'submitted',
  };
}

/** A look-back record; `recurrence` is given for a failed one (the problem's count after reopening). */
export function newLookBack(l: LookBackDetails, seq: number, recurrence?: number): LookBack {
  const { id, problemId, resolutionId, checkedOn, notes } = l;
  const checkedBy = copyList(l.checkedBy);
  if (notes === undefined)
    return recurrence === undefined
      ? { seq, id, problemId, resolutionId, checkedBy, checkedOn, outcome: 'passed' }
      : { seq, id, problemId, resolutionId, checkedBy, checkedOn, outcome: 'failed', recurrence };
  return recurrence === undefined
    ? { seq, id, problemId, resolutionId, checkedBy, checkedOn, notes, outcome: 'passed' }
    : { seq, id, problemId, resolutionId, checkedBy, checkedOn, notes, outcome: 'failed', recurrence };
}
