import { describe, expect, it } from 'vitest';
import { produce } from '../../src/core/immer.js';
import { execute, getRecord, putRecord, type Recorded, type Result, replay, unwrap } from '../../src/core/index.js';
import {
  createLoopDecider,
  dueSoon,
  gaps,
  type LoopCommand,
  type LoopDecider,
  type LoopEvent,
  type LoopState,
  ledger,
  loopDecider,
  loopLinkLabels,
  parseWorkPlan,
  quarterlyReview,
  recordPlanCheck,
  reportProgress,
  revisePlan,
  type WorkPlan,
} from '../../src/loop/index.js';
import { deepFreeze, unfrozenPaths } from '../helpers/freeze.js';
import { at, closing, ctx, run, story } from './_fixture.js';

// The fixes of the loop audit (/tmp/audit/loop.md), one block per finding.

function tryOn(state: LoopState, command: LoopCommand, decider: LoopDecider = loopDecider) {
  return execute(decider, deepFreeze(state), deepFreeze(command), ctx);
}

function refused(r: Result<unknown>, code: string, path: readonly (string | number)[]) {
  expect(r.ok).toBe(false);
  if (r.ok) return undefined;
  const e = r.errors.find((x) => x.code === code);
  expect(e, `${code} in ${r.errors.map((x) => `${x.code}@${x.path.join('.')}`).join(',')}`).toBeDefined();
  expect(e?.path).toEqual(path);
  expect(e?.message['zh-CN'].length).toBeGreaterThan(0);
  expect(e?.message.en.length).toBeGreaterThan(0);
  return e;
}

const base = run(story).state; // o-1: 5 working days from 2025-09-26 → due 2025-10-10

const report = (id: string, on: string): LoopCommand => ({
  type: 'report-resolution',
  id,
  orderId: 'o-1',
  summary: '已下架销毁',
  evidence: ['销毁记录'],
  reportedBy: '王所长',
  on,
});
const extension = (on: string, newDueOn = '2025-10-17'): LoopCommand => ({
  type: 'request-extension',
  orderId: 'o-1',
  reason: '需第三方复检',
  newDueOn,
  on,
});

describe('1. a re-report after 退回 cannot be dated before the return', () => {
  const returned = run(
    [
      report('r-1', '2025-10-09'),
      { type: 'review-resolution', resolutionId: 'r-1', decision: 'return', reason: '缺证据', on: '2025-10-20' },
    ],
    base,
  ).state;

  it('refuses a second report dated on the due day after a return on 2025-10-20, and changes nothing', () => {
    const e = refused(tryOn(returned, report('r-2', '2025-10-10')), 'loop/dates-out-of-order', ['on']);
    expect(e?.details).toEqual({ date: '2025-10-10', earliest: '2025-10-20' });
    expect(getRecord(returned.orders, 'o-1')).toMatchObject({ status: 'open', returns: 1, returnedOn: '2025-10-20' });
  });

  it('accepts a report on or after the return day, and the order is then judged late', () => {
    const s = run(
      [
        report('r-2', '2025-10-20'),
        { type: 'review-resolution', resolutionId: 'r-2', decision: 'accept', on: '2025-10-21' },
      ],
      returned,
    ).state;
    expect(getRecord(s.orders, 'o-1')).toMatchObject({ status: 'resolved', resolvedOn: '2025-10-20', onTime: false });
  });
});

describe('2. decide-extension once the order is resolved', () => {
  const requested = run([extension('2025-10-09')], base).state;

  it('is refused, and the deadline in force stays (the request lapsed on acceptance: nothing is pending)', () => {
    const resolved = run(
      [
        report('r-1', '2025-10-13'),
        { type: 'review-resolution', resolutionId: 'r-1', decision: 'accept', on: '2025-10-14' },
      ],
      requested,
    ).state;
    refused(
      tryOn(resolved, { type: 'decide-extension', orderId: 'o-1', approve: true, on: '2025-10-15' }),
      'loop/no-pending-extension',
      ['orderId'],
    );
    expect(getRecord(resolved.orders, 'o-1')).toMatchObject({ effectiveDueOn: '2025-10-10', onTime: false });
  });

  it('is allowed while the resolution awaits review, and lateness is then judged against the new date', () => {
    const reported = run([report('r-1', '2025-10-13')], requested).state;
    const s = run(
      [
        { type: 'decide-extension', orderId: 'o-1', approve: true, on: '2025-10-13' },
        { type: 'review-resolution', resolutionId: 'r-1', decision: 'accept', on: '2025-10-14' },
      ],
      reported,
    ).state;
    expect(getRecord(s.orders, 'o-1')).toMatchObject({ effectiveDueOn: '2025-10-17', onTime: true });
  });

  it('is allowed while the order is open', () => {
    const s = run([{ type: 'decide-extension', orderId: 'o-1', approve: true, on: '2025-10-09' }], requested).state;
    expect(getRecord(s.orders, 'o-1')).toMatchObject({ status: 'open', effectiveDueOn: '2025-10-17' });
  });
});

describe('3. a reported resolution nobody reviews is a broken link', () => {
  const reported = run([closing[0] as LoopCommand], base).state; // reported 2025-10-09

  it('is owed by the supervising unit, 5 working days after the report by default (10-11 is a make-up Saturday)', () => {
    expect(getRecord(reported.orders, 'o-1')).toMatchObject({ status: 'reported', reviewDueOn: '2025-10-15' });
    expect(gaps(reported, at('2025-10-15'))).toEqual([]);
    expect(gaps(reported, at('2025-10-16'))).toEqual([
      {
        link: 'review',
        recordId: 'r-1',
        deploymentId: 'dep-1',
        problemId: 'p-1',
        owedBy: 'dept-office',
        dueOn: '2025-10-15',
        lateWorkdays: 1,
      },
    ]);
    expect(gaps(reported, at('2026-03-02')).map((g) => [g.link, g.problemId])).toEqual([['review', 'p-1']]);
    expect(dueSoon(reported, at('2025-10-13')).map((g) => [g.link, g.remainingWorkdays])).toEqual([['review', 2]]);
    expect(loopLinkLabels.review).toEqual({ 'zh-CN': '处结审核', en: 'review' });
  });

  it('takes its period from LoopOptions.reviewWithin', () => {
    const quick = createLoopDecider({ reviewWithin: { workdays: 1 } });
    const s = run([closing[0] as LoopCommand], base, quick).state;
    expect(gaps(s, at('2025-10-13')).map((g) => [g.link, g.dueOn, g.lateWorkdays])).toEqual([
      ['review', '2025-10-10', 2],
    ]);
  });

  it('is no longer owed once reviewed, whether accepted or returned', () => {
    const returned = run(
      [{ type: 'review-resolution', resolutionId: 'r-1', decision: 'return', on: '2025-10-10' }],
      reported,
    ).state;
    expect(gaps(returned, at('2025-10-20')).map((g) => g.link)).toEqual(['resolution']);
    const accepted = run([closing[1] as LoopCommand], reported).state;
    expect(gaps(accepted, at('2025-10-20'))).toEqual([]);
  });

  it('is owed from the report day in a log recorded before the review deadline existed', () => {
    const { events } = run([...story, closing[0] as LoopCommand]);
    const old = events.map((e) => {
      if (e.type !== 'resolution-reported') return e;
      const { reviewDueOn: _, ...rest } = e;
      return rest as Recorded<LoopEvent>;
    });
    const s = replay(loopDecider, old);
    expect(gaps(s, at('2025-10-10')).map((g) => [g.link, g.dueOn])).toEqual([['review', '2025-10-09']]);
  });
});

const plan = deepFreeze(
  unwrap(
    parseWorkPlan({
      id: 'plan-1',
      unitId: 'dept-food',
      year: 2025,
      title: '2025 年工作计划',
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
              ownerUnitId: 'dept-food',
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
          comments: [],
        },
      ],
      reports: [],
      checks: [],
    }),
  ),
) as WorkPlan;

const outcome = (p: WorkPlan, today: string, milestoneId: string | undefined, taskId = 't-check') =>
  quarterlyReview(p, '2025-Q3', at(today)).owners[0]?.items.find(
    (i) => i.taskId === taskId && i.milestoneId === milestoneId,
  )?.outcome;

describe('4. a done claim contradicted by an earlier on-site check (与实际不符)', () => {
  const checked = unwrap(
    recordPlanCheck(plan, {
      taskId: 't-check',
      milestoneId: 'm-trace',
      checkedOn: '2025-08-20',
      by: '考核组',
      found: 'not-done',
    }),
  );

  it('is untruthful when the check on 08-20 found not done what a report of 08-28 claims done on 08-15', () => {
    const claimed = unwrap(
      reportProgress(checked, {
        status: 'done',
        taskId: 't-check',
        milestoneId: 'm-trace',
        reportedOn: '2025-08-28',
        doneOn: '2025-08-15',
      }),
    );
    const r = quarterlyReview(claimed, '2025-Q3', at('2025-10-10'));
    const item = r.owners[0]?.items.find((i) => i.milestoneId === 'm-trace');
    expect(item).toMatchObject({ outcome: 'untruthful', deduction: 3 });
    expect(r.toNotify.map((i) => [i.milestoneId, i.outcome])).toContainEqual(['m-trace', 'untruthful']);
  });

  it('is not contradicted by a check before the day it was claimed done', () => {
    const claimed = unwrap(
      reportProgress(checked, {
        status: 'done',
        taskId: 't-check',
        milestoneId: 'm-trace',
        reportedOn: '2025-08-28',
        doneOn: '2025-08-25',
      }),
    );
    expect(outcome(claimed, '2025-10-10', 'm-trace')).toBe('on-time');
  });
});

describe('5. duplicate ids in a work plan', () => {
  const task = plan.revisions[0]?.tasks[1] as WorkPlan['revisions'][number]['tasks'][number];
  const withTasks = (tasks: unknown[]) => ({
    ...plan,
    revisions: [{ ...plan.revisions[0], tasks }],
  });

  it('refuses a task id repeated in a revision, at the second occurrence', () => {
    const r = parseWorkPlan(withTasks([task, { ...task, title: '另一任务' }]));
    const e = refused(r, 'loop/duplicate-id', ['revisions', 0, 'tasks', 1, 'id']);
    expect(e?.details).toEqual({ kind: 'task', id: 't-check' });
  });

  it('refuses a milestone id repeated in a task, at the second occurrence', () => {
    const m = task.milestones[0];
    refused(
      parseWorkPlan(withTasks([{ ...task, milestones: [m, { ...m, title: '重复节点' }] }])),
      'loop/duplicate-id',
      ['revisions', 0, 'tasks', 0, 'milestones', 1, 'id'],
    );
  });

  it('refuses a revision that repeats a task id, at the revision path', () => {
    const r = revisePlan(plan, { on: '2025-02-01', by: '科长', summary: '修订', tasks: [task, task], comments: [] });
    refused(r, 'loop/duplicate-id', ['revision', 'tasks', 1, 'id']);
  });

  it('still accepts the same milestone id under two different tasks', () => {
    const other = { ...task, id: 't-other', milestones: task.milestones };
    expect(parseWorkPlan(withTasks([task, other])).ok).toBe(true);
  });
});

describe('6. extension dates in a year the calendar does not cover', () => {
  const late2026 = run([
    { ...(story[0] as object), id: 'dep-26', on: '2026-12-01' } as LoopCommand,
    { ...(story[1] as object), id: 'insp-26', deploymentId: 'dep-26', on: '2026-12-02' } as LoopCommand,
    { ...(story[3] as object), id: 'p-26', inspectionId: 'insp-26', on: '2026-12-02' } as LoopCommand,
  ]).state;
  const ordered = run(
    [
      {
        type: 'order-supervision',
        id: 'o-26',
        problemId: 'p-26',
        leadUnitId: 'st-a1',
        deadline: { workdays: 5 },
        on: '2026-12-03',
      },
    ],
    late2026,
  ).state;
  const ask = (newDueOn: string): LoopCommand => ({
    type: 'request-extension',
    orderId: 'o-26',
    reason: '跨年',
    newDueOn,
    on: '2026-12-08',
  });

  it('refuses New Year 2027 as an extension date with core/calendar-not-covered at newDueOn', () => {
    refused(tryOn(ordered, ask('2027-01-01')), 'core/calendar-not-covered', ['newDueOn']);
  });

  it('refuses the same date as a fixed order deadline, at deadline.date', () => {
    const fixed: LoopCommand = {
      type: 'order-supervision',
      problemId: 'p-26',
      leadUnitId: 'st-a1',
      deadline: { date: '2027-01-01' },
      on: '2026-12-03',
    };
    refused(tryOn(late2026, fixed), 'core/calendar-not-covered', ['deadline', 'date']);
  });

  it('refuses an uncovered date given when approving, and allows both with allowCalendarFallback', () => {
    const requested = run([ask('2026-12-31')], ordered).state;
    refused(
      tryOn(requested, {
        type: 'decide-extension',
        orderId: 'o-26',
        approve: true,
        newDueOn: '2027-01-04',
        on: '2026-12-09',
      }),
      'core/calendar-not-covered',
      ['newDueOn'],
    );
    const lenient = createLoopDecider({ allowCalendarFallback: true });
    expect(tryOn(ordered, ask('2027-01-04'), lenient).ok).toBe(true);
    // a covered date is still checked for being a working day
    refused(tryOn(ordered, ask('2026-12-26')), 'loop/deadline-not-workday', ['newDueOn']);
  });
});

describe('7. an extension is requested before the due date', () => {
  it('refuses a request on the due day itself, saying "before" in both languages', () => {
    const e = refused(tryOn(base, extension('2025-10-10')), 'loop/extension-too-late', ['on']);
    expect(e?.message['zh-CN']).toContain('前申请');
    expect(e?.message.en).toContain('before the deadline 2025-10-10');
  });

  it('accepts a request the working day before', () => {
    expect(tryOn(base, extension('2025-10-09')).ok).toBe(true);
  });
});

describe('8. the quarterly review on an item’s own due day', () => {
  it('does not judge m-q3 not done on 2025-09-15, its due day, but does the day after', () => {
    expect(outcome(plan, '2025-09-15', 'm-q3')).toBeUndefined();
    const r = quarterlyReview(plan, '2025-Q3', at('2025-09-15'));
    expect(r.owners[0]?.score.business).toBe(48); // only m-trace (due 08-29) is deducted
    expect(outcome(plan, '2025-09-16', 'm-q3')).toBe('not-done');
  });

  it('judges an item done on its due day as on time that same day', () => {
    const done = unwrap(
      reportProgress(plan, {
        status: 'done',
        taskId: 't-check',
        milestoneId: 'm-q3',
        reportedOn: '2025-09-15',
        doneOn: '2025-09-15',
      }),
    );
    expect(outcome(done, '2025-09-15', 'm-q3')).toBe('on-time');
  });

  it('keeps the quarter’s last day in once the quarter is over, but not on that day itself', () => {
    expect(outcome(plan, '2025-09-30', undefined, 't-party')).toBeUndefined();
    expect(outcome(plan, '2025-10-10', undefined, 't-party')).toBe('not-done');
  });
});

describe('9. the ledger 时限 column of resolved and looked-back lines', () => {
  const deadline = (s: LoopState) => ledger(s, { book: 'problem' }).find((r) => r.id === 'p-1')?.deadline;

  it('shows the look-back deadline once resolved, the strike-off deadline once looked back, nothing once struck off', () => {
    const resolved = run(closing.slice(0, 2), base).state;
    expect(deadline(resolved)).toBe('2025-11-10');
    const lookedBack = run(closing.slice(2, 3), resolved).state;
    expect(deadline(lookedBack)).toBe('2025-11-17');
    expect(deadline(run(closing.slice(3, 4), lookedBack).state)).toBe('');
  });
});

describe('10. progress reports: done after reported, and unknown milestones', () => {
  it('refuses a done report whose completion day is after the day it was reported', () => {
    const r = reportProgress(plan, {
      status: 'done',
      taskId: 't-check',
      milestoneId: 'm-q3',
      reportedOn: '2025-09-01',
      doneOn: '2025-09-14',
    });
    const e = refused(r, 'loop/dates-out-of-order', ['report', 'doneOn']);
    expect(e?.details).toEqual({ date: '2025-09-01', earliest: '2025-09-14' });
    const stored = parseWorkPlan({
      ...plan,
      reports: [{ status: 'done', taskId: 't-check', reportedOn: '2025-09-01', doneOn: '2025-09-14' }],
    });
    refused(stored, 'loop/dates-out-of-order', ['reports', 0, 'doneOn']);
  });

  it('names the milestoneId when the milestone is the unknown part, and the taskId when the task is', () => {
    const m = { taskId: 't-check', milestoneId: 'm-nope' } as const;
    refused(reportProgress(plan, { status: 'in-progress', ...m, reportedOn: '2025-09-01' }), 'loop/plan-task-unknown', [
      'report',
      'milestoneId',
    ]);
    refused(
      recordPlanCheck(plan, { ...m, checkedOn: '2025-09-01', by: '考核组', found: 'done' }),
      'loop/plan-task-unknown',
      ['check', 'milestoneId'],
    );
    refused(
      recordPlanCheck(plan, {
        taskId: 't-none',
        milestoneId: 'm-q3',
        checkedOn: '2025-09-01',
        by: '考核组',
        found: 'done',
      }),
      'loop/plan-task-unknown',
      ['check', 'taskId'],
    );
  });
});

describe('11. a 0-working-day order issued on a holiday', () => {
  it('falls due on the next working day, not on National Day', () => {
    const s = run(
      [
        {
          type: 'order-supervision',
          id: 'o-h',
          problemId: 'p-1',
          leadUnitId: 'st-a1',
          deadline: { workdays: 0 },
          on: '2025-10-03',
        },
      ],
      run(story.slice(0, 4)).state,
    ).state;
    expect(getRecord(s.orders, 'o-h')?.dueOn).toBe('2025-10-09');
  });
});

describe('12. options given as undefined', () => {
  it('fall back to their defaults, key by key', () => {
    const cfg: { noticeWithin?: { workdays: number }; lookBackAfter?: { days: number } } = {
      lookBackAfter: { days: 10 },
    };
    const loop = createLoopDecider({
      noticeWithin: cfg.noticeWithin,
      lookBackAfter: cfg.lookBackAfter,
      requireWorkdayDeadlines: undefined,
      directory: undefined,
    });
    const s = run([...story, ...closing.slice(0, 2)], loop.initialState, loop).state;
    const i = getRecord(run(story.slice(0, 2), loop.initialState, loop).state.inspections, 'insp-1');
    // 5 working days from 2025-09-10, the default
    expect(i?.status === 'awaiting-notice' && i.noticeDueOn).toBe('2025-09-17');
    // the option that was given still applies: 10 days from acceptance on 2025-10-10
    expect(getRecord(s.problems, 'p-1')).toMatchObject({ status: 'resolved', lookBackDueOn: '2025-10-20' });
  });
});

// The leftovers of the audit fixes (/tmp/audit/loop-done.md § (d)).
describe('follow-up: leftovers of the audit fixes', () => {
  const accept = (on: string): LoopCommand => ({
    type: 'review-resolution',
    resolutionId: 'r-1',
    decision: 'accept',
    on,
  });
  const withProgress: LoopCommand = { ...extension('2025-10-09'), progress: '已送检' } as LoopCommand;

  describe('F1. a pending extension lapses when the resolution is accepted', () => {
    it('is settled as lapsed on the day of acceptance, keeping what was asked', () => {
      const s = run([withProgress, report('r-1', '2025-10-13'), accept('2025-10-14')], base).state;
      const o = getRecord(s.orders, 'o-1');
      expect(o).toMatchObject({ status: 'resolved', effectiveDueOn: '2025-10-10', onTime: false });
      expect(o?.extensions).toEqual([
        {
          requestedOn: '2025-10-09',
          reason: '需第三方复检',
          requestedDueOn: '2025-10-17',
          progress: '已送检',
          status: 'lapsed',
          lapsedOn: '2025-10-14',
        },
      ]);
    });

    it('leaves decided extensions as they were, the same list when nothing was pending', () => {
      const decided = run(
        [extension('2025-10-09'), { type: 'decide-extension', orderId: 'o-1', approve: false, on: '2025-10-09' }],
        base,
      ).state;
      const before = getRecord(decided.orders, 'o-1')?.extensions;
      const s = run([report('r-1', '2025-10-13'), accept('2025-10-14')], decided).state;
      expect(getRecord(s.orders, 'o-1')?.extensions).toBe(before);
      expect(before?.map((e) => e.status)).toEqual(['rejected']);
    });

    it('lapses on replay of a log recorded before lapsing existed, frozen and equal to what execute built', () => {
      const { state, events } = run([...story, withProgress, report('r-1', '2025-10-13'), accept('2025-10-14')]);
      // the log holds no new event or field: the lapse is folded from resolution-accepted alone
      expect(events.map((e) => e.type).slice(-3)).toEqual([
        'extension-requested',
        'resolution-reported',
        'resolution-accepted',
      ]);
      const folded = replay(loopDecider, events, { freeze: false });
      expect(folded).toEqual(state);
      expect(getRecord(folded.orders, 'o-1')?.extensions.map((e) => e.status)).toEqual(['lapsed']);
      expect(unfrozenPaths(getRecord(folded.orders, 'o-1'))).toEqual([]);
    });

    it('a state stored before lapsing existed, with a request left pending on a resolved order, still refuses deciding it', () => {
      const resolved = run([extension('2025-10-09'), report('r-1', '2025-10-13'), accept('2025-10-14')], base).state;
      const pending = getRecord(run([extension('2025-10-09')], base).state.orders, 'o-1')?.extensions ?? [];
      const order = getRecord(resolved.orders, 'o-1');
      if (order === undefined) throw new Error('no o-1');
      const stored = produce(resolved, (d) => {
        putRecord(d.orders, 'o-1', { ...order, extensions: pending } as never);
      });
      expect(getRecord(stored.orders, 'o-1')?.extensions.map((e) => e.status)).toEqual(['requested']);
      refused(
        tryOn(stored, { type: 'decide-extension', orderId: 'o-1', approve: true, on: '2025-10-15' }),
        'loop/order-required',
        ['orderId'],
      );
    });
  });

  describe('F2. an extension after a 退回 cannot be dated before the return', () => {
    const returned = run(
      [
        report('r-1', '2025-09-29'),
        { type: 'review-resolution', resolutionId: 'r-1', decision: 'return', reason: '缺证据', on: '2025-10-09' },
      ],
      base,
    ).state;

    it('refuses a request dated 09-30, before the return on 10-09, with loop/dates-out-of-order at on, and changes nothing', () => {
      const e = refused(tryOn(returned, extension('2025-09-30')), 'loop/dates-out-of-order', ['on']);
      expect(e?.details).toEqual({ date: '2025-09-30', earliest: '2025-10-09' });
      expect(getRecord(returned.orders, 'o-1')).toMatchObject({
        status: 'open',
        returnedOn: '2025-10-09',
        extensions: [],
      });
    });

    it('accepts a request on the day of the return, still before the due date', () => {
      const s = run([extension('2025-10-09')], returned).state;
      expect(getRecord(s.orders, 'o-1')?.extensions).toMatchObject([
        { status: 'requested', requestedOn: '2025-10-09' },
      ]);
    });
  });

  describe('F3. the ledger 时限 of a line awaiting review', () => {
    const line = (s: LoopState) => ledger(s, { book: 'problem' }).find((r) => r.id === 'p-1');

    it('shows the review deadline while a reported resolution awaits review, the order deadline again after a 退回', () => {
      const reported = run([report('r-1', '2025-10-09')], base).state; // review due 2025-10-15
      expect(line(base)?.deadline).toBe('2025-10-10');
      expect(line(reported)?.deadline).toBe('2025-10-15');
      const returned = run(
        [{ type: 'review-resolution', resolutionId: 'r-1', decision: 'return', on: '2025-10-10' }],
        reported,
      ).state;
      expect(line(returned)?.deadline).toBe('2025-10-10');
    });

    it('shows the report day for a log recorded before the review deadline existed, as gaps owes it', () => {
      const { events } = run([...story, report('r-1', '2025-10-09')]);
      const old = events.map((e) => {
        if (e.type !== 'resolution-reported') return e;
        const { reviewDueOn: _dropped, ...rest } = e;
        return rest as Recorded<LoopEvent>;
      });
      expect(line(replay(loopDecider, old))?.deadline).toBe('2025-10-09');
    });
  });
});
