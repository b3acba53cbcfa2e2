import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Recorded } from '../../src/core/index.js';
import { createMemoryEventStore, type EventStore } from '../../src/store/index.js';
import type { CounterEvent } from '../helpers/counter.js';
import { added, eventStoreContract } from './_contract.js';

describe('createMemoryEventStore', () => {
  const store = createMemoryEventStore<CounterEvent>();
  eventStoreContract(() => store);

  it('keeps separate stores apart', async () => {
    const a = createMemoryEventStore<CounterEvent>();
    const b = createMemoryEventStore<CounterEvent>();
    await a.append('s', 'counter', added(1, 1), 0);
    expect(await b.version('s')).toBe(0);
  });

  it('types its events by the store parameter', () => {
    expectTypeOf(createMemoryEventStore<CounterEvent>()).toEqualTypeOf<EventStore<CounterEvent>>();
    expectTypeOf<Awaited<ReturnType<EventStore<CounterEvent>['readStream']>>>().toEqualTypeOf<
      readonly Recorded<CounterEvent>[]
    >();
  });
});
