import { describe, expect, it } from 'vitest';
import { awardsInForce, casesByStatus, caseTimeline, rechecksDue, starOfUnit } from '../../../src/rating/case/index.js';
import { deepFreeze } from '../../helpers/freeze.js';
import { cityAward, drive, toNotice } from './_fixture.js';

const { state } = drive([
  ...toNotice('rc-1', 'st-baiyun'),
  ['2025-04-01', cityAward('rc-1')],
  ...toNotice('rc-2', 'st-xinzhaizi'),
  ['2025-03-24', { type: 'apply', caseId: 'rc-3', unitId: 'st-other', star: 3 }],
  ['2025-03-25', { type: 'review-materials', caseId: 'rc-3', passed: false, note: '材料不全' }],
]);
deepFreeze(state);

describe('rating-case queries', () => {
  it('caseTimeline lists every step with its Chinese or English name', () => {
    const rows = caseTimeline(state, 'rc-1');
    expect(rows.map((r) => `${r.on} ${r.stepLabel}`)).toEqual([
      '2025-03-03 申报推荐',
      '2025-03-10 审核材料',
      '2025-03-14 实地考察',
      '2025-03-17 反馈意见',
      '2025-03-21 党组会议研究',
      '2025-03-24 公示',
      '2025-04-01 授牌',
    ]);
    expect(rows[1]).toMatchObject({ actor: 'u-office', note: '材料齐全' });
    expect(caseTimeline(state, 'rc-1', { locale: 'en' })[6]?.stepLabel).toBe('award');
    expect(caseTimeline(state, 'ghost')).toEqual([]);
  });

  it('casesByStatus', () => {
    expect(casesByStatus(state, 'awarded').map((c) => c.caseId)).toEqual(['rc-1']);
    expect(casesByStatus(state, 'in-notice').map((c) => c.caseId)).toEqual(['rc-2']);
    expect(casesByStatus(state, 'rejected').map((c) => c.caseId)).toEqual(['rc-3']);
    expect(casesByStatus(state, 'withdrawn')).toEqual([]);
  });

  it('awardsInForce and starOfUnit follow the validity period and a demotion', () => {
    expect(awardsInForce(state, '2025-03-31')).toEqual([]);
    expect(awardsInForce(state, '2025-04-01')).toEqual([
      {
        caseId: 'rc-1',
        unitId: 'st-baiyun',
        star: 3,
        awardedOn: '2025-04-01',
        awardedBy: 'b-dalian',
        awardingLevel: 3,
        validUntil: '2027-03-31',
      },
    ]);
    expect(awardsInForce(state, '2027-04-01')).toEqual([]);
    expect(starOfUnit(state, 'st-baiyun', '2026-01-01')).toBe(3);
    expect(starOfUnit(state, 'st-xinzhaizi', '2026-01-01')).toBeUndefined();
    const withdrawn = drive([['2025-10-08', { type: 'recheck', caseId: 'rc-1', outcome: 'withdraw' }]], state).state;
    expect(starOfUnit(withdrawn, 'st-baiyun', '2025-10-07')).toBe(3);
    expect(starOfUnit(withdrawn, 'st-baiyun', '2025-10-08')).toBeUndefined();
  });

  it('a demoted four-star case counts at three stars from the demotion on', () => {
    const four = drive([
      ...toNotice('rc-4', 'st-a', 4, { firstRound: true }),
      ['2025-04-01', { type: 'award', caseId: 'rc-4', awardingUnitId: 'b-liaoning', awardingLevel: 2 }],
      ['2025-12-01', { type: 'recheck', caseId: 'rc-4', outcome: 'demote', toStar: 3, note: '复核得分下降' }],
    ]).state;
    expect(awardsInForce(four, '2025-11-30')[0]?.star).toBe(4);
    expect(awardsInForce(four, '2025-12-01')[0]?.star).toBe(3);
  });

  it('rechecksDue lists awards whose re-check date has come', () => {
    expect(rechecksDue(state, '2026-03-31')).toEqual([]);
    expect(rechecksDue(state, '2026-04-01')).toEqual([
      { caseId: 'rc-1', unitId: 'st-baiyun', star: 3, dueOn: '2026-04-01', validUntil: '2027-03-31' },
    ]);
    const kept = drive([['2026-04-02', { type: 'recheck', caseId: 'rc-1', outcome: 'keep' }]], state).state;
    expect(rechecksDue(kept, '2026-04-02')).toEqual([]);
    expect(rechecksDue(kept, '2027-03-31').map((r) => r.dueOn)).toEqual(['2027-03-31']);
    expect(rechecksDue(kept, '2027-04-01')).toEqual([]);
  });
});
