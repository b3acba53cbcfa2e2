import { fixedContext } from '../../../src/core/index.js';
import { type LoopCommand, loopDecider, parseWorkPlan } from '../../../src/loop/index.js';
import { closing, story } from '../../loop/_fixture.js';
import { command, type HostileTarget, stateAfter } from './_lib.js';

const loopCtx = fixedContext({ now: '2025-11-20T09:00:00+08:00', actor: 'u-office' });
const loopOrdered = stateAfter(loopDecider, story.slice(0, 1), loopCtx);
const loopNotified = stateAfter(loopDecider, story.slice(0, 3), loopCtx);
const loopProblemFound = stateAfter(loopDecider, story.slice(0, 4), loopCtx);
const loopAtSupervision = stateAfter(loopDecider, story, loopCtx);
const loopReported = stateAfter(loopDecider, [...story, ...closing.slice(0, 1)], loopCtx);
const loopAccepted = stateAfter(loopDecider, [...story, ...closing.slice(0, 2)], loopCtx);
const loopLookedBack = stateAfter(loopDecider, [...story, ...closing.slice(0, 3)], loopCtx);
const loopStruckOff = stateAfter(loopDecider, [...story, ...closing.slice(0, 4)], loopCtx);

// o-1 is due 2025-10-10: the request comes before that and asks for a later working day.
const requestExtension: LoopCommand = {
  type: 'request-extension',
  orderId: 'o-1',
  reason: '涉事经营者外出，约谈需延后',
  newDueOn: '2025-10-24',
  progress: '不合格农产品已下架，待约谈',
  on: '2025-10-08',
};
const loopExtensionRequested = stateAfter(loopDecider, [...story, requestExtension], loopCtx);

/** A valid work plan (one revision, one task with a milestone), also the parsers test's sample. */
export const workPlan = {
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
  command(
    'loop record-inspection',
    loopDecider,
    loopOrdered,
    {
      type: 'record-inspection',
      id: 'insp-2',
      deploymentId: 'dep-1',
      kind: 'dual-check',
      inspectors: ['张三', '李四'],
      byUnitId: 'dept-office',
      inspectedUnitIds: ['dept-food', 'st-a1'],
      findings: '台账不全，快检记录未公示',
      on: '2025-09-11',
    },
    loopCtx,
  ),
  command('loop issue-notice', loopDecider, stateAfter(loopDecider, story.slice(0, 2), loopCtx), story[2], loopCtx),
  command(
    'loop record-problem',
    loopDecider,
    loopNotified,
    {
      type: 'record-problem',
      id: 'p-2',
      inspectionId: 'insp-1',
      description: '快检结果未在市场公示栏公示',
      unitId: 'st-a1',
      severity: 'general',
      category: '信息公示',
      on: '2025-09-12',
    },
    loopCtx,
  ),
  command(
    'loop order-supervision',
    loopDecider,
    loopProblemFound,
    {
      type: 'order-supervision',
      id: 'o-2',
      problemId: 'p-1',
      leadUnitId: 'st-a1',
      assistingUnitIds: ['dept-food'],
      deadline: { date: '2025-10-17' },
      on: '2025-09-26',
    },
    loopCtx,
  ),
  command('loop request-extension', loopDecider, loopAtSupervision, requestExtension, loopCtx),
  command(
    'loop decide-extension',
    loopDecider,
    loopExtensionRequested,
    {
      type: 'decide-extension',
      orderId: 'o-1',
      approve: true,
      newDueOn: '2025-10-31',
      comment: '同意延期，月底前办结',
      on: '2025-10-09',
    },
    loopCtx,
  ),
  command('loop report-resolution', loopDecider, loopAtSupervision, closing[0], loopCtx),
  command(
    'loop review-resolution',
    loopDecider,
    loopReported,
    {
      type: 'review-resolution',
      resolutionId: 'r-1',
      decision: 'return',
      reason: '缺少约谈笔录签字页',
      on: '2025-10-10',
    },
    loopCtx,
  ),
  command(
    'loop record-look-back',
    loopDecider,
    loopAccepted,
    {
      type: 'record-look-back',
      id: 'lb-2',
      problemId: 'p-1',
      passed: true,
      checkedBy: ['赵六', '钱七'],
      notes: '复查未发现不合格农产品在售',
      on: '2025-11-10',
    },
    loopCtx,
  ),
  command('loop strike-off', loopDecider, loopLookedBack, closing[3], loopCtx),
  command('loop close-deployment', loopDecider, loopStruckOff, closing[4], loopCtx),
  command(
    'loop rehome-unit',
    loopDecider,
    loopAtSupervision,
    { type: 'rehome-unit', fromUnitId: 'st-a1', toUnitId: 'st-a2', on: '2025-10-01' },
    loopCtx,
  ),
  command(
    'loop correct-record',
    loopDecider,
    loopAtSupervision,
    {
      type: 'correct-record',
      target: 'deployment',
      id: 'dep-1',
      changes: { title: '食用农产品批发市场批批快检专项', category: '食品安全监管', priority: 'high' },
      reason: '标题与分类录入有误',
      on: '2025-09-30',
    },
    loopCtx,
  ),
  command(
    'loop correct-record problem',
    loopDecider,
    loopAtSupervision,
    {
      type: 'correct-record',
      target: 'problem',
      id: 'p-1',
      changes: { description: '不合格农产品未及时下架销毁', category: '农产品质量', severity: 'major' },
      reason: '问题描述与严重程度录入有误',
      on: '2025-09-30',
    },
    loopCtx,
  ),
];
