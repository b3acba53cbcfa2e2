import { describe, expect, it } from 'vitest';
import { checkRef } from '../../src/org/index.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

const dir = orgFixture();

describe('checkRef', () => {
  it('accepts a valid reference of an expected kind', () => {
    expect(checkRef(dir, { kind: 'party-org', id: ORG.branchFood, asOf: ORG.asOf, expect: ['branch'] }, ['x'])).toBe(
      undefined,
    );
    expect(checkRef(dir, { kind: 'member', id: ORG.leaderFood }, [])).toBe(undefined);
    expect(checkRef(dir, { kind: 'unit', id: ORG.oldPriceStation }, [])).toBe(undefined);
  });

  it.each([
    ['unit', 'org/unknown-unit'],
    ['party-org', 'org/unknown-party-org'],
    ['member', 'org/unknown-member'],
  ] as const)('%s → %s', (kind, code) => {
    const e = checkRef(dir, { kind, id: 'ghost' }, ['ownerId']);
    expect(e?.code).toBe(code);
    expect(e?.path).toEqual(['ownerId']);
    expect(e?.message['zh-CN']).toContain('ghost');
  });

  it('org/not-valid-on for a unit that ended', () => {
    const e = checkRef(dir, { kind: 'unit', id: ORG.oldPriceStation, asOf: ORG.asOf }, ['unitId']);
    expect(e).toMatchObject({ code: 'org/not-valid-on', path: ['unitId'], details: { asOf: ORG.asOf } });
  });

  it('org/wrong-kind when the unit is not of an expected kind', () => {
    const e = checkRef(dir, { kind: 'unit', id: ORG.deptFood, expect: ['station', 'county-bureau'] }, ['a', 0]);
    expect(e).toMatchObject({ code: 'org/wrong-kind', path: ['a', 0], details: { kind: 'department' } });
  });
});
