import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWorkdays,
  createWorkCalendar,
  dueDate,
  type IsoDate,
  isWorkday,
  unwrap,
  workdaysBetween,
} from '../../../src/core/index.js';

const day = fc.integer({ min: 0, max: 8400 }).map((n) => addDays('2004-01-01', n));

describe('working days', () => {
  it('isWorkday follows the calendar', () => {
    expect(isWorkday('2025-10-08')).toBe(false);
    expect(isWorkday('2025-10-09')).toBe(true);
  });

  it('10 working days from 2025-09-26 skip the National Day week', () => {
    // 9-28 (Sun, worked), 9-29, 9-30, then 10-09, 10-10, 10-11 (Sat, worked), 10-13 … 10-16.
    expect(addWorkdays('2025-09-26', 10)).toBe('2025-10-16');
    expect(unwrap(dueDate('2025-09-26', { workdays: 10 }))).toBe('2025-10-16');
  });

  it('10 working days from 2025-01-24 skip the Spring Festival', () => {
    expect(addWorkdays('2025-01-24', 10)).toBe('2025-02-13');
  });

  it('counts backwards to the previous working day', () => {
    expect(addWorkdays('2025-10-09', -1)).toBe('2025-09-30');
    expect(addWorkdays('2025-10-13', 0)).toBe('2025-10-13');
    expect(workdaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    expect(workdaysBetween('2025-10-09', '2025-09-30')).toBe(-1);
  });

  it('workdaysBetween(d, addWorkdays(d, n)) === n', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 60 }), (d, n) => {
        expect(workdaysBetween(d, addWorkdays(d, n))).toBe(n);
      }),
      { numRuns: 500 },
    );
  });

  it('addWorkdays is monotonic in the amount and in the start day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -40, max: 40 }), fc.integer({ min: 0, max: 10 }), (d, n, k) => {
        expect(addWorkdays(d, n) <= addWorkdays(d, n + k)).toBe(true);
        expect(addWorkdays(d, n) <= addWorkdays(addDays(d, k), n)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a working-day count always lands on a working day', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (d, n) => {
        expect(isWorkday(addWorkdays(d, n))).toBe(true);
        expect(isWorkday(addWorkdays(d, -n))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects a fractional amount as a programmer error', () => {
    expect(() => addWorkdays('2025-01-02', 1.5)).toThrow(/whole number/);
  });

  it('a host calendar replaces the default', () => {
    const local = createWorkCalendar('local', [{ year: 2025, off: 'local-day 0102', on: '' }]);
    expect(isWorkday('2025-01-02', { calendar: local })).toBe(false);
    expect(addWorkdays('2025-01-01', 1, { calendar: local })).toBe('2025-01-03');
  });
});

describe('dueDate', () => {
  it('a calendar-day period ending on a holiday ends on the next working day', () => {
    expect(unwrap(dueDate('2025-09-24', { days: 7 }))).toBe('2025-10-09');
    expect(unwrap(dueDate('2025-09-01', { days: 3 }))).toBe('2025-09-04');
  });

  it('a fixed date is kept, but not before the start', () => {
    expect(unwrap(dueDate('2025-09-01', { date: '2025-09-30' }))).toBe('2025-09-30');
    const r = dueDate('2025-09-01', { date: '2025-08-30' });
    expect(r.ok).toBe(false);
    expect(r.errors?.[0]).toMatchObject({ code: 'core/dates-out-of-order', path: ['date'] });
  });

  it('refuses to guess outside the calendar unless allowed', () => {
    const r = dueDate('2026-12-28', { workdays: 10 });
    expect(r.ok).toBe(false);
    expect(r.errors?.[0]?.code).toBe('core/calendar-not-covered');
    expect(r.errors?.[0]?.message['zh-CN']).toContain('2027-01-11');
    const fallback = dueDate('2026-12-28', { workdays: 10 }, { allowFallback: true });
    expect(fallback).toEqual({ ok: true, value: '2027-01-11' });
    expect(dueDate('2003-06-02', { days: 1 }).ok).toBe(false);
  });

  it('refuses negative and fractional amounts', () => {
    expect(dueDate('2025-09-01', { workdays: -1 }).errors?.[0]).toMatchObject({
      code: 'core/invalid-deadline',
      path: ['workdays'],
    });
    expect(dueDate('2025-09-01', { days: 1.5 }).errors?.[0]).toMatchObject({
      code: 'core/invalid-deadline',
      path: ['days'],
    });
  });

  it('0 working days from a day off is the next working day, not the holiday itself', () => {
    // 2025-10-03 is National Day; 10-09 is the first working day after the 10-01..10-08 holiday
    expect(unwrap(dueDate('2025-10-03', { workdays: 0 }))).toBe('2025-10-09');
    // Sunday 2025-09-28 is a make-up workday: the same day
    expect(unwrap(dueDate('2025-09-28', { workdays: 0 }))).toBe('2025-09-28');
    expect(unwrap(dueDate('2025-09-26', { workdays: 0 }))).toBe('2025-09-26');
  });

  it('n working days later has exactly n working days between, and always ends on a working day', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 8000 }).map((n) => addDays('2004-01-01', n) as IsoDate),
        fc.integer({ min: 0, max: 30 }),
        (d, n) => {
          const r = dueDate(d, { workdays: n });
          if (!r.ok) return;
          expect(isWorkday(r.value)).toBe(true);
          // only 0 working days from a day off moves (to the next working day, one working day on)
          expect(workdaysBetween(d, r.value)).toBe(n === 0 && !isWorkday(d) ? 1 : n);
        },
      ),
      { numRuns: 200 },
    );
  });
});
