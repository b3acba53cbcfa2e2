import { describe, expect, it } from 'vitest';
import { emptyDirectory, findUnit, parseDirectory, toSnapshot } from '../../src/org/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { type FullSnapshot, ORG, orgFixture, orgFixtureSnapshot } from '../helpers/org-fixture.js';

function codes(input: unknown): { code: string; path: readonly (string | number)[] }[] {
  const r = parseDirectory(input);
  if (r.ok) return [];
  return r.errors.map((e) => ({ code: e.code, path: e.path }));
}

function broken(edit: (s: FullSnapshot) => void): unknown {
  const s = orgFixtureSnapshot();
  edit(s);
  return s;
}

describe('parseDirectory', () => {
  it('builds a frozen directory from a deep-frozen snapshot without touching it', () => {
    const input = deepFreeze(orgFixtureSnapshot());
    const r = parseDirectory(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.version).toBe(0);
    expect(Object.isFrozen(r.value.units)).toBe(true);
    expect(findUnit(r.value, ORG.city)?.name['zh-CN']).toBe('某市市场监督管理局');
  });

  it('freezes every object and array it returns, records and their nested lists included', () => {
    const r = parseDirectory(orgFixtureSnapshot());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const unfrozen: string[] = [];
    const stack: [unknown, string][] = [[r.value, 'dir']];
    while (stack.length > 0) {
      const [v, at] = stack.pop() as [unknown, string];
      if (v === null || typeof v !== 'object') continue;
      if (!Object.isFrozen(v)) unfrozen.push(at);
      for (const k of Object.keys(v)) stack.push([(v as Record<string, unknown>)[k], `${at}.${k}`]);
    }
    expect(unfrozen).toEqual([]);
  });

  it('round-trips through toSnapshot', () => {
    const dir = orgFixture();
    const again = parseDirectory(toSnapshot(dir));
    expect(again.ok && toSnapshot(again.value)).toEqual(toSnapshot(dir));
  });

  it('accepts an empty snapshot', () => {
    const r = parseDirectory({ units: [] });
    expect(r.ok && toSnapshot(r.value)).toEqual(toSnapshot(emptyDirectory));
  });

  it('reports shape errors from the schema with paths', () => {
    expect(codes({ units: [{ id: 'x' }] })[0]?.path.slice(0, 2)).toEqual(['units', 0]);
    expect(codes({ units: [], extra: 1 })).toEqual([{ code: 'core/unknown-key', path: [] }]);
    expect(codes({ units: [], __proto__x: 1 }).length).toBe(1);
  });

  it('refuses hostile keys', () => {
    const input = JSON.parse('{"units":[],"__proto__":{"x":1}}');
    expect(codes(input)).toEqual([{ code: 'core/forbidden-key', path: ['__proto__'] }]);
  });

  it('org/unknown-unit for an unknown parent, covered department or holder unit', () => {
    expect(codes(broken((s) => Object.assign(s.units[1] ?? {}, { parentId: 'nope' })))).toEqual([
      { code: 'org/unknown-unit', path: ['units', 1, 'parentId'] },
    ]);
    expect(codes(broken((s) => Object.assign(s.partyOrgs[2] ?? {}, { covers: ['dept-food', 'ghost'] })))).toEqual([
      { code: 'org/unknown-unit', path: ['partyOrgs', 2, 'covers', 1] },
    ]);
  });

  it('org/unknown-party-org for an unknown membership organization', () => {
    expect(
      codes(
        broken((s) => Object.assign(s.members[0] ?? {}, { memberships: [{ partyOrgId: 'gone', from: '2020-01-01' }] })),
      ),
    ).toEqual([{ code: 'org/unknown-party-org', path: ['members', 0, 'memberships', 0, 'partyOrgId'] }]);
  });

  it('org/unknown-member for a post held by an unknown person', () => {
    expect(
      codes(broken((s) => Object.assign(s.posts[0] ?? {}, { holders: [{ memberId: 'ghost', from: '2020-01-01' }] }))),
    ).toEqual([{ code: 'org/unknown-member', path: ['posts', 0, 'holders', 0, 'memberId'] }]);
  });

  it('org/duplicate-id and org/duplicate-code', () => {
    expect(codes(broken((s) => s.units.push({ ...(s.units[1] as (typeof s.units)[number]) })))).toEqual(
      expect.arrayContaining([{ code: 'org/duplicate-id', path: ['units', 14, 'id'] }]),
    );
    expect(codes(broken((s) => Object.assign(s.units[2] ?? {}, { code: 'C-dept-food' })))).toEqual([
      { code: 'org/duplicate-code', path: ['units', 2, 'code'] },
    ]);
  });

  it('org/cycle in unit and party-org parent links', () => {
    const unitCycle = broken((s) => {
      Object.assign(s.units[0] ?? {}, { kind: 'county-bureau', level: 4, parentId: ORG.countyA });
      Object.assign(s.units[6] ?? {}, { kind: 'municipal-bureau', level: 3 });
    });
    expect(codes(unitCycle).map((e) => e.code)).toContain('org/cycle');
    const partyCycle = broken((s) => {
      Object.assign(s.partyOrgs[0] ?? {}, { kind: 'committee', parentId: ORG.organCommittee });
    });
    const found = codes(partyCycle).filter((e) => e.code === 'org/cycle');
    expect(found).toEqual([{ code: 'org/cycle', path: ['partyOrgs', 0, 'parentId'] }]);
  });

  it('a district bureau may sit directly under the provincial-level bureau of a municipality (直辖市)', () => {
    const r = parseDirectory({
      units: [
        {
          id: 'sh',
          kind: 'provincial-bureau',
          level: 2,
          code: 'SH',
          name: { 'zh-CN': '上海市市场监督管理局' },
          validFrom: '2018-11-01',
        },
        {
          id: 'cm',
          kind: 'county-bureau',
          level: 4,
          parentId: 'sh',
          code: 'CM',
          name: { 'zh-CN': '崇明区市场监督管理局' },
          validFrom: '2018-11-01',
        },
        {
          id: 'cm-st',
          kind: 'station',
          level: 4,
          parentId: 'cm',
          code: 'CM-1',
          name: { 'zh-CN': '城桥市场监督管理所' },
          validFrom: '2018-11-01',
        },
      ],
    });
    expect(r.ok).toBe(true);
    expect(r.ok && findUnit(r.value, 'cm')?.parentId).toBe('sh');
  });

  it('org/invalid-parent-kind for a station under a department', () => {
    expect(codes(broken((s) => Object.assign(s.units[9] ?? {}, { parentId: ORG.deptFood, level: 3 })))).toEqual([
      { code: 'org/invalid-parent-kind', path: ['units', 9, 'parentId'] },
    ]);
  });

  it('org/invalid-parent-kind for a party group under a committee', () => {
    // the branch's term goes too: a group has none (org/wrong-kind at term, tested in audit-fixes)
    const group = (s: FullSnapshot) => {
      const p = s.partyOrgs[2];
      if (!p) return;
      Object.assign(p, { kind: 'group' });
      delete p.term;
    };
    expect(codes(broken(group)).map((e) => e.code)).toEqual(['org/invalid-parent-kind']);
  });

  it('org/level-mismatch for a bureau at the wrong level and a child at another level than its parent', () => {
    expect(codes(broken((s) => Object.assign(s.units[0] ?? {}, { level: 2 })))).toEqual(
      expect.arrayContaining([{ code: 'org/level-mismatch', path: ['units', 0, 'level'] }]),
    );
    expect(codes(broken((s) => Object.assign(s.units[9] ?? {}, { level: 3 })))).toEqual([
      { code: 'org/level-mismatch', path: ['units', 9, 'level'] },
    ]);
  });

  it('org/wrong-kind when the leading group is not a 党组', () => {
    expect(codes(broken((s) => Object.assign(s.partyOrgs[2] ?? {}, { leadingGroupId: ORG.organCommittee })))).toEqual([
      { code: 'org/wrong-kind', path: ['partyOrgs', 2, 'leadingGroupId'] },
    ]);
  });

  it('core/dates-out-of-order for validity, tenure and membership intervals', () => {
    expect(codes(broken((s) => Object.assign(s.units[3] ?? {}, { validTo: '2018-01-01' })))).toEqual([
      { code: 'core/dates-out-of-order', path: ['units', 3, 'validTo'] },
    ]);
    expect(
      codes(
        broken((s) =>
          Object.assign(s.posts[0] ?? {}, {
            holders: [{ memberId: ORG.leaderFood, from: '2020-01-01', to: '2019-01-01' }],
          }),
        ),
      ),
    ).toEqual([{ code: 'core/dates-out-of-order', path: ['posts', 0, 'holders', 0, 'to'] }]);
  });

  it('org/not-a-party-member when a non-member has party memberships', () => {
    expect(
      codes(
        broken((s) =>
          Object.assign(s.members[13] ?? {}, { memberships: [{ partyOrgId: ORG.branchFood, from: '2020-01-01' }] }),
        ),
      ),
    ).toEqual([{ code: 'org/not-a-party-member', path: ['members', 13, 'memberships'] }]);
  });

  it('org/invalid-restructuring for a merge with one original', () => {
    const input = broken((s) =>
      s.restructurings.push({
        id: 'r1',
        kind: 'merge',
        subject: 'unit',
        effectiveOn: '2022-01-01',
        originalIds: [ORG.oldPriceStation],
        resultingIds: [ORG.stationB1],
      }),
    );
    expect(codes(input)).toEqual([{ code: 'org/invalid-restructuring', path: ['restructurings', 0, 'kind'] }]);
  });

  it('org/unknown-record for an unknown market entity in a liaison', () => {
    const input = broken((s) =>
      s.liaisons.push({ id: 'l1', memberId: ORG.leaderFood, entityIds: ['ghost'], validFrom: '2020-01-01' }),
    );
    expect(codes(input)).toEqual([{ code: 'org/unknown-record', path: ['liaisons', 0, 'entityIds', 0] }]);
  });

  it('reports every structural error at once', () => {
    const input = broken((s) => {
      Object.assign(s.units[1] ?? {}, { parentId: 'nope' });
      Object.assign(s.units[2] ?? {}, { validTo: '2000-01-01' });
      Object.assign(s.posts[0] ?? {}, { holders: [{ memberId: 'ghost', from: '2020-01-01' }] });
    });
    expect(
      codes(input)
        .map((e) => e.code)
        .sort(),
    ).toEqual(['core/dates-out-of-order', 'org/unknown-member', 'org/unknown-unit']);
  });
});
