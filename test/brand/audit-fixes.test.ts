import { describe, expect, it } from 'vitest';
import { type BrandCommand, type BrandState, brandCard, createBrandDecider, getBrand } from '../../src/brand/index.js';
import { execute } from '../../src/core/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { ctx, decider, directory, draft, ORG, profile, run, toNamed } from './_fixture.js';

const strict = createBrandDecider({ directory, requireLogo: true });
const declare: BrandCommand = { type: 'declare', brandId: 'brand-food', on: '2020-02-03', declaredTo: '机关党委' };

/** The drafted brand, with `profile` changed by `change`. */
function drafted(change: (p: typeof profile) => object = (p) => p, d = decider): BrandState {
  return run([{ ...draft(), profile: change(profile) } as BrandCommand], d).state;
}

function refusal(state: BrandState, command: BrandCommand, d = decider) {
  const r = execute(d, deepFreeze(state), command, ctx);
  if (r.ok) throw new Error('expected a refusal');
  return r.errors;
}

describe('declaration and the logo (audit finding 9)', () => {
  it('declares a brand without a logo by default (五有 is one county’s practice, not a rule)', () => {
    expect(profile.logoRef).toBeUndefined();
    const r = execute(decider, drafted(), declare, ctx);
    expect(r.ok && getBrand(r.value.state, 'brand-food')?.stage.status).toBe('declared');
  });

  it('with requireLogo, refuses a declaration without a logo and names only the logo', () => {
    const state = drafted((p) => p, strict);
    const [e] = refusal(state, declare, strict);
    expect(e?.code).toBe('brand/declaration-incomplete');
    expect(e?.path).toEqual(['profile', 'logoRef']);
    expect(e?.message['zh-CN']).toBe('申报表缺少标识');
    expect(e?.message.en).toBe('The declaration form lacks the logo');
  });

  it('with requireLogo, declares a brand that has one', () => {
    const state = drafted((p) => ({ ...p, logoRef: 'logo/shi-an.svg' }), strict);
    const r = execute(strict, state, declare, ctx);
    expect(r.ok && getBrand(r.value.state, 'brand-food')?.stage.status).toBe('declared');
  });
});

describe('declaration-incomplete names the missing part in each language (audit finding 10)', () => {
  const cases = [
    ['connotation', '申报表缺少内涵', 'The declaration form lacks the connotation (meaning of the brand)'],
    [
      'workingMethod',
      '申报表缺少载体（工作法）',
      'The declaration form lacks the working method (the vehicle that carries the brand)',
    ],
  ] as const;
  for (const [field, zh, en] of cases)
    it(`${field}: ${zh}`, () => {
      const state = drafted((p) => {
        const { [field]: _drop, ...rest } = p;
        return rest;
      });
      const [e] = refusal(state, declare);
      expect(e?.code).toBe('brand/declaration-incomplete');
      expect(e?.path).toEqual(['profile', field]);
      expect(e?.message['zh-CN']).toBe(zh);
      expect(e?.message.en).toBe(en);
      expect(e?.message['zh-CN']).not.toMatch(/五有|[A-Za-z]/);
    });

  it('departments: 申报表缺少所属科室', () => {
    const state = run(
      [{ ...draft(), profile: { ...profile, departments: [] } } as BrandCommand],
      createBrandDecider(),
    ).state;
    const [e] = refusal(state, declare, createBrandDecider());
    expect(e?.path).toEqual(['profile', 'departments']);
    expect(e?.message['zh-CN']).toBe('申报表缺少所属科室');
    expect(e?.message.en).toBe('The declaration form lacks the departments it covers');
  });
});

describe('English brand card punctuation (audit finding 11)', () => {
  const { state } = run([
    ...toNamed(),
    {
      type: 'record-achievement',
      brandId: 'brand-food',
      achievement: {
        id: 'a-1',
        facet: 'service',
        title: 'Rapid tests',
        measure: { kind: 'quantity', value: 22, unit: 'batches' },
        period: { from: '2020-01-01', to: '2020-06-30' },
        source: 'interview',
      },
    },
    {
      type: 'record-achievement',
      brandId: 'brand-food',
      achievement: {
        id: 'a-2',
        facet: 'service',
        title: 'Licence display',
        measure: { kind: 'quantity', value: 99, unit: '%', qualifier: 'at-least' },
        period: { from: '2020-01-01', to: '2020-06-30' },
        source: 'interview',
      },
    },
    {
      type: 'record-honor',
      brandId: 'brand-food',
      honor: {
        id: 'h1',
        title: 'City organ service brand',
        year: 2019,
        awardedBy: { body: 'Organ committee', level: 'municipal' },
      },
    },
    {
      type: 'record-honor',
      brandId: 'brand-food',
      honor: { id: 'h2', title: 'Model branch', year: 2020, awardedBy: { body: 'Bureau', level: 'internal' } },
    },
    {
      type: 'record-activity',
      activity: {
        id: 'act-1',
        branchId: ORG.branchFood,
        kind: 'themed-party-day',
        title: 'Credit talk',
        on: '2020-06-18',
      },
    },
    {
      type: 'record-activity',
      activity: {
        id: 'act-2',
        branchId: ORG.branchFood,
        kind: 'themed-party-day',
        title: 'Market visit',
        on: '2020-06-25',
      },
    },
    {
      type: 'rename',
      brandId: 'brand-food',
      on: '2020-08-03',
      name: { 'zh-CN': '食安先锋', en: 'Food Safety Vanguard' },
      reason: '品牌升级',
    },
  ]);
  const brand = getBrand(state, 'brand-food');
  if (!brand) throw new Error('setup');

  it('joins facets, honors and activities with "; ", former names with " (→ …)" and activities with ": "', () => {
    const row = (key: string) => brandCard(brand, 'en', { directory, state }).rows.find((r) => r.key === key)?.value;
    expect(row('former-names')).toBe('Food Safety Guards (→ 2020-08-03)');
    expect(row('facet.service')).toBe(
      '第三方快检进市场; Rapid tests: 22 batches (2020-01-01 – 2020-06-30; source: interview); ' +
        'Licence display: ≥ 99% (2020-01-01 – 2020-06-30; source: interview)',
    );
    expect(row('honors')).toBe(
      '2019: City organ service brand (Organ committee, municipal); 2020: Model branch (Bureau, own bureau)',
    );
    expect(row('activities')).toMatch(/^2020-06-18 .+: Credit talk; 2020-06-25 .+: Market visit$/);
    const all = brandCard(brand, 'en', { directory, state }).rows.map((r) => r.value);
    expect(all.filter((v) => /[；：（）～]/.test(v))).toEqual([]);
  });

  it('keeps Chinese punctuation on a Chinese card', () => {
    const row = (key: string) => brandCard(brand, 'zh-CN', { state }).rows.find((r) => r.key === key)?.value;
    expect(row('former-names')).toBe('食安卫士（→ 2020-08-03）');
    expect(row('honors')).toContain('；');
    expect(row('activities')).toMatch(/主题党日：Credit talk；/);
  });
});
