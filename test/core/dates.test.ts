import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOf,
  daysBetween,
  halfYearOf,
  InstantSchema,
  IsoDateSchema,
  isIsoDate,
  isoDate,
  isoWeekday,
  periodRange,
  quarterOf,
  startOfDay,
  yearOf,
} from '../../src/core/index.js';

describe('IsoDate', () => {
  it('accepts real days and rejects impossible ones', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    expect(IsoDateSchema.safeParse('2025-10-16').success).toBe(true);
    expect(IsoDateSchema.safeParse('2025-02-30').success).toBe(false);
    expect(() => isoDate('2100-02-29')).toThrow(/not a calendar day/);
  });

  it('Instant needs an offset and a real time', () => {
    expect(InstantSchema.safeParse('2025-10-16T09:30:00+08:00').success).toBe(true);
    expect(InstantSchema.safeParse('2025-10-16T09:30:00Z').success).toBe(true);
    expect(InstantSchema.safeParse('2025-10-16T09:30:00').success).toBe(false);
    expect(InstantSchema.safeParse('2025-10-16T24:00:00+08:00').success).toBe(false);
  });

  it('does day arithmetic across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(daysBetween('2025-01-01', '2026-01-01')).toBe(365);
    expect(isoWeekday('2025-10-01')).toBe(3);
    expect(isoWeekday('2025-09-28')).toBe(7);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -3000, max: 3000 }), (base, n) => {
        const d = addDays('1990-01-01', base);
        expect(daysBetween(d, addDays(d, n))).toBe(n);
      }),
    );
  });

  it('takes the calendar day of an instant in Beijing by default', () => {
    expect(dateOf('2025-09-30T17:00:00Z')).toBe('2025-10-01');
    expect(dateOf('2025-09-30T17:00:00Z', 'UTC')).toBe('2025-09-30');
    expect(startOfDay('2025-10-01')).toBe('2025-10-01T00:00:00+08:00');
  });

  it('names quarters, half years and their ranges', () => {
    expect(quarterOf('2025-10-16')).toBe('2025-Q4');
    expect(halfYearOf('2025-06-30')).toBe('2025-H1');
    expect(halfYearOf('2025-07-01')).toBe('2025-H2');
    expect(yearOf('2025-07-01')).toBe(2025);
    expect(periodRange('2025-Q1')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
    expect(periodRange('2024-H1')).toEqual({ from: '2024-01-01', to: '2024-06-30' });
    expect(periodRange('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });
});
