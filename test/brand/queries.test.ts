import { describe, expect, it } from 'vitest';
import {
  achievementsByFacet,
  activitiesOf,
  brandAsOf,
  brandOfBranchAsOf,
  brandsOfBranch,
  createBrandDecider,
  funnelRates,
  getBrand,
  growthOf,
  listBrands,
} from '../../src/brand/index.js';
import { draft, mergedDirectory, ORG, run, toNamed } from './_fixture.js';

describe('growthOf and funnelRates', () => {
  it('computes growth from the baseline: 1,129 → 2,101 m² is +86.09%', () => {
    const g = growthOf({ kind: 'quantity', value: 2101, unit: 'm²', baseline: { value: 1129, unit: 'm²' } });
    expect(g).toMatchObject({ from: 1129, to: 2101, delta: 972, percent: 86.09 });
    expect(g?.ratio).toBeCloseTo(972 / 1129, 12);
  });
  it('no growth without baseline, with a unit mismatch, or for a funnel; no ratio over a zero baseline', () => {
    expect(growthOf({ kind: 'quantity', value: 69, unit: '处' })).toBeUndefined();
    expect(
      growthOf({ kind: 'quantity', value: 2, unit: 'm²', baseline: { value: 1, unit: '平方米' } }),
    ).toBeUndefined();
    expect(growthOf({ kind: 'quantity', value: 5, unit: '个', baseline: { value: 0, unit: '个' } })).toEqual({
      from: 0,
      to: 5,
      delta: 5,
    });
    expect(growthOf({ kind: 'funnel', stages: [] })).toBeUndefined();
  });
  it('funnel rates: 3,468 → 285 → 47', () => {
    const stages = [
      { label: '线索', count: 3468, unit: '条' },
      { label: '整改', count: 285, unit: '起' },
      { label: '下线', count: 47, unit: '家' },
    ];
    expect(funnelRates({ kind: 'funnel', stages })).toEqual([8.22, 16.49]);
  });
});

describe('register queries', () => {
  const { state } = run([
    ...toNamed(),
    {
      type: 'record-achievement',
      brandId: 'brand-food',
      achievement: {
        id: 'a1',
        facet: 'service',
        title: '不合格农产品处置',
        measure: { kind: 'quantity', value: 22, unit: '批次' },
        period: { from: '2020-01-01', to: '2020-06-30' },
        source: '访谈',
      },
    },
    {
      type: 'record-activity',
      activity: {
        id: 'act-2',
        branchId: ORG.branchFood,
        kind: 'volunteer-service',
        title: '文明交通',
        on: '2020-08-01',
      },
    },
    {
      type: 'record-activity',
      activity: {
        id: 'act-1',
        branchId: ORG.branchFood,
        kind: 'themed-party-day',
        title: '主题党日',
        on: '2020-05-01',
      },
    },
  ]);

  it('lists, finds and groups', () => {
    expect(listBrands(state).map((b) => b.id)).toEqual(['brand-food']);
    expect(brandsOfBranch(state, ORG.branchFood).map((b) => b.id)).toEqual(['brand-food']);
    const brand = getBrand(state, 'brand-food');
    if (!brand) throw new Error('setup');
    const facets = achievementsByFacet(brand);
    expect(facets.service.map((a) => a.id)).toEqual(['a1']);
    expect(facets.study).toEqual([]);
  });

  it('activities come by date and can be windowed', () => {
    expect(activitiesOf(state, ORG.branchFood).map((a) => a.id)).toEqual(['act-1', 'act-2']);
    expect(activitiesOf(state, ORG.branchFood, { to: '2020-06-30' }).map((a) => a.id)).toEqual(['act-1']);
    expect(activitiesOf(state, ORG.branchFood, { from: '2020-06-30' }).map((a) => a.id)).toEqual(['act-2']);
  });

  it('brandAsOf rebuilds the status of a past day from the history', () => {
    const brand = getBrand(state, 'brand-food');
    if (!brand) throw new Error('setup');
    expect(brandAsOf(brand, '2019-12-31')).toBeUndefined();
    expect(brandAsOf(brand, '2020-01-06')?.status).toBe('draft');
    expect(brandAsOf(brand, '2020-04-01')?.status).toBe('cultivating');
    expect(brandAsOf(brand, '2020-07-01')).toMatchObject({ status: 'named', namedOn: '2020-07-01' });
  });

  it('follows renames and hand-overs when looking back', () => {
    const d = createBrandDecider({ directory: mergedDirectory() });
    const s = run(
      [
        draft('brand-drug', ORG.branchDrug),
        { type: 'rename', brandId: 'brand-drug', on: '2021-01-04', name: { 'zh-CN': '遥遥领先' }, reason: '定名' },
        { type: 'hand-over', brandId: 'brand-drug', on: '2024-01-02', toBranchId: ORG.branchFood },
      ],
      d,
    ).state;
    expect(brandOfBranchAsOf(s, ORG.branchDrug, '2020-06-01')?.name['zh-CN']).toBe('食安卫士');
    expect(brandOfBranchAsOf(s, ORG.branchDrug, '2023-06-01')?.name['zh-CN']).toBe('遥遥领先');
    expect(brandOfBranchAsOf(s, ORG.branchDrug, '2024-06-01')).toBeUndefined();
    expect(brandOfBranchAsOf(s, ORG.branchFood, '2024-06-01')?.brand.id).toBe('brand-drug');
  });
});
