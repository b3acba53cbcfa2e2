import { z } from 'zod';
import {
  type DomainError,
  err,
  IdSchema,
  type LocalizedName,
  LocalizedNameSchema,
  NameSchema,
  ok,
  parseWith,
  type Result,
  TextSchema,
} from '../../core/index.js';
import { ratingError } from '../errors.js';
import { IndicatorCodeSchema } from '../schema.js';

/** Which menu of a task book a task is on: required (规定任务) or optional (自选任务). @category Task books */
export type TaskMenu = 'required' | 'optional';

/** One task of a branch task book, with its points and the evidence that proves it done. @category Task books */
export const BranchTaskSchema = /* @__PURE__ */ z.strictObject({
  code: IndicatorCodeSchema,
  title: LocalizedNameSchema,
  points: z.number().finite().positive(),
  evidence: z.array(NameSchema).max(20).optional(),
});
/** One task of a branch task book. @category Task books */
export type BranchTask = z.infer<typeof BranchTaskSchema>;

/**
 * A branch task book (支部任务书, 嘉兴 一制一书一表): the year's party work split into a required-task
 * menu every branch must complete and an optional-task menu each branch picks from, at least
 * `optionalMin` of them, with the optional points capped at `optionalCap`.
 * @category Task books
 */
export const TaskBookSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  name: LocalizedNameSchema,
  required: z.array(BranchTaskSchema).min(1).max(200),
  optional: z.array(BranchTaskSchema).max(200).default([]),
  optionalMin: z.number().int().min(0).default(0),
  optionalCap: z.number().finite().positive().optional(),
});
/** A branch task book (任务书). @category Task books */
export type TaskBook = z.infer<typeof TaskBookSchema>;
/** A task book as a host writes it. @category Task books */
export type TaskBookInput = z.input<typeof TaskBookSchema>;

/** How far one branch completed one task: 0 (not started) to 1 (done). @category Task books */
export const TaskCompletionSchema = /* @__PURE__ */ z.strictObject({
  task: IndicatorCodeSchema,
  completion: z.number().finite(),
  evidence: TextSchema.optional(),
});
/** How far one branch completed one task. @category Task books */
export type TaskCompletion = z.infer<typeof TaskCompletionSchema>;

/** One branch's report against a task book. @category Task books */
export const TaskReportSchema = /* @__PURE__ */ z.strictObject({
  branchId: IdSchema,
  completions: z.array(TaskCompletionSchema).max(400),
});
/** One branch's report against a task book. @category Task books */
export type TaskReport = z.infer<typeof TaskReportSchema>;

/** One task line of a branch's result. @category Task books */
export interface TaskRow {
  readonly code: string;
  readonly title: LocalizedName;
  readonly menu: TaskMenu;
  readonly points: number;
  readonly completion: number;
  readonly scored: number;
  readonly evidence?: string;
}

/** One branch's task-book score. @category Task books */
export interface TaskBookScore {
  readonly branchId: string;
  /** Every required task, then the optional tasks the branch reported. */
  readonly rows: readonly TaskRow[];
  readonly requiredScore: number;
  readonly requiredMax: number;
  /** Optional points after `optionalCap`. */
  readonly optionalScore: number;
  readonly total: number;
  /** Required maximum plus the optional cap (or every optional task's points without a cap). */
  readonly max: number;
  /** Required tasks not fully completed (未完成的规定任务). */
  readonly outstanding: readonly string[];
  /** Optional tasks started (completion above zero). */
  readonly optionalChosen: number;
  /** How many more optional tasks the branch must take up to reach `optionalMin`. */
  readonly optionalShortfall: number;
}

/**
 * Reads a task book and checks it: each task code once across both menus, and no more optional tasks
 * demanded than the menu holds.
 * @category Task books
 * @example
 * const book = parseTaskBook({
 *   id: 'jx-2025', name: { 'zh-CN': '2025 年支部党建任务书' },
 *   required: [{ code: 'R1', title: { 'zh-CN': '三会一课' }, points: 30 }],
 *   optional: [{ code: 'O1', title: { 'zh-CN': '舌尖上的科普志愿服务' }, points: 10 }],
 *   optionalMin: 1,
 * });
 */
export function parseTaskBook(input: unknown): Result<TaskBook> {
  const parsed = parseWith(TaskBookSchema, input);
  if (!parsed.ok) return parsed;
  const book = parsed.value;
  const errors: DomainError[] = [];
  const seen = new Set<string>();
  for (const menu of ['required', 'optional'] as const)
    book[menu].forEach((t, i) => {
      if (seen.has(t.code)) errors.push(ratingError('rating/duplicate-code', { code: t.code }, [menu, i, 'code']));
      seen.add(t.code);
    });
  if (book.optionalMin > book.optional.length)
    errors.push(
      ratingError(
        'rating/rule-contradicts-points',
        {
          code: book.id,
          reason: {
            'zh-CN': `至少自选 ${book.optionalMin} 项，但自选菜单只有 ${book.optional.length} 项`,
            en: `${book.optionalMin} optional tasks demanded from a menu of ${book.optional.length}`,
          },
        },
        ['optionalMin'],
      ),
    );
  return errors.length > 0 ? err(...errors) : ok(book);
}

/**
 * Scores branches against a task book by completion: each task earns its points × completion;
 * optional points are capped; required tasks not fully done and a shortfall of optional tasks are
 * listed. A required task a branch does not report counts as not started.
 * @category Task books
 * @example
 * const [score] = unwrap(scoreTaskBook(book, [
 *   { branchId: 'jx-b3', completions: [{ task: 'R1', completion: 1 }, { task: 'O1', completion: 0.5 }] },
 * ]));
 * score?.total; // 35
 */
export function scoreTaskBook(book: TaskBook, reports: readonly TaskReport[]): Result<TaskBookScore[]> {
  const parsed = parseWith(z.strictObject({ reports: z.array(TaskReportSchema).max(10_000) }), { reports });
  if (!parsed.ok) return parsed;
  const menuOf = new Map<string, [TaskMenu, BranchTask]>([
    ...book.required.map((t): [string, [TaskMenu, BranchTask]] => [t.code, ['required', t]]),
    ...book.optional.map((t): [string, [TaskMenu, BranchTask]] => [t.code, ['optional', t]]),
  ]);
  const errors: DomainError[] = [];
  parsed.value.reports.forEach((r, i) => {
    const seen = new Set<string>();
    r.completions.forEach((c, j) => {
      const path = ['reports', i, 'completions', j];
      if (!menuOf.has(c.task)) errors.push(ratingError('rating/unknown-task', { task: c.task }, [...path, 'task']));
      else if (seen.has(c.task)) errors.push(ratingError('rating/duplicate-code', { code: c.task }, [...path, 'task']));
      seen.add(c.task);
      if (c.completion < 0 || c.completion > 1)
        errors.push(ratingError('rating/completion-out-of-range', { task: c.task }, [...path, 'completion']));
    });
  });
  if (errors.length > 0) return err(...errors);
  const requiredMax = book.required.reduce((s, t) => s + t.points, 0);
  const optionalAll = book.optional.reduce((s, t) => s + t.points, 0);
  const max = requiredMax + Math.min(book.optionalCap ?? Number.POSITIVE_INFINITY, optionalAll);
  return ok(
    parsed.value.reports.map((r) => {
      const done = new Map(r.completions.map((c) => [c.task, c]));
      const row = (menu: TaskMenu, t: BranchTask): TaskRow => {
        const c = done.get(t.code);
        const completion = c?.completion ?? 0;
        return {
          code: t.code,
          title: t.title,
          menu,
          points: t.points,
          completion,
          scored: t.points * completion,
          ...(c?.evidence === undefined ? {} : { evidence: c.evidence }),
        };
      };
      const required = book.required.map((t) => row('required', t));
      const optional = book.optional
        .filter((t) => (done.get(t.code)?.completion ?? 0) > 0)
        .map((t) => row('optional', t));
      const requiredScore = required.reduce((s, x) => s + x.scored, 0);
      const optionalScore = Math.min(
        book.optionalCap ?? Number.POSITIVE_INFINITY,
        optional.reduce((s, x) => s + x.scored, 0),
      );
      return {
        branchId: r.branchId,
        rows: [...required, ...optional],
        requiredScore,
        requiredMax,
        optionalScore,
        total: requiredScore + optionalScore,
        max,
        outstanding: required.filter((x) => x.completion < 1).map((x) => x.code),
        optionalChosen: optional.length,
        optionalShortfall: Math.max(0, book.optionalMin - optional.length),
      };
    }),
  );
}
