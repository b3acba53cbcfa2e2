import { describe, expect, it } from 'vitest';
import { type IsoDate, type Result, unwrap } from '../../src/core/index.js';
import {
  compileTree,
  evaluate,
  evaluateMany,
  evaluations,
  type IndicatorTree,
  migrateEvaluation,
  type PointsSubject,
  parseIndicatorTree,
  parseStarScheme,
  qualify,
  type StarScheme,
  scorePoints,
} from '../../src/rating/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { vanguard } from './points/_fixtures.js';

const refusals = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path })));

/** A two-area station tree; `A` has two leaves so one of them can be not applicable. */
const baseTree = {
  id: 'station',
  name: { 'zh-CN': '所评定指标（测试用）' },
  version: 1,
  effectiveFrom: '2023-01-01',
  totalPoints: 100,
  nodes: [
    { code: 'A', title: { 'zh-CN': '履职绩效' }, depth: 1, points: 50 },
    {
      code: 'A1',
      parent: 'A',
      title: { 'zh-CN': '抽检完成率' },
      depth: 2,
      points: 25,
      rule: { kind: 'ratio', target: 1 },
    },
    {
      code: 'A2',
      parent: 'A',
      title: { 'zh-CN': '特种设备检验率' },
      depth: 2,
      points: 25,
      rule: { kind: 'ratio', target: 1 },
    },
    { code: 'B', title: { 'zh-CN': '党建引领' }, depth: 1, points: 50, rule: { kind: 'binary' } },
  ],
};
const treeOf = (extra: object = {}): IndicatorTree => unwrap(parseIndicatorTree({ ...baseTree, ...extra }));
const FIVE: StarScheme = unwrap(
  parseStarScheme({ id: 's', name: { 'zh-CN': '星级' }, firstRound: true, levels: [{ star: 5, minTotal: 90 }] }),
);

describe('migrateEvaluation: vetoes new in the target version (audit finding 1)', () => {
  const v2 = () =>
    treeOf({
      version: 2,
      vetoes: [
        { code: 'V-accident', title: { 'zh-CN': '发生重大安全责任事故' }, effect: { kind: 'disqualify' } },
        {
          code: 'V-complaints',
          title: { 'zh-CN': '投诉处置超期' },
          effect: { kind: 'cap', star: 3 },
          when: {
            anyOf: [
              { metric: 'loop.overdue', op: 'gt', value: 3 },
              { fact: 'A1', op: 'lt', value: 0.5 },
            ],
          },
        },
      ],
    });

  it('lists the facts a new veto reads as missing, so the result is partial and cannot qualify', () => {
    const v1 = treeOf();
    const ev = deepFreeze(unwrap(evaluate(v1, { unitId: 'st-a', values: { A1: 1, A2: 1, B: true } })));
    expect(ev.status).toBe('complete');
    const m = unwrap(migrateEvaluation(ev, v1, v2(), 'clamp')).evaluation;
    expect(m.status).toBe('partial');
    expect(m.status === 'partial' && m.missing).toEqual(['V-accident', 'metric:loop.overdue', 'A1']);
    expect(refusals(qualify(m, FIVE))).toEqual([{ code: 'rating/incomplete-evaluation', path: ['missing'] }]);
  });

  it('leaves a veto that existed in both versions alone: checked before, checked still', () => {
    const t2 = v2();
    const ev = unwrap(
      evaluate(
        t2,
        { unitId: 'st-a', values: { A1: 1, A2: 1, B: true, 'V-accident': false } },
        {
          metrics: { 'st-a': { 'loop.overdue': 0 } },
        },
      ),
    );
    expect(ev.status).toBe('complete');
    const m = unwrap(migrateEvaluation(ev, t2, { ...t2, version: 3 }, 'clamp')).evaluation;
    expect(m.status).toBe('complete');
    expect(unwrap(qualify(m, FIVE)).star).toBe(5);
  });
});

describe('veto conditions over a not-applicable fact (audit finding 7)', () => {
  const t = () =>
    treeOf({
      vetoes: [
        {
          code: 'V-equipment',
          title: { 'zh-CN': '特种设备检验率低于 50%' },
          effect: { kind: 'disqualify' },
          when: { fact: 'A2', op: 'lt', value: 0.5 },
        },
      ],
    });

  it('is not met when the fact is n/a: the evaluation is complete and the unit can be rated', () => {
    const ev = unwrap(evaluate(t(), { unitId: 'st-a', values: { A1: 1, A2: 'n/a', B: true } }));
    expect(ev.status).toBe('complete');
    expect(ev.vetoes).toEqual([]);
    expect(unwrap(qualify(ev, FIVE)).star).toBe(5);
  });

  it('is not met for an n/a mask in column facts either', () => {
    const batch = unwrap(
      evaluateMany(compileTree(t()), {
        unitIds: ['st-a', 'st-b'],
        columns: { A1: [1, 1], A2: [Number.NaN, 0.2], B: [1, 1] },
        notApplicable: { A2: [1, 0] },
      }),
    );
    const [a, b] = evaluations(batch);
    expect(a?.status).toBe('complete');
    expect(a?.vetoes).toEqual([]);
    expect(b?.vetoes.map((v) => v.code)).toEqual(['V-equipment']);
  });

  it('still leaves the evaluation partial when the fact is absent or NaN', () => {
    const absent = unwrap(evaluate(t(), { unitId: 'st-a', values: { A1: 1, B: true } }));
    expect(absent.status === 'partial' && absent.missing).toContain('A2');
    const nan = unwrap(evaluate(t(), { unitId: 'st-a', values: { A1: 1, A2: Number.NaN, B: true } }));
    expect(nan.status).toBe('partial');
  });
});

describe('parseStarScheme: area minimums never fall as stars rise (audit finding 5)', () => {
  const scheme = (levels: object[]) => parseStarScheme(deepFreeze({ id: 's', name: { 'zh-CN': '星级' }, levels }));

  it('refuses a five-star area rate below the four-star one, at the five-star field', () => {
    const r = scheme([
      { star: 4, minTotal: 85, minAreaRate: 0.9 },
      { star: 5, minTotal: 90, minAreaRate: 0.8 },
    ]);
    expect(refusals(r)).toEqual([{ code: 'rating/scheme-order', path: ['levels', 1, 'minAreaRate'] }]);
    expect(r.ok ? '' : r.errors[0]?.message['zh-CN']).toMatch(/5星的得分率下限低于4星/);
  });

  it('refuses a falling per-area minimum, and a higher star that drops the lower one’s area rate', () => {
    expect(
      refusals(
        scheme([
          { star: 3, minTotal: 70, areaMinimums: { A: 0.8 } },
          { star: 4, minTotal: 85, minAreaRate: 0.9, areaMinimums: { A: 0.6 } },
        ]),
      ),
    ).toEqual([{ code: 'rating/scheme-order', path: ['levels', 1, 'areaMinimums', 'A'] }]);
    expect(
      refusals(
        scheme([
          { star: 3, minTotal: 70, minAreaRate: 0.5 },
          { star: 4, minTotal: 85 },
        ]),
      ),
    ).toEqual([{ code: 'rating/scheme-order', path: ['levels', 1, 'minAreaRate'] }]);
  });

  it('accepts rising minimums', () => {
    expect(
      scheme([
        { star: 3, minTotal: 70, minAreaRate: 0.4, areaMinimums: { A: 0.6 } },
        { star: 4, minTotal: 85, minAreaRate: 0.7 },
        { star: 5, minTotal: 95, minAreaRate: 0.9, areaMinimums: { B: 1 } },
      ]).ok,
    ).toBe(true);
  });

  it('qualify stops at the first level missed, even under a scheme built without the parser', () => {
    const unchecked: StarScheme = {
      id: 's',
      name: { 'zh-CN': '星级' },
      firstRound: true,
      municipality: false,
      levels: [
        { star: 3, minTotal: 60, cycleYears: 2 },
        { star: 4, minTotal: 85, minAreaRate: 0.9, cycleYears: 2 },
        { star: 5, minTotal: 90, minAreaRate: 0.8, cycleYears: 2 },
      ],
    };
    // 92.5 points, area A at 85 %: enough for the five-star rule as written, not for four stars.
    const ev = unwrap(evaluate(treeOf(), { unitId: 'st-a', values: { A1: 0.7, A2: 1, B: true } }));
    const q = unwrap(qualify(ev, unchecked));
    expect(q.star).toBe(3);
    expect(q.next).toEqual({ star: 4, reasons: [{ kind: 'area', area: 'A', required: 0.9, actual: 0.85 }] });
  });
});

describe('parseStarScheme: cycle and awarding level follow domain §1 (audit finding 6)', () => {
  const scheme = (levels: object[], extra: object = {}) =>
    parseStarScheme({ id: 's', name: { 'zh-CN': '星级' }, levels, ...extra });

  it('refuses five stars rated every year', () => {
    const r = scheme([{ star: 5, minTotal: 90, cycleYears: 1 }]);
    expect(refusals(r)).toEqual([{ code: 'rating/scheme-invalid-cycle', path: ['levels', 0, 'cycleYears'] }]);
    expect(r.ok ? '' : r.errors[0]?.message.en).toBe('5 stars are rated every two years, not every 1');
  });

  it('refuses an awarding level other than the star’s own', () => {
    const r = scheme([{ star: 5, minTotal: 90, awardedBy: 3 }]);
    expect(refusals(r)).toEqual([{ code: 'rating/scheme-wrong-awarding-level', path: ['levels', 0, 'awardedBy'] }]);
    expect(r.ok ? '' : r.errors[0]?.message['zh-CN']).toBe('5星应由第1级（总局）市场监管部门授予，而非第3级');
    expect(refusals(scheme([{ star: 4, minTotal: 85, awardedBy: 3 }]))).toEqual([
      { code: 'rating/scheme-wrong-awarding-level', path: ['levels', 0, 'awardedBy'] },
    ]);
  });

  it('lets a municipality’s district bureau award three stars, and only there', () => {
    expect(scheme([{ star: 3, minTotal: 70, awardedBy: 4 }], { municipality: true }).ok).toBe(true);
    expect(refusals(scheme([{ star: 3, minTotal: 70, awardedBy: 4 }]))).toEqual([
      { code: 'rating/scheme-wrong-awarding-level', path: ['levels', 0, 'awardedBy'] },
    ]);
    expect(
      scheme([
        { star: 3, minTotal: 70, awardedBy: 3, cycleYears: 1 },
        { star: 5, minTotal: 90, awardedBy: 1 },
      ]).ok,
    ).toBe(true);
  });
});

describe('scorePoints: an exclusion approved before it was decided (audit finding 8)', () => {
  const member = (approvedOn: IsoDate): PointsSubject =>
    deepFreeze({
      id: 'm-1',
      name: '张三',
      exclusion: { reason: 'illness', decidedOn: '2025-05-10', approval: { by: 'po-organ', on: approvedOn } },
    });

  it('refuses it, pointing at the approval date', () => {
    const r = scorePoints(vanguard(), [member('2025-01-02')], [], '2025-H1');
    expect(refusals(r)).toEqual([
      { code: 'rating/exclusion-not-approved', path: ['subjects', 0, 'exclusion', 'approval', 'on'] },
    ]);
    expect(r.ok ? '' : r.errors[0]?.message['zh-CN']).toBe(
      'm-1 的不参加计分：上级批准日期 2025-01-02 早于支部大会决定日期 2025-05-10',
    );
  });

  it('accepts an approval on or after the decision', () => {
    const r = unwrap(scorePoints(vanguard(), [member('2025-05-10')], [], '2025-H1'));
    expect(r.subjects[0]?.status).toBe('excluded');
  });
});
