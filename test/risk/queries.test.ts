import { describe, expect, it } from 'vitest';
import { addWorkdays, chinaWorkCalendar, getRecord, workdaysBetween } from '../../src/core/index.js';
import {
  DEFAULT_ESCALATION_POLICY,
  DEFAULT_REVIEW_CADENCE,
  escalations,
  heatMap,
  INTEGRITY_LEDGER_COLUMNS,
  integrityLedger,
  isOverdue,
  LEC_METHOD_A,
  MATRIX_METHOD_A,
  metrics,
  overdue,
  RISK_METRICS,
  type RiskCommand,
  reviewsDue,
  riskList,
} from '../../src/risk/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { assess, assign, ctx, identify, lifecycle, measure, run } from './_fixture.js';

const q = { now: () => '2025-10-16T09:00:00+08:00' as const, calendar: chinaWorkCalendar };

function build() {
  return run([
    // r-1: significant (4×4), measure ms-1 overdue since 09-30, risk deadline 10-31
    ...lifecycle('r-1'),
    // r-2: major (5×5), assigned to the county, deadline passed 10-10
    identify('r-2', { category: 'special-equipment', unitId: 'county-a', title: '电梯维保不到位' }),
    assess('r-2', 5, 5),
    { ...(assign('r-2', '2025-10-10') as object), ownerUnitId: 'county-a', responsibleId: 'm-ca-1' } as RiskCommand,
    // r-3: general (3×3), closed on time
    identify('r-3'),
    assess('r-3', 3, 3),
    assign('r-3'),
    {
      type: 'close-risk',
      riskId: 'r-3',
      closure: { kind: 'transferred', toUnitId: 'dept-drug', reference: '移交函〔2025〕3 号' },
      on: '2025-09-19',
    },
    // r-4: identified only
    identify('r-4', { category: 'integrity', title: '执法人员自由裁量' }),
    // r-5: low on LEC
    identify('r-5'),
    {
      type: 'assess-risk',
      riskId: 'r-5',
      methodId: 'lec-a',
      inherent: { likelihood: 1, exposure: 2, consequence: 3 },
      reason: '作业条件评价',
    },
    { type: 'track-risk', riskId: 'r-5', note: '月度复核', review: true, on: '2025-10-15' },
  ]).state;
}

describe('riskList', () => {
  const state = deepFreeze(build());
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  it('lists every risk with level, colour, owner and open measures', () => {
    expect(ids(riskList(state))).toEqual(['r-1', 'r-2', 'r-3', 'r-4', 'r-5']);
    const r1 = riskList(state).find((r) => r.id === 'r-1');
    expect(r1).toMatchObject({
      level: 'significant',
      colour: 'orange',
      score: 16,
      stage: 'controlling',
      responsibleId: 'm-food-2',
      openMeasures: 1,
    });
    expect(riskList(state).find((r) => r.id === 'r-4')).not.toHaveProperty('level');
  });
  it('filters by level, category, unit (concerned or owner), stage, owner and overdue', () => {
    expect(ids(riskList(state, { level: 'major' }))).toEqual(['r-2']);
    expect(ids(riskList(state, { category: 'integrity' }))).toEqual(['r-4']);
    expect(ids(riskList(state, { unitId: 'county-a' }))).toEqual(['r-2']);
    expect(ids(riskList(state, { stage: 'closed' }))).toEqual(['r-3']);
    expect(ids(riskList(state, { ownerId: 'm-food-3' }))).toEqual(['r-1']);
    expect(ids(riskList(state, { overdueOn: '2025-10-16' }))).toEqual(['r-1', 'r-2']);
    expect(ids(riskList(state, { unitId: 'dept-food', level: 'general' }))).toEqual(['r-3']);
    expect(ids(riskList(state, { unitId: 'county-a', level: 'general' }))).toEqual([]);
    expect(riskList(state, { unitId: 'nowhere' })).toEqual([]);
  });
  it('sees changes: the index belongs to one state', () => {
    const next = run([identify('r-9'), assess('r-9', 5, 5)], ctx(), state).state;
    expect(ids(riskList(next, { level: 'major' }))).toEqual(['r-2', 'r-9']);
    expect(ids(riskList(state, { level: 'major' }))).toEqual(['r-2']);
  });
});

describe('heatMap', () => {
  it('counts open risks per cell of the method and per level', () => {
    const h = heatMap(build(), MATRIX_METHOD_A);
    expect(h.rows).toEqual([1, 2, 3, 4, 5]);
    expect(h.cells[3]?.[3]).toBe(1);
    expect(h.cells[4]?.[4]).toBe(1);
    expect(h.cells.flat().reduce((a, b) => a + b, 0)).toBe(2); // r-3 is closed, r-5 is LEC
    expect(h.byLevel).toEqual({ major: 1, significant: 1, general: 0, low: 1 });
    const lec = heatMap(build(), LEC_METHOD_A);
    expect(lec.columns).toEqual([1, 3, 7, 15, 40, 100]);
    expect(lec.cells[3]?.[1]).toBe(1);
  });
});

describe('overdue, escalations, reviewsDue', () => {
  const state = build();
  it('lists overdue risks and measures with working days late, most late first', () => {
    const o = overdue(state, q);
    expect(o.map((e) => [e.riskId, e.measureId ?? '-'])).toEqual([
      ['r-1', 'ms-1'],
      ['r-2', '-'],
    ]);
    expect(o[0]?.overdueWorkdays).toBe(workdaysBetween('2025-09-30', '2025-10-16'));
    expect(o[1]?.overdueWorkdays).toBe(workdaysBetween('2025-10-10', '2025-10-16'));
    const closed = getRecord(state.risks, 'r-3');
    expect(closed && isOverdue(closed, '2026-01-01')).toBe(false);
  });
  it('suggests escalating overdue measures one rung up, as data', () => {
    expect(escalations(state, q)).toEqual([
      {
        type: 'escalation-suggested',
        riskId: 'r-1',
        measureId: 'ms-1',
        level: 'significant',
        overdueWorkdays: workdaysBetween('2025-09-30', '2025-10-16'),
        inform: DEFAULT_ESCALATION_POLICY.major,
      },
    ]);
  });
  it('reviews are due by level cadence in working days from the last review', () => {
    const due = reviewsDue(state, q);
    expect(due.map((d) => d.riskId)).toEqual(['r-2', 'r-1']);
    expect(due[0]?.dueOn).toBe(addWorkdays('2025-09-01', DEFAULT_REVIEW_CADENCE.major));
    expect(due[1]?.dueOn).toBe(addWorkdays('2025-09-01', DEFAULT_REVIEW_CADENCE.significant));
    expect(
      reviewsDue(state, q, { cadence: { major: 100, significant: 100, general: 100, low: 0 } }).map((d) => d.riskId),
    ).toEqual(['r-5']);
  });
});

describe('metrics', () => {
  it('per unit, with stable names from the catalogue', () => {
    const m = metrics(build(), q, { groupBy: 'unit' });
    expect(Object.keys(m)).toEqual(['county-a', 'dept-food']);
    expect(m['dept-food']).toEqual({
      'risk.open-major': 0,
      'risk.open-significant': 1,
      'risk.open-general': 0,
      'risk.open-low': 1,
      'risk.closed': 1,
      'risk.on-time-closure-rate': 1,
      'risk.mean-workdays-to-close': workdaysBetween('2025-09-01', '2025-09-19'),
      'risk.overdue-measures': 1,
      'risk.reopen-count': 0,
    });
    expect(m['county-a']).not.toHaveProperty('risk.on-time-closure-rate');
    for (const unit of Object.values(m)) for (const k of Object.keys(unit)) expect(RISK_METRICS).toHaveProperty([k]);
  });
});

describe('integrityLedger', () => {
  it('prints the register in the 宝安 ledger layout, high first', () => {
    const criteria = {
      powerOrResources: true,
      discretion: true,
      opennessOrCollective: true,
      indirectGain: false,
      highIncidence: false,
    };
    const { state } = run([
      {
        type: 'register-key-post',
        postId: 'p-lab',
        unitId: 'inst-complaints',
        power: '投诉举报处理',
        riskPoints: ['选择性受理'],
        criteria: { ...criteria, discretion: false, opennessOrCollective: false },
        measures: ['全程留痕'],
        responsibleId: 'm-office-3',
      },
      {
        type: 'register-key-post',
        postId: 'p-enforce',
        unitId: 'dept-food',
        power: '行政处罚',
        riskPoints: ['自由裁量权滥用', '说情打招呼'],
        criteria,
        measures: ['重大案件集体审议', '裁量基准公开'],
        responsibleId: 'm-wang',
      },
    ]);
    const rows = integrityLedger(state, { names: { 'dept-food': '食品经营监管科', 'm-wang': '王科长' } });
    expect(rows[0]).toEqual({
      no: 1,
      responsibleUnit: '食品经营监管科',
      power: '行政处罚',
      riskPoints: '1. 自由裁量权滥用；2. 说情打招呼',
      level: '高',
      measures: '1. 重大案件集体审议；2. 裁量基准公开',
      responsiblePerson: '王科长',
    });
    expect(rows[1]).toMatchObject({ no: 2, level: '低', responsibleUnit: 'inst-complaints' });
    expect(Object.values(INTEGRITY_LEDGER_COLUMNS).map((c) => c['zh-CN'])).toEqual([
      '序号',
      '责任主体',
      '职权内容',
      '风险点',
      '风险等级',
      '防控措施',
      '责任人',
    ]);
    expect(integrityLedger(state, { locale: 'en' })[0]?.level).toBe('high');
  });
});

void measure;
