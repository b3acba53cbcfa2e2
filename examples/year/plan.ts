/**
 * The county bureau's 2025 work plan and its quarterly reviews, as Weihai runs them: party work and
 * business work carry equal points, each quarter the assessment group checks on site what was really
 * done, and items late, not done or reported untruthfully are notified and cost points. After the
 * merger the plan is revised to give 港城所 the second half's tasks. Tasks and reports are illustrative.
 */
import { addDays, type IsoDate, type Quarter, unwrap } from 'shijian/core';
import {
  type PlanCheck,
  type PlanTask,
  type ProgressReport,
  parseWorkPlan,
  type QuarterlyReview,
  quarterlyReview,
  type ReviewOutcome,
  type ReviewRules,
  recordPlanCheck,
  reportProgress,
  revisePlan,
  type WorkPlan,
} from 'shijian/loop';
import type { ReportSection } from '../report/html.js';
import { at, MERGED_ON, nameOf, SUCCESSOR, YEAR_END } from './bureau.js';

/** 党建工作与业务工作等分值考核 (Weihai): 50 + 50; the deductions are the bureau's own choice (示意). */
export const REVIEW_RULES: ReviewRules = {
  points: { party: 50, business: 50 },
  deductions: { late: 1, 'not-done': 2, untruthful: 3 },
};

export const QUARTERS: readonly Quarter[] = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'];
// each quarter's node falls mid-month, so the review at the quarter's end sees a late report as late
const QUARTER_DUE: readonly IsoDate[] = ['2025-03-14', '2025-06-13', '2025-09-12', '2025-12-12'];

/** A station's two tasks for the quarters it stands in: party work and business work, one milestone per quarter. */
function tasksOf(unitId: string, quarters: readonly number[]): PlanTask[] {
  const task = (kind: 'party' | 'business', title: string, step: string): PlanTask => {
    const last = quarters[quarters.length - 1] ?? 3;
    return {
      id: `${unitId}-${kind}`,
      title,
      ownerUnitId: unitId,
      kind,
      dueOn: QUARTER_DUE[last] as IsoDate,
      milestones: quarters
        .filter((q) => q !== last)
        .map((q) => ({
          id: `${unitId}-${kind}-q${q + 1}`,
          title: `${step}（第${q + 1}季度）`,
          dueOn: QUARTER_DUE[q] as IsoDate,
        })),
    };
  };
  return [
    task('party', '支部“三会一课”与主题党日', '按计划开展组织生活'),
    task('business', '“双随机、一公开”抽查与闭环整改', '完成本季度抽查任务'),
  ];
}

const STABLE = ['st-1', 'st-2', 'st-3', 'st-4'];

/** Where a station's item stands: the quarter (0–3) and the kind; absent = done on time. */
type Slip = { readonly outcome: Exclude<ReviewOutcome, 'on-time'> };
const SLIPS: { readonly [key: string]: Slip } = {
  'st-3-business-q2': { outcome: 'late' },
  'st-2-party-q3': { outcome: 'not-done' },
  'st-4-business': { outcome: 'untruthful' },
  'st-6-business-q1': { outcome: 'late' },
};

/** The plan with its revision after the merger, every progress report and the on-site checks. */
export function workPlan(): WorkPlan {
  let plan = unwrap(
    parseWorkPlan({
      id: 'plan-2025',
      unitId: 'county',
      year: 2025,
      title: '某区市场监督管理局 2025 年度重点工作计划',
      revisions: [
        {
          number: 1,
          on: '2025-01-10',
          by: '局党组',
          summary: '年度计划印发：党建、业务各一项任务，按季度设时间节点',
          tasks: [
            ...STABLE.flatMap((id) => tasksOf(id, [0, 1, 2, 3])),
            ...['st-5', 'st-6'].flatMap((id) => tasksOf(id, [0, 1])),
          ],
          comments: [{ by: '分管副局长', on: '2025-01-09', text: '业务任务要与闭环整改挂钩' }],
        },
      ],
      reports: [],
      checks: [],
    }),
  );
  const r1 = plan.revisions[0];
  plan = unwrap(
    revisePlan(plan, {
      on: MERGED_ON,
      by: '局党组',
      summary: '北港所、南港所合并，下半年任务由港城所承担',
      tasks: [...(r1?.tasks ?? []), ...tasksOf(SUCCESSOR, [2, 3])],
      comments: [],
    }),
  );
  const items = plan.revisions.at(-1)?.tasks.flatMap((t) => [
    ...t.milestones.map((m) => ({
      taskId: t.id,
      milestoneId: m.id as string | undefined,
      key: m.id,
      dueOn: m.dueOn,
    })),
    { taskId: t.id, milestoneId: undefined, key: t.id, dueOn: t.dueOn },
  ]);
  for (const item of items ?? []) {
    const slip = SLIPS[item.key]?.outcome;
    if (slip === 'not-done') continue;
    const ref = { taskId: item.taskId, ...(item.milestoneId === undefined ? {} : { milestoneId: item.milestoneId }) };
    const doneOn = addDays(item.dueOn, slip === 'late' ? 10 : -3);
    const report: ProgressReport = { status: 'done', ...ref, reportedOn: doneOn, doneOn };
    plan = unwrap(reportProgress(plan, report));
    if (slip === 'untruthful') {
      const check: PlanCheck = {
        ...ref,
        checkedOn: addDays(item.dueOn, -1),
        by: '季度考核组',
        found: 'not-done',
        note: '现场检查：抽查记录未录入系统，与报告不符',
      };
      plan = unwrap(recordPlanCheck(plan, check));
    }
  }
  return plan;
}

/** The four quarterly reviews of the plan, judged at year end. */
export function reviews(plan: WorkPlan): QuarterlyReview[] {
  return QUARTERS.map((q) => quarterlyReview(plan, q, at(YEAR_END), REVIEW_RULES));
}

const OUTCOME_ZH: { readonly [K in ReviewOutcome]: string } = {
  'on-time': '按期',
  late: '逾期',
  'not-done': '未完成',
  untruthful: '与实际不符',
};

const quarterZh = (q: Quarter) => `第${q.slice(-1)}季度`;

/** 季度考评: per quarter and station, the outcomes and the party / business scores, then what was notified. */
export function reviewSection(plan: WorkPlan, rs: readonly QuarterlyReview[]): ReportSection {
  const rows = rs.flatMap((r) =>
    r.owners
      .filter((o) => o.items.length > 0)
      .map((o) => ({
        季度: quarterZh(r.quarter),
        单位: nameOf(o.ownerUnitId),
        按期: o.counts['on-time'],
        逾期: o.counts.late,
        未完成: o.counts['not-done'],
        与实际不符: o.counts.untruthful,
        党建得分: o.score.party,
        业务得分: o.score.business,
        合计: o.score.total,
      })),
  );
  const notified = rs.flatMap((r) =>
    r.toNotify.map((i) => ({
      季度: quarterZh(r.quarter),
      单位: nameOf(i.ownerUnitId),
      事项: i.title,
      类别: i.kind === 'party' ? '党建' : '业务',
      应完成: i.dueOn,
      结果: OUTCOME_ZH[i.outcome],
      扣分: i.deduction,
    })),
  );
  return {
    id: 'review',
    heading: '工作计划与季度考评',
    paragraphs: [
      `《${plan.title}》共修订 ${plan.revisions.length} 次，进度报告 ${plan.reports.length} 条，现场检查 ${plan.checks.length} 次。党建工作与业务工作等分值考核（各 ${REVIEW_RULES.points.party} 分），未按时完成或与实际不符的予以通报并扣分。`,
    ],
    tables: [
      { caption: '季度考评结果', rows },
      { caption: '通报事项', rows: notified },
    ],
  };
}
