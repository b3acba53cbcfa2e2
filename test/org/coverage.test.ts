import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/core/index.js';
import { coverage, liaisonLoad, parseDirectory } from '../../src/org/index.js';
import { ORG, orgFixtureSnapshot } from '../helpers/org-fixture.js';

const s = orgFixtureSnapshot();
s.units.push({
  id: 'cp-b1',
  kind: 'contact-point',
  level: 4,
  parentId: ORG.stationB1,
  code: 'C-cp-b1',
  name: { 'zh-CN': '某民宿联系点' },
  validFrom: '2020-01-01',
});
for (let i = 0; i < 3; i++)
  s.marketEntities.push({
    id: `e${i}`,
    kind: 'individual',
    name: { 'zh-CN': `商户${i}` },
    unitId: i < 2 ? ORG.stationA1 : ORG.stationB1,
    validFrom: '2020-01-01',
  });
s.liaisons.push({ id: 'l1', memberId: 'm-ca-1', entityIds: ['e0', 'e1'], validFrom: '2020-01-01' });
s.liaisons.push({ id: 'l2', memberId: 'm-cb-1', entityIds: ['e2'], validFrom: '2020-01-01', validTo: '2024-12-31' });
const dir = unwrap(parseDirectory(s));

describe('coverage and liaisonLoad', () => {
  it('counts per bureau and station over the subtree, in tree order', () => {
    const rows = coverage(dir, ORG.asOf);
    expect(rows.map((r) => r.unitId)).toEqual(['city', 'county-a', 'st-a1', 'st-a2', 'county-b', 'st-b1', 'st-b2']);
    expect(rows[0]).toMatchObject({
      branches: 5,
      guidanceStations: 1,
      contactPoints: 1,
      marketEntities: 3,
      liaisedEntities: 2,
      liaisonMembers: 1,
    });
    expect(rows.find((r) => r.unitId === ORG.countyB)).toMatchObject({
      contactPoints: 1,
      marketEntities: 1,
      liaisedEntities: 0,
    });
    expect(coverage(dir, '2024-06-01')[0]).toMatchObject({ liaisedEntities: 3, liaisonMembers: 2 });
  });

  it('liaisonLoad lists members by entity count', () => {
    expect(liaisonLoad(dir, ORG.asOf)).toEqual([{ memberId: 'm-ca-1', name: '钱峰', entities: 2 }]);
    expect(liaisonLoad(dir, '2024-06-01').map((r) => r.entities)).toEqual([2, 1]);
  });
});
