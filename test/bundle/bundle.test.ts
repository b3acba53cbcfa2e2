import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// Bundles small consumer programs against the built dist/ (run by `npm run test:dist` after `npm run build`) and
// checks that each subpath stays small and pulls in no unrelated module. Ceilings are measured values plus ~25%;
// the measured size is recorded beside each.
interface Fixture {
  readonly name: string;
  readonly code: string;
  /** gzip bytes at most. */
  readonly ceiling: number;
  /** Strings that would only be there if an unrelated module had been bundled. */
  readonly mustNotContain: readonly string[];
}

const ROOT = new URL('../../', import.meta.url).pathname;

const fixtures: readonly Fixture[] = [
  // measured 2026-11-23: 3,899 bytes gzip (the working-day data for 2004–2026 is most of it)
  {
    name: 'core dueDate',
    code: `import { dueDate } from 'shijian/core'; console.log(dueDate('2025-09-26', { workdays: 10 }));`,
    ceiling: 4_900,
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
      for (const s of f.mustNotContain) expect(text.includes(s), `${f.name} contains ${s}`).toBe(false);
    });
  }
});
