import { type ClockContext, type IsoDate, periodRange, type Quarter, today } from '../core/index.js';
import { currentTasks, type DueItem, type TaskKind, type WorkPlan } from './plan.js';

/** How a plan item stands at a quarterly review. @category Work plans */
export type ReviewOutcome = 'on-time' | 'late' | 'not-done' | 'untruthful';

/**
 * Points and deductions of the quarterly review. Weihai gives party work and business work equal
 * points; the seed gives no deduction values, so the defaults are placeholders a bureau sets.
 * @category Work plans
 */
export interface ReviewRules {
  readonly points: { readonly [K in TaskKind]: number };
  readonly deductions: { readonly [K in Exclude<ReviewOutcome, 'on-time'>]: number };
}

/** Default {@link ReviewRules}: 50 + 50 points; −1 late, −2 not done, −3 untruthful. @category Work plans */
export const DEFAULT_REVIEW_RULES: ReviewRules = {
  points: { party: 50, business: 50 },
  deductions: { late: 1, 'not-done': 2, untruthful: 3 },
};

/** One task or milestone judged at the review. @category Work plans */
export interface ReviewItem extends DueItem {
  readonly outcome: ReviewOutcome;
  readonly doneOn?: IsoDate;
  readonly deduction: number;
}

/** One owner's quarterly result: items, counts, deductions and score per kind of work. @category Work plans */
export interface OwnerReview {
  readonly ownerUnitId: string;
  readonly items: readonly ReviewItem[];
  readonly counts: { readonly [K in ReviewOutcome]: number };
  readonly deductions: { readonly [K in TaskKind]: number };
  readonly score: { readonly party: number; readonly business: number; readonly total: number };
}

/** The result of a quarterly review of a plan. @category Work plans */
export interface QuarterlyReview {
  readonly planId: string;
  readonly quarter: Quarter;
  /** The day the review is judged on: the quarter's last day, or today if earlier. */
  readonly asOf: IsoDate;
  readonly owners: readonly OwnerReview[];
  /** Items to be notified (通报): late, not done or reported untruthfully. */
  readonly toNotify: readonly ReviewItem[];
}

function dueItems(plan: WorkPlan, from: IsoDate, to: IsoDate): DueItem[] {
  const out: DueItem[] = [];
  for (const t of currentTasks(plan)) {
    const base = { taskId: t.id, ownerUnitId: t.ownerUnitId, kind: t.kind };
    for (const m of t.milestones)
      if (m.dueOn >= from && m.dueOn <= to) out.push({ ...base, milestoneId: m.id, title: m.title, dueOn: m.dueOn });
    if (t.dueOn >= from && t.dueOn <= to) out.push({ ...base, title: t.title, dueOn: t.dueOn });
  }
  return out;
}

/**
 * Reviews a plan for a quarter as Weihai does: every task or milestone due in the quarter (up to
 * today) is done on time, late, not done, or reported untruthfully (与实际不符: a `done` report
 * contradicted by an on-site check that found the work not done on or after the day it was claimed
 * done); the rules deduct from the points of party and business work per owner. An item due today
 * is not yet late: without a done report it is left out until its day has passed. Once the quarter
 * is over, everything due in it is judged, its last day included.
 * @category Work plans
 * @example
 * const r = quarterlyReview(plan, '2025-Q3', ctx);
 * r.owners.map((o) => [o.ownerUnitId, o.score.total]);
 */
export function quarterlyReview(
  plan: WorkPlan,
  quarter: Quarter,
  ctx: ClockContext & { readonly timeZone?: string },
  rules: ReviewRules = DEFAULT_REVIEW_RULES,
): QuarterlyReview {
  const range = periodRange(quarter);
  const now = today(ctx);
  const asOf = now < range.to ? now : range.to;
  const same = (a: { taskId: string; milestoneId?: string | undefined }, b: DueItem) =>
    a.taskId === b.taskId && a.milestoneId === b.milestoneId;
  const items: ReviewItem[] = [];
  for (const item of dueItems(plan, range.from, asOf)) {
    const done = plan.reports
      .filter((r) => r.status === 'done' && r.reportedOn <= asOf && same(r, item))
      .sort((a, b) => (a.reportedOn < b.reportedOn ? -1 : 1));
    const claim = done[0];
    if (claim?.status !== 'done') {
      // due today and not reported done: not late yet, as no link is late on its due day
      if (item.dueOn < now) items.push({ ...item, outcome: 'not-done', deduction: rules.deductions['not-done'] });
      continue;
    }
    // a check that found it not done on or after the day it was claimed done contradicts the claim,
    // whether it came before the report (backdated) or after it
    const claimedFrom = claim.doneOn < claim.reportedOn ? claim.doneOn : claim.reportedOn;
    const contradicted = plan.checks.some(
      (c) => c.found === 'not-done' && same(c, item) && c.checkedOn >= claimedFrom && c.checkedOn <= asOf,
    );
    const outcome: ReviewOutcome = contradicted ? 'untruthful' : claim.doneOn <= item.dueOn ? 'on-time' : 'late';
    items.push({
      ...item,
      outcome,
      doneOn: claim.doneOn,
      deduction: outcome === 'on-time' ? 0 : rules.deductions[outcome],
    });
  }
  const owners = [...new Set(currentTasks(plan).map((t) => t.ownerUnitId))].sort().map((ownerUnitId): OwnerReview => {
    const mine = items.filter((i) => i.ownerUnitId === ownerUnitId);
    const counts = { 'on-time': 0, late: 0, 'not-done': 0, untruthful: 0 };
    const deductions = { party: 0, business: 0 };
    for (const i of mine) {
      counts[i.outcome]++;
      deductions[i.kind] += i.deduction;
    }
    const party = Math.max(0, rules.points.party - deductions.party);
    const business = Math.max(0, rules.points.business - deductions.business);
    return { ownerUnitId, items: mine, counts, deductions, score: { party, business, total: party + business } };
  });
  return { planId: plan.id, quarter, asOf, owners, toNotify: items.filter((i) => i.outcome !== 'on-time') };
}
