import { describe, expect, it } from 'vitest';
import { brandCard, formatMeasure, formatNumber, getBrand } from '../../src/brand/index.js';
import { directory, ORG, run, toNamed } from './_fixture.js';

const { state } = run([
  ...toNamed(),
  {
    type: 'record-achievement',
    brandId: 'brand-food',
    achievement: {
      id: 'a-funnel',
      facet: 'service',
      title: '网络订餐监测',
      measure: {
        kind: 'funnel',
        stages: [
          { label: '发现问题线索', count: 3468, unit: '条' },
          { label: '责令整改', count: 285, unit: '起' },
          { label: '下线入网经营者', count: 47, unit: '家' },
        ],
      },
      period: { from: '2020-01-01', to: '2020-06-30' },
      source: '访谈',
    },
  },
  {
    type: 'record-honor',
    brandId: 'brand-food',
    honor: { id: 'h1', title: '机关服务品牌', year: 2020, awardedBy: { body: '市直机关工委', level: 'municipal' } },
  },
  {
    type: 'record-activity',
    activity: { id: 'act-1', branchId: ORG.branchFood, kind: 'themed-party-day', title: '信用宣讲', on: '2020-06-18' },
  },
]);

describe('formatting', () => {
  it('formats numbers and measures', () => {
    expect(formatNumber(3468)).toBe('3,468');
    expect(formatNumber(-1234567.5)).toBe('-1,234,567.5');
    expect(formatMeasure({ kind: 'quantity', value: 99, unit: '%', qualifier: 'at-least' })).toBe('≥ 99%');
    expect(formatMeasure({ kind: 'quantity', value: 6000, unit: '件/日', qualifier: 'more-than' })).toBe(
      '> 6,000 件/日',
    );
    expect(formatMeasure({ kind: 'quantity', value: 2101, unit: 'm²', baseline: { value: 1129, unit: 'm²' } })).toBe(
      '1,129 → 2,101 m²（+86.09%）',
    );
    expect(
      formatMeasure({ kind: 'quantity', value: 2101, unit: 'm²', baseline: { value: 1129, unit: 'm²' } }, 'en'),
    ).toBe('1,129 → 2,101 m² (+86.09%)');
  });
});

describe('brandCard', () => {
  const brand = getBrand(state, 'brand-food');
  if (!brand) throw new Error('setup');

  it('gives structured rows with names resolved from the directory', () => {
    const card = brandCard(brand, 'zh-CN', { directory, state });
    const row = (key: string) => card.rows.find((r) => r.key === key)?.value;
    expect(card.title).toBe('食安卫士');
    expect(row('branch')).toBe('机关第一党支部');
    expect(row('departments')).toBe('食品生产监管科');
    expect(row('status')).toBe('已命名（2020-07-01，机关党委）');
    expect(row('facet.service')).toContain(
      '发现问题线索 3,468 条 → 责令整改 285 起（8.22%） → 下线入网经营者 47 家（16.49%）',
    );
    expect(row('facet.study')).toBe('—');
    expect(row('honors')).toBe('2020 年度 机关服务品牌（市直机关工委，市级）');
    expect(row('activities')).toBe('2020-06-18 主题党日：信用宣讲');
  });

  it('renders Markdown with a table and the four facets', () => {
    const md = brandCard(brand, 'zh-CN', { directory, state }).markdown;
    expect(md.startsWith('### 食安卫士\n')).toBe(true);
    expect(md).toContain('| 党支部 | 机关第一党支部 |');
    for (const f of ['精心学习', '精准服务', '精细作风', '精致品牌']) expect(md).toContain(`**${f}**`);
  });

  it('renders in English, falling back to the Chinese name', () => {
    const card = brandCard(brand, 'en');
    expect(card.title).toBe('Food Safety Guards');
    expect(card.rows.find((r) => r.key === 'branch')?.value).toBe(ORG.branchFood);
    expect(card.rows.find((r) => r.key === 'status')?.value).toBe('named (2020-07-01, 机关党委)');
  });
});
