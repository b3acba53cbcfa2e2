import { pathToFileURL } from 'node:url';

/** True when the module is the script node or tsx was asked to run. */
export function isMain(url: string): boolean {
  return process.argv[1] !== undefined && url === pathToFileURL(process.argv[1]).href;
}

function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

/** Prints rows as an aligned text table (CJK characters count double). */
export function table(rows: readonly Readonly<Record<string, string | number>>[]): void {
  const first = rows[0];
  if (!first) return;
  const cols = Object.keys(first);
  const widths = cols.map((c) => Math.max(width(c), ...rows.map((r) => width(String(r[c] ?? '')))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join('  ');
  console.log(line(cols));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(cols.map((c) => String(r[c] ?? ''))));
}
