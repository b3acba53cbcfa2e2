import { type Context, execute, fixedContext, type Instant, type Recorded, unwrap } from '../../src/core/index.js';
import {
  type LoopCommand,
  type LoopDecider,
  type LoopEvent,
  type LoopState,
  loopDecider,
} from '../../src/loop/index.js';

export const ctx = fixedContext({ now: '2025-09-26T09:00:00+08:00', actor: 'u-office' });

export function at(day: string): Context {
  return fixedContext({ now: `${day}T09:00:00+08:00` as Instant, actor: 'u-office' });
}

/** Runs commands in order, failing loudly on a refusal; returns the state and every event. */
export function run(
  commands: readonly LoopCommand[],
  from: LoopState = loopDecider.initialState,
  decider: LoopDecider = loopDecider,
): { state: LoopState; events: Recorded<LoopEvent>[] } {
  let state = from;
  const events: Recorded<LoopEvent>[] = [];
  for (const c of commands) {
    const r = unwrap(execute(decider, state, c, ctx));
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

/** One deployment through a problem under supervision, ordered on 2025-09-26 (before National Day). */
export const story: readonly LoopCommand[] = [
  {
    type: 'order-deployment',
    id: 'dep-1',
    title: '食用农产品批发市场批批快检',
    source: { kind: 'document', reference: '威市监发〔2025〕1号' },
    orderedBy: '局长',
    supervisingUnitId: 'dept-office',
    leadUnitId: 'dept-food',
    assistingUnitIds: ['st-a1'],
    deadline: { workdays: 20 },
    category: '食品安全',
    on: '2025-09-01',
  },
  {
    type: 'record-inspection',
    id: 'insp-1',
    deploymentId: 'dep-1',
    kind: 'frontline',
    inspectors: ['张三', '李四'],
    inspectedUnitIds: ['st-a1'],
    on: '2025-09-10',
  },
  {
    type: 'issue-notice',
    id: 'notice-1',
    inspectionId: 'insp-1',
    number: '威市监通〔2025〕7号',
    tone: 'criticism',
    scope: ['dept-food', 'st-a1'],
    on: '2025-09-12',
  },
  {
    type: 'record-problem',
    id: 'p-1',
    inspectionId: 'insp-1',
    description: '不合格农产品未及时下架',
    unitId: 'st-a1',
    severity: 'serious',
    category: '食用农产品',
    on: '2025-09-10',
  },
  {
    type: 'order-supervision',
    id: 'o-1',
    problemId: 'p-1',
    leadUnitId: 'st-a1',
    deadline: { workdays: 5 },
    on: '2025-09-26',
  },
];

/** The rest of the loop for problem p-1: resolution, acceptance, passed look-back, strike-off. */
export const closing: readonly LoopCommand[] = [
  {
    type: 'report-resolution',
    id: 'r-1',
    orderId: 'o-1',
    summary: '已下架销毁并约谈经营者',
    evidence: ['销毁记录', '约谈笔录'],
    reportedBy: '王所长',
    on: '2025-10-09',
  },
  { type: 'review-resolution', resolutionId: 'r-1', decision: 'accept', on: '2025-10-10' },
  { type: 'record-look-back', id: 'lb-1', problemId: 'p-1', passed: true, checkedBy: ['赵六'], on: '2025-11-10' },
  { type: 'strike-off', problemId: 'p-1', on: '2025-11-11' },
  { type: 'close-deployment', deploymentId: 'dep-1', on: '2025-11-12' },
];
