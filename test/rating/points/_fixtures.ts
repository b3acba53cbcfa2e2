import { unwrap } from '../../../src/core/index.js';
import { type PointsScheme, type PointsSchemeInput, parsePointsScheme } from '../../../src/rating/index.js';

/** An illustrative half-yearly vanguard index in the shape of the localities in domain.md §3. */
export function vanguardInput(): PointsSchemeInput {
  return {
    id: 'jx-vanguard',
    name: { 'zh-CN': '党员先锋指数（测试用）' },
    subject: 'member',
    period: 'half-year',
    base: 60,
    maxTotal: 100,
    groups: [{ code: 'life', title: { 'zh-CN': '组织生活' }, cap: 20 }],
    items: [
      { code: 'study', title: { 'zh-CN': '参加集中学习' }, kind: 'earn', points: 2, cap: 12, group: 'life' },
      { code: 'meeting', title: { 'zh-CN': '参加三会一课' }, kind: 'earn', points: 3, cap: 12, group: 'life' },
      { code: 'party-day', title: { 'zh-CN': '参加主题党日' }, kind: 'earn', points: 2, cap: 8 },
      { code: 'volunteer', title: { 'zh-CN': '志愿服务' }, kind: 'earn', points: 2, cap: 10 },
      { code: 'wish', title: { 'zh-CN': '认领微心愿' }, kind: 'bonus', points: 2, cap: 4 },
      { code: 'honor', title: { 'zh-CN': '获得表彰' }, kind: 'bonus', points: 5, cap: 5 },
      { code: 'late', title: { 'zh-CN': '任务逾期或未完成' }, kind: 'deduction', points: 2, range: { min: 1, max: 5 } },
      { code: 'absent', title: { 'zh-CN': '无故缺席组织生活' }, kind: 'deduction', points: 3 },
      { code: 'talk', title: { 'zh-CN': '提醒或诫勉谈话' }, kind: 'deduction', points: 5 },
    ],
    bonusCap: 8,
    deductionCap: 30,
    resets: [{ code: 'discipline', title: { 'zh-CN': '受到党纪处分' } }],
    vetoes: [{ code: 'crime', title: { 'zh-CN': '违法犯罪' }, grade: 'unqualified' }],
    grades: [
      { code: 'qualified', title: { 'zh-CN': '合格', en: 'qualified' }, min: 60 },
      { code: 'excellent', title: { 'zh-CN': '优秀', en: 'excellent' }, min: 90 },
      { code: 'vanguard', title: { 'zh-CN': '先锋', en: 'vanguard' }, min: 80 },
      { code: 'warning', title: { 'zh-CN': '警示', en: 'warning' }, min: 50 },
      { code: 'unqualified', title: { 'zh-CN': '不合格', en: 'unqualified' }, min: 0 },
    ],
    categories: [
      { code: 'in-post', title: { 'zh-CN': '在职党员' } },
      { code: 'mobile', title: { 'zh-CN': '流动党员' }, base: 50 },
      { code: 'retired', title: { 'zh-CN': '离退休党员' }, scored: false },
    ],
  };
}

export const vanguard = (): PointsScheme => unwrap(parsePointsScheme(vanguardInput()));

/** The most a member can reach in a period under {@link vanguard}, before the ceiling. */
export const VANGUARD_CEILING = 60 + 20 + 8 + 10 + 8;
