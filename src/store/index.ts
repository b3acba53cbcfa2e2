/**
 * Durable event streams for shijian's workflows: an {@link EventStore} contract with an in-memory
 * implementation and a PostgreSQL one that takes any client with `query(text, params)`
 * (node-postgres, PGlite, or a PostgreSQL-compatible server's driver). The only part of the package
 * that performs I/O, and only through the client the host passes in.
 * @module store
 */

export type { EventField, PayloadProblem, StoreErrorCode } from './errors.js';
export { createMemoryEventStore } from './memory.js';
export { createPostgresEventStore, migrate, type PostgresStoreOptions, type SqlClient } from './postgres.js';
export { DEFAULT_EVENT_TABLE, MIGRATION_SQL } from './sql.js';
export type { EventStore, StoredStream } from './store.js';
