import { addDays, addWorkdays, compareDates, dayNumber, type IsoDate, today } from '../core/index.js';
import { CLOSED, deadlineOf, dueOf, itemOf, riskItems, shardIndexes, stageOf } from './_lib/index.js';
import { workdaysFromTo } from './_lib/workdays.js';
import type { EscalationRole } from './commands.js';
import type { RiskState } from './events.js';
import type { RiskQueryContext } from './queries.js';
import { RISK_LEVELS, type RiskItem, type RiskLevel } from './schema.js';

/** A risk or measure past its deadline, with the working days it is late. @category Queries */
export interface OverdueEntry {
  readonly riskId: string;
  readonly title: string;
  readonly level?: RiskLevel;
  /** Absent for the risk's own deadline. */
  readonly measureId?: string;
  readonly ownerId: string;
  readonly deadline: IsoDate;
  readonly overdueWorkdays: number;
}

/**
 * What is overdue today (办结时效化): open risks past their deadline and open measures past theirs,
 * with the working days late, most late first.
 * @category Queries
 * @example
 * overdue(state, ctx).filter((e) => e.measureId); // overdue measures only
 */
export function overdue(state: RiskState, ctx: RiskQueryContext): OverdueEntry[] {
  const on = today(ctx);
  const day = dayNumber(on);
  const out: OverdueEntry[] = [];
  for (const x of shardIndexes(state.risks))
    for (let i = 0; i < x.n; i++) {
      // the columns rule out the risks with nothing late before their record is read
      if (stageOf(x, i) === CLOSED || (deadlineOf(x, i) >= day && dueOf(x, i) >= day)) continue;
      overdueOf(itemOf(x, i), on, ctx, out);
    }
  return out.sort((a, b) => b.overdueWorkdays - a.overdueWorkdays || a.riskId.localeCompare(b.riskId));
}

/** Appends the overdue entries of one risk: its own deadline, then each open measure. */
function overdueOf(it: RiskItem, on: IsoDate, ctx: RiskQueryContext, out: OverdueEntry[]): void {
  const s = it.status;
  if (s.stage === 'closed' || !('assignment' in s)) return;
  const level = s.ratings.current.level;
  if (s.assignment.deadline < on)
    out.push({
      riskId: it.id,
      title: it.title,
      level,
      ownerId: s.assignment.responsibleId,
      deadline: s.assignment.deadline,
      overdueWorkdays: workdaysFromTo(ctx.calendar, s.assignment.deadline, on),
    });
  for (const m of it.measures)
    if (m.status.stage === 'open' && m.deadline < on)
      out.push({
        riskId: it.id,
        title: it.title,
        level,
        measureId: m.id,
        ownerId: m.ownerId,
        deadline: m.deadline,
        overdueWorkdays: workdaysFromTo(ctx.calendar, m.deadline, on),
      });
}

/** Review cadence in working days per level. @category Queries */
export type ReviewCadence = { readonly [L in RiskLevel]: number };

/**
 * Default review cadence (working days since the last review): 重大 weekly, 较大 fortnightly,
 * 一般 monthly, 低 quarterly. A practice default, not a rule found in the sources; pass your own.
 * @category Queries
 */
export const DEFAULT_REVIEW_CADENCE: ReviewCadence = { major: 5, significant: 10, general: 22, low: 66 };

/** A risk whose review is due. @category Queries */
export interface ReviewDue {
  readonly riskId: string;
  readonly level: RiskLevel;
  readonly lastReviewOn: IsoDate;
  /** When the review fell due: by the cadence, or for an expired acceptance the first day after `expiresOn`. */
  readonly dueOn: IsoDate;
  /**
   * Why it is listed when it is not the review cadence: `'acceptance-expired'` for a risk closed as accepted
   * (风险接受) whose acceptance ran out before the day asked. Absent on the cadence entries, so they read as before.
   */
  readonly reason?: 'acceptance-expired';
}

/** Options of {@link reviewsDue}. @category Queries */
export interface ReviewsDueOptions {
  readonly cadence?: ReviewCadence;
}

/**
 * Open rated risks whose next review (the cadence of their level, counted in working days from the
 * last review) falls on or before today, and risks closed as accepted whose acceptance expired before today
 * (`expiresOn < today`, `reason: 'acceptance-expired'`, due the day after `expiresOn`): an accepted risk is retained
 * by a decision that runs out, and must then be reviewed again (ISO 31000 monitoring and review), by reopening it or
 * accepting it anew. Sorted by due day, then id.
 * @category Queries
 * @example
 * reviewsDue(state, ctx, { cadence: { ...DEFAULT_REVIEW_CADENCE, major: 3 } });
 * reviewsDue(state, ctx).filter((d) => d.reason === 'acceptance-expired'); // acceptances to renew
 */
export function reviewsDue(state: RiskState, ctx: RiskQueryContext, options: ReviewsDueOptions = {}): ReviewDue[] {
  const cadence = options.cadence ?? DEFAULT_REVIEW_CADENCE;
  const on = today(ctx);
  const out: ReviewDue[] = [];
  for (const it of riskItems(state.risks)) {
    const s = it.status;
    if (s.stage === 'closed') {
      // the acceptance covers its expiry day itself; the review falls due the day after
      if (s.closure.kind === 'accepted' && compareDates(s.closure.expiresOn, on) < 0)
        out.push({
          riskId: it.id,
          level: s.ratings.current.level,
          lastReviewOn: it.lastReviewOn,
          dueOn: addDays(s.closure.expiresOn, 1),
          reason: 'acceptance-expired',
        });
      continue;
    }
    if (s.stage === 'identified') continue;
    const level = s.ratings.current.level;
    const dueOn = addWorkdays(it.lastReviewOn, cadence[level], { calendar: ctx.calendar });
    if (compareDates(dueOn, on) <= 0) out.push({ riskId: it.id, level, lastReviewOn: it.lastReviewOn, dueOn });
  }
  return out.sort((a, b) => compareDates(a.dueOn, b.dueOn) || a.riskId.localeCompare(b.riskId));
}

/** Who must be informed of a risk at each level. @category Queries */
export type EscalationPolicy = { readonly [L in RiskLevel]: readonly EscalationRole[] };

/**
 * Default policy, the roles informed of a risk at each level: 低 the responsible person (责任人); 一般 the responsible person and the department head (科室负责人);
 * 较大 the department head and the leader in charge (分管领导); 重大 the leader in charge, the principal leader
 * (主要负责人) and the party group (党组). {@link escalations} informs the roles of the level one rung up, so an
 * overdue measure of a 一般 risk goes to the department head and the leader in charge. A practice default; pass
 * your own.
 * @category Queries
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  low: ['responsible-person'],
  general: ['responsible-person', 'department-head'],
  significant: ['department-head', 'leader-in-charge'],
  major: ['leader-in-charge', 'principal-leader', 'party-group'],
};

/** A suggestion to escalate an overdue measure, returned as data: the library sends nothing. @category Queries */
export interface EscalationSuggestion {
  readonly type: 'escalation-suggested';
  readonly riskId: string;
  readonly measureId: string;
  readonly level: RiskLevel;
  readonly overdueWorkdays: number;
  /** The roles of the risk's level one rung up (the top rung stays at 重大). */
  readonly inform: readonly EscalationRole[];
}

/**
 * Escalation suggestions for every overdue open measure: inform the roles of the next level up.
 * @category Queries
 * @example
 * escalations(state, ctx).map((s) => s.inform); // e.g. [['department-head', 'leader-in-charge']]
 */
export function escalations(
  state: RiskState,
  ctx: RiskQueryContext,
  policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY,
): EscalationSuggestion[] {
  const out: EscalationSuggestion[] = [];
  for (const e of overdue(state, ctx)) {
    if (e.measureId === undefined || e.level === undefined) continue;
    const up = RISK_LEVELS[Math.min(RISK_LEVELS.indexOf(e.level) + 1, RISK_LEVELS.length - 1)] as RiskLevel;
    out.push({
      type: 'escalation-suggested',
      riskId: e.riskId,
      measureId: e.measureId,
      level: e.level,
      overdueWorkdays: e.overdueWorkdays,
      inform: policy[up],
    });
  }
  return out;
}
