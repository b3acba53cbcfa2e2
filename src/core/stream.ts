import type { Recorded, Typed } from './decider.js';
import { coreError } from './errors-core.js';
import { err, ok, type Result } from './result.js';

/**
 * An append-only stream of one aggregate's events with optimistic concurrency, held in memory.
 * (`shijian/store` keeps the same contract in a database.)
 * @category Workflow
 */
export interface EventStream<E extends Typed> {
  /** The seq of the last event; 0 when empty. */
  readonly version: number;
  /** Events with `seq > fromVersion`, in order. */
  read(fromVersion?: number): readonly Recorded<E>[];
  /**
   * Appends events written against `expectedVersion`. A stale version is refused with
   * `core/version-conflict`, events whose seq do not follow on with `core/sequence-gap`; either way
   * nothing is appended. Returns the new version.
   */
  append(events: readonly Recorded<E>[], expectedVersion: number): Result<number>;
}

/**
 * Creates an in-memory {@link EventStream}.
 * @category Workflow
 * @example
 * const stream = createEventStream<LoopEvent>();
 * stream.append(executed.events, 0); // { ok: true, value: 3 }
 * stream.append(executed.events, 0); // core/version-conflict
 */
export function createEventStream<E extends Typed>(initial: readonly Recorded<E>[] = []): EventStream<E> {
  const log: Recorded<E>[] = [];
  const stream: EventStream<E> = {
    get version() {
      return log.length === 0 ? 0 : (log[log.length - 1] as Recorded<E>).seq;
    },
    read: (fromVersion = 0) => log.filter((e) => e.seq > fromVersion),
    append: (events, expectedVersion) => {
      const actual = stream.version;
      if (expectedVersion !== actual)
        return err(coreError('core/version-conflict', { expected: expectedVersion, actual }));
      for (let i = 0; i < events.length; i++) {
        const seq = (events[i] as Recorded<E>).seq;
        if (seq !== actual + i + 1)
          return err(coreError('core/sequence-gap', { expected: actual + i + 1, actual: seq }, [i, 'seq']));
      }
      log.push(...events.map((e) => Object.freeze({ ...e })));
      return ok(stream.version);
    },
  };
  if (initial.length > 0) {
    const r = stream.append(initial, 0);
    if (!r.ok) throw new Error(`[shijian] initial events are not a stream: ${r.errors[0]?.message.en}`);
  }
  return stream;
}
