import { describe, expect, it } from 'vitest';
import { getRecord, replay, unwrap } from '../../src/core/index.js';
import {
  checkDirectory,
  membersOf,
  type OrgCommand,
  type OrgDirectory,
  orgDecider,
  type PartyOrg,
  parseDirectory,
  toSnapshot,
} from '../../src/org/index.js';
import { accepted, movePartyOrg, refusal, runAll } from '../helpers/org-commands.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

const ON = '2025-07-01';
const BEFORE = '2025-06-30';
const NEW_OC = 'oc-city-2025';
const BRANCHES = [ORG.branchDrug, ORG.branchFood, ORG.branchOffice] as const;

const partyOrg = (id: string, kind: PartyOrg['kind'], parentId: string | undefined, validFrom: string): OrgCommand => ({
  type: 'add-party-org',
  record: {
    id,
    kind,
    ...(parentId === undefined ? {} : { parentId }),
    unitId: ORG.city,
    covers: [],
    name: { 'zh-CN': id },
    validFrom: validFrom as PartyOrg['validFrom'],
  },
});

/** The new 机关党委 from 2025-07-01, the three organ branches moved to it that day, then the old one ended. */
const moved = runAll([
  partyOrg(NEW_OC, 'organ-committee', ORG.leadingGroup, ON),
  ...BRANCHES.map((id) => movePartyOrg(id, NEW_OC, ON)),
]);
const ended = runAll([{ type: 'end-party-org', id: ORG.organCommittee, on: BEFORE }], moved.state);

const outlived = (dir: OrgDirectory) =>
  checkDirectory(dir, ORG.asOf)
    .filter((f) => f.code === 'org/outlives-parent')
    .map((f) => f.ids.join(' < '))
    .sort();

describe('move-party-org: organ branches to a new 机关党委', () => {
  it('records party-org-moved and keeps the old 机关党委 in formerParents', () => {
    expect(moved.events.filter((e) => e.type === 'party-org-moved').map((e) => [e.type, 'id' in e && e.id])).toEqual(
      BRANCHES.map((id) => ['party-org-moved', id]),
    );
    const b = getRecord(moved.state.partyOrgs, ORG.branchFood);
    expect(b?.parentId).toBe(NEW_OC);
    expect(b?.formerParents).toEqual([{ parentId: ORG.organCommittee, validTo: BEFORE }]);
    // the branch is the same record: members, posts and its other links stay
    expect(b).toMatchObject({ leadingGroupId: ORG.leadingGroup, unitId: ORG.city, covers: [ORG.deptFood] });
    expect(membersOf(moved.state, ORG.branchFood, ON)).toEqual(membersOf(orgFixture(), ORG.branchFood, ON));
  });

  it('lets the old 机关党委 end on the day before, ending none of the moved branches', () => {
    const before = orgFixture();
    expect(
      refusal({ type: 'end-party-org', id: ORG.organCommittee, on: BEFORE }, before).map((e) => [
        e.code,
        e.path,
        e.details?.id,
      ]),
    ).toEqual(BRANCHES.map((id) => ['org/invalid-parent-kind', ['id'], id]));
    expect(ended.events.map((e) => e.type)).toEqual(['party-org-ended']);
    for (const id of BRANCHES) expect(getRecord(ended.state.partyOrgs, id)?.validTo).toBe(undefined);
    expect(outlived(ended.state)).toEqual([]);
    expect(checkDirectory(ended.state, ORG.asOf).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reports outlives-parent for branches left under an ended 机关党委 in a snapshot, and not once moved', () => {
    const snap = JSON.parse(JSON.stringify(toSnapshot(orgFixture())));
    snap.partyOrgs.find((p: PartyOrg) => p.id === ORG.organCommittee).validTo = BEFORE;
    expect(outlived(unwrap(parseDirectory(snap)))).toEqual(BRANCHES.map((id) => `${id} < ${ORG.organCommittee}`));
    expect(outlived(ended.state)).toEqual([]);
  });

  it('replays to the executed state, and its snapshot round-trips', () => {
    const replayed = replay(orgDecider, [...moved.events, ...ended.events], { from: orgFixture() });
    expect(toSnapshot(replayed)).toEqual(toSnapshot(ended.state));
    const parsed = unwrap(parseDirectory(JSON.parse(JSON.stringify(toSnapshot(ended.state)))));
    expect(toSnapshot(parsed)).toEqual(toSnapshot(ended.state));
  });

  it('gives a branch with no party-line superior its first one', () => {
    const r = accepted(movePartyOrg(ORG.branchCountyA, ORG.organCommittee, ON));
    expect(getRecord(r.state.partyOrgs, ORG.branchCountyA)).toMatchObject({
      parentId: ORG.organCommittee,
      formerParents: [{ validTo: BEFORE }],
    });
    expect(accepted(movePartyOrg(ORG.branchFood, ORG.organCommittee, ON)).events).toEqual([]);
  });
});

describe('党小组 moved between branches', () => {
  const group = (id: string, parentId: string): OrgCommand => ({
    type: 'add-party-org',
    record: {
      id,
      kind: 'group',
      parentId,
      unitId: ORG.city,
      covers: [],
      name: { 'zh-CN': id },
      validFrom: '2024-01-01',
    },
  });
  const dir = runAll([group('g-1', ORG.branchDrug), movePartyOrg('g-1', ORG.branchOffice, ON)]).state;

  it('ends with the branch it is in, not the one it left', () => {
    const r = accepted({ type: 'end-party-org', id: ORG.branchDrug, on: '2025-09-30' }, dir);
    expect(r.events.some((e) => e.type === 'party-org-ended' && e.id === 'g-1')).toBe(false);
    const drug = accepted({ type: 'end-party-org', id: ORG.branchOffice, on: '2025-09-30' }, dir);
    expect(drug.events.filter((e) => e.type === 'party-org-ended').map((e) => ('id' in e ? e.id : ''))).toEqual([
      ORG.branchOffice,
      'g-1',
    ]);
  });

  it('is refused: its old branch ending while it was still in it, its new one ending before it came', () => {
    expect(
      refusal({ type: 'end-party-org', id: ORG.branchDrug, on: '2025-06-15' }, dir).map((e) => [
        e.code,
        e.path,
        e.details?.id,
      ]),
    ).toEqual([['org/invalid-parent-kind', ['id'], 'g-1']]);
    expect(
      refusal({ type: 'end-party-org', id: ORG.branchOffice, on: '2025-06-15' }, dir).map((e) => [
        e.code,
        e.path,
        e.details,
      ]),
    ).toEqual([['core/dates-out-of-order', ['on'], { from: ON, to: '2025-06-15', partyOrgId: 'g-1' }]]);
    expect(
      refusal({ type: 'end-party-org', id: 'g-1', on: '2025-06-15' }, dir).map((e) => [e.code, e.path, e.details]),
    ).toEqual([['core/dates-out-of-order', ['on'], { from: ON, to: '2025-06-15' }]]);
  });

  it('only into a branch', () => {
    expect(refusal(movePartyOrg('g-1', ORG.organCommittee, '2025-08-01'), dir)).toEqual([
      {
        code: 'org/invalid-parent-kind',
        path: ['parentId'],
        details: { id: 'g-1', kind: 'organ-committee', expected: ['branch'] },
        message: {
          'zh-CN': 'g-1 的上级类型为 organ-committee，不能设在其下；可设在 branch 之下',
          en: 'g-1 cannot sit under a organ-committee; allowed parents: branch',
        },
      },
    ]);
  });
});

describe('move-party-org refusals', () => {
  const codes = (cmd: OrgCommand, state: OrgDirectory = orgFixture()) =>
    refusal(cmd, state).map((e) => [e.code, e.path, e.details]);

  it('an unknown party organization or parent, or one not in force', () => {
    expect(codes(movePartyOrg('br-ghost', ORG.organCommittee, ON))).toEqual([
      ['org/unknown-party-org', ['id'], { id: 'br-ghost' }],
    ]);
    expect(codes(movePartyOrg(ORG.branchFood, 'oc-ghost', ON))).toEqual([
      ['org/unknown-party-org', ['parentId'], { id: 'oc-ghost' }],
    ]);
    expect(codes(movePartyOrg(ORG.branchFood, NEW_OC, '2018-01-01'))).toEqual([
      ['org/not-valid-on', ['on'], { id: ORG.branchFood, asOf: '2018-01-01' }],
    ]);
  });

  it('a move before the current superior’s first day, or to one not in force through the branch’s validity', () => {
    expect(codes(movePartyOrg(ORG.branchFood, ORG.leadingGroup, '2025-06-01'), moved.state)).toEqual([
      ['core/dates-out-of-order', ['on'], { from: '2025-07-02', to: '2025-06-01' }],
    ]);
    expect(codes(movePartyOrg(ORG.branchCountyA, NEW_OC, '2025-06-01'), moved.state)).toEqual([
      ['org/not-valid-on', ['parentId'], { id: NEW_OC, asOf: '2025-06-01' }],
    ]);
    expect(codes(movePartyOrg(ORG.branchCountyA, ORG.organCommittee, ON), ended.state)).toEqual([
      ['org/not-valid-on', ['parentId'], { id: ORG.organCommittee, asOf: ON }],
    ]);
  });

  it('a 党委 under one of its own, now or on any day the move covers', () => {
    // lg-city (党组) → cm (党委) under it; the 党组 may answer to a 党委, but not to its own
    const dir = runAll([partyOrg('cm', 'committee', ORG.leadingGroup, '2020-01-01')]).state;
    expect(refusal(movePartyOrg(ORG.leadingGroup, 'cm', ON), dir)).toEqual([
      {
        code: 'org/cycle',
        path: ['parentId'],
        details: { ids: [ORG.leadingGroup, 'cm', ORG.leadingGroup] },
        message: {
          'zh-CN': '上下级关系成环：lg-city → cm → lg-city',
          en: 'The parent links form a cycle: lg-city → cm → lg-city',
        },
      },
    ]);
    // c2 is under c1 until the end of 2025, then under c3: c1 may go under c2 only from 2026
    const later = runAll([
      partyOrg('c1', 'committee', undefined, '2020-01-01'),
      partyOrg('c2', 'committee', 'c1', '2020-01-01'),
      partyOrg('c3', 'committee', undefined, '2020-01-01'),
      movePartyOrg('c2', 'c3', '2026-01-01'),
    ]).state;
    expect(codes(movePartyOrg('c1', 'c2', ON), later)).toEqual([
      ['org/cycle', ['parentId'], { ids: ['c1', 'c2', 'c1'] }],
    ]);
    expect(accepted(movePartyOrg('c1', 'c2', '2026-01-01'), later).events.map((e) => e.type)).toEqual([
      'party-org-moved',
    ]);
  });

  it('a cycle of the past in a snapshot: two 党委 each under the other while one was under its former superior', () => {
    const snap = JSON.parse(JSON.stringify(toSnapshot(orgFixture())));
    const committee = (id: string, rest: object) => ({
      id,
      kind: 'committee',
      unitId: ORG.city,
      covers: [],
      name: { 'zh-CN': id },
      validFrom: '2020-01-01',
      ...rest,
    });
    snap.partyOrgs.push(
      committee('c1', { formerParents: [{ parentId: 'c2', validTo: '2024-12-31' }] }),
      committee('c2', { parentId: 'c1' }),
    );
    const i = snap.partyOrgs.length - 2;
    expect(parseDirectory(snap).errors?.map((e) => [e.code, e.path, e.details])).toEqual([
      ['org/cycle', ['partyOrgs', i, 'formerParents', 0, 'parentId'], { ids: ['c1', 'c2', 'c1'] }],
    ]);
    // the same links a day apart are no cycle: c2 comes under c1 only once c1 has left it
    snap.partyOrgs[i + 1].validFrom = '2025-01-01';
    expect(parseDirectory(snap).ok).toBe(true);
  });

  it('malformed formerParents in a snapshot: a 党小组 that was in no branch, an unknown or wrong superior', () => {
    const snap = JSON.parse(JSON.stringify(toSnapshot(orgFixture())));
    snap.partyOrgs.push({
      id: 'g-x',
      kind: 'group',
      parentId: ORG.branchFood,
      formerParents: [
        { validTo: '2024-06-30' },
        { parentId: 'br-ghost', validTo: '2024-09-30' },
        { parentId: ORG.organCommittee, validTo: '2024-12-31' },
      ],
      unitId: ORG.city,
      covers: [],
      name: { 'zh-CN': '第一党小组' },
      validFrom: '2024-01-01',
    });
    const i = snap.partyOrgs.length - 1;
    const r = parseDirectory(snap);
    expect(r.errors?.map((e) => [e.code, e.path, e.details])).toEqual([
      [
        'org/invalid-parent-kind',
        ['partyOrgs', i, 'formerParents', 0, 'parentId'],
        { id: 'g-x', kind: '', expected: ['branch'] },
      ],
      ['org/unknown-party-org', ['partyOrgs', i, 'formerParents', 1, 'parentId'], { id: 'br-ghost' }],
      [
        'org/invalid-parent-kind',
        ['partyOrgs', i, 'formerParents', 2, 'parentId'],
        { id: 'g-x', kind: 'organ-committee', expected: ['branch'] },
      ],
    ]);
  });
});
