import { describe, expect, it } from 'vitest';
import { type DomainError, execute, type Recorded, unwrap } from '../../src/core/index.js';
import {
  checkDirectory,
  type Member,
  type OrgCommand,
  type OrgEvent,
  orgDecider,
  type PartyOrg,
  type Post,
  parseDirectory,
  replayOrg,
} from '../../src/org/index.js';
import { accepted, orgBase, orgCtx, refusal } from '../helpers/org-commands.js';
import { ORG, orgFixture, orgFixtureSnapshot, parseFixtureWith } from '../helpers/org-fixture.js';

type Interval = { readonly from: string; readonly to?: string | undefined };

const shape = (errors: readonly DomainError[]) =>
  errors.map((e) => ({ code: e.code, path: e.path, details: e.details }));

/** A full party member of the 城关所 with the given memberships. */
const person = (memberships: readonly (Interval & { readonly partyOrgId: string })[]): Member =>
  ({
    id: 'm-new',
    name: '新人',
    unitId: ORG.stationA1,
    party: { standing: 'full', joinedOn: '2010-07-01', fullOn: '2011-07-01' },
    status: 'active',
    memberships,
  }) as Member;

const inFood = (...intervals: readonly Interval[]) => intervals.map((i) => ({ partyOrgId: ORG.branchFood, ...i }));

/** A post of the 食品 branch with the given tenures. */
const post = (kind: 'committee-member' | 'secretary', holders: readonly (Interval & { memberId: string })[]): Post =>
  ({ id: `post-${kind}-x`, kind, partyOrgId: ORG.branchFood, holders, validFrom: '2019-01-01' }) as Post;

const byFood2 = (...intervals: readonly Interval[]) => intervals.map((i) => ({ memberId: 'm-food-2', ...i }));

const errorsOf = (r: ReturnType<typeof parseDirectory>) => (r.ok ? [] : shape(r.errors));

describe('repeated memberships of one person in one party organization', () => {
  it('add-member refuses overlapping memberships at the later entry, with join-party-org’s details', () => {
    const errors = refusal({
      type: 'add-member',
      record: person(inFood({ from: '2019-01-01', to: '2023-12-31' }, { from: '2023-06-01' })),
    });
    expect(shape(errors)).toEqual([
      {
        code: 'org/overlapping-interval',
        path: ['record', 'memberships', 1, 'from'],
        details: { id: 'm-new', with: ORG.branchFood },
      },
    ]);
    // the shape join-party-org gives the same clash
    expect(
      shape(refusal({ type: 'join-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchFood, from: '2025-03-01' })),
    ).toEqual([
      { code: 'org/overlapping-interval', path: ['from'], details: { id: 'm-food-2', with: ORG.branchFood } },
    ]);
  });

  it('refuses two open memberships, an exact repeat, and a rejoin on the day the first ended (days are inclusive)', () => {
    const codesAt = (ms: readonly Interval[]) =>
      refusal({ type: 'add-member', record: person(inFood(...ms)) }).map((e) => [e.code, e.path.join('.')]);
    expect(codesAt([{ from: '2019-01-01' }, { from: '2024-01-01' }])).toEqual([
      ['org/overlapping-interval', 'record.memberships.1.from'],
    ]);
    expect(
      codesAt([
        { from: '2019-01-01', to: '2020-01-01' },
        { from: '2019-01-01', to: '2020-01-01' },
      ]),
    ).toEqual([['org/overlapping-interval', 'record.memberships.1.from']]);
    expect(codesAt([{ from: '2019-01-01', to: '2024-01-02' }, { from: '2024-01-02' }])).toEqual([
      ['org/overlapping-interval', 'record.memberships.1.from'],
    ]);
    // listed out of date order: the later entry in the list is the one reported
    expect(codesAt([{ from: '2024-01-01' }, { from: '2019-01-01', to: '2024-06-30' }])).toEqual([
      ['org/overlapping-interval', 'record.memberships.1.from'],
    ]);
    // one error per entry that clashes with an earlier one
    expect(codesAt([{ from: '2019-01-01' }, { from: '2020-01-01', to: '2020-12-31' }, { from: '2021-01-01' }])).toEqual(
      [
        ['org/overlapping-interval', 'record.memberships.1.from'],
        ['org/overlapping-interval', 'record.memberships.2.from'],
      ],
    );
  });

  it('accepts consecutive memberships (left one day, back the next), gaps, and overlaps in different organizations', () => {
    const ok = (memberships: Parameters<typeof person>[0]) =>
      accepted({ type: 'add-member', record: person(memberships) });
    ok(inFood({ from: '2019-01-01', to: '2024-01-01' }, { from: '2024-01-02' }));
    ok(
      inFood(
        { from: '2019-01-01', to: '2020-12-31' },
        { from: '2022-01-01', to: '2022-12-31' },
        { from: '2023-01-01' },
      ),
    );
    // listed newest first
    ok(inFood({ from: '2024-01-02' }, { from: '2019-01-01', to: '2024-01-01' }));
    ok([
      { partyOrgId: ORG.branchFood, from: '2019-01-01' },
      { partyOrgId: ORG.branchDrug, from: '2019-01-01' },
    ]);
  });

  it('leaves a membership with its dates out of order to core/dates-out-of-order', () => {
    const errors = refusal({
      type: 'add-member',
      record: person(inFood({ from: '2019-01-01', to: '2020-12-31' }, { from: '2020-06-01', to: '2020-01-01' })),
    });
    expect(errors.map((e) => [e.code, e.path.join('.')])).toEqual([
      ['core/dates-out-of-order', 'record.memberships.1.to'],
    ]);
  });

  it('parseDirectory refuses the same overlap in a snapshot, at the later entry', () => {
    const r = parseFixtureWith((s) => {
      const i = s.members.findIndex((m) => m.id === 'm-food-3');
      Object.assign(s.members[i] as Member, {
        memberships: inFood({ from: '2019-01-01', to: '2024-01-02' }, { from: '2024-01-02' }),
      });
    });
    const i = orgFixtureSnapshot().members.findIndex((m) => m.id === 'm-food-3');
    expect(errorsOf(r)).toEqual([
      {
        code: 'org/overlapping-interval',
        path: ['members', i, 'memberships', 1, 'from'],
        details: { id: 'm-food-3', with: ORG.branchFood },
      },
    ]);
    const consecutive = parseFixtureWith((s) => {
      Object.assign(s.members[i] as Member, {
        memberships: inFood({ from: '2019-01-01', to: '2024-01-01' }, { from: '2024-01-02' }),
      });
    });
    expect(errorsOf(consecutive)).toEqual([]);
  });

  it('checkDirectory reports it as a structural error on a state replayed from an old log', () => {
    const meta = { at: '2025-10-16T09:00:00+08:00', actor: 'u-office', schemaVersion: 1 } as const;
    const log: Recorded<OrgEvent>[] = [
      { type: 'party-org-left', memberId: 'm-food-3', partyOrgId: ORG.branchFood, on: '2024-01-02', seq: 1, ...meta },
      {
        type: 'party-org-joined',
        memberId: 'm-food-3',
        partyOrgId: ORG.branchFood,
        from: '2024-01-02',
        seq: 2,
        ...meta,
      },
    ];
    const findings = checkDirectory(replayOrg(log, orgFixture()), ORG.asOf).filter(
      (f) => f.code === 'org/overlapping-interval',
    );
    expect(findings.map((f) => ({ severity: f.severity, ids: f.ids, path: f.path.slice(2) }))).toEqual([
      { severity: 'error', ids: ['m-food-3'], path: ['memberships', 1, 'from'] },
    ]);
    // the decider refuses that rejoin in the first place
    const left = unwrap(
      execute(
        orgDecider,
        orgBase,
        { type: 'leave-party-org', memberId: 'm-food-3', partyOrgId: ORG.branchFood, on: '2024-01-02' },
        orgCtx,
      ),
    ).state;
    expect(
      refusal(
        { type: 'join-party-org', memberId: 'm-food-3', partyOrgId: ORG.branchFood, from: '2024-01-02' },
        left,
      ).map((e) => e.code),
    ).toEqual(['org/overlapping-interval']);
  });
});

describe('repeated tenures of one person on one post', () => {
  it('add-post refuses overlapping tenures of one person at the later entry, with assign-post’s details', () => {
    for (const kind of ['committee-member', 'secretary'] as const) {
      const errors = refusal({
        type: 'add-post',
        record: post(kind, byFood2({ from: '2019-01-01', to: '2023-12-31' }, { from: '2023-12-31' })),
      });
      expect(shape(errors)).toEqual([
        {
          code: 'org/overlapping-interval',
          path: ['record', 'holders', 1, 'from'],
          details: { id: 'm-food-2', with: `post-${kind}-x` },
        },
      ]);
    }
  });

  it('keeps the one-secretary rule for different people, each clash reported once', () => {
    const errors = refusal({
      type: 'add-post',
      record: post('secretary', [
        { memberId: 'm-food-2', from: '2019-01-01' },
        { memberId: 'm-food-3', from: '2020-01-01' },
        { memberId: 'm-food-2', from: '2021-01-01' },
      ]),
    });
    expect(shape(errors)).toEqual([
      {
        code: 'org/overlapping-interval',
        path: ['record', 'holders', 1, 'from'],
        details: { id: 'm-food-3', with: 'm-food-2' },
      },
      {
        code: 'org/overlapping-interval',
        path: ['record', 'holders', 2, 'from'],
        details: { id: 'm-food-2', with: 'post-secretary-x' },
      },
      {
        code: 'org/overlapping-interval',
        path: ['record', 'holders', 2, 'from'],
        details: { id: 'm-food-2', with: 'm-food-3' },
      },
    ]);
  });

  it('accepts consecutive tenures of one person (re-elected, or back after a gap) and several committee members', () => {
    for (const kind of ['committee-member', 'secretary'] as const)
      accepted({
        type: 'add-post',
        record: post(
          kind,
          byFood2(
            { from: '2019-01-01', to: '2021-12-31' },
            { from: '2022-01-01', to: '2022-06-30' },
            { from: '2023-01-01' },
          ),
        ),
      });
    accepted({
      type: 'add-post',
      record: post('committee-member', [
        { memberId: 'm-food-2', from: '2019-01-01' },
        { memberId: 'm-food-3', from: '2019-01-01' },
      ]),
    });
  });

  it('parseDirectory refuses the same overlap in a snapshot', () => {
    const r = parseFixtureWith((s) => {
      const p = s.posts.find((x) => x.id === `post-sec-${ORG.branchFood}`);
      if (p) Object.assign(p, { holders: [...p.holders, { memberId: ORG.leaderFood, from: '2024-01-01' }] });
    });
    expect(errorsOf(r)).toEqual([
      {
        code: 'org/overlapping-interval',
        path: ['posts', 0, 'holders', 1, 'from'],
        details: { id: ORG.leaderFood, with: `post-sec-${ORG.branchFood}` },
      },
    ]);
  });
});

describe('repeated ids in covers, entityIds and memberIds', () => {
  const branch = (covers: readonly string[]): PartyOrg => ({
    id: 'br-new',
    kind: 'branch',
    parentId: ORG.organCommittee,
    unitId: ORG.city,
    covers,
    name: { 'zh-CN': '新支部' },
    validFrom: '2025-01-01',
  });

  it('add-party-org refuses a unit covered twice, at the repeat, with both messages', () => {
    const errors = refusal({ type: 'add-party-org', record: branch([ORG.deptConsumer, ORG.deptFood, ORG.deptFood]) });
    expect(errors).toEqual([
      {
        code: 'org/duplicate-entry',
        path: ['record', 'covers', 2],
        details: { field: 'covers', id: ORG.deptFood },
        message: {
          'zh-CN': `覆盖的单位（covers）中 ${ORG.deptFood} 重复列出`,
          en: `${ORG.deptFood} is listed more than once in covers (covered units)`,
        },
      },
    ]);
    // every repeat is reported, the first occurrence is not
    expect(
      refusal({ type: 'add-party-org', record: branch([ORG.deptFood, ORG.deptFood, ORG.deptFood]) }).map((e) =>
        e.path.join('.'),
      ),
    ).toEqual(['record.covers.1', 'record.covers.2']);
    accepted({ type: 'add-party-org', record: branch([ORG.deptFood, ORG.deptConsumer]) });
  });

  it('restructure refuses it in a new party organization', () => {
    const errors = refusal({
      type: 'restructure',
      restructuring: {
        id: 'r-new',
        kind: 'rename',
        subject: 'party-org',
        effectiveOn: '2025-07-01',
        originalIds: [ORG.branchDrug],
        resultingIds: ['br-new'],
      },
      newPartyOrgs: [{ ...branch([ORG.deptDrug, ORG.deptDrug]), validFrom: '2025-07-01' }],
    });
    expect(shape(errors)).toEqual([
      {
        code: 'org/duplicate-entry',
        path: ['newPartyOrgs', 0, 'covers', 1],
        details: { field: 'covers', id: ORG.deptDrug },
      },
    ]);
  });

  it('add-liaison and add-grid refuse an entity or member listed twice, with both messages', () => {
    const entity = (id: string): OrgCommand => ({
      type: 'add-market-entity',
      record: {
        id,
        kind: 'individual',
        name: { 'zh-CN': id },
        unitId: ORG.stationA1,
        validFrom: '2025-01-01',
      },
    });
    const dir = [entity('me-1'), entity('me-2')].reduce(
      (d, c) => unwrap(execute(orgDecider, d, c, orgCtx)).state,
      orgBase,
    );
    const liaison = (entityIds: readonly string[]): OrgCommand => ({
      type: 'add-liaison',
      record: { id: 'li-1', memberId: 'm-ca-1', entityIds, validFrom: '2025-02-01' },
    });
    expect(refusal(liaison(['me-1', 'me-2', 'me-1']), dir)).toEqual([
      {
        code: 'org/duplicate-entry',
        path: ['record', 'entityIds', 2],
        details: { field: 'entityIds', id: 'me-1' },
        message: {
          'zh-CN': '联系的市场主体（entityIds）中 me-1 重复列出',
          en: 'me-1 is listed more than once in entityIds (market entities)',
        },
      },
    ]);
    accepted(liaison(['me-1', 'me-2']), dir);

    const grid = (memberIds: readonly string[]): OrgCommand => ({
      type: 'add-grid',
      record: {
        id: 'grid-1',
        code: 'G-1',
        name: { 'zh-CN': '网格一' },
        unitId: ORG.stationA1,
        memberIds,
        validFrom: '2025-01-01',
      },
    });
    expect(refusal(grid(['m-ca-1', 'm-ca-1']))).toEqual([
      {
        code: 'org/duplicate-entry',
        path: ['record', 'memberIds', 1],
        details: { field: 'memberIds', id: 'm-ca-1' },
        message: {
          'zh-CN': '网格人员（memberIds）中 m-ca-1 重复列出',
          en: 'm-ca-1 is listed more than once in memberIds (grid members)',
        },
      },
    ]);
    accepted(grid(['m-ca-1', 'm-ca-2']));
    accepted(grid([]));
  });

  it('parseDirectory refuses repeats in each list of a snapshot', () => {
    const office = orgFixtureSnapshot().partyOrgs.findIndex((p) => p.id === ORG.branchOffice);
    const r = parseFixtureWith((s) => {
      const p = s.partyOrgs[office] as PartyOrg;
      Object.assign(p, { covers: [...p.covers, ORG.deptOffice] });
      s.marketEntities.push({
        id: 'me-1',
        kind: 'individual',
        name: { 'zh-CN': 'me-1' },
        unitId: ORG.stationA1,
        validFrom: '2025-01-01',
      });
      s.liaisons.push({ id: 'li-1', memberId: 'm-ca-1', entityIds: ['me-1', 'me-1'], validFrom: '2025-01-01' });
      s.grids.push({
        id: 'grid-1',
        code: 'G-1',
        name: { 'zh-CN': '网格一' },
        unitId: ORG.stationA1,
        memberIds: ['m-ca-2', 'm-ca-1', 'm-ca-2'],
        validFrom: '2025-01-01',
      });
    });
    expect(errorsOf(r)).toEqual([
      {
        code: 'org/duplicate-entry',
        path: ['partyOrgs', office, 'covers', 3],
        details: { field: 'covers', id: ORG.deptOffice },
      },
      {
        code: 'org/duplicate-entry',
        path: ['liaisons', 0, 'entityIds', 1],
        details: { field: 'entityIds', id: 'me-1' },
      },
      {
        code: 'org/duplicate-entry',
        path: ['grids', 0, 'memberIds', 2],
        details: { field: 'memberIds', id: 'm-ca-2' },
      },
    ]);
  });
});

describe('a restructuring or a leader naming one organization twice', () => {
  it('a merge of one county named twice is refused: one organization is not a merge', () => {
    const errors = refusal({
      type: 'restructure',
      restructuring: {
        id: 'r-aa',
        kind: 'merge',
        subject: 'unit',
        effectiveOn: '2025-07-01',
        originalIds: [ORG.countyA, ORG.countyA],
        resultingIds: ['county-aa'],
      },
      newUnits: [
        {
          id: 'county-aa',
          kind: 'county-bureau',
          level: 4,
          code: 'C-aa',
          name: { 'zh-CN': '合并县局' },
          parentId: ORG.city,
          validFrom: '2025-07-01',
        },
      ],
    } as OrgCommand);
    expect(shape(errors)).toEqual([
      {
        code: 'org/duplicate-entry',
        path: ['restructuring', 'originalIds', 1],
        details: { field: 'originalIds', id: ORG.countyA },
      },
      {
        code: 'org/invalid-restructuring',
        path: ['restructuring', 'kind'],
        details: { kind: 'merge', originals: 1, results: 1 },
      },
    ]);
    expect(errors[0]?.message['zh-CN']).toBe(`原机构（originalIds）中 ${ORG.countyA} 重复列出`);
  });

  it('a leader in charge of one department listed twice is refused at the repeat', () => {
    const r = parseFixtureWith((s) => {
      const leader = s.posts.find((p) => p.kind === 'leader-in-charge');
      if (leader?.kind !== 'leader-in-charge') throw new Error('no leader in charge in the fixture');
      Object.assign(leader, { inCharge: [...leader.inCharge, leader.inCharge[0]] });
    });
    const found = errorsOf(r).filter((e) => e.code === 'org/duplicate-entry');
    expect(found).toHaveLength(1);
    expect(found[0]?.details).toMatchObject({ field: 'inCharge' });
  });
});

describe('the fixture and the examples still parse', () => {
  it('the org fixture parses with no structural error and checkDirectory finds none', () => {
    expect(parseDirectory(orgFixtureSnapshot()).ok).toBe(true);
    expect(checkDirectory(orgFixture(), ORG.asOf).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
