import { describe, expect, expectTypeOf, it } from 'vitest';
import { brandError } from '../../src/brand/errors.js';
import type { BrandErrorCode } from '../../src/brand/index.js';

describe('BrandErrorCode', () => {
  it('lists exactly the codes of the catalogue', () => {
    expectTypeOf<BrandErrorCode>().toEqualTypeOf<keyof typeof brandError.catalogue>();
  });

  it('the list of codes is stable (a change here is a breaking change)', () => {
    expect(Object.keys(brandError.catalogue).sort()).toMatchInlineSnapshot(`
      [
        "brand/already-named",
        "brand/branch-not-valid",
        "brand/brand-revoked",
        "brand/date-in-future",
        "brand/date-out-of-order",
        "brand/declaration-incomplete",
        "brand/duplicate-brand",
        "brand/duplicate-record",
        "brand/funnel-widening",
        "brand/honor-date-mismatch",
        "brand/honor-without-body",
        "brand/invalid-period",
        "brand/not-a-branch",
        "brand/not-successor",
        "brand/notice-not-over",
        "brand/partner-required",
        "brand/period-in-future",
        "brand/second-active-brand",
        "brand/step-out-of-order",
        "brand/unit-mismatch",
        "brand/unknown-branch",
        "brand/unknown-brand",
        "brand/unknown-department",
      ]
    `);
  });

  it('renders both locales with the details', () => {
    const e = brandError('brand/second-active-brand', { branchId: 'wh-b10', activeBrandId: 'brand-b10' }, ['branchId']);
    expect(e.message['zh-CN']).toContain('一支部一品牌');
    expect(e.message.en).toContain('brand-b10');
  });
});
