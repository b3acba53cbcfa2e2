import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSnippets, packageExports, root, type Snippet, snippet } from '../helpers/snippets.js';

/**
 * The TypeScript blocks of the README and the guides are type-checked against the source, so a renamed export, a
 * changed command field or a wrong argument shows up here rather than in a reader's editor. A page's blocks read as
 * one story: a later block uses what an earlier one imported, so each block also gets the page's imports of the names
 * it uses without importing. A package export that the page never imports is reported; other undeclared names are
 * the host's (`ctx`, a request body) and are taken as `any`.
 */
const pages = ['README.md', ...readdirSync(resolve(root, 'docs/guide')).map((f) => `docs/guide/${f}`)].filter((p) =>
  p.endsWith('.md'),
);

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

/** Page → name → the import line that brings the name in, over every block of the page. */
function importsByPage(list: readonly Snippet[]): Map<string, Map<string, string>> {
  const byPage = new Map<string, Map<string, string>>();
  for (const s of list) {
    const names = byPage.get(s.source) ?? new Map<string, string>();
    byPage.set(s.source, names);
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

const exported = packageExports();
const snippets = pages.flatMap(snippetsOf);

function check(list: readonly Snippet[] = snippets): string[] {
  const imports = importsByPage(list);
  return checkSnippets(list, (name, s, shorthand) => {
    // a shorthand property `{ metrics }` is the block's own value, whatever the page imports under that name
    if (shorthand) return undefined;
    const importLine = imports.get(s.source)?.get(name);
    if (importLine) return { importLine };
    const from = exported.get(name);
    return from ? { problem: `uses ${name} from 'shijian/${from[0]}' but the page never imports it` } : undefined;
  });
}

describe('the TypeScript blocks of the README and the guides', () => {
  it('are found on every page that has them', () => {
    const perPage = new Set(snippets.map((s) => s.source));
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
