/**
 * Closed-loop replay: 100k deployments with 1M events (ten per deployment, one in ten problems
 * relapsing at its look-back), against a hand-written mutable reducer of the same rules and an
 * XState v5 machine of the per-problem workflow driven by its pure `transition`; then `gaps` and
 * `metrics` over the full state.
 */
import type { Instant, IsoDate, Recorded } from 'shijian/core';
import { addDays, fixedContext, replay } from 'shijian/core';
import { gaps, type LoopEvent, loopDecider, metrics } from 'shijian/loop';
import { createMachine, initialTransition, type SnapshotFrom, transition } from 'xstate';
import { isMain } from '../examples/_print.js';
import { type BenchRow, time } from './_harness.js';

const UNITS = ['dept-food', 'dept-drug', 'st-a1', 'st-a2', 'st-b1', 'st-b2'];

/** Ten events per deployment: ordered → inspected → notified → problem → order → resolution → accepted → look-back → (struck off → closed) or (failed → re-ordered). */
export function loopEvents(deployments: number): Recorded<LoopEvent>[] {
  const out: Recorded<LoopEvent>[] = [];
  const at = '2025-09-01T09:00:00+08:00' as Instant;
  const push = (e: LoopEvent) => out.push({ ...e, seq: out.length + 1, at, actor: 'bench', schemaVersion: 1 });
  for (let k = 0; k < deployments; k++) {
    const day = addDays('2025-01-02', k % 300);
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
        dueOn: addDays(day, 28),
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
        inspectedOn: addDays(day, 5),
      },
      noticeDueOn: addDays(day, 12),
    });
    push({
      type: 'notice-issued',
      notice: { id: `n${k}`, inspectionId: i, number: `N${k}`, tone: 'mixed', scope: [], issuedOn: addDays(day, 6) },
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
        foundOn: addDays(day, 5),
      },
      orderDueOn: addDays(day, 8),
    });
    push({
      type: 'supervision-ordered',
      order: {
        id: `o${k}`,
        problemId: p,
        leadUnitId: unit,
        assistingUnitIds: [],
        deadline: { workdays: 5 },
        issuedOn: addDays(day, 7),
        dueOn: addDays(day, 14),
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
        reportedOn: addDays(day, 12 + (k % 5)),
      },
    });
    push({
      type: 'resolution-accepted',
      resolutionId: `r${k}`,
      acceptedOn: addDays(day, 17),
      lookBackDueOn: addDays(day, 47),
    });
    const lookBack = {
      id: `l${k}`,
      problemId: p,
      resolutionId: `r${k}`,
      checkedBy: ['乙'],
      checkedOn: addDays(day, 45),
    };
    if (k % 10 === 9) {
      push({ type: 'look-back-failed', lookBack, orderDueOn: addDays(day, 50) });
      push({
        type: 'supervision-ordered',
        order: {
          id: `o${k}b`,
          problemId: p,
          leadUnitId: unit,
          assistingUnitIds: [],
          deadline: { workdays: 5 },
          issuedOn: addDays(day, 46),
          dueOn: addDays(day, 53),
        },
      });
    } else {
      push({ type: 'look-back-passed', lookBack, strikeOffDueOn: addDays(day, 52) });
      push({ type: 'problem-struck-off', problemId: p, struckOffOn: addDays(day, 46) });
    }
    push({ type: 'deployment-closed', deploymentId: d, closedOn: addDays(day, 47) });
  }
  // a relapsed problem keeps its deployment open: drop the closing events of those
  return renumber(out.filter((e) => !(e.type === 'deployment-closed' && e.deploymentId.endsWith('9'))));
}

function renumber(events: Recorded<LoopEvent>[]): Recorded<LoopEvent>[] {
  return events.map((e, k) => ({ ...e, seq: k + 1 }));
}

type ProblemStage = 'awaiting-order' | 'under-supervision' | 'reported' | 'resolved' | 'looked-back' | 'struck-off';

/** The same rules as a plain mutable reducer over Maps: the hand-written baseline. */
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

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const big = loopEvents(100_000);
  const small = big.slice(0, Math.floor(big.length / 10));
  // one timed pass at 1M (after the 100k rounds warmed the code up) keeps the run short
  const once = (fn: () => unknown) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  const t100k = time(() => replay(loopDecider, small), { minMs: 0, rounds: 2 });
  const t1m = once(() => replay(loopDecider, big));
  const base100k = time(() => mutableReplay(small), { minMs: 0, rounds: 2 });
  const base1m = once(() => mutableReplay(big));
  const peer100k = time(() => xstateReplay(small), { minMs: 0, rounds: 2 });
  const peer1m = once(() => xstateReplay(big));
  rows.push({
    workload: 'loop replay (events)',
    n: small.length,
    shijianMs: t100k,
    baselineMs: base100k,
    peerMs: peer100k,
    peer: 'xstate 5 transition()',
  });
  rows.push({
    workload: 'loop replay (events)',
    n: big.length,
    shijianMs: t1m,
    baselineMs: base1m,
    peerMs: peer1m,
    peer: 'xstate 5 transition()',
    note: `growth t(1M)/t(100k) = ${(t1m / t100k).toFixed(2)} (baseline ${(base1m / base100k).toFixed(2)}); ${Math.round(big.length / (t1m / 1000)).toLocaleString('en')} events/s`,
  });
  const state = replay(loopDecider, big);
  const ctx = fixedContext({ now: '2025-12-31T09:00:00+08:00' });
  const base = mutableReplay(big);
  const gapsMs = time(() => gaps(state, ctx), { minMs: 0, rounds: 2 });
  const baseGapsMs = time(
    () => {
      const out: string[] = [];
      for (const o of base.orders.values()) if (o.status === 'open' && o.dueOn < '2025-12-31') out.push(o.id);
      for (const p of base.problems.values())
        if (p.stage === 'awaiting-order' || p.stage === 'resolved') out.push(p.id);
      return out;
    },
    { minMs: 0, rounds: 2 },
  );
  rows.push({
    workload: 'loop gaps (full state, cached owed links)',
    n: 100_000,
    shijianMs: gapsMs,
    baselineMs: baseGapsMs,
    note: `${gaps(state, ctx).length} gaps`,
  });
  const metricsMs = time(() => metrics(state, ctx, { from: '2025-01-01', to: '2025-12-31', groupBy: 'unit' }), {
    minMs: 0,
    rounds: 2,
  });
  rows.push({ workload: 'loop metrics by unit (full state)', n: 100_000, shijianMs: metricsMs });
  return rows;
}

if (isMain(import.meta.url)) run().then((r) => console.table(r));
