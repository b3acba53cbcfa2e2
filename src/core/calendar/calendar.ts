import { dayNumber, type IsoDate, isoWeekday } from '../dates.js';
import type { CalendarYear, DayInfo, HolidayKey, WorkCalendar } from './types.js';

interface YearIndex {
  readonly off: Map<string, HolidayKey>;
  readonly on: Map<string, HolidayKey>;
}

function indexYear(y: CalendarYear): YearIndex {
  const read = (spec: string): Map<string, HolidayKey> => {
    const map = new Map<string, HolidayKey>();
    for (const part of spec.split(';')) {
      const words = part.trim().split(/\s+/).filter(Boolean);
      const key = words.shift();
      if (!key) continue;
      for (const w of words) {
        const [a, b = a] = w.split('-') as [string, string?];
        const from = dayNumber(`${y.year}-${a.slice(0, 2)}-${a.slice(2)}` as IsoDate);
        const to = dayNumber(`${y.year}-${b.slice(0, 2)}-${b.slice(2)}` as IsoDate);
        if (to < from) throw new Error(`[shijian] calendar ${y.year}: range ${w} runs backwards`);
        for (let n = from; n <= to; n++)
          map.set(new Date(n * 86_400_000).toISOString().slice(5, 10).replace('-', ''), key);
      }
    }
    return map;
  };
  return { off: read(y.off), on: read(y.on) };
}

/**
 * Builds a working-day calendar from yearly data. Years must be consecutive; every day off or
 * make-up workday is indexed once, lazily, per year.
 * @category Calendar
 * @example
 * const local = createWorkCalendar('my-province', [...chinaWorkCalendar.years, { year: 2027, off: '…', on: '…' }]);
 */
export function createWorkCalendar(name: string, years: readonly CalendarYear[]): WorkCalendar {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) throw new Error('[shijian] a calendar needs at least one year');
  sorted.forEach((y, i) => {
    if (i > 0 && y.year !== (sorted[i - 1] as CalendarYear).year + 1)
      throw new Error(
        `[shijian] calendar ${name}: years must be consecutive, got ${y.year} after ${(sorted[i - 1] as CalendarYear).year}`,
      );
  });
  const byYear = new Map(sorted.map((y) => [y.year, y]));
  const indexes = new Map<number, YearIndex>();
  const indexOf = (year: number): YearIndex | undefined => {
    let idx = indexes.get(year);
    if (!idx) {
      const data = byYear.get(year);
      if (!data) return undefined;
      idx = indexYear(data);
      indexes.set(year, idx);
    }
    return idx;
  };
  const describe = (date: IsoDate): DayInfo => {
    const weekday = isoWeekday(date);
    const weekend = weekday >= 6;
    const idx = indexOf(Number(date.slice(0, 4)));
    if (!idx) return { date, kind: weekend ? 'weekend' : 'workday', workday: !weekend, covered: false };
    const mmdd = date.slice(5, 7) + date.slice(8, 10);
    const off = idx.off.get(mmdd);
    if (off) return { date, kind: 'holiday', workday: false, holiday: off, covered: true };
    const on = idx.on.get(mmdd);
    if (on) return { date, kind: 'adjusted-workday', workday: true, holiday: on, covered: true };
    return { date, kind: weekend ? 'weekend' : 'workday', workday: !weekend, covered: true };
  };
  return {
    name,
    coverage: { from: first.year, to: last.year },
    years: sorted,
    describe,
    isWorkday: (date) => {
      const idx = indexOf(Number(date.slice(0, 4)));
      if (idx) {
        const mmdd = date.slice(5, 7) + date.slice(8, 10);
        if (idx.off.has(mmdd)) return false;
        if (idx.on.has(mmdd)) return true;
      }
      return isoWeekday(date) < 6;
    },
    covers: (date) => byYear.has(Number(date.slice(0, 4))),
  };
}

/**
 * Adds newly published years (for example next year's notice, issued in November) to a calendar.
 * A year already present is replaced by the new data.
 * @category Calendar
 * @example
 * // `published`: the year as the host transcribed it from the State Council's notice, e.g. { year: 2027, notice, off, on }
 * const calendar = extendCalendar(chinaWorkCalendar, [published]);
 * dueDate('2026-12-28', { workdays: 10 }, { calendar }); // ok once 2027 is in
 */
export function extendCalendar(
  base: WorkCalendar,
  years: readonly CalendarYear[],
  name: string = base.name,
): WorkCalendar {
  const merged = new Map(base.years.map((y) => [y.year, y]));
  for (const y of years) merged.set(y.year, y);
  return createWorkCalendar(name, [...merged.values()]);
}
