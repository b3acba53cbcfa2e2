/**
 * Stores the year's events with `shijian/store`, closes the database, reopens it and replays: the
 * state read back must equal the state computed. PGlite in a temporary folder by default (its first
 * start runs initdb, the one slow step: a few seconds); the server in DATABASE_URL when set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { type BrandEvent, brandDecider } from 'shijian/brand';
import { type Decider, type Recorded, replay, type Typed, unwrap, type VersionedState } from 'shijian/core';
import { type LoopEvent, loopDecider } from 'shijian/loop';
import { type RiskEvent, riskDecider } from 'shijian/risk';
import { createPostgresEventStore, migrate, type SqlClient } from 'shijian/store';

/** What the year stores: one stream per module, with the state each must replay to. */
export interface YearStreams {
  readonly loop: { readonly state: VersionedState; readonly events: readonly Recorded<LoopEvent>[] };
  readonly risk: { readonly state: VersionedState; readonly events: readonly Recorded<RiskEvent>[] };
  readonly brand: { readonly state: VersionedState; readonly events: readonly Recorded<BrandEvent>[] };
}

/** The outcome: where it was stored, how many events, whether replay matched, and how long each step took. */
export interface PersistReport {
  readonly engine: 'PGlite' | 'DATABASE_URL';
  readonly events: number;
  readonly same: boolean;
  readonly ms: { readonly open: number; readonly write: number; readonly reopen: number; readonly replay: number };
}

type Client = SqlClient & { close?: () => Promise<void>; end?: () => Promise<void> };

/** Writes, closes, reopens once and replays; removes the temporary folder afterwards. */
export async function persist(y: YearStreams, url = process.env.DATABASE_URL): Promise<PersistReport> {
  const dir = url ? undefined : mkdtempSync(joinPath(tmpdir(), 'shijian-year-'));
  const open = async (): Promise<Client> => {
    if (url) {
      const pg = (await import('pg')).default;
      return new pg.Pool({ connectionString: url }) as unknown as Client;
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const db = new PGlite(dir);
    await db.waitReady;
    return db as unknown as Client;
  };
  const shut = async (c: Client) => {
    if (c.close) await c.close();
    else if (c.end) await c.end();
  };
  const clock = () => performance.now();
  // a fresh stream name per run, so a shared server keeps earlier runs apart
  const stream = `year-2025-${Date.now().toString(36)}`;
  const kinds = ['loop', 'risk', 'brand'] as const;
  try {
    let t = clock();
    let client = await open();
    const tOpen = clock() - t;
    t = clock();
    await migrate(client);
    for (const kind of kinds) {
      const store = createPostgresEventStore<Typed>(client);
      unwrap(await store.append(`${stream}-${kind}`, kind, y[kind].events, 0));
    }
    await shut(client);
    const tWrite = clock() - t;
    t = clock();
    client = await open();
    const tReopen = clock() - t;
    t = clock();
    const deciders = { loop: loopDecider, risk: riskDecider, brand: brandDecider } as const;
    let same = true;
    for (const kind of kinds) {
      const back = await createPostgresEventStore<Typed>(client).readStream(`${stream}-${kind}`);
      const state = replay(deciders[kind] as unknown as Decider<VersionedState, Typed, Typed>, back);
      // jsonb keeps its own key order, so compare by value, not by JSON text
      same &&= isDeepStrictEqual(state, y[kind].state);
    }
    await shut(client);
    const events = kinds.reduce((n, k) => n + y[k].events.length, 0);
    return {
      engine: url ? 'DATABASE_URL' : 'PGlite',
      events,
      same,
      ms: { open: tOpen, write: tWrite, reopen: tReopen, replay: clock() - t },
    };
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}
