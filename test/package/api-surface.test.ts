import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Exports, error codes and event types are public API (style.md L15): any change to them shows in this snapshot.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('API surface', () => {
  it('matches the recorded snapshot', async () => {
    const lines: string[] = ['# API surface', ''];
    for (const sub of subpaths) {
      const path = sub === '.' ? '../../src/index.ts' : `../../src/${sub.slice(2)}/index.ts`;
      const mod = (await import(path)) as Record<string, unknown>;
      lines.push(
        `## ${sub === '.' ? 'shijian' : `shijian/${sub.slice(2)}`}`,
        '',
        Object.keys(mod).sort().join(', '),
        '',
      );
    }
    const src = files('src').sort();
    const codes = new Set<string>();
    const events = new Set<string>();
    for (const f of src) {
      const text = readFileSync(f, 'utf8');
      if (text.includes('defineErrors('))
        for (const m of text.matchAll(/^\s*'([a-z]+\/[a-z0-9-]+)':\s*\{/gm)) codes.add(m[1] as string);
      if (/events?\.ts$/.test(f) || f.includes('/events/'))
        for (const m of text.matchAll(/type:\s*'([a-z0-9-]+)'/g)) events.add(`${f.split('/')[1]}:${m[1]}`);
    }
    lines.push(
      '## Error codes',
      '',
      [...codes].sort().join('\n'),
      '',
      '## Event types',
      '',
      [...events].sort().join('\n'),
      '',
    );
    await expect(lines.join('\n')).toMatchFileSnapshot('./__snapshots__/api-surface.md');
  });
});
