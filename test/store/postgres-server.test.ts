/**
 * The contract against a real PostgreSQL server: DATABASE_URL when set, otherwise the throw-away
 * server test/setup/postgres.ts starts on 127.0.0.1. Writers race over a pool of real connections.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, expectTypeOf, inject, it } from 'vitest';
import { createPostgresEventStore, type EventStore, migrate, type SqlClient } from '../../src/store/index.js';
import type { CounterEvent } from '../helpers/counter.js';
import { added, eventStoreContract } from './_contract.js';

// undefined when the globalSetup is not configured at all.
const url = inject('postgresUrl') ?? '';
const reason =
  inject('postgresSkipReason') ??
  "vitest's globalSetup test/setup/postgres.ts is not configured and DATABASE_URL is not provided to the tests";
if (!url) console.warn(`[shijian] PostgreSQL server suite skipped: ${reason}`);
// A table of our own, so a shared DATABASE_URL server is left as it was found.
const table = `shijian_test_${process.pid}_${Date.now().toString(36)}`;

describe.skipIf(!url)(
  url ? 'createPostgresEventStore on a PostgreSQL server' : `PostgreSQL server (skipped: ${reason})`,
  () => {
    let pool: pg.Pool;
    let store: EventStore<CounterEvent>;

    beforeAll(async () => {
      pool = new pg.Pool({ connectionString: url, max: 6 });
      await migrate(pool, { table });
      store = createPostgresEventStore<CounterEvent>(pool, { table });
    });

    afterAll(async () => {
      if (!pool) return;
      await pool.query(`DROP TABLE IF EXISTS ${table}`);
      await pool.end();
    });

    eventStoreContract(() => store);

    it('accepts a node-postgres Pool and Client as its client', () => {
      expectTypeOf<pg.Pool>().toExtend<SqlClient>();
      expectTypeOf<pg.Client>().toExtend<SqlClient>();
      expectTypeOf<pg.PoolClient>().toExtend<SqlClient>();
    });

    it('reports a writer who lost on the primary key as core/version-conflict, having written nothing', async () => {
      // The first writer holds its seq 1 uncommitted, so the second writer's statement, which has
      // already seen an empty stream, must wait on the key and then fail on it.
      const first = await pool.connect();
      try {
        await first.query('BEGIN');
        const inTx = createPostgresEventStore<CounterEvent>(first, { table });
        expect(await inTx.append('pk-race', 'counter', added(1, 1, { writer: 'first' }), 0)).toEqual({
          ok: true,
          value: 1,
        });
        const second = store.append('pk-race', 'counter', added(1, 3, { writer: 'second' }), 0);
        // Give the second statement time to reach the key lock before the first commits.
        await new Promise((r) => setTimeout(r, 300));
        const { rows } = await pool.query(
          "SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH head AS%'",
        );
        expect(rows[0]?.waiting).toBe(1);
        await first.query('COMMIT');
        const r = await second;
        expect(r.errors?.[0]).toMatchObject({ code: 'core/version-conflict', details: { expected: 0, actual: 1 } });
      } finally {
        first.release();
      }
      const stored = await store.readStream('pk-race');
      expect(stored.map((e) => (e as unknown as { writer: string }).writer)).toEqual(['first']);
    });

    it('joins a transaction the host opened, so a rollback takes the events back', async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const inTx = createPostgresEventStore<CounterEvent>(client, { table });
        expect(await inTx.append('tx-rollback', 'counter', added(1, 2), 0)).toEqual({ ok: true, value: 2 });
        await client.query('ROLLBACK');
      } finally {
        client.release();
      }
      expect(await store.version('tx-rollback')).toBe(0);
    });
  },
);
