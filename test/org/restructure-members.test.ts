import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/index.js';
import { checkDirectory, findMember, type Member, type OrgCommand } from '../../src/org/index.js';
import { runAll } from '../helpers/org-commands.js';
import { ORG } from '../helpers/org-fixture.js';

// a person in the 药品 branch who is also, until the end of the year, a member of the 食品 branch
const dual = (foodTo?: IsoDate): Member => ({
  id: 'm-dual',
  name: '双重组织关系',
  unitId: ORG.deptDrug,
  party: { standing: 'full', joinedOn: '2010-07-01', fullOn: '2011-07-01' },
  status: 'active',
  validFrom: '2019-01-01',
  memberships: [
    { partyOrgId: ORG.branchDrug, from: '2019-01-01' },
    { partyOrgId: ORG.branchFood, from: '2024-01-01', ...(foodTo ? { to: foodTo } : {}) },
  ],
});

// the 药品 branch merged into the 食品 branch, which carries on
const mergeIntoFood: OrgCommand = {
  type: 'restructure',
  restructuring: {
    id: 'r-into-food',
    kind: 'merge',
    subject: 'party-org',
    effectiveOn: '2025-08-01',
    originalIds: [ORG.branchFood, ORG.branchDrug],
    resultingIds: [ORG.branchFood],
  },
};

describe('members moved by a restructuring', () => {
  it('are not enrolled again in a result they are already a member of on its first day, open or not', () => {
    for (const foodTo of [undefined, '2025-12-31'] as const) {
      const { state, events } = runAll([{ type: 'add-member', record: dual(foodTo) }, mergeIntoFood]);
      const joins = events.filter((e) => e.type === 'party-org-joined' && e.memberId === 'm-dual');
      expect(joins, `food membership to ${foodTo}`).toEqual([]);
      expect(checkDirectory(state, '2025-10-16').filter((f) => f.severity === 'error')).toEqual([]);
    }
  });

  it('are enrolled from the first day when their earlier membership of the result had ended', () => {
    const { state } = runAll([{ type: 'add-member', record: dual('2024-12-31') }, mergeIntoFood]);
    expect(findMember(state, 'm-dual')?.memberships.filter((m) => m.partyOrgId === ORG.branchFood)).toEqual([
      { partyOrgId: ORG.branchFood, from: '2024-01-01', to: '2024-12-31' },
      { partyOrgId: ORG.branchFood, from: '2025-08-01' },
    ]);
  });
});
