import type {
  Deployment,
  DeploymentBase,
  Inspection,
  InspectionBase,
  Problem,
  ProblemBase,
  Resolution,
  ResolutionBase,
  SupervisionOrder,
  SupervisionOrderBase,
} from '../state.js';

// A status change builds a new record from the status-free fields, so no field of the old status
// survives into the new one (the unions stay honest) and objects keep one shape.

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
  return {
    seq: i.seq,
    id: i.id,
    deploymentId: i.deploymentId,
    kind: i.kind,
    inspectors: i.inspectors,
    byUnitId: i.byUnitId,
    inspectedUnitIds: i.inspectedUnitIds,
    ...(i.findings === undefined ? {} : { findings: i.findings }),
    inspectedOn: i.inspectedOn,
    problemIds: i.problemIds,
  };
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
