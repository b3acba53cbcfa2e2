import { portfolio } from 'shijian/brand';
import { allRecords } from 'shijian/core';
import { branchOf } from 'shijian/org';
import { describe, expect, it } from 'vitest';
import { weihaiBrands } from '../../examples/weihai-brands.js';
import { BRANCHES } from '../../examples/weihai-bureau.js';
import { NAMED_BRANDS } from '../../examples/year/brands.js';

describe('examples/weihai-bureau and weihai-brands: one Weihai directory', () => {
  const { directory, state } = weihaiBrands();
  const named = allRecords(state.brands).filter((b) => b.stage.status === 'named');

  it('counts the seed’s 15 organ branches, each with a brand, four of them named', () => {
    const p = portfolio(state, directory, '2020-08-31', { unitId: 'wh' });
    expect(p.totals).toMatchObject({ branches: 15, brands: 15, named: 4 });
  });

  it('puts each named brand on the branch the org example gives it, built on the brand’s departments', () => {
    expect(named.map((b) => b.profile.name['zh-CN']).sort()).toEqual(
      ['创先争优', '遥遥领先', '食安卫士', '鼎力维权'].sort(),
    );
    for (const b of named) {
      const n = BRANCHES.find(([, brand]) => brand === b.profile.name['zh-CN'])?.[0];
      expect(b.branchId, b.profile.name['zh-CN']).toBe(`wh-b${n}`);
      for (const dept of b.profile.departments) expect(branchOf(directory, dept, '2020-08-31')?.id).toBe(b.branchId);
    }
  });

  it('numbers the branches as the bureau-year example does', () => {
    for (const spec of NAMED_BRANDS) {
      const n = BRANCHES.find(([, brand]) => brand === spec.name)?.[0];
      expect(n, spec.name).toBe(spec.branch);
    }
  });
});
