import { describe, expect, it } from 'vitest';
import { execute, type IsoDate, unwrap } from '../../../src/core/index.js';
import {
  createRatingCaseDecider,
  decideRatingCase,
  getRatingCase,
  type RatingCaseCommand,
  type RatingCaseState,
  ratingCaseDecider,
} from '../../../src/rating/case/index.js';
import { deepFreeze } from '../../helpers/freeze.js';
import { cityAward, ctxOn, directory, drive, toNotice } from './_fixture.js';

/** Runs a command on a frozen state and returns the refusal; fails the test if it was accepted. */
function refuse(state: RatingCaseState, command: RatingCaseCommand, day: IsoDate, decider = ratingCaseDecider) {
  deepFreeze(state);
  deepFreeze(command);
  const r = execute(decider, state, command, ctxOn(day));
  if (r.ok) throw new Error(`expected a refusal of ${command.type}`);
  return r.errors;
}

const noticed = () => drive(toNotice('rc-1', 'st-baiyun')).state;
const awarded = () => drive([['2025-04-01', cityAward('rc-1')]], noticed()).state;

describe('decideRatingCase — the steps', () => {
  it('walks a three-star case from application to award', () => {
    const { state, events } = drive([...toNotice('rc-1', 'st-baiyun'), ['2025-04-01', cityAward('rc-1')]]);
    expect(events.map((e) => e.type)).toEqual([
      'case-applied',
      'materials-reviewed',
      'site-inspected',
      'feedback-given',
      'meeting-approved',
      'notice-started',
      'award-granted',
    ]);
    const c = getRatingCase(state, 'rc-1');
    expect(c).toMatchObject({
      status: 'awarded',
      star: 3,
      unitId: 'st-baiyun',
      recommendedBy: 'b-xigang',
      notice: { from: '2025-03-24', until: '2025-03-31', days: 5, counting: 'workdays' },
      award: {
        awardedOn: '2025-04-01',
        awardedBy: 'b-dalian',
        awardingLevel: 3,
        cycleYears: 2,
        validUntil: '2027-03-31',
        recheckEveryMonths: 12,
        certificateNo: 'DL-3S-2025-001',
      },
      nextRecheckOn: '2026-04-01',
    });
    expect(c?.history.map((h) => h.step)).toEqual([
      'apply',
      'review-materials',
      'inspect-on-site',
      'give-feedback',
      'decide-at-meeting',
      'start-notice',
      'award',
    ]);
  });

  it('counts the notice over the Qingming holiday in working days, or in calendar days when asked', () => {
    const base = toNotice('rc-1', 'st-baiyun').slice(0, 5);
    const wd = drive([...base, ['2025-04-01', { type: 'start-notice', caseId: 'rc-1', days: 5 }]]).state;
    // 2025-04-04 (Fri) is Qingming; five working days after 04-01 end on 04-09.
    expect(getRatingCase(wd, 'rc-1')).toMatchObject({ notice: { until: '2025-04-09' } });
    const cd = drive([
      ...base,
      ['2025-04-01', { type: 'start-notice', caseId: 'rc-1', days: 5, counting: 'days' }],
    ]).state;
    // 04-06 is a Sunday of the holiday, so the period ends on the next working day.
    expect(getRatingCase(cd, 'rc-1')).toMatchObject({ notice: { until: '2025-04-07', counting: 'days' } });
    const byDefault = createRatingCaseDecider({ noticeCounting: 'days' });
    const dd = drive(
      [...base, ['2025-04-01', { type: 'start-notice', caseId: 'rc-1', days: 5 }]],
      undefined,
      byDefault,
    );
    expect(getRatingCase(dd.state, 'rc-1')).toMatchObject({ notice: { counting: 'days' } });
  });

  it.each([
    ['review-materials', { type: 'review-materials', caseId: 'rc-1', passed: false, note: '材料不全' }, 1],
    ['inspect-on-site', { type: 'inspect-on-site', caseId: 'rc-1', passed: false }, 2],
    ['decide-at-meeting', { type: 'decide-at-meeting', caseId: 'rc-1', approved: false, note: '暂缓' }, 4],
  ] as const)('a failed %s rejects the case there', (step, command, before) => {
    const steps = toNotice('rc-1', 'st-baiyun').slice(0, before);
    const { state } = drive([...steps, ['2025-03-28', command]]);
    const c = getRatingCase(state, 'rc-1');
    expect(c).toMatchObject({ status: 'rejected', rejectedAt: step, rejectedOn: '2025-03-28' });
    expect(c && 'reason' in c ? c.reason : undefined).toBe('note' in command ? command.note : undefined);
  });

  it('records objections; a dismissed one lets the award through, an upheld one rejects the case', () => {
    const withObjection = drive(
      [
        [
          '2025-03-25',
          { type: 'raise-objection', caseId: 'rc-1', objectionId: 'ob-1', text: '群众反映窗口服务态度差' },
        ],
        [
          '2025-03-27',
          { type: 'resolve-objection', caseId: 'rc-1', objectionId: 'ob-1', upheld: false, note: '经核查不属实' },
        ],
        ['2025-04-01', cityAward('rc-1')],
      ],
      noticed(),
    ).state;
    expect(getRatingCase(withObjection, 'rc-1')).toMatchObject({
      status: 'awarded',
      objections: [{ objectionId: 'ob-1', status: 'dismissed', resolvedOn: '2025-03-27', note: '经核查不属实' }],
    });
    const upheld = drive(
      [
        ['2025-03-25', { type: 'raise-objection', caseId: 'rc-1', objectionId: 'ob-1', text: '存在违规收费' }],
        ['2025-03-27', { type: 'resolve-objection', caseId: 'rc-1', objectionId: 'ob-1', upheld: true, note: '查实' }],
      ],
      noticed(),
    ).state;
    expect(getRatingCase(upheld, 'rc-1')).toMatchObject({
      status: 'rejected',
      rejectedAt: 'start-notice',
      reason: '查实',
    });
  });

  it('re-checks keep, demote or withdraw an award', () => {
    const kept = drive([['2026-04-01', { type: 'recheck', caseId: 'rc-1', outcome: 'keep' }]], awarded()).state;
    expect(getRatingCase(kept, 'rc-1')).toMatchObject({
      status: 'awarded',
      lastRecheckOn: '2026-04-01',
      nextRecheckOn: '2027-03-31',
    });
    const last = drive([['2027-03-31', { type: 'recheck', caseId: 'rc-1', outcome: 'keep' }]], kept).state;
    const c = getRatingCase(last, 'rc-1');
    expect(c && 'nextRecheckOn' in c).toBe(false);
    const withdrawn = drive(
      [['2025-09-01', { type: 'recheck', caseId: 'rc-1', outcome: 'withdraw', note: '发生重大违纪' }]],
      awarded(),
    ).state;
    expect(getRatingCase(withdrawn, 'rc-1')).toMatchObject({
      status: 'withdrawn',
      withdrawnOn: '2025-09-01',
      reason: '发生重大违纪',
    });
  });

  it('a four-star award supersedes the three stars the unit held (逐级申报)', () => {
    const three = awarded();
    const four = drive(
      [
        ['2025-05-06', { type: 'apply', caseId: 'rc-2', unitId: 'st-baiyun', star: 4 }],
        ['2025-05-07', { type: 'review-materials', caseId: 'rc-2', passed: true }],
        ['2025-05-08', { type: 'inspect-on-site', caseId: 'rc-2', passed: true }],
        ['2025-05-09', { type: 'give-feedback', caseId: 'rc-2', feedback: '无' }],
        ['2025-05-12', { type: 'decide-at-meeting', caseId: 'rc-2', approved: true }],
        ['2025-05-13', { type: 'start-notice', caseId: 'rc-2', days: 5 }],
        ['2025-05-21', { type: 'award', caseId: 'rc-2', awardingUnitId: 'b-liaoning', awardingLevel: 2 }],
      ],
      three,
    );
    expect(four.events.slice(-2).map((e) => e.type)).toEqual(['award-granted', 'award-superseded']);
    expect(getRatingCase(four.state, 'rc-1')).toMatchObject({
      status: 'superseded',
      byCaseId: 'rc-2',
      supersededOn: '2025-05-21',
    });
  });

  it('in a municipality the district bureau awards three stars', () => {
    const dir = directory();
    const decider = createRatingCaseDecider({ directory: dir });
    const steps = toNotice('rc-9', 'st-chengqiao', 3, { municipality: true }).map(
      ([d, c]) => [d, c.type === 'apply' ? { ...c, recommendedBy: 'b-chongming' } : c] as const,
    );
    const { state } = drive(
      [...steps, ['2025-04-01', { type: 'award', caseId: 'rc-9', awardingUnitId: 'b-chongming', awardingLevel: 4 }]],
      undefined,
      decider,
    );
    expect(getRatingCase(state, 'rc-9')).toMatchObject({ status: 'awarded', award: { awardingLevel: 4 } });
  });
});

describe('decideRatingCase — no-ops, immutability, ids', () => {
  it('repeating an application or a resolution changes nothing and returns the same state', () => {
    const s = deepFreeze(noticed());
    const again = unwrap(execute(ratingCaseDecider, s, toNotice('rc-1', 'st-baiyun')[0][1], ctxOn('2025-03-26')));
    expect(again.state).toBe(s);
    expect(again.events).toEqual([]);
    const resolved = drive(
      [
        ['2025-03-25', { type: 'raise-objection', caseId: 'rc-1', objectionId: 'ob-1', text: '异议' }],
        [
          '2025-03-26',
          { type: 'resolve-objection', caseId: 'rc-1', objectionId: 'ob-1', upheld: false, note: '不属实' },
        ],
      ],
      s,
    ).state;
    deepFreeze(resolved);
    const twice = unwrap(
      execute(
        ratingCaseDecider,
        resolved,
        { type: 'resolve-objection', caseId: 'rc-1', objectionId: 'ob-1', upheld: false, note: '不属实' },
        ctxOn('2025-03-27'),
      ),
    );
    expect(twice.state).toBe(resolved);
  });

  it('takes a case id from the context when the command has none, and leaves frozen inputs alone', () => {
    const command = deepFreeze({ type: 'apply', unitId: 'st-baiyun', star: 3 } as const);
    const state = deepFreeze(ratingCaseDecider.initialState);
    const r = unwrap(decideRatingCase(state, command, ctxOn('2025-03-03')));
    expect(r[0]).toMatchObject({ type: 'case-applied', caseId: expect.stringMatching(/^rc-/) });
  });
});

describe('decideRatingCase — every refusal', () => {
  it('core validation with a path', () => {
    const e = refuse(noticed(), { type: 'start-notice', caseId: 'rc-1', days: 0 }, '2025-03-25');
    expect(e[0]?.path).toEqual(['days']);
    const bad = refuse(
      noticed(),
      { type: 'apply', unitId: '__proto__', star: 6 } as unknown as RatingCaseCommand,
      '2025-03-25',
    );
    expect(bad.length).toBeGreaterThan(0);
  });

  it('rating/case-unknown', () => {
    for (const command of [
      { type: 'review-materials', caseId: 'ghost', passed: true },
      { type: 'raise-objection', caseId: 'ghost', objectionId: 'o', text: 'x' },
      { type: 'resolve-objection', caseId: 'ghost', objectionId: 'o', upheld: false, note: 'x' },
    ] as const)
      expect(refuse(noticed(), command, '2025-03-25')[0]).toMatchObject({
        code: 'rating/case-unknown',
        path: ['caseId'],
      });
  });

  it('rating/case-duplicate-id', () => {
    const e = refuse(noticed(), { type: 'apply', caseId: 'rc-1', unitId: 'st-other', star: 3 }, '2025-03-25');
    expect(e[0]).toMatchObject({ code: 'rating/case-duplicate-id', path: ['caseId'] });
  });

  it('rating/case-already-open', () => {
    const e = refuse(noticed(), { type: 'apply', caseId: 'rc-2', unitId: 'st-baiyun', star: 3 }, '2025-03-25');
    expect(e[0]).toMatchObject({ code: 'rating/case-already-open', path: ['star'], details: { caseId: 'rc-1' } });
  });

  it('rating/case-star-already-held, at application and at award', () => {
    const five = drive([
      ...toNotice('rc-5', 'st-baiyun', 5, { firstRound: true }),
      ['2025-04-01', { type: 'award', caseId: 'rc-5', awardingUnitId: 'b-samr', awardingLevel: 1 }],
    ]).state;
    const e = refuse(five, { type: 'apply', caseId: 'rc-3', unitId: 'st-baiyun', star: 3 }, '2025-04-02');
    expect(e[0]).toMatchObject({ code: 'rating/case-star-already-held', path: ['star'], details: { held: 5 } });
    // A three-star case opened before the five stars were awarded cannot be awarded after them.
    const both = drive([
      ...toNotice('rc-3', 'st-baiyun', 3),
      ...toNotice('rc-5', 'st-baiyun', 5, { firstRound: true }),
      ['2025-04-01', { type: 'award', caseId: 'rc-5', awardingUnitId: 'b-samr', awardingLevel: 1 }],
    ]).state;
    const e2 = refuse(both, cityAward('rc-3'), '2025-04-02');
    expect(e2[0]).toMatchObject({ code: 'rating/case-star-already-held', path: ['caseId'] });
  });

  it('rating/case-prerequisite-missing (逐级申报), waived in a first round', () => {
    const e = refuse(
      ratingCaseDecider.initialState,
      { type: 'apply', caseId: 'rc-4', unitId: 'st-baiyun', star: 4 },
      '2025-03-03',
    );
    expect(e[0]).toMatchObject({ code: 'rating/case-prerequisite-missing', path: ['star'], details: { required: 3 } });
    const first = execute(
      ratingCaseDecider,
      ratingCaseDecider.initialState,
      { type: 'apply', caseId: 'rc-4', unitId: 'st-baiyun', star: 4, firstRound: true },
      ctxOn('2025-03-03'),
    );
    expect(first.ok).toBe(true);
  });

  it('rating/case-step-skipped', () => {
    const applied = drive([toNotice('rc-1', 'st-baiyun')[0]]).state;
    for (const command of [
      { type: 'inspect-on-site', caseId: 'rc-1', passed: true },
      { type: 'give-feedback', caseId: 'rc-1', feedback: 'x' },
      { type: 'decide-at-meeting', caseId: 'rc-1', approved: true },
      { type: 'start-notice', caseId: 'rc-1', days: 5 },
      cityAward('rc-1'),
      { type: 'recheck', caseId: 'rc-1', outcome: 'keep' },
    ] as const)
      expect(refuse(applied, command, '2025-05-01')[0]).toMatchObject({
        code: 'rating/case-step-skipped',
        path: ['type'],
        details: { expected: 'review-materials' },
      });
  });

  it('rating/case-step-already-done', () => {
    const e = refuse(awarded(), { type: 'review-materials', caseId: 'rc-1', passed: true }, '2025-05-01');
    expect(e[0]).toMatchObject({ code: 'rating/case-step-already-done', path: ['type'] });
  });

  it('rating/case-closed', () => {
    const rejected = drive([
      toNotice('rc-1', 'st-baiyun')[0],
      ['2025-03-10', { type: 'review-materials', caseId: 'rc-1', passed: false }],
    ]).state;
    const e = refuse(rejected, { type: 'inspect-on-site', caseId: 'rc-1', passed: true }, '2025-03-11');
    expect(e[0]).toMatchObject({ code: 'rating/case-closed', path: ['caseId'], details: { status: 'rejected' } });
  });

  it('rating/case-not-in-notice', () => {
    const approved = drive(toNotice('rc-1', 'st-baiyun').slice(0, 5)).state;
    expect(
      refuse(approved, { type: 'raise-objection', caseId: 'rc-1', objectionId: 'o', text: 'x' }, '2025-03-22')[0],
    ).toMatchObject({
      code: 'rating/case-not-in-notice',
      path: ['caseId'],
    });
    expect(
      refuse(
        awarded(),
        { type: 'resolve-objection', caseId: 'rc-1', objectionId: 'o', upheld: true, note: 'x' },
        '2025-04-02',
      )[0],
    ).toMatchObject({ code: 'rating/case-not-in-notice', path: ['caseId'] });
  });

  it('rating/case-notice-ended', () => {
    const e = refuse(noticed(), { type: 'raise-objection', caseId: 'rc-1', objectionId: 'o', text: 'x' }, '2025-04-01');
    expect(e[0]).toMatchObject({ code: 'rating/case-notice-ended', path: [], details: { until: '2025-03-31' } });
  });

  it('rating/case-notice-not-ended: the award waits for the last notice day to pass', () => {
    const e = refuse(noticed(), cityAward('rc-1'), '2025-03-31');
    expect(e[0]).toMatchObject({ code: 'rating/case-notice-not-ended', path: [], details: { until: '2025-03-31' } });
  });

  it('rating/case-objection-open', () => {
    const s = drive(
      [['2025-03-25', { type: 'raise-objection', caseId: 'rc-1', objectionId: 'ob-1', text: 'x' }]],
      noticed(),
    ).state;
    const e = refuse(s, cityAward('rc-1'), '2025-04-01');
    expect(e[0]).toMatchObject({
      code: 'rating/case-objection-open',
      path: ['caseId'],
      details: { objectionId: 'ob-1' },
    });
  });

  it('rating/case-duplicate-objection-id', () => {
    const s = drive(
      [['2025-03-25', { type: 'raise-objection', caseId: 'rc-1', objectionId: 'ob-1', text: 'x' }]],
      noticed(),
    ).state;
    const e = refuse(s, { type: 'raise-objection', caseId: 'rc-1', objectionId: 'ob-1', text: 'y' }, '2025-03-26');
    expect(e[0]).toMatchObject({ code: 'rating/case-duplicate-objection-id', path: ['objectionId'] });
  });

  it('rating/case-unknown-objection', () => {
    const e = refuse(
      noticed(),
      { type: 'resolve-objection', caseId: 'rc-1', objectionId: 'ob-9', upheld: false, note: 'x' },
      '2025-03-26',
    );
    expect(e[0]).toMatchObject({ code: 'rating/case-unknown-objection', path: ['objectionId'] });
  });

  it('rating/case-objection-already-resolved', () => {
    const s = drive(
      [
        ['2025-03-25', { type: 'raise-objection', caseId: 'rc-1', objectionId: 'ob-1', text: 'x' }],
        [
          '2025-03-26',
          { type: 'resolve-objection', caseId: 'rc-1', objectionId: 'ob-1', upheld: false, note: '不属实' },
        ],
      ],
      noticed(),
    ).state;
    const e = refuse(
      s,
      { type: 'resolve-objection', caseId: 'rc-1', objectionId: 'ob-1', upheld: true, note: '属实' },
      '2025-03-27',
    );
    expect(e[0]).toMatchObject({ code: 'rating/case-objection-already-resolved', path: ['upheld'] });
  });

  it('rating/case-wrong-awarding-level: declared, and checked against the directory', () => {
    const e = refuse(noticed(), { ...cityAward('rc-1'), awardingLevel: 2 } as RatingCaseCommand, '2025-04-01');
    expect(e[0]).toMatchObject({
      code: 'rating/case-wrong-awarding-level',
      path: ['awardingLevel'],
      details: { star: 3, required: 3, actual: 2 },
    });
    const decider = createRatingCaseDecider({ directory: directory() });
    const s = drive(toNotice('rc-1', 'st-baiyun'), undefined, decider).state;
    // The district bureau declares level 3, but the directory knows it is level 4.
    const e2 = refuse(
      s,
      { ...cityAward('rc-1'), awardingUnitId: 'b-xigang' } as RatingCaseCommand,
      '2025-04-01',
      decider,
    );
    expect(e2[0]).toMatchObject({
      code: 'rating/case-wrong-awarding-level',
      path: ['awardingUnitId'],
      details: { actual: 4 },
    });
  });

  it('org reference codes when a directory is given', () => {
    const decider = createRatingCaseDecider({ directory: directory() });
    const e = refuse(
      decider.initialState,
      { type: 'apply', caseId: 'rc-1', unitId: 'st-ghost', star: 3, recommendedBy: 'st-baiyun' },
      '2025-03-03',
      decider,
    );
    expect(e.map((x) => [x.code, x.path])).toEqual([
      ['org/unknown-unit', ['unitId']],
      ['org/wrong-kind', ['recommendedBy']],
    ]);
    const s = drive(toNotice('rc-1', 'st-baiyun'), undefined, decider).state;
    const e2 = refuse(
      s,
      { ...cityAward('rc-1'), awardingUnitId: 'b-nowhere' } as RatingCaseCommand,
      '2025-04-01',
      decider,
    );
    expect(e2[0]).toMatchObject({ code: 'org/unknown-unit', path: ['awardingUnitId'] });
  });

  it('rating/case-invalid-cycle', () => {
    const s = drive(toNotice('rc-5', 'st-baiyun', 5, { firstRound: true })).state;
    const e = refuse(
      s,
      { type: 'award', caseId: 'rc-5', awardingUnitId: 'b-samr', awardingLevel: 1, cycleYears: 1 },
      '2025-04-01',
    );
    expect(e[0]).toMatchObject({ code: 'rating/case-invalid-cycle', path: ['cycleYears'] });
  });

  it('rating/case-invalid-demotion', () => {
    for (const toStar of [undefined, 3, 4] as const) {
      const command = { type: 'recheck', caseId: 'rc-1', outcome: 'demote', ...(toStar ? { toStar } : {}) } as const;
      expect(refuse(awarded(), command, '2025-09-01')[0]).toMatchObject({
        code: 'rating/case-invalid-demotion',
        path: ['toStar'],
      });
    }
  });

  it('rating/case-award-expired', () => {
    const e = refuse(awarded(), { type: 'recheck', caseId: 'rc-1', outcome: 'keep' }, '2027-04-01');
    expect(e[0]).toMatchObject({ code: 'rating/case-award-expired', path: [], details: { validUntil: '2027-03-31' } });
  });

  it('core/calendar-not-covered for a notice past the published calendar', () => {
    const steps = toNotice('rc-1', 'st-baiyun').slice(0, 5);
    const s = drive(steps).state;
    const e = refuse(s, { type: 'start-notice', caseId: 'rc-1', days: 5 }, '2026-12-28');
    expect(e[0]).toMatchObject({ code: 'core/calendar-not-covered', path: ['days'] });
    const lenient = createRatingCaseDecider({ allowCalendarFallback: true });
    expect(execute(lenient, s, { type: 'start-notice', caseId: 'rc-1', days: 5 }, ctxOn('2026-12-28')).ok).toBe(true);
  });
});
