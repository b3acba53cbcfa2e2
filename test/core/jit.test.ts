import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileParser, jitAvailable, parseMany } from '../../src/core/index.js';

describe('jitAvailable', () => {
  it('is true in a runtime that allows code generation', () => {
    expect(jitAvailable()).toBe(true);
  });

  it("follows zod's jitless setting, which hosts set under a strict Content-Security-Policy", () => {
    const before = z.config().jitless;
    const A = z.strictObject({ a: z.string() });
    z.config({ jitless: true });
    try {
      expect(jitAvailable()).toBe(false);
      const p = compileParser(A);
      expect(p.mode).toBe('interpreted');
      expect(p.parse({ a: 'x' })).toEqual({ ok: true, value: { a: 'x' } });
    } finally {
      z.config({ jitless: before });
    }
    expect(jitAvailable()).toBe(true);
    // the refusal was not remembered: with code generation allowed again, the same schema compiles
    expect(compileParser(A).mode).toBe('compiled');
  });

  it('falls back to the interpreter where new Function throws, with the same answers', () => {
    const child = fileURLToPath(new URL('./_no-eval-child.ts', import.meta.url));
    const run = spawnSync(process.execPath, ['--disallow-code-generation-from-strings', '--import', 'tsx', child], {
      encoding: 'utf8',
      timeout: 50_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout.trim().split('\n').at(-1) as string);
    expect(out).toEqual({
      jit: false,
      mode: 'interpreted',
      parsed: 100,
      errors: [
        ['core/out-of-range', [100, 'id']],
        ['core/out-of-range', [100, 'n']],
      ],
      tiered: 100,
    });
    // the same batch in this process, compiled, gives the same errors
    const Row = z.strictObject({ id: z.string().min(1), n: z.int().min(0) });
    const here = parseMany(compileParser(Row), [
      { id: 'r-0', n: 0 },
      { id: '', n: -1 },
    ]);
    expect(here.errors?.map((e) => [e.code, e.path[1]])).toEqual([
      ['core/out-of-range', 'id'],
      ['core/out-of-range', 'n'],
    ]);
  });
});
