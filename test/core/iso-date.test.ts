import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../src/core/index.js';

/**
 * The oracle for isIsoDate, which every date field of every bulk-parsed record runs through: the
 * `YYYY-MM-DD` pattern, and the day must survive a round trip through the proleptic Gregorian calendar.
 */
function oracle(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const nearDate = fc.oneof(
  fc.tuple(digits(4), digits(2), digits(2)).map(([y, m, d]) => `${y}-${m}-${d}`),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.tuple(fc.date({ noInvalidDate: true }), fc.nat(9), fc.string({ maxLength: 1 })).map(([d, at, ch]) => {
    const s = d.toISOString().slice(0, 10);
    return s.slice(0, at) + ch + s.slice(at + 1);
  }),
  fc.anything(),
);

describe('isIsoDate', () => {
  it('agrees with the calendar on near-dates, mangled dates and anything else', () => {
    fc.assert(
      fc.property(nearDate, (v) => {
        expect(isIsoDate(v)).toBe(oracle(v));
      }),
      { numRuns: 5000 },
    );
  });

  it('knows the leap years and refuses what only looks like a date', () => {
    expect(['2024-02-29', '2000-02-29', '0000-02-29', '2025-12-31'].map(isIsoDate)).toEqual([true, true, true, true]);
    expect(['1900-02-29', '2025-02-29', '2025-04-31', '2025-00-10', '2025-10-00'].some(isIsoDate)).toBe(false);
    expect(['2025-1-01', '2025-10-16\n', ' 2025-10-16', '２０２５-10-16', '2025/10/16'].some(isIsoDate)).toBe(false);
  });
});
