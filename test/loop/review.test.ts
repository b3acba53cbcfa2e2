import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/core/index.js';
import {
  currentTasks,
  parseWorkPlan,
  quarterlyReview,
  recordPlanCheck,
  reportProgress,
  revisePlan,
  type WorkPlan,
} from '../../src/loop/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { at } from './_fixture.js';

const plan = deepFreeze(
  unwrap(
    parseWorkPlan({
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
              id: 't-party',
              title: '主题党日',
              ownerUnitId: 'br-food',
              kind: 'party',
              dueOn: '2025-09-30',
              milestones: [],
            },
            {
              id: 't-check',
              title: '批批快检',
              ownerUnitId: 'dept-food',
              kind: 'business',
              dueOn: '2025-12-31',
              milestones: [
                { id: 'm-q3', title: '三季度快检全覆盖', dueOn: '2025-09-15' },
                { id: 'm-trace', title: '商超追溯上线', dueOn: '2025-08-29' },
              ],
            },
          ],
          comments: [{ by: '局长', on: '2025-01-12', text: '目标要踮起脚尖才能够得着' }],
        },
      ],
      reports: [],
      checks: [],
    }),
  ),
) as WorkPlan;

describe('work plans', () => {
  it('keeps every revision with its comments', () => {
    const v2 = unwrap(
      revisePlan(plan, {
        on: '2025-02-01',
        by: '科长',
        summary: '抬高目标',
        tasks: [...currentTasks(plan)],
        comments: [],
      }),
    );
    expect(v2.revisions.map((r) => r.number)).toEqual([1, 2]);
    expect(plan.revisions).toHaveLength(1);
  });
  it('refuses revisions out of order and reports on unknown tasks', () => {
    const r = parseWorkPlan({ ...plan, revisions: [{ ...plan.revisions[0], number: 2 }] });
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.path])).toEqual([
      ['loop/plan-revision-out-of-order', ['revisions', 0, 'number']],
    ]);
    const bad = reportProgress(plan, {
      status: 'done',
      taskId: 't-none',
      reportedOn: '2025-09-01',
      doneOn: '2025-09-01',
    });
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.path])).toEqual([
      ['loop/plan-task-unknown', ['report', 'taskId']],
    ]);
    const early = revisePlan(plan, {
      on: '2024-12-01',
      by: '科长',
      summary: '倒签',
      tasks: [...currentTasks(plan)],
      comments: [],
    });
    expect(early.ok ? [] : early.errors.map((e) => e.code)).toEqual(['loop/dates-out-of-order']);
  });
});

describe('quarterlyReview', () => {
  const reported = [
    { status: 'done', taskId: 't-party', reportedOn: '2025-09-20', doneOn: '2025-09-19' },
    { status: 'done', taskId: 't-check', milestoneId: 'm-q3', reportedOn: '2025-09-20', doneOn: '2025-09-19' },
    { status: 'done', taskId: 't-check', milestoneId: 'm-trace', reportedOn: '2025-08-28', doneOn: '2025-08-28' },
  ] as const;
  const withReports = reported.reduce((p, r) => unwrap(reportProgress(p, r)), plan);
  const checked = unwrap(
    recordPlanCheck(withReports, {
      taskId: 't-check',
      milestoneId: 'm-trace',
      checkedOn: '2025-09-25',
      by: '考核组',
      found: 'not-done',
    }),
  );

  it('judges on-time, late and untruthful items and deducts per owner, party and business equally weighted', () => {
    const r = quarterlyReview(checked, '2025-Q3', at('2025-10-10'));
    expect(r.asOf).toBe('2025-09-30');
    const food = r.owners.find((o) => o.ownerUnitId === 'dept-food');
    expect(food?.counts).toEqual({ 'on-time': 0, late: 1, 'not-done': 0, untruthful: 1 });
    expect(food?.score).toEqual({ party: 50, business: 46, total: 96 });
    const branch = r.owners.find((o) => o.ownerUnitId === 'br-food');
    expect(branch?.counts['on-time']).toBe(1);
    expect(r.toNotify.map((i) => [i.milestoneId, i.outcome])).toEqual([
      ['m-q3', 'late'],
      ['m-trace', 'untruthful'],
    ]);
  });
  it('counts an item with no done report as not done, with the rules given', () => {
    const r = quarterlyReview(plan, '2025-Q3', at('2025-10-10'), {
      points: { party: 40, business: 60 },
      deductions: { late: 1, 'not-done': 5, untruthful: 10 },
    });
    expect(r.owners.map((o) => [o.ownerUnitId, o.score.total])).toEqual([
      ['br-food', 95],
      ['dept-food', 90],
    ]);
  });
  it('only judges what is already due', () => {
    const r = quarterlyReview(plan, '2025-Q3', at('2025-09-01'));
    expect(r.toNotify.map((i) => i.milestoneId)).toEqual(['m-trace']);
  });
});
