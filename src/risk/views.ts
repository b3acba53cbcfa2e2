import { type HeatCell, heatGridSvg, type Locale } from '../core/index.js';
import { METHOD_FACTORS, scaleOf } from './_lib/grid.js';
import { levelAt } from './method.js';
import { RISK_METHOD_PRESETS } from './presets.js';
import type { HeatMap } from './queries.js';
import { RISK_LEVEL_COLOURS, type RiskColour, type RiskFactor, type RiskLevel, type RiskMethod } from './schema.js';

/** The fill of each four-colour level on the heat map; yellow is darkened so the white count stays readable. @category Views */
export const HEAT_MAP_FILLS: { readonly [C in RiskColour]: string } = {
  red: '#d9363e',
  orange: '#f07c0f',
  yellow: '#d4a106',
  blue: '#1677ff',
};

/** The fill of a cell whose level cannot be known (the method was not given and is not a preset). @category Views */
export const HEAT_MAP_UNKNOWN_FILL = '#8c8c8c';

/** Options of {@link heatMapSvg}. @category Views */
export interface HeatMapSvgOptions {
  readonly locale?: Locale;
  readonly title?: string;
  /**
   * The method the heat map was computed with, which gives each cell its level and colour. When absent, the built-in
   * preset with the heat map's `methodId` is used; a heat map of a host's own method drawn without it is grey.
   */
  readonly method?: RiskMethod;
}

const AXES: { readonly [K in RiskMethod['kind']]: { readonly [L in Locale]: readonly [string, string] } } = {
  matrix: { 'zh-CN': ['可能性 L', '后果严重性 S'], en: ['Likelihood L', 'Impact S'] },
  'matrix-cells': { 'zh-CN': ['可能性 L', '后果严重性 S'], en: ['Likelihood L', 'Impact S'] },
  lec: { 'zh-CN': ['可能性 L', '后果 C'], en: ['Likelihood L', 'Consequence C'] },
};

const DEFAULT_AXES = { 'zh-CN': ['可能性', '后果'], en: ['Likelihood', 'Consequence'] } as const;

const TITLES = { 'zh-CN': '风险热力图', en: 'Risk heat map' } as const;

const RANK: { readonly [L in RiskLevel]: number } = { low: 0, general: 1, significant: 2, major: 3 };

/**
 * The level a heat-map cell stands for. The heat map's rows and columns are the first and last factors; a method with
 * a factor in between (LEC's exposure) gives the cell the highest level any value of it reaches, so a cell is never
 * painted milder than a risk it may hold.
 */
function cellLevel(method: RiskMethod, row: number, col: number): RiskLevel | undefined {
  const factors = METHOD_FACTORS[method.kind];
  if (factors.length === 2) return levelAt(method, [row, col]);
  const middle = scaleOf(method, factors[1] as RiskFactor).length;
  let worst: RiskLevel | undefined;
  for (let k = 0; k < middle; k++) {
    const level = levelAt(method, [row, k, col]);
    if (level !== undefined && (worst === undefined || RANK[level] > RANK[worst])) worst = level;
  }
  return worst;
}

/**
 * Draws a heat map of open risks as a self-contained SVG: likelihood rows (highest on top) against impact or
 * consequence columns, the count of open risks in each cell, and each cell painted red, orange, yellow or blue by
 * the level the method gives it.
 * @category Views
 * @example
 * const svg = heatMapSvg(heatMap(state, MATRIX_METHOD_A)); // '<svg … data-view="heat-grid" …>'
 * heatMapSvg(heatMap(state, myMethod), { method: myMethod, title: '食品安全风险热力图' });
 */
export function heatMapSvg(map: HeatMap, options: HeatMapSvgOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const method = options.method ?? RISK_METHOD_PRESETS.find((m) => m.id === map.methodId);
  const axes = method ? AXES[method.kind][locale] : DEFAULT_AXES[locale];
  const last = map.rows.length - 1;
  const cells: HeatCell[] = [];
  for (let i = 0; i < map.rows.length; i++)
    for (let j = 0; j < map.columns.length; j++) {
      const level = method ? cellLevel(method, i, j) : undefined;
      cells.push({
        // highest likelihood on top, as printed matrices show it
        row: last - i,
        col: j,
        value: map.cells[i]?.[j] ?? 0,
        fill: level === undefined ? HEAT_MAP_UNKNOWN_FILL : HEAT_MAP_FILLS[RISK_LEVEL_COLOURS[level]],
      });
    }
  return heatGridSvg({
    title: options.title ?? TITLES[locale],
    rows: [...map.rows].reverse().map(String),
    cols: map.columns.map(String),
    cells,
    rowAxis: axes[0],
    colAxis: axes[1],
  });
}
