import { describe, expect, it } from 'vitest';
import type { OrgCommand, PartyOrg } from '../../src/org/index.js';
import { accepted, refusal } from '../helpers/org-commands.js';
import { ORG } from '../helpers/org-fixture.js';

const committee = (id: string, fields: Partial<PartyOrg> = {}): PartyOrg => ({
  id,
  kind: 'committee',
  unitId: ORG.city,
  covers: [],
  name: { 'zh-CN': `${id} 党委` },
  validFrom: '2025-07-01',
  ...fields,
});

// a committee to split: a root with no children, so the split's only question is the new records' parents
const withRoot = accepted({ type: 'add-party-org', record: committee('c-x', { validFrom: '2020-01-01' }) }).state;

const split = (c1: Partial<PartyOrg>, c2: Partial<PartyOrg>): OrgCommand => ({
  type: 'restructure',
  restructuring: {
    id: 'r-split',
    kind: 'split',
    subject: 'party-org',
    effectiveOn: '2025-07-01',
    originalIds: ['c-x'],
    resultingIds: ['c-1', 'c-2'],
  },
  newPartyOrgs: [committee('c-1', c1), committee('c-2', c2)],
});

describe('a restructuring whose new records name each other as parents', () => {
  it('is refused with org/cycle at the new record, and nothing is changed', () => {
    const errors = refusal(split({ parentId: 'c-2' }, { parentId: 'c-1' }), withRoot);
    expect(errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([
      { code: 'org/cycle', path: ['newPartyOrgs', 0, 'parentId'] },
    ]);
    expect(errors[0]?.details).toEqual({ ids: expect.arrayContaining(['c-1', 'c-2']) });
  });

  it('accepts one new record under the other', () => {
    const { events } = accepted(split({ parentId: 'c-2' }, {}), withRoot);
    expect(events.map((e) => e.type)).toContain('restructured');
  });
});
