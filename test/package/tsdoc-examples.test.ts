import { relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  checkSnippets,
  compilerOptions,
  entryFiles,
  moduleOf,
  packageExports,
  root,
  type Snippet,
  snippet,
} from '../helpers/snippets.js';

/**
 * Every public function shows how it is called: its TSDoc carries an `@example`, which typedoc puts on its page
 * (functions marked `@internal` are exported for the package's own modules and are left out). Every example of every
 * export is type-checked against the source, in the context of its module: a name it uses that the module (or the
 * kernel, or exactly one other module) exports is imported from there; other names are the host's and taken as `any`.
 */
interface Exported {
  readonly module: string;
  readonly name: string;
  readonly isFunction: boolean;
  readonly tags: readonly string[];
  readonly examples: readonly Snippet[];
}

function exportedSymbols(): Exported[] {
  const program = ts.createProgram([...entryFiles], compilerOptions);
  const checker = program.getTypeChecker();
  const out: Exported[] = [];
  for (const entry of entryFiles) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry) as ts.SourceFile);
    for (const sym of module ? checker.getExportsOfModule(module) : []) {
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      const decl = target.declarations?.[0];
      const examples = (decl ? ts.getJSDocTags(decl) : [])
        .filter((t) => t.tagName.text === 'example')
        .map((t) => {
          const file = t.getSourceFile();
          const line = file.getLineAndCharacterOfPosition(t.getStart()).line + 2;
          const text = (ts.getTextOfJSDocComment(t.comment) ?? '').replace(/^```\w*\n?|\n?```\s*$/g, '');
          return snippet(`${relative(root, file.fileName)} (${sym.name})`, text.split('\n'), line);
        });
      out.push({
        module: moduleOf(entry),
        name: sym.name,
        isFunction: (target.flags & ts.SymbolFlags.Function) !== 0,
        tags: target.getJsDocTags(checker).map((t) => t.name),
        examples,
      });
    }
  }
  return out;
}

const symbols = exportedSymbols();
const exported = packageExports();
const moduleOfSource = new Map(symbols.flatMap((s) => s.examples.map((e) => [e.source, s.module] as const)));

/** Names the example's module exports (or the kernel, or one other module) are imported as the module's page implies. */
function checkExamples(examples: readonly Snippet[]): string[] {
  return checkSnippets(examples, (name, s) => {
    const from = exported.get(name) ?? [];
    const own = moduleOfSource.get(s.source) as string;
    const module = from.includes(own) ? own : from.includes('core') ? 'core' : from.length === 1 ? from[0] : undefined;
    return module ? { importLine: `import { ${name} } from 'shijian/${module}';` } : undefined;
  });
}

describe('TSDoc examples', () => {
  const functions = symbols.filter((s) => s.isFunction);

  it('are read from every module', () => {
    expect(functions.length).toBeGreaterThan(150);
    expect(new Set(functions.map((f) => f.module)).size).toBe(entryFiles.length);
  });

  it('are given for every public function', () => {
    const missing = functions.filter((f) => !f.tags.includes('internal') && !f.tags.includes('example'));
    expect(missing.map((f) => `${f.module}.${f.name}`)).toEqual([]);
  });

  it('type-check against the source', () => {
    const examples = symbols.flatMap((s) => s.examples);
    expect(examples.length).toBeGreaterThan(180);
    expect(checkExamples(examples)).toEqual([]);
  }, 120_000);

  it('would report an example that calls a function wrongly, its import taken from the module', () => {
    moduleOfSource.set('probe (dueDate)', 'core');
    moduleOfSource.set('probe (riskList)', 'risk');
    const problems = checkExamples([
      snippet('probe (dueDate)', ["dueDate('2025-09-26', { workdayz: 10 });", 'hostValue.anything();'], 1),
      snippet('probe (riskList)', ["riskList(state, { level: 'severe' });"], 5),
    ]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^probe \(dueDate\):1 TS2353 /);
    expect(problems[1]).toMatch(/^probe \(riskList\):5 TS2322 /);
  }, 120_000);
});
