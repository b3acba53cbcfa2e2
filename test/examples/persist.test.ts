/**
 * The year's persistence on a PostgreSQL server, the path the demo takes with DATABASE_URL set: the
 * server from test/setup/postgres.ts (or DATABASE_URL itself). The PGlite default is what `npm run demo`
 * runs in .ci/run; both go through the same `persist`.
 */
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { bureauYear } from '../../examples/bureau-year.js';
import { persist } from '../../examples/year/persist.js';

const url = inject('postgresUrl') ?? '';
const reason = inject('postgresSkipReason') ?? 'the PostgreSQL globalSetup is not configured';
if (!url) console.warn(`[shijian] demo persistence on a server skipped: ${reason}`);

describe.skipIf(!url)(url ? 'the demo persistence with DATABASE_URL' : `demo on a server (skipped: ${reason})`, () => {
  it('stores every event of the year, reopens the server connection and replays to the same states', async () => {
    const y = bureauYear();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const count = async () =>
        Number((await client.query('SELECT count(*) AS n FROM shijian_events')).rows[0]?.n ?? 0);
      const before = await count().catch(() => 0);
      const report = await persist({ loop: y.loop, risk: y.risk, brand: y.brand }, url);
      const total = y.loop.events.length + y.risk.events.length + y.brand.events.length;
      expect(report.engine).toBe('DATABASE_URL');
      expect(report.events).toBe(total);
      expect(report.same).toBe(true);
      // nothing lost or written twice: exactly the year's events were added
      expect((await count()) - before).toBe(total);
    } finally {
      await client.end();
    }
  });

  it('reports a difference when the stored log does not replay to the state it is compared with', async () => {
    const y = bureauYear();
    // a state one event short of the log: replay must not match it
    const short = { ...y.risk, state: { ...y.risk.state, version: y.risk.state.version - 1 } };
    const report = await persist({ loop: y.loop, risk: short, brand: y.brand }, url);
    expect(report.same).toBe(false);
  });
});
