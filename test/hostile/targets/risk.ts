import { fixedContext } from '../../../src/core/index.js';
import { MATRIX_METHOD_A, parseRiskMethod, riskDecider } from '../../../src/risk/index.js';
import { assess, identify, lifecycle, measure } from '../../risk/_fixture.js';
import { command, type HostileTarget, stateAfter } from './_lib.js';

const riskCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'm-wang' });
/**
 * r-1 under control with measure ms-1 open, r-2 only identified, r-3 closed (its measure done, then eliminated),
 * and the key post p-license registered: a state in which every risk command has a valid sample.
 */
const riskState = stateAfter(
  riskDecider,
  [
    ...lifecycle('r-1'),
    identify('r-2'),
    ...lifecycle('r-3'),
    { type: 'complete-measure', riskId: 'r-3', measureId: 'ms-1', evidence: '快检记录 12 份', on: '2025-09-15' },
    { type: 'close-risk', riskId: 'r-3', closure: { kind: 'eliminated', evidence: '复检全部合格' }, on: '2025-09-20' },
    {
      type: 'register-key-post',
      postId: 'p-license',
      unitId: 'dept-license',
      power: '食品经营许可审批',
      riskPoints: ['违规审批', '吃拿卡要'],
      criteria: {
        powerOrResources: true,
        discretion: true,
        opennessOrCollective: true,
        indirectGain: false,
        highIncidence: false,
      },
      measures: ['审批全程留痕', '双人现场核查'],
      responsibleId: 'm-license-1',
      on: '2025-09-05',
    },
  ],
  riskCtx,
);

export const riskTargets: readonly HostileTarget[] = [
  { label: 'risk parseRiskMethod', sample: structuredClone(MATRIX_METHOD_A), run: (input) => parseRiskMethod(input) },
  command('risk identify-risk', riskDecider, riskDecider.initialState, identify('r-1'), riskCtx),
  command('risk assess-risk', riskDecider, riskState, assess('r-2'), riskCtx),
  command(
    'risk re-rate-risk',
    riskDecider,
    riskState,
    {
      type: 're-rate-risk',
      riskId: 'r-1',
      tier: 'current',
      factors: { likelihood: 3, impact: 4 },
      level: 'general',
      reason: '快检覆盖后复评',
    },
    riskCtx,
  ),
  command(
    'risk assign-risk',
    riskDecider,
    riskState,
    {
      type: 'assign-risk',
      riskId: 'r-1',
      ownerUnitId: 'dept-food',
      responsibleId: 'm-food-3',
      deadline: '2025-11-28',
      on: '2025-10-10',
    },
    riskCtx,
  ),
  command('risk add-measure', riskDecider, riskState, measure('r-1', 'ms-2', '2025-10-30'), riskCtx),
  command(
    'risk track-risk',
    riskDecider,
    riskState,
    { type: 'track-risk', riskId: 'r-1', note: '复查快检记录', review: true, on: '2025-09-20' },
    riskCtx,
  ),
  command(
    'risk complete-measure',
    riskDecider,
    riskState,
    {
      type: 'complete-measure',
      riskId: 'r-1',
      measureId: 'ms-1',
      evidence: '快检记录 36 份，全部归档',
      on: '2025-09-28',
    },
    riskCtx,
  ),
  // The richest closure: accepted, with its approver, expiry and reason (and allowed with ms-1 still open).
  command(
    'risk close-risk',
    riskDecider,
    riskState,
    {
      type: 'close-risk',
      riskId: 'r-1',
      closure: {
        kind: 'accepted',
        approverId: 'm-leader-1',
        expiresOn: '2026-03-31',
        reason: '剩余风险在可接受范围内',
      },
      on: '2025-10-15',
    },
    riskCtx,
  ),
  command(
    'risk reopen-risk',
    riskDecider,
    riskState,
    { type: 'reopen-risk', riskId: 'r-3', reason: '节前抽检再次不合格', deadline: '2025-11-30', on: '2025-10-10' },
    riskCtx,
  ),
  command(
    'risk hold-consultation',
    riskDecider,
    riskState,
    {
      type: 'hold-consultation',
      consultationId: 'cons-2025q3',
      kind: 'regular',
      title: '2025 年第三季度食品安全风险会商',
      date: '2025-09-26',
      participants: ['m-wang', 'm-food-2'],
      reviewed: ['r-1'],
      decisions: [
        {
          type: 're-rate-risk',
          riskId: 'r-1',
          tier: 'current',
          factors: { likelihood: 4, impact: 5 },
          reason: '投诉量上升',
        },
      ],
    },
    riskCtx,
  ),
  command(
    'risk register-key-post',
    riskDecider,
    riskState,
    {
      type: 'register-key-post',
      postId: 'p-enforce',
      unitId: 'dept-food',
      power: '行政处罚',
      riskPoints: ['自由裁量权滥用'],
      criteria: {
        powerOrResources: true,
        discretion: true,
        opennessOrCollective: false,
        indirectGain: false,
        highIncidence: true,
      },
      measures: ['重大案件集体审议'],
      responsibleId: 'm-wang',
    },
    riskCtx,
  ),
  command(
    'risk respond-integrity-risk',
    riskDecider,
    riskState,
    {
      type: 'respond-integrity-risk',
      postId: 'p-license',
      responseId: 'resp-1',
      stage: 'handling-notice',
      note: '许可审批超时未说明理由',
      actions: ['formal-talk', 'deadline-to-fix'],
      on: '2025-10-09',
    },
    riskCtx,
  ),
  // The last stage too, so `referredTo` is in a sample the corpus mutates.
  command(
    'risk respond-integrity-risk (referral)',
    riskDecider,
    riskState,
    {
      type: 'respond-integrity-risk',
      postId: 'p-license',
      responseId: 'resp-2',
      stage: 'referral',
      note: '发现违规审批线索',
      referredTo: 'discipline-inspection',
      on: '2025-10-14',
    },
    riskCtx,
  ),
  command(
    'risk rehome-unit',
    riskDecider,
    riskState,
    { type: 'rehome-unit', fromUnitId: 'dept-food', toUnitId: 'dept-market', on: '2025-10-16' },
    riskCtx,
  ),
];
