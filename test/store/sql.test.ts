import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_TABLE, MIGRATION_SQL } from '../../src/store/index.js';
import { checkTableName, migrationStatements } from '../../src/store/sql.js';

const squash = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/\s*;\s*/g, ';')
    .trim();

describe('migration', () => {
  it('is the script the guide documents, statement for statement', () => {
    const guide = readFileSync(new URL('../../docs/guide/store.md', import.meta.url), 'utf8');
    const block = /```text\n([\s\S]*?)```/.exec(guide)?.[1] ?? '';
    expect(squash(block)).toBe(squash(MIGRATION_SQL));
  });

  it('creates the default table and names the index after a custom one', () => {
    expect(MIGRATION_SQL).toContain(`CREATE TABLE IF NOT EXISTS ${DEFAULT_EVENT_TABLE} (`);
    const [table, index] = migrationStatements('audit.events');
    expect(table).toContain('CREATE TABLE IF NOT EXISTS audit.events (');
    expect(index).toBe('CREATE INDEX IF NOT EXISTS events_kind_idx ON audit.events (stream_kind, stream_id, seq)');
  });

  it('accepts plain lower-case names only, since names cannot be bound parameters', () => {
    expect(checkTableName('shijian_events')).toBe('shijian_events');
    expect(checkTableName('audit.events_2025')).toBe('audit.events_2025');
    for (const bad of ['Events', '"events"', 'events;drop table x', 'a.b.c', '1events', 'x'.repeat(64)])
      expect(() => checkTableName(bad)).toThrow(/lower-case SQL name/);
  });
});
