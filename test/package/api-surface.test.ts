import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { compilerOptions, entryFiles, moduleOf } from '../helpers/snippets.js';

// Exports, error codes and event types are public API (style.md L15): any change to them shows in this snapshot.
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
const subpaths = Object.keys(pkg.exports).filter((k) => k !== './package.json');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Every event `type` a module can record, read from the types rather than the text: the literal members of the
 * `type` field of each exported `*Event` type, so types built from templates (org's `unit-added`, `unit-ended`, …)
 * are listed as well as those written out.
 */
function eventTypes(): Set<string> {
  const program = ts.createProgram([...entryFiles], compilerOptions);
  const checker = program.getTypeChecker();
  const out = new Set<string>();
  for (const entry of entryFiles) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry) as ts.SourceFile);
    for (const sym of module ? checker.getExportsOfModule(module) : []) {
      if (!sym.name.endsWith('Event')) continue;
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      if (!(target.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) continue;
      const type = checker.getDeclaredTypeOfSymbol(target);
      for (const member of type.isUnion() ? type.types : [type]) {
        const field = member.getProperty('type');
        if (!field) continue;
        const value = checker.getTypeOfSymbol(field);
        for (const literal of value.isUnion() ? value.types : [value])
          if (literal.isStringLiteral()) out.add(`${moduleOf(entry)}:${literal.value}`);
      }
    }
  }
  return out;
}

describe('API surface', () => {
  it('matches the recorded snapshot', { timeout: 120_000 }, async () => {
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
    const events = eventTypes();
    for (const f of src) {
      const text = readFileSync(f, 'utf8');
      if (text.includes('defineErrors('))
        for (const m of text.matchAll(/^\s*'([a-z]+\/[a-z0-9-]+)':\s*\{/gm)) codes.add(m[1] as string);
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
