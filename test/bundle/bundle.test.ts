import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Bundles small consumer programs against the built dist/ (run by `npm run test:dist` after `npm run build`) and
// checks that each subpath stays small and pulls in no unrelated module. Ceilings are measured values plus ~20–25%;
// the measured size is recorded beside each.
interface Fixture {
  readonly name: string;
  readonly code: string;
  /** gzip bytes at most. */
  readonly ceiling: number;
  /** Strings that show the module itself is there (so the absence checks can fail). */
  readonly mustContain?: readonly string[];
  /** Strings that would only be there if an unrelated module had been bundled. */
  readonly mustNotContain: readonly string[];
}

const ROOT = new URL('../../', import.meta.url).pathname;

const fixtures: readonly Fixture[] = [
  // measured 2026-12-07: 3,951 bytes gzip (the working-day data for 2004–2026 is most of it)
  {
    name: 'core dueDate',
    code: `import { dueDate } from 'shijian/core'; console.log(dueDate('2025-09-26', { workdays: 10 }));`,
    ceiling: 4_900,
    mustNotContain: ['loop/', 'risk/', 'rating/', 'brand/', 'org/', 'store/'],
  },
  // measured 2026-12-07 (fourth session): 12,955 bytes gzip (earlier that day 10,756; +~2.2 KB is formerParents:
  // dated parents, past-cycle and repeated-entry checks; 2026-11-23: 7,048, then +~3.5 KB the lean parser generator)
  {
    name: 'org parseDirectory',
    code: `import { parseDirectory } from 'shijian/org'; console.log(parseDirectory({ units: [] }));`,
    ceiling: 15_900,
    mustContain: ['org/'],
    mustNotContain: ['loop/', 'risk/', 'rating/', 'brand/', 'store/'],
  },
  // measured 2026-12-07: 9,322 bytes gzip (2026-11-23: 5,749; +~3.5 KB is the lean parser generator)
  {
    name: 'brand parseBrandCommand',
    code: `import { parseBrandCommand } from 'shijian/brand'; console.log(parseBrandCommand({ type: 'declare' }));`,
    ceiling: 11_200,
    mustContain: ['brand/'],
    mustNotContain: ['loop/', 'risk/', 'rating/', 'store/'],
  },
  // measured 2026-12-07: 16,181 bytes gzip (2026-11-23: 11,945; +~3.5 KB is the lean parser generator)
  {
    name: 'loop decideLoop',
    code: `import { decideLoop, emptyLoop } from 'shijian/loop'; import { fixedContext } from 'shijian/core';
      console.log(decideLoop(emptyLoop(), { type: 'strike-off', problemId: 'p-1' }, fixedContext({ now: '2025-10-16T09:00:00+08:00' })));`,
    ceiling: 19_400,
    mustContain: ['loop/'],
    mustNotContain: ['risk/', 'rating/', 'brand/', 'store/'],
  },
  // measured 2026-12-07: 9,101 bytes gzip (2026-11-23: 5,622; +~3.5 KB is the lean parser generator)
  {
    name: 'risk parseRiskMethod',
    code: `import { parseRiskMethod, rateRisk } from 'shijian/risk'; const m = parseRiskMethod({}); console.log(m, rateRisk);`,
    ceiling: 10_900,
    mustContain: ['risk/'],
    mustNotContain: ['loop/', 'rating/', 'brand/', 'store/'],
  },
  // measured 2026-12-07: 15,985 bytes gzip (2026-11-23: 12,523; +~3.5 KB is the lean parser generator)
  {
    name: 'rating evaluateMany',
    code: `import { evaluateMany, parseIndicatorTree } from 'shijian/rating'; console.log(evaluateMany, parseIndicatorTree({}));`,
    ceiling: 19_200,
    mustContain: ['rating/'],
    mustNotContain: ['loop/', 'risk/', 'brand/', 'store/'],
  },
  // measured 2026-12-07: 3,261 bytes gzip
  {
    name: 'store createMemoryEventStore',
    code: `import { createMemoryEventStore } from 'shijian/store'; console.log(createMemoryEventStore());`,
    ceiling: 3_900,
    mustContain: ['store/'],
    mustNotContain: ['loop/', 'risk/', 'rating/', 'brand/', 'org/'],
  },
];

async function gzipBytes(code: string): Promise<{ bytes: number; text: string }> {
  const out = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['zod', 'immer', 'date-fns', '@date-fns/tz'],
    logLevel: 'silent',
  });
  const text = out.outputFiles[0]?.text ?? '';
  return { bytes: gzipSync(text).length, text };
}

describe('bundles of the built package', () => {
  it('dist/ exists (run npm run build first)', () => {
    expect(existsSync(`${ROOT}dist/index.js`)).toBe(true);
  });
  for (const f of fixtures) {
    it(`${f.name}: under ${f.ceiling} bytes gzip and without unrelated modules`, async () => {
      const { bytes, text } = await gzipBytes(f.code);
      console.log(`bundle ${f.name}: ${bytes} bytes gzip`);
      expect(bytes).toBeLessThanOrEqual(f.ceiling);
      for (const s of f.mustContain ?? []) expect(text.includes(s), `${f.name} lacks ${s}`).toBe(true);
      for (const s of f.mustNotContain) expect(text.includes(s), `${f.name} contains ${s}`).toBe(false);
    });
  }
});
