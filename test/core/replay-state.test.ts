import { describe, expect, it } from 'vitest';
import {
  type Decider,
  emptyTable,
  getRecord,
  putRecord,
  type Recorded,
  type RecordTable,
  replay,
} from '../../src/core/index.js';

interface Line {
  readonly id: string;
  readonly tags: readonly string[];
}
interface State {
  readonly version: number;
  readonly lines: RecordTable<Line>;
  readonly seen?: Date;
}
type Event = { readonly type: 'opened'; readonly id: string };

const decider: Decider<State, Event, Event> = {
  kind: 'lines',
  initialState: { version: 0, lines: emptyTable() },
  decide: () => ({ ok: true, value: [] }),
  evolve(draft, e) {
    putRecord(draft.lines, e.id, { id: e.id, tags: [e.id] });
  },
};

const log = (from: number, ids: readonly string[]): Recorded<Event>[] =>
  ids.map((id, i) => ({
    type: 'opened',
    id,
    seq: from + i,
    at: '2025-10-16T09:00:00+08:00',
    actor: 't',
    schemaVersion: 1,
  }));

function everyObject(value: unknown, fn: (o: object) => void): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    fn(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
}

describe('replay', () => {
  it('freezes every object of the rebuilt state, shards and nested lists included', () => {
    const state = replay(decider, log(1, ['a', 'b', 'constructor']));
    let objects = 0;
    everyObject(state, (o) => {
      objects++;
      expect(Object.isFrozen(o)).toBe(true);
    });
    expect(objects).toBeGreaterThan(6);
  });

  it('continues from a replayed state with its shards still prototype-less', () => {
    const first = replay(decider, log(1, ['a', 'b']));
    const next = replay(decider, log(3, ['c']), { from: first });
    for (const shard of Object.values(next.lines)) expect(Object.getPrototypeOf(shard)).toBeNull();
    // a shard holding a record must not answer for an id it does not hold via Object.prototype
    expect(getRecord(next.lines, 'constructor')).toBeUndefined();
    expect(getRecord(next.lines, 'toString')).toBeUndefined();
    expect(getRecord(next.lines, 'c')).toEqual({ id: 'c', tags: ['c'] });
    expect(next.version).toBe(3);
    // the state continued from is left as it was
    expect(getRecord(first.lines, 'c')).toBeUndefined();
  });

  it('copies a `from` state holding more than plain data as structuredClone does', () => {
    const seen = new Date('2025-10-01T00:00:00Z');
    const from: State = { version: 0, lines: emptyTable(), seen };
    const state = replay(decider, log(1, ['a']), { from });
    expect(state.seen).toBeInstanceOf(Date);
    expect(state.seen).not.toBe(seen);
    expect(state.seen?.getTime()).toBe(seen.getTime());
  });

  it('copies a `from` state with an own __proto__ key without changing its prototype', () => {
    const from = JSON.parse('{"version":0,"lines":{},"__proto__":{"polluted":true}}') as State;
    const state = replay(decider, log(1, ['a']), { from, freeze: false });
    expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
    expect((state as unknown as { polluted?: boolean }).polluted).toBeUndefined();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
