import { coreError } from '../../core/errors-core.js';
import { type DomainError, err, ok, type Recorded, type Result, type Typed } from '../../core/index.js';
import { type EventField, storeError } from '../errors.js';

/** PostgreSQL's `integer`, the type of `seq` and `schema_version`. */
export const maxInt = 2_147_483_647;
/** Ids and kinds longer than this are refused: they are keys, not content. */
export const maxKeyLength = 200;
/** The most events one append takes: the hostile-input array limit. */
export const maxBatch = 100_000;

/** An event ready to store: its seq and the JSON text of the whole event (meta fields included). */
export interface EncodedEvent {
  readonly seq: number;
  readonly json: string;
}

/** The fields every stored event carries in its own column; everything else is its payload. */
export const metaFields: readonly EventField[] = ['type', 'seq', 'at', 'actor', 'schemaVersion'];

const isInt = (v: unknown, min: number): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= maxInt;
// PostgreSQL text refuses NUL, so a key holding one is refused here rather than by the server.
const isKey = (v: unknown): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= maxKeyLength && !v.includes('\u0000');
// Escapes JSON.stringify writes for NUL and for lone surrogates, not preceded by an escaped backslash.
const escapedNul = /(?:^|[^\\])(?:\\\\)*\\u0000/;
const loneSurrogate = /(?:^|[^\\])(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

function checkField(e: Record<string, unknown>, field: EventField): boolean {
  const v = e[field];
  switch (field) {
    case 'type':
    case 'at':
      return typeof v === 'string' && v.length > 0;
    case 'actor':
      return typeof v === 'string';
    case 'seq':
    case 'schemaVersion':
      return isInt(v, 1);
  }
}

/**
 * Checks an append request the same way for every store, before any state is consulted: the keys,
 * the expected version, each event's meta fields, that seqs follow on from `expectedVersion`, and
 * that each event survives JSON (and PostgreSQL's jsonb). Returns the events encoded as JSON text.
 */
export function encodeAppend<E extends Typed>(
  streamId: unknown,
  streamKind: unknown,
  events: readonly Recorded<E>[],
  expectedVersion: unknown,
): Result<readonly EncodedEvent[]> {
  if (!isKey(streamId)) return err(storeError('store/invalid-stream-id', { limit: maxKeyLength }, ['streamId']));
  if (!isKey(streamKind)) return err(storeError('store/invalid-stream-kind', { limit: maxKeyLength }, ['streamKind']));
  if (!isInt(expectedVersion, 0))
    return err(storeError('store/invalid-expected-version', { value: String(expectedVersion) }, ['expectedVersion']));
  // Events may come from outside (a queue, a client): refuse a non-array or an oversized batch with a code.
  if (!Array.isArray(events)) return err(coreError('core/invalid-type', { expected: 'array' }, ['events']));
  if (events.length > maxBatch)
    return err(coreError('core/too-long', { limit: maxBatch, length: events.length }, ['events']));
  const errors: DomainError[] = [];
  const encoded: EncodedEvent[] = [];
  let broken = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as unknown;
    if (e === null || typeof e !== 'object' || Array.isArray(e)) {
      errors.push(storeError('store/invalid-event', { field: 'type' }, ['events', i]));
      continue;
    }
    const fields = metaFields.filter((f) => !checkField(e as Record<string, unknown>, f));
    for (const f of fields) errors.push(storeError('store/invalid-event', { field: f }, ['events', i, f]));
    if (fields.length > 0) continue;
    const seq = (e as Recorded<E>).seq;
    const wanted = expectedVersion + i + 1;
    if (seq !== wanted) {
      // After the first break every later seq is off too; one error says it.
      if (!broken) errors.push(coreError('core/sequence-gap', { expected: wanted, actual: seq }, ['events', i, 'seq']));
      broken = true;
      continue;
    }
    let json: string;
    try {
      json = JSON.stringify(e);
    } catch {
      errors.push(storeError('store/unstorable-payload', { reason: 'not-json' }, ['events', i]));
      continue;
    }
    if (escapedNul.test(json)) {
      errors.push(storeError('store/unstorable-payload', { reason: 'nul-character' }, ['events', i]));
      continue;
    }
    if (loneSurrogate.test(json)) {
      errors.push(storeError('store/unstorable-payload', { reason: 'lone-surrogate' }, ['events', i]));
      continue;
    }
    encoded.push({ seq, json });
  }
  const [first, ...rest] = errors;
  return first ? err(first, ...rest) : ok(encoded);
}

/** Throws on a read position the types allow but nothing can mean (NaN, -1, 1.5): a programmer error. */
export function checkFromVersion(fromVersion: number): void {
  if (!Number.isInteger(fromVersion) || fromVersion < 0)
    throw new Error(`[shijian] fromVersion must be a whole number, at least 0; got ${String(fromVersion)}`);
}

/** Freezes a freshly decoded event and everything in it, so readers can share it safely. */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object' || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
  return value;
}
