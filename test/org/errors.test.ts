import { describe, expect, expectTypeOf, it } from 'vitest';
import { orgError } from '../../src/org/errors.js';
import type { OrgErrorCode } from '../../src/org/index.js';

describe('org errors', () => {
  it('OrgErrorCode lists exactly the catalogue', () => {
    expectTypeOf<OrgErrorCode>().toEqualTypeOf<keyof typeof orgError.catalogue>();
  });

  it('every code renders both languages', () => {
    for (const code of Object.keys(orgError.catalogue)) {
      const t = orgError.catalogue[code as OrgErrorCode];
      const d = {
        id: 'x',
        kind: 'k',
        expected: ['a'],
        ids: ['a', 'b'],
        code: 'c',
        collection: 'c',
        asOf: '2025-01-01',
        level: 1,
        validTo: '2025-01-01',
        originals: 1,
        results: 1,
        with: 'y',
        full: 2,
        members: 60,
        limit: 50,
        dueOn: '2025-01-01',
        memberId: 'm',
        departmentIds: ['d'],
        partyOrgIds: ['p'],
        entities: 9,
      };
      expect(t['zh-CN'](d as never).length).toBeGreaterThan(0);
      expect(t.en(d as never).length).toBeGreaterThan(0);
    }
  });
});
