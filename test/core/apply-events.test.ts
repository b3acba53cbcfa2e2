import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyEvents,
  execute,
  fixedContext,
  getRecord,
  type Recorded,
  replay,
  shardOf,
  unwrap,
} from '../../src/core/index.js';
import { loopDecider } from '../../src/loop/index.js';
import { heatMap, MATRIX_METHOD_A, type RiskCommand, riskDecider, riskList } from '../../src/risk/index.js';
import { type CounterCommand, type CounterEvent, counter } from '../helpers/counter.js';
import { deepFreeze, unfrozenPaths } from '../helpers/freeze.js';
import { closing, run, story } from '../loop/_fixture.js';
import { assess, identify, lifecycle, run as runRisk } from '../risk/_fixture.js';

const ctx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });

/** A counter log of `n` adds over a few ids, built through execute. */
function counterLog(ids: readonly string[]): Recorded<CounterEvent>[] {
  let state = counter.initialState;
  const events: Recorded<CounterEvent>[] = [];
  for (const id of ids) {
    const r = unwrap(execute(counter, state, { type: 'add', id, amount: 1 } as CounterCommand, ctx));
    state = r.state;
    events.push(...r.events);
  }
  return events;
}

describe('applyEvents', () => {
  it('continues a state to what replaying the whole log gives, wherever the log is cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'constructor'), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        (ids, cut) => {
          const events = counterLog(ids);
          const k = cut % (events.length + 1);
          const head = deepFreeze(replay(counter, events.slice(0, k)));
          const r = applyEvents(counter, head, events.slice(k));
          expect(r.ok).toBe(true);
          expect(r.ok && r.value).toEqual(replay(counter, events));
          expect(head.version).toBe(k);
        },
      ),
      { numRuns: 100, seed: 20251016 },
    );
  });

  it('shares every shard the events do not touch, and freezes what it builds', () => {
    const { state: before, events: headEvents } = run(story);
    const { events } = run(closing, before);
    const r = applyEvents(loopDecider, before, events);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(replay(loopDecider, [...headEvents, ...events]));
    // closing resolves, looks back on and strikes off p-1 and closes its deployment: inspections and notices
    // are untouched, and of the problems only p-1's shard is new
    expect(r.value.inspections).toBe(before.inspections);
    expect(r.value.notices).toBe(before.notices);
    const touched = shardOf('p-1');
    for (const key of Object.keys(before.problems))
      if (key !== touched) expect(r.value.problems[key]).toBe(before.problems[key]);
    expect(getRecord(r.value.problems, 'p-1')?.status).not.toBe(getRecord(before.problems, 'p-1')?.status);
    expect(unfrozenPaths(r.value)).toEqual([]);
  });

  it("keeps the risk list's index right: the lists of the state it returns are those of a full replay", () => {
    const first = runRisk([...lifecycle('r-1'), ...lifecycle('r-2'), identify('r-3')]);
    const head = first.state;
    // the head's index is built before the new events arrive, as a dashboard's would be
    const listedBefore = riskList(head, { level: 'major' });
    const reRate: RiskCommand = {
      type: 're-rate-risk',
      riskId: 'r-1',
      tier: 'current',
      factors: { likelihood: 1, impact: 1 },
      reason: '复评',
    };
    const more = runRisk([assess('r-3', 5, 5), reRate, ...lifecycle('r-4')], undefined, head);
    const r = applyEvents(riskDecider, head, more.events);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const replayed = replay(riskDecider, [...first.events, ...more.events]);
    for (const f of [{}, { level: 'major' }, { stage: 'assessed' }] as const)
      expect(riskList(r.value, f)).toEqual(riskList(replayed, f));
    expect(heatMap(r.value, MATRIX_METHOD_A)).toEqual(heatMap(replayed, MATRIX_METHOD_A));
    expect(riskList(head, { level: 'major' })).toEqual(listedBefore);
  });

  it('returns the very same state for no events', () => {
    const state = replay(counter, counterLog(['a']));
    expect(applyEvents(counter, state, [])).toEqual({ ok: true, value: state });
  });

  it('refuses a gap or an overlap in the sequence, at the event that breaks it, and folds nothing', () => {
    const events = counterLog(['a', 'b', 'c', 'd']);
    const head = deepFreeze(replay(counter, events.slice(0, 2)));
    const gap = applyEvents(counter, head, [events[3] as Recorded<CounterEvent>]);
    expect(gap.ok).toBe(false);
    expect(gap.errors?.[0]).toMatchObject({ code: 'core/sequence-gap', path: [0, 'seq'] });
    expect(gap.errors?.[0]?.message['zh-CN']).toContain('应为 3');
    const overlap = applyEvents(counter, head, events.slice(1));
    expect(overlap.errors?.[0]).toMatchObject({ code: 'core/sequence-gap', path: [0, 'seq'] });
    // the second event breaks it: the first is not folded either
    const late = applyEvents(counter, head, [events[2] as Recorded<CounterEvent>, events[0] as Recorded<CounterEvent>]);
    expect(late.errors?.[0]).toMatchObject({ code: 'core/sequence-gap', path: [1, 'seq'] });
    expect(head).toEqual(replay(counter, events.slice(0, 2)));
  });

  it('lifts old events through the upcasters, and refuses one it cannot lift', () => {
    const v2 = { ...counter, schemaVersion: 2 };
    const old = {
      type: 'added',
      id: 'a',
      qty: 4,
      seq: 1,
      at: '2025-10-16T09:00:00+08:00',
      actor: 'x',
      schemaVersion: 1,
    } as unknown as Recorded<CounterEvent>;
    const lifted = applyEvents(v2, v2.initialState, [old], {
      upcasters: { 1: (e) => ({ ...e, amount: e.qty, schemaVersion: 2 }) },
    });
    expect(lifted.ok && lifted.value.total).toBe(4);
    const refused = applyEvents(v2, v2.initialState, [old]);
    expect(refused.errors?.[0]).toMatchObject({
      code: 'core/unknown-event-version',
      path: [0, 'schemaVersion'],
      details: { type: 'added', version: 1 },
    });
  });

  it('refuses what is not a list of events with a coded error instead of throwing', () => {
    const state = deepFreeze(replay(counter, counterLog(['a'])));
    const notList = applyEvents(counter, state, null as unknown as Recorded<CounterEvent>[]);
    expect(notList.errors?.[0]).toMatchObject({ code: 'core/invalid-type', path: [] });
    for (const bad of [null, 3, 'added', { seq: 2 }])
      expect(applyEvents(counter, state, [bad] as unknown as Recorded<CounterEvent>[]).errors?.[0]).toMatchObject({
        code: 'core/invalid-type',
        path: [0],
      });
  });
});
