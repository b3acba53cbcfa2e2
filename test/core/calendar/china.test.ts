import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaWorkCalendar,
  createWorkCalendar,
  extendCalendar,
  type IsoDate,
} from '../../../src/core/index.js';

describe('chinaWorkCalendar', () => {
  it('covers 2004 through 2026', () => {
    expect(chinaWorkCalendar.coverage).toEqual({ from: 2004, to: 2026 });
    expect(chinaWorkCalendar.covers('2026-12-31')).toBe(true);
    expect(chinaWorkCalendar.covers('2027-01-01')).toBe(false);
    expect(chinaWorkCalendar.covers('2003-12-31')).toBe(false);
  });

  it('agrees with the chinese-days package on every day of 2004–2026', () => {
    const mismatches: string[] = [];
    for (let d: IsoDate = '2004-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      if (chinaWorkCalendar.isWorkday(d) !== chineseDays.isWorkday(d)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });

  it('2024 follows 国办发明电〔2023〕7号', () => {
    const y = chinaWorkCalendar.years.find((x) => x.year === 2024);
    expect(y?.notice).toBe('国办发明电〔2023〕7号');
    for (const d of ['2024-02-10', '2024-02-17', '2024-06-10', '2024-10-07'] as const)
      expect(chinaWorkCalendar.isWorkday(d), d).toBe(false);
    for (const d of [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ] as const)
      expect(chinaWorkCalendar.describe(d).kind, d).toBe('adjusted-workday');
  });

  it('2025 follows 国办发明电〔2024〕12号', () => {
    expect(chinaWorkCalendar.describe('2025-01-26')).toMatchObject({
      kind: 'adjusted-workday',
      workday: true,
      holiday: 'spring-festival',
    });
    for (let d: IsoDate = '2025-01-28'; d <= '2025-02-04'; d = addDays(d, 1))
      expect(chinaWorkCalendar.isWorkday(d), d).toBe(false);
    for (let d: IsoDate = '2025-10-01'; d <= '2025-10-08'; d = addDays(d, 1))
      expect(chinaWorkCalendar.isWorkday(d), d).toBe(false);
    expect(chinaWorkCalendar.isWorkday('2025-09-28')).toBe(true);
    expect(chinaWorkCalendar.isWorkday('2025-10-11')).toBe(true);
    expect(chinaWorkCalendar.isWorkday('2025-02-08')).toBe(true);
    expect(chinaWorkCalendar.isWorkday('2025-04-27')).toBe(true);
    expect(chinaWorkCalendar.describe('2025-01-01')).toMatchObject({ kind: 'holiday', holiday: 'new-year' });
    expect(chinaWorkCalendar.isWorkday('2025-01-02')).toBe(true);
  });

  it('2026 follows the notice of 2025-11-04', () => {
    for (const d of ['2026-01-02', '2026-02-15', '2026-02-23', '2026-06-19', '2026-09-25', '2026-10-07'] as const)
      expect(chinaWorkCalendar.isWorkday(d), d).toBe(false);
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'] as const)
      expect(chinaWorkCalendar.isWorkday(d), d).toBe(true);
    // October 2026 has 18 working days.
    let n = 0;
    for (let d: IsoDate = '2026-10-01'; d <= '2026-10-31'; d = addDays(d, 1)) if (chinaWorkCalendar.isWorkday(d)) n++;
    expect(n).toBe(18);
  });

  it('names the notice behind each year it has checked against one (2024–2026)', () => {
    const notices = Object.fromEntries(chinaWorkCalendar.years.map((y) => [y.year, y.notice]));
    expect(notices[2024]).toBe('国办发明电〔2023〕7号');
    expect(notices[2025]).toBe('国办发明电〔2024〕12号');
    expect(notices[2026]).toContain('2025-11-04');
  });

  it('outside its years it answers Monday–Friday and says it is not covered', () => {
    expect(chinaWorkCalendar.describe('2027-01-01')).toEqual({
      date: '2027-01-01',
      kind: 'workday',
      workday: true,
      covered: false,
    });
    expect(chinaWorkCalendar.isWorkday('2027-01-02')).toBe(false);
  });

  it('can be extended with a newly published year', () => {
    const next = extendCalendar(chinaWorkCalendar, [{ year: 2027, off: 'new-year 0101-0103', on: '' }], 'china+2027');
    expect(next.coverage.to).toBe(2027);
    expect(next.isWorkday('2027-01-01')).toBe(false);
    expect(next.isWorkday('2025-10-11')).toBe(true);
    expect(chinaWorkCalendar.covers('2027-01-01')).toBe(false);
  });

  it('refuses years with gaps and backwards ranges', () => {
    expect(() => createWorkCalendar('x', [])).toThrow(/at least one year/);
    expect(() =>
      createWorkCalendar('x', [
        { year: 2024, off: '', on: '' },
        { year: 2026, off: '', on: '' },
      ]),
    ).toThrow(/consecutive/);
    const bad = createWorkCalendar('x', [{ year: 2024, off: 'h 0105-0101', on: '' }]);
    expect(() => bad.isWorkday('2024-01-02')).toThrow(/backwards/);
  });
});
