/**
 * Closed-loop replay: 100k deployments with 1M events (ten per deployment, one in ten problems
 * relapsing at its look-back), against a hand-written mutable reducer of the same rules and an
 * XState v5 machine of the per-problem workflow driven by its pure `transition`; then `gaps` and
 * `metrics` over the full state.
 */
import type { Instant, IsoDate, Recorded } from 'shijian/core';
import { addDays, applyEvents, countRecords, fixedContext, replay, workdaysBetween } from 'shijian/core';
import { gaps, type LoopEvent, type LoopState, loopDecider, metrics, problemFlows } from 'shijian/loop';
import { createMachine, initialTransition, type SnapshotFrom, transition } from 'xstate';
import { isMain } from '../examples/_print.js';
import type { BenchRow } from './_harness.js';

const UNITS = ['dept-food', 'dept-drug', 'st-a1', 'st-a2', 'st-b1', 'st-b2'];

/**
 * About ten events per deployment: ordered → inspected → notified → problem → order → resolution →
 * accepted → look-back → (struck off → closed) or, for one in ten, (failed → re-ordered), which keeps
 * the deployment open. Built once per run; the dates come from a table, not from `addDays` per event.
 */
export function loopEvents(deployments: number): Recorded<LoopEvent>[] {
  const out: Recorded<LoopEvent>[] = [];
  const at = '2025-09-01T09:00:00+08:00' as Instant;
  const push = (e: LoopEvent) => out.push({ ...e, seq: out.length + 1, at, actor: 'bench', schemaVersion: 1 });
  const days = Array.from({ length: 360 }, (_, k) => addDays('2025-01-02', k));
  for (let k = 0; k < deployments; k++) {
    const day0 = k % 300;
    const day = days[day0] as IsoDate;
    const dayPlus = (n: number) => days[day0 + n] as IsoDate;
    const unit = UNITS[k % UNITS.length] as string;
    const d = `d${k}`;
    const i = `i${k}`;
    const p = `p${k}`;
    push({
      type: 'deployment-ordered',
      deployment: {
        id: d,
        title: '部署',
        source: { kind: 'document', reference: '文' },
        orderedBy: '局长',
        supervisingUnitId: 'office',
        leadUnitId: unit,
        assistingUnitIds: [],
        deadline: { workdays: 20 },
        startOn: day,
        dueOn: dayPlus(28),
        category: '食品',
        priority: 'normal',
      },
    });
    push({
      type: 'inspection-recorded',
      inspection: {
        id: i,
        deploymentId: d,
        kind: 'frontline',
        inspectors: ['甲'],
        byUnitId: 'office',
        inspectedUnitIds: [unit],
        inspectedOn: dayPlus(5),
      },
      noticeDueOn: dayPlus(12),
    });
    push({
      type: 'notice-issued',
      notice: { id: `n${k}`, inspectionId: i, number: `N${k}`, tone: 'mixed', scope: [], issuedOn: dayPlus(6) },
    });
    push({
      type: 'problem-recorded',
      problem: {
        id: p,
        deploymentId: d,
        inspectionId: i,
        description: '问题',
        unitId: unit,
        supervisingUnitId: 'office',
        severity: 'general',
        category: '食品',
        foundOn: dayPlus(5),
      },
      orderDueOn: dayPlus(8),
    });
    push({
      type: 'supervision-ordered',
      order: {
        id: `o${k}`,
        problemId: p,
        leadUnitId: unit,
        assistingUnitIds: [],
        deadline: { workdays: 5 },
        issuedOn: dayPlus(7),
        dueOn: dayPlus(14),
      },
    });
    push({
      type: 'resolution-reported',
      resolution: {
        id: `r${k}`,
        orderId: `o${k}`,
        problemId: p,
        summary: '已整改',
        evidence: [],
        reportedBy: '所长',
        reportedOn: dayPlus(12 + (k % 5)),
      },
    });
    push({
      type: 'resolution-accepted',
      resolutionId: `r${k}`,
      acceptedOn: dayPlus(17),
      lookBackDueOn: dayPlus(47),
    });
    const lookBack = {
      id: `l${k}`,
      problemId: p,
      resolutionId: `r${k}`,
      checkedBy: ['乙'],
      checkedOn: dayPlus(45),
    };
    if (k % 10 === 9) {
      push({ type: 'look-back-failed', lookBack, orderDueOn: dayPlus(50) });
      push({
        type: 'supervision-ordered',
        order: {
          id: `o${k}b`,
          problemId: p,
          leadUnitId: unit,
          assistingUnitIds: [],
          deadline: { workdays: 5 },
          issuedOn: dayPlus(46),
          dueOn: dayPlus(53),
        },
      });
      // a relapsed problem keeps its deployment open
    } else {
      push({ type: 'look-back-passed', lookBack, strikeOffDueOn: dayPlus(52) });
      push({ type: 'problem-struck-off', problemId: p, struckOffOn: dayPlus(46) });
      push({ type: 'deployment-closed', deploymentId: d, closedOn: dayPlus(47) });
    }
  }
  return out;
}

type ProblemStage = 'awaiting-order' | 'under-supervision' | 'reported' | 'resolved' | 'looked-back' | 'struck-off';

/** A record of the hand-written baseline: every field of shijian's records, mutable, statuses as plain fields. */
interface Rec {
  id: string;
  seq: number;
  status: string;
  [field: string]: unknown;
}
interface Lists {
  inspectionIds: string[];
  problemIds: string[];
  orderIds: string[];
  lookBackIds: string[];
  recurrence: number;
}

/**
 * The hand-written baseline: a plain mutable reducer over Maps that keeps the same records as
 * shijian's state (every field, nested lists copied from the event, built as object literals) and
 * changes a status by assigning fields in place, with no status unions, no freezing and no tables.
 */
export function recordsReplay(events: readonly Recorded<LoopEvent>[]) {
  const deployments = new Map<string, Rec & Pick<Lists, 'inspectionIds' | 'problemIds'>>();
  const inspections = new Map<string, Rec & Pick<Lists, 'problemIds'>>();
  const notices = new Map<string, Rec>();
  const noticeNumbers = new Map<string, string>();
  const problems = new Map<string, Rec & Pick<Lists, 'orderIds' | 'lookBackIds' | 'recurrence'>>();
  const orders = new Map<string, Rec & { effectiveDueOn: IsoDate }>();
  const resolutions = new Map<string, Rec & { orderId: string; problemId: string; reportedOn: IsoDate }>();
  const lookBacks = new Map<string, Rec>();
  const get = <T>(m: Map<string, T>, id: string): T => {
    const r = m.get(id);
    if (r === undefined) throw new Error(`unknown ${id}`);
    return r;
  };
  for (const e of events) {
    switch (e.type) {
      case 'deployment-ordered': {
        const d = e.deployment;
        deployments.set(d.id, {
          seq: e.seq,
          id: d.id,
          title: d.title,
          source: { kind: d.source.kind, reference: d.source.reference },
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
        });
        break;
      }
      case 'inspection-recorded': {
        const i = e.inspection;
        inspections.set(i.id, {
          seq: e.seq,
          id: i.id,
          deploymentId: i.deploymentId,
          kind: i.kind,
          inspectors: i.inspectors.slice(),
          byUnitId: i.byUnitId,
          inspectedUnitIds: i.inspectedUnitIds.slice(),
          findings: i.findings,
          inspectedOn: i.inspectedOn,
          problemIds: [],
          status: 'awaiting-notice',
          noticeDueOn: e.noticeDueOn,
        });
        get(deployments, i.deploymentId).inspectionIds.push(i.id);
        break;
      }
      case 'notice-issued': {
        const n = e.notice;
        notices.set(n.id, {
          seq: e.seq,
          id: n.id,
          inspectionId: n.inspectionId,
          number: n.number,
          tone: n.tone,
          scope: n.scope.slice(),
          summary: n.summary,
          issuedOn: n.issuedOn,
          status: 'issued',
        });
        noticeNumbers.set(n.number, n.id);
        const i = get(inspections, n.inspectionId);
        i.status = 'notified';
        i.noticeId = n.id;
        i.notifiedOn = n.issuedOn;
        break;
      }
      case 'problem-recorded': {
        const p = e.problem;
        problems.set(p.id, {
          seq: e.seq,
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
        });
        get(inspections, p.inspectionId).problemIds.push(p.id);
        get(deployments, p.deploymentId).problemIds.push(p.id);
        break;
      }
      case 'supervision-ordered': {
        const o = e.order;
        orders.set(o.id, {
          seq: e.seq,
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
        });
        const p = get(problems, o.problemId);
        p.orderIds.push(o.id);
        p.status = 'under-supervision';
        p.orderId = o.id;
        break;
      }
      case 'resolution-reported': {
        const r = e.resolution;
        resolutions.set(r.id, {
          seq: e.seq,
          id: r.id,
          orderId: r.orderId,
          problemId: r.problemId,
          summary: r.summary,
          evidence: r.evidence.slice(),
          reportedBy: r.reportedBy,
          reportedOn: r.reportedOn,
          status: 'submitted',
        });
        const o = get(orders, r.orderId);
        o.status = 'reported';
        o.resolutionId = r.id;
        break;
      }
      case 'resolution-accepted': {
        const r = get(resolutions, e.resolutionId);
        r.status = 'accepted';
        r.acceptedOn = e.acceptedOn;
        const o = get(orders, r.orderId);
        o.status = 'resolved';
        o.resolvedOn = r.reportedOn;
        o.acceptedOn = e.acceptedOn;
        o.onTime = r.reportedOn <= o.effectiveDueOn;
        const p = get(problems, r.problemId);
        p.status = 'resolved';
        p.resolutionId = r.id;
        p.resolvedOn = e.acceptedOn;
        p.lookBackDueOn = e.lookBackDueOn;
        break;
      }
      case 'look-back-passed':
      case 'look-back-failed': {
        const l = e.lookBack;
        const p = get(problems, l.problemId);
        p.lookBackIds.push(l.id);
        const failed = e.type === 'look-back-failed';
        if (failed) p.recurrence++;
        lookBacks.set(l.id, {
          seq: e.seq,
          id: l.id,
          problemId: l.problemId,
          resolutionId: l.resolutionId,
          checkedBy: l.checkedBy.slice(),
          checkedOn: l.checkedOn,
          notes: l.notes,
          status: failed ? 'failed' : 'passed',
          recurrence: p.recurrence,
        });
        if (e.type === 'look-back-passed') {
          p.status = 'looked-back';
          p.lookBackId = l.id;
          p.passedOn = l.checkedOn;
          p.strikeOffDueOn = e.strikeOffDueOn;
        } else {
          p.status = 'awaiting-order';
          p.since = l.checkedOn;
          p.orderDueOn = e.orderDueOn;
        }
        break;
      }
      case 'problem-struck-off': {
        const p = get(problems, e.problemId);
        p.status = 'struck-off';
        p.struckOffOn = e.struckOffOn;
        break;
      }
      case 'deployment-closed': {
        const d = get(deployments, e.deploymentId);
        d.status = 'closed';
        d.closedOn = e.closedOn;
        break;
      }
      default:
        break;
    }
  }
  return { deployments, inspections, notices, noticeNumbers, problems, orders, resolutions, lookBacks };
}

/** The first baseline: a mutable reducer that keeps only the few fields the workflow needs. */
function mutableReplay(events: readonly Recorded<LoopEvent>[]) {
  const deployments = new Map<string, { id: string; lead: string; status: 'open' | 'closed'; inspections: string[] }>();
  const inspections = new Map<string, { id: string; notified: boolean }>();
  const problems = new Map<
    string,
    { id: string; unit: string; stage: ProblemStage; recurrence: number; orders: string[] }
  >();
  const orders = new Map<
    string,
    { id: string; problemId: string; dueOn: IsoDate; status: 'open' | 'reported' | 'resolved' }
  >();
  const resolutions = new Map<string, { orderId: string; problemId: string; status: string }>();
  for (const e of events) {
    switch (e.type) {
      case 'deployment-ordered':
        deployments.set(e.deployment.id, {
          id: e.deployment.id,
          lead: e.deployment.leadUnitId,
          status: 'open',
          inspections: [],
        });
        break;
      case 'inspection-recorded':
        inspections.set(e.inspection.id, { id: e.inspection.id, notified: false });
        deployments.get(e.inspection.deploymentId)?.inspections.push(e.inspection.id);
        break;
      case 'notice-issued': {
        const i = inspections.get(e.notice.inspectionId);
        if (i) i.notified = true;
        break;
      }
      case 'problem-recorded':
        problems.set(e.problem.id, {
          id: e.problem.id,
          unit: e.problem.unitId,
          stage: 'awaiting-order',
          recurrence: 0,
          orders: [],
        });
        break;
      case 'supervision-ordered': {
        orders.set(e.order.id, { id: e.order.id, problemId: e.order.problemId, dueOn: e.order.dueOn, status: 'open' });
        const p = problems.get(e.order.problemId);
        if (p) {
          p.stage = 'under-supervision';
          p.orders.push(e.order.id);
        }
        break;
      }
      case 'resolution-reported': {
        resolutions.set(e.resolution.id, {
          orderId: e.resolution.orderId,
          problemId: e.resolution.problemId,
          status: 'submitted',
        });
        const o = orders.get(e.resolution.orderId);
        if (o) o.status = 'reported';
        break;
      }
      case 'resolution-accepted': {
        const r = resolutions.get(e.resolutionId);
        if (!r) break;
        r.status = 'accepted';
        const o = orders.get(r.orderId);
        if (o) o.status = 'resolved';
        const p = problems.get(r.problemId);
        if (p) p.stage = 'resolved';
        break;
      }
      case 'look-back-passed': {
        const p = problems.get(e.lookBack.problemId);
        if (p) p.stage = 'looked-back';
        break;
      }
      case 'look-back-failed': {
        const p = problems.get(e.lookBack.problemId);
        if (p) {
          p.stage = 'awaiting-order';
          p.recurrence++;
        }
        break;
      }
      case 'problem-struck-off': {
        const p = problems.get(e.problemId);
        if (p) p.stage = 'struck-off';
        break;
      }
      case 'deployment-closed': {
        const d = deployments.get(e.deploymentId);
        if (d) d.status = 'closed';
        break;
      }
      default:
        break;
    }
  }
  return { deployments, inspections, problems, orders, resolutions };
}

const problemMachine = createMachine({
  id: 'problem',
  initial: 'awaitingOrder',
  context: { recurrence: 0 },
  states: {
    awaitingOrder: { on: { 'supervision-ordered': 'underSupervision' } },
    underSupervision: { on: { 'resolution-reported': 'reported' } },
    reported: { on: { 'resolution-accepted': 'resolved', 'resolution-returned': 'underSupervision' } },
    resolved: { on: { 'look-back-passed': 'lookedBack', 'look-back-failed': 'awaitingOrder' } },
    lookedBack: { on: { 'problem-struck-off': 'struckOff' } },
    struckOff: { type: 'final' },
  },
});
type ProblemSnapshot = SnapshotFrom<typeof problemMachine>;

/** The per-problem workflow as an XState v5 machine, one snapshot per problem, advanced by the pure `transition`. */
function xstateReplay(events: readonly Recorded<LoopEvent>[]) {
  const snapshots = new Map<string, ProblemSnapshot>();
  const orderProblem = new Map<string, string>();
  const resolutionProblem = new Map<string, string>();
  const step = (problemId: string | undefined, type: string) => {
    if (problemId === undefined) return;
    const s = snapshots.get(problemId);
    if (s) snapshots.set(problemId, transition(problemMachine, s, { type })[0]);
  };
  for (const e of events) {
    switch (e.type) {
      case 'problem-recorded':
        snapshots.set(e.problem.id, initialTransition(problemMachine)[0]);
        break;
      case 'supervision-ordered':
        orderProblem.set(e.order.id, e.order.problemId);
        step(e.order.problemId, e.type);
        break;
      case 'resolution-reported':
        resolutionProblem.set(e.resolution.id, e.resolution.problemId);
        step(e.resolution.problemId, e.type);
        break;
      case 'resolution-accepted':
      case 'resolution-returned':
        step(resolutionProblem.get(e.resolutionId), e.type);
        break;
      case 'look-back-passed':
      case 'look-back-failed':
        step(e.lookBack.problemId, e.type);
        break;
      case 'problem-struck-off':
        step(e.problemId, e.type);
        break;
      default:
        break;
    }
  }
  return snapshots;
}

/** Full GC when node runs with --expose-gc (npm run bench does). */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Heap in use, in MB, after two full GCs. */
function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * Median milliseconds of each function, calling them in turn round after round (after a warm-up
 * round unless the code is already warm) so that the load of a shared machine falls on all of them
 * alike. A full GC runs before each timed call and no result outlives its call, so no function
 * pays for another's garbage or marks another's retained state.
 */
function interleaved<K extends string>(fns: Record<K, () => unknown>, rounds: number, warmUp = true) {
  const samples = {} as Record<K, number[]>;
  const keys = Object.keys(fns) as K[];
  for (const k of keys) samples[k] = [];
  let sink = 0;
  for (let r = warmUp ? 0 : 1; r <= rounds; r++)
    for (const k of keys) {
      gc();
      const start = performance.now();
      const out = fns[k]();
      const ms = performance.now() - start;
      if (out !== undefined) sink++;
      if (r > 0) samples[k].push(ms);
    }
  if (sink < 0) throw new Error('unreachable');
  const ms = {} as Record<K, number>;
  for (const k of keys) ms[k] = (samples[k].sort((a, b) => a - b)[Math.floor(samples[k].length / 2)] as number) ?? 0;
  return { ms };
}

/** Each deployment's own log (its problem's whole lifecycle and the records around it), numbered from 1. */
function lifecycles(events: readonly Recorded<LoopEvent>[]): Recorded<LoopEvent>[][] {
  const out: Recorded<LoopEvent>[][] = [];
  for (const e of events) {
    if (e.type === 'deployment-ordered') out.push([]);
    const log = out[out.length - 1] as Recorded<LoopEvent>[];
    log.push({ ...e, seq: log.length + 1 });
  }
  return out;
}

const PROBLEM_STEPS = new Set([
  'supervision-ordered',
  'resolution-reported',
  'resolution-accepted',
  'resolution-returned',
  'look-back-passed',
  'look-back-failed',
  'problem-struck-off',
]);

/** One problem from recorded to its last step as an XState snapshot: `initialTransition`, then `transition` per step. */
function xstateLifecycle(steps: readonly { type: string }[]): ProblemSnapshot {
  let snapshot = initialTransition(problemMachine)[0];
  for (const step of steps) snapshot = transition(problemMachine, snapshot, step)[0];
  return snapshot;
}

/**
 * The per-problem workflow on both sides, one problem at a time: XState advances one snapshot per
 * problem through its steps; shijian replays that problem's own log with the public `replay`.
 */
export function perProblemRows(events: readonly Recorded<LoopEvent>[]): BenchRow[] {
  const logs = lifecycles(events);
  const steps = logs.map((log) => log.filter((e) => PROBLEM_STEPS.has(e.type)).map((e) => ({ type: e.type })));
  const transitions = steps.reduce((n, s) => n + s.length + 1, 0);
  const t = interleaved(
    {
      shijian: () => {
        let last: LoopState | undefined;
        for (const log of logs) last = replay(loopDecider, log);
        return last;
      },
      unfrozen: () => {
        let last: LoopState | undefined;
        for (const log of logs) last = replay(loopDecider, log, { freeze: false });
        return last;
      },
      flow: () => {
        let stages = 0;
        for (const log of logs) {
          const r = problemFlows(log);
          if (r.ok) stages += r.value.size;
        }
        return stages;
      },
      xstate: () => {
        let last: ProblemSnapshot | undefined;
        for (const s of steps) last = xstateLifecycle(s);
        return last;
      },
    },
    3,
  ).ms;
  // the stages both sides reach must agree, or the comparison means nothing
  for (const [k, log] of logs.entries()) {
    const r = problemFlows(log);
    const ours = r.ok ? [...r.value.values()][0]?.stage : 'refused';
    const theirs = String(xstateLifecycle(steps[k] as { type: string }[]).value);
    if (XSTATE_STAGE[theirs] !== ours) throw new Error(`problem ${k}: problemFlows says ${ours}, XState ${theirs}`);
  }
  const perSec = (ms: number, n: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
  const full: BenchRow = {
    workload: 'loop per-problem workflow, one problem at a time (full records)',
    n: logs.length,
    shijianMs: t.shijian,
    peerMs: t.xstate,
    peer: 'xstate 5 transition()',
    note: [
      `shijian: replay() of each problem's own log (${logs.reduce((n, l) => n + l.length, 0).toLocaleString('en')} events: the problem's steps plus its deployment, inspection and notice), building and freezing every record`,
      `XState: initialTransition + transition() per step (${transitions.toLocaleString('en')} calls), a snapshot holding only the state value`,
      `${perSec(t.shijian, logs.length)} vs ${perSec(t.xstate, logs.length)} problems/s`,
      `with { freeze: false } ${t.unfrozen.toFixed(1)} ms (${(t.xstate / t.unfrozen).toFixed(1)}× XState); each problem's state is 8 tables, 8 prototype-less shards and ~35 objects`,
    ].join('; '),
  };
  const stageOnly: BenchRow = {
    workload: 'loop per-problem workflow, one problem at a time (stage only: problemFlows)',
    n: logs.length,
    shijianMs: t.flow,
    peerMs: t.xstate,
    peer: 'xstate 5 transition()',
    note: [
      `shijian: problemFlows() of each problem's own log (the same ${logs.reduce((n, l) => n + l.length, 0).toLocaleString('en')} events; non-step events passed over; each step checked against PROBLEM_FLOW, a refusal coded), keeping stage, recurrence and step count`,
      `XState: the same machine and calls as the row above, keeping the state value`,
      `both reach the same final stage for every problem (checked)`,
      `${perSec(t.flow, logs.length)} vs ${perSec(t.xstate, logs.length)} problems/s`,
    ].join('; '),
  };
  return [full, stageOnly];
}

/** XState's state values as shijian's stage names, to check that both sides end in the same place. */
const XSTATE_STAGE: Readonly<Record<string, string>> = {
  awaitingOrder: 'awaiting-order',
  underSupervision: 'under-supervision',
  reported: 'awaiting-review',
  resolved: 'resolved',
  lookedBack: 'looked-back',
  struckOff: 'struck-off',
};

/** The broken links of the baseline's records on `now`, by the same rules as `gaps`, sorted alike. */
function baselineGaps(b: ReturnType<typeof recordsReplay>, now: IsoDate, late: (from: IsoDate) => number) {
  const out: { link: string; recordId: string; dueOn: IsoDate; owedBy: string; lateWorkdays: number }[] = [];
  const add = (link: string, recordId: string, dueOn: unknown, owedBy: unknown) => {
    if ((dueOn as IsoDate) < now)
      out.push({
        link,
        recordId,
        dueOn: dueOn as IsoDate,
        owedBy: owedBy as string,
        lateWorkdays: late(dueOn as IsoDate),
      });
  };
  for (const d of b.deployments.values())
    if (d.status === 'open' && d.inspectionIds.length === 0) add('inspection', d.id, d.dueOn, d.supervisingUnitId);
  for (const i of b.inspections.values())
    if (i.status === 'awaiting-notice') add('notice', i.id, i.noticeDueOn, i.byUnitId);
  for (const p of b.problems.values()) {
    if (p.status === 'awaiting-order') add('supervision', p.id, p.orderDueOn, p.supervisingUnitId);
    else if (p.status === 'resolved') add('look-back', p.id, p.lookBackDueOn, p.supervisingUnitId);
    else if (p.status === 'looked-back') add('strike-off', p.id, p.strikeOffDueOn, p.supervisingUnitId);
  }
  for (const o of b.orders.values()) if (o.status === 'open') add('resolution', o.id, o.effectiveDueOn, o.leadUnitId);
  return out.sort((x, y) =>
    x.dueOn !== y.dueOn ? (x.dueOn < y.dueOn ? -1 : 1) : x.recordId < y.recordId ? -1 : x.recordId > y.recordId ? 1 : 0,
  );
}

/**
 * A read model kept current: one more event folded into a state by `applyEvents` (structural sharing) and by
 * `replay(…, { from })` (which copies the state first).
 */
export function incrementalRows(events: readonly Recorded<LoopEvent>[]): BenchRow[] {
  const head = replay(loopDecider, events.slice(0, -1));
  const last = events.slice(-1);
  const t = interleaved(
    {
      apply: () => applyEvents(loopDecider, head, last),
      from: () => replay(loopDecider, last, { from: head }),
    },
    5,
  ).ms;
  return [
    {
      workload: 'loop read model: one more event (applyEvents)',
      n: events.length,
      shijianMs: t.apply,
      note: `on the state of the ${(events.length - 1).toLocaleString('en')} events before it; replay(…, { from }) of the same event ${t.from.toFixed(1)} ms (${(t.from / t.apply).toFixed(0)}× longer: it copies the state first)`,
    },
  ];
}

/** `gaps` (first call and cached) and `metrics` over the full state, `gaps` against the baseline's records. */
function queryRows(state: LoopState, base: ReturnType<typeof recordsReplay>): BenchRow[] {
  const ctx = fixedContext({ now: '2025-12-31T09:00:00+08:00' });
  const now: IsoDate = '2025-12-31';
  // a shallow copy is a new state object, so `gaps` cannot reuse the owed links cached for `state`
  const cold = interleaved(
    {
      shijian: () => gaps({ ...state }, ctx),
      baseline: () => {
        const memo = new Map<IsoDate, number>();
        const late = (from: IsoDate) => {
          let v = memo.get(from);
          if (v === undefined) {
            v = workdaysBetween(from, now);
            memo.set(from, v);
          }
          return v;
        };
        return baselineGaps(base, now, late);
      },
    },
    3,
  );
  const warm = interleaved({ shijian: () => gaps(state, ctx) }, 3).ms.shijian;
  const metricsMs = interleaved(
    { shijian: () => metrics(state, ctx, { from: '2025-01-01', to: '2025-12-31', groupBy: 'unit' }) },
    3,
  ).ms.shijian;
  return [
    {
      workload: 'loop gaps (full state, first call)',
      n: countRecords(state.deployments),
      shijianMs: cold.ms.shijian,
      baselineMs: cold.ms.baseline,
      note: `${gaps(state, ctx).length} gaps; ${warm.toFixed(2)} ms when asked again of the same state (owed links cached)`,
    },
    { workload: 'loop metrics by unit (full state)', n: countRecords(state.deployments), shijianMs: metricsMs },
  ];
}

export async function run(): Promise<BenchRow[]> {
  const big = loopEvents(100_000);
  // the first tenth of the same log: 10k deployments, each through its whole loop
  const small = big.slice(0, big.length / 10);
  const a = interleaved(
    {
      shijian: () => replay(loopDecider, small),
      records: () => recordsReplay(small),
      slim: () => mutableReplay(small),
    },
    5,
  ).ms;
  // XState is the slowest by far: one round at 100k, warmed up on a tenth of it, and not run at 1M
  xstateReplay(small.slice(0, small.length / 10));
  const xstateMs = interleaved({ xstate: () => xstateReplay(small) }, 1, false).ms.xstate;
  const flowsMs = interleaved({ flows: () => problemFlows(small) }, 5).ms.flows;
  // the first 2,000 problems: XState takes a few hundred ms for them
  const incremental = incrementalRows(small);
  const perProblem = perProblemRows(
    small.slice(
      0,
      small.findIndex((e) => e.type === 'deployment-ordered' && e.deployment.id === 'd2000'),
    ),
  );
  // five rounds at 1M (medians: one round varies by ±20% with the GC on a 2-core machine), the code
  // already warm from the rounds at 100k
  const b = interleaved(
    {
      shijian: () => replay(loopDecider, big),
      unfrozen: () => replay(loopDecider, big, { freeze: false }),
      records: () => recordsReplay(big),
      slim: () => mutableReplay(big),
    },
    5,
    false,
  ).ms;
  // the heap each state holds, both kept alive, measured alike
  const before = heapMb();
  const state = replay(loopDecider, big);
  const afterState = heapMb();
  const base = recordsReplay(big);
  const afterBase = heapMb();
  const stateMb = afterState - before;
  const baseMb = afterBase - afterState;
  const queries = queryRows(state, base);
  const xstateRate = small.length / (xstateMs / 1000);
  const rate = big.length / (b.shijian / 1000);
  return [
    {
      workload: 'loop replay (events)',
      n: small.length,
      shijianMs: a.shijian,
      baselineMs: a.records,
      peerMs: xstateMs,
      peer: 'xstate 5 transition()',
      note: `baseline: a mutable reducer keeping the same records in Maps; peer: the whole log routed to one XState snapshot per problem; ${(a.shijian / a.slim).toFixed(2)}× a slim reducer keeping only the workflow's fields`,
    },
    {
      workload: 'loop problem flows, whole log (stage only: problemFlows)',
      n: small.length,
      shijianMs: flowsMs,
      peerMs: xstateMs,
      peer: 'xstate 5 transition()',
      note: "the same log and routing as the row above, keeping each problem's stage (and recurrence, step count) instead of every record; steps checked against PROBLEM_FLOW",
    },
    {
      workload: 'loop replay (events)',
      n: big.length,
      shijianMs: b.shijian,
      baselineMs: b.records,
      note: [
        `growth t(1M)/t(100k) = ${(b.shijian / a.shijian).toFixed(2)} (baseline ${(b.records / a.records).toFixed(2)})`,
        `heap held after GC: state ${stateMb.toFixed(0)} MB, baseline's records ${baseMb.toFixed(0)} MB (${(stateMb / baseMb).toFixed(2)}×)`,
        `${Math.round(rate).toLocaleString('en')} events/s, ${(rate / xstateRate).toFixed(1)}× XState's rate at 100k (XState not run at 1M)`,
        `${(b.shijian / b.slim).toFixed(2)}× the slim reducer`,
      ].join('; '),
    },
    {
      workload: 'loop replay, result not frozen ({ freeze: false })',
      n: big.length,
      shijianMs: b.unfrozen,
      baselineMs: b.records,
    },
    ...perProblem,
    ...incremental,
    ...queries,
  ];
}

if (isMain(import.meta.url)) run().then((r) => console.table(r));
