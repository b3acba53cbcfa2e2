import { describe, expect, it } from 'vitest';
import { renderReport } from '../../examples/report/html.js';
import { barChartSvg } from '../../src/core/index.js';

const hostile = '<script>alert("x")</script>&';

describe('renderReport', () => {
  const html = renderReport({
    title: `年度报告${hostile}`,
    subtitle: hostile,
    sections: [
      {
        id: 'org',
        heading: `组织机构${hostile}`,
        paragraphs: [hostile],
        tables: [{ caption: hostile, rows: [{ 单位: hostile, 人数: 12 }] }],
        figures: [{ caption: hostile, svg: barChartSvg('星级分布', [{ label: '五星', value: 2 }]) }],
      },
      {
        id: 'risk',
        heading: '风险会商',
        figures: [
          {
            caption: '外来图',
            svg: '<svg onload="alert(1)"><script>alert(2)</script><image href="https://example.com/x.png"/><use href="#a"/></svg>',
          },
        ],
      },
    ],
  });

  it('is one self-contained page: a section per input section, figures inline, no script, no external reference', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.match(/<section id=/g)).toHaveLength(2);
    expect(html).toContain('<section id="org"');
    expect(html).toContain('<a href="#risk">风险会商</a>');
    expect(html.match(/<figure>/g)).toHaveLength(2);
    expect(html).toContain('data-view="bar-chart"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/(href|src)=["']?https?:/);
    expect(html).not.toContain('example.com');
    expect(html).toContain('<use href="#a"/>');
  });

  it('escapes every piece of text and right-aligns numbers', () => {
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;');
    // title twice (title, h1), subtitle, heading twice (nav, h2), paragraph, caption, cell, figure caption
    expect(html.split('&lt;script&gt;').length - 1).toBe(9);
    expect(html).toContain('<td class="num">12</td>');
  });

  it('renders a table without rows as an empty table', () => {
    const empty = renderReport({ title: 't', sections: [{ id: 's', heading: 'h', tables: [{ rows: [] }] }] });
    expect(empty).toContain('<table><thead><tr></tr></thead><tbody></tbody></table>');
  });
});
