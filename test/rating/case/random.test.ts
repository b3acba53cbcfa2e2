import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allRecords, countRecords, type Decider, getRecord, type IsoDate } from '../../../src/core/index.js';
import {
  createRatingCaseDecider,
  type RatingCase,
  type RatingCaseCommand,
  type RatingCaseEvent,
  type RatingCaseState,
  type RatingCaseStatus,
  starHeldOn,
} from '../../../src/rating/case/index.js';
import { awardingLevelOf, type StarLevel } from '../../../src/rating/index.js';
import { ratingCaseInvariants } from '../../model/_invariants.js';
import { type Attempt, type Choice, checkRandom, formatReport, pickOf, type RandomModel } from '../../model/_random.js';
import { ctxOn } from './_fixture.js';

const UNITS = ['u1', 'u2'] as const;

/** The steps of a case in their order: the test's own copy of the workflow. */
const ORDER = [
  'apply',
  'review-materials',
  'inspect-on-site',
  'give-feedback',
  'decide-at-meeting',
  'start-notice',
  'award',
  'recheck',
] as const;
type Stepped = (typeof ORDER)[number];
const WAITS_FOR: Partial<Record<RatingCaseStatus, Stepped>> = {
  applied: 'review-materials',
  'materials-reviewed': 'inspect-on-site',
  inspected: 'give-feedback',
  'feedback-given': 'decide-at-meeting',
  approved: 'start-notice',
  'in-notice': 'award',
  awarded: 'recheck',
  demoted: 'recheck',
};
const OPEN: readonly RatingCaseStatus[] = [
  'applied',
  'materials-reviewed',
  'inspected',
  'feedback-given',
  'approved',
  'in-notice',
];

const casesOf = (s: RatingCaseState, unitId: string) => allRecords(s.cases).filter((c) => c.unitId === unitId);

function heldOn(cases: readonly RatingCase[], day: IsoDate, except?: string): number {
  let best = 0;
  for (const c of cases) if (c.caseId !== except) best = Math.max(best, starHeldOn(c, day) ?? 0);
  return best;
}

/** A command of a step for case `caseId` on `day`, options picked by `alt`. */
function stepCommand(
  type: Stepped,
  c: RatingCase | undefined,
  caseId: string,
  day: IsoDate,
  alt: number,
): RatingCaseCommand {
  const passed = alt % 6 !== 0;
  switch (type) {
    case 'apply':
      return { type, caseId, unitId: pickOf(UNITS, alt), star: pickOf([3, 4, 5] as const, alt >> 2) };
    case 'review-materials':
    case 'inspect-on-site':
      return { type, caseId, passed, ...(passed ? {} : { note: '不符合' }) };
    case 'give-feedback':
      return { type, caseId, feedback: '档案管理需进一步规范' };
    case 'decide-at-meeting':
      return { type, caseId, approved: passed };
    case 'start-notice':
      return { type, caseId, days: 1 + (alt % 5), counting: alt % 2 === 0 ? 'workdays' : 'days' };
    case 'award': {
      const level = c ? awardingLevelOf(c.star, { municipality: c.municipality }) : 3;
      return { type, caseId, awardingUnitId: 'b-dalian', awardingLevel: level, recheckEveryMonths: 6 + (alt % 7) };
    }
    case 'recheck': {
      const star = c?.status === 'demoted' ? c.toStar : (c?.star ?? 3);
      if (alt % 5 === 0) return { type, caseId, outcome: 'withdraw', note: '摘牌' };
      if (alt % 5 === 1 && star > 3) return { type, caseId, outcome: 'demote', toStar: (star - 1) as StarLevel };
      return { type, caseId, outcome: 'keep' };
    }
  }
  void day;
}

/** What the workflow allows next for each case, and the applications a unit may make (the "enabled" set). */
function allowed(s: RatingCaseState, day: IsoDate, alt: number): RatingCaseCommand[] {
  const out: RatingCaseCommand[] = [];
  const next = `c-${countRecords(s.cases) + 1}`;
  for (const unitId of UNITS) {
    const cases = casesOf(s, unitId);
    const held = heldOn(cases, day);
    for (const star of [3, 4, 5] as const) {
      if (cases.some((c) => c.star === star && OPEN.includes(c.status)) || held > star) continue;
      const firstRound = star > 3 && held < star - 1;
      if (firstRound && alt % 3 !== 0) continue;
      out.push({ type: 'apply', caseId: next, unitId, star, ...(firstRound ? { firstRound } : {}) });
    }
  }
  for (const c of allRecords(s.cases)) {
    const step = WAITS_FOR[c.status];
    if (step === undefined) continue;
    if (c.status === 'in-notice') {
      const open = c.objections.find((o) => o.status === 'open');
      if (day <= c.notice.until)
        out.push({
          type: 'raise-objection',
          caseId: c.caseId,
          objectionId: `o-${c.objections.length + 1}`,
          text: '异议',
        });
      if (open)
        out.push({
          type: 'resolve-objection',
          caseId: c.caseId,
          objectionId: open.objectionId,
          upheld: alt % 4 === 0,
          note: alt % 4 === 0 ? '属实' : '不属实',
        });
      else if (day > c.notice.until) {
        // 逐级评定 is checked again on the award day: the star below must still be held.
        const held = heldOn(casesOf(s, c.unitId), day, c.caseId);
        if (held <= c.star && (c.firstRound || c.star === 3 || held >= c.star - 1))
          out.push(stepCommand('award', c, c.caseId, day, alt));
      }
      continue;
    }
    if ((c.status === 'awarded' || c.status === 'demoted') && day > c.award.validUntil) continue;
    out.push(stepCommand(step, c, c.caseId, day, alt));
  }
  return out;
}

/** Any step on any case (existing or not): the oracle says which must be refused, and how. */
function anyCommand(s: RatingCaseState, day: IsoDate, ch: Choice): RatingCaseCommand {
  const ids = allRecords(s.cases).map((c) => c.caseId);
  const caseId = pickOf([...ids, 'c-x'], ch.alt);
  const c = getRecord(s.cases, caseId);
  const k = ch.pick % (ORDER.length + 2);
  if (k === ORDER.length) return { type: 'raise-objection', caseId, objectionId: `o-${ch.alt % 3}`, text: '异议' };
  if (k === ORDER.length + 1)
    return { type: 'resolve-objection', caseId, objectionId: `o-${ch.alt % 3}`, upheld: false, note: '不属实' };
  return stepCommand(pickOf(ORDER, k), c, caseId, day, ch.pick);
}

/** The workflow oracle: which code a command out of order must be refused with. */
function refusal(s: RatingCaseState, cmd: RatingCaseCommand, day: IsoDate): string | undefined {
  if (cmd.type === 'apply') {
    const existing = cmd.caseId === undefined ? undefined : getRecord(s.cases, cmd.caseId);
    if (existing)
      return existing.unitId === cmd.unitId &&
        existing.star === cmd.star &&
        !existing.firstRound &&
        !existing.municipality
        ? undefined
        : 'rating/case-duplicate-id';
    const open = casesOf(s, cmd.unitId).some((c) => c.star === cmd.star && OPEN.includes(c.status));
    return open ? 'rating/case-already-open' : undefined;
  }
  const c = getRecord(s.cases, cmd.caseId);
  if (!c) return 'rating/case-unknown';
  if (cmd.type === 'raise-objection' || cmd.type === 'resolve-objection') {
    if (c.status !== 'in-notice') return 'rating/case-not-in-notice';
    if (cmd.type === 'raise-objection' && day > c.notice.until) return 'rating/case-notice-ended';
    return undefined;
  }
  const waits = WAITS_FOR[c.status];
  if (waits === undefined) return 'rating/case-closed';
  const diff = ORDER.indexOf(cmd.type) - ORDER.indexOf(waits);
  if (diff > 0) return 'rating/case-step-skipped';
  if (diff < 0) return 'rating/case-step-already-done';
  if (cmd.type === 'award' && c.status === 'in-notice') {
    if (c.objections.some((o) => o.status === 'open')) return 'rating/case-objection-open';
    if (day <= c.notice.until) return 'rating/case-notice-not-ended';
  }
  return undefined;
}

/** Cases and their history lines: a history is append-only, so none may ever disappear. */
const ids = (s: RatingCaseState): string[] =>
  allRecords(s.cases).flatMap((c) => [`case:${c.caseId}`, ...c.history.map((h) => `history:${c.caseId}#${h.seq}`)]);

/** Rating cases as a random-walk model. */
function ratingCaseModel(
  decider: Decider<RatingCaseState, RatingCaseCommand, RatingCaseEvent>,
): RandomModel<RatingCaseState, RatingCaseCommand, RatingCaseEvent> {
  return {
    name: 'rating case',
    decider,
    start: '2025-03-03',
    waits: fc.constantFrom(0, 0, 0, 1, 2, 3, 7, 30),
    context: (day) => ctxOn(day),
    next(s, day, c): Attempt<RatingCaseCommand> {
      if (c.mode < 75) {
        const enabled = allowed(s, day, c.alt);
        if (enabled.length > 0) return { command: pickOf(enabled, c.pick), valid: true };
      }
      return { command: anyCommand(s, day, c), valid: false };
    },
    refusal,
    invariants: ratingCaseInvariants,
    ids,
  };
}

describe('RatingCase model: random long walks', () => {
  it('seeded walks of 30–200 commands keep the invariants after every step, refuse every skipped step, and replay', () => {
    // Past the calendar's covered years notices are counted Monday–Friday, so walks may run for years.
    const decider = createRatingCaseDecider({ allowCalendarFallback: true });
    const r = checkRandom(ratingCaseModel(decider), { seed: 20250303, numRuns: 70, minLength: 30, maxLength: 200 });
    console.info(formatReport('RatingCase', r));
    expect(r.sequences).toBe(70);
    expect(r.longest).toBeGreaterThan(150);
    expect(r.predictedRefusals).toBeGreaterThan(1000);
    expect(r.accepted).toBeGreaterThan(r.commands / 3);
    for (const type of ['award-granted', 'award-superseded', 'award-demoted', 'award-withdrawn', 'case-rejected'])
      expect(r.eventTypes[type] ?? 0, type).toBeGreaterThan(5);
  });
});

describe('RatingCase model: the walk catches a broken decider', () => {
  it('an award that does not supersede the star held before breaks an invariant', () => {
    const real = createRatingCaseDecider({ allowCalendarFallback: true });
    const d: Decider<RatingCaseState, RatingCaseCommand, RatingCaseEvent> = {
      ...real,
      initialState: { version: 0, cases: {}, byUnit: {} },
      evolve(draft, e) {
        if (e.type !== 'award-superseded') real.evolve(draft, e);
      },
    };
    const quick = { seed: 20250303, numRuns: 70, minLength: 30, maxLength: 200, endOnFailure: true } as const;
    expect(() => checkRandom(ratingCaseModel(d), quick)).toThrow(/invariant broken: u\d holds a star on \S+ 2 times/);
  });
});
