import { fixedContext } from '../../../src/core/index.js';
import {
  parseIndicatorTree,
  parsePointsScheme,
  parseStarScheme,
  parseTaskBook,
  ratingCaseDecider,
} from '../../../src/rating/index.js';
import { treeInput } from '../../rating/_fixtures.js';
import { toNotice } from '../../rating/case/_fixture.js';
import { vanguardInput } from '../../rating/points/_fixtures.js';
import { command, type HostileTarget, stateAfter } from './_lib.js';

const ratingCtx = fixedContext({ now: '2025-04-10T09:00:00+08:00', actor: 'u-office' });
const ratingNoticed = stateAfter(
  ratingCaseDecider,
  toNotice('rc-1', 'st-baiyun').map(([, c]) => c),
  ratingCtx,
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
];
