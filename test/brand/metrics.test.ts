import { describe, expect, expectTypeOf, it } from 'vitest';
import { BRAND_METRICS, type BrandMetricName } from '../../src/brand/index.js';

describe('BRAND_METRICS', () => {
  it('the names are stable and each has both labels', () => {
    expect(Object.keys(BRAND_METRICS)).toEqual([
      'brand.branches',
      'brand.brands',
      'brand.coverage',
      'brand.named',
      'brand.named-share',
      'brand.achievements',
      'brand.honors',
      'brand.activities',
      'brand.activities-per-branch',
    ]);
    for (const info of Object.values(BRAND_METRICS)) {
      expect(info.label['zh-CN'].length).toBeGreaterThan(0);
      expect(info.label.en.length).toBeGreaterThan(0);
    }
    expectTypeOf<'brand.coverage'>().toExtend<BrandMetricName>();
  });
});
