import { describe, expect, it } from 'vitest';
import { execute, getRecord, replay } from '../../src/core/index.js';
import { consultationMinutes, type RiskCommand, riskDecider, riskList } from '../../src/risk/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { assess, ctx, identify, run } from './_fixture.js';

const meeting = (decisions: unknown[], reviewed = ['r-1']): RiskCommand =>
  ({
    type: 'hold-consultation',
    consultationId: 'cons-2025q3',
    kind: 'regular',
    title: '2025 年第三季度食品安全风险会商',
    date: '2025-09-26',
    participants: ['m-wang', 'm-food-2', 'm-food-3'],
    reviewed,
    decisions,
  }) as RiskCommand;

describe('consultation (风险会商)', () => {
  const before = run([identify('r-1', { source: 'complaint' }), assess('r-1', 3, 3)]).state;

  it('turns decisions into the list changes, in order, and the minutes read the same record', () => {
    const cmd = meeting([
      {
        type: 'identify-risk',
        riskId: 'r-2',
        title: '网络订餐平台商户无证经营',
        category: 'food',
        source: 'monitoring',
        unitId: 'dept-food',
      },
      {
        type: 'assess-risk',
        riskId: 'r-2',
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: 4, impact: 4 },
        reason: '监测发现线索 3468 条',
      },
      {
        type: 'assign-risk',
        riskId: 'r-2',
        ownerUnitId: 'dept-food',
        responsibleId: 'm-food-2',
        deadline: '2025-12-31',
      },
      {
        type: 'add-measure',
        riskId: 'r-2',
        measureId: 'ms-1',
        text: '下达责令整改通知书',
        ownerId: 'm-food-3',
        deadline: '2025-10-31',
      },
      {
        type: 're-rate-risk',
        riskId: 'r-1',
        tier: 'current',
        factors: { likelihood: 4, impact: 5 },
        reason: '投诉量上升',
      },
      { type: 'escalate', riskId: 'r-1', to: 'leader-in-charge', note: '报分管领导' },
    ]);
    const r = execute(riskDecider, deepFreeze(before), deepFreeze(cmd), ctx());
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const { state, events } = r.value;
    expect(events.map((e) => e.type)).toEqual([
      'consultation-held',
      'risk-identified',
      'risk-assessed',
      'risk-assigned',
      'measure-added',
      'control-started',
      'risk-re-rated',
      'escalation-decided',
    ]);
    expect(events.slice(1).every((e) => 'consultationId' in e && e.consultationId === 'cons-2025q3')).toBe(true);
    const r2 = getRecord(state.risks, 'r-2');
    expect(r2?.identifiedOn).toBe('2025-09-26');
    expect(r2?.status).toMatchObject({ stage: 'controlling', since: '2025-09-26' });
    const r1 = getRecord(state.risks, 'r-1');
    expect(r1?.history.at(-1)).toMatchObject({
      tier: 'current',
      consultationId: 'cons-2025q3',
      after: { level: 'major' },
    });
    expect(r1?.tracking.at(-1)).toMatchObject({ note: '报分管领导', on: '2025-09-26' });
    const minutes = consultationMinutes(state, 'cons-2025q3');
    expect(minutes?.decisions.map((d) => [d.no, d.decision.type, d.riskId])).toEqual([
      [1, 'identify-risk', 'r-2'],
      [2, 'assess-risk', 'r-2'],
      [3, 'assign-risk', 'r-2'],
      [4, 'add-measure', 'r-2'],
      [5, 're-rate-risk', 'r-1'],
      [6, 'escalate', 'r-1'],
    ]);
    expect(minutes?.reviewed.map((x) => [x.id, x.level])).toEqual([['r-1', 'major']]);
    // list and minutes agree: every risk the minutes name is on the list with the level the minutes set
    const list = new Map(riskList(state).map((row) => [row.id, row]));
    expect(list.get('r-1')?.level).toBe('major');
    expect(list.get('r-2')?.level).toBe('significant');
    expect(
      replay(riskDecider, [...run([identify('r-1', { source: 'complaint' }), assess('r-1', 3, 3)]).events, ...events]),
    ).toEqual(state);
    expect(consultationMinutes(state, 'nope')).toBeUndefined();
  });

  it('refuses the whole meeting when one decision fails, with the decision index in the path', () => {
    const r = execute(
      riskDecider,
      before,
      meeting([
        { type: 're-rate-risk', riskId: 'r-1', tier: 'current', factors: { likelihood: 9, impact: 5 }, reason: '误填' },
      ]),
      ctx(),
    );
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['risk/rating-off-scale', 'decisions.0.factors.likelihood'],
    ]);
  });

  it('risk/not-reviewed, risk/unknown-risk in reviewed, risk/duplicate-consultation', () => {
    const notReviewed = execute(
      riskDecider,
      before,
      meeting([{ type: 'escalate', riskId: 'r-1', to: 'party-group', note: '报党组' }], []),
      ctx(),
    );
    expect(notReviewed.ok ? [] : notReviewed.errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['risk/not-reviewed', 'decisions.0.riskId'],
    ]);
    const unknown = execute(riskDecider, before, meeting([], ['r-404']), ctx());
    expect(unknown.ok ? [] : unknown.errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['risk/unknown-risk', 'reviewed.0'],
    ]);
    const once = run([meeting([])], ctx(), before).state;
    const twice = execute(riskDecider, once, meeting([]), ctx());
    expect(twice.ok ? [] : twice.errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['risk/duplicate-consultation', 'consultationId'],
    ]);
  });
});
