import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

/**
 * Type-checks code blocks from the documentation (README and guide blocks, TSDoc `@example`s) against the source.
 * Blocks are sketches: they use names the page or the host set up (`ctx`, `state`, a request body). A name the block
 * neither declares nor imports is first offered to `resolve`, which may give the import that brings it in (a name
 * an earlier block of the page imported, an export of the function's own module) or report it; any other such name
 * is declared as `any`. What the compiler then says about the block is the list of problems.
 */
export type Line = readonly [text: string, sourceLine: number];

export interface Snippet {
  /** Where the block comes from, for messages: a page, or a module and export. */
  readonly source: string;
  readonly head: readonly Line[];
  readonly body: readonly Line[];
}

/** What to do with a name the block uses without declaring or importing it. */
export type Resolution = { readonly importLine: string } | { readonly problem: string } | undefined;

export const root = resolve(import.meta.dirname, '../..');

/** The index file of every public subpath (`src/<module>/index.ts`). */
export const entryFiles: readonly string[] = readdirSync(resolve(root, 'src'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(resolve(root, 'src', d.name, 'index.ts')))
  .map((d) => resolve(root, 'src', d.name, 'index.ts'));

/** The subpath's module name of an entry file: `src/loop/index.ts` → `loop`. */
export const moduleOf = (entry: string): string => entry.split('/').at(-2) as string;

export const compilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  strict: true,
  // sketches leave a callback's parameter untyped when its receiver is a host value (declared `any` here)
  noImplicitAny: false,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  skipLibCheck: true,
  noEmit: true,
  types: ['node'],
  paths: { shijian: [`${root}/src/index.ts`], 'shijian/*': [`${root}/src/*/index.ts`] },
};

/** A block split into its imports (kept at the top of the module) and the rest (run inside an async function). */
export function snippet(source: string, block: readonly string[], firstLine = 1): Snippet {
  const head: Line[] = [];
  const body: Line[] = [];
  let inImport = false;
  block.forEach((line, i) => {
    if (/^import\s/.test(line)) inImport = true;
    (inImport ? head : body).push([line, firstLine + i]);
    if (inImport && /\sfrom\s+['"][^'"]+['"];?\s*$|^import\s+['"][^'"]+['"];?\s*$/.test(line)) inImport = false;
  });
  return { source, head, body };
}

function render(s: Snippet, extra: readonly string[]): { readonly text: string; readonly lines: readonly number[] } {
  const all: Line[] = [
    ...s.head,
    ...extra.map((l): Line => [l, 0]),
    // `return` and `await` read as in a handler
    ['export async function snippet() {', 0],
    ...s.body,
    ['}', 0],
  ];
  return { text: all.map(([l]) => l).join('\n'), lines: all.map(([, n]) => n) };
}

interface Compiled {
  readonly snippet: Snippet;
  readonly lines: readonly number[];
  readonly file: ts.SourceFile;
  readonly diagnostics: readonly ts.Diagnostic[];
}

function compile(list: readonly Snippet[], extras: readonly (readonly string[])[]): Compiled[] {
  const files = new Map(
    list.map((s, i) => [resolve(root, `.snippets/s${i}.ts`), { s, ...render(s, extras[i] ?? []) }] as const),
  );
  const host = ts.createCompilerHost(compilerOptions);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, version, ...rest) => {
    const f = files.get(name);
    return f ? ts.createSourceFile(name, f.text, version) : getSourceFile.call(host, name, version, ...rest);
  };
  host.fileExists = (name) => files.has(name) || fileExists.call(host, name);
  host.readFile = (name) => files.get(name)?.text ?? readFile.call(host, name);
  const program = ts.createProgram([...files.keys()], compilerOptions, host);
  return [...files].map(([name, f]) => {
    const file = program.getSourceFile(name) as ts.SourceFile;
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    return { snippet: f.s, lines: f.lines, file, diagnostics };
  });
}

const where = (c: Compiled, d: ts.Diagnostic): string =>
  `${c.snippet.source}:${c.lines[c.file.getLineAndCharacterOfPosition(d.start ?? 0).line] ?? 0}`;

// TS2304: cannot find name; TS18004: no value in scope for a shorthand property `{ name }`.
const UNDECLARED = new Set([2304, 18004]);

/** Every problem the compiler finds in the blocks, as `source:line TScode message`. */
export function checkSnippets(
  list: readonly Snippet[],
  resolveName: (name: string, s: Snippet, shorthand: boolean) => Resolution,
): string[] {
  const problems: string[] = [];
  const extras = compile(
    list,
    list.map(() => []),
  ).map((c) => {
    const add = new Set<string>();
    const declared = new Set<string>();
    for (const d of c.diagnostics) {
      if (!UNDECLARED.has(d.code) || d.start === undefined) continue;
      const name = c.file.text.slice(d.start, d.start + (d.length ?? 0));
      const r = resolveName(name, c.snippet, d.code === 18004);
      if (r && 'importLine' in r) add.add(r.importLine);
      else {
        if (r) problems.push(`${where(c, d)} ${r.problem}`);
        // a value and a type of the same name live side by side, so the name works in either position
        if (!declared.has(name)) add.add(`declare let ${name}: any; type ${name} = any;`);
        declared.add(name);
      }
    }
    return [...add];
  });
  for (const c of compile(list, extras))
    for (const d of c.diagnostics)
      problems.push(`${where(c, d)} TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  return problems;
}

/** Every export name of every public subpath, with the module(s) exporting it. */
export function packageExports(): Map<string, string[]> {
  const program = ts.createProgram([...entryFiles], compilerOptions);
  const checker = program.getTypeChecker();
  const out = new Map<string, string[]>();
  for (const entry of entryFiles) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entry) as ts.SourceFile);
    for (const sym of module ? checker.getExportsOfModule(module) : [])
      out.set(sym.name, [...(out.get(sym.name) ?? []), moduleOf(entry)]);
  }
  return out;
}
