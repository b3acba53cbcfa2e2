import { describe, expect, it } from 'vitest';
import { type DomainError, execute, type IsoDate, type Recorded, unwrap } from '../../src/core/index.js';
import {
  checkDirectory,
  findPartyOrg,
  type OrgCommand,
  type OrgDirectory,
  type OrgEvent,
  orgDecider,
  type PartyOrg,
  parseDirectory,
  replayOrg,
} from '../../src/org/index.js';
import { accepted, orgCtx as ctx, mergeCounties, orgBase, refusal, unit } from '../helpers/org-commands.js';
import { type FullSnapshot, ORG, orgFixtureSnapshot } from '../helpers/org-fixture.js';

// The fixture's units all start on 2019-01-01; the 物价检查所 (st-price) ended on 2021-12-31.
const base = orgBase;
const CODE = 'org/unit-ended';

const full = (errors: readonly DomainError[]) =>
  errors.map((e) => ({ code: e.code, path: e.path, details: e.details, message: e.message }));

/** The `org/not-valid-on` refusal of a link not in force on the party organization's first day. */
const notValidOn = (id: string, asOf: string, path: (string | number)[]) => ({
  code: 'org/not-valid-on',
  path,
  details: { id, asOf },
  message: { 'zh-CN': `${id} 在 ${asOf} 不在有效期内`, en: `${id} is not in force on ${asOf}` },
});

/** The fixture with `edit` applied; parseDirectory must accept it. */
function dirWith(edit: (s: FullSnapshot) => void): OrgDirectory {
  const s = orgFixtureSnapshot();
  edit(s);
  const r = parseDirectory(s);
  expect(r.ok, JSON.stringify(r.errors?.map((e) => [e.code, e.path]))).toBe(true);
  return unwrap(r);
}

const branch = (id: string, fields: Omit<Partial<PartyOrg>, 'validFrom'> & { validFrom: string }): PartyOrg => ({
  id,
  kind: 'branch',
  unitId: ORG.city,
  covers: [],
  name: { 'zh-CN': '党支部' },
  ...fields,
  validFrom: fields.validFrom as IsoDate,
});

const addParty = (record: PartyOrg): OrgCommand => ({ type: 'add-party-org', record });

// a department merged away at the end of 2024, one set up in 2026, a 党组 replaced at the end of 2020
const DEPT_OLD = 'dept-old';
const DEPT_NEW = 'dept-new';
const LG_OLD = 'lg-old';
const linked = dirWith((s) => {
  s.units.push(
    unit(DEPT_OLD, 'department', ORG.city, '2019-01-01', '2024-12-31'),
    unit(DEPT_NEW, 'department', ORG.city, '2026-01-01'),
  );
  s.partyOrgs.push({
    id: LG_OLD,
    kind: 'leading-group',
    unitId: ORG.city,
    covers: [],
    name: { 'zh-CN': '原党组' },
    validFrom: '2019-01-01',
    validTo: '2020-12-31',
  });
});

const unitEnded = (dir: OrgDirectory, asOf: string) =>
  checkDirectory(dir, asOf as IsoDate)
    .filter((f) => f.code === CODE)
    .map((f) => f.ids.join(' @ '))
    .sort();

describe('add-party-org: unitId, covers and leadingGroupId in force on validFrom', () => {
  it('refuses a branch sited in a unit that ended before it starts, at record.unitId', () => {
    const cmd = addParty(branch('br-price', { unitId: ORG.oldPriceStation, validFrom: '2022-03-01' }));
    const errors = refusal(cmd);
    expect(full(errors)).toEqual([notValidOn(ORG.oldPriceStation, '2022-03-01', ['record', 'unitId'])]);
    expect(errors[0]?.message).toEqual({
      'zh-CN': 'st-price 在 2022-03-01 不在有效期内',
      en: 'st-price is not in force on 2022-03-01',
    });
  });

  it('refuses a branch sited in a unit that starts after it, and accepts it from the unit’s first day', () => {
    const dir = accepted({ type: 'add-unit', record: unit('st-a3', 'station', ORG.countyA, '2025-09-01') }).state;
    const cmd = (validFrom: string) => addParty(branch('br-a3', { unitId: 'st-a3', validFrom }));
    expect(full(refusal(cmd('2025-08-01'), dir))).toEqual([notValidOn('st-a3', '2025-08-01', ['record', 'unitId'])]);
    expect(findPartyOrg(accepted(cmd('2025-09-01'), dir).state, 'br-a3')?.unitId).toBe('st-a3');
  });

  it('refuses each covered unit not in force, at record.covers[i], and passes the ones that are', () => {
    const cmd = addParty(
      branch('br-chain', {
        parentId: ORG.organCommittee,
        covers: [ORG.deptFood, DEPT_OLD, DEPT_NEW],
        validFrom: '2025-01-01',
      }),
    );
    expect(full(refusal(cmd, linked))).toEqual([
      notValidOn(DEPT_OLD, '2025-01-01', ['record', 'covers', 1]),
      notValidOn(DEPT_NEW, '2025-01-01', ['record', 'covers', 2]),
    ]);
  });

  it('refuses a 党组 not in force, at record.leadingGroupId', () => {
    const cmd = addParty(
      branch('br-lg', { parentId: ORG.organCommittee, leadingGroupId: LG_OLD, validFrom: '2021-01-01' }),
    );
    expect(full(refusal(cmd, linked))).toEqual([notValidOn(LG_OLD, '2021-01-01', ['record', 'leadingGroupId'])]);
    // a 党组 that starts after the branch
    const later = dirWith((s) =>
      s.partyOrgs.push({
        id: 'lg-new',
        kind: 'leading-group',
        unitId: ORG.city,
        covers: [],
        name: { 'zh-CN': '新党组' },
        validFrom: '2026-01-01',
      }),
    );
    const early = addParty(
      branch('br-lg', { parentId: ORG.organCommittee, leadingGroupId: 'lg-new', validFrom: '2025-12-31' }),
    );
    expect(full(refusal(early, later))).toEqual([notValidOn('lg-new', '2025-12-31', ['record', 'leadingGroupId'])]);
  });

  it('reports every link and the parent together, in field order', () => {
    const cmd = addParty(
      branch('br-all', {
        parentId: LG_OLD,
        leadingGroupId: LG_OLD,
        unitId: ORG.oldPriceStation,
        covers: [DEPT_OLD],
        validFrom: '2025-01-01',
      }),
    );
    expect(full(refusal(cmd, linked))).toEqual([
      notValidOn(LG_OLD, '2025-01-01', ['record', 'parentId']),
      notValidOn(ORG.oldPriceStation, '2025-01-01', ['record', 'unitId']),
      notValidOn(DEPT_OLD, '2025-01-01', ['record', 'covers', 0]),
      notValidOn(LG_OLD, '2025-01-01', ['record', 'leadingGroupId']),
    ]);
  });

  it('leaves a link to no record at all to org/unknown-unit', () => {
    const cmd = addParty(branch('br-x', { unitId: 'nowhere', covers: [DEPT_OLD], validFrom: '2025-01-01' }));
    expect(refusal(cmd, linked).map((e) => [e.code, e.path])).toEqual([
      ['org/unknown-unit', ['record', 'unitId']],
      ['org/not-valid-on', ['record', 'covers', 0]],
    ]);
  });

  it('accepts links in force on validFrom, on the first and the last day of the linked record', () => {
    const chain = (validFrom: string, covers: string[]) =>
      addParty(
        branch('br-chain', {
          parentId: ORG.organCommittee,
          leadingGroupId: ORG.leadingGroup,
          covers,
          validFrom,
        }),
      );
    accepted(chain('2019-01-01', [ORG.deptFood, DEPT_OLD]), linked);
    accepted(chain('2024-12-31', [ORG.deptFood, DEPT_OLD]), linked);
    accepted(chain('2026-01-01', [DEPT_NEW]), linked);
    // the day after the department’s last is refused
    expect(full(refusal(chain('2025-01-01', [DEPT_OLD]), linked))).toEqual([
      notValidOn(DEPT_OLD, '2025-01-01', ['record', 'covers', 0]),
    ]);
    const lg = addParty(
      branch('br-lg', { parentId: ORG.organCommittee, leadingGroupId: LG_OLD, validFrom: '2020-12-31' }),
    );
    accepted(lg, linked);
  });

  it('holds only the start: a branch running on past its unit’s end is accepted, and reported once the unit ended', () => {
    const open = accepted(addParty(branch('br-price', { unitId: ORG.oldPriceStation, validFrom: '2020-01-01' })));
    expect(findPartyOrg(open.state, 'br-price', '2025-01-01')?.unitId).toBe(ORG.oldPriceStation);
    expect(unitEnded(open.state, ORG.asOf)).toEqual([`br-price @ ${ORG.oldPriceStation}`]);
    // a covered department or 党组 that ends later is accepted likewise
    const { state } = accepted(
      addParty(
        branch('br-chain', {
          parentId: ORG.organCommittee,
          leadingGroupId: LG_OLD,
          covers: [DEPT_OLD],
          validFrom: '2020-06-01',
        }),
      ),
      linked,
    );
    expect(findPartyOrg(state, 'br-chain', ORG.asOf)?.covers).toEqual([DEPT_OLD]);
    expect(unitEnded(state, ORG.asOf)).toEqual([]);
  });
});

describe('restructure: the new party organizations’ links in force on their validFrom', () => {
  it('refuses a new branch sited in an original unit the restructuring ends, and accepts it in the result', () => {
    const br = (unitId: string) => branch('br-ab', { unitId, validFrom: '2025-07-01' });
    expect(full(refusal(mergeCounties([br(ORG.countyA)])))).toEqual([
      notValidOn(ORG.countyA, '2025-07-01', ['newPartyOrgs', 0, 'unitId']),
    ]);
    const { state } = accepted(mergeCounties([br('county-ab')]));
    expect(findPartyOrg(state, 'br-ab', ORG.asOf)?.unitId).toBe('county-ab');
  });

  it('refuses covered units not in force, at newPartyOrgs[i].covers[j]', () => {
    const cmd: OrgCommand = {
      type: 'restructure',
      restructuring: {
        id: 'r-fd',
        kind: 'merge',
        subject: 'party-org',
        effectiveOn: '2025-08-01',
        originalIds: [ORG.branchFood, ORG.branchDrug],
        resultingIds: ['br-fd'],
      },
      newPartyOrgs: [
        branch('br-fd', {
          parentId: ORG.organCommittee,
          covers: [ORG.deptFood, ORG.deptDrug, DEPT_OLD],
          validFrom: '2025-08-01',
        }),
      ],
    };
    expect(full(refusal(cmd, linked))).toEqual([notValidOn(DEPT_OLD, '2025-08-01', ['newPartyOrgs', 0, 'covers', 2])]);
  });

  it('refuses a 党组 the same restructuring replaces, at newPartyOrgs[i].leadingGroupId', () => {
    const dir = dirWith((s) =>
      s.partyOrgs.push({
        id: 'lg-b',
        kind: 'leading-group',
        unitId: ORG.countyB,
        covers: [],
        name: { 'zh-CN': '乙区局党组' },
        validFrom: '2019-01-01',
      }),
    );
    const cmd = (leadingGroupId: string): OrgCommand => ({
      type: 'restructure',
      restructuring: {
        id: 'r-lg-b',
        kind: 'rename',
        subject: 'party-org',
        effectiveOn: '2025-07-01',
        originalIds: ['lg-b'],
        resultingIds: ['lg-b2'],
      },
      newPartyOrgs: [
        {
          id: 'lg-b2',
          kind: 'leading-group',
          unitId: ORG.countyB,
          covers: [],
          name: { 'zh-CN': '党组' },
          validFrom: '2025-07-01',
        },
        branch('br-b', { unitId: ORG.countyB, leadingGroupId, validFrom: '2025-07-01' }),
      ],
    });
    expect(full(refusal(cmd('lg-b'), dir))).toEqual([
      notValidOn('lg-b', '2025-07-01', ['newPartyOrgs', 1, 'leadingGroupId']),
    ]);
    expect(findPartyOrg(accepted(cmd('lg-b2'), dir).state, 'br-b', ORG.asOf)?.leadingGroupId).toBe('lg-b2');
  });
});

describe('checkDirectory: org/unit-ended', () => {
  // a station branch (no 总支 above it in the fixture), then the station merged away
  const BR = 'br-st-b1';
  const stationBranch = addParty(branch(BR, { unitId: ORG.stationB1, validFrom: '2019-01-01' }));
  const merge: OrgCommand = {
    type: 'restructure',
    restructuring: {
      id: 'r-b12',
      kind: 'merge',
      subject: 'unit',
      effectiveOn: '2025-07-01',
      originalIds: [ORG.stationB1, ORG.stationB2],
      resultingIds: ['st-b12'],
    },
    newUnits: [unit('st-b12', 'station', ORG.countyB, '2025-07-01')],
  };
  const events: Recorded<OrgEvent>[] = [];
  let dir = base;
  for (const c of [stationBranch, merge]) {
    const r = unwrap(execute(orgDecider, dir, c, ctx));
    events.push(...r.events);
    dir = r.state;
  }
  const merged = dir;

  it('reports the branch of a merged-away station while the party line has not restructured it', () => {
    const findings = checkDirectory(merged, '2025-08-01').filter((f) => f.code === CODE);
    expect(findings).toEqual([
      {
        code: CODE,
        severity: 'warning',
        ids: [BR, ORG.stationB1],
        path: ['partyOrgs', BR, 'unitId'],
        details: { id: BR, unitId: ORG.stationB1, unitValidTo: '2025-06-30' },
        message: {
          'zh-CN':
            '党组织 br-st-b1 所在单位 st-b1 已于 2025-06-30 终止，br-st-b1 仍在有效期内；应报上级党组织批准后调整或撤销 br-st-b1',
          en: "Party organization br-st-b1 is still in force after its unit st-b1 ended on 2025-06-30; restructure or end br-st-b1 with the higher party organization's approval",
        },
      },
    ]);
    // advice, not a structural error
    expect(checkDirectory(merged, '2025-08-01').filter((f) => f.severity === 'error')).toEqual([]);
    // the same from the replayed log
    expect(unitEnded(replayOrg(events, base), '2025-08-01')).toEqual([`${BR} @ ${ORG.stationB1}`]);
  });

  it('is not reported on or before the unit’s last day', () => {
    expect(unitEnded(merged, '2025-07-01')).toEqual([`${BR} @ ${ORG.stationB1}`]);
    expect(unitEnded(merged, '2025-06-30')).toEqual([]);
    expect(unitEnded(merged, '2020-01-01')).toEqual([]);
  });

  it('is not reported once the branch has ended, by end-party-org or by a party-organization restructuring', () => {
    const ended = accepted({ type: 'end-party-org', id: BR, on: '2025-09-30' }, merged).state;
    expect(unitEnded(ended, '2025-09-30')).toEqual([`${BR} @ ${ORG.stationB1}`]);
    expect(unitEnded(ended, '2025-10-01')).toEqual([]);

    const moved = accepted(
      {
        type: 'restructure',
        restructuring: {
          id: 'r-br-b12',
          kind: 'rename',
          subject: 'party-org',
          effectiveOn: '2025-09-01',
          originalIds: [BR],
          resultingIds: ['br-st-b12'],
        },
        newPartyOrgs: [branch('br-st-b12', { unitId: 'st-b12', validFrom: '2025-09-01' })],
      },
      merged,
    ).state;
    expect(unitEnded(moved, '2025-08-31')).toEqual([`${BR} @ ${ORG.stationB1}`]);
    expect(unitEnded(moved, '2025-09-01')).toEqual([]);
    expect(unitEnded(moved, ORG.asOf)).toEqual([]);
  });

  it('reports a party organization of any kind by its unitId, not the covered departments that ended', () => {
    expect(unitEnded(base, ORG.asOf)).toEqual([]);
    const dir = dirWith((s) => {
      const consumer = s.units.find((u) => u.id === ORG.deptConsumer);
      if (consumer) consumer.validTo = '2024-12-31';
    });
    // br-office covers the ended 网络交易监管科: not this advisory’s business
    expect(unitEnded(dir, ORG.asOf)).toEqual([]);
    const withLg = dirWith((s) => {
      const city = s.units.find((u) => u.id === ORG.city);
      if (city) city.validTo = '2024-12-31';
    });
    expect(unitEnded(withLg, ORG.asOf)).toEqual(
      [ORG.branchDrug, ORG.branchFood, ORG.branchOffice, ORG.leadingGroup, ORG.organCommittee]
        .sort()
        .map((id) => `${id} @ ${ORG.city}`),
    );
  });

  it('parseDirectory still accepts such a snapshot, even one whose branch starts after its unit ended', () => {
    for (const validFrom of ['2019-01-01', '2023-01-01'] as const) {
      const s = orgFixtureSnapshot();
      s.partyOrgs.push(branch('br-price', { unitId: ORG.oldPriceStation, validFrom }));
      const r = parseDirectory(s);
      expect(r.ok).toBe(true);
      const found = checkDirectory(unwrap(r), ORG.asOf);
      expect(found.filter((f) => f.severity === 'error')).toEqual([]);
      expect(found.filter((f) => f.code === CODE).map((f) => f.details)).toEqual([
        { id: 'br-price', unitId: ORG.oldPriceStation, unitValidTo: '2021-12-31' },
      ]);
    }
  });
});

describe('ending a unit or 党组 before a party organization linked to it begins', () => {
  /** The `core/dates-out-of-order` refusal naming the party organization that would start after the end. */
  const later = (partyOrgId: string, from: string, to: string, path: (string | number)[]) => ({
    code: 'core/dates-out-of-order',
    path,
    details: { from, to, partyOrgId },
  });
  const codes = (errors: readonly DomainError[]) =>
    errors.map((e) => ({ code: e.code, path: e.path, details: e.details }));
  // a station with a branch set up for 2026, a department a 2026 branch will cover, a 党组 leading a 2026 branch
  const planned = dirWith((s) => {
    s.units.push(
      unit('st-a3', 'station', ORG.countyA, '2025-01-01'),
      unit('dept-x', 'department', ORG.city, '2019-01-01'),
    );
    s.partyOrgs.push(
      branch('br-a3', { unitId: 'st-a3', validFrom: '2026-01-01' }),
      branch('br-x', { parentId: ORG.organCommittee, covers: ['dept-x'], validFrom: '2026-01-01' }),
      branch('br-lg', { parentId: ORG.organCommittee, leadingGroupId: ORG.leadingGroup, validFrom: '2026-01-01' }),
    );
  });

  it('refuses end-unit while a branch sited in the unit starts after its last day, and accepts it once started', () => {
    const errors = refusal({ type: 'end-unit', id: 'st-a3', on: '2025-12-31' }, planned);
    expect(codes(errors)).toEqual([later('br-a3', '2026-01-01', '2025-12-31', ['on'])]);
    expect(errors[0]?.message.en).toMatch(/2026-01-01/);
    const ended = accepted({ type: 'end-unit', id: 'st-a3', on: '2026-01-01' }, planned).state;
    expect(unitEnded(ended, '2026-01-02')).toEqual(['br-a3 @ st-a3']);
  });

  it('refuses end-unit while a branch covering the unit starts after its last day', () => {
    const errors = refusal({ type: 'end-unit', id: 'dept-x', on: '2025-06-30' }, planned);
    expect(codes(errors)).toEqual([later('br-x', '2026-01-01', '2025-06-30', ['on'])]);
  });

  it('refuses ending a 党组 before a party organization it leads begins', () => {
    const errors = refusal({ type: 'end-party-org', id: ORG.leadingGroup, on: '2025-12-31' }, planned);
    expect(codes(errors).filter((e) => e.code === 'core/dates-out-of-order')).toContainEqual(
      later('br-lg', '2026-01-01', '2025-12-31', ['on']),
    );
  });

  it('refuses a restructuring that ends the unit first, at the original', () => {
    const merge: OrgCommand = {
      type: 'restructure',
      restructuring: {
        id: 'rs-a3',
        kind: 'merge',
        subject: 'unit',
        effectiveOn: '2025-10-01',
        originalIds: ['st-a3', ORG.stationA1],
        resultingIds: [ORG.stationA1],
      },
    };
    const errors = refusal(merge, planned);
    expect(codes(errors)).toEqual([later('br-a3', '2026-01-01', '2025-09-30', ['restructuring', 'originalIds', 0])]);
  });
});
