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
  DeploymentBase,
  Inspection,
  InspectionBase,
  LookBack,
  Notice,
  Problem,
  ProblemBase,
  Resolution,
  ResolutionBase,
  SupervisionOrder,
  SupervisionOrderBase,
} from '../state.js';

// A status change builds a new record from the status-free fields, so no field of the old status
// survives into the new one (the unions stay honest) and objects keep one shape. The records are
// built as object literals, never with a spread followed by more fields: V8 copies a spread
// object's shape and then makes each added field a slow-path store (about 20× the cost of a literal,
// measured on 1M replayed events), which made replay allocation- and GC-bound.

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * The record of a new status: the status-free fields `base` (a fresh object from one of the
 * `…Base` builders below) plus the new status's own fields.
 */
export function become<B extends object, T extends object>(base: B, tail: T): B & T {
  return Object.assign(base, tail);
}

export function deploymentBase(d: Deployment): DeploymentBase {
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
  };
}

export function inspectionBase(i: Inspection): InspectionBase {
  const r: Writable<InspectionBase> = {
    seq: i.seq,
    id: i.id,
    deploymentId: i.deploymentId,
    kind: i.kind,
    inspectors: i.inspectors,
    byUnitId: i.byUnitId,
    inspectedUnitIds: i.inspectedUnitIds,
    inspectedOn: i.inspectedOn,
    problemIds: i.problemIds,
  };
  if (i.findings !== undefined) r.findings = i.findings;
  return r;
}

export function problemBase(p: Problem): ProblemBase {
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
  };
}

export function orderBase(o: SupervisionOrder): SupervisionOrderBase {
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
  };
}

export function resolutionBase(r: Resolution): ResolutionBase {
  return {
    seq: r.seq,
    id: r.id,
    orderId: r.orderId,
    problemId: r.problemId,
    summary: r.summary,
    evidence: r.evidence,
    reportedBy: r.reportedBy,
    reportedOn: r.reportedOn,
  };
}

// New records copy every nested object of the event (a deadline, a list), so the state never
// shares an object with the event log.

export function newDeployment(d: DeploymentOrdered['deployment'], seq: number): Deployment {
  return {
    seq,
    id: d.id,
    title: d.title,
    source: { ...d.source },
    orderedBy: d.orderedBy,
    supervisingUnitId: d.supervisingUnitId,
    leadUnitId: d.leadUnitId,
    assistingUnitIds: d.assistingUnitIds.slice(),
    deadline: { ...d.deadline },
    startOn: d.startOn,
    dueOn: d.dueOn,
    category: d.category,
    priority: d.priority,
    inspectionIds: [],
    problemIds: [],
    status: 'open',
  };
}

export function newInspection(e: InspectionRecorded, seq: number): Inspection {
  const i = e.inspection;
  const r: Writable<InspectionBase> & { status: 'awaiting-notice'; noticeDueOn: IsoDate } = {
    seq,
    id: i.id,
    deploymentId: i.deploymentId,
    kind: i.kind,
    inspectors: i.inspectors.slice(),
    byUnitId: i.byUnitId,
    inspectedUnitIds: i.inspectedUnitIds.slice(),
    inspectedOn: i.inspectedOn,
    problemIds: [],
    status: 'awaiting-notice',
    noticeDueOn: e.noticeDueOn,
  };
  if (i.findings !== undefined) r.findings = i.findings;
  return r;
}

export function newNotice(n: NoticeIssued['notice'], seq: number): Notice {
  const r: Writable<Notice> = {
    seq,
    id: n.id,
    inspectionId: n.inspectionId,
    number: n.number,
    tone: n.tone,
    scope: n.scope.slice(),
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
    orderIds: [],
    lookBackIds: [],
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
    assistingUnitIds: o.assistingUnitIds.slice(),
    deadline: { ...o.deadline },
    issuedOn: o.issuedOn,
    dueOn: o.dueOn,
    effectiveDueOn: o.dueOn,
    extensions: [],
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
    evidence: r.evidence.slice(),
    reportedBy: r.reportedBy,
    reportedOn: r.reportedOn,
    status: 'submitted',
  };
}

/** A look-back record; `recurrence` is given for a failed one (the problem's count after reopening). */
export function newLookBack(l: LookBackDetails, seq: number, recurrence?: number): LookBack {
  const r: Writable<Omit<LookBack, 'outcome'>> = {
    seq,
    id: l.id,
    problemId: l.problemId,
    resolutionId: l.resolutionId,
    checkedBy: l.checkedBy.slice(),
    checkedOn: l.checkedOn,
  };
  if (l.notes !== undefined) r.notes = l.notes;
  return recurrence === undefined
    ? become(r, { outcome: 'passed' as const })
    : become(r, { outcome: 'failed' as const, recurrence });
}
