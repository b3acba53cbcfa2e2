import type { Recorded, Result, Typed } from '../core/index.js';

/**
 * One stream as read back by {@link EventStore.readKind}: its id and kind, its version (the seq of
 * its last event) and its events in order.
 * @category Store
 */
export interface StoredStream<E extends Typed = Typed> {
  readonly streamId: string;
  readonly streamKind: string;
  readonly version: number;
  readonly events: readonly Recorded<E>[];
}

/**
 * Durable, append-only event streams with optimistic concurrency: the same contract as the kernel's
 * in-memory `EventStream`, for many streams, behind a promise. Each stream has an id (one aggregate,
 * e.g. one bureau's loop ledger) and a kind (the decider's `kind`, e.g. `'loop'`).
 *
 * Refusals are values: `append` resolves with `core/version-conflict` when `expectedVersion` is
 * stale, `core/sequence-gap` when the events' `seq` do not follow on from it, or a `store/*` code for
 * input it cannot keep, and in every case writes nothing. Only infrastructure failures (a lost
 * connection, a missing table) reject the promise.
 *
 * Events are stored as JSON: what `JSON.stringify` drops (`undefined` fields) does not come back, and
 * events read back are deep-frozen copies, never the objects that were appended.
 * @category Store
 */
export interface EventStore<E extends Typed = Typed> {
  /**
   * Appends events to a stream written against `expectedVersion` (0 for a new stream) and resolves
   * with the stream's new version. All or nothing: of two writers racing on one version exactly
   * one wins; the other gets `core/version-conflict` and nothing of its batch is written.
   */
  append(
    streamId: string,
    streamKind: string,
    events: readonly Recorded<E>[],
    expectedVersion: number,
  ): Promise<Result<number>>;
  /** The events of one stream with `seq > fromVersion` (default 0), in order; `[]` for an unknown stream. */
  readStream(streamId: string, fromVersion?: number): Promise<readonly Recorded<E>[]>;
  /** Every stream of one kind, ordered by stream id, each with all its events in order. */
  readKind(streamKind: string): Promise<readonly StoredStream<E>[]>;
  /** The seq of a stream's last event; 0 for an unknown or empty stream. */
  version(streamId: string): Promise<number>;
}
