import { describe, expect, it } from 'vitest';
import type { OrgCommand } from '../../src/org/index.js';
import { accepted, mergeCounties, refusal, unit } from '../helpers/org-commands.js';
import { ORG } from '../helpers/org-fixture.js';

/** One command of every type the fixture accepts as it stands. */
const VALID: { readonly [T in OrgCommand['type']]: OrgCommand } = {
  'add-unit': { type: 'add-unit', record: unit('st-a3', 'station', ORG.countyA, '2025-01-01') },
  'add-party-org': {
    type: 'add-party-org',
    record: {
      id: 'br-new',
      kind: 'branch',
      unitId: ORG.stationA1,
      covers: [],
      name: { 'zh-CN': '城关所党支部' },
      validFrom: '2025-01-01',
    },
  },
  'add-member': {
    type: 'add-member',
    record: { id: 'm-new', name: '新人', party: { standing: 'none' }, status: 'active', memberships: [] },
  },
  'add-post': {
    type: 'add-post',
    record: {
      id: 'post-new',
      kind: 'committee-member',
      partyOrgId: ORG.branchFood,
      holders: [],
      validFrom: '2025-01-01',
    },
  },
  'add-pairing': {
    type: 'add-pairing',
    record: {
      id: 'pair-new',
      kind: 'baobao',
      lead: { kind: 'member', id: ORG.leaderFood },
      partner: { kind: 'unit', id: ORG.stationA1 },
      validFrom: '2025-01-01',
    },
  },
  'add-market-entity': {
    type: 'add-market-entity',
    record: {
      id: 'me-new',
      kind: 'individual',
      name: { 'zh-CN': '面馆' },
      unitId: ORG.stationA1,
      validFrom: '2025-01-01',
    },
  },
  // the fixture has no market entity for a liaison to name: an unknown one is refused, but not for its keys
  'add-liaison': {
    type: 'add-liaison',
    record: { id: 'li-new', memberId: 'm-ca-1', entityIds: ['me-none'], validFrom: '2025-01-01' },
  },
  'add-grid': {
    type: 'add-grid',
    record: {
      id: 'grid-new',
      code: 'G-new',
      name: { 'zh-CN': '网格' },
      unitId: ORG.stationA1,
      memberIds: [],
      validFrom: '2025-01-01',
    },
  },
  'end-unit': { type: 'end-unit', id: ORG.stationA2, on: '2025-06-30' },
  'end-party-org': { type: 'end-party-org', id: ORG.branchCountyB, on: '2025-06-30' },
  'end-member': { type: 'end-member', id: 'm-ca-2', on: '2025-06-30' },
  'end-post': { type: 'end-post', id: `post-lic-${ORG.leaderFood}`, on: '2025-06-30' },
  'end-pairing': { type: 'end-pairing', id: 'pair-none', on: '2025-06-30' },
  'end-market-entity': { type: 'end-market-entity', id: 'me-none', on: '2025-06-30' },
  'end-liaison': { type: 'end-liaison', id: 'li-none', on: '2025-06-30' },
  'end-grid': { type: 'end-grid', id: 'grid-none', on: '2025-06-30' },
  'move-unit': { type: 'move-unit', id: ORG.stationA2, parentId: ORG.countyB, on: '2025-07-01' },
  'move-party-org': { type: 'move-party-org', id: ORG.branchFood, parentId: ORG.leadingGroup, on: '2025-07-01' },
  'join-party-org': { type: 'join-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchDrug, from: '2025-03-01' },
  'leave-party-org': { type: 'leave-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchFood, on: '2025-03-01' },
  'change-standing': {
    type: 'change-standing',
    memberId: 'm-food-4',
    party: { standing: 'full', joinedOn: '2025-07-01', fullOn: '2026-07-01' },
  },
  'assign-post': {
    type: 'assign-post',
    postId: `post-lic-${ORG.leaderFood}`,
    memberId: 'm-food-2',
    from: '2025-06-01',
  },
  'vacate-post': {
    type: 'vacate-post',
    postId: `post-sec-${ORG.branchFood}`,
    memberId: ORG.leaderFood,
    on: '2025-06-01',
  },
  'record-election': { type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01', years: 3 },
  restructure: mergeCounties(),
};

/** Types whose sample is refused for a reason other than its keys (a record it names is not in the fixture). */
const REFUSED_ANYWAY = new Set<OrgCommand['type']>([
  'add-liaison',
  'end-pairing',
  'end-market-entity',
  'end-liaison',
  'end-grid',
]);

const withExtra = (c: OrgCommand, extra: Record<string, unknown>) => ({ ...c, ...extra }) as unknown as OrgCommand;

describe('unknown top-level fields on org commands', () => {
  it('end-unit with an extra field is refused with core/unknown-key, in both languages, as the other deciders do', () => {
    const errors = refusal(withExtra(VALID['end-unit'], { extra: 1 }));
    expect(errors).toEqual([
      {
        code: 'core/unknown-key',
        path: [],
        details: { keys: ['extra'] },
        message: { 'zh-CN': '不认识的字段：extra', en: 'Unknown field(s): extra' },
      },
    ]);
    accepted(VALID['end-unit']);
  });

  it.each(Object.keys(VALID) as OrgCommand['type'][])('%s refuses an unknown field and accepts its own', (type) => {
    const cmd = VALID[type] as OrgCommand;
    const errors = refusal(withExtra(cmd, { note: '备注' }));
    expect(errors.map((e) => [e.code, e.path, e.details])).toContainEqual(['core/unknown-key', [], { keys: ['note'] }]);
    if (REFUSED_ANYWAY.has(type)) expect(refusal(cmd).map((e) => e.code)).not.toContain('core/unknown-key');
    else accepted(cmd);
  });

  it('reports every unknown field at once, with the id checks, before any handler runs', () => {
    const errors = refusal(
      withExtra(
        {
          type: 'join-party-org',
          memberId: 'm-food-2',
          partyOrgId: ORG.branchDrug,
          from: 'bad',
        } as unknown as OrgCommand,
        {
          b: 1,
          a: 2,
        },
      ),
    );
    // the handler would have refused `from` (core/invalid-format): it is not reached
    expect(errors.map((e) => [e.code, e.path, e.details])).toEqual([['core/unknown-key', [], { keys: ['b', 'a'] }]]);
    expect(
      refusal(withExtra({ type: 'end-unit', id: '', on: '2025-06-30' } as OrgCommand, { toString: 1 })).map((e) => [
        e.code,
        e.path.join('.'),
      ]),
    ).toEqual([
      ['core/unknown-key', ''],
      ['core/invalid-format', 'id'],
    ]);
  });

  it('allows the optional fields of a command, present or absent, and only those of its own type', () => {
    accepted({ type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01' });
    accepted({ ...(mergeCounties() as Extract<OrgCommand, { type: 'restructure' }>), newPartyOrgs: [] });
    // `id`/`on` belong to end commands, `record` to add commands, `years` to record-election
    expect(refusal(withExtra(VALID['end-unit'], { record: {} })).map((e) => [e.code, e.details])).toEqual([
      ['core/unknown-key', { keys: ['record'] }],
    ]);
    expect(refusal(withExtra(VALID['add-unit'], { on: '2025-06-30' })).map((e) => [e.code, e.details])).toEqual([
      ['core/unknown-key', { keys: ['on'] }],
    ]);
    expect(refusal(withExtra(VALID['join-party-org'], { years: 3 })).map((e) => [e.code, e.details])).toEqual([
      ['core/unknown-key', { keys: ['years'] }],
    ]);
  });
});
