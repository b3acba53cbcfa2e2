/** The table the PostgreSQL store uses unless told otherwise. @category Store */
export const DEFAULT_EVENT_TABLE = 'shijian_events';

const tableName = /^[a-z_][a-z0-9_]{0,62}(?:\.[a-z_][a-z0-9_]{0,62})?$/;

/** Checks a host-given table name before it is spliced into SQL (names cannot be bound parameters). */
export function checkTableName(table: string): string {
  if (!tableName.test(table))
    throw new Error(
      `[shijian] table must be a lower-case SQL name, optionally schema-qualified (e.g. 'audit.events'); got ${JSON.stringify(table)}`,
    );
  return table;
}

/**
 * The statements that create the event table and its index; each is idempotent, and each is sent
 * on its own because some clients (PGlite's `query`) take one statement per call.
 */
export function migrationStatements(table: string = DEFAULT_EVENT_TABLE): readonly string[] {
  const t = checkTableName(table);
  const bare = t.slice(t.indexOf('.') + 1);
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (
  stream_id      text        NOT NULL,
  stream_kind    text        NOT NULL,
  seq            integer     NOT NULL CHECK (seq > 0),
  type           text        NOT NULL,
  schema_version integer     NOT NULL DEFAULT 1 CHECK (schema_version > 0),
  at             text        NOT NULL,
  actor          text        NOT NULL,
  payload        jsonb       NOT NULL DEFAULT '{}'::jsonb,
  recorded_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (stream_id, seq)
)`,
    `CREATE INDEX IF NOT EXISTS ${bare}_kind_idx ON ${t} (stream_kind, stream_id, seq)`,
  ];
}

/** The statements of {@link migrationStatements} as one script. */
export function migrationScript(table: string): string {
  return `${migrationStatements(table).join(';\n\n')};\n`;
}

/**
 * The migration that creates the store's table, as one SQL script for hosts that run migrations
 * with their own tool (Flyway, Liquibase, a DBA's console). {@link migrate} runs the same statements.
 *
 * One row per event; `(stream_id, seq)` is the primary key, which is what makes racing appends safe:
 * two writers cannot both store seq n of one stream. `at` is the event's instant as written, offset
 * included (text, so it reads back unchanged; cast with `at::timestamptz` to query by time);
 * `payload` holds the event's own fields; `recorded_at` is the database's clock at insert, for audit.
 * @category Store
 */
export const MIGRATION_SQL: string = /* @__PURE__ */ migrationScript(DEFAULT_EVENT_TABLE);

/** The single statement of an append; see `createPostgresEventStore` for why one statement suffices. */
export function appendSql(table: string): string {
  return `WITH head AS (
  SELECT coalesce(max(seq), 0)::integer AS version, min(stream_kind) AS kind
  FROM ${table} WHERE stream_id = $1::text
), inserted AS (
  INSERT INTO ${table} (stream_id, stream_kind, seq, type, schema_version, at, actor, payload)
  SELECT $1::text, $2::text, (e.doc->>'seq')::integer, e.doc->>'type', (e.doc->>'schemaVersion')::integer,
         e.doc->>'at', e.doc->>'actor', e.doc - 'type' - 'seq' - 'at' - 'actor' - 'schemaVersion'
  FROM head, jsonb_array_elements($4::text::jsonb) AS e(doc)
  WHERE head.version = $3::integer AND (head.kind IS NULL OR head.kind = $2::text)
  RETURNING seq
)
SELECT head.version, head.kind, (SELECT count(*) FROM inserted)::integer AS inserted FROM head`;
}

/** Columns every read selects, in the order `decodeRow` expects them by name. */
const columns = 'stream_id, stream_kind, seq, type, schema_version, at, actor, payload';

/** Reads one stream from a version. */
export function readStreamSql(table: string): string {
  return `SELECT ${columns} FROM ${table} WHERE stream_id = $1::text AND seq > $2::integer ORDER BY seq`;
}

/** Reads every stream of a kind, grouped by stream. */
export function readKindSql(table: string): string {
  return `SELECT ${columns} FROM ${table} WHERE stream_kind = $1::text ORDER BY stream_id, seq`;
}

/** The version of one stream. */
export function versionSql(table: string): string {
  return `SELECT coalesce(max(seq), 0)::integer AS version FROM ${table} WHERE stream_id = $1::text`;
}
