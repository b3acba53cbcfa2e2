import { describe, expect, it } from 'vitest';
import { checkHostile } from './check.js';
import { targets } from './targets.js';

describe('hostile input', () => {
  for (const t of targets) {
    it(`${t.label}: the valid sample passes`, () => {
      expect(t.run(structuredClone(t.sample)).ok).toBe(true);
    });
    it(`${t.label}: every hostile case is refused with coded errors, without throwing, mutating or polluting`, () => {
      expect(checkHostile(t.label, t.sample, t.run).length).toBeGreaterThan(50);
    });
  }
});
