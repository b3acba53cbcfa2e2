import { describe, expect, it } from 'vitest';
import { type IsoDate, type Recorded, type Result, replay, unwrap } from '../../src/core/index.js';
import {
  getRatingCase,
  type RatingCaseCommand,
  type RatingCaseEvent,
  ratingCaseDecider,
  rechecksDue,
} from '../../src/rating/case/index.js';
import {
  type Evaluation,
  evaluate,
  type IndicatorTree,
  type IndicatorTreeInput,
  type MigrationStrategy,
  migrateEvaluation,
  parseIndicatorTree,
  qualify,
  type VetoItem,
} from '../../src/rating/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { fullFacts, metrics, scheme, tree, treeInput } from './_fixtures.js';
import { drive, toNotice } from './case/_fixture.js';

const refusals = (r: Result<unknown>) => (r.ok ? [] : r.errors.map((e) => e.code));
/** The star an evaluation qualifies for, for a station holding four stars (逐级申报 met up to five). */
const starOf = (ev: Evaluation) => unwrap(qualify(ev, scheme(), { held: 4 })).star;

/** Version 2 of the fixture tree with the same indicators and the given veto items. */
function withVetoes(vetoes: NonNullable<IndicatorTreeInput['vetoes']>): IndicatorTree {
  return unwrap(parseIndicatorTree({ ...treeInput(), version: 2, effectiveFrom: '2025-01-01', vetoes }));
}

const v1 = tree();
const veto = (code: string): VetoItem => v1.vetoes.find((v) => v.code === code) as VetoItem;
/** Full marks, V1 and V3 not triggered, and `complaints` valid complaints for V2 (有效投诉过多: more than 10). */
const evaluated = (complaints: number, values: object = {}) =>
  deepFreeze(
    unwrap(
      evaluate(
        v1,
        { unitId: 'st-1', values: { ...fullFacts().values, ...values } },
        { metrics: metrics('st-1', 1, complaints) },
      ),
    ),
  );
const vetoAdjustments = (m: { adjustments: readonly { list: string }[] }) =>
  m.adjustments.filter((a) => a.list === 'vetoes');

describe('migrateEvaluation: a veto whose condition changed is checked again', () => {
  // 2025 version: more than 5 valid complaints already caps the star.
  const stricter = () =>
    withVetoes([veto('V1'), { ...veto('V2'), when: { metric: 'complaints', op: 'gt', value: 5 } }, veto('V3')]);

  it('does not carry "not triggered" over: the result is partial, names the veto’s metric and cannot qualify', () => {
    const ev = evaluated(7);
    expect(ev.status).toBe('complete');
    expect(starOf(ev)).toBe(5);
    const m = unwrap(migrateEvaluation(ev, v1, stricter(), 'clamp'));
    expect(m.evaluation.status).toBe('partial');
    expect(m.evaluation.status === 'partial' && m.evaluation.missing).toEqual(['metric:complaints']);
    expect(vetoAdjustments(m)).toEqual([{ code: 'V2', list: 'vetoes', action: 'reset' }]);
    expect(refusals(qualify(m.evaluation, scheme(), { held: 4 }))).toEqual(['rating/incomplete-evaluation']);
  });

  it('drops a hit judged under the old condition, under every strategy', () => {
    const ev = evaluated(20);
    expect(ev.vetoes.map((v) => v.code)).toEqual(['V2']);
    for (const strategy of ['clamp', 'reset', 'proportional'] as MigrationStrategy[]) {
      const m = unwrap(migrateEvaluation(ev, v1, stricter(), strategy));
      expect(m.evaluation.vetoes).toEqual([]);
      expect(m.evaluation.status === 'partial' && m.evaluation.missing).toEqual(['metric:complaints']);
      expect(vetoAdjustments(m)).toEqual([{ code: 'V2', list: 'vetoes', action: 'reset' }]);
    }
  });

  it('undoes the zeroed area of a changed veto and asks for every fact the new condition reads', () => {
    const ev = evaluated(0, { V3: true });
    expect(ev.nodes.find((n) => n.code === 'B')).toMatchObject({ score: 0, zeroedBy: 'V3' });
    // 2025 version: 党建工作被通报 zeroes 党建引领 only when 三会一课 was not held either.
    const t2 = withVetoes([
      veto('V1'),
      veto('V2'),
      {
        ...veto('V3'),
        when: {
          allOf: [
            { fact: 'V3', op: 'ne', value: 0 },
            { fact: 'B1', op: 'eq', value: 0 },
          ],
        },
      },
    ]);
    const m = unwrap(migrateEvaluation(ev, v1, t2, 'clamp'));
    expect(m.evaluation.vetoes).toEqual([]);
    const b = m.evaluation.nodes.find((n) => n.code === 'B');
    expect(b?.score).toBe(20);
    expect(b?.zeroedBy).toBeUndefined();
    expect(m.evaluation.status === 'partial' && m.evaluation.missing).toEqual(['V3', 'B1']);
    expect(vetoAdjustments(m)).toEqual([{ code: 'V3', list: 'vetoes', action: 'reset' }]);
  });

  it('tells a changed veto (reset) from a new one (added)', () => {
    const t2 = withVetoes([
      veto('V1'),
      { ...veto('V2'), when: { metric: 'complaints', op: 'gt', value: 5 } },
      veto('V3'),
      { code: 'V4', title: { 'zh-CN': '发生重大食品安全事故' }, effect: { kind: 'disqualify' } },
    ]);
    const m = unwrap(migrateEvaluation(evaluated(0), v1, t2, 'clamp'));
    expect(vetoAdjustments(m)).toEqual([
      { code: 'V2', list: 'vetoes', action: 'reset' },
      { code: 'V4', list: 'vetoes', action: 'added' },
    ]);
    expect(m.evaluation.status === 'partial' && m.evaluation.missing).toEqual(['metric:complaints', 'V4']);
  });

  it('carries a veto whose title, place in the list or key order changed: hit kept, result complete', () => {
    const t2 = withVetoes([
      veto('V3'),
      {
        code: 'V2',
        title: { 'zh-CN': '有效投诉数量超标' },
        effect: { kind: 'cap', star: 3 },
        when: { value: 10, op: 'gt', metric: 'complaints' },
      },
      veto('V1'),
    ]);
    const m = unwrap(migrateEvaluation(evaluated(20), v1, t2, 'clamp'));
    expect(m.evaluation.status).toBe('complete');
    expect(m.evaluation.vetoes).toEqual([
      { code: 'V2', title: { 'zh-CN': '有效投诉数量超标' }, effect: { kind: 'cap', star: 3 } },
    ]);
    expect(m.adjustments).toEqual([]);
    expect(starOf(m.evaluation)).toBe(3);
    expect(unwrap(migrateEvaluation(evaluated(7), v1, t2, 'clamp')).evaluation.status).toBe('complete');
  });

  it('carries a veto whose effect alone changed, with the new effect', () => {
    const t2 = withVetoes([veto('V1'), { ...veto('V2'), effect: { kind: 'cap', star: 4 } }, veto('V3')]);
    const m = unwrap(migrateEvaluation(evaluated(20), v1, t2, 'clamp'));
    expect(m.evaluation.status).toBe('complete');
    expect(m.evaluation.vetoes.map((v) => [v.code, v.effect])).toEqual([['V2', { kind: 'cap', star: 4 }]]);
    expect(vetoAdjustments(m)).toEqual([]);
    expect(starOf(m.evaluation)).toBe(4);
  });
});

type Step = readonly [IsoDate, RatingCaseCommand];

/** A first-round four-star case awarded by the province on 2025-04-07 (valid until 2027-04-06), lowered to three stars on 2025-10-09. */
function demotedCase(recheckEveryMonths?: number): Step[] {
  return [
    ...toNotice('rc-4', 'st-baiyun', 4, { firstRound: true }),
    [
      '2025-04-07',
      {
        type: 'award',
        caseId: 'rc-4',
        awardingUnitId: 'b-liaoning',
        awardingLevel: 2,
        ...(recheckEveryMonths === undefined ? {} : { recheckEveryMonths }),
      },
    ],
    ['2025-10-09', { type: 'recheck', caseId: 'rc-4', outcome: 'demote', toStar: 3, note: '复核降为三星' }],
  ];
}

/** The log as written before demoted awards were re-checked: `award-demoted` without `nextRecheckOn`. */
function oldLog(events: readonly Recorded<RatingCaseEvent>[]): Recorded<RatingCaseEvent>[] {
  return events.map((e) => {
    if (e.type !== 'award-demoted') return e;
    const { nextRecheckOn: _dropped, ...old } = e;
    return old;
  });
}

describe('rechecksDue: a demoted award from an old log without nextRecheckOn', () => {
  it('comes up on the award’s re-check interval after the demotion, not before, at the lower star', () => {
    const { state, events } = drive(demotedCase(6));
    const old = oldLog(events);
    expect(old.some((e) => e.type === 'award-demoted' && 'nextRecheckOn' in e)).toBe(false);
    const replayed = replay(ratingCaseDecider, old);
    expect(rechecksDue(replayed, '2026-04-08')).toEqual([]);
    expect(rechecksDue(replayed, '2026-04-09')).toEqual([
      { caseId: 'rc-4', unitId: 'st-baiyun', star: 3, dueOn: '2026-04-09', validUntil: '2027-04-06' },
    ]);
    // Still listed, as overdue, until someone re-checks it.
    expect(rechecksDue(replayed, '2026-12-01').map((r) => r.dueOn)).toEqual(['2026-04-09']);
    // The same state the current decider builds.
    expect(replayed).toEqual(state);
  });

  it('comes up at the end of the validity when the award has no re-check interval', () => {
    const { state, events } = drive(demotedCase());
    const replayed = replay(ratingCaseDecider, oldLog(events));
    expect(rechecksDue(replayed, '2027-04-05')).toEqual([]);
    expect(rechecksDue(replayed, '2027-04-06')).toEqual([
      { caseId: 'rc-4', unitId: 'st-baiyun', star: 3, dueOn: '2027-04-06', validUntil: '2027-04-06' },
    ]);
    expect(replayed).toEqual(state);
  });

  it('can be re-checked from the replayed state, which moves the next re-check on', () => {
    const replayed = replay(ratingCaseDecider, oldLog(drive(demotedCase(6)).events));
    expect(rechecksDue(replayed, '2026-04-09').map((r) => r.caseId)).toEqual(['rc-4']);
    const after = drive([['2026-04-09', { type: 'recheck', caseId: 'rc-4', outcome: 'keep' }]], replayed).state;
    expect(rechecksDue(after, '2026-04-09')).toEqual([]);
    expect(rechecksDue(after, '2026-10-09').map((r) => [r.caseId, r.star, r.dueOn])).toEqual([
      ['rc-4', 3, '2026-10-09'],
    ]);
  });

  it('gets no further re-check when it was demoted on the validity’s last day', () => {
    const steps = demotedCase(6).slice(0, -1);
    const { state, events } = drive([
      ...steps,
      ['2027-04-06', { type: 'recheck', caseId: 'rc-4', outcome: 'demote', toStar: 3 }],
    ]);
    const replayed = replay(ratingCaseDecider, oldLog(events));
    const c = getRatingCase(replayed, 'rc-4');
    expect(c?.status === 'demoted' && c.nextRecheckOn).toBeUndefined();
    expect(rechecksDue(replayed, '2027-04-06')).toEqual([]);
    expect(replayed).toEqual(state);
  });
});

describe('rechecksDue: a demoted award whose event carries nextRecheckOn', () => {
  it('behaves as before: due on the recorded day, and replays to the executed state', () => {
    const { state, events } = drive(demotedCase(6));
    expect(events.find((e) => e.type === 'award-demoted')).toMatchObject({ nextRecheckOn: '2026-04-09' });
    expect(rechecksDue(state, '2026-04-08')).toEqual([]);
    expect(rechecksDue(state, '2026-04-09').map((r) => [r.caseId, r.star, r.dueOn])).toEqual([
      ['rc-4', 3, '2026-04-09'],
    ]);
    expect(replay(ratingCaseDecider, events)).toEqual(state);
  });

  it('keeps the recorded day over the one the award’s interval would give', () => {
    const { events } = drive(demotedCase(6));
    const recorded = events.map((e) =>
      e.type === 'award-demoted' ? { ...e, nextRecheckOn: '2026-01-15' as IsoDate } : e,
    );
    const state = replay(ratingCaseDecider, recorded);
    expect(rechecksDue(state, '2026-01-14')).toEqual([]);
    expect(rechecksDue(state, '2026-01-15').map((r) => r.dueOn)).toEqual(['2026-01-15']);
  });
});

describe('migrateEvaluation: a hit of a veto the target no longer has', () => {
  it('leaves the result and is listed as dropped, so the report shows why the unit is no longer capped', () => {
    const ev = evaluated(20);
    expect(starOf(ev)).toBe(3);
    const m = unwrap(migrateEvaluation(ev, v1, withVetoes([veto('V1'), veto('V3')]), 'clamp'));
    expect(m.evaluation.vetoes).toEqual([]);
    expect(m.evaluation.status).toBe('complete');
    expect(starOf(m.evaluation)).toBe(5);
    expect(vetoAdjustments(m)).toEqual([{ code: 'V2', list: 'vetoes', action: 'dropped' }]);
  });

  it('lists nothing for a removed veto that was not triggered', () => {
    const m = unwrap(migrateEvaluation(evaluated(0), v1, withVetoes([veto('V1'), veto('V3')]), 'clamp'));
    expect(vetoAdjustments(m)).toEqual([]);
  });
});
