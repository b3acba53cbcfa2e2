import { type DomainError, err, getRecord, ok, type Result } from '../core/index.js';
import { loopError } from './errors.js';
import type { LoopEvent } from './events.js';
import type { LoopState, ProblemStage, ProblemStep } from './state.js';

/** For each stage, the steps that may follow it and the stage each leads to. @category Problem flow */
export type ProblemFlowTable = {
  readonly [S in ProblemStage]: { readonly [E in ProblemStep]?: ProblemStage };
};

/**
 * The per-problem workflow as data (凡有问题必有督办, 凡有督办必有处结, 凡有处结必有回头看): the decider
 * enforces exactly these transitions, so a host can draw the flow or offer "what can happen next" without a state.
 * @category Problem flow
 * @example
 * PROBLEM_FLOW['awaiting-review']['resolution-returned']; // 'under-supervision' (退回)
 */
export const PROBLEM_FLOW: ProblemFlowTable = /* @__PURE__ */ Object.freeze({
  'awaiting-order': Object.freeze({ 'supervision-ordered': 'under-supervision' }),
  'under-supervision': Object.freeze({ 'resolution-reported': 'awaiting-review' }),
  'awaiting-review': Object.freeze({ 'resolution-accepted': 'resolved', 'resolution-returned': 'under-supervision' }),
  resolved: Object.freeze({ 'look-back-passed': 'looked-back', 'look-back-failed': 'awaiting-order' }),
  'looked-back': Object.freeze({ 'problem-struck-off': 'struck-off' }),
  'struck-off': Object.freeze({}),
} as const);

/**
 * The steps that may follow `stage`, in the table's order (empty once struck off).
 * @category Problem flow
 * @example
 * nextProblemSteps('resolved'); // ['look-back-passed', 'look-back-failed']
 */
export function nextProblemSteps(stage: ProblemStage): readonly ProblemStep[] {
  return Object.keys(PROBLEM_FLOW[stage]) as ProblemStep[];
}

/**
 * The stage of a problem in a loop state, or `undefined` when the state has no such problem.
 * @category Problem flow
 * @example
 * problemStage(state, 'p-1'); // 'awaiting-review' while its resolution waits for review
 */
export function problemStage(state: LoopState, problemId: string): ProblemStage | undefined {
  const p = getRecord(state.problems, problemId);
  if (p?.status !== 'under-supervision') return p?.status;
  return getRecord(state.orders, p.orderId)?.status === 'reported' ? 'awaiting-review' : 'under-supervision';
}

/** One problem's place in its workflow, as folded from the log by {@link problemFlows}. @category Problem flow */
export interface ProblemFlow {
  readonly problemId: string;
  readonly stage: ProblemStage;
  /** Failed look-backs so far: each reopens the same problem. */
  readonly recurrence: number;
  /** Steps taken since the problem was recorded. */
  readonly steps: number;
}

interface Mutable {
  problemId: string;
  stage: ProblemStage;
  recurrence: number;
  steps: number;
}

/**
 * Folds a loop log into each problem's stage without building the records, checking that every step
 * may follow the stage its problem is in. Events that do not move a problem (deployments, notices,
 * extensions, corrections) are passed over. A log the decider recorded always folds; a log assembled
 * elsewhere (an import, a hand-edited file) is refused at its first impossible step, with the event's index as path.
 * @category Problem flow
 * @example
 * const r = problemFlows(events);
 * if (r.ok) r.value.get('p-1')?.stage; // 'struck-off'
 */
export function problemFlows(events: readonly LoopEvent[]): Result<ReadonlyMap<string, ProblemFlow>> {
  const flows = new Map<string, Mutable>();
  const resolutionProblem = new Map<string, string>();
  for (let k = 0; k < events.length; k++) {
    const e = events[k] as LoopEvent;
    let problemId: string | undefined;
    switch (e.type) {
      case 'problem-recorded': {
        const id = e.problem.id;
        if (flows.has(id)) return err(loopError('loop/duplicate-id', { kind: 'problem', id }, [k]));
        flows.set(id, { problemId: id, stage: 'awaiting-order', recurrence: 0, steps: 0 });
        continue;
      }
      case 'supervision-ordered':
        problemId = e.order.problemId;
        break;
      case 'resolution-reported':
        problemId = e.resolution.problemId;
        resolutionProblem.set(e.resolution.id, problemId);
        break;
      case 'resolution-accepted':
      case 'resolution-returned':
        problemId = resolutionProblem.get(e.resolutionId);
        if (problemId === undefined) return err(unknown(e.type, e.resolutionId, k));
        break;
      case 'look-back-passed':
      case 'look-back-failed':
        problemId = e.lookBack.problemId;
        break;
      case 'problem-struck-off':
        problemId = e.problemId;
        break;
      default:
        continue;
    }
    const flow = flows.get(problemId);
    if (flow === undefined) return err(unknown(e.type, problemId, k));
    const next = PROBLEM_FLOW[flow.stage][e.type];
    if (next === undefined)
      return err(loopError('loop/step-out-of-order', { problemId, stage: flow.stage, step: e.type }, [k]));
    flow.stage = next;
    flow.steps++;
    if (e.type === 'look-back-failed') flow.recurrence++;
  }
  for (const flow of flows.values()) Object.freeze(flow);
  return ok(flows);
}

function unknown(step: ProblemStep, id: string, index: number): DomainError {
  return loopError('loop/step-unknown', { step, id }, [index]);
}
