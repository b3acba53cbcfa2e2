/**
 * Small pure SVG builders behind the modules' picture views (risk heat map, loop funnel, star distribution). Output
 * is a self-contained `<svg>` string: no script, no external reference, text escaped.
 */

/**
 * Escapes text for XML content and attribute values.
 * @category Views
 * @example
 * escapeXml('“食安卫士” <第二支部> & 餐饮'); // '“食安卫士” &lt;第二支部&gt; &amp; 餐饮'
 */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' } as const)[c as '&']};`,
  );
}

const FONT = `font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif"`;

function frame(width: number, height: number, title: string, body: string, kind: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" data-view="${kind}" ${FONT}><title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="#fff"/><text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">${escapeXml(title)}</text>${body}</svg>`;
}

/** One cell of a {@link heatGridSvg}. @category Views */
export interface HeatCell {
  readonly row: number;
  readonly col: number;
  readonly value: number;
  readonly fill: string;
}

/** Input of {@link heatGridSvg}. @category Views */
export interface HeatGridInput {
  readonly title: string;
  /** Row labels, top to bottom. */
  readonly rows: readonly string[];
  /** Column labels, left to right. */
  readonly cols: readonly string[];
  readonly cells: readonly HeatCell[];
  readonly rowAxis?: string;
  readonly colAxis?: string;
}

/**
 * A grid of coloured cells with a count in each, e.g. a likelihood × severity risk heat map.
 * @category Views
 * @example
 * heatGridSvg({ title: '风险热力图', rows: ['5', '4'], cols: ['1', '2'], cells: [{ row: 0, col: 1, value: 3, fill: '#d9363e' }] });
 */
export function heatGridSvg(input: HeatGridInput): string {
  const cell = 56;
  const left = 90;
  const top = 48;
  const width = left + input.cols.length * cell + 20;
  const height = top + input.rows.length * cell + 56;
  const parts: string[] = [];
  input.rows.forEach((r, i) => {
    parts.push(
      `<text x="${left - 8}" y="${top + i * cell + cell / 2 + 5}" text-anchor="end" font-size="12">${escapeXml(r)}</text>`,
    );
  });
  input.cols.forEach((c, j) => {
    parts.push(
      `<text x="${left + j * cell + cell / 2}" y="${top + input.rows.length * cell + 18}" text-anchor="middle" font-size="12">${escapeXml(c)}</text>`,
    );
  });
  for (const c of input.cells) {
    const x = left + c.col * cell;
    const y = top + c.row * cell;
    parts.push(
      `<g data-row="${c.row}" data-col="${c.col}" data-value="${c.value}"><rect x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${escapeXml(c.fill)}" rx="4"/><text x="${x + cell / 2 - 1}" y="${y + cell / 2 + 6}" text-anchor="middle" font-size="16" fill="#fff">${c.value}</text></g>`,
    );
  }
  if (input.colAxis)
    parts.push(
      `<text x="${left + (input.cols.length * cell) / 2}" y="${height - 10}" text-anchor="middle" font-size="12">${escapeXml(input.colAxis)}</text>`,
    );
  if (input.rowAxis)
    parts.push(
      `<text x="14" y="${top + (input.rows.length * cell) / 2}" font-size="12" transform="rotate(-90 14 ${top + (input.rows.length * cell) / 2})" text-anchor="middle">${escapeXml(input.rowAxis)}</text>`,
    );
  return frame(width, height, input.title, parts.join(''), 'heat-grid');
}

/** One step of a {@link funnelSvg}. @category Views */
export interface FunnelStep {
  readonly label: string;
  readonly value: number;
}

/**
 * A funnel of decreasing counts, e.g. deployed → inspected → … → struck off; each bar is scaled to the first.
 * @category Views
 * @example
 * funnelSvg('闭环漏斗', [{ label: '部署', value: 10 }, { label: '检查', value: 9 }]);
 */
export function funnelSvg(title: string, steps: readonly FunnelStep[]): string {
  const width = 560;
  const bar = 30;
  const top = 44;
  const max = Math.max(1, ...steps.map((s) => s.value));
  const span = width - 220;
  const parts = steps.map((s, i) => {
    const w = Math.max(2, (s.value / max) * span);
    const y = top + i * (bar + 8);
    const x = 120 + (span - w) / 2;
    return `<g data-step="${i}" data-value="${s.value}"><text x="112" y="${y + bar / 2 + 5}" text-anchor="end" font-size="13">${escapeXml(s.label)}</text><rect x="${x}" y="${y}" width="${w}" height="${bar}" fill="#c8102e" opacity="${(1 - i * 0.08).toFixed(2)}" rx="3"/><text x="${120 + span + 10}" y="${y + bar / 2 + 5}" font-size="13">${s.value}</text></g>`;
  });
  return frame(width, top + steps.length * (bar + 8) + 16, title, parts.join(''), 'funnel');
}

/** One bar of a {@link barChartSvg}. @category Views */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly fill?: string;
}

/**
 * Vertical bars with their values, e.g. how many stations hold each star level.
 * @category Views
 * @example
 * barChartSvg('星级分布', [{ label: '五星', value: 2 }, { label: '四星', value: 11 }, { label: '三星', value: 17 }]);
 */
export function barChartSvg(title: string, bars: readonly Bar[]): string {
  const height = 260;
  const base = height - 36;
  const slot = 84;
  const width = Math.max(240, 40 + bars.length * slot);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const parts = bars.map((b, i) => {
    const h = (b.value / max) * (base - 60);
    const x = 40 + i * slot;
    return `<g data-bar="${i}" data-value="${b.value}"><rect x="${x}" y="${base - h}" width="${slot - 24}" height="${h}" fill="${escapeXml(b.fill ?? '#c8102e')}" rx="3"/><text x="${x + (slot - 24) / 2}" y="${base - h - 6}" text-anchor="middle" font-size="13">${b.value}</text><text x="${x + (slot - 24) / 2}" y="${base + 18}" text-anchor="middle" font-size="13">${escapeXml(b.label)}</text></g>`;
  });
  return frame(
    width,
    height,
    title,
    `<line x1="30" y1="${base}" x2="${width - 10}" y2="${base}" stroke="#999"/>${parts.join('')}`,
    'bar-chart',
  );
}
