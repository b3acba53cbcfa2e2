/**
 * The contract against PGlite (PostgreSQL compiled to WASM): one file-backed instance for the whole
 * file (starting one costs seconds and ~750 MB), closed and reopened at the end to prove replay.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { replay } from '../../src/core/index.js';
import {
  createPostgresEventStore,
  type EventStore,
  MIGRATION_SQL,
  migrate,
  type SqlClient,
} from '../../src/store/index.js';
import { type CounterEvent, counter } from '../helpers/counter.js';
import { added, eventStoreContract } from './_contract.js';

const dir = mkdtempSync(join(tmpdir(), 'shijian-pglite-'));
let db: PGlite;
let store: EventStore<CounterEvent>;

beforeAll(async () => {
  db = new PGlite(dir);
  await db.waitReady;
  await migrate(db);
  store = createPostgresEventStore<CounterEvent>(db);
}, 120_000);

afterAll(async () => {
  if (!db.closed) await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('createPostgresEventStore on PGlite', () => {
  eventStoreContract(() => store);

  it('accepts PGlite as its client', () => {
    expectTypeOf<PGlite>().toExtend<SqlClient>();
  });

  it('migrates idempotently, into a schema-qualified table too', async () => {
    await migrate(db);
    await db.query('CREATE SCHEMA IF NOT EXISTS audit');
    await migrate(db, { table: 'audit.events' });
    await migrate(db, { table: 'audit.events' });
    const other = createPostgresEventStore<CounterEvent>(db, { table: 'audit.events' });
    expect(await other.append('s-1', 'counter', added(1, 2), 0)).toEqual({ ok: true, value: 2 });
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit.events');
    expect(rows[0]?.n).toBe(2);
    const indexes = await db.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE schemaname = 'audit' ORDER BY indexname",
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual(['events_kind_idx', 'events_pkey']);
  });

  it('ships a migration script that creates the same table', async () => {
    await db.exec('CREATE SCHEMA IF NOT EXISTS script');
    await db.exec(`SET search_path TO script; ${MIGRATION_SQL} SET search_path TO public;`);
    const scripted = createPostgresEventStore<CounterEvent>(db, { table: 'script.shijian_events' });
    expect(await scripted.append('s-1', 'counter', added(1, 1), 0)).toEqual({ ok: true, value: 1 });
    const columns = async (schema: string) =>
      (
        await db.query<{ c: string }>(
          "SELECT column_name || ' ' || data_type AS c FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
          [schema, 'shijian_events'],
        )
      ).rows.map((r) => r.c);
    expect(await columns('script')).toEqual(await columns('public'));
    expect(await columns('public')).toEqual([
      'stream_id text',
      'stream_kind text',
      'seq integer',
      'type text',
      'schema_version integer',
      'at text',
      'actor text',
      'payload jsonb',
      'recorded_at timestamp with time zone',
    ]);
  });

  it('keeps meta fields in columns and the rest in payload', async () => {
    await store.append('columns-1', 'counter', added(1, 1, { 备注: '抽检' }), 0);
    const { rows } = await db.query("SELECT * FROM shijian_events WHERE stream_id = 'columns-1'");
    expect(rows[0]).toMatchObject({
      stream_id: 'columns-1',
      stream_kind: 'counter',
      seq: 1,
      type: 'added',
      schema_version: 1,
      at: '2025-10-16T09:30:00+08:00',
      actor: '市场监管局办公室',
      payload: { id: 'item-1', amount: 1, 备注: '抽检' },
    });
  });

  it('refuses a table name it would have to quote', () => {
    for (const table of ['Events', 'events; DROP TABLE x', 'a.b.c', ''])
      expect(() => createPostgresEventStore(db, { table })).toThrow(/lower-case SQL name/);
  });

  it('lets a database failure reject the promise instead of posing as a refusal', async () => {
    const missing = createPostgresEventStore<CounterEvent>(db, { table: 'no_such_table' });
    await expect(missing.append('s', 'counter', added(1, 1), 0)).rejects.toThrow(/no_such_table/);
  });

  it('gives back the same events and state after the database is closed and reopened', async () => {
    const id = 'reopen-市局-2025';
    const events = added(1, 12, { 单位: { 名称: '城东市场监管所', 层级: ['市局', '县局', '所'] } });
    expect(await store.append(id, 'counter', events.slice(0, 7), 0)).toEqual({ ok: true, value: 7 });
    expect(await store.append(id, 'counter', events.slice(7), 7)).toEqual({ ok: true, value: 12 });
    const before = replay(counter, await store.readStream(id));
    const kindBefore = await store.readKind('counter');
    await db.close();

    db = new PGlite(dir);
    await db.waitReady;
    await migrate(db);
    store = createPostgresEventStore<CounterEvent>(db);
    const after = await store.readStream(id);
    expect(after).toEqual(events);
    expect(replay(counter, after)).toEqual(before);
    expect(await store.readKind('counter')).toEqual(kindBefore);
    expect(await store.append(id, 'counter', added(13, 1), 12)).toEqual({ ok: true, value: 13 });
  }, 120_000);
});
