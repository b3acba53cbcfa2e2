import { type Bar, barChartSvg, type Locale } from '../core/index.js';
import type { Distribution } from './queries.js';
import { starLabels } from './stars.js';

/** Options of {@link distributionSvg}. @category Views */
export interface DistributionSvgOptions {
  readonly title?: string;
  readonly locale?: Locale;
  /** Whether to draw the bar of units qualified for no star (default true). */
  readonly none?: boolean;
}

const TEXT = {
  'zh-CN': { title: '星级分布', none: '未达星级' },
  en: { title: 'Star distribution', none: 'no star' },
} as const;

/** Deeper red for more stars; grey for units that reached none. */
const FILLS = { '5': '#a50e24', '4': '#c8102e', '3': '#e0565f', none: '#8c8c8c' } as const;

/**
 * Draws a star {@link distribution} as a self-contained SVG bar chart: how many units hold five, four and three
 * stars, and how many reached none. Units whose evaluation was incomplete are not drawn (they have no star to show).
 * @category Views
 * @example
 * const svg = distributionSvg(distribution(evaluations(batch), scheme)); // '<svg … data-view="bar-chart" …>'
 */
export function distributionSvg(dist: Distribution, options: DistributionSvgOptions = {}): string {
  const locale = options.locale ?? 'zh-CN';
  const bars: Bar[] = (['5', '4', '3'] as const).map((k) => ({
    label: starLabels[k][locale],
    value: dist.byStar[k],
    fill: FILLS[k],
  }));
  if (options.none !== false) bars.push({ label: TEXT[locale].none, value: dist.byStar.none, fill: FILLS.none });
  return barChartSvg(options.title ?? TEXT[locale].title, bars);
}
