import { describe, expect, it } from 'vitest';
import { execute, fixedContext, type Recorded } from '../../src/core/index.js';
import {
  branchOf,
  findPartyOrg,
  findUnit,
  membersOf,
  type OrgCommand,
  type OrgDirectory,
  type OrgEvent,
  orgDecider,
  postsOf,
  replayOrg,
  successorOf,
  toSnapshot,
} from '../../src/org/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

const ctx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });
const base = orgFixture();

function run(cmd: OrgCommand, dir: OrgDirectory = base) {
  return execute(orgDecider, dir, deepFreeze(cmd), ctx);
}
function refused(cmd: OrgCommand, dir: OrgDirectory = base) {
  const r = run(cmd, dir);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path }));
}
function accepted(cmd: OrgCommand, dir: OrgDirectory = base) {
  const r = run(cmd, dir);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.map((e) => [e.code, e.path])));
  return r.value;
}

const station = {
  id: 'st-new',
  kind: 'station',
  level: 4,
  parentId: ORG.countyA,
  code: 'C-st-new',
  name: { 'zh-CN': '北镇市场监管所' },
  validFrom: '2025-01-01',
} as const;

describe('orgDecider: adding and ending records', () => {
  it('adds a unit and records the event with actor and seq', () => {
    const { state, events } = accepted({ type: 'add-unit', record: station });
    expect(findUnit(state, 'st-new', ORG.asOf)?.parentId).toBe(ORG.countyA);
    expect(events[0]).toMatchObject({ type: 'unit-added', seq: 1, actor: 'u-office' });
    expect(findUnit(base, 'st-new')).toBe(undefined);
  });

  it('refuses an unknown parent, a duplicate id, a duplicate code and a wrong parent kind', () => {
    expect(refused({ type: 'add-unit', record: { ...station, parentId: 'ghost' } })).toEqual([
      { code: 'org/unknown-unit', path: ['record', 'parentId'] },
    ]);
    expect(refused({ type: 'add-unit', record: { ...station, id: ORG.stationA1, code: 'x' } })).toEqual([
      { code: 'org/duplicate-id', path: ['record', 'id'] },
    ]);
    expect(refused({ type: 'add-unit', record: { ...station, code: 'C-st-a1' } })).toEqual([
      { code: 'org/duplicate-code', path: ['record', 'code'] },
    ]);
    expect(refused({ type: 'add-unit', record: { ...station, parentId: ORG.city, level: 3 } })).toEqual([
      { code: 'org/invalid-parent-kind', path: ['record', 'parentId'] },
    ]);
  });

  it('refuses a malformed record with schema errors under record', () => {
    const errs = refused({ type: 'add-unit', record: { ...station, kind: 'castle' } as never });
    expect(errs).toEqual([{ code: 'core/invalid-value', path: ['record', 'kind'] }]);
  });

  it('refuses a self-parent (no cycle can be created)', () => {
    expect(refused({ type: 'add-unit', record: { ...station, parentId: 'st-new' } })).toEqual([
      { code: 'org/unknown-unit', path: ['record', 'parentId'] },
    ]);
  });

  it('ends a unit; ending again is org/already-ended; before its start is out of order', () => {
    const { state } = accepted({ type: 'end-unit', id: ORG.stationB2, on: '2025-06-30' });
    expect(findUnit(state, ORG.stationB2, '2025-06-30')).toBeDefined();
    expect(findUnit(state, ORG.stationB2, '2025-07-01')).toBe(undefined);
    expect(refused({ type: 'end-unit', id: ORG.stationB2, on: '2025-08-01' }, state)).toEqual([
      { code: 'org/already-ended', path: ['id'] },
    ]);
    expect(refused({ type: 'end-unit', id: ORG.stationB1, on: '2018-01-01' })).toEqual([
      { code: 'core/dates-out-of-order', path: ['on'] },
    ]);
    expect(refused({ type: 'end-party-org', id: 'ghost', on: '2025-01-01' })).toEqual([
      { code: 'org/unknown-party-org', path: ['id'] },
    ]);
    expect(refused({ type: 'end-grid', id: 'ghost', on: '2025-01-01' })).toEqual([
      { code: 'org/unknown-record', path: ['id'] },
    ]);
    expect(refused({ type: 'end-unit', id: ORG.stationB1, on: '2025-13-01' as never })).toEqual([
      { code: 'core/invalid', path: ['on'] },
    ]);
  });

  it('adds a party org, a pairing, an entity, a liaison and a grid', () => {
    let dir = base;
    const cmds: OrgCommand[] = [
      {
        type: 'add-grid',
        record: {
          id: 'g1',
          code: 'G1',
          name: { 'zh-CN': '城关一网格' },
          unitId: ORG.stationA1,
          memberIds: ['m-ca-1'],
          validFrom: '2025-01-01',
        },
      },
      {
        type: 'add-market-entity',
        record: {
          id: 'e1',
          kind: 'individual',
          name: { 'zh-CN': '老街面馆' },
          unitId: ORG.stationA1,
          gridId: 'g1',
          validFrom: '2025-01-01',
        },
      },
      { type: 'add-liaison', record: { id: 'l1', memberId: 'm-ca-1', entityIds: ['e1'], validFrom: '2025-01-01' } },
      {
        type: 'add-pairing',
        record: {
          id: 'p1',
          kind: 'joint-building',
          lead: { kind: 'party-org', id: ORG.branchFood },
          partner: { kind: 'external', name: { 'zh-CN': '某食品企业党支部' } },
          validFrom: '2025-01-01',
        },
      },
    ];
    for (const c of cmds) dir = accepted(c, dir).state;
    expect(dir.version).toBe(4);
    expect(
      refused(
        { type: 'add-liaison', record: { id: 'l2', memberId: 'ghost', entityIds: ['nope'], validFrom: '2025-01-01' } },
        dir,
      ),
    ).toEqual([
      { code: 'org/unknown-member', path: ['record', 'memberId'] },
      { code: 'org/unknown-record', path: ['record', 'entityIds', 0] },
    ]);
  });
});

describe('orgDecider: people and posts', () => {
  it('joins and leaves a party organization', () => {
    const joined = accepted({
      type: 'join-party-org',
      memberId: 'm-food-2',
      partyOrgId: ORG.branchDrug,
      from: '2025-03-01',
    });
    expect(membersOf(joined.state, ORG.branchDrug, ORG.asOf).map((m) => m.id)).toContain('m-food-2');
    const left = accepted(
      { type: 'leave-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchFood, on: '2025-02-28' },
      joined.state,
    );
    expect(membersOf(left.state, ORG.branchFood, ORG.asOf).map((m) => m.id)).not.toContain('m-food-2');
    expect(membersOf(left.state, ORG.branchFood, '2025-02-28').map((m) => m.id)).toContain('m-food-2');
  });

  it('refuses joins that break a rule', () => {
    expect(
      refused({ type: 'join-party-org', memberId: ORG.nonMember, partyOrgId: ORG.branchFood, from: '2025-03-01' }),
    ).toEqual([{ code: 'org/not-a-party-member', path: ['memberId'] }]);
    expect(
      refused({ type: 'join-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchFood, from: '2025-03-01' }),
    ).toEqual([{ code: 'org/overlapping-interval', path: ['from'] }]);
    expect(refused({ type: 'join-party-org', memberId: 'ghost', partyOrgId: 'nope', from: '2025-03-01' })).toEqual([
      { code: 'org/unknown-member', path: ['memberId'] },
      { code: 'org/unknown-party-org', path: ['partyOrgId'] },
    ]);
    expect(
      refused({ type: 'join-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchDrug, from: '2018-03-01' }),
    ).toEqual([{ code: 'org/not-valid-on', path: ['partyOrgId'] }]);
    expect(
      refused({ type: 'leave-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchDrug, on: '2025-03-01' }),
    ).toEqual([{ code: 'org/unknown-record', path: ['partyOrgId'] }]);
    expect(
      refused({ type: 'leave-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchFood, on: '2018-03-01' }),
    ).toEqual([{ code: 'core/dates-out-of-order', path: ['on'] }]);
  });

  it('changes standing; the same standing is a no-op returning the same state', () => {
    const same = accepted({
      type: 'change-standing',
      memberId: 'm-food-2',
      party: { standing: 'full', joinedOn: '2005-07-01', fullOn: '2006-07-01' },
    });
    expect(same.state).toBe(base);
    expect(same.events).toEqual([]);
    const full = accepted({
      type: 'change-standing',
      memberId: 'm-food-4',
      party: { standing: 'full', joinedOn: '2025-07-01', fullOn: '2026-07-01' },
    });
    expect(full.state.version).toBe(1);
    expect(refused({ type: 'change-standing', memberId: 'm-food-4', party: { standing: 'none' } })).toEqual([
      { code: 'org/not-a-party-member', path: ['party'] },
    ]);
  });

  it('assigns and vacates a post', () => {
    const post = `post-sec-${ORG.branchFood}`;
    const vacated = accepted({ type: 'vacate-post', postId: post, memberId: ORG.leaderFood, on: '2025-05-31' });
    const assigned = accepted(
      { type: 'assign-post', postId: post, memberId: 'm-food-2', from: '2025-06-01' },
      vacated.state,
    );
    expect(postsOf(assigned.state, 'm-food-2', ORG.asOf).map((p) => p.id)).toEqual([post]);
    expect(postsOf(assigned.state, ORG.leaderFood, ORG.asOf).map((p) => p.kind)).toEqual(['leader-in-charge']);
    expect(refused({ type: 'assign-post', postId: post, memberId: ORG.leaderFood, from: '2025-06-01' })).toEqual([
      { code: 'org/overlapping-interval', path: ['from'] },
    ]);
    expect(refused({ type: 'assign-post', postId: 'ghost', memberId: 'm-food-2', from: '2025-06-01' })).toEqual([
      { code: 'org/unknown-record', path: ['postId'] },
    ]);
    expect(refused({ type: 'assign-post', postId: post, memberId: 'm-food-2', from: '2018-06-01' })).toEqual([
      { code: 'org/not-valid-on', path: ['from'] },
    ]);
    expect(refused({ type: 'vacate-post', postId: post, memberId: 'm-food-2', on: '2025-06-01' })).toEqual([
      { code: 'org/unknown-record', path: ['memberId'] },
    ]);
  });

  it('records an election; the same election again is a no-op', () => {
    const r = accepted({ type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01' });
    expect(findPartyOrg(r.state, ORG.branchFood)?.term).toEqual({ electedOn: '2026-03-01', years: 3 });
    expect(
      accepted({ type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01' }, r.state).state,
    ).toBe(r.state);
    expect(refused({ type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2020-03-01' })).toEqual([
      { code: 'core/dates-out-of-order', path: ['electedOn'] },
    ]);
    expect(refused({ type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01', years: 0 })).toEqual(
      [{ code: 'core/out-of-range', path: ['years'] }],
    );
  });
});

describe('orgDecider: restructurings', () => {
  const merged = {
    id: 'county-ab',
    kind: 'county-bureau',
    level: 4,
    parentId: ORG.city,
    code: 'C-county-ab',
    name: { 'zh-CN': '甲乙区市场监督管理局' },
    validFrom: '2025-07-01',
  } as const;

  it('merges two county bureaus into a new one; originals end the day before', () => {
    const { state } = accepted({
      type: 'restructure',
      restructuring: {
        id: 'r1',
        kind: 'merge',
        subject: 'unit',
        effectiveOn: '2025-07-01',
        originalIds: [ORG.countyA, ORG.countyB],
        resultingIds: ['county-ab'],
      },
      newUnits: [merged],
    });
    expect(findUnit(state, ORG.countyA)?.validTo).toBe('2025-06-30');
    expect(successorOf(state, ORG.countyA, ORG.asOf)).toBe('county-ab');
    expect(successorOf(state, ORG.countyA, '2025-06-30')).toBe(ORG.countyA);
  });

  it('merges branches and moves their members to the result', () => {
    // after m-food-4 joined br-food (2025-07-01): a membership may not start after its branch's last day
    const { state, events } = accepted({
      type: 'restructure',
      restructuring: {
        id: 'r2',
        kind: 'merge',
        subject: 'party-org',
        effectiveOn: '2025-08-01',
        originalIds: [ORG.branchFood, ORG.branchDrug],
        resultingIds: ['br-fd'],
      },
      newPartyOrgs: [
        {
          id: 'br-fd',
          kind: 'branch',
          parentId: ORG.organCommittee,
          unitId: ORG.city,
          covers: [ORG.deptFood, ORG.deptDrug],
          name: { 'zh-CN': '食品药品联合党支部' },
          validFrom: '2025-08-01',
        },
      ],
    });
    expect(membersOf(state, 'br-fd', ORG.asOf).length).toBe(7);
    expect(membersOf(state, ORG.branchFood, '2025-06-30').length).toBe(3);
    expect(branchOf(state, ORG.deptDrug, ORG.asOf)?.id).toBe('br-fd');
    expect(events.filter((e) => e.type === 'party-org-joined').length).toBe(7);
  });

  it('refuses malformed restructurings', () => {
    expect(
      refused({
        type: 'restructure',
        restructuring: {
          id: 'r3',
          kind: 'split',
          subject: 'unit',
          effectiveOn: '2025-07-01',
          originalIds: [ORG.countyA],
          resultingIds: [ORG.countyB],
        },
      }),
    ).toEqual([{ code: 'org/invalid-restructuring', path: ['restructuring', 'kind'] }]);
    expect(
      refused({
        type: 'restructure',
        restructuring: {
          id: 'r4',
          kind: 'dissolve',
          subject: 'unit',
          effectiveOn: '2025-07-01',
          originalIds: [ORG.oldPriceStation],
          resultingIds: [],
        },
      }),
    ).toEqual([{ code: 'org/already-ended', path: ['restructuring', 'originalIds', 0] }]);
    expect(
      refused({
        type: 'restructure',
        restructuring: {
          id: 'r5',
          kind: 'rename',
          subject: 'unit',
          effectiveOn: '2025-07-01',
          originalIds: [ORG.countyA],
          resultingIds: ['ghost'],
        },
      }),
    ).toEqual([{ code: 'org/unknown-unit', path: ['restructuring', 'resultingIds', 0] }]);
    expect(
      refused({
        type: 'restructure',
        restructuring: {
          id: 'r6',
          kind: 'rename',
          subject: 'unit',
          effectiveOn: '2025-07-01',
          originalIds: [ORG.countyA],
          resultingIds: ['county-ab'],
        },
        newUnits: [{ ...merged, code: 'C-county-b' }],
      }),
    ).toEqual([{ code: 'org/duplicate-code', path: ['newUnits', 0, 'code'] }]);
  });

  it('replay of the recorded events rebuilds the same directory', () => {
    let dir = base;
    const log: Recorded<OrgEvent>[] = [];
    const cmds: OrgCommand[] = [
      { type: 'add-unit', record: station },
      {
        type: 'restructure',
        restructuring: {
          id: 'r1',
          kind: 'merge',
          subject: 'unit',
          effectiveOn: '2025-07-01',
          originalIds: [ORG.countyA, ORG.countyB],
          resultingIds: ['county-ab'],
        },
        newUnits: [merged],
      },
      { type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01' },
    ];
    for (const c of cmds) {
      const r = accepted(c, dir);
      dir = r.state;
      log.push(...r.events);
    }
    expect(toSnapshot(replayOrg(log, base))).toEqual(toSnapshot(dir));
  });
});
