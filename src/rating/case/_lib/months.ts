import { type IsoDate, isoDate } from '../../../core/index.js';

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** The same day `months` months later, clamped to the month's last day (2024-02-29 + 12 → 2025-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return isoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, last), 2)}`);
}
