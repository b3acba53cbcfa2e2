import { fixedContext } from '../../../src/core/index.js';
import { loopDecider, parseWorkPlan } from '../../../src/loop/index.js';
import { closing, story } from '../../loop/_fixture.js';
import { command, type HostileTarget, stateAfter } from './_lib.js';

const loopCtx = fixedContext({ now: '2025-11-20T09:00:00+08:00', actor: 'u-office' });
const loopAtSupervision = stateAfter(loopDecider, story, loopCtx);
const loopLookedBack = stateAfter(loopDecider, [...story, ...closing.slice(0, 3)], loopCtx);

const workPlan = {
  id: 'plan-food-2025',
  unitId: 'dept-food',
  year: 2025,
  title: '食品监管科 2025 年工作计划',
  revisions: [
    {
      number: 1,
      on: '2025-01-10',
      by: '科长',
      summary: '初稿',
      tasks: [
        {
          id: 't-check',
          title: '批批快检',
          ownerUnitId: 'dept-food',
          kind: 'business',
          dueOn: '2025-12-31',
          milestones: [{ id: 'm-q3', title: '三季度快检全覆盖', dueOn: '2025-09-15' }],
        },
      ],
      comments: [],
    },
  ],
  reports: [],
  checks: [],
};

export const loopTargets: readonly HostileTarget[] = [
  { label: 'loop parseWorkPlan', sample: workPlan, run: (input) => parseWorkPlan(input) },
  command('loop order-deployment', loopDecider, loopDecider.initialState, story[0], loopCtx),
  command('loop issue-notice', loopDecider, stateAfter(loopDecider, story.slice(0, 2), loopCtx), story[2], loopCtx),
  command('loop report-resolution', loopDecider, loopAtSupervision, closing[0], loopCtx),
  command('loop strike-off', loopDecider, loopLookedBack, closing[3], loopCtx),
];
