import { describe, expect, it } from 'vitest';
import { execute, type IsoDate, replay } from '../../../src/core/index.js';
import {
  awardsInForce,
  getRatingCase,
  isOpenCase,
  type RatingCaseCommand,
  type RatingCaseState,
  ratingCaseDecider,
  rechecksDue,
  starHeldOn,
  starOfUnit,
} from '../../../src/rating/case/index.js';
import { ctxOn, drive } from './_fixture.js';

type Step = readonly [IsoDate, RatingCaseCommand];

/** A full case from application to award on seven consecutive working days, the award after a 5-day notice. */
function fullCase(
  caseId: string,
  unitId: string,
  star: 3 | 4 | 5,
  days: readonly [IsoDate, IsoDate, IsoDate, IsoDate, IsoDate, IsoDate, IsoDate],
  extra: { firstRound?: boolean; recheckEveryMonths?: number } = {},
): Step[] {
  const level = star === 5 ? 1 : star === 4 ? 2 : 3;
  const [apply, review, inspect, feedback, meeting, notice, award] = days;
  return [
    [apply, { type: 'apply', caseId, unitId, star, ...(extra.firstRound ? { firstRound: true } : {}) }],
    [review, { type: 'review-materials', caseId, passed: true }],
    [inspect, { type: 'inspect-on-site', caseId, passed: true }],
    [feedback, { type: 'give-feedback', caseId, feedback: '档案管理需进一步规范' }],
    [meeting, { type: 'decide-at-meeting', caseId, approved: true }],
    [notice, { type: 'start-notice', caseId, days: 5, counting: 'days' }],
    [
      award,
      {
        type: 'award',
        caseId,
        awardingUnitId: `b-level-${level}`,
        awardingLevel: level as 1 | 2 | 3,
        ...(extra.recheckEveryMonths === undefined ? {} : { recheckEveryMonths: extra.recheckEveryMonths }),
      },
    ],
  ];
}

const MARCH = [
  '2025-03-03',
  '2025-03-04',
  '2025-03-05',
  '2025-03-06',
  '2025-03-07',
  '2025-03-10',
  '2025-03-20',
] as const;
const JULY = [
  '2025-07-01',
  '2025-07-02',
  '2025-07-03',
  '2025-07-04',
  '2025-07-07',
  '2025-07-08',
  '2025-07-21',
] as const;

function refusal(state: RatingCaseState, command: RatingCaseCommand, day: IsoDate) {
  const r = execute(ratingCaseDecider, state, command, ctxOn(day));
  if (r.ok) throw new Error(`expected ${command.type} to be refused`);
  return r.errors.map((e) => ({ code: e.code, path: e.path }));
}

describe('award re-checks 逐级评定 (audit finding 2)', () => {
  const three = fullCase('rc-3', 'st-b', 3, [
    '2025-01-06',
    '2025-01-07',
    '2025-01-08',
    '2025-01-09',
    '2025-01-10',
    '2025-01-13',
    '2025-01-27',
  ]);
  const four = fullCase('rc-4', 'st-b', 4, MARCH);

  it('refuses four stars when the three stars behind the application were withdrawn during the notice', () => {
    const withdraw: Step = ['2025-03-11', { type: 'recheck', caseId: 'rc-3', outcome: 'withdraw', note: '复核不达标' }];
    const { state } = drive([...three, ...four.slice(0, 6), withdraw]);
    const award = four[6] as Step;
    expect(refusal(state, award[1], award[0])).toEqual([
      { code: 'rating/case-prerequisite-missing', path: ['caseId'] },
    ]);
    const r = execute(ratingCaseDecider, state, award[1], ctxOn(award[0]));
    expect(r.ok ? '' : r.errors[0]?.message.en).toMatch(/must hold 3 stars to apply for or be awarded 4/);
    expect(getRatingCase(state, 'rc-4')?.status).toBe('in-notice');
  });

  it('still awards four stars while three are held, and in a first round without them', () => {
    const held = drive([...three, ...four]).state;
    expect(starOfUnit(held, 'st-b', '2025-03-20')).toBe(4);
    const first = drive(fullCase('rc-4f', 'st-c', 4, MARCH, { firstRound: true })).state;
    expect(starOfUnit(first, 'st-c', '2025-03-20')).toBe(4);
  });
});

describe('a demoted award stays open for re-check until validUntil (audit finding 3)', () => {
  const awarded = fullCase('rc-4', 'st-a', 4, MARCH, { firstRound: true, recheckEveryMonths: 6 });
  const demote: Step = [
    '2025-06-02',
    { type: 'recheck', caseId: 'rc-4', outcome: 'demote', toStar: 3, note: '复核降级' },
  ];

  it('is listed in rechecksDue at its lower star and can then be withdrawn (摘牌)', () => {
    const { state } = drive([...awarded, demote]);
    const c = getRatingCase(state, 'rc-4');
    expect(c?.status).toBe('demoted');
    expect(c && isOpenCase(c)).toBe(false);
    expect(c?.status === 'demoted' && c.nextRecheckOn).toBe('2025-12-02');
    expect(rechecksDue(state, '2025-12-01')).toEqual([]);
    expect(rechecksDue(state, '2025-12-02')).toEqual([
      { caseId: 'rc-4', unitId: 'st-a', star: 3, dueOn: '2025-12-02', validUntil: '2027-03-19' },
    ]);
    const after = drive(
      [['2025-12-02', { type: 'recheck', caseId: 'rc-4', outcome: 'withdraw', note: '再次复核不达标' }]],
      state,
    ).state;
    expect(getRatingCase(after, 'rc-4')?.status).toBe('withdrawn');
    expect(starOfUnit(after, 'st-a', '2025-12-02')).toBeUndefined();
    expect(starOfUnit(after, 'st-a', '2025-12-01')).toBe(3);
    expect(starOfUnit(after, 'st-a', '2025-05-30')).toBe(4);
    expect(rechecksDue(after, '2025-12-02')).toEqual([]);
    expect(refusal(after, { type: 'recheck', caseId: 'rc-4', outcome: 'keep' }, '2025-12-03')).toEqual([
      { code: 'rating/case-closed', path: ['caseId'] },
    ]);
  });

  it('keeps the lower star on a passed re-check and moves the next one on', () => {
    const keep: Step = ['2025-12-02', { type: 'recheck', caseId: 'rc-4', outcome: 'keep' }];
    const { state } = drive([...awarded, demote, keep]);
    const c = getRatingCase(state, 'rc-4');
    expect(c?.status).toBe('demoted');
    expect(c?.status === 'demoted' && [c.toStar, c.lastRecheckOn, c.nextRecheckOn]).toEqual([
      3,
      '2025-12-02',
      '2026-06-02',
    ]);
    expect(starOfUnit(state, 'st-a', '2026-01-01')).toBe(3);
  });

  it('demotes further, five to four to three, and tells the star of every day', () => {
    const five = fullCase('rc-5', 'st-d', 5, MARCH, { firstRound: true });
    const { state } = drive([
      ...five,
      ['2025-06-02', { type: 'recheck', caseId: 'rc-5', outcome: 'demote', toStar: 4 }],
      ['2025-09-01', { type: 'recheck', caseId: 'rc-5', outcome: 'demote', toStar: 3 }],
    ]);
    const c = getRatingCase(state, 'rc-5');
    expect(c?.status === 'demoted' && c.demotions).toEqual([
      { on: '2025-06-02', toStar: 4 },
      { on: '2025-09-01', toStar: 3 },
    ]);
    expect(c && (['2025-04-01', '2025-07-01', '2025-10-01'] as const).map((d) => starHeldOn(c, d))).toEqual([5, 4, 3]);
    // Three is the lowest star; "demoting" to it again is no demotion.
    expect(refusal(state, { type: 'recheck', caseId: 'rc-5', outcome: 'demote', toStar: 3 }, '2025-10-01')).toEqual([
      { code: 'rating/case-invalid-demotion', path: ['toStar'] },
    ]);
  });

  it('refuses a re-check of a demoted award after its validity ended', () => {
    const { state } = drive([...awarded, demote]);
    expect(refusal(state, { type: 'recheck', caseId: 'rc-4', outcome: 'withdraw' }, '2027-03-20')).toEqual([
      { code: 'rating/case-award-expired', path: [] },
    ]);
  });

  it('replays to the same state', () => {
    const { state, events } = drive([
      ...awarded,
      demote,
      ['2025-12-02', { type: 'recheck', caseId: 'rc-4', outcome: 'withdraw' }],
    ]);
    expect(replay(ratingCaseDecider, events)).toEqual(state);
  });
});

describe('star history after a demotion and a later supersession (audit finding 4)', () => {
  it('reports the lower star between the demotion and the new award', () => {
    const first = fullCase('rc-4a', 'st-a', 4, MARCH, { firstRound: true });
    const demote: Step = ['2025-06-02', { type: 'recheck', caseId: 'rc-4a', outcome: 'demote', toStar: 3 }];
    const { state } = drive([...first, demote, ...fullCase('rc-4b', 'st-a', 4, JULY)]);
    const old = getRatingCase(state, 'rc-4a');
    expect(old?.status).toBe('superseded');
    expect(old?.status === 'superseded' && [old.demotedOn, old.toStar]).toEqual(['2025-06-02', 3]);
    expect(old && starHeldOn(old, '2025-06-01')).toBe(4);
    expect(old && starHeldOn(old, '2025-06-15')).toBe(3);
    expect(starOfUnit(state, 'st-a', '2025-06-15')).toBe(3);
    expect(awardsInForce(state, '2025-06-15').map((a) => [a.caseId, a.star])).toEqual([['rc-4a', 3]]);
    expect(awardsInForce(state, '2025-07-21').map((a) => [a.caseId, a.star])).toEqual([['rc-4b', 4]]);
  });
});
