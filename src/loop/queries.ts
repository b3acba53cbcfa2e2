import { type CalendarContext, type ClockContext, type IsoDate, today, workdaysBetween } from '../core/index.js';
import { type OwedLink, owedLinks } from './_lib/links.js';
import type { EscalationColour, LoopLink } from './labels.js';
import type { LoopState } from './state.js';

/** What a query of due links needs: the clock, the calendar, and optionally the time zone. @category Queries */
export interface LoopQueryContext extends ClockContext, CalendarContext {
  readonly timeZone?: string;
}

/**
 * A broken link (断环): a step of the loop that is owed, past its due date and still missing.
 * @category Queries
 */
export interface LoopGap {
  readonly link: LoopLink;
  /**
   * The record that owes the link: a deployment, inspection, problem, order (for a resolution), or
   * resolution (for its review).
   */
  readonly recordId: string;
  readonly deploymentId: string;
  /** The problem concerned, for supervision, resolution, review, look-back and strike-off. */
  readonly problemId?: string;
  /**
   * The unit that owes the link now: the unit recorded on the line (supervising unit, inspecting
   * unit, order's lead unit), or after a merger its successor (`LoopState.successors`). The records
   * themselves keep the unit recorded.
   */
  readonly owedBy: string;
  readonly dueOn: IsoDate;
  /** Working days after `dueOn` up to today (0 when only holidays have passed since). */
  readonly lateWorkdays: number;
}

/** A link still owed and due within the window asked for. @category Queries */
export interface DueSoonLink extends Omit<LoopGap, 'lateWorkdays'> {
  /** Working days from today to the due date (0 on the due date itself). */
  readonly remainingWorkdays: number;
  readonly colour: 'green' | 'blue';
}

/** An overdue link with its escalation colour. @category Queries */
export interface OverdueLink extends LoopGap {
  readonly colour: 'yellow' | 'red';
}

/**
 * When escalation colours change: blue within `blueWithinWorkdays` of the deadline, yellow once
 * overdue, red once `redAfterWorkdays` working days overdue (the 12345-hotline practice escalates
 * 5 working days after a chase).
 * @category Queries
 */
export interface EscalationThresholds {
  readonly blueWithinWorkdays: number;
  readonly redAfterWorkdays: number;
}

/** The default {@link EscalationThresholds}: blue within 3 working days, red from 5 working days late. @category Queries */
export const DEFAULT_ESCALATION: EscalationThresholds = { blueWithinWorkdays: 3, redAfterWorkdays: 5 };

// Rows are built as literals with their extra field set after, never as `{ ...row, extra }`: V8
// makes each field added to a spread copy a slow-path store.
type Row<X> = Omit<LoopGap, 'lateWorkdays'> & X;

function rowOf<X extends object>(l: OwedLink, extra: X): Row<X> {
  const r = { link: l.link, recordId: l.recordId, deploymentId: l.deploymentId } as {
    -readonly [K in keyof LoopGap]?: LoopGap[K];
  };
  if (l.problemId !== undefined) r.problemId = l.problemId;
  r.owedBy = l.owedBy;
  r.dueOn = l.dueOn;
  return Object.assign(r, extra) as Row<X>;
}

function memoWorkdays(ctx: CalendarContext): (from: IsoDate, to: IsoDate) => number {
  const memo = new Map<string, number>();
  return (from, to) => {
    const k = `${from}${to}`;
    let v = memo.get(k);
    if (v === undefined) {
      v = workdaysBetween(from, to, { calendar: ctx.calendar });
      memo.set(k, v);
    }
    return v;
  };
}

/**
 * Every broken link of the loop today: which link is missing, for which record, owed by which
 * unit, due when, and how many working days late. A link is never reported on or before its due
 * date. Sorted by due date. The links: an open deployment's inspection and an inspection's notice
 * (owed by the supervising unit), a problem's supervision order (supervising unit), an open order's
 * resolution (its lead unit), the review of a reported resolution (supervising unit, due
 * `LoopOptions.reviewWithin` after the report), a resolved problem's look-back and a passed
 * look-back's strike-off (supervising unit). A unit merged away and rehomed owes nothing: its
 * successor (through a chain of mergers, the last one) is named instead, so every row names a unit
 * that exists; `dueSoon` and `overdue` name the same.
 * @category Queries
 * @example
 * gaps(state, ctx).map((g) => `${g.owedBy} 欠 ${g.link}，逾期 ${g.lateWorkdays} 个工作日`);
 */
export function gaps(state: LoopState, ctx: LoopQueryContext): LoopGap[] {
  const now = today(ctx);
  const late = memoWorkdays(ctx);
  const out: LoopGap[] = [];
  for (const l of owedLinks(state)) {
    if (l.dueOn >= now) break;
    out.push(rowOf(l, { lateWorkdays: late(l.dueOn, now) }));
  }
  return out;
}

/** Options of {@link dueSoon}. @category Queries */
export interface DueSoonOptions {
  /** The window, in working days from today; the blue threshold by default. */
  readonly withinWorkdays?: number;
  readonly thresholds?: EscalationThresholds;
}

/**
 * The owed links not yet late that fall due within a window of working days, nearest first,
 * coloured blue when within the blue threshold.
 * @category Queries
 * @example
 * dueSoon(state, ctx, { withinWorkdays: 5 }); // what to chase this week
 */
export function dueSoon(state: LoopState, ctx: LoopQueryContext, options: DueSoonOptions = {}): DueSoonLink[] {
  const thresholds = options.thresholds ?? DEFAULT_ESCALATION;
  const within = options.withinWorkdays ?? thresholds.blueWithinWorkdays;
  const now = today(ctx);
  const left = memoWorkdays(ctx);
  const out: DueSoonLink[] = [];
  for (const l of owedLinks(state)) {
    if (l.dueOn < now) continue;
    const remainingWorkdays = left(now, l.dueOn);
    // due dates are sorted and working days left only grow with them
    if (remainingWorkdays > within) break;
    out.push(
      rowOf(l, {
        remainingWorkdays,
        colour: remainingWorkdays <= thresholds.blueWithinWorkdays ? ('blue' as const) : ('green' as const),
      }),
    );
  }
  return out;
}

/** Options of {@link overdue}. @category Queries */
export interface OverdueOptions {
  readonly thresholds?: EscalationThresholds;
}

/**
 * The broken links with their escalation colour: yellow once overdue, red from the red threshold.
 * @category Queries
 * @example
 * overdue(state, ctx).filter((o) => o.colour === 'red'); // for 通报批评
 */
export function overdue(state: LoopState, ctx: LoopQueryContext, options: OverdueOptions = {}): OverdueLink[] {
  const t = options.thresholds ?? DEFAULT_ESCALATION;
  return gaps(state, ctx).map((g) =>
    Object.assign(g, { colour: g.lateWorkdays >= t.redAfterWorkdays ? ('red' as const) : ('yellow' as const) }),
  );
}

/**
 * The escalation colour of a deadline today: green, blue near it, yellow past it, red long past.
 * @category Queries
 * @example
 * escalationColour('2025-10-09', ctx); // 'blue' on 2025-10-08 with the default thresholds
 */
export function escalationColour(
  dueOn: IsoDate,
  ctx: LoopQueryContext,
  thresholds: EscalationThresholds = DEFAULT_ESCALATION,
): EscalationColour {
  const now = today(ctx);
  if (dueOn >= now)
    return workdaysBetween(now, dueOn, { calendar: ctx.calendar }) <= thresholds.blueWithinWorkdays ? 'blue' : 'green';
  return workdaysBetween(dueOn, now, { calendar: ctx.calendar }) >= thresholds.redAfterWorkdays ? 'red' : 'yellow';
}
