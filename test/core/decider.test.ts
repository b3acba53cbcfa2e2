import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countRecords,
  execute,
  executeWithPatches,
  fixedContext,
  getRecord,
  type Instant,
  type Recorded,
  replay,
  ShijianError,
  unwrap,
  withContext,
} from '../../src/core/index.js';
import { type CounterEvent, type CounterState, counter } from '../helpers/counter.js';
import { deepFreeze } from '../helpers/freeze.js';

const ctx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });

describe('execute', () => {
  it('stamps events with seq, at, actor and schema version, and applies them', () => {
    const r = execute(counter, counter.initialState, { type: 'add', id: 'a', amount: 2 }, ctx);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.events).toEqual([
      {
        type: 'added',
        id: 'a',
        amount: 2,
        seq: 1,
        at: '2025-10-16T09:00:00+08:00',
        actor: 'u-office',
        schemaVersion: 1,
      },
    ]);
    expect(r.value.state.version).toBe(1);
    expect(r.value.state.total).toBe(2);
    expect(getRecord(r.value.state.items, 'a')).toEqual({ id: 'a', count: 2, tags: [] });
    expect(Object.isFrozen(r.value.state)).toBe(true);
  });

  it('a refused command returns the errors and leaves the state alone', () => {
    const state = deepFreeze(counter.initialState);
    const r = execute(counter, state, { type: 'add', id: 'a', amount: -1 }, ctx);
    expect(r.ok).toBe(false);
    expect(r.errors?.[0]).toMatchObject({ code: 'test/negative', path: ['amount'] });
    expect(state.total).toBe(0);
  });

  it('a command deciding no events returns the very same state', () => {
    const r = execute(counter, counter.initialState, { type: 'noop' }, ctx);
    expect(r.ok && r.value.state).toBe(counter.initialState);
  });

  it('keeps old states intact (structural sharing)', () => {
    const s1 = execute(counter, counter.initialState, { type: 'add', id: 'a', amount: 1 }, ctx);
    if (!s1.ok) throw new Error('setup');
    const s2 = execute(counter, s1.value.state, { type: 'add', id: 'b', amount: 1 }, ctx);
    if (!s2.ok) throw new Error('setup');
    expect(countRecords(s1.value.state.items)).toBe(1);
    expect(countRecords(s2.value.state.items)).toBe(2);
  });

  it('executeWithPatches reports the change', () => {
    const r = executeWithPatches(counter, counter.initialState, { type: 'add', id: 'a', amount: 3 }, ctx);
    expect(r.ok && r.value.patches.some((p) => p.path[0] === 'total' && p.value === 3)).toBe(true);
    expect(r.ok && r.value.inversePatches.some((p) => p.path[0] === 'total' && p.value === 0)).toBe(true);
  });
});

const commands = fc.array(
  fc.record({
    type: fc.constant('add' as const),
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    amount: fc.integer({ min: -2, max: 5 }),
    tag: fc.option(fc.constantFrom('x', 'y'), { nil: undefined }),
  }),
  { maxLength: 40 },
);

describe('replay', () => {
  it('rebuilds exactly the state execute produced, without touching the events', () => {
    fc.assert(
      fc.property(commands, (cmds) => {
        let state: CounterState = counter.initialState;
        const log: Recorded<CounterEvent>[] = [];
        let c = fixedContext();
        for (const [i, cmd] of cmds.entries()) {
          c = withContext(c, { now: `2025-10-${String(1 + (i % 28)).padStart(2, '0')}T09:00:00+08:00` as Instant });
          const { tag, ...rest } = cmd;
          const r = execute(counter, state, tag ? { ...rest, tag } : rest, c);
          if (r.ok) {
            state = r.value.state;
            log.push(...r.value.events);
          }
        }
        const events = deepFreeze(structuredClone(log));
        expect(replay(counter, events)).toEqual(state);
      }),
      { numRuns: 200 },
    );
  });

  it('freezes the rebuilt state unless asked not to', () => {
    const r = execute(counter, counter.initialState, { type: 'add', id: 'a', amount: 1 }, ctx);
    if (!r.ok) throw new Error('setup');
    expect(Object.isFrozen(replay(counter, r.value.events).items)).toBe(true);
    const loose = replay(counter, r.value.events, { freeze: false });
    expect(Object.isFrozen(loose.items)).toBe(false);
    expect(loose).toEqual(r.value.state);
  });

  it('refuses events that are not consecutive', () => {
    const e = {
      type: 'added',
      id: 'a',
      amount: 1,
      seq: 2,
      at: '2025-10-16T09:00:00+08:00',
      actor: 'x',
      schemaVersion: 1,
    } as const;
    expect(() => replay(counter, [e])).toThrow(ShijianError);
    try {
      replay(counter, [e]);
    } catch (x) {
      expect((x as ShijianError).errors[0]?.code).toBe('core/sequence-gap');
    }
  });

  it('lifts old events through upcasters', () => {
    const v2 = { ...counter, schemaVersion: 2 };
    // Version 1 wrote `qty` where version 2 writes `amount`.
    const old = {
      type: 'added',
      id: 'a',
      qty: 4,
      seq: 1,
      at: '2025-10-16T09:00:00+08:00',
      actor: 'x',
      schemaVersion: 1,
    };
    const state = replay(v2, [old as unknown as Recorded<CounterEvent>], {
      upcasters: { 1: (e) => ({ ...e, amount: e.qty, schemaVersion: 2 }) },
    });
    expect(state.total).toBe(4);
    expect(() => replay(v2, [old as unknown as Recorded<CounterEvent>])).toThrow(/upcaster/);
  });
});

describe('RecordTable', () => {
  it('ids that name Object.prototype members are ordinary records', () => {
    const r = execute(counter, counter.initialState, { type: 'add', id: 'constructor', amount: 1 }, ctx);
    expect(getRecord(counter.initialState.items, 'constructor')).toBeUndefined();
    expect(getRecord(counter.initialState.items, 'toString')).toBeUndefined();
    expect(r.ok && getRecord(r.value.state.items, 'constructor')).toEqual({ id: 'constructor', count: 1, tags: [] });
  });

  it('a state copied by structuredClone or JSON (shards with a prototype) still has no inherited records', () => {
    // enough records that every one of the 256 shards exists, 'constructor''s among them
    const ids = ['a', ...Array.from({ length: 3000 }, (_, i) => `x${i}`)];
    const state = replay(
      counter,
      ids.map(
        (id, i) =>
          ({
            type: 'added',
            id,
            amount: 1,
            seq: i + 1,
            at: '2025-10-16T09:00:00+08:00' as Instant,
            actor: 'x',
            schemaVersion: 1,
          }) as const,
      ),
    );
    for (const copy of [structuredClone(state), JSON.parse(JSON.stringify(state)) as typeof state]) {
      expect(Object.keys(copy.items)).toHaveLength(256);
      for (const id of ['constructor', 'toString', 'hasOwnProperty', '__proto__'])
        expect(getRecord(copy.items, id), id).toBeUndefined();
      expect(getRecord(copy.items, 'a')).toEqual({ id: 'a', count: 1, tags: [] });
      // and a command on the copy treats 'constructor' as new, not as an existing record
      const next = unwrap(execute(counter, copy, { type: 'add', id: 'constructor', amount: 2 }, ctx));
      expect(getRecord(next.state.items, 'constructor')).toEqual({ id: 'constructor', count: 2, tags: [] });
    }
  });
});
