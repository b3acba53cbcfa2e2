import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEventStream, execute, fixedContext, type Recorded } from '../../src/core/index.js';
import { type CounterEvent, counter } from '../helpers/counter.js';

const ctx = fixedContext();
function eventsFor(n: number, from = 0): Recorded<CounterEvent>[] {
  return Array.from({ length: n }, (_, i) => ({
    type: 'added' as const,
    id: 'a',
    amount: 1,
    seq: from + i + 1,
    at: ctx.now(),
    actor: 'system',
    schemaVersion: 1,
  }));
}

describe('EventStream', () => {
  it('appends at the expected version and reads back in order', () => {
    const r = execute(counter, counter.initialState, { type: 'add', id: 'a', amount: 1 }, ctx);
    const stream = createEventStream<CounterEvent>();
    expect(r.ok && stream.append(r.value.events, 0)).toEqual({ ok: true, value: 1 });
    expect(stream.version).toBe(1);
    expect(stream.read()).toHaveLength(1);
    expect(stream.read(1)).toHaveLength(0);
  });

  it('a stale expected version is refused and changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 8 }), (have, expected) => {
        const stream = createEventStream<CounterEvent>(eventsFor(have));
        const before = stream.read();
        const r = stream.append(eventsFor(1, expected), expected);
        if (expected === have) expect(r.ok).toBe(true);
        else {
          expect(r.errors?.[0]?.code).toBe('core/version-conflict');
          expect(stream.read()).toEqual(before);
          expect(stream.version).toBe(have);
        }
      }),
    );
  });

  it('events whose seq do not follow are refused', () => {
    const stream = createEventStream<CounterEvent>();
    const r = stream.append(eventsFor(2, 1), 0);
    expect(r.errors?.[0]).toMatchObject({ code: 'core/sequence-gap', path: [0, 'seq'] });
    expect(stream.version).toBe(0);
  });
});
