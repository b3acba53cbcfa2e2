import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Every public function shows how it is called: its TSDoc carries an `@example`, which typedoc puts on its page.
 * Functions marked `@internal` are exported for the package's own modules and are left out.
 */
const root = resolve(import.meta.dirname, '../..');
const entries = readdirSync(resolve(root, 'src'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(resolve(root, 'src', d.name, 'index.ts')))
  .map((d) => resolve(root, 'src', d.name, 'index.ts'));

interface Exported {
  readonly name: string;
  readonly tags: readonly string[];
}

function exportedFunctions(): Exported[] {
  const program = ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Preserve,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const checker = program.getTypeChecker();
  const out: Exported[] = [];
  for (const entry of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry) as ts.SourceFile);
    for (const sym of module ? checker.getExportsOfModule(module) : []) {
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      if (!(target.flags & ts.SymbolFlags.Function)) continue;
      out.push({
        name: `${entry.split('/').at(-2)}.${sym.name}`,
        tags: target.getJsDocTags(checker).map((t) => t.name),
      });
    }
  }
  return out;
}

describe('TSDoc examples', () => {
  const functions = exportedFunctions();

  it('are read from every module', () => {
    expect(functions.length).toBeGreaterThan(150);
    expect(new Set(functions.map((f) => f.name.split('.')[0])).size).toBe(entries.length);
  });

  it('are given for every public function', () => {
    const missing = functions.filter((f) => !f.tags.includes('internal') && !f.tags.includes('example'));
    expect(missing.map((f) => f.name)).toEqual([]);
  });
});
