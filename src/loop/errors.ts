import { defineErrors } from '../core/index.js';
import { problemStageLabels, problemStepLabels } from './labels.js';
import type { ProblemStage, ProblemStep } from './state.js';

/**
 * The loop module's error catalogue. Codes are public API: renaming one is a breaking change.
 * @internal
 */
export const loopError = /* @__PURE__ */ defineErrors({
  'loop/not-successor': {
    'zh-CN': (d: { fromUnitId: string; toUnitId: string; successorId: string }) =>
      `${d.toUnitId} 不是 ${d.fromUnitId} 的承继单位（应为 ${d.successorId}），不能移交其未结事项`,
    en: (d: { fromUnitId: string; toUnitId: string; successorId: string }) =>
      `${d.toUnitId} is not the successor of ${d.fromUnitId} (that is ${d.successorId}); its open lines cannot move there`,
  },
  'loop/duplicate-id': {
    'zh-CN': (d: { kind: string; id: string }) => `${d.kind} ${d.id} 已存在`,
    en: (d: { kind: string; id: string }) => `${d.kind} ${d.id} already exists`,
  },
  'loop/unknown-record': {
    'zh-CN': (d: { target: string; id: string }) =>
      `要更正的${d.target === 'deployment' ? '部署' : '问题'} ${d.id} 不存在`,
    en: (d: { target: string; id: string }) => `The ${d.target} ${d.id} to correct does not exist`,
  },
  'loop/deployment-required': {
    'zh-CN': (d: { deploymentId: string }) => `部署 ${d.deploymentId} 不存在：凡有部署才有检查`,
    en: (d: { deploymentId: string }) =>
      `Deployment ${d.deploymentId} does not exist: an inspection needs a deployment`,
  },
  'loop/inspection-required': {
    'zh-CN': (d: { id: string }) => `${d.id} 缺少检查：凡有部署必有检查，凡有检查才有通报`,
    en: (d: { id: string }) => `${d.id} has no inspection: every deployment is inspected, every notice follows one`,
  },
  'loop/notice-required': {
    'zh-CN': (d: { inspectionId: string }) => `检查 ${d.inspectionId} 尚未通报：凡有检查必有通报`,
    en: (d: { inspectionId: string }) => `Inspection ${d.inspectionId} has no notice yet: every inspection is notified`,
  },
  'loop/problem-required': {
    'zh-CN': (d: { problemId: string }) => `问题 ${d.problemId} 不存在或不在待督办状态：凡有问题才有督办`,
    en: (d: { problemId: string }) =>
      `Problem ${d.problemId} does not exist or is not awaiting supervision: an order needs an open problem`,
  },
  'loop/order-required': {
    'zh-CN': (d: { orderId: string }) => `督办 ${d.orderId} 不存在或不在办理中：凡有督办才有处结`,
    en: (d: { orderId: string }) =>
      `Supervision order ${d.orderId} does not exist or is not open: a resolution needs an open order`,
  },
  'loop/resolution-required': {
    'zh-CN': (d: { problemId: string }) => `问题 ${d.problemId} 尚无审核通过的处结：凡有处结才有回头看`,
    en: (d: { problemId: string }) =>
      `Problem ${d.problemId} has no accepted resolution: a look-back needs a resolution`,
  },
  'loop/look-back-required': {
    'zh-CN': (d: { problemId: string }) => `问题 ${d.problemId} 的回头看尚未通过，不能销号`,
    en: (d: { problemId: string }) => `Problem ${d.problemId} has no passed look-back and cannot be struck off`,
  },
  'loop/strike-off-required': {
    'zh-CN': (d: { problemId: string }) => `问题 ${d.problemId} 尚未销号，部署不能办结`,
    en: (d: { problemId: string }) => `Problem ${d.problemId} is not struck off; the deployment cannot close`,
  },
  'loop/deployment-closed': {
    'zh-CN': (d: { deploymentId: string }) => `部署 ${d.deploymentId} 已办结`,
    en: (d: { deploymentId: string }) => `Deployment ${d.deploymentId} is already closed`,
  },
  'loop/already-notified': {
    'zh-CN': (d: { inspectionId: string }) => `检查 ${d.inspectionId} 已通报`,
    en: (d: { inspectionId: string }) => `Inspection ${d.inspectionId} has already been notified`,
  },
  'loop/duplicate-notice-number': {
    'zh-CN': (d: { number: string }) => `通报文号 ${d.number} 已使用`,
    en: (d: { number: string }) => `Notice number ${d.number} is already used`,
  },
  'loop/resolution-not-submitted': {
    'zh-CN': (d: { resolutionId: string }) => `处结 ${d.resolutionId} 不在待审核状态`,
    en: (d: { resolutionId: string }) => `Resolution ${d.resolutionId} is not awaiting review`,
  },
  'loop/extension-too-late': {
    'zh-CN': (d: { dueOn: string; on: string }) => `延期须在期限 ${d.dueOn} 前申请（申请日 ${d.on}）`,
    en: (d: { dueOn: string; on: string }) =>
      `An extension must be requested before the deadline ${d.dueOn} (requested ${d.on})`,
  },
  'loop/extension-not-later': {
    'zh-CN': (d: { dueOn: string; newDueOn: string }) => `延期后的日期 ${d.newDueOn} 须晚于现期限 ${d.dueOn}`,
    en: (d: { dueOn: string; newDueOn: string }) => `The new date ${d.newDueOn} must be after the deadline ${d.dueOn}`,
  },
  'loop/extension-pending': {
    'zh-CN': (d: { orderId: string }) => `督办 ${d.orderId} 已有待审批的延期申请`,
    en: (d: { orderId: string }) => `Supervision order ${d.orderId} already has an extension awaiting approval`,
  },
  'loop/no-pending-extension': {
    'zh-CN': (d: { orderId: string }) => `督办 ${d.orderId} 没有待审批的延期申请`,
    en: (d: { orderId: string }) => `Supervision order ${d.orderId} has no extension awaiting approval`,
  },
  'loop/dates-out-of-order': {
    'zh-CN': (d: { date: string; earliest: string }) => `日期 ${d.date} 早于前一环节日期 ${d.earliest}`,
    en: (d: { date: string; earliest: string }) => `Date ${d.date} is before the previous step's date ${d.earliest}`,
  },
  'loop/deadline-not-workday': {
    'zh-CN': (d: { date: string }) => `期限 ${d.date} 不是工作日`,
    en: (d: { date: string }) => `The deadline ${d.date} is not a working day`,
  },
  'loop/plan-task-unknown': {
    'zh-CN': (d: { taskId: string }) => `工作计划中没有任务 ${d.taskId}`,
    en: (d: { taskId: string }) => `The work plan has no task ${d.taskId}`,
  },
  'loop/plan-revision-out-of-order': {
    'zh-CN': (d: { expected: number; actual: number }) => `计划修订号应为 ${d.expected}，实为 ${d.actual}`,
    en: (d: { expected: number; actual: number }) => `Plan revision should be ${d.expected}, got ${d.actual}`,
  },
  'loop/step-out-of-order': {
    'zh-CN': (d: { problemId: string; stage: ProblemStage; step: ProblemStep }) =>
      `问题 ${d.problemId} 处于「${problemStageLabels[d.stage]['zh-CN']}」，不能接着「${problemStepLabels[d.step]['zh-CN']}」`,
    en: (d: { problemId: string; stage: ProblemStage; step: ProblemStep }) =>
      `Problem ${d.problemId} is ${problemStageLabels[d.stage].en}; "${problemStepLabels[d.step].en}" cannot follow`,
  },
  'loop/step-unknown': {
    'zh-CN': (d: { step: ProblemStep; id: string }) =>
      `「${problemStepLabels[d.step]['zh-CN']}」所指的 ${d.id} 在此前的记录中没有登记`,
    en: (d: { step: ProblemStep; id: string }) =>
      `"${problemStepLabels[d.step].en}" names ${d.id}, which no earlier event recorded`,
  },
});

/**
 * Every code the loop module can refuse with. Codes are public API: renaming one is a breaking change.
 * @category Errors
 */
export type LoopErrorCode =
  | 'loop/duplicate-id'
  | 'loop/unknown-record'
  | 'loop/deployment-required'
  | 'loop/inspection-required'
  | 'loop/notice-required'
  | 'loop/problem-required'
  | 'loop/order-required'
  | 'loop/resolution-required'
  | 'loop/look-back-required'
  | 'loop/strike-off-required'
  | 'loop/deployment-closed'
  | 'loop/already-notified'
  | 'loop/duplicate-notice-number'
  | 'loop/resolution-not-submitted'
  | 'loop/extension-too-late'
  | 'loop/extension-not-later'
  | 'loop/extension-pending'
  | 'loop/no-pending-extension'
  | 'loop/dates-out-of-order'
  | 'loop/deadline-not-workday'
  | 'loop/plan-task-unknown'
  | 'loop/plan-revision-out-of-order'
  | 'loop/not-successor'
  | 'loop/step-out-of-order'
  | 'loop/step-unknown';
