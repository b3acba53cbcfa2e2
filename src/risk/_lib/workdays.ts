import { dayNumber, fromDayNumber, type IsoDate, type WorkCalendar } from '../../core/index.js';

/** Cumulative working-day counts from an epoch, per calendar, extended on demand. */
interface Ordinals {
  start: number;
  cum: Int32Array;
}
const cache = new WeakMap<WorkCalendar, Ordinals>();
const EPOCH = 10_957; // 2000-01-01 as a day number

function ensure(calendar: WorkCalendar, day: number): Ordinals {
  let o = cache.get(calendar);
  if (!o) {
    o = { start: EPOCH, cum: new Int32Array(0) };
    cache.set(calendar, o);
  }
  const need = day - o.start + 1;
  if (need > o.cum.length) {
    const size = Math.max(need, o.cum.length * 2, 366);
    const cum = new Int32Array(size);
    cum.set(o.cum);
    let count = o.cum.length > 0 ? (o.cum[o.cum.length - 1] as number) : 0;
    for (let k = o.cum.length; k < size; k++) {
      if (calendar.isWorkday(fromDayNumber(o.start + k))) count++;
      cum[k] = count;
    }
    o.cum = cum;
  }
  return o;
}

/**
 * Working days from the epoch up to and including the day number `day` (days before 2000 count as
 * the epoch), so that working days between two days cost two array reads over a million records.
 */
export function workdayOrdinalOfDay(calendar: WorkCalendar, day: number): number {
  if (day < EPOCH) return 0;
  const o = ensure(calendar, day);
  return o.cum[day - o.start] as number;
}

/** Working days after `from` up to and including `to` (negative when `to` is earlier). */
export function workdaysFromTo(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number {
  return workdayOrdinalOfDay(calendar, dayNumber(to)) - workdayOrdinalOfDay(calendar, dayNumber(from));
}
