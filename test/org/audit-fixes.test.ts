import { describe, expect, it } from 'vitest';
import { execute, fixedContext, type Recorded, unwrap } from '../../src/core/index.js';
import {
  checkDirectory,
  coverage,
  findMember,
  findPartyOrg,
  holdersOf,
  membersOf,
  type OrgCommand,
  type OrgDirectory,
  type OrgEvent,
  officersOf,
  orgDecider,
  type PartyOrg,
  parseDirectory,
  postsOf,
  replayOrg,
  toSnapshot,
} from '../../src/org/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { ORG, orgFixture, parseFixtureWith } from '../helpers/org-fixture.js';

const ctx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });
const base = orgFixture();

function run(cmd: OrgCommand, dir: OrgDirectory = base) {
  return execute(orgDecider, dir, deepFreeze(cmd), ctx);
}
function refusal(cmd: OrgCommand, dir: OrgDirectory = base) {
  const r = run(cmd, dir);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}
function refused(cmd: OrgCommand, dir: OrgDirectory = base) {
  return refusal(cmd, dir).map((e) => ({ code: e.code, path: e.path }));
}
function accepted(cmd: OrgCommand, dir: OrgDirectory = base) {
  const r = run(cmd, dir);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.map((e) => [e.code, e.path])));
  return r.value;
}
/** What `parseDirectory(toSnapshot(dir))` reports: toSnapshot promises the round trip. */
function roundTrip(dir: OrgDirectory) {
  const r = parseDirectory(toSnapshot(dir));
  return r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path }));
}

const mergedBranch = (validFrom: string): PartyOrg => ({
  id: 'br-ab',
  kind: 'branch',
  unitId: ORG.countyA,
  covers: [],
  name: { 'zh-CN': '甲乙联合党支部' },
  validFrom: validFrom as PartyOrg['validFrom'],
});
const mergeCounties = (effectiveOn: string): OrgCommand => ({
  type: 'restructure',
  restructuring: {
    id: 'r-ab',
    kind: 'merge',
    subject: 'party-org',
    effectiveOn: effectiveOn as PartyOrg['validFrom'],
    originalIds: [ORG.branchCountyA, ORG.branchCountyB],
    resultingIds: ['br-ab'],
  },
  newPartyOrgs: [mergedBranch(effectiveOn)],
});

describe('restructuring party organizations: memberships that start on or after the effective day', () => {
  it('refuses the restructuring, naming the member, instead of ending a membership before it starts', () => {
    // m-food-4 joined br-food on 2025-07-01, the day a merge would have ended br-food
    const errors = refusal({
      type: 'restructure',
      restructuring: {
        id: 'r-fd',
        kind: 'merge',
        subject: 'party-org',
        effectiveOn: '2025-07-01',
        originalIds: [ORG.branchDrug, ORG.branchFood],
        resultingIds: [ORG.branchDrug],
      },
    });
    expect(errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      {
        code: 'core/dates-out-of-order',
        path: ['restructuring', 'originalIds', 1],
        details: { from: '2025-07-01', to: '2025-06-30', memberId: 'm-food-4', partyOrgId: ORG.branchFood },
      },
    ]);
  });

  it('refuses a planned move into an original that starts after the merge', () => {
    const planned = accepted({
      type: 'join-party-org',
      memberId: 'm-ca-1',
      partyOrgId: ORG.branchCountyB,
      from: '2025-09-01',
    }).state;
    expect(refused(mergeCounties('2025-07-01'), planned)).toEqual([
      { code: 'core/dates-out-of-order', path: ['restructuring', 'originalIds', 1] },
    ]);
  });

  it('replaying a party-org-left logged before the membership began leaves that membership open', () => {
    const left: Recorded<OrgEvent> = {
      type: 'party-org-left',
      memberId: 'm-food-4',
      partyOrgId: ORG.branchFood,
      on: '2025-06-30',
      seq: 1,
      at: '2025-10-16T09:00:00+08:00',
      actor: 'u-office',
      schemaVersion: 1,
    };
    const dir = replayOrg([left], base);
    expect(findMember(dir, 'm-food-4')?.memberships).toEqual([{ partyOrgId: ORG.branchFood, from: '2025-07-01' }]);
    expect(roundTrip(dir)).toEqual([]);
  });
});

describe('restructuring party organizations: a member of two merged originals', () => {
  it('is enrolled in the result once', () => {
    // m-ca-1 is moving from county A's branch to county B's: joined B on 2025-05-01, not yet out of A
    const moving = accepted({
      type: 'join-party-org',
      memberId: 'm-ca-1',
      partyOrgId: ORG.branchCountyB,
      from: '2025-05-01',
    }).state;
    const { state, events } = accepted(mergeCounties('2025-07-01'), moving);
    const joins = events.filter((e) => e.type === 'party-org-joined' && e.memberId === 'm-ca-1');
    expect(joins.length).toBe(1);
    const inResult = (findMember(state, 'm-ca-1')?.memberships ?? []).filter((ms) => ms.partyOrgId === 'br-ab');
    expect(inResult).toEqual([{ partyOrgId: 'br-ab', from: '2025-07-01' }]);
    // and can leave it for good
    const out = accepted(
      { type: 'leave-party-org', memberId: 'm-ca-1', partyOrgId: 'br-ab', on: '2025-08-31' },
      state,
    ).state;
    expect(membersOf(out, 'br-ab', ORG.asOf).map((m) => m.id)).toEqual(['m-ca-2', 'm-cb-1']);
  });
});

describe('change-standing runs the member rules of add-member', () => {
  it('refuses fullOn before joinedOn', () => {
    expect(
      refused({
        type: 'change-standing',
        memberId: 'm-food-4',
        party: { standing: 'full', joinedOn: '2025-07-01', fullOn: '2024-07-01' },
      }),
    ).toEqual([{ code: 'core/dates-out-of-order', path: ['party', 'fullOn'] }]);
  });

  it('lets a person whose memberships are all closed leave the party, and the directory still parses', () => {
    const left = accepted({
      type: 'leave-party-org',
      memberId: 'm-cb-1',
      partyOrgId: ORG.branchCountyB,
      on: '2025-01-31',
    }).state;
    const { state } = accepted({ type: 'change-standing', memberId: 'm-cb-1', party: { standing: 'none' } }, left);
    expect(findMember(state, 'm-cb-1')?.party).toEqual({ standing: 'none' });
    expect(roundTrip(state)).toEqual([]);
    expect(checkDirectory(state, ORG.asOf).filter((f) => f.severity === 'error')).toEqual([]);
    // while a membership is open, standing none is still refused
    const r = parseFixtureWith((s) => {
      const m = s.members.find((x) => x.id === 'm-cb-1');
      if (m) Object.assign(m, { party: { standing: 'none' } });
    });
    expect(r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([
      { code: 'org/not-a-party-member', path: ['members', 12, 'memberships'] },
    ]);
  });

  it('refuses standing none while the person still holds a party post', () => {
    const left = accepted({
      type: 'leave-party-org',
      memberId: ORG.leaderFood,
      partyOrgId: ORG.branchFood,
      on: '2025-01-31',
    }).state;
    expect(refused({ type: 'change-standing', memberId: ORG.leaderFood, party: { standing: 'none' } }, left)).toEqual([
      { code: 'org/not-a-party-member', path: ['party'] },
    ]);
  });
});

describe('restructure with malformed newUnits / newPartyOrgs', () => {
  const restructuring = {
    id: 'r-x',
    kind: 'rename',
    subject: 'unit',
    effectiveOn: '2025-07-01',
    originalIds: [ORG.countyA],
    resultingIds: ['county-a2'],
  } as const;

  it('returns coded errors at the field instead of throwing', () => {
    const units = refused({ type: 'restructure', restructuring, newUnits: 'county-a2' } as unknown as OrgCommand);
    expect(units).toEqual([{ code: 'core/invalid-type', path: ['newUnits'] }]);
    const orgs = refused({ type: 'restructure', restructuring, newPartyOrgs: { id: 'x' } } as unknown as OrgCommand);
    expect(orgs).toEqual([{ code: 'core/invalid-type', path: ['newPartyOrgs'] }]);
  });
});

describe('end-party-org', () => {
  it('takes the members out on its last day, as a dissolve restructuring does', () => {
    const { state, events } = accepted({ type: 'end-party-org', id: ORG.branchCountyA, on: '2025-06-30' });
    expect(events.map((e) => e.type)).toEqual(['party-org-ended', 'party-org-left', 'party-org-left']);
    expect(membersOf(state, ORG.branchCountyA, '2025-06-30').map((m) => m.id)).toEqual(['m-ca-1', 'm-ca-2']);
    expect(membersOf(state, ORG.branchCountyA, ORG.asOf)).toEqual([]);
    expect(findMember(state, 'm-ca-1')?.memberships).toEqual([
      { partyOrgId: ORG.branchCountyA, from: '2019-01-01', to: '2025-06-30' },
    ]);
    expect(roundTrip(state)).toEqual([]);
  });

  it('refuses to end a branch before a member joined it', () => {
    const errors = refusal({ type: 'end-party-org', id: ORG.branchFood, on: '2025-06-30' });
    expect(errors.map((e) => ({ code: e.code, path: e.path, memberId: e.details?.memberId }))).toEqual([
      { code: 'core/dates-out-of-order', path: ['on'], memberId: 'm-food-4' },
    ]);
  });

  it('membersOf and officersOf list nobody of a party organization that is not in force', () => {
    const { state } = accepted({ type: 'end-party-org', id: ORG.branchFood, on: '2025-10-01' });
    expect(officersOf(state, ORG.branchFood, 'secretary', '2025-10-01').map((m) => m.id)).toEqual([ORG.leaderFood]);
    expect(officersOf(state, ORG.branchFood, 'secretary', '2025-10-02')).toEqual([]);
    // a snapshot whose branch has ended but whose memberships were never closed
    const dir = unwrap(
      parseFixtureWith((s) => {
        const p = s.partyOrgs.find((x) => x.id === ORG.branchCountyB);
        if (p) Object.assign(p, { validTo: '2025-06-30' });
      }),
    );
    expect(membersOf(dir, ORG.branchCountyB, '2025-06-30').map((m) => m.id)).toEqual(['m-cb-1']);
    expect(membersOf(dir, ORG.branchCountyB, ORG.asOf)).toEqual([]);
  });
});

describe('record-election: the normal term depends on the kind of body', () => {
  const body = (id: string, kind: PartyOrg['kind'], extra: Partial<PartyOrg> = {}): PartyOrg => ({
    id,
    kind,
    unitId: ORG.countyA,
    covers: [],
    name: { 'zh-CN': id },
    validFrom: '2019-01-01',
    ...extra,
  });

  it('gives a 党委 or 机关党委 5 years and a 党总支 3, and no false term-expired for a 党委', () => {
    let dir = base;
    for (const p of [
      body('pc-a', 'committee'),
      body('oc-a', 'organ-committee', { parentId: 'pc-a' }),
      body('gb-a', 'general-branch', { parentId: 'pc-a' }),
    ]) {
      dir = accepted({ type: 'add-party-org', record: p }, dir).state;
      dir = accepted({ type: 'record-election', partyOrgId: p.id, electedOn: '2021-06-01' }, dir).state;
    }
    expect(['pc-a', 'oc-a', 'gb-a'].map((id) => findPartyOrg(dir, id)?.term?.years)).toEqual([5, 5, 3]);
    const expired = checkDirectory(dir, '2024-10-01').filter((f) => f.code === 'org/term-expired');
    expect(expired.map((f) => f.ids[0])).toEqual(['gb-a']);
  });

  it('refuses an election for a 党小组 or a 党组', () => {
    const dir = accepted({
      type: 'add-party-org',
      record: body('grp-food-1', 'group', { parentId: ORG.branchFood, unitId: ORG.city }),
    }).state;
    expect(refused({ type: 'record-election', partyOrgId: 'grp-food-1', electedOn: '2024-01-01' }, dir)).toEqual([
      { code: 'org/wrong-kind', path: ['partyOrgId'] },
    ]);
    expect(refused({ type: 'record-election', partyOrgId: ORG.leadingGroup, electedOn: '2024-01-01' })).toEqual([
      { code: 'org/wrong-kind', path: ['partyOrgId'] },
    ]);
  });
});

describe('party posts are held by party members', () => {
  const secretary = `post-sec-${ORG.branchFood}`;

  it('assign-post refuses a non-member for a party post but not as leader in charge', () => {
    const vacated = accepted({ type: 'vacate-post', postId: secretary, memberId: ORG.leaderFood, on: '2025-05-31' });
    expect(
      refused({ type: 'assign-post', postId: secretary, memberId: ORG.nonMember, from: '2025-06-01' }, vacated.state),
    ).toEqual([{ code: 'org/not-a-party-member', path: ['memberId'] }]);
    const lic = `post-lic-${ORG.leaderFood}`;
    const leader = accepted({ type: 'vacate-post', postId: lic, memberId: ORG.leaderFood, on: '2025-05-31' }).state;
    accepted({ type: 'assign-post', postId: lic, memberId: ORG.nonMember, from: '2025-06-01' }, leader);
  });

  it('parseDirectory refuses a non-member holding a party post', () => {
    const r = parseFixtureWith((s) =>
      s.posts.push({
        id: 'post-cm-food',
        kind: 'committee-member',
        partyOrgId: ORG.branchFood,
        holders: [{ memberId: ORG.nonMember, from: '2024-01-01' }],
        validFrom: '2019-01-01',
      }),
    );
    expect(r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([
      { code: 'org/not-a-party-member', path: ['posts', 6, 'holders', 0, 'memberId'] },
    ]);
  });
});

describe('a branch has one secretary at a time', () => {
  const secretary = `post-sec-${ORG.branchFood}`;

  it('assign-post refuses a second holder while the first is in office, naming the holder', () => {
    const errors = refusal({ type: 'assign-post', postId: secretary, memberId: 'm-food-2', from: '2025-06-01' });
    expect(errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      { code: 'org/overlapping-interval', path: ['from'], details: { id: 'm-food-2', with: ORG.leaderFood } },
    ]);
  });

  it('parseDirectory refuses overlapping secretaries; a deputy secretary post may have two holders', () => {
    const r = parseFixtureWith((s) => {
      const p = s.posts.find((x) => x.id === secretary);
      if (p) Object.assign(p, { holders: [...p.holders, { memberId: 'm-food-2', from: '2024-01-01' }] });
    });
    expect(r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([
      { code: 'org/overlapping-interval', path: ['posts', 0, 'holders', 1, 'from'] },
    ]);
    accepted({
      type: 'add-post',
      record: {
        id: 'post-dep-food',
        kind: 'deputy-secretary',
        partyOrgId: ORG.branchFood,
        holders: [
          { memberId: 'm-food-2', from: '2024-01-01' },
          { memberId: 'm-food-3', from: '2024-01-01' },
        ],
        validFrom: '2019-01-01',
      },
    });
  });
});

describe('a 党小组 sits inside a branch', () => {
  it('add-party-org refuses a group with no parent', () => {
    const errors = refusal({
      type: 'add-party-org',
      record: {
        id: 'grp-orphan',
        kind: 'group',
        unitId: ORG.city,
        covers: [],
        name: { 'zh-CN': '无所属党小组' },
        validFrom: '2019-01-01',
      },
    });
    expect(errors.map((e) => ({ code: e.code, path: e.path }))).toEqual([
      { code: 'org/invalid-parent-kind', path: ['record', 'parentId'] },
    ]);
    expect(errors[0]?.message.en).toBe('grp-orphan needs a parent; allowed parents: branch');
    expect(errors[0]?.message['zh-CN']).toContain('branch');
  });
});

describe('org/branch-too-small', () => {
  it('states the configured minimum in both languages', () => {
    const f = checkDirectory(base, ORG.asOf, { minFullMembers: 5 }).find(
      (x) => x.code === 'org/branch-too-small' && x.ids[0] === ORG.branchFood,
    );
    expect(f?.details).toEqual({ id: ORG.branchFood, full: 3, limit: 5 });
    expect(f?.message.en).toBe('Branch br-food has only 3 full member(s); at least 5 are needed');
    expect(f?.message['zh-CN']).toBe('党支部 br-food 仅有正式党员 3 名，不足 5 名');
  });
});

describe('两级包保 pairings', () => {
  const pairing = (lead: unknown, partner: unknown): OrgCommand =>
    ({
      type: 'add-pairing',
      record: { id: 'bb-1', kind: 'baobao', lead, partner, validFrom: '2023-01-01' },
    }) as OrgCommand;

  it('refuse a lead that is not a member or unit, and a partner that is not a county bureau or station', () => {
    // a leader covers a district bureau; a division covers a station
    accepted(pairing({ kind: 'member', id: ORG.leaderFood }, { kind: 'unit', id: ORG.countyA }));
    accepted(pairing({ kind: 'unit', id: ORG.deptFood }, { kind: 'unit', id: ORG.stationB1 }));
    expect(
      refused(pairing({ kind: 'external', name: { 'zh-CN': '某企业' } }, { kind: 'member', id: 'm-food-2' })),
    ).toEqual([
      { code: 'org/wrong-kind', path: ['record', 'lead'] },
      { code: 'org/wrong-kind', path: ['record', 'partner'] },
    ]);
    const dept = refusal(pairing({ kind: 'member', id: ORG.leaderFood }, { kind: 'unit', id: ORG.deptDrug }));
    expect(dept.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      {
        code: 'org/wrong-kind',
        path: ['record', 'partner'],
        details: { id: ORG.deptDrug, kind: 'department', expected: ['county-bureau', 'station'] },
      },
    ]);
  });
});

describe('coverage rows', () => {
  it('are in tree order when ids contain "-": a county is followed by its stations', () => {
    const dir = unwrap(
      parseFixtureWith((s) =>
        s.units.push({
          id: 'county-a-east',
          kind: 'county-bureau',
          level: 4,
          parentId: ORG.city,
          code: 'C-county-a-east',
          name: { 'zh-CN': '甲县东区市场监督管理局' },
          validFrom: '2019-01-01',
        }),
      ),
    );
    expect(coverage(dir, ORG.asOf).map((r) => r.unitId)).toEqual([
      'city',
      'county-a',
      'st-a1',
      'st-a2',
      'county-a-east',
      'county-b',
      'st-b1',
      'st-b2',
    ]);
  });
});

describe('follow-up: join-party-org checks the person as assign-post does', () => {
  it('refuses a person whose record is not in force on the join day', () => {
    const ended = accepted({ type: 'end-member', id: 'm-cb-1', on: '2025-06-30' }).state;
    expect(
      refused({ type: 'join-party-org', memberId: 'm-cb-1', partyOrgId: ORG.branchFood, from: '2025-07-01' }, ended),
    ).toEqual([{ code: 'org/not-valid-on', path: ['memberId'] }]);
    // the last day of the record is still in force
    accepted({ type: 'join-party-org', memberId: 'm-cb-1', partyOrgId: ORG.branchFood, from: '2025-06-30' }, ended);
  });

  it('refuses a deceased or transferred-out person, naming the status; a retired member may join', () => {
    const withStatus = (status: string) =>
      unwrap(
        parseFixtureWith((s) => {
          const m = s.members.find((x) => x.id === 'm-cb-1');
          if (m) Object.assign(m, { status });
        }),
      );
    const join: OrgCommand = {
      type: 'join-party-org',
      memberId: 'm-cb-1',
      partyOrgId: ORG.branchFood,
      from: '2025-11-01',
    };
    const errors = refusal(join, withStatus('deceased'));
    expect(errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      {
        code: 'org/not-valid-on',
        path: ['memberId'],
        details: { id: 'm-cb-1', asOf: '2025-11-01', status: 'deceased' },
      },
    ]);
    expect(errors[0]?.message.en).toBe('m-cb-1 is deceased and cannot join a party organization on 2025-11-01');
    expect(errors[0]?.message['zh-CN']).toBe('m-cb-1 的人员状态为 已去世，在 2025-11-01 不能编入党组织');
    expect(refused(join, withStatus('transferred-out'))).toEqual([{ code: 'org/not-valid-on', path: ['memberId'] }]);
    accepted(join, withStatus('retired'));
  });
});

describe("follow-up: record-election within the party organization's validity", () => {
  it('refuses an election before the party organization began or after it ended', () => {
    expect(refused({ type: 'record-election', partyOrgId: ORG.branchCountyA, electedOn: '2018-12-31' })).toEqual([
      { code: 'org/not-valid-on', path: ['electedOn'] },
    ]);
    const ended = accepted({ type: 'end-party-org', id: ORG.branchCountyA, on: '2025-06-30' }).state;
    const late = refusal({ type: 'record-election', partyOrgId: ORG.branchCountyA, electedOn: '2025-07-01' }, ended);
    expect(late.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      { code: 'org/not-valid-on', path: ['electedOn'], details: { id: ORG.branchCountyA, asOf: '2025-07-01' } },
    ]);
    accepted({ type: 'record-election', partyOrgId: ORG.branchCountyA, electedOn: '2025-06-30' }, ended);
  });
});

describe('follow-up: record-election years that are not a whole number', () => {
  it('says an integer is expected for 2.5, not "at most 10"; 11 is still out of range', () => {
    const errors = refusal({
      type: 'record-election',
      partyOrgId: ORG.branchFood,
      electedOn: '2026-03-01',
      years: 2.5,
    });
    expect(errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      { code: 'core/invalid-type', path: ['years'], details: { expected: 'int' } },
    ]);
    expect(errors[0]?.message.en).toBe('Wrong type: expected int');
    expect(errors[0]?.message.en).not.toContain('at most');
    expect(
      refusal({ type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01', years: 11 }).map(
        (e) => e.details,
      ),
    ).toEqual([{ origin: 'years', bound: 'max', limit: 10 }]);
  });
});

describe('follow-up: a 党小组 or 党组 has no term in a snapshot either', () => {
  it('parseDirectory and add-party-org refuse a term on a group or leading group', () => {
    const r = parseFixtureWith((s) => {
      const lg = s.partyOrgs.find((x) => x.id === ORG.leadingGroup);
      if (lg) Object.assign(lg, { term: { electedOn: '2021-06-01', years: 5 } });
    });
    expect(r.ok ? [] : r.errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      {
        code: 'org/wrong-kind',
        path: ['partyOrgs', 0, 'term'],
        details: {
          id: ORG.leadingGroup,
          kind: 'leading-group',
          expected: ['committee', 'organ-committee', 'general-branch', 'branch'],
        },
      },
    ]);
    const group: PartyOrg = {
      id: 'grp-food-1',
      kind: 'group',
      parentId: ORG.branchFood,
      unitId: ORG.city,
      covers: [],
      name: { 'zh-CN': '第一党小组' },
      term: { electedOn: '2024-01-01', years: 3 },
      validFrom: '2019-01-01',
    };
    expect(refused({ type: 'add-party-org', record: group })).toEqual([
      { code: 'org/wrong-kind', path: ['record', 'term'] },
    ]);
  });
});

describe('follow-up: ending a party organization ends its posts', () => {
  const secretary = `post-sec-${ORG.branchFood}`;
  const guide: OrgCommand = {
    type: 'add-post',
    record: {
      id: 'post-guide-food',
      kind: 'guide',
      partyOrgId: ORG.organCommittee,
      forPartyOrgId: ORG.branchFood,
      holders: [{ memberId: ORG.leaderOffice, from: '2024-01-01' }],
      validFrom: '2024-01-01',
    },
  };
  const withGuide = accepted(guide).state;
  const postEvents = (events: readonly OrgEvent[]) =>
    events.filter((e) => e.type === 'post-vacated' || e.type === 'post-ended');
  const expectedPostEvents = [
    { type: 'post-vacated', postId: secretary, memberId: ORG.leaderFood, on: '2025-10-01' },
    { type: 'post-ended', id: secretary, on: '2025-10-01' },
    { type: 'post-vacated', postId: 'post-guide-food', memberId: ORG.leaderOffice, on: '2025-10-01' },
    { type: 'post-ended', id: 'post-guide-food', on: '2025-10-01' },
  ];
  const expectPostsGone = (state: OrgDirectory) => {
    expect(postsOf(state, ORG.leaderFood, '2025-10-01').map((p) => p.id)).toEqual([
      `post-lic-${ORG.leaderFood}`,
      secretary,
    ]);
    expect(postsOf(state, ORG.leaderFood, '2025-10-02').map((p) => p.id)).toEqual([`post-lic-${ORG.leaderFood}`]);
    expect(holdersOf(state, secretary, '2025-10-02')).toEqual([]);
    expect(postsOf(state, ORG.leaderOffice, '2025-10-02').map((p) => p.id)).not.toContain('post-guide-food');
    expect(roundTrip(state)).toEqual([]);
  };

  it('end-party-org vacates and ends its own posts and the posts held for it on its last day', () => {
    const { state, events } = accepted({ type: 'end-party-org', id: ORG.branchFood, on: '2025-10-01' }, withGuide);
    expect(postEvents(events)).toMatchObject(expectedPostEvents);
    expectPostsGone(state);
    // the log replays to the same directory
    const log = [
      ...accepted(guide).events,
      ...accepted({ type: 'end-party-org', id: ORG.branchFood, on: '2025-10-01' }, withGuide).events,
    ] as Recorded<OrgEvent>[];
    expect(toSnapshot(replayOrg(log, base))).toEqual(toSnapshot(state));
  });

  it('a dissolve restructuring does the same', () => {
    const { state, events } = accepted(
      {
        type: 'restructure',
        restructuring: {
          id: 'r-food',
          kind: 'dissolve',
          subject: 'party-org',
          effectiveOn: '2025-10-02',
          originalIds: [ORG.branchFood],
          resultingIds: [],
        },
      },
      withGuide,
    );
    expect(postEvents(events)).toMatchObject(expectedPostEvents);
    expectPostsGone(state);
  });

  it('refuses while a tenure starts after the last day, naming the member and post', () => {
    let dir = accepted({ type: 'vacate-post', postId: secretary, memberId: ORG.leaderFood, on: '2025-11-30' }).state;
    dir = accepted({ type: 'assign-post', postId: secretary, memberId: 'm-food-2', from: '2025-12-01' }, dir).state;
    const errors = refusal({ type: 'end-party-org', id: ORG.branchFood, on: '2025-10-01' }, dir);
    expect(errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      {
        code: 'core/dates-out-of-order',
        path: ['on'],
        details: { from: '2025-12-01', to: '2025-10-01', memberId: 'm-food-2', postId: secretary },
      },
    ]);
  });
});

describe('follow-up 2: assign-post checks the person as join-party-org does', () => {
  // m-cb-1 (a full member of br-county-b) with another status, and two vacant posts to give
  const withStatus = (status: string) =>
    unwrap(
      parseFixtureWith((s) => {
        const m = s.members.find((x) => x.id === 'm-cb-1');
        if (m) Object.assign(m, { status });
        s.posts.push(
          {
            id: 'post-dep-cb',
            kind: 'deputy-secretary',
            partyOrgId: ORG.branchCountyB,
            holders: [],
            validFrom: '2019-01-01',
          },
          {
            id: 'post-lic-cb',
            kind: 'leader-in-charge',
            unitId: ORG.countyB,
            inCharge: [ORG.stationB1],
            holders: [],
            validFrom: '2019-01-01',
          },
        );
      }),
    );
  const assign = (postId: string): OrgCommand => ({
    type: 'assign-post',
    postId,
    memberId: 'm-cb-1',
    from: '2025-11-01',
  });

  it('refuses a deceased or transferred-out person for a party post, naming the status and the post', () => {
    const errors = refusal(assign('post-dep-cb'), withStatus('deceased'));
    expect(errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      {
        code: 'org/not-valid-on',
        path: ['memberId'],
        details: { id: 'm-cb-1', asOf: '2025-11-01', status: 'deceased', postId: 'post-dep-cb' },
      },
    ]);
    expect(errors[0]?.message.en).toBe('m-cb-1 is deceased and cannot hold post post-dep-cb on 2025-11-01');
    expect(errors[0]?.message['zh-CN']).toBe('m-cb-1 的人员状态为 已去世，在 2025-11-01 不能担任 post-dep-cb');
    expect(refused(assign('post-dep-cb'), withStatus('transferred-out'))).toEqual([
      { code: 'org/not-valid-on', path: ['memberId'] },
    ]);
    // a retired member may hold a party post (a retirees' branch is led by retired members), as they may join
    accepted(assign('post-dep-cb'), withStatus('retired'));
    accepted(assign('post-dep-cb'), withStatus('active'));
  });

  it('gives a leader-in-charge post only to a person in active service', () => {
    const errors = refusal(assign('post-lic-cb'), withStatus('retired'));
    expect(errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      {
        code: 'org/not-valid-on',
        path: ['memberId'],
        details: { id: 'm-cb-1', asOf: '2025-11-01', status: 'retired', postId: 'post-lic-cb' },
      },
    ]);
    expect(refused(assign('post-lic-cb'), withStatus('deceased'))).toEqual([
      { code: 'org/not-valid-on', path: ['memberId'] },
    ]);
    accepted(assign('post-lic-cb'), withStatus('active'));
  });
});

describe('follow-up 2: ending a party organization ends its 党小组', () => {
  const GROUP = 'grp-ca-1';
  const LEADER = 'post-gl-ca-1';
  // br-county-a gets a 党小组 with m-ca-1 in it as its 组长
  const group = (validFrom: string): PartyOrg => ({
    id: GROUP,
    kind: 'group',
    parentId: ORG.branchCountyA,
    unitId: ORG.countyA,
    covers: [],
    name: { 'zh-CN': '第一党小组' },
    validFrom: validFrom as PartyOrg['validFrom'],
  });
  const withGroup = (validFrom = '2024-01-01') => {
    let dir = accepted({ type: 'add-party-org', record: group(validFrom) }).state;
    dir = accepted(
      { type: 'join-party-org', memberId: 'm-ca-1', partyOrgId: GROUP, from: validFrom as never },
      dir,
    ).state;
    return accepted(
      {
        type: 'add-post',
        record: {
          id: LEADER,
          kind: 'group-leader',
          partyOrgId: GROUP,
          holders: [{ memberId: 'm-ca-1', from: validFrom as never }],
          validFrom: validFrom as never,
        },
      },
      dir,
    ).state;
  };
  const groupEvents = [
    { type: 'party-org-ended', id: GROUP, on: '2025-06-30' },
    { type: 'party-org-left', memberId: 'm-ca-1', partyOrgId: GROUP, on: '2025-06-30' },
    { type: 'post-vacated', postId: LEADER, memberId: 'm-ca-1', on: '2025-06-30' },
    { type: 'post-ended', id: LEADER, on: '2025-06-30' },
  ];
  const expectGroupGone = (state: OrgDirectory) => {
    expect(findPartyOrg(state, GROUP)?.validTo).toBe('2025-06-30');
    expect(membersOf(state, GROUP, '2025-06-30').map((m) => m.id)).toEqual(['m-ca-1']);
    expect(findMember(state, 'm-ca-1')?.memberships.find((ms) => ms.partyOrgId === GROUP)?.to).toBe('2025-06-30');
    expect(postsOf(state, 'm-ca-1', '2025-07-01').map((p) => p.id)).not.toContain(LEADER);
    expect(holdersOf(state, LEADER, '2025-07-01')).toEqual([]);
    expect(roundTrip(state)).toEqual([]);
  };

  it('end-party-org ends the child group on the same day, with its memberships and posts', () => {
    const dir = withGroup();
    const { state, events } = accepted({ type: 'end-party-org', id: ORG.branchCountyA, on: '2025-06-30' }, dir);
    expect(events.slice(-groupEvents.length)).toMatchObject(groupEvents);
    expectGroupGone(state);
    const log = accepted({ type: 'end-party-org', id: ORG.branchCountyA, on: '2025-06-30' }, dir)
      .events as Recorded<OrgEvent>[];
    expect(toSnapshot(replayOrg(log, dir))).toEqual(toSnapshot(state));
  });

  it('a merge restructuring does the same, and the group member reaches the result once, through the branch', () => {
    const { state, events } = accepted(mergeCounties('2025-07-01'), withGroup());
    // the group's events follow its branch's, and nobody joins the result twice
    const at = events.findIndex((e) => e.type === 'party-org-ended' && e.id === GROUP);
    expect(events.slice(at, at + groupEvents.length)).toMatchObject(groupEvents);
    expect(events.filter((e) => e.type === 'party-org-joined').map((e) => e.memberId)).toEqual([
      'm-ca-1',
      'm-ca-2',
      'm-cb-1',
    ]);
    expectGroupGone(state);
    expect(membersOf(state, 'br-ab', '2025-07-01').map((m) => m.id)).toEqual(['m-ca-1', 'm-ca-2', 'm-cb-1']);
  });

  it('leaves a group that has already ended alone, and refuses while a group starts after the last day', () => {
    const ended = accepted({ type: 'end-party-org', id: GROUP, on: '2025-03-31' }, withGroup()).state;
    const { events } = accepted({ type: 'end-party-org', id: ORG.branchCountyA, on: '2025-06-30' }, ended);
    expect(events.map((e) => e.type)).toEqual(['party-org-ended', 'party-org-left', 'party-org-left']);
    const errors = refusal({ type: 'end-party-org', id: ORG.branchCountyA, on: '2025-06-30' }, withGroup('2025-08-01'));
    expect(errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual([
      {
        code: 'core/dates-out-of-order',
        path: ['on'],
        details: { from: '2025-08-01', to: '2025-06-30', partyOrgId: GROUP },
      },
    ]);
  });

  it('refuses to end a parent while a child branch runs on, naming it; ended first or with it, the parent ends', () => {
    const branches = [ORG.branchDrug, ORG.branchFood, ORG.branchOffice];
    const errors = refusal({ type: 'end-party-org', id: ORG.organCommittee, on: '2025-10-01' });
    expect(errors.map((e) => ({ code: e.code, path: e.path, details: e.details }))).toEqual(
      branches.map((id) => ({
        code: 'org/invalid-parent-kind',
        path: ['id'],
        details: {
          id,
          kind: 'organ-committee',
          expected: ['committee', 'organ-committee', 'general-branch', 'leading-group'],
          parentId: ORG.organCommittee,
          endsOn: '2025-10-01',
        },
      })),
    );
    expect(errors[0]?.message.en).toBe(
      'br-drug would be left under oc-city, which ends on 2025-10-01; end or restructure br-drug first',
    );
    expect(errors[0]?.message['zh-CN']).toBe(
      'oc-city 于 2025-10-01 终止后，br-drug 将失去上级；请先终止或调整 br-drug',
    );
    // a dissolve restructuring of the committee alone is refused at the original
    const dissolve = (originalIds: string[]): OrgCommand => ({
      type: 'restructure',
      restructuring: {
        id: 'r-oc',
        kind: 'dissolve',
        subject: 'party-org',
        effectiveOn: '2025-10-02',
        originalIds,
        resultingIds: [],
      },
    });
    expect(refused(dissolve([ORG.organCommittee]))).toEqual(
      branches.map(() => ({ code: 'org/invalid-parent-kind', path: ['restructuring', 'originalIds', 0] })),
    );
    // with its branches among the originals it goes through
    const all = accepted(dissolve([ORG.organCommittee, ...branches])).state;
    expect(roundTrip(all)).toEqual([]);
    // a branch that ends on the parent's last day does not block it; one that ends the day after does
    let dir = base;
    for (const id of branches) dir = accepted({ type: 'end-party-org', id, on: '2025-10-01' }, dir).state;
    accepted({ type: 'end-party-org', id: ORG.organCommittee, on: '2025-10-01' }, dir);
    expect(refused({ type: 'end-party-org', id: ORG.organCommittee, on: '2025-09-30' }, dir)).toEqual(
      branches.map(() => ({ code: 'org/invalid-parent-kind', path: ['id'] })),
    );
  });
});
