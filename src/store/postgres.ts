import { coreError } from '../core/errors-core.js';
import { err, ok, type Recorded, type Typed } from '../core/index.js';
import { checkFromVersion, deepFreeze, encodeAppend } from './_lib/encode.js';
import { storeError } from './errors.js';
import {
  appendSql,
  checkTableName,
  DEFAULT_EVENT_TABLE,
  migrationStatements,
  readKindSql,
  readStreamSql,
  versionSql,
} from './sql.js';
import type { EventStore, StoredStream } from './store.js';

/**
 * Any PostgreSQL client with a `query(text, params)` method that resolves with `{ rows }`:
 * node-postgres' `Pool` or `Client`, PGlite, or a thin adapter over another driver. The store sends
 * one statement per call, with `$1`-style parameters, and never opens a transaction of its own.
 * @category Store
 */
export interface SqlClient {
  /** Runs one SQL statement with positional parameters and resolves with its rows as objects. */
  query(text: string, params?: unknown[]): Promise<{ readonly rows: readonly unknown[] }>;
}

/** Options of {@link createPostgresEventStore} and {@link migrate}. @category Store */
export interface PostgresStoreOptions {
  /** The event table, optionally schema-qualified (`'audit.events'`); default `'shijian_events'`. */
  readonly table?: string;
}

interface EventRow {
  readonly stream_id: string;
  readonly stream_kind: string;
  readonly seq: number | string;
  readonly type: string;
  readonly schema_version: number | string;
  readonly at: string;
  readonly actor: string;
  readonly payload: Record<string, unknown> | string;
}

interface HeadRow {
  readonly version: number | string;
  readonly kind: string | null;
  readonly inserted: number | string;
}

// Some drivers hand integers or jsonb back as text; accept both shapes.
const toInt = (v: number | string): number => (typeof v === 'number' ? v : Number(v));

function decodeRow<E extends Typed>(row: EventRow): Recorded<E> {
  const payload = typeof row.payload === 'string' ? (JSON.parse(row.payload) as Record<string, unknown>) : row.payload;
  return deepFreeze({
    type: row.type,
    ...payload,
    seq: toInt(row.seq),
    at: row.at,
    actor: row.actor,
    schemaVersion: toInt(row.schema_version),
  } as unknown as Recorded<E>);
}

const isUniqueViolation = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505';

/**
 * Creates the store's table and index when they are missing (`CREATE … IF NOT EXISTS`), so it is
 * safe to run at every start-up. Run it from one process: PostgreSQL's `IF NOT EXISTS` is not
 * proof against two sessions creating the same table at the same instant.
 * @category Store
 * @example
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
 * await migrate(pool);
 * const store = createPostgresEventStore(pool);
 */
export async function migrate(client: SqlClient, options: PostgresStoreOptions = {}): Promise<void> {
  for (const statement of migrationStatements(options.table ?? DEFAULT_EVENT_TABLE)) await client.query(statement);
}

/**
 * Creates an {@link EventStore} in a PostgreSQL table (see {@link MIGRATION_SQL} for its layout).
 *
 * Each append is one `INSERT … SELECT` statement, so it needs no transaction and works on a
 * `Pool`, where `BEGIN` and `COMMIT` could land on different connections. The statement reads the
 * stream's head and inserts the batch only when the head equals `expectedVersion`; PostgreSQL runs a
 * single statement atomically, so the batch is stored whole or not at all. Two writers who both see
 * the same head race on the primary key `(stream_id, seq)`: the second blocks until the first
 * commits, then fails with a unique violation, which the store reports as `core/version-conflict`.
 *
 * When `client` is a connection inside a transaction the host opened, the append joins that
 * transaction; a conflict then aborts it, as any failed statement does in PostgreSQL.
 * @category Store
 * @example
 * const store = createPostgresEventStore<LoopEvent>(pool);
 * const state = replay(loopDecider, await store.readStream('loop-2025-市局'));
 * const r = execute(loopDecider, state, command, ctx);
 * if (r.ok) {
 *   const saved = await store.append('loop-2025-市局', 'loop', r.value.events, state.version);
 *   // saved: { ok: true, value: newVersion }, or core/version-conflict when someone wrote first
 * }
 */
export function createPostgresEventStore<E extends Typed = Typed>(
  client: SqlClient,
  options: PostgresStoreOptions = {},
): EventStore<E> {
  const table = checkTableName(options.table ?? DEFAULT_EVENT_TABLE);
  const sql = {
    append: appendSql(table),
    readStream: readStreamSql(table),
    readKind: readKindSql(table),
    version: versionSql(table),
  };
  const version = async (streamId: string): Promise<number> => {
    const { rows } = await client.query(sql.version, [streamId]);
    const row = rows[0] as { readonly version: number | string } | undefined;
    return row ? toInt(row.version) : 0;
  };
  return {
    append: async (streamId, streamKind, events, expectedVersion) => {
      const encoded = encodeAppend(streamId, streamKind, events, expectedVersion);
      if (!encoded.ok) return encoded;
      const batch = `[${encoded.value.map((e) => e.json).join(',')}]`;
      let head: HeadRow;
      try {
        const { rows } = await client.query(sql.append, [streamId, streamKind, expectedVersion, batch]);
        head = rows[0] as HeadRow;
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        return err(coreError('core/version-conflict', { expected: expectedVersion, actual: await version(streamId) }));
      }
      if (head.kind !== null && head.kind !== streamKind)
        return err(
          storeError('store/kind-mismatch', { streamId, stored: head.kind, given: streamKind }, ['streamKind']),
        );
      const actual = toInt(head.version);
      if (actual !== expectedVersion)
        return err(coreError('core/version-conflict', { expected: expectedVersion, actual }));
      return ok(actual + toInt(head.inserted));
    },
    readStream: async (streamId, fromVersion = 0) => {
      checkFromVersion(fromVersion);
      const { rows } = await client.query(sql.readStream, [streamId, Math.min(fromVersion, 2_147_483_647)]);
      return (rows as readonly EventRow[]).map((r) => decodeRow<E>(r));
    },
    readKind: async (streamKind) => {
      const { rows } = await client.query(sql.readKind, [streamKind]);
      const found: StoredStream<E>[] = [];
      let current: { streamId: string; events: Recorded<E>[] } | undefined;
      const flush = () => {
        if (current)
          found.push({
            streamId: current.streamId,
            streamKind,
            version: current.events.length,
            events: current.events,
          });
      };
      for (const row of rows as readonly EventRow[]) {
        if (current?.streamId !== row.stream_id) {
          flush();
          current = { streamId: row.stream_id, events: [] };
        }
        current.events.push(decodeRow<E>(row));
      }
      flush();
      // The same order as the memory store whatever the database's collation.
      return found.sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
    },
    version,
  };
}
