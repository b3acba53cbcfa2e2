import { describe, expect, it } from 'vitest';
import { branchesOf, createBrandDecider, metrics, portfolio, portfolioRows } from '../../src/brand/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { directory, mergedDirectory, ORG, run, toNamed } from './_fixture.js';

const { state } = run([
  ...toNamed(),
  {
    type: 'draft',
    brandId: 'brand-office',
    branchId: ORG.branchOffice,
    on: '2020-03-01',
    profile: { name: { 'zh-CN': '创先争优' }, departments: [ORG.deptOffice] },
  },
  {
    type: 'record-activity',
    activity: { id: 'act-1', branchId: ORG.branchDrug, kind: 'themed-party-day', title: '信用宣讲', on: '2020-06-18' },
  },
  {
    type: 'record-activity',
    activity: { id: 'act-2', branchId: ORG.branchFood, kind: 'volunteer-service', title: '文明交通', on: '2020-09-01' },
  },
]);
deepFreeze(state);

describe('portfolio', () => {
  it('lists every branch of a unit with its brand or none, and totals', () => {
    const p = portfolio(state, directory, '2020-08-31', { unitId: ORG.city });
    expect(p.entries.map((e) => [e.branch.id, e.brand?.name['zh-CN'] ?? null, e.brand?.status ?? null])).toEqual([
      [ORG.branchDrug, null, null],
      [ORG.branchFood, '食安卫士', 'named'],
      [ORG.branchOffice, '创先争优', 'draft'],
    ]);
    expect(p.totals).toMatchObject({ branches: 3, brands: 2, named: 1, withoutBrand: 1, activities: 1 });
    expect(p.totals.coverage).toBeCloseTo(2 / 3, 12);
    expect(p.entries[0]?.lastActivity?.id).toBe('act-1');
  });

  it('takes brands as they stood on the day', () => {
    const p = portfolio(state, directory, '2020-02-15', { unitId: ORG.city });
    expect(p.totals).toMatchObject({ brands: 1, named: 0 });
    expect(p.entries.find((e) => e.branch.id === ORG.branchFood)?.brand?.status).toBe('declared');
  });

  it('with sub-units, includes county branches; without a unit, every branch', () => {
    expect(branchesOf(directory, ORG.asOf, { unitId: ORG.city, includeSubunits: true })).toHaveLength(5);
    expect(branchesOf(directory, ORG.asOf)).toHaveLength(5);
    expect(branchesOf(directory, ORG.asOf, { unitId: ORG.countyA }).map((b) => b.id)).toEqual([ORG.branchCountyA]);
  });

  it('prints rows with Chinese headers', () => {
    const rows = portfolioRows(portfolio(state, directory, '2020-08-31', { unitId: ORG.city }));
    expect(rows[0]).toMatchObject({ 党支部: '机关第二党支部', 品牌: '（无）' });
    expect(rows[1]).toMatchObject({ 品牌: '食安卫士', 状态: '已命名' });
    expect(Object.keys(portfolioRows(portfolio(state, directory, '2020-08-31'), 'en')[0] ?? {})).toContain('Brand');
  });
});

describe('metrics', () => {
  it('groups the stable metric names by unit', () => {
    const m = metrics(state, { groupBy: 'unit', directory, asOf: '2020-09-30' });
    expect(Object.keys(m)).toEqual([ORG.city, ORG.countyA, ORG.countyB]);
    expect(m[ORG.city]).toMatchObject({
      'brand.branches': 3,
      'brand.brands': 2,
      'brand.named': 1,
      'brand.activities': 2,
    });
    expect(m[ORG.city]?.['brand.named-share']).toBeCloseTo(1 / 3, 12);
    expect(m[ORG.city]?.['brand.activities-per-branch']).toBeCloseTo(2 / 3, 12);
    expect(m[ORG.countyA]).toMatchObject({ 'brand.coverage': 0, 'brand.activities-per-branch': 0 });
  });
  it('counts activities from a day on', () => {
    const m = metrics(state, { groupBy: 'unit', directory, asOf: '2020-09-30', from: '2020-07-01' });
    expect(m[ORG.city]?.['brand.activities']).toBe(1);
  });
  it('credits the party days of a branch merged inside the window to the unit that took it over', () => {
    const merged = mergedDirectory();
    const day = (id: string, branchId: string, on: string) => ({
      type: 'record-activity' as const,
      activity: { id, branchId, kind: 'themed-party-day' as const, title: '主题党日', on: on as '2023-06-20' },
    });
    const { state: s } = run(
      [day('d-1', ORG.branchDrug, '2023-06-20'), day('d-2', ORG.branchFood, '2024-03-20')],
      createBrandDecider({ directory: merged }),
    );
    const over = (from: '2023-01-01' | '2024-01-01') =>
      metrics(s, { groupBy: 'unit', directory: merged, asOf: '2024-06-30', from })[ORG.city];
    // the drug branch ended on 2023-12-31: its day counts in a window that saw it, the branch itself does not
    expect(over('2023-01-01')?.['brand.activities']).toBe(2);
    expect(over('2023-01-01')?.['brand.branches']).toBe(2);
    expect(over('2024-01-01')?.['brand.activities']).toBe(1);
    // without a window the figures stand on the day: ended branches are not looked at
    expect(metrics(s, { groupBy: 'unit', directory: merged, asOf: '2024-06-30' })[ORG.city]?.['brand.activities']).toBe(
      1,
    );
  });
});
