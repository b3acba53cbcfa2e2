import { fixedContext } from '../../../src/core/index.js';
import { MATRIX_METHOD_A, parseRiskMethod, riskDecider } from '../../../src/risk/index.js';
import { assess, identify, lifecycle, measure } from '../../risk/_fixture.js';
import { command, type HostileTarget, stateAfter } from './_lib.js';

const riskCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'm-wang' });
const riskState = stateAfter(riskDecider, [...lifecycle('r-1'), identify('r-2')], riskCtx);

export const riskTargets: readonly HostileTarget[] = [
  { label: 'risk parseRiskMethod', sample: structuredClone(MATRIX_METHOD_A), run: (input) => parseRiskMethod(input) },
  command('risk identify-risk', riskDecider, riskDecider.initialState, identify('r-1'), riskCtx),
  command('risk assess-risk', riskDecider, riskState, assess('r-2'), riskCtx),
  command('risk add-measure', riskDecider, riskState, measure('r-1', 'ms-2', '2025-10-30'), riskCtx),
  command(
    'risk track-risk',
    riskDecider,
    riskState,
    { type: 'track-risk', riskId: 'r-1', note: '复查快检记录', review: true, on: '2025-09-20' },
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
];
