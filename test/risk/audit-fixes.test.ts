import { describe, expect, it } from 'vitest';
import { type DomainError, execute, type Instant, type IsoDate, replay, unwrap } from '../../src/core/index.js';
import {
  type ConsultationDecision,
  consultationMinutes,
  createRiskDecider,
  decideRisk,
  heatMap,
  integrityLedger,
  LEC_BANDS_A,
  LEC_CONSEQUENCE,
  LEC_EXPOSURE,
  LEC_METHOD_A,
  levelAt,
  MATRIX_IMPACT,
  MATRIX_LIKELIHOOD,
  MATRIX_METHOD_A,
  metrics,
  overdue,
  parseRiskMethod,
  type RiskCommand,
  type RiskItem,
  type RiskMethod,
  type RiskState,
  rateRisk,
  reviewsDue,
  riskDecider,
  riskList,
} from '../../src/risk/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { assess, assign, ctx, identify, measure, run } from './_fixture.js';

const at = (day: string) => ctx(`${day}T09:00:00+08:00` as Instant);
const itemOf = (state: RiskState, id: string): RiskItem =>
  Object.values(state.risks)
    .flatMap((s) => Object.values(s))
    .find((r) => r.id === id) as RiskItem;
const keyPost = (state: RiskState, postId: string) => state.keyPosts[postId];
const codes = (errors: readonly DomainError[]) => errors.map((e) => [e.code, e.path.join('.')]);
const refused = (r: { ok: boolean; errors?: readonly DomainError[] }) => {
  if (r.ok) throw new Error('expected a refusal');
  return codes(r.errors ?? []);
};
const assignOn = (riskId: string, deadline: string, on: string): RiskCommand => ({
  ...(assign(riskId, deadline) as Extract<RiskCommand, { type: 'assign-risk' }>),
  on: on as IsoDate,
});
const close = (riskId: string, on: string): RiskCommand => ({
  type: 'close-risk',
  riskId,
  closure: { kind: 'eliminated', evidence: '复查合格' },
  on: on as IsoDate,
});
const onTime = (state: RiskState) => metrics(state, at('2025-12-31'))['dept-food']?.['risk.on-time-closure-rate'];

const post = (postId: string): RiskCommand => ({
  type: 'register-key-post',
  postId,
  unitId: 'dept-enforce',
  power: '行政处罚',
  riskPoints: ['自由裁量权行使不规范'],
  criteria: {
    powerOrResources: true,
    discretion: true,
    opennessOrCollective: true,
    indirectGain: false,
    highIncidence: false,
  },
  measures: ['重大案件集体讨论'],
  responsibleId: 'm-li',
  on: '2025-10-20',
});
const respond = (postId: string, responseId = 'resp-1'): RiskCommand => ({
  type: 'respond-integrity-risk',
  postId,
  responseId,
  stage: 'warning-notice',
  note: '苗头性问题',
  on: '2025-10-21',
});
const meeting = (consultationId: string, reviewed: string[] = [], date = '2025-10-15'): RiskCommand => ({
  type: 'hold-consultation',
  consultationId,
  kind: 'ad-hoc',
  title: '冷链食品专题会商',
  date: date as IsoDate,
  participants: ['m-wang'],
  reviewed,
  decisions: [],
});

describe('ids named like Object.prototype members are plain data', () => {
  it('registers, answers and minutes key posts and consultations called constructor, toString, hasOwnProperty', () => {
    const { state } = run([post('constructor'), respond('constructor'), meeting('hasOwnProperty')]);
    expect(integrityLedger(state).map((r) => r.power)).toEqual(['行政处罚']);
    expect(keyPost(state, 'constructor')?.responses.map((r) => r.id)).toEqual(['resp-1']);
    expect(consultationMinutes(state, 'hasOwnProperty')?.consultation.title).toBe('冷链食品专题会商');
    expect(consultationMinutes(state, 'constructor')).toBeUndefined();
    // registered once: the second time is a real duplicate
    expect(refused(execute(riskDecider, state, post('constructor'), ctx()))).toEqual([
      ['risk/duplicate-key-post', 'postId'],
    ]);
    expect(refused(execute(riskDecider, state, meeting('hasOwnProperty'), ctx()))).toEqual([
      ['risk/duplicate-consultation', 'consultationId'],
    ]);
  });

  it('refuses a response to an unregistered post toString with a code instead of throwing', () => {
    const state = deepFreeze(riskDecider.initialState);
    expect(refused(execute(riskDecider, state, respond('toString'), ctx()))).toEqual([
      ['risk/unknown-key-post', 'postId'],
    ]);
  });

  it('works the same on a state read back from JSON, whose maps have a prototype', () => {
    const { state } = run([post('kp-1'), meeting('c-1')]);
    const loaded = JSON.parse(JSON.stringify(state)) as RiskState;
    expect(Object.getPrototypeOf(loaded.keyPosts)).toBe(Object.prototype);
    const next = run([post('valueOf'), respond('valueOf'), meeting('constructor')], ctx(), loaded).state;
    expect(keyPost(next, 'valueOf')?.responses).toHaveLength(1);
    expect(consultationMinutes(next, 'constructor')?.consultation.id).toBe('constructor');
    expect(consultationMinutes(loaded, 'toString')).toBeUndefined();
    expect(refused(execute(riskDecider, loaded, respond('hasOwnProperty'), ctx()))).toEqual([
      ['risk/unknown-key-post', 'postId'],
    ]);
  });
});

describe('a method that leaves a score uncovered is never read as 低', () => {
  // the public variant-A code the domain notes: nothing covers exactly 20
  const gapped: RiskMethod = {
    kind: 'lec',
    id: 'lec-gap',
    name: { 'zh-CN': 'LEC（有空缺）', en: 'LEC with a gap' },
    likelihood: [{ value: 10, label: { 'zh-CN': '完全可以预料', en: 'fully expected' } }],
    exposure: LEC_EXPOSURE,
    consequence: LEC_CONSEQUENCE,
    bands: [
      { from: 0, to: 20, level: 'low' },
      { from: 21, to: 70, level: 'general' },
      { from: 70, to: 160, level: 'significant' },
      { from: 160, to: null, level: 'major' },
    ],
  };
  const holed: RiskMethod = {
    kind: 'matrix-cells',
    id: 'cells-holed',
    name: { 'zh-CN': '矩阵', en: 'matrix' },
    likelihood: MATRIX_LIKELIHOOD.slice(0, 2),
    impact: MATRIX_IMPACT.slice(0, 2),
    cells: [
      ['low', 'general'],
      ['general', null],
    ],
  };

  it('rateRisk refuses the uncovered score and the empty cell; levelAt has no level there', () => {
    const d20 = rateRisk(gapped, { likelihood: 10, exposure: 2, consequence: 1 });
    expect(refused(d20)).toEqual([['risk/band-not-covering', 'bands']]);
    expect(!d20.ok && d20.errors[0]?.details).toEqual({ score: 20 });
    expect(unwrap(rateRisk(gapped, { likelihood: 10, exposure: 3, consequence: 1 })).level).toBe('general');
    expect(refused(rateRisk(holed, { likelihood: 2, impact: 2 }))).toEqual([['risk/missing-cell', 'cells.1.1']]);
    expect(unwrap(rateRisk(holed, { likelihood: 2, impact: 1 })).level).toBe('general');
    expect(levelAt(holed, [1, 1])).toBeUndefined();
  });

  it('a decider given such a method refuses commands that name it, with the method’s own errors', () => {
    const decider = createRiskDecider({ methods: [gapped, MATRIX_METHOD_A] });
    const state = deepFreeze(run([identify('r-1')]).state);
    const cmd: RiskCommand = {
      type: 'assess-risk',
      riskId: 'r-1',
      methodId: 'lec-gap',
      inherent: { likelihood: 10, exposure: 2, consequence: 1 },
      reason: '季度会商研判',
    };
    expect(refused(execute(decider, state, cmd, ctx()))).toEqual([['risk/band-gap', 'methodId.bands.1.from']]);
    expect(refused(decideRisk(state, cmd, ctx(), { methods: [gapped] }))).toEqual([
      ['risk/band-gap', 'methodId.bands.1.from'],
    ]);
    // the valid method next to it still rates
    expect(execute(decider, state, assess('r-1'), ctx()).ok).toBe(true);
  });
});

describe('re-rating', () => {
  it('records other factors with the same score, and the heat map moves the risk', () => {
    const { state } = run([identify('r-1'), assess('r-1', 4, 3), assign('r-1')]);
    const r = unwrap(
      execute(
        riskDecider,
        state,
        {
          type: 're-rate-risk',
          riskId: 'r-1',
          tier: 'current',
          factors: { likelihood: 3, impact: 4 },
          reason: '措施落实后复评',
        },
        ctx(),
      ),
    );
    expect(r.events.map((e) => e.type)).toEqual(['risk-re-rated']);
    const last = itemOf(r.state, 'r-1').history.at(-1);
    expect([last?.before?.factors, last?.after.factors, last?.reason]).toEqual([
      { likelihood: 4, impact: 3 },
      { likelihood: 3, impact: 4 },
      '措施落实后复评',
    ]);
    const h = heatMap(r.state, MATRIX_METHOD_A);
    expect([h.cells[2]?.[3], h.cells[3]?.[2]]).toEqual([1, 0]);
  });
});

describe('deadlines moved after they passed (domain.md §5)', () => {
  const base = [identify('r-1'), assess('r-1'), assignOn('r-1', '2025-09-30', '2025-09-02')];

  it('a late re-assignment moves the deadline in force but closure is still judged against the missed one', () => {
    const { state } = run([...base, assignOn('r-1', '2025-10-31', '2025-10-10'), close('r-1', '2025-10-14')]);
    const s = itemOf(state, 'r-1').status;
    expect('assignment' in s && s.assignment).toMatchObject({ deadline: '2025-10-31', missedDeadline: '2025-09-30' });
    expect(onTime(state)).toBe(0);
    // while open, the list and overdue show the deadline in force
    const open = run([...base, assignOn('r-1', '2025-10-31', '2025-10-10')]).state;
    expect(riskList(open).map((r) => r.deadline)).toEqual(['2025-10-31']);
    expect(overdue(open, at('2025-10-13'))).toEqual([]);
  });

  it('a re-assignment made before the deadline passes (or on its day) moves it for good', () => {
    for (const day of ['2025-09-20', '2025-09-30']) {
      const { state } = run([...base, assignOn('r-1', '2025-10-31', day), close('r-1', '2025-10-14')]);
      const s = itemOf(state, 'r-1').status;
      expect('assignment' in s && s.assignment.missedDeadline).toBeUndefined();
      expect(onTime(state)).toBe(1);
    }
  });

  it('later re-assignments keep the first deadline missed', () => {
    const { state } = run([
      ...base,
      assignOn('r-1', '2025-10-31', '2025-10-10'),
      assignOn('r-1', '2025-11-30', '2025-11-03'),
    ]);
    const s = itemOf(state, 'r-1').status;
    expect('assignment' in s && s.assignment).toMatchObject({ deadline: '2025-11-30', missedDeadline: '2025-09-30' });
  });
});

describe('closing dates', () => {
  const done = (on: string): RiskCommand => ({
    type: 'complete-measure',
    riskId: 'r-1',
    measureId: 'ms-1',
    evidence: '快检报告',
    on: on as IsoDate,
  });

  it('cannot precede the completion of a measure, the control start or the last assignment', () => {
    const measured = run([identify('r-1'), assess('r-1'), assign('r-1'), measure('r-1', 'ms-1'), done('2025-10-09')]);
    const before = deepFreeze(measured.state);
    const r = execute(riskDecider, before, close('r-1', '2025-10-05'), ctx());
    expect(refused(r)).toEqual([['risk/dates-out-of-order', 'on']]);
    expect(!r.ok && r.errors[0]?.details).toEqual({ date: '2025-10-05', earliest: '2025-10-09' });
    expect(execute(riskDecider, before, close('r-1', '2025-10-09'), ctx()).ok).toBe(true);
    // control started on 09-03 (the measure's day): a close dated 09-02 is refused
    const controlling = deepFreeze(run([identify('r-1'), assess('r-1'), assign('r-1'), measure('r-1', 'ms-1')]).state);
    const accepted: RiskCommand = {
      type: 'close-risk',
      riskId: 'r-1',
      closure: { kind: 'accepted', approverId: 'm-wang', expiresOn: '2026-03-31', reason: '经局党组研究接受' },
      on: '2025-09-02',
    };
    expect(refused(execute(riskDecider, controlling, accepted, ctx()))).toEqual([['risk/dates-out-of-order', 'on']]);
    // re-assigned on 10-10: a close dated 10-09 is refused
    const reassigned = deepFreeze(
      run([identify('r-1'), assess('r-1'), assignOn('r-1', '2025-10-31', '2025-10-10')]).state,
    );
    expect(refused(execute(riskDecider, reassigned, close('r-1', '2025-10-09'), ctx()))).toEqual([
      ['risk/dates-out-of-order', 'on'],
    ]);
  });
});

describe('consultations review the risks they reviewed', () => {
  it('restarts the review cadence from the meeting date, and never moves it back', () => {
    const setup = [identify('r-1'), assess('r-1', 5, 4), assign('r-1')];
    expect(reviewsDue(run(setup).state, at('2025-10-16')).map((d) => d.riskId)).toEqual(['r-1']);
    const { state } = run([...setup, meeting('c-1', ['r-1'])]);
    expect(itemOf(state, 'r-1').lastReviewOn).toBe('2025-10-15');
    expect(reviewsDue(state, at('2025-10-16'))).toEqual([]);
    // 重大: weekly, five working days after the meeting
    expect(reviewsDue(state, at('2025-10-22')).map((d) => [d.riskId, d.dueOn])).toEqual([['r-1', '2025-10-22']]);
    const later = run(
      [{ type: 'track-risk', riskId: 'r-1', note: '复查', review: true, on: '2025-10-20' }, meeting('c-2', ['r-1'])],
      ctx(),
      state,
    ).state;
    expect(itemOf(later, 'r-1').lastReviewOn).toBe('2025-10-20');
  });
});

describe('reopening', () => {
  const closedOnTime = [identify('r-1'), assess('r-1'), assign('r-1', '2025-10-31'), close('r-1', '2025-10-10')];
  const reopen = (on: string, deadline?: string): RiskCommand => ({
    type: 'reopen-risk',
    riskId: 'r-1',
    reason: '抽检再次发现问题',
    on: on as IsoDate,
    ...(deadline ? { deadline: deadline as IsoDate } : {}),
  });

  it('without a new deadline, the working days spent closed do not count as late', () => {
    const { state } = run([...closedOnTime, reopen('2025-11-20')]);
    expect(overdue(state, at('2025-11-21'))).toEqual([]);
    // 30 working days closed (10-10 → 11-20): 10-31 moves to 12-12, leaving the 16 working days it had left
    expect(riskList(state).map((r) => r.deadline)).toEqual(['2025-12-12']);
    expect(overdue(state, at('2025-12-12'))).toEqual([]);
    expect(overdue(state, at('2025-12-15')).map((e) => [e.riskId, e.deadline, e.overdueWorkdays])).toEqual([
      ['r-1', '2025-12-12', 1],
    ]);
  });

  it('takes a new deadline, not before the reopening day', () => {
    const { state } = run([...closedOnTime, reopen('2025-11-20', '2025-11-28')]);
    expect(riskList(state).map((r) => r.deadline)).toEqual(['2025-11-28']);
    const closed = deepFreeze(run(closedOnTime).state);
    expect(refused(execute(riskDecider, closed, reopen('2025-11-20', '2025-11-19'), ctx()))).toEqual([
      ['risk/dates-out-of-order', 'deadline'],
    ]);
  });

  it('a risk closed late stays late after reopening and closing again', () => {
    const { state } = run([
      identify('r-1'),
      assess('r-1'),
      assign('r-1', '2025-09-30'),
      close('r-1', '2025-10-14'),
      reopen('2025-10-20', '2025-11-30'),
      close('r-1', '2025-11-10'),
    ]);
    expect(onTime(state)).toBe(0);
  });
});

describe('integrity responses', () => {
  it('refuses a response id already recorded on the post; another post may use it', () => {
    const { state } = run([post('kp-1'), post('kp-2'), respond('kp-1')]);
    const again: RiskCommand = {
      type: 'respond-integrity-risk',
      postId: 'kp-1',
      responseId: 'resp-1',
      stage: 'handling-notice',
      actions: ['formal-talk'],
      note: '风险已显现',
      on: '2025-10-23',
    };
    const r = execute(riskDecider, deepFreeze(state), again, ctx());
    expect(refused(r)).toEqual([['risk/duplicate-response', 'responseId']]);
    expect(!r.ok && r.errors[0]?.message['zh-CN']).toBe('关键岗位 kp-1 已记录处置 resp-1');
    expect(execute(riskDecider, state, { ...again, responseId: 'resp-2' }, ctx()).ok).toBe(true);
    expect(execute(riskDecider, state, { ...again, postId: 'kp-2' }, ctx()).ok).toBe(true);
  });
});

describe('error messages', () => {
  it('zh-CN names stages, levels, factors, actions and response stages in Chinese; en in English', () => {
    const { state } = run([identify('r-1'), post('kp-1')]);
    const errorsOf = (cmd: RiskCommand, from: RiskState = state) => {
      const r = decideRisk(from, cmd, ctx());
      if (r.ok) throw new Error('expected a refusal');
      return r.errors;
    };
    const all = [
      ...errorsOf(measure('r-1', 'ms-1')),
      ...errorsOf({ ...(assess('r-1') as Extract<RiskCommand, { type: 'assess-risk' }>), level: 'low' }),
      ...errorsOf({
        type: 'assess-risk',
        riskId: 'r-1',
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: 7, impact: 2 },
        reason: '评估',
      }),
      ...errorsOf({ ...(post('kp-9') as Extract<RiskCommand, { type: 'register-key-post' }>), level: 'low' }),
      ...errorsOf({
        type: 'respond-integrity-risk',
        postId: 'kp-1',
        responseId: 'x',
        stage: 'handling-notice',
        note: '显现',
      }),
    ];
    expect(all.map((e) => e.code)).toEqual([
      'risk/wrong-stage',
      'risk/level-contradicts-method',
      'risk/rating-off-scale',
      'risk/level-contradicts-criteria',
      'risk/response-incomplete',
    ]);
    for (const e of all) expect(e.message['zh-CN'].replace(/\b(r|kp)-\d\b/g, '')).not.toMatch(/[A-Za-z]{2,}/);
    expect(all.map((e) => e.message['zh-CN'])).toEqual([
      '风险 r-1 处于“已识别”阶段，不能在落实责任前部署措施',
      '填报的等级“低”与评估方法得出的“较大”不符',
      '要素“可能性（L）”的取值 7 不在评估方法的刻度上',
      '填报的廉政风险等级“低”与认定条件得出的“高”不符',
      '“处置通知书”须写明处置方式或移送机关',
    ]);
    expect(all[0]?.message.en).toBe('Risk r-1 is identified; it cannot be given measures before it is assigned');
    expect(all[1]?.message.en).toBe('The stated level low contradicts the method, which gives significant');
    // the details keep the codes, for hosts that render their own text
    expect(all[0]?.details).toEqual({ riskId: 'r-1', stage: 'identified', action: 'add-measure' });
  });
});

describe('riskList filters', () => {
  it('a level or stage that is none matches nothing, not the unrated risks', () => {
    const { state } = run([identify('r-1'), identify('r-2'), assess('r-2')]);
    expect(riskList(state, { level: 'red' as never })).toEqual([]);
    expect(riskList(state, { level: '' as never })).toEqual([]);
    expect(riskList(state, { stage: 'open' as never })).toEqual([]);
    expect(riskList(state, { stage: 'identified' }).map((r) => r.id)).toEqual(['r-1']);
    expect(riskList(state, { level: 'significant' }).map((r) => r.id)).toEqual(['r-2']);
  });
});

describe('LEC variant A at 160 (domain.md §4.2: > 160 重大, 70–160 较大)', () => {
  const at160 = (c: number): RiskMethod => ({
    kind: 'lec',
    id: 'lec-a-custom',
    name: { 'zh-CN': 'LEC', en: 'LEC' },
    likelihood: [{ value: 4, label: { 'zh-CN': '四', en: 'four' } }],
    exposure: [{ value: 1, label: { 'zh-CN': '每年几次', en: 'a few times a year' } }],
    consequence: [{ value: c, label: { 'zh-CN': '后果', en: 'consequence' } }],
    bands: LEC_BANDS_A,
  });

  it('exactly 160 is 较大, anything above is 重大; the preset bands are still valid', () => {
    expect(unwrap(rateRisk(at160(40), { likelihood: 4, exposure: 1, consequence: 40 }))).toMatchObject({
      score: 160,
      level: 'significant',
    });
    const above = unwrap(rateRisk(at160(40.00001), { likelihood: 4, exposure: 1, consequence: 40.00001 }));
    expect([above.score, above.level]).toEqual([160.00004, 'major']);
    expect(unwrap(rateRisk(at160(17.5), { likelihood: 4, exposure: 1, consequence: 17.5 })).level).toBe('significant');
    expect(parseRiskMethod(LEC_METHOD_A).ok).toBe(true);
  });
});

describe('follow-up: a review entered late never moves the last review back', () => {
  const review = (on: string): RiskCommand => ({
    type: 'track-risk',
    riskId: 'r-1',
    note: '复查',
    review: true,
    on: on as IsoDate,
  });
  const setup = [identify('r-1'), assess('r-1'), assign('r-1'), review('2025-10-20')];

  it('records a back-dated review in the tracking, but lastReviewOn keeps the later day', () => {
    const before = deepFreeze(run(setup).state);
    const { state } = run([review('2025-10-10')], ctx(), before);
    expect(itemOf(state, 'r-1').tracking.map((t) => [t.on, t.review])).toEqual([
      ['2025-10-20', true],
      ['2025-10-10', true],
    ]);
    expect(itemOf(state, 'r-1').lastReviewOn).toBe('2025-10-20');
    // 较大: ten working days from 10-20, not from 10-10
    expect(reviewsDue(state, at('2025-10-24'))).toEqual([]);
    expect(reviewsDue(state, at('2025-11-03')).map((d) => [d.riskId, d.lastReviewOn, d.dueOn])).toEqual([
      ['r-1', '2025-10-20', '2025-11-03'],
    ]);
    // a later review still moves it on
    expect(itemOf(run([review('2025-10-22')], ctx(), state).state, 'r-1').lastReviewOn).toBe('2025-10-22');
  });

  it('a closing or reopening dated before a review already recorded keeps the review', () => {
    const { state } = run([...setup, close('r-1', '2025-10-10')]);
    expect(itemOf(state, 'r-1').lastReviewOn).toBe('2025-10-20');
    const reopened = run(
      [{ type: 'reopen-risk', riskId: 'r-1', reason: '抽检再次发现问题', on: '2025-10-15' }],
      ctx(),
      state,
    ).state;
    expect(itemOf(reopened, 'r-1').lastReviewOn).toBe('2025-10-20');
  });
});

describe('follow-up: measures and tracking notes start with the last assignment or reopening', () => {
  const measureOn = (on: string, measureId = 'ms-1'): RiskCommand => ({
    ...(measure('r-1', measureId, '2025-12-31') as Extract<RiskCommand, { type: 'add-measure' }>),
    on: on as IsoDate,
  });
  const note = (on: string): RiskCommand => ({ type: 'track-risk', riskId: 'r-1', note: '跟踪', on: on as IsoDate });
  const reopen: RiskCommand = { type: 'reopen-risk', riskId: 'r-1', reason: '抽检再次发现问题', on: '2025-11-20' };

  it('refuses a measure or a note dated before the last assignment', () => {
    const reassigned = deepFreeze(
      run([identify('r-1'), assess('r-1'), assign('r-1'), assignOn('r-1', '2025-11-30', '2025-10-10')]).state,
    );
    for (const cmd of [measureOn('2025-10-05'), note('2025-10-05')]) {
      const r = execute(riskDecider, reassigned, cmd, ctx());
      expect(refused(r)).toEqual([['risk/dates-out-of-order', 'on']]);
      expect(!r.ok && r.errors[0]?.details).toEqual({ date: '2025-10-05', earliest: '2025-10-10' });
    }
    expect(execute(riskDecider, reassigned, measureOn('2025-10-10'), ctx()).ok).toBe(true);
    expect(execute(riskDecider, reassigned, note('2025-10-10'), ctx()).ok).toBe(true);
  });

  it('refuses a measure or a note dated before the reopening, so control never restarts before it', () => {
    const reopened = deepFreeze(
      run([identify('r-1'), assess('r-1'), assign('r-1'), close('r-1', '2025-10-10'), reopen]).state,
    );
    for (const cmd of [measureOn('2025-11-10'), note('2025-11-10')]) {
      const r = execute(riskDecider, reopened, cmd, ctx());
      expect(refused(r)).toEqual([['risk/dates-out-of-order', 'on']]);
      expect(!r.ok && r.errors[0]?.details).toEqual({ date: '2025-11-10', earliest: '2025-11-20' });
    }
    // from the reopening day on, control restarts, and a close cannot precede it
    const controlling = run([measureOn('2025-11-20')], ctx(), reopened).state;
    expect(itemOf(controlling, 'r-1').status).toMatchObject({ stage: 'controlling', since: '2025-11-20' });
    expect(
      refused(
        execute(
          riskDecider,
          controlling,
          {
            type: 'close-risk',
            riskId: 'r-1',
            closure: { kind: 'accepted', approverId: 'm-wang', expiresOn: '2026-03-31', reason: '经局党组研究接受' },
            on: '2025-11-15',
          },
          ctx(),
        ),
      ),
    ).toEqual([['risk/dates-out-of-order', 'on']]);
  });

  it('in a consultation, a measure decided at a meeting before the reopening is refused at its decision', () => {
    const reopened = deepFreeze(
      run([identify('r-1'), assess('r-1'), assign('r-1'), close('r-1', '2025-10-10'), reopen]).state,
    );
    const { on: _on, ...undated } = measureOn('2025-11-20') as Extract<RiskCommand, { type: 'add-measure' }>;
    const held = (date: string): RiskCommand => ({
      type: 'hold-consultation',
      consultationId: 'c-1',
      kind: 'ad-hoc',
      title: '冷链食品专题会商',
      date: date as IsoDate,
      participants: ['m-wang'],
      reviewed: ['r-1'],
      decisions: [undated],
    });
    expect(refused(execute(riskDecider, reopened, held('2025-11-18'), ctx()))).toEqual([
      ['risk/dates-out-of-order', 'decisions.0.on'],
    ]);
    expect(execute(riskDecider, reopened, held('2025-11-21'), ctx()).ok).toBe(true);
  });
});

describe('follow-up: a closed risk cannot be escalated', () => {
  const escalate: ConsultationDecision = {
    type: 'escalate',
    riskId: 'r-1',
    to: 'leader-in-charge',
    note: '逾期未整改，报分管领导',
  };
  const held = (decisions: ConsultationDecision[]): RiskCommand => ({
    type: 'hold-consultation',
    consultationId: 'c-1',
    kind: 'ad-hoc',
    title: '冷链食品专题会商',
    date: '2025-10-15',
    participants: ['m-wang'],
    reviewed: ['r-1'],
    decisions,
  });
  const open = [identify('r-1'), assess('r-1'), assign('r-1')];

  it('refuses an escalation of a closed risk with risk/wrong-stage, in Chinese and English', () => {
    const closed = deepFreeze(run([...open, close('r-1', '2025-10-10')]).state);
    const r = execute(riskDecider, closed, held([escalate]), ctx());
    expect(refused(r)).toEqual([['risk/wrong-stage', 'decisions.0.riskId']]);
    const e = !r.ok ? r.errors[0] : undefined;
    expect(e?.details).toEqual({ riskId: 'r-1', stage: 'closed', action: 'escalate' });
    expect(e?.message['zh-CN']).toBe('风险 r-1 处于“已办结”阶段，不能提级报告');
    expect(e?.message.en).toBe('Risk r-1 is closed; it cannot be escalated');
  });

  it('reads the stage the earlier decisions of the same meeting left', () => {
    const closed = deepFreeze(run([...open, close('r-1', '2025-10-10')]).state);
    const reopen: ConsultationDecision = { type: 'reopen-risk', riskId: 'r-1', reason: '会商决定重新打开' };
    const r = execute(riskDecider, closed, held([reopen, escalate]), ctx());
    expect(r.ok && r.value.events.map((x) => x.type)).toEqual([
      'consultation-held',
      'risk-reopened',
      'escalation-decided',
    ]);
    const stillOpen = deepFreeze(run(open).state);
    const closing = close('r-1', '2025-10-15') as ConsultationDecision;
    expect(refused(execute(riskDecider, stillOpen, held([closing, escalate]), ctx()))).toEqual([
      ['risk/wrong-stage', 'decisions.1.riskId'],
    ]);
    expect(execute(riskDecider, stillOpen, held([escalate]), ctx()).ok).toBe(true);
  });
});

describe('follow-up 2: a reopened risk controlled again keeps its reopening day', () => {
  const measureOn = (on: string, measureId: string): RiskCommand => ({
    ...(measure('r-1', measureId, '2026-01-31') as Extract<RiskCommand, { type: 'add-measure' }>),
    on: on as IsoDate,
  });
  const note = (on: string): RiskCommand => ({ type: 'track-risk', riskId: 'r-1', note: '跟踪', on: on as IsoDate });
  const accept = (on: string): RiskCommand => ({
    type: 'close-risk',
    riskId: 'r-1',
    closure: { kind: 'accepted', approverId: 'm-wang', expiresOn: '2026-03-31', reason: '经局党组研究接受' },
    on: on as IsoDate,
  });
  const reopen: RiskCommand = { type: 'reopen-risk', riskId: 'r-1', reason: '抽检再次发现问题', on: '2025-11-20' };
  const history = [identify('r-1'), assess('r-1'), assign('r-1'), close('r-1', '2025-10-10'), reopen];

  it('refuses a second measure or a note dated before the reopening once control has restarted', () => {
    const { state, events } = run([...history, measureOn('2025-11-20', 'ms-1')]);
    const controlling = deepFreeze(state);
    expect(itemOf(controlling, 'r-1').status).toMatchObject({
      stage: 'controlling',
      since: '2025-11-20',
      reopenedOn: '2025-11-20',
    });
    // replaying the log derives the same status from the events already there
    expect(itemOf(replay(riskDecider, events), 'r-1').status).toEqual(itemOf(controlling, 'r-1').status);
    for (const cmd of [measureOn('2025-11-10', 'ms-2'), note('2025-11-10')]) {
      const r = execute(riskDecider, controlling, cmd, ctx());
      expect(refused(r)).toEqual([['risk/dates-out-of-order', 'on']]);
      expect(!r.ok && r.errors[0]?.details).toEqual({ date: '2025-11-10', earliest: '2025-11-20' });
    }
    expect(execute(riskDecider, controlling, measureOn('2025-11-20', 'ms-2'), ctx()).ok).toBe(true);
    expect(execute(riskDecider, controlling, note('2025-11-21'), ctx()).ok).toBe(true);
    // a re-assignment keeps it, and a risk never reopened has none
    const reassigned = run([assignOn('r-1', '2026-01-31', '2025-11-25')], ctx(), controlling).state;
    expect(itemOf(reassigned, 'r-1').status).toMatchObject({ stage: 'controlling', reopenedOn: '2025-11-20' });
    const never = run([identify('r-1'), assess('r-1'), assign('r-1'), measureOn('2025-09-03', 'ms-1')]).state;
    expect('reopenedOn' in itemOf(never, 'r-1').status).toBe(false);
  });

  it('an old log whose control restarted before the reopening replays with the reopening day, and a closing cannot precede it', () => {
    // Before measures were checked against the reopening, a log could restart control before it: simulate one.
    const { events } = run([...history, measureOn('2025-11-20', 'ms-1')]);
    const old = events.map((e) =>
      e.type === 'control-started'
        ? { ...e, on: '2025-11-05' as IsoDate }
        : e.type === 'measure-added' && e.measure.id === 'ms-1'
          ? { ...e, measure: { ...e.measure, addedOn: '2025-11-05' as IsoDate } }
          : e,
    );
    const state = deepFreeze(replay(riskDecider, old));
    expect(itemOf(state, 'r-1').status).toMatchObject({
      stage: 'controlling',
      since: '2025-11-05',
      reopenedOn: '2025-11-20',
    });
    const r = execute(riskDecider, state, accept('2025-11-15'), ctx());
    expect(refused(r)).toEqual([['risk/dates-out-of-order', 'on']]);
    expect(!r.ok && r.errors[0]?.details).toEqual({ date: '2025-11-15', earliest: '2025-11-20' });
    expect(refused(execute(riskDecider, state, note('2025-11-15'), ctx()))).toEqual([
      ['risk/dates-out-of-order', 'on'],
    ]);
    expect(execute(riskDecider, state, accept('2025-11-20'), ctx()).ok).toBe(true);
  });

  it('a state stored before the field existed still takes commands, checked against the days it has', () => {
    const stored = JSON.parse(JSON.stringify(run([...history, measureOn('2025-11-20', 'ms-1')]).state)) as RiskState;
    const stale = itemOf(stored, 'r-1') as { status: { reopenedOn?: string } };
    expect(stale.status.reopenedOn).toBe('2025-11-20');
    delete stale.status.reopenedOn;
    const frozen = deepFreeze(stored);
    expect(execute(riskDecider, frozen, measureOn('2025-11-20', 'ms-2'), ctx()).ok).toBe(true);
    expect(execute(riskDecider, frozen, accept('2025-11-20'), ctx()).ok).toBe(true);
    expect(refused(execute(riskDecider, frozen, note('2025-09-01'), ctx()))).toEqual([
      ['risk/dates-out-of-order', 'on'],
    ]);
  });
});

describe('follow-up 2: an expired acceptance is due for review', () => {
  const acceptUntil = (riskId: string, on: string, expiresOn: string): RiskCommand => ({
    type: 'close-risk',
    riskId,
    closure: { kind: 'accepted', approverId: 'm-wang', expiresOn: expiresOn as IsoDate, reason: '残余风险可接受' },
    on: on as IsoDate,
  });
  const build = () =>
    run([
      // r-1: accepted until 2025-12-31
      identify('r-1'),
      assess('r-1'),
      assign('r-1'),
      acceptUntil('r-1', '2025-10-10', '2025-12-31'),
      // r-2: open, 较大, reviews by cadence (due 10 working days after 09-01)
      identify('r-2'),
      assess('r-2'),
      assign('r-2'),
      // r-3: eliminated long ago, never due
      identify('r-3'),
      assess('r-3'),
      assign('r-3'),
      close('r-3', '2025-09-10'),
    ]).state;

  it('lists the accepted risk the day after its expiry, with reason acceptance-expired, apart from the cadence', () => {
    const state = deepFreeze(build());
    const rows = (day: string) => reviewsDue(state, at(day)).map((d) => [d.riskId, d.dueOn, d.reason ?? 'cadence']);
    // on the expiry day the acceptance still holds
    expect(rows('2025-12-31')).toEqual([['r-2', '2025-09-15', 'cadence']]);
    expect(rows('2026-01-05')).toEqual([
      ['r-2', '2025-09-15', 'cadence'],
      ['r-1', '2026-01-01', 'acceptance-expired'],
    ]);
    const expired = reviewsDue(state, at('2026-01-05')).find((d) => d.riskId === 'r-1');
    expect(expired).toEqual({
      riskId: 'r-1',
      level: 'significant',
      lastReviewOn: '2025-10-10',
      dueOn: '2026-01-01',
      reason: 'acceptance-expired',
    });
    // cadence entries carry no reason, as before
    expect('reason' in (reviewsDue(state, at('2026-01-05'))[0] ?? {})).toBe(false);
  });

  it('leaves the list once the risk is reopened or accepted anew', () => {
    const state = build();
    const reopened = run(
      [{ type: 'reopen-risk', riskId: 'r-1', reason: '接受期满，重新评估', on: '2026-01-05' }],
      ctx(),
      state,
    ).state;
    expect(reviewsDue(reopened, at('2026-01-06')).filter((d) => d.riskId === 'r-1')).toEqual([]);
    const renewed = run([acceptUntil('r-1', '2026-01-06', '2026-06-30')], ctx(), reopened).state;
    expect(reviewsDue(renewed, at('2026-03-02')).filter((d) => d.riskId === 'r-1')).toEqual([]);
    expect(reviewsDue(renewed, at('2026-07-01')).filter((d) => d.riskId === 'r-1')).toMatchObject([
      { dueOn: '2026-07-01', reason: 'acceptance-expired' },
    ]);
  });
});
