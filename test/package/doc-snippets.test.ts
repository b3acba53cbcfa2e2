import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The TypeScript blocks of the README and the guides are type-checked against the source, so a renamed export, a
 * changed command field or a wrong argument shows up here rather than in a reader's editor. A page's blocks read as
 * one story: a later block uses what an earlier one imported, so each block also gets the page's imports of the names
 * it uses without importing. Names declared nowhere (`ctx`, a request body: host code the page only sketches) are let
 * through (TS2304, TS18004), unless the package exports them: then the page is missing the import. Everything else
 * the compiler says about a block fails the test.
 */
type Line = readonly [text: string, pageLine: number];
interface Snippet {
  readonly page: string;
  readonly head: readonly Line[];
  readonly body: readonly Line[];
}

const root = resolve(import.meta.dirname, '../..');
const pages = ['README.md', ...readdirSync(resolve(root, 'docs/guide')).map((f) => `docs/guide/${f}`)].filter((p) =>
  p.endsWith('.md'),
);

/** Imports stay at the top of the module; the rest goes into an async function, so `return` and `await` read as in a handler. */
function snippet(page: string, block: readonly string[], firstLine: number): Snippet {
  const head: Line[] = [];
  const body: Line[] = [];
  let inImport = false;
  block.forEach((line, i) => {
    if (/^import\s/.test(line)) inImport = true;
    (inImport ? head : body).push([line, firstLine + i]);
    if (inImport && /\sfrom\s+['"][^'"]+['"];?\s*$|^import\s+['"][^'"]+['"];?\s*$/.test(line)) inImport = false;
  });
  return { page, head, body };
}

function render(s: Snippet, extra: readonly string[]): { readonly text: string; readonly lines: readonly number[] } {
  const all: Line[] = [
    ...s.head,
    ...extra.map((l): Line => [l, 0]),
    ['export async function snippet() {', 0],
    ...s.body,
    ['}', 0],
  ];
  return { text: all.map(([l]) => l).join('\n'), lines: all.map(([, n]) => n) };
}

function snippetsOf(page: string): Snippet[] {
  const out: Snippet[] = [];
  let block: string[] | undefined;
  let start = 0;
  readFileSync(resolve(root, page), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (block === undefined && /^```(ts|typescript)\s*$/.test(line)) {
        block = [];
        start = i + 2;
      } else if (block !== undefined && /^```\s*$/.test(line)) {
        out.push(snippet(page, block, start));
        block = undefined;
      } else block?.push(line);
    });
  return out;
}

/** Name → the import line that brings it in, over every block of the snippets' pages. */
function importsByName(list: readonly Snippet[]): Map<string, Map<string, string>> {
  const byPage = new Map<string, Map<string, string>>();
  for (const s of list) {
    const names = byPage.get(s.page) ?? new Map<string, string>();
    byPage.set(s.page, names);
    const text = s.head.map(([l]) => l).join(' ');
    for (const m of text.matchAll(/import\s+(type\s+)?(?:(\w+)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s+'([^']+)'/g)) {
      const [, typeOnly = '', byDefault, named = '', from] = m;
      if (byDefault) names.set(byDefault, `import ${typeOnly}${byDefault} from '${from}';`);
      for (const part of named
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean)) {
        const local = part.split(/\s+as\s+/).pop() as string;
        names.set(local.replace(/^type\s+/, ''), `import ${typeOnly}{ ${part} } from '${from}';`);
      }
    }
  }
  return byPage;
}

const snippets = pages.flatMap(snippetsOf);
// TS2304: cannot find name; TS18004: no value in scope for a shorthand property.
const undeclared = new Set([2304, 18004]);

const options: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
  paths: { shijian: [`${root}/src/index.ts`], 'shijian/*': [`${root}/src/*/index.ts`] },
};
const entries = readdirSync(resolve(root, 'src'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(resolve(root, 'src', d.name, 'index.ts')))
  .map((d) => resolve(root, 'src', d.name, 'index.ts'));

interface Compiled {
  readonly name: string;
  readonly lines: readonly number[];
  readonly diagnostics: readonly ts.Diagnostic[];
  readonly file: ts.SourceFile;
}

function compile(list: readonly Snippet[], extras: readonly (readonly string[])[]) {
  const files = new Map(
    list.map((s, i) => [resolve(root, `.doc-snippets/s${i}.ts`), render(s, extras[i] ?? [])] as const),
  );
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) => {
    const f = files.get(name);
    return f ? ts.createSourceFile(name, f.text, version) : getSourceFile.call(host, name, version, ...rest);
  };
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name)?.text ?? readFile.call(host, name);
  const program = ts.createProgram([...files.keys(), ...entries], options, host);
  const checker = program.getTypeChecker();
  const exported = new Map<string, string>();
  for (const e of entries) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(e) as ts.SourceFile);
    const sub = `shijian/${e.split('/').at(-2)}`;
    for (const sym of module ? checker.getExportsOfModule(module) : []) exported.set(sym.name, sub);
  }
  const compiled: Compiled[] = [...files].map(([name, f]) => {
    const file = program.getSourceFile(name) as ts.SourceFile;
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    return { name, lines: f.lines, diagnostics, file };
  });
  return { compiled, exported };
}

const where = (c: Compiled, d: ts.Diagnostic, page: string): string =>
  `${page}:${c.lines[c.file.getLineAndCharacterOfPosition(d.start ?? 0).line] ?? 0}`;

/** Every problem the compiler finds in the blocks, as `page:line TScode message`. */
function check(list: readonly Snippet[] = snippets): string[] {
  const pageImports = importsByName(list);
  const first = compile(
    list,
    list.map(() => []),
  );
  const problems: string[] = [];
  const extras = first.compiled.map((c, i) => {
    const s = list[i] as Snippet;
    const add = new Set<string>();
    for (const d of c.diagnostics) {
      // a shorthand property (TS18004) is the block's own value, whatever the page imports under that name
      if (d.code !== 2304 || d.start === undefined) continue;
      const name = c.file.text.slice(d.start, d.start + (d.length ?? 0));
      const line = pageImports.get(s.page)?.get(name);
      if (line) add.add(line);
      else if (first.exported.has(name))
        problems.push(
          `${where(c, d, s.page)} uses ${name} from '${first.exported.get(name)}' but the page never imports it`,
        );
    }
    return [...add];
  });
  for (const [i, c] of compile(list, extras).compiled.entries())
    for (const d of c.diagnostics)
      if (!undeclared.has(d.code))
        problems.push(
          `${where(c, d, (list[i] as Snippet).page)} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
        );
  return problems;
}

describe('the TypeScript blocks of the README and the guides', () => {
  it('are found on every page that has them', () => {
    const perPage = new Set(snippets.map((s) => s.page));
    expect(perPage.has('README.md')).toBe(true);
    expect(snippets.length).toBeGreaterThanOrEqual(20);
  });

  it('import only what the package exports and call it with the right types', () => {
    expect(check()).toEqual([]);
  }, 120_000);

  it('would report a renamed export, a wrong field, a later block misusing an import and a missing import', () => {
    const problems = check([
      snippet('probe.md', ["import { dueDatee } from 'shijian/core';", 'dueDatee;'], 1),
      snippet(
        'probe.md',
        ["import { dueDate } from 'shijian/core';", "dueDate('2025-09-26', { workdayz: 10 });", 'return;'],
        10,
      ),
      // a later block on the page uses the import above without repeating it
      snippet('probe.md', ["dueDate('2025-09-26', { workdays: '10' });", 'hostValue;'], 20),
      // another page uses a package export it never imports
      snippet('other.md', ["isWorkday('2025-10-11');"], 30),
    ]);
    expect(problems.some((p) => /^probe\.md:1 TS(2724|2305) /.test(p))).toBe(true);
    expect(problems.some((p) => p.startsWith('probe.md:11 TS2353 '))).toBe(true);
    expect(problems.some((p) => p.startsWith('probe.md:12'))).toBe(false);
    expect(problems.some((p) => p.startsWith('probe.md:20 TS2322 '))).toBe(true);
    expect(problems.some((p) => p.startsWith('probe.md:21'))).toBe(false);
    expect(problems).toContain("other.md:30 uses isWorkday from 'shijian/core' but the page never imports it");
  }, 120_000);
});
