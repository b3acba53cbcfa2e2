import { type RecordTable, shardOf } from '../../core/index.js';

/**
 * The writable shard of a table being drafted that holds (or will hold) this id, created when
 * missing, as `putRecord` creates it. A recipe that reads a record and writes its successor takes
 * the shard once and uses it for both, so the id is hashed and the shard looked up once, not twice
 * (`getRecord` then `putRecord`). Under `replay` the shard is the private accumulator's; under
 * `execute` it is an immer draft.
 */
export function shardFor<T>(table: RecordTable<T>, id: string): Record<string, T> {
  const key = shardOf(id);
  const writable = table as Record<string, Record<string, T>>;
  let shard = writable[key];
  if (shard === undefined) {
    // prototype-less like every shard, so an id such as 'constructor' cannot reach Object.prototype
    shard = Object.create(null) as Record<string, T>;
    writable[key] = shard;
  }
  return shard;
}
