import { describe, expect, it } from 'vitest';
import { execute, replay } from '../../src/core/index.js';
import { createRiskDecider, integrityLevelOf, type RiskCommand, riskDecider } from '../../src/risk/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';
import { assess, assign, ctx, identify, lifecycle, measure, run } from './_fixture.js';

const refuse = (commands: readonly RiskCommand[], bad: RiskCommand) => {
  const { state } = run(commands);
  deepFreeze(state);
  const r = execute(riskDecider, state, deepFreeze(bad), ctx());
  if (r.ok) throw new Error('expected a refusal');
  return r.errors.map((e) => [e.code, e.path.join('.')]);
};

describe('risk lifecycle', () => {
  it('identified → assessed → assigned → controlling → closed, with history and tracking', () => {
    const { state, events } = run([
      ...lifecycle('r-1'),
      { type: 'track-risk', riskId: 'r-1', note: '复查快检记录', review: true, on: '2025-09-20' },
      {
        type: 'complete-measure',
        riskId: 'r-1',
        measureId: 'ms-1',
        evidence: '快检 22 批次，不合格已处置',
        on: '2025-09-25',
      },
      {
        type: 're-rate-risk',
        riskId: 'r-1',
        tier: 'current',
        factors: { likelihood: 2, impact: 4 },
        reason: '措施到位后复评',
      },
      {
        type: 'close-risk',
        riskId: 'r-1',
        closure: { kind: 'eliminated', evidence: '复查无新增不合格' },
        on: '2025-10-10',
      },
    ]);
    expect(events.map((e) => e.type)).toEqual([
      'risk-identified',
      'risk-assessed',
      'risk-assigned',
      'measure-added',
      'control-started',
      'risk-tracked',
      'measure-completed',
      'risk-re-rated',
      'risk-closed',
    ]);
    const it = state.risks[Object.keys(state.risks)[0] as string]?.['r-1'];
    expect(it?.status).toMatchObject({ stage: 'closed', closedOn: '2025-10-10', closure: { kind: 'eliminated' } });
    expect(it?.lastReviewOn).toBe('2025-10-10');
    expect(it?.history.map((h) => [h.tier, h.after.level, h.before?.level, h.by])).toEqual([
      ['inherent', 'major', undefined, 'm-wang'],
      ['current', 'significant', undefined, 'm-wang'],
      ['target', 'low', undefined, 'm-wang'],
      ['current', 'low', 'significant', 'm-wang'],
    ]);
    expect(replay(riskDecider, events)).toEqual(state);
  });

  it('closes as accepted with open measures, and reopens', () => {
    const { state } = run([
      ...lifecycle('r-2'),
      {
        type: 'close-risk',
        riskId: 'r-2',
        closure: { kind: 'accepted', approverId: 'm-wang', expiresOn: '2026-03-31', reason: '经局党组研究接受' },
        on: '2025-10-01',
      },
      { type: 'reopen-risk', riskId: 'r-2', reason: '抽检再次发现问题', on: '2025-10-12' },
      // a measure after reopening is dated no earlier than the reopening
      { ...(measure('r-2', 'ms-2', '2025-10-30') as Extract<RiskCommand, { type: 'add-measure' }>), on: '2025-10-13' },
    ]);
    const it = Object.values(state.risks).flatMap((s) => Object.values(s))[0];
    expect(it?.status.stage).toBe('controlling');
    expect(it?.reopenCount).toBe(1);
  });

  it('a re-rating to the same rating is a no-op returning the same state', () => {
    const { state } = run(lifecycle('r-3'));
    const r = execute(
      riskDecider,
      deepFreeze(state),
      { type: 're-rate-risk', riskId: 'r-3', tier: 'current', factors: { likelihood: 4, impact: 4 }, reason: '复核' },
      ctx(),
    );
    expect(r.ok && r.value.state).toBe(state);
  });

  it('dates default to today in the context', () => {
    const { state } = run([{ ...identify('r-4'), on: undefined } as unknown as RiskCommand]);
    expect(Object.values(state.risks).flatMap((s) => Object.values(s))[0]?.identifiedOn).toBe('2025-10-16');
  });
});

describe('refusals: one per error code, nothing changes', () => {
  const base = lifecycle('r-1');
  it('risk/duplicate-risk', () => expect(refuse(base, identify('r-1'))).toEqual([['risk/duplicate-risk', 'riskId']]));
  it('risk/unknown-risk', () => expect(refuse([], assess('nope'))).toEqual([['risk/unknown-risk', 'riskId']]));
  it('risk/wrong-stage', () => {
    expect(refuse([identify('r-1')], assign('r-1'))).toEqual([['risk/wrong-stage', 'riskId']]);
    expect(refuse(base, assess('r-1'))).toEqual([['risk/wrong-stage', 'riskId']]);
    expect(refuse(base, { type: 'reopen-risk', riskId: 'r-1', reason: '无' })).toEqual([
      ['risk/wrong-stage', 'riskId'],
    ]);
  });
  it('risk/unknown-method', () =>
    expect(refuse([identify('r-1')], { ...(assess('r-1') as object), methodId: 'nope' } as RiskCommand)).toEqual([
      ['risk/unknown-method', 'methodId'],
    ]));
  it('risk/rating-off-scale', () =>
    expect(
      refuse([identify('r-1')], {
        type: 'assess-risk',
        riskId: 'r-1',
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: 7, impact: 1 },
        reason: '测',
      }),
    ).toEqual([['risk/rating-off-scale', 'inherent.likelihood']]));
  it('risk/level-contradicts-method', () =>
    expect(
      refuse([identify('r-1')], {
        type: 'assess-risk',
        riskId: 'r-1',
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: 5, impact: 5 },
        level: 'low',
        reason: '测',
      }),
    ).toEqual([['risk/level-contradicts-method', 'level']]));
  it('risk/duplicate-measure', () =>
    expect(refuse(base, measure('r-1', 'ms-1'))).toEqual([['risk/duplicate-measure', 'measureId']]));
  it('risk/unknown-measure', () =>
    expect(refuse(base, { type: 'complete-measure', riskId: 'r-1', measureId: 'x', evidence: '证' })).toEqual([
      ['risk/unknown-measure', 'measureId'],
    ]));
  it('risk/measure-done', () => {
    const done: RiskCommand = {
      type: 'complete-measure',
      riskId: 'r-1',
      measureId: 'ms-1',
      evidence: '证',
      on: '2025-09-10',
    };
    expect(refuse([...base, done], done)).toEqual([['risk/measure-done', 'measureId']]);
  });
  it('risk/open-measures: no elimination while a measure is open', () =>
    expect(
      refuse(base, { type: 'close-risk', riskId: 'r-1', closure: { kind: 'eliminated', evidence: '证' } }),
    ).toEqual([['risk/open-measures', 'closure.kind']]));
  it('risk/dates-out-of-order', () => {
    expect(
      refuse([identify('r-1'), assess('r-1')], { ...(assign('r-1') as object), deadline: '2025-09-01' } as RiskCommand),
    ).toEqual([['risk/dates-out-of-order', 'deadline']]);
    expect(
      refuse(base, {
        type: 'close-risk',
        riskId: 'r-1',
        on: '2025-10-01',
        closure: { kind: 'accepted', approverId: 'm-wang', expiresOn: '2025-09-01', reason: '接受' },
      }),
    ).toEqual([['risk/dates-out-of-order', 'closure.expiresOn']]);
    expect(refuse(base, { type: 'track-risk', riskId: 'r-1', note: '早', on: '2025-01-01' })).toEqual([
      ['risk/dates-out-of-order', 'on'],
    ]);
  });
  it('a measure without an owner or deadline, a close without evidence or approver: invalid input with paths', () => {
    expect(
      refuse(base, {
        type: 'add-measure',
        riskId: 'r-1',
        measureId: 'ms-9',
        text: '措施',
      } as unknown as RiskCommand).map((e) => e[1]),
    ).toEqual(['ownerId', 'deadline']);
    expect(
      refuse(base, {
        type: 'close-risk',
        riskId: 'r-1',
        closure: { kind: 'accepted', expiresOn: '2026-01-01', reason: '接受' },
      } as unknown as RiskCommand)[0]?.[1],
    ).toBe('closure.approverId');
  });
  it('risk/duplicate-key-post, risk/not-a-key-post, risk/level-contradicts-criteria, risk/unknown-key-post, risk/response-incomplete', () => {
    const criteria = {
      powerOrResources: true,
      discretion: true,
      opennessOrCollective: false,
      indirectGain: false,
      highIncidence: false,
    };
    const post: RiskCommand = {
      type: 'register-key-post',
      postId: 'p-1',
      unitId: 'dept-food',
      power: '行政处罚',
      riskPoints: ['自由裁量'],
      criteria,
      measures: ['集体审议'],
      responsibleId: 'm-wang',
    };
    expect(refuse([post], post)).toEqual([['risk/duplicate-key-post', 'postId']]);
    const none = { ...criteria, powerOrResources: false, discretion: false };
    expect(refuse([], { ...post, criteria: none } as RiskCommand)).toEqual([['risk/not-a-key-post', 'criteria']]);
    expect(refuse([], { ...post, level: 'high' } as RiskCommand)).toEqual([
      ['risk/level-contradicts-criteria', 'level'],
    ]);
    expect(
      refuse([], {
        type: 'respond-integrity-risk',
        postId: 'p-9',
        responseId: 'x',
        stage: 'warning-notice',
        note: '提醒',
      }),
    ).toEqual([['risk/unknown-key-post', 'postId']]);
    expect(
      refuse([post], {
        type: 'respond-integrity-risk',
        postId: 'p-1',
        responseId: 'x',
        stage: 'handling-notice',
        note: '处置',
      }),
    ).toEqual([['risk/response-incomplete', 'actions']]);
    expect(
      refuse([post], {
        type: 'respond-integrity-risk',
        postId: 'p-1',
        responseId: 'x',
        stage: 'referral',
        note: '移送',
      }),
    ).toEqual([['risk/response-incomplete', 'referredTo']]);
  });
  it('integrityLevelOf counts the five criteria', () => {
    const c = (n: number) => ({
      powerOrResources: n > 0,
      discretion: n > 1,
      opennessOrCollective: n > 2,
      indirectGain: n > 3,
      highIncidence: n > 4,
    });
    expect([0, 1, 2, 3, 4, 5].map((n) => integrityLevelOf(c(n)))).toEqual([
      undefined,
      'low',
      'medium',
      'high',
      'high',
      'high',
    ]);
  });
});

describe('directory reference checks', () => {
  const decider = createRiskDecider({ directory: orgFixture() });
  it('accepts known units and people', () => {
    const r = execute(decider, decider.initialState, identify('r-1', { unitId: ORG.deptFood }), ctx());
    expect(r.ok).toBe(true);
  });
  it('refuses an unknown unit or person, and a unit no longer valid on the day', () => {
    const r = execute(decider, decider.initialState, identify('r-1', { unitId: 'dept-nope' }), ctx());
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.path.join('.')])).toEqual([['org/unknown-unit', 'unitId']]);
    const old = execute(decider, decider.initialState, identify('r-1', { unitId: ORG.oldPriceStation }), ctx());
    expect(old.ok ? [] : old.errors.map((e) => e.code)).toEqual(['org/not-valid-on']);
    const s = run([identify('r-1'), assess('r-1')]).state;
    const bad = execute(decider, s, { ...(assign('r-1') as object), responsibleId: 'm-nobody' } as RiskCommand, ctx());
    expect(bad.ok ? [] : bad.errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['org/unknown-member', 'responsibleId'],
    ]);
  });
});
