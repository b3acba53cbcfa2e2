import { z } from 'zod';
import {
  type DomainError,
  err,
  IdSchema,
  type IsoDate,
  IsoDateSchema,
  NameSchema,
  ok,
  type Path,
  parseWith,
  type Result,
  TextSchema,
} from '../core/index.js';
import { loopError } from './errors.js';

/** Whether a task is party work or business work (weighted equally by default). @category Work plans */
export const TaskKindSchema = /* @__PURE__ */ z.enum(['party', 'business']);
/** Whether a task is party work or business work. @category Work plans */
export type TaskKind = z.infer<typeof TaskKindSchema>;

/** A milestone (时间节点) of a plan task. @category Work plans */
export const MilestoneSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  title: NameSchema,
  dueOn: IsoDateSchema,
});
/** A milestone (时间节点) of a plan task. @category Work plans */
export type Milestone = z.infer<typeof MilestoneSchema>;

/** A task of a work plan (任务分解): owner unit, kind, final date and milestones. @category Work plans */
export const PlanTaskSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  title: NameSchema,
  ownerUnitId: IdSchema,
  kind: TaskKindSchema,
  dueOn: IsoDateSchema,
  milestones: z.array(MilestoneSchema).max(100),
});
/** A task of a work plan. @category Work plans */
export type PlanTask = z.infer<typeof PlanTaskSchema>;

/** A review comment (点评意见) on a plan revision. @category Work plans */
export const ReviewCommentSchema = /* @__PURE__ */ z.strictObject({
  by: NameSchema,
  on: IsoDateSchema,
  text: TextSchema,
  taskId: IdSchema.optional(),
});
/** A review comment on a plan revision. @category Work plans */
export type ReviewComment = z.infer<typeof ReviewCommentSchema>;

/** One revision of a plan: its tasks as revised and the review comments it drew. @category Work plans */
export const PlanRevisionSchema = /* @__PURE__ */ z.strictObject({
  number: z.number().int().min(1),
  on: IsoDateSchema,
  by: NameSchema,
  summary: TextSchema,
  tasks: z.array(PlanTaskSchema).min(1).max(1000),
  comments: z.array(ReviewCommentSchema).max(1000),
});
/** One revision of a plan. @category Work plans */
export type PlanRevision = z.infer<typeof PlanRevisionSchema>;

/** A progress report on a task or one of its milestones: done (with the day) or in progress. @category Work plans */
export const ProgressReportSchema = /* @__PURE__ */ z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('done'),
    taskId: IdSchema,
    milestoneId: IdSchema.optional(),
    reportedOn: IsoDateSchema,
    doneOn: IsoDateSchema,
    note: TextSchema.optional(),
  }),
  z.strictObject({
    status: z.literal('in-progress'),
    taskId: IdSchema,
    milestoneId: IdSchema.optional(),
    reportedOn: IsoDateSchema,
    note: TextSchema.optional(),
  }),
]);
/** A progress report on a task or milestone. @category Work plans */
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

/** An on-site check (现场检查) of a task or milestone during the quarterly assessment. @category Work plans */
export const PlanCheckSchema = /* @__PURE__ */ z.strictObject({
  taskId: IdSchema,
  milestoneId: IdSchema.optional(),
  checkedOn: IsoDateSchema,
  by: NameSchema,
  found: z.enum(['done', 'not-done']),
  note: TextSchema.optional(),
});
/** An on-site check of a task or milestone. @category Work plans */
export type PlanCheck = z.infer<typeof PlanCheckSchema>;

/** A unit's annual work plan with every revision, progress report and on-site check kept. @category Work plans */
export const WorkPlanSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  unitId: IdSchema,
  year: z.number().int().min(2000).max(2100),
  title: NameSchema,
  revisions: z.array(PlanRevisionSchema).min(1).max(100),
  reports: z.array(ProgressReportSchema).max(10_000),
  checks: z.array(PlanCheckSchema).max(10_000),
});
/** A unit's annual work plan. @category Work plans */
export type WorkPlan = z.infer<typeof WorkPlanSchema>;

/**
 * The tasks of a plan as last revised.
 * @category Work plans
 * @example
 * currentTasks(plan).length; // tasks in the latest revision
 */
export function currentTasks(plan: WorkPlan): readonly PlanTask[] {
  return (plan.revisions.at(-1) as PlanRevision).tasks;
}

/** The error of a report or check naming a task or milestone the plan lacks, at the id that is unknown. */
function refErrors(
  tasks: readonly PlanTask[],
  ref: { readonly taskId: string; readonly milestoneId?: string | undefined },
  at: Path,
): DomainError | undefined {
  const t = tasks.find((x) => x.id === ref.taskId);
  if (!t) return loopError('loop/plan-task-unknown', { taskId: ref.taskId }, [...at, 'taskId']);
  if (ref.milestoneId !== undefined && !t.milestones.some((m) => m.id === ref.milestoneId))
    return loopError('loop/plan-task-unknown', { taskId: ref.milestoneId }, [...at, 'milestoneId']);
  return undefined;
}

/** A done report cannot say the work was done after the day it was reported. */
function doneAfterReport(report: ProgressReport, at: Path): DomainError | undefined {
  return report.status === 'done' && report.doneOn > report.reportedOn
    ? loopError('loop/dates-out-of-order', { date: report.reportedOn, earliest: report.doneOn }, [...at, 'doneOn'])
    : undefined;
}

/** Task ids repeated in one revision, and milestone ids repeated in one task, at the second occurrence. */
function duplicateIds(tasks: readonly PlanTask[], at: Path): DomainError[] {
  const errors: DomainError[] = [];
  const taskIds = new Set<string>();
  tasks.forEach((t, j) => {
    if (taskIds.has(t.id)) errors.push(loopError('loop/duplicate-id', { kind: 'task', id: t.id }, [...at, j, 'id']));
    taskIds.add(t.id);
    const milestoneIds = new Set<string>();
    t.milestones.forEach((m, n) => {
      if (milestoneIds.has(m.id))
        errors.push(loopError('loop/duplicate-id', { kind: 'milestone', id: m.id }, [...at, j, 'milestones', n, 'id']));
      milestoneIds.add(m.id);
    });
  });
  return errors;
}

function checkPlan(plan: WorkPlan): Result<WorkPlan> {
  const errors: DomainError[] = [];
  plan.revisions.forEach((r, k) => {
    if (r.number !== k + 1)
      errors.push(
        loopError('loop/plan-revision-out-of-order', { expected: k + 1, actual: r.number }, ['revisions', k, 'number']),
      );
    const prev = plan.revisions[k - 1];
    if (prev && r.on < prev.on)
      errors.push(loopError('loop/dates-out-of-order', { date: r.on, earliest: prev.on }, ['revisions', k, 'on']));
    errors.push(...duplicateIds(r.tasks, ['revisions', k, 'tasks']));
  });
  const tasks = currentTasks(plan);
  plan.reports.forEach((r, k) => {
    for (const e of [refErrors(tasks, r, ['reports', k]), doneAfterReport(r, ['reports', k])]) if (e) errors.push(e);
  });
  plan.checks.forEach((c, k) => {
    const e = refErrors(tasks, c, ['checks', k]);
    if (e) errors.push(e);
  });
  return errors.length > 0 ? err(...errors) : ok(plan);
}

/**
 * Validates a work plan from outside: schema, revisions numbered 1, 2, … in date order, task ids
 * unique in each revision and milestone ids unique in each task (`loop/duplicate-id`), every report
 * and check naming a task (and milestone) of the current revision, and no done report dated before
 * the day it says the work was done.
 * @category Work plans
 * @example
 * const r = parseWorkPlan(JSON.parse(body));
 * if (r.ok) currentTasks(r.value);
 */
export function parseWorkPlan(input: unknown): Result<WorkPlan> {
  const r = parseWith(WorkPlanSchema, input);
  return r.ok ? checkPlan(r.value) : r;
}

/** A new revision of a plan: who revised it when, why, the tasks as revised and the comments. @category Work plans */
export type PlanRevisionInput = Omit<PlanRevision, 'number'>;

/**
 * Records a new revision of a plan (Weihai: one plan went through 7 revisions and 160+ comments);
 * earlier revisions stay. Returns a new plan; the input is untouched.
 * @category Work plans
 * @example
 * const v2 = unwrap(revisePlan(plan, { on: '2025-02-10', by: '局长', summary: '抬高目标', tasks, comments }));
 */
export function revisePlan(plan: WorkPlan, revision: PlanRevisionInput): Result<WorkPlan> {
  const number = plan.revisions.length + 1;
  const parsed = parseWith(PlanRevisionSchema, { ...revision, number }, { path: ['revision'] });
  if (!parsed.ok) return parsed;
  const duplicates = duplicateIds(parsed.value.tasks, ['revision', 'tasks']);
  if (duplicates.length > 0) return err(...duplicates);
  return checkPlan({ ...plan, revisions: [...plan.revisions, parsed.value] });
}

/**
 * Adds a progress report to a plan. Refuses a report on a task or milestone the current revision
 * lacks (`loop/plan-task-unknown`, at the unknown id), and a done report whose `doneOn` is after its
 * `reportedOn` (`loop/dates-out-of-order`).
 * @category Work plans
 * @example
 * reportProgress(plan, { status: 'done', taskId: 't-1', reportedOn: '2025-03-28', doneOn: '2025-03-27' });
 */
export function reportProgress(plan: WorkPlan, report: ProgressReport): Result<WorkPlan> {
  const parsed = parseWith(ProgressReportSchema, report, { path: ['report'] });
  if (!parsed.ok) return parsed;
  const e = refErrors(currentTasks(plan), parsed.value, ['report']) ?? doneAfterReport(parsed.value, ['report']);
  return e ? err(e) : ok({ ...plan, reports: [...plan.reports, parsed.value] });
}

/**
 * Adds an on-site check to a plan; a check finding `not-done` after a `done` report makes that
 * report untruthful in the quarterly review.
 * @category Work plans
 * @example
 * recordPlanCheck(plan, { taskId: 't-1', checkedOn: '2025-03-31', by: '考核组', found: 'not-done' });
 */
export function recordPlanCheck(plan: WorkPlan, check: PlanCheck): Result<WorkPlan> {
  const parsed = parseWith(PlanCheckSchema, check, { path: ['check'] });
  if (!parsed.ok) return parsed;
  const e = refErrors(currentTasks(plan), parsed.value, ['check']);
  return e ? err(e) : ok({ ...plan, checks: [...plan.checks, parsed.value] });
}

/** A task or milestone of a plan with the day it is due and its owner. @category Work plans */
export type DueItem = {
  /** The task, or the task a milestone belongs to. */
  readonly taskId: string;
  readonly milestoneId?: string;
  readonly title: string;
  readonly ownerUnitId: string;
  readonly kind: TaskKind;
  readonly dueOn: IsoDate;
};
