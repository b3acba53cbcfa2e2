import { describe, expect, it } from 'vitest';
import { barChartSvg, escapeXml, funnelSvg, heatGridSvg } from '../../src/core/index.js';

const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

describe('SVG views', () => {
  it('escapes text so labels cannot inject markup', () => {
    expect(escapeXml(`<script>"&'`)).toBe('&lt;script&gt;&quot;&amp;&apos;');
    const svg = barChartSvg('<b>x</b>', [{ label: '<script>alert(1)</script>', value: 1 }]);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<b>');
  });

  it('a heat grid has one group per cell, labelled axes and the counts', () => {
    const svg = heatGridSvg({
      title: '风险热力图',
      rows: ['5', '4', '3'],
      cols: ['1', '2'],
      cells: [
        { row: 0, col: 1, value: 3, fill: '#d9363e' },
        { row: 2, col: 0, value: 0, fill: '#1677ff' },
      ],
      rowAxis: '可能性',
      colAxis: '后果',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('data-view="heat-grid"');
    expect(count(svg, /<g data-row=/g)).toBe(2);
    expect(svg).toContain('data-row="0" data-col="1" data-value="3"');
    expect(svg).toContain('可能性');
  });

  it('a funnel scales bars to the first step and keeps their order', () => {
    const svg = funnelSvg('闭环漏斗', [
      { label: '部署', value: 10 },
      { label: '检查', value: 5 },
    ]);
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBeCloseTo((widths[0] as number) / 2, 5);
    expect(svg.indexOf('部署')).toBeLessThan(svg.indexOf('检查'));
  });

  it('a bar chart has one bar per value', () => {
    const svg = barChartSvg('星级分布', [
      { label: '五星', value: 2 },
      { label: '四星', value: 11 },
      { label: '三星', value: 17 },
    ]);
    expect(count(svg, /<g data-bar=/g)).toBe(3);
    expect(svg).toContain('data-value="17"');
  });
});
