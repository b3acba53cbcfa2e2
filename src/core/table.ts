/**
 * Records indexed by id and split into up to 256 shards, so that changing one record copies one
 * shard of about N/256 entries instead of an object of N (design.md, performance rules).
 * @category Workflow
 */
export type RecordTable<T> = { readonly [shard: string]: { readonly [id: string]: T } };

/**
 * The empty table.
 * @category Workflow
 * @example
 * const initialState: State = { version: 0, lines: emptyTable<Line>() };
 */
export function emptyTable<T>(): RecordTable<T> {
  return {};
}

// The 256 shard keys, built once: a key made per call (`s${n}`) is a fresh string that the
// property lookup must first find in V8's string table, which cost more than the hash itself.
const SHARD_KEYS: readonly string[] = /* @__PURE__ */ Array.from({ length: 256 }, (_, n) => `s${n}`);

/** The shard an id lives in (FNV-1a of the id, 256 ways; stored states depend on it). @internal */
export function shardOf(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return SHARD_KEYS[h & 0xff] as string;
}

/**
 * The record with this id, if any.
 * @category Workflow
 * @example
 * const dir = unwrap(parseDirectory(snapshot));
 * getRecord(dir.units, 'wh')?.name['zh-CN']; // '威海市市场监督管理局'; undefined for an id not in the table
 */
export function getRecord<T>(table: RecordTable<T>, id: string): T | undefined {
  const shard = table[shardOf(id)];
  if (shard === undefined) return undefined;
  const found = shard[id];
  // Shards are built without a prototype, so an id such as 'constructor' finds nothing; a state copied by
  // structuredClone or JSON (a worker message, a cache) has shards with Object.prototype, whose members are
  // not records. The own-key check runs only for such copies.
  return found === undefined || Object.getPrototypeOf(shard) === null || Object.hasOwn(shard, id) ? found : undefined;
}

// The writable shard of a table being drafted that holds (or will hold) this id, created when missing.
function writableShard<T>(table: RecordTable<T>, id: string): Record<string, T> {
  const key = shardOf(id);
  const writable = table as Record<string, Record<string, T>>;
  let shard = writable[key];
  if (shard === undefined) {
    shard = Object.create(null) as Record<string, T>;
    writable[key] = shard;
  }
  return shard;
}

/**
 * Sets a record in a table being drafted (inside an `evolve` recipe).
 * @category Workflow
 * @example
 * // in a decider's evolve(draft, event), on an 'opened' event:
 * putRecord(draft.lines, event.id, { id: event.id, status: 'open' });
 */
export function putRecord<T>(table: RecordTable<T>, id: string, value: T): void {
  writableShard(table, id)[id] = value;
}

/**
 * Every record of a table, sorted by id.
 * @category Workflow
 * @example
 * const dir = unwrap(parseDirectory(snapshot));
 * allRecords(dir.units).map((u) => u.id); // every unit's id, in order
 */
export function allRecords<T>(table: RecordTable<T>): T[] {
  const ids: string[] = [];
  for (const shard of Object.values(table)) for (const id of Object.keys(shard)) ids.push(id);
  ids.sort();
  return ids.map((id) => getRecord(table, id) as T);
}

/**
 * Calls `fn` for every record, in no particular order (the fast path for aggregates).
 * @category Workflow
 * @example
 * const dir = unwrap(parseDirectory(snapshot));
 * let stations = 0;
 * forEachRecord(dir.units, (u) => {
 *   if (u.kind === 'station') stations++;
 * });
 */
export function forEachRecord<T>(table: RecordTable<T>, fn: (record: T, id: string) => void): void {
  for (const shard of Object.values(table)) for (const id of Object.keys(shard)) fn(shard[id] as T, id);
}

/** How many records a table holds. @category Workflow @example countRecords(dir.units); // units of every date, ended ones included */
export function countRecords<T>(table: RecordTable<T>): number {
  let n = 0;
  for (const shard of Object.values(table)) n += Object.keys(shard).length;
  return n;
}
