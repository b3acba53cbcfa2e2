import { coreError } from '../core/errors-core.js';
import { err, ok, type Recorded, type Typed } from '../core/index.js';
import { checkFromVersion, deepFreeze, encodeAppend } from './_lib/encode.js';
import { storeError } from './errors.js';
import type { EventStore, StoredStream } from './store.js';

interface MemoryStream<E> {
  readonly kind: string;
  readonly events: Recorded<E>[];
}

/**
 * Creates an {@link EventStore} held in memory, for tests, examples and short-lived tools. It keeps
 * the whole contract of the PostgreSQL store, JSON round trip included (each event is stored as the
 * parse of its JSON text), so code tested against it behaves the same against a database.
 * @category Store
 * @example
 * const store = createMemoryEventStore<LoopEvent>();
 * await store.append('loop-2025-市局', 'loop', executed.events, 0); // { ok: true, value: 3 }
 * await store.append('loop-2025-市局', 'loop', executed.events, 0); // core/version-conflict
 * const events = await store.readStream('loop-2025-市局');
 */
export function createMemoryEventStore<E extends Typed = Typed>(): EventStore<E> {
  const streams = new Map<string, MemoryStream<E>>();
  const versionOf = (streamId: string): number => streams.get(streamId)?.events.length ?? 0;
  return {
    // No await inside: each call runs to completion before the next starts, so racing appends serialize.
    append: async (streamId, streamKind, events, expectedVersion) => {
      const encoded = encodeAppend(streamId, streamKind, events, expectedVersion);
      if (!encoded.ok) return encoded;
      const stream = streams.get(streamId);
      if (stream && stream.kind !== streamKind)
        return err(
          storeError('store/kind-mismatch', { streamId, stored: stream.kind, given: streamKind }, ['streamKind']),
        );
      const actual = versionOf(streamId);
      if (actual !== expectedVersion)
        return err(coreError('core/version-conflict', { expected: expectedVersion, actual }));
      if (encoded.value.length === 0) return ok(actual);
      const target = stream ?? { kind: streamKind, events: [] };
      if (!stream) streams.set(streamId, target);
      for (const e of encoded.value) target.events.push(deepFreeze(JSON.parse(e.json) as Recorded<E>));
      return ok(target.events.length);
    },
    readStream: async (streamId, fromVersion = 0) => {
      checkFromVersion(fromVersion);
      // seq n sits at index n - 1: appends refuse gaps.
      return streams.get(streamId)?.events.slice(fromVersion) ?? [];
    },
    readKind: async (streamKind) => {
      const found: StoredStream<E>[] = [];
      for (const [streamId, s] of streams)
        if (s.kind === streamKind)
          found.push({ streamId, streamKind, version: s.events.length, events: [...s.events] });
      return found.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    },
    version: async (streamId) => versionOf(streamId),
  };
}
