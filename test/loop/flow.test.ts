import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, execute, getRecord, type IsoDate, type Recorded } from '../../src/core/index.js';
import {
  type LoopCommand,
  type LoopEvent,
  type LoopState,
  loopDecider,
  nextProblemSteps,
  PROBLEM_FLOW,
  type ProblemStage,
  type ProblemStep,
  problemFlows,
  problemStage,
} from '../../src/loop/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { at, closing, run, story } from './_fixture.js';

const STEPS: readonly ProblemStep[] = [
  'supervision-ordered',
  'resolution-reported',
  'resolution-accepted',
  'resolution-returned',
  'look-back-passed',
  'look-back-failed',
  'problem-struck-off',
];

/** The command that would take problem p-1 one `step` further, built from what the state knows about it. */
function commandFor(state: LoopState, step: ProblemStep, n: number, on: IsoDate): LoopCommand {
  const p = getRecord(state.problems, 'p-1');
  const orderId = p?.orderIds.at(-1) ?? 'o-none';
  const resolutionId = getRecord(state.orders, orderId)?.status === 'reported' ? `r-${n - 1}` : 'r-none';
  switch (step) {
    case 'supervision-ordered':
      return {
        type: 'order-supervision',
        id: `o-${n}`,
        problemId: 'p-1',
        leadUnitId: 'st-a1',
        deadline: { workdays: 5 },
        on,
      };
    case 'resolution-reported':
      return {
        type: 'report-resolution',
        id: `r-${n}`,
        orderId,
        summary: '已整改',
        evidence: ['照片'],
        reportedBy: '王所长',
        on,
      };
    case 'resolution-accepted':
    case 'resolution-returned': {
      const decision = step === 'resolution-accepted' ? 'accept' : 'return';
      return { type: 'review-resolution', resolutionId, decision, on };
    }
    case 'look-back-passed':
    case 'look-back-failed':
      return {
        type: 'record-look-back',
        id: `lb-${n}`,
        problemId: 'p-1',
        passed: step === 'look-back-passed',
        checkedBy: ['赵六'],
        on,
      };
    case 'problem-struck-off':
      return { type: 'strike-off', problemId: 'p-1', on };
  }
}

describe('the per-problem flow', () => {
  it('lists what may follow each stage, in the table order, and nothing after strike-off', () => {
    expect(nextProblemSteps('awaiting-order')).toEqual(['supervision-ordered']);
    expect(nextProblemSteps('awaiting-review')).toEqual(['resolution-accepted', 'resolution-returned']);
    expect(nextProblemSteps('resolved')).toEqual(['look-back-passed', 'look-back-failed']);
    expect(nextProblemSteps('struck-off')).toEqual([]);
    expect(Object.isFrozen(PROBLEM_FLOW) && Object.isFrozen(PROBLEM_FLOW.resolved)).toBe(true);
  });

  it('reads a problem through the whole loop, and is undefined for a problem the state does not have', () => {
    const { state, events } = run([...story, ...closing.slice(0, 1)]);
    expect(problemStage(state, 'p-1')).toBe('awaiting-review');
    expect(problemStage(state, 'p-9')).toBeUndefined();
    const done = run(closing.slice(1), state);
    expect(problemStage(done.state, 'p-1')).toBe('struck-off');
    const flows = problemFlows(deepFreeze([...events, ...done.events]));
    expect(flows.ok && flows.value.get('p-1')).toEqual({
      problemId: 'p-1',
      stage: 'struck-off',
      recurrence: 0,
      steps: 5,
    });
  });

  it('the decider accepts a step exactly when the table allows it, and the log folds to the same stage (seeded walks)', () => {
    const start = run(story.slice(0, 4)); // deployment, inspection, notice, problem p-1
    let checked = 0;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 5, maxLength: 40 }), (picks) => {
        let state = start.state;
        const events: Recorded<LoopEvent>[] = [...start.events];
        let day: IsoDate = '2025-09-26';
        let failed = 0;
        for (const [n, pick] of picks.entries()) {
          const stage = problemStage(state, 'p-1') as ProblemStage;
          const accepted: { step: ProblemStep; state: LoopState; events: readonly Recorded<LoopEvent>[] }[] = [];
          for (const step of STEPS) {
            const r = execute(loopDecider, state, commandFor(state, step, n, day), at(day));
            checked++;
            expect(r.ok, `${step} from ${stage}`).toBe(PROBLEM_FLOW[stage][step] !== undefined);
            if (!r.ok) continue;
            expect(r.value.events.map((e) => e.type)).toContain(step);
            expect(problemStage(r.value.state, 'p-1')).toBe(PROBLEM_FLOW[stage][step]);
            accepted.push({ step, state: r.value.state, events: r.value.events });
          }
          const chosen = accepted[pick % accepted.length];
          if (chosen === undefined) break; // struck off: nothing may follow
          if (chosen.step === 'look-back-failed') failed++;
          state = chosen.state;
          events.push(...chosen.events);
          day = addDays(day, 1);
          const folded = problemFlows(events);
          expect(folded.ok && folded.value.get('p-1')?.stage).toBe(problemStage(state, 'p-1'));
          expect(folded.ok && folded.value.get('p-1')?.recurrence).toBe(failed);
          expect(getRecord(state.problems, 'p-1')?.recurrence).toBe(failed);
        }
      }),
      { seed: 20261123, numRuns: 60 },
    );
    expect(checked).toBeGreaterThan(1000);
  });

  it('refuses a log whose step cannot follow, naming the problem, its stage and the event index', () => {
    const { events } = run(story.slice(0, 4));
    const struck: LoopEvent = { type: 'problem-struck-off', problemId: 'p-1', struckOffOn: '2025-10-01' };
    const r = problemFlows(deepFreeze([...events, struck]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.code).toBe('loop/step-out-of-order');
    expect(r.errors[0]?.path).toEqual([4]);
    expect(r.errors[0]?.details).toEqual({ problemId: 'p-1', stage: 'awaiting-order', step: 'problem-struck-off' });
    expect(r.errors[0]?.message['zh-CN']).toContain('待督办');
  });

  it('refuses a step that names a problem or resolution no earlier event recorded', () => {
    const { events } = run(story.slice(0, 4));
    const accepted: LoopEvent = {
      type: 'resolution-accepted',
      resolutionId: 'r-9',
      acceptedOn: '2025-10-01',
      lookBackDueOn: '2025-11-01',
    };
    const orphan = problemFlows([...events, accepted]);
    expect(!orphan.ok && orphan.errors[0]).toMatchObject({
      code: 'loop/step-unknown',
      path: [4],
      details: { id: 'r-9' },
    });
    const early = problemFlows([{ type: 'problem-struck-off', problemId: 'p-1', struckOffOn: '2025-10-01' }]);
    expect(!early.ok && early.errors[0]).toMatchObject({
      code: 'loop/step-unknown',
      path: [0],
      details: { id: 'p-1' },
    });
  });

  it('refuses a problem recorded twice in one log', () => {
    const { events } = run(story.slice(0, 4));
    const r = problemFlows([...events, events[3] as LoopEvent]);
    expect(!r.ok && r.errors[0]).toMatchObject({ code: 'loop/duplicate-id', path: [4] });
  });
});
