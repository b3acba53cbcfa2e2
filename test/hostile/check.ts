import { expect } from 'vitest';
import type { DomainError, Result } from '../../src/core/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { type HostileCase, hostileCases } from './corpus.js';

/** Codes seen across the hostile runs, for the summary `npm run test:hostile` prints. */
export const seenCodes = new Map<string, number>();
export let caseCount = 0;

/**
 * Runs one function over the corpus of a valid sample: it must never throw, must answer ok:false with coded,
 * bilingual errors (or ok:true where the mutation happens to be valid), must not mutate its frozen input, and must
 * not pollute Object.prototype.
 */
export function checkHostile(label: string, sample: unknown, fn: (input: unknown) => Result<unknown>): HostileCase[] {
  const cases = hostileCases(sample);
  for (const c of cases) {
    let r: Result<unknown> | undefined;
    const input = c.input === null || typeof c.input !== 'object' ? c.input : deepFreeze(c.input);
    expect(() => {
      r = fn(input);
    }, `${label}: ${c.name} threw`).not.toThrow();
    expect(({} as Record<string, unknown>).polluted, `${label}: ${c.name} polluted Object.prototype`).toBeUndefined();
    expect(typeof r?.ok, `${label}: ${c.name}`).toBe('boolean');
    if (r && !r.ok) {
      expect(r.errors.length, `${label}: ${c.name}`).toBeGreaterThan(0);
      for (const e of r.errors as DomainError[]) {
        expect(e.code, `${label}: ${c.name}`).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
        expect(e.message['zh-CN'].length > 0 && e.message.en.length > 0, `${label}: ${c.name}`).toBe(true);
        expect(Array.isArray(e.path), `${label}: ${c.name}`).toBe(true);
        seenCodes.set(e.code, (seenCodes.get(e.code) ?? 0) + 1);
      }
    }
    caseCount++;
  }
  return cases;
}
