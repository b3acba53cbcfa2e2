import {
  addDays,
  atPath,
  type Context,
  compareDates,
  type Decider,
  type DomainError,
  dueDate,
  err,
  getRecord,
  type IsoDate,
  ok,
  parseWith,
  type Result,
  today,
} from '../../core/index.js';
import { checkRef, findUnit, type OrgDirectory, type UnitKind } from '../../org/index.js';
import { awardingLevelOf, prerequisiteStarOf, type StarLevel } from '../stars.js';
import { addMonths } from './_lib/months.js';
import { nextRecheckAfter } from './_lib/recheck.js';
import { type RatingCaseCommand, RatingCaseCommandSchema } from './commands.js';
import { ratingCaseError } from './errors.js';
import type { RatingCaseEvent } from './events.js';
import { evolveRatingCase } from './evolve.js';
import {
  isOpenCase,
  NEXT_STEP,
  type NoticeCounting,
  RATING_STEPS,
  type RatingCase,
  type RatingStep,
} from './schema.js';
import { casesOfUnit, initialRatingCaseState, type RatingCaseState, starHeldOn } from './state.js';

/** Options of {@link createRatingCaseDecider} and {@link decideRatingCase}. @category Rating case */
export interface RatingCaseOptions {
  /**
   * The org directory. When given, the rated unit and recommending bureau must exist on the day, and
   * the awarding bureau's own level must be the star's awarding level; without it only the declared
   * level is checked.
   */
  readonly directory?: OrgDirectory;
  /** How a public notice is counted when the command does not say; working days by default. */
  readonly noticeCounting?: NoticeCounting;
  /** Count notices past the calendar's covered years with the Monday–Friday fallback instead of refusing. */
  readonly allowCalendarFallback?: boolean;
}

type Cmd = ReturnType<typeof RatingCaseCommandSchema.parse>;
type CmdOf<T extends Cmd['type']> = Extract<Cmd, { type: T }>;
type Handler<T extends Cmd['type']> = (
  state: RatingCaseState,
  command: CmdOf<T>,
  env: { readonly on: IsoDate; readonly ctx: Context; readonly options: RatingCaseOptions },
) => Result<readonly RatingCaseEvent[]>;

const BUREAU_KINDS: readonly UnitKind[] = ['administration', 'provincial-bureau', 'municipal-bureau', 'county-bureau'];
const CLOSED = new Set<RatingCase['status']>(['withdrawn', 'superseded', 'rejected']);

function stepIndex(step: RatingStep): number {
  return step === 'recheck' ? RATING_STEPS.length : RATING_STEPS.indexOf(step);
}

/** Finds the case and checks it waits for `step`; the refusal says whether the step is early, late or moot. */
function caseAt(state: RatingCaseState, caseId: string, step: RatingStep): Result<RatingCase> {
  const c = getRecord(state.cases, caseId);
  if (!c) return err(ratingCaseError('rating/case-unknown', { caseId }, ['caseId']));
  if (CLOSED.has(c.status)) return err(ratingCaseError('rating/case-closed', { caseId, status: c.status }, ['caseId']));
  const expected = NEXT_STEP[c.status] as RatingStep;
  const diff = stepIndex(step) - stepIndex(expected);
  if (diff > 0) return err(ratingCaseError('rating/case-step-skipped', { caseId, step, expected }, ['type']));
  if (diff < 0) return err(ratingCaseError('rating/case-step-already-done', { caseId, step }, ['type']));
  return ok(c);
}

function highestHeld(cases: readonly RatingCase[], on: IsoDate, except?: string): StarLevel | undefined {
  let best: StarLevel | undefined;
  for (const c of cases) {
    if (c.caseId === except) continue;
    const s = starHeldOn(c, on);
    if (s !== undefined && (best === undefined || s > best)) best = s;
  }
  return best;
}

type ReviewCommand = CmdOf<'review-materials' | 'inspect-on-site' | 'decide-at-meeting'>;

/** A review step: passing records `pass`, failing rejects the case at that step with the note as reason. */
function reviewStep<T extends ReviewCommand['type']>(
  step: T,
  passed: (command: CmdOf<T>) => boolean,
  pass: (command: CmdOf<T>, on: IsoDate) => RatingCaseEvent,
): Handler<T> {
  return (state, command, { on }) => {
    const { caseId, note } = command as ReviewCommand;
    const found = caseAt(state, caseId, step);
    if (!found.ok) return found;
    if (passed(command)) return ok([pass(command, on)]);
    return ok([{ type: 'case-rejected', caseId, on, step, ...(note === undefined ? {} : { reason: note }) }]);
  };
}

const handlers: { readonly [T in Cmd['type']]: Handler<T> } = {
  apply: (state, command, { on, ctx, options }) => {
    const caseId = command.caseId ?? ctx.newId('rc');
    const firstRound = command.firstRound ?? false;
    const municipality = command.municipality ?? false;
    const existing = getRecord(state.cases, caseId);
    if (existing) {
      const same =
        existing.unitId === command.unitId &&
        existing.star === command.star &&
        existing.firstRound === firstRound &&
        existing.municipality === municipality &&
        existing.recommendedBy === command.recommendedBy;
      return same ? ok([]) : err(ratingCaseError('rating/case-duplicate-id', { caseId }, ['caseId']));
    }
    const errors: DomainError[] = [];
    const dir = options.directory;
    if (dir) {
      const u = checkRef(dir, { kind: 'unit', id: command.unitId, asOf: on }, ['unitId']);
      if (u) errors.push(u);
      if (command.recommendedBy !== undefined) {
        const r = checkRef(dir, { kind: 'unit', id: command.recommendedBy, asOf: on, expect: BUREAU_KINDS }, [
          'recommendedBy',
        ]);
        if (r) errors.push(r);
      }
    }
    const cases = casesOfUnit(state, command.unitId);
    const open = cases.find((c) => c.star === command.star && isOpenCase(c));
    if (open)
      errors.push(
        ratingCaseError(
          'rating/case-already-open',
          { unitId: command.unitId, star: command.star, caseId: open.caseId },
          ['star'],
        ),
      );
    const held = highestHeld(cases, on);
    if (held !== undefined && held > command.star)
      errors.push(
        ratingCaseError('rating/case-star-already-held', { unitId: command.unitId, held, star: command.star }, [
          'star',
        ]),
      );
    const required = prerequisiteStarOf(command.star);
    if (!firstRound && required !== undefined && (held ?? 0) < required)
      errors.push(
        ratingCaseError('rating/case-prerequisite-missing', { unitId: command.unitId, star: command.star, required }, [
          'star',
        ]),
      );
    if (errors.length > 0) return err(...errors);
    return ok([
      {
        type: 'case-applied',
        caseId,
        on,
        unitId: command.unitId,
        star: command.star,
        firstRound,
        municipality,
        ...(command.recommendedBy === undefined ? {} : { recommendedBy: command.recommendedBy }),
        ...(command.note === undefined ? {} : { note: command.note }),
      },
    ]);
  },
  'review-materials': reviewStep(
    'review-materials',
    (c) => c.passed,
    (c, on) => ({
      type: 'materials-reviewed',
      caseId: c.caseId,
      on,
      ...(c.note === undefined ? {} : { note: c.note }),
    }),
  ),
  'inspect-on-site': reviewStep(
    'inspect-on-site',
    (c) => c.passed,
    (c, on) => ({
      type: 'site-inspected',
      caseId: c.caseId,
      on,
      inspectors: [...(c.inspectors ?? [])],
      ...(c.note === undefined ? {} : { note: c.note }),
    }),
  ),
  'give-feedback': (state, command, { on }) => {
    const found = caseAt(state, command.caseId, 'give-feedback');
    if (!found.ok) return found;
    return ok([{ type: 'feedback-given', caseId: command.caseId, on, feedback: command.feedback }]);
  },
  'decide-at-meeting': reviewStep(
    'decide-at-meeting',
    (c) => c.approved,
    (c, on) => ({ type: 'meeting-approved', caseId: c.caseId, on, ...(c.note === undefined ? {} : { note: c.note }) }),
  ),
  'start-notice': (state, command, { on, ctx, options }) => {
    const found = caseAt(state, command.caseId, 'start-notice');
    if (!found.ok) return found;
    const counting = command.counting ?? options.noticeCounting ?? 'workdays';
    const until = dueDate(on, counting === 'workdays' ? { workdays: command.days } : { days: command.days }, {
      calendar: ctx.calendar,
      allowFallback: options.allowCalendarFallback === true,
    });
    if (!until.ok) return err(...atPath(['days'], until.errors));
    return ok([
      { type: 'notice-started', caseId: command.caseId, on, days: command.days, counting, until: until.value },
    ]);
  },
  'raise-objection': (state, command, { on }) => {
    const c = getRecord(state.cases, command.caseId);
    if (!c) return err(ratingCaseError('rating/case-unknown', { caseId: command.caseId }, ['caseId']));
    if (c.status !== 'in-notice')
      return err(ratingCaseError('rating/case-not-in-notice', { caseId: c.caseId }, ['caseId']));
    if (compareDates(on, c.notice.until) > 0)
      return err(ratingCaseError('rating/case-notice-ended', { caseId: c.caseId, until: c.notice.until }, []));
    if (c.objections.some((o) => o.objectionId === command.objectionId))
      return err(
        ratingCaseError('rating/case-duplicate-objection-id', { objectionId: command.objectionId }, ['objectionId']),
      );
    return ok([
      { type: 'objection-raised', caseId: c.caseId, on, objectionId: command.objectionId, text: command.text },
    ]);
  },
  'resolve-objection': (state, command, { on }) => {
    const c = getRecord(state.cases, command.caseId);
    if (!c) return err(ratingCaseError('rating/case-unknown', { caseId: command.caseId }, ['caseId']));
    if (c.status !== 'in-notice')
      return err(ratingCaseError('rating/case-not-in-notice', { caseId: c.caseId }, ['caseId']));
    const o = c.objections.find((x) => x.objectionId === command.objectionId);
    if (!o)
      return err(
        ratingCaseError('rating/case-unknown-objection', { objectionId: command.objectionId }, ['objectionId']),
      );
    if (o.status !== 'open') {
      const same = o.status === (command.upheld ? 'upheld' : 'dismissed') && o.note === command.note;
      return same
        ? ok([])
        : err(ratingCaseError('rating/case-objection-already-resolved', { objectionId: o.objectionId }, ['upheld']));
    }
    const resolved: RatingCaseEvent = {
      type: 'objection-resolved',
      caseId: c.caseId,
      on,
      objectionId: o.objectionId,
      upheld: command.upheld,
      note: command.note,
    };
    if (!command.upheld) return ok([resolved]);
    return ok([resolved, { type: 'case-rejected', caseId: c.caseId, on, step: 'start-notice', reason: command.note }]);
  },
  award: (state, command, { on, options }) => {
    const found = caseAt(state, command.caseId, 'award');
    if (!found.ok) return found;
    const c = found.value;
    if (c.status !== 'in-notice') throw new Error('[shijian] unreachable: award outside public notice');
    const errors: DomainError[] = [];
    const open = c.objections.find((o) => o.status === 'open');
    if (open)
      errors.push(
        ratingCaseError('rating/case-objection-open', { caseId: c.caseId, objectionId: open.objectionId }, ['caseId']),
      );
    if (compareDates(on, c.notice.until) <= 0)
      errors.push(ratingCaseError('rating/case-notice-not-ended', { caseId: c.caseId, until: c.notice.until }, []));
    const cycleYears = command.cycleYears ?? 2;
    if (c.star === 5 && cycleYears !== 2)
      errors.push(ratingCaseError('rating/case-invalid-cycle', { star: c.star, cycleYears }, ['cycleYears']));
    const level = awardingLevelOf(c.star, { municipality: c.municipality });
    if (command.awardingLevel !== level)
      errors.push(
        ratingCaseError(
          'rating/case-wrong-awarding-level',
          { star: c.star, required: level, actual: command.awardingLevel },
          ['awardingLevel'],
        ),
      );
    const dir = options.directory;
    if (dir) {
      const ref = checkRef(dir, { kind: 'unit', id: command.awardingUnitId, asOf: on, expect: BUREAU_KINDS }, [
        'awardingUnitId',
      ]);
      const unit = ref ? undefined : findUnit(dir, command.awardingUnitId, on);
      if (ref) errors.push(ref);
      else if (unit && unit.level !== level)
        errors.push(
          ratingCaseError('rating/case-wrong-awarding-level', { star: c.star, required: level, actual: unit.level }, [
            'awardingUnitId',
          ]),
        );
    }
    const others = casesOfUnit(state, c.unitId).filter((x) => x.caseId !== c.caseId);
    const held = highestHeld(others, on);
    if (held !== undefined && held > c.star)
      errors.push(
        ratingCaseError('rating/case-star-already-held', { unitId: c.unitId, held, star: c.star }, ['caseId']),
      );
    // 逐级评定 holds on the award day too: the star below may have been withdrawn or expired since the application.
    const required = prerequisiteStarOf(c.star);
    if (!c.firstRound && required !== undefined && (held ?? 0) < required)
      errors.push(
        ratingCaseError('rating/case-prerequisite-missing', { unitId: c.unitId, star: c.star, required }, ['caseId']),
      );
    if (errors.length > 0) return err(...errors);
    const validUntil = addDays(addMonths(on, 12 * cycleYears), -1);
    const every = command.recheckEveryMonths;
    const next = every === undefined ? validUntil : addMonths(on, every);
    const nextRecheckOn = compareDates(next, validUntil) > 0 ? validUntil : next;
    const events: RatingCaseEvent[] = [
      {
        type: 'award-granted',
        caseId: c.caseId,
        on,
        awardedBy: command.awardingUnitId,
        awardingLevel: command.awardingLevel,
        cycleYears,
        validUntil,
        nextRecheckOn,
        ...(every === undefined ? {} : { recheckEveryMonths: every }),
        ...(command.certificateNo === undefined ? {} : { certificateNo: command.certificateNo }),
      },
    ];
    for (const x of others)
      if (starHeldOn(x, on) !== undefined)
        events.push({ type: 'award-superseded', caseId: x.caseId, on, byCaseId: c.caseId });
    return ok(events);
  },
  recheck: (state, command, { on }) => {
    const found = caseAt(state, command.caseId, 'recheck');
    if (!found.ok) return found;
    const c = found.value;
    if (c.status !== 'awarded' && c.status !== 'demoted')
      throw new Error('[shijian] unreachable: recheck without an award');
    const { validUntil } = c.award;
    if (compareDates(on, validUntil) > 0)
      return err(ratingCaseError('rating/case-award-expired', { caseId: c.caseId, validUntil }, []));
    const note = command.note === undefined ? {} : { note: command.note };
    if (command.outcome === 'withdraw')
      return ok([
        {
          type: 'award-withdrawn',
          caseId: c.caseId,
          on,
          ...(command.note === undefined ? {} : { reason: command.note }),
        },
      ]);
    // A kept or lowered star is re-checked again on the award's schedule until its validity ends.
    const next = nextRecheckAfter(c.award, on);
    const nextRecheck = next === undefined ? {} : { nextRecheckOn: next };
    if (command.outcome === 'demote') {
      const current = c.status === 'demoted' ? c.toStar : c.star;
      const to = command.toStar;
      if (to === undefined || to >= current)
        return err(ratingCaseError('rating/case-invalid-demotion', { star: current, toStar: to ?? null }, ['toStar']));
      return ok([{ type: 'award-demoted', caseId: c.caseId, on, toStar: to, ...nextRecheck, ...note }]);
    }
    return ok([{ type: 'award-kept', caseId: c.caseId, on, ...nextRecheck, ...note }]);
  },
};

/**
 * Decides one rating-case command on the context's calendar day: validates it, checks the case is
 * at the right step, that 逐级申报 and the awarding level hold and that the public notice is over
 * with no open objection, and returns the events — or every reason for refusal at once.
 * @category Rating case
 * @example
 * const r = decideRatingCase(state, { type: 'review-materials', caseId: 'rc-1', passed: true }, ctx);
 * if (r.ok) r.value[0]?.type; // 'materials-reviewed'
 */
export function decideRatingCase(
  state: RatingCaseState,
  command: RatingCaseCommand,
  ctx: Context,
  options: RatingCaseOptions = {},
): Result<readonly RatingCaseEvent[]> {
  const parsed = parseWith(RatingCaseCommandSchema, command);
  if (!parsed.ok) return parsed;
  const cmd = parsed.value;
  const handler = handlers[cmd.type] as Handler<typeof cmd.type>;
  return handler(state, cmd, { on: today(ctx), ctx, options });
}

/**
 * Creates the rating-case decider for `execute` and `replay`, bound to an org directory and notice
 * counting when given.
 * @category Rating case
 * @example
 * const decider = createRatingCaseDecider({ directory, noticeCounting: 'workdays' });
 * const r = execute(decider, decider.initialState, { type: 'apply', caseId: 'rc-1', unitId: 'st-baiyun', star: 3 }, ctx);
 */
export function createRatingCaseDecider(
  options: RatingCaseOptions = {},
): Decider<RatingCaseState, RatingCaseCommand, RatingCaseEvent> {
  return {
    kind: 'rating-case',
    initialState: initialRatingCaseState,
    decide: (state, command, ctx) => decideRatingCase(state, command, ctx, options),
    evolve: evolveRatingCase,
  };
}

/** The rating-case decider without an org directory: awarding levels are checked as declared. @category Rating case */
export const ratingCaseDecider: Decider<RatingCaseState, RatingCaseCommand, RatingCaseEvent> =
  /* @__PURE__ */ createRatingCaseDecider();
