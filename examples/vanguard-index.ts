/**
 * Jiaxing's 一制一书一表 at branch and member level: a branch's members scored on a half-yearly
 * vanguard index (先锋指数, 2025-H1) with item and group caps, bonuses, deductions, a reset-to-zero
 * condition, a veto, grade bands and an approved exclusion; then the branch task book (任务书) with its
 * required and optional menus. Run on its own with `npx tsx examples/vanguard-index.ts`.
 *
 * ILLUSTRATIVE: Jiaxing's article says a vanguard index is measured every half year with quantified
 * standards and that the task book has a required and an optional menu; it does not publish the
 * items or points. The items, caps and bands below follow the recurring structures in domain.md §3.
 */

import { unwrap } from 'shijian/core';
import {
  type PointsEventInput,
  type PointsSubject,
  parsePointsScheme,
  parseTaskBook,
  scorePoints,
  scoreTaskBook,
} from 'shijian/rating';
import { isMain, table } from './_print.js';

export const scheme = () =>
  unwrap(
    parsePointsScheme({
      id: 'jx-vanguard-2025',
      name: { 'zh-CN': '机关党员先锋指数（示意）', en: 'organ member vanguard index (illustrative)' },
      subject: 'member',
      period: 'half-year',
      base: 60,
      maxTotal: 100,
      groups: [{ code: 'life', title: { 'zh-CN': '组织生活' }, cap: 20 }],
      items: [
        { code: 'study', title: { 'zh-CN': '参加集中学习' }, kind: 'earn', points: 2, cap: 12, group: 'life' },
        { code: 'meeting', title: { 'zh-CN': '参加三会一课' }, kind: 'earn', points: 3, cap: 12, group: 'life' },
        { code: 'party-day', title: { 'zh-CN': '参加主题党日' }, kind: 'earn', points: 2, cap: 8 },
        {
          code: 'service',
          title: { 'zh-CN': '志愿服务（舌尖上的科普、3·15集结号）' },
          kind: 'earn',
          points: 2,
          cap: 10,
        },
        { code: 'wish', title: { 'zh-CN': '认领群众微心愿' }, kind: 'bonus', points: 2, cap: 4 },
        { code: 'forum', title: { 'zh-CN': '在知行论坛宣讲' }, kind: 'bonus', points: 3, cap: 3 },
        {
          code: 'late',
          title: { 'zh-CN': '任务逾期或未完成' },
          kind: 'deduction',
          points: 2,
          range: { min: 1, max: 5 },
        },
        { code: 'absent', title: { 'zh-CN': '无故缺席组织生活' }, kind: 'deduction', points: 3 },
        { code: 'talk', title: { 'zh-CN': '提醒或诫勉谈话' }, kind: 'deduction', points: 5 },
      ],
      bonusCap: 6,
      deductionCap: 30,
      resets: [{ code: 'discipline', title: { 'zh-CN': '受到党纪处分' } }],
      vetoes: [{ code: 'crime', title: { 'zh-CN': '违法犯罪' }, grade: 'unqualified' }],
      grades: [
        { code: 'excellent', title: { 'zh-CN': '优秀', en: 'excellent' }, min: 92 },
        { code: 'vanguard', title: { 'zh-CN': '先锋', en: 'vanguard' }, min: 85 },
        { code: 'qualified', title: { 'zh-CN': '合格', en: 'qualified' }, min: 65 },
        { code: 'warning', title: { 'zh-CN': '警示', en: 'warning' }, min: 55 },
        { code: 'unqualified', title: { 'zh-CN': '不合格', en: 'unqualified' }, min: 0 },
      ],
      categories: [
        { code: 'in-post', title: { 'zh-CN': '在职党员' } },
        { code: 'retired', title: { 'zh-CN': '离退休党员' }, scored: false },
      ],
    }),
  );

const members: PointsSubject[] = [
  { id: 'jx-m01', name: '沈晓燕', category: 'in-post' },
  { id: 'jx-m02', name: '陆建明', category: 'in-post' },
  { id: 'jx-m03', name: '徐春燕', category: 'in-post' },
  { id: 'jx-m04', name: '钱卫东', category: 'in-post' },
  { id: 'jx-m05', name: '姚丽萍', category: 'in-post' },
  { id: 'jx-m06', name: '朱国平', category: 'in-post' },
  {
    id: 'jx-m07',
    name: '顾德明',
    category: 'in-post',
    exclusion: { reason: 'illness', decidedOn: '2025-01-08', approval: { by: 'jx-organ-committee', on: '2025-01-15' } },
  },
  { id: 'jx-m08', name: '吴秀英', category: 'retired' },
];

const e = (subjectId: string, item: string, on: string, count = 1, points?: number): PointsEventInput => ({
  subjectId,
  item,
  on: on as PointsEventInput['on'],
  count,
  ...(points === undefined ? {} : { points }),
});

const events: PointsEventInput[] = [
  // 沈晓燕: every study and meeting, 3·15 volunteer, forum speaker — capped at the top.
  e('jx-m01', 'study', '2025-06-20', 8),
  e('jx-m01', 'meeting', '2025-06-25', 6),
  e('jx-m01', 'party-day', '2025-06-28', 4),
  e('jx-m01', 'service', '2025-03-15', 5),
  e('jx-m01', 'forum', '2025-05-09'),
  e('jx-m01', 'wish', '2025-04-02', 2),
  // 陆建明: solid attendance, some volunteering.
  e('jx-m02', 'study', '2025-06-20', 6),
  e('jx-m02', 'meeting', '2025-06-25', 4),
  e('jx-m02', 'party-day', '2025-06-28', 3),
  e('jx-m02', 'service', '2025-04-20', 2),
  // 徐春燕: 春燕与你同行 volunteer, one late task.
  e('jx-m03', 'study', '2025-06-20', 5),
  e('jx-m03', 'meeting', '2025-06-25', 3),
  e('jx-m03', 'service', '2025-05-18', 4),
  e('jx-m03', 'late', '2025-04-30', 1, 2),
  // 钱卫东: missed meetings and a reminder talk.
  e('jx-m04', 'study', '2025-06-20', 4),
  e('jx-m04', 'absent', '2025-03-11', 2),
  e('jx-m04', 'talk', '2025-05-06'),
  // 姚丽萍: a good half-year, then a disciplinary sanction resets it.
  e('jx-m05', 'study', '2025-06-20', 6),
  e('jx-m05', 'meeting', '2025-06-25', 4),
  e('jx-m05', 'discipline', '2025-06-10'),
  // 朱国平: average attendance.
  e('jx-m06', 'study', '2025-06-20', 4),
  e('jx-m06', 'meeting', '2025-06-25', 3),
  e('jx-m06', 'party-day', '2025-06-28', 2),
];

const BRANCHES: Record<string, string> = { 'jx-branch-3': '机关第三党支部', 'jx-branch-5': '机关第五党支部' };

/** Prints the members' vanguard index for 2025-H1 and the branch task book. */
export function main(): void {
  const report = unwrap(scorePoints(scheme(), members, events, '2025-H1'));
  console.log(`\n嘉兴·机关第三党支部  党员先锋指数 ${report.period}（${report.range.from} 至 ${report.range.to}）`);
  // The report keeps input order; the ledger lists by rank, members not scored last.
  const byRank = [...report.subjects].sort(
    (a, b) => (a.status === 'scored' ? a.rank : Infinity) - (b.status === 'scored' ? b.rank : Infinity),
  );
  table(
    byRank.map((s) =>
      s.status === 'scored'
        ? {
            排名: s.rank,
            党员: s.name,
            基本分: s.base,
            积分: s.earned,
            加分: s.bonus,
            扣分: s.deductions,
            先锋指数: s.total,
            等次: s.gradeTitle['zh-CN'],
            说明: s.reset ? `清零：${s.reset.title['zh-CN']}` : s.vetoed ? `否决：${s.vetoed.title['zh-CN']}` : '',
          }
        : {
            排名: '—',
            党员: s.name,
            基本分: '',
            积分: '',
            加分: '',
            扣分: '',
            先锋指数: '不参评',
            等次: '',
            说明: s.reason === 'category-not-scored' ? '离退休党员不计分' : '因病经支部大会决定、机关党委批准不参评',
          },
    ),
  );
  const gradeTitles = new Map(scheme().grades.map((g) => [g.code, g.title['zh-CN']]));
  const counts = Object.entries(report.byGrade).map(([g, n]) => `${gradeTitles.get(g) ?? g} ${n} 人`);
  console.log(`\n等次分布：${counts.join('，')}`);

  const first = report.subjects.find((s) => s.status === 'scored' && s.rank === 1);
  if (first?.status === 'scored') {
    console.log(`\n${first.name} 的得分明细`);
    table(
      first.rows.map((r) => ({ 项目: r.title['zh-CN'], 次数: r.count || '', 分值: r.points, 说明: r.why['zh-CN'] })),
    );
  }

  const book = unwrap(
    parseTaskBook({
      id: 'jx-taskbook-2025',
      name: { 'zh-CN': '2025 年支部党建任务书（示意）' },
      required: [
        { code: 'R1', title: { 'zh-CN': '“三会一课”按期召开' }, points: 25 },
        { code: 'R2', title: { 'zh-CN': '每月主题党日' }, points: 15 },
        { code: 'R3', title: { 'zh-CN': '半年党员先锋指数测评' }, points: 15 },
        { code: 'R4', title: { 'zh-CN': '支委担任指导员、辅导员、督导员' }, points: 15 },
      ],
      optional: [
        { code: 'O1', title: { 'zh-CN': '“舌尖上的科普”志愿服务' }, points: 10 },
        { code: 'O2', title: { 'zh-CN': '“3·15集结号”维权宣传' }, points: 10 },
        { code: 'O3', title: { 'zh-CN': '“春燕与你同行”结对帮扶' }, points: 10 },
        { code: 'O4', title: { 'zh-CN': '承办知行论坛专场' }, points: 10 },
      ],
      optionalMin: 2,
      optionalCap: 30,
    }),
  );
  const scores = unwrap(
    scoreTaskBook(book, [
      {
        branchId: 'jx-branch-3',
        completions: [
          { task: 'R1', completion: 1 },
          { task: 'R2', completion: 1 },
          { task: 'R3', completion: 1, evidence: '2025-H1 先锋指数测评表' },
          { task: 'R4', completion: 0.5 },
          { task: 'O1', completion: 1 },
          { task: 'O2', completion: 1 },
          { task: 'O4', completion: 1 },
        ],
      },
      {
        branchId: 'jx-branch-5',
        completions: [
          { task: 'R1', completion: 1 },
          { task: 'R2', completion: 0.75 },
          { task: 'O3', completion: 1 },
        ],
      },
    ]),
  );
  console.log(`\n${book.name['zh-CN']}`);
  table(
    scores.map((s) => ({
      支部: BRANCHES[s.branchId] ?? s.branchId,
      规定任务: `${s.requiredScore}/${s.requiredMax}`,
      自选任务: s.optionalScore,
      合计: `${s.total}/${s.max}`,
      未完成规定任务: s.outstanding.join('、') || '无',
      自选不足: s.optionalShortfall > 0 ? `还需 ${s.optionalShortfall} 项` : '—',
    })),
  );
}

if (isMain(import.meta.url)) main();
