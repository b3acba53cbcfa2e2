import { fixedContext } from '../../../src/core/index.js';
import {
  parseIndicatorTree,
  parsePointsScheme,
  parseStarScheme,
  parseTaskBook,
  ratingCaseDecider,
} from '../../../src/rating/index.js';
import { deepFreeze } from '../../helpers/freeze.js';
import { treeInput } from '../../rating/_fixtures.js';
import { ctxOn, drive, toNotice } from '../../rating/case/_fixture.js';
import { vanguardInput } from '../../rating/points/_fixtures.js';
import { command, type HostileTarget, stateAfter } from './_lib.js';

const ratingCtx = fixedContext({ now: '2025-04-10T09:00:00+08:00', actor: 'u-office' });
const ratingNoticed = stateAfter(
  ratingCaseDecider,
  toNotice('rc-1', 'st-baiyun').map(([, c]) => c),
  ratingCtx,
);

/** The steps of a case up to a noticed one, each on its own day (apply 2025-03-03 … notice from 2025-03-24). */
const steps = toNotice('rc-1', 'st-baiyun');
/** The case after its first `n` steps, each run on its day, deep-frozen. */
const caseAfter = (n: number) => deepFreeze(drive(steps.slice(0, n)).state);

/**
 * A four-star case (a first round, so no three stars needed) awarded on 2025-04-01 after its notice ended on
 * 2025-03-31, so it can be re-checked and demoted.
 */
const ratingAwarded = deepFreeze(
  drive([
    ...toNotice('rc-4', 'st-baiyun', 4, { firstRound: true }),
    [
      '2025-04-01',
      { type: 'award', caseId: 'rc-4', awardingUnitId: 'b-liaoning', awardingLevel: 2, recheckEveryMonths: 12 },
    ],
  ]).state,
);

export const ratingTargets: readonly HostileTarget[] = [
  { label: 'rating parseIndicatorTree', sample: treeInput(), run: (input) => parseIndicatorTree(input) },
  {
    label: 'rating parseStarScheme',
    sample: {
      id: 'stars',
      name: { 'zh-CN': '等级评定' },
      levels: [
        { star: 3, minTotal: 70 },
        { star: 4, minTotal: 85, minAreaRate: 0.75 },
      ],
    },
    run: (input) => parseStarScheme(input),
  },
  { label: 'rating parsePointsScheme', sample: vanguardInput(), run: (input) => parsePointsScheme(input) },
  {
    label: 'rating parseTaskBook',
    sample: {
      id: 'jx-2025',
      name: { 'zh-CN': '2025 年机关支部党建任务书（示意）' },
      required: [{ code: 'R1', title: { 'zh-CN': '三会一课' }, points: 30 }],
      optional: [
        { code: 'O1', title: { 'zh-CN': '舌尖上的科普志愿服务' }, points: 15 },
        { code: 'O2', title: { 'zh-CN': '支部联建' }, points: 10 },
      ],
      optionalMin: 1,
      optionalCap: 20,
    },
    run: (input) => parseTaskBook(input),
  },
  command(
    'rating-case apply',
    ratingCaseDecider,
    ratingCaseDecider.initialState,
    { type: 'apply', caseId: 'rc-1', unitId: 'st-baiyun', star: 3, recommendedBy: 'b-xigang' },
    ratingCtx,
  ),
  command(
    'rating-case raise-objection',
    ratingCaseDecider,
    ratingNoticed,
    { type: 'raise-objection', caseId: 'rc-1', objectionId: 'o-1', text: '档案造假' },
    fixedContext({ now: '2025-04-11T09:00:00+08:00', actor: 'u-office' }),
  ),
  command(
    'rating-case award',
    ratingCaseDecider,
    ratingNoticed,
    { type: 'award', caseId: 'rc-1', awardingUnitId: 'b-dalian', awardingLevel: 3, certificateNo: 'DL-3S-2025-001' },
    fixedContext({ now: '2025-04-30T09:00:00+08:00', actor: 'u-office' }),
  ),
  command(
    'rating-case review-materials',
    ratingCaseDecider,
    caseAfter(1),
    { type: 'review-materials', caseId: 'rc-1', passed: true, note: '材料齐全' },
    ctxOn('2025-03-10'),
  ),
  command(
    'rating-case inspect-on-site',
    ratingCaseDecider,
    caseAfter(2),
    { type: 'inspect-on-site', caseId: 'rc-1', passed: true, inspectors: ['p-wang', 'p-li'], note: '台账完整' },
    ctxOn('2025-03-14'),
  ),
  command(
    'rating-case give-feedback',
    ratingCaseDecider,
    caseAfter(3),
    { type: 'give-feedback', caseId: 'rc-1', feedback: '档案管理需进一步规范' },
    ctxOn('2025-03-17'),
  ),
  command(
    'rating-case decide-at-meeting',
    ratingCaseDecider,
    caseAfter(4),
    { type: 'decide-at-meeting', caseId: 'rc-1', approved: true, note: '党组会议2025年第5次' },
    ctxOn('2025-03-21'),
  ),
  command(
    'rating-case start-notice',
    ratingCaseDecider,
    caseAfter(5),
    { type: 'start-notice', caseId: 'rc-1', days: 5, counting: 'workdays' },
    ctxOn('2025-03-24'),
  ),
  command(
    'rating-case resolve-objection',
    ratingCaseDecider,
    deepFreeze(
      drive([
        ...steps,
        ['2025-03-25', { type: 'raise-objection', caseId: 'rc-1', objectionId: 'o-1', text: '档案造假' }],
      ]).state,
    ),
    { type: 'resolve-objection', caseId: 'rc-1', objectionId: 'o-1', upheld: false, note: '经核查，档案真实' },
    ctxOn('2025-03-27'),
  ),
  command(
    'rating-case recheck',
    ratingCaseDecider,
    ratingAwarded,
    { type: 'recheck', caseId: 'rc-4', outcome: 'demote', toStar: 3, note: '复核发现服务台账缺失' },
    ctxOn('2026-03-20'),
  ),
];
