import { describe, expect, it } from 'vitest';
import { getRecord, type IsoDate, replay, unwrap } from '../../src/core/index.js';
import {
  ancestors,
  checkDirectory,
  children,
  coverage,
  lineage,
  type OrgCommand,
  type OrgDirectory,
  type OrgUnit,
  orgDecider,
  parseDirectory,
  subtree,
  successorOf,
  toSnapshot,
} from '../../src/org/index.js';
import { accepted, mergeCounties, moveUnit, refusal, runAll, unit } from '../helpers/org-commands.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

const MERGED = 'county-ab';
const ON = '2025-07-01';
const BEFORE = '2025-06-30';
const STATIONS = [ORG.stationA1, ORG.stationA2, ORG.stationB1, ORG.stationB2] as const;

const entity = {
  type: 'add-market-entity',
  record: {
    id: 'me-b1',
    kind: 'individual',
    name: { 'zh-CN': '南街小吃店' },
    unitId: ORG.stationB1,
    validFrom: '2025-01-01',
  },
} as const satisfies OrgCommand;

/** The fixture with a market entity at 南街所, then the two counties merged on 2025-07-01. */
const merged = runAll([entity, mergeCounties()]);
/** …and the four stations moved to the merged bureau on the day it takes effect. */
const moved = runAll(
  STATIONS.map((id) => moveUnit(id, MERGED, ON)),
  merged.state,
);

/** A unit with no parent (the directory may hold only part of the hierarchy). */
function rootUnit(id: string, kind: OrgUnit['kind'], validFrom: string): OrgUnit {
  const { parentId: _parent, ...rest } = unit(id, kind, ORG.city, validFrom);
  return rest;
}

const ids = (list: readonly { readonly id: string }[]) => list.map((u) => u.id);
const outlived = (dir: OrgDirectory) =>
  checkDirectory(dir, ORG.asOf)
    .filter((f) => f.code === 'org/outlives-parent')
    .map((f) => f.ids.join(' < '))
    .sort();

describe('move-unit: the stations of two merged county bureaus', () => {
  it('records unit-moved and keeps the old bureau in formerParents, the id unchanged', () => {
    const r = accepted(moveUnit(ORG.stationA1, MERGED, ON), merged.state);
    expect(r.events.map(({ seq: _s, at: _a, actor: _b, schemaVersion: _v, ...e }) => e)).toEqual([
      { type: 'unit-moved', id: ORG.stationA1, parentId: MERGED, on: ON },
    ]);
    const st = getRecord(r.state.units, ORG.stationA1);
    expect(st?.parentId).toBe(MERGED);
    expect(st?.formerParents).toEqual([{ parentId: ORG.countyA, validTo: BEFORE }]);
    expect(st?.validFrom).toBe('2019-01-01');
    // the state before the move is untouched
    expect(getRecord(merged.state.units, ORG.stationA1)?.parentId).toBe(ORG.countyA);
    expect(getRecord(merged.state.units, ORG.stationA1)?.formerParents).toBe(undefined);
  });

  it('children and subtree list a station under its bureau of the day; without asOf, under the current one', () => {
    const dir = moved.state;
    expect(ids(children(dir, ORG.countyA, BEFORE))).toEqual([ORG.stationA1, ORG.stationA2]);
    expect(ids(children(dir, MERGED, BEFORE))).toEqual([]);
    expect(ids(children(dir, ORG.countyA, ON))).toEqual([]);
    expect(ids(children(dir, MERGED, ON))).toEqual([...STATIONS]);
    // without asOf: by the current parent (st-price ended in 2021 and stayed under county-b)
    expect(ids(children(dir, ORG.countyA))).toEqual([]);
    expect(ids(children(dir, ORG.countyB))).toEqual([ORG.oldPriceStation]);
    expect(ids(children(dir, MERGED))).toEqual([...STATIONS]);
    expect(subtree(dir, ORG.countyA, BEFORE)).toEqual([ORG.countyA, ORG.stationA1, ORG.guidanceA, ORG.stationA2]);
    expect(subtree(dir, MERGED, ON)).toEqual([MERGED, ...STATIONS.slice(0, 1), ORG.guidanceA, ...STATIONS.slice(1)]);
    expect(subtree(dir, ORG.city, BEFORE)).toContain(ORG.guidanceA);
    expect(subtree(dir, ORG.city, ON)).toEqual(expect.arrayContaining([MERGED, ...STATIONS, ORG.guidanceA]));
    expect(subtree(dir, MERGED)).toEqual([MERGED, ORG.stationA1, ORG.guidanceA, ...STATIONS.slice(1)]);
    expect(subtree(dir, ORG.countyB)).toEqual([ORG.countyB, ORG.oldPriceStation]);
  });

  it('ancestors follow the chain as it stood on asOf, the current one without it', () => {
    const dir = moved.state;
    expect(ids(ancestors(dir, ORG.guidanceA, BEFORE))).toEqual([ORG.stationA1, ORG.countyA, ORG.city]);
    expect(ids(ancestors(dir, ORG.guidanceA, ON))).toEqual([ORG.stationA1, MERGED, ORG.city]);
    expect(ids(ancestors(dir, ORG.guidanceA))).toEqual([ORG.stationA1, MERGED, ORG.city]);
    expect(ids(ancestors(dir, ORG.stationB1, BEFORE))).toEqual([ORG.countyB, ORG.city]);
    // not in force that day: no chain
    expect(ids(ancestors(dir, ORG.stationB1, '2018-12-31'))).toEqual([]);
    // before the moves, a station left under the ended bureau has no chain past it on the day after
    expect(ids(ancestors(merged.state, ORG.stationA1, ON))).toEqual([]);
    expect(ids(ancestors(merged.state, ORG.stationA1))).toEqual([ORG.countyA, ORG.city]);
  });

  it('coverage counts each station under its bureau of the day', () => {
    const row = (dir: OrgDirectory, asOf: string, id: string) =>
      coverage(dir, asOf as IsoDate).find((r) => r.unitId === id);
    const rows = (dir: OrgDirectory, asOf: string) => coverage(dir, asOf as IsoDate).map((r) => r.unitId);
    expect(rows(moved.state, BEFORE)).toEqual([
      ORG.city,
      ORG.countyA,
      ORG.stationA1,
      ORG.stationA2,
      ORG.countyB,
      ORG.stationB1,
      ORG.stationB2,
    ]);
    expect(row(moved.state, BEFORE, ORG.countyA)).toMatchObject({ guidanceStations: 1, marketEntities: 0 });
    expect(row(moved.state, BEFORE, ORG.countyB)).toMatchObject({ guidanceStations: 0, marketEntities: 1 });
    expect(rows(moved.state, ON)).toEqual([ORG.city, MERGED, ...STATIONS]);
    expect(row(moved.state, ON, MERGED)).toMatchObject({ guidanceStations: 1, marketEntities: 1 });
    expect(row(moved.state, ON, ORG.city)).toMatchObject({ guidanceStations: 1, marketEntities: 1 });
    // unmoved, the stations are counted under no bureau after the merge (their bureau has ended): only the city
    expect(rows(merged.state, ON)).toEqual([ORG.city, MERGED, ...STATIONS]);
    expect(row(merged.state, ON, MERGED)).toMatchObject({ guidanceStations: 0, marketEntities: 0 });
  });

  it('settles org/outlives-parent: reported for the stations left under the ended bureaus, gone after the moves', () => {
    expect(outlived(merged.state)).toEqual(
      STATIONS.map((id) => `${id} < ${id.startsWith('st-a') ? 'county-a' : 'county-b'}`),
    );
    expect(outlived(moved.state)).toEqual([]);
    // one station moved a month late: its month under the ended bureau is history, not reported
    const late = runAll([moveUnit(ORG.stationA1, MERGED, '2025-08-01')], merged.state).state;
    expect(outlived(late)).toEqual([
      `${ORG.stationA2} < county-a`,
      `${ORG.stationB1} < county-b`,
      `${ORG.stationB2} < county-b`,
    ]);
    expect(checkDirectory(moved.state, ORG.asOf).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('leaves lineage alone: the stations keep their ids and have no predecessors or successors', () => {
    for (const id of STATIONS) {
      expect(lineage(moved.state, id)).toEqual({ id, predecessors: [], successors: [], changes: [] });
      expect(successorOf(moved.state, id, '2030-01-01')).toBe(id);
    }
    expect(lineage(moved.state, MERGED)).toEqual(lineage(merged.state, MERGED));
    expect(lineage(moved.state, MERGED).predecessors).toEqual([ORG.countyA, ORG.countyB]);
  });

  it('replays to the executed state, and a snapshot with formerParents parses back to it', () => {
    const events = [...merged.events, ...moved.events];
    const replayed = replay(orgDecider, events, { from: orgFixture() });
    expect(toSnapshot(replayed)).toEqual(toSnapshot(moved.state));
    expect(replayed.version).toBe(moved.state.version);
    const snap = JSON.parse(JSON.stringify(toSnapshot(moved.state)));
    expect(snap.units.find((u: { id: string }) => u.id === ORG.stationB2).formerParents).toEqual([
      { parentId: ORG.countyB, validTo: BEFORE },
    ]);
    const parsed = unwrap(parseDirectory(snap));
    expect(toSnapshot(parsed)).toEqual(toSnapshot(moved.state));
    expect(ids(children(parsed, ORG.countyB, BEFORE))).toEqual([ORG.stationB1, ORG.stationB2]);
  });

  it('moves a unit more than once, and gives a unit with no parent its first one', () => {
    // each move is recorded while the new parent still runs on: to county-b in 2024, then to the merged bureau
    const twice = runAll([
      entity,
      moveUnit(ORG.stationA1, ORG.countyB, '2024-01-01'),
      mergeCounties(),
      moveUnit(ORG.stationA1, MERGED, ON),
    ]);
    const st = getRecord(twice.state.units, ORG.stationA1);
    expect(st?.formerParents).toEqual([
      { parentId: ORG.countyA, validTo: '2023-12-31' },
      { parentId: ORG.countyB, validTo: BEFORE },
    ]);
    expect(ids(children(twice.state, ORG.countyB, '2024-06-01'))).toContain(ORG.stationA1);
    expect(ids(children(twice.state, ORG.countyA, '2024-06-01'))).toEqual([ORG.stationA2]);
    // a county bureau kept as a root (the directory held only part of the hierarchy) is placed under the city
    const root = runAll([{ type: 'add-unit', record: rootUnit('county-c', 'county-bureau', '2020-01-01') }]);
    const placed = runAll([moveUnit('county-c', ORG.city, '2022-01-01')], root.state).state;
    expect(getRecord(placed.units, 'county-c')?.formerParents).toEqual([{ validTo: '2021-12-31' }]);
    expect(ids(ancestors(placed, 'county-c', '2021-12-31'))).toEqual([]);
    expect(ids(ancestors(placed, 'county-c', '2022-01-01'))).toEqual([ORG.city]);
  });

  it('a move to the parent the unit already has changes nothing', () => {
    const dir = merged.state;
    const r = accepted(moveUnit(ORG.stationA1, ORG.countyA, ON), dir);
    expect(r.events).toEqual([]);
    expect(r.state).toBe(dir);
  });
});

describe('end-unit and dissolve after moves', () => {
  it('a station moved away before the bureau’s last day no longer blocks ending it', () => {
    const dir = orgFixture();
    expect(
      refusal({ type: 'end-unit', id: ORG.countyA, on: BEFORE }, dir).map((e) => [e.code, e.path, e.details?.id]),
    ).toEqual([
      ['org/invalid-parent-kind', ['id'], ORG.stationA1],
      ['org/invalid-parent-kind', ['id'], ORG.stationA2],
    ]);
    const movedAway = runAll([moveUnit(ORG.stationA1, ORG.countyB, ON), moveUnit(ORG.stationA2, ORG.countyB, ON)], dir);
    const ended = accepted({ type: 'end-unit', id: ORG.countyA, on: BEFORE }, movedAway.state);
    expect(ended.events.map((e) => e.type)).toEqual(['unit-ended']);
    expect(outlived(ended.state)).toEqual([]);
    // a dissolve, which ends the bureau with no result, likewise
    const dissolved = accepted(
      {
        type: 'restructure',
        restructuring: {
          id: 'r-a',
          kind: 'dissolve',
          subject: 'unit',
          effectiveOn: ON,
          originalIds: [ORG.countyA],
          resultingIds: [],
        },
      },
      movedAway.state,
    );
    expect(getRecord(dissolved.state.units, ORG.countyA)?.validTo).toBe(BEFORE);
  });

  it('a station that leaves only after the last day still blocks it, for the days it would be left', () => {
    const late = runAll([moveUnit(ORG.stationA1, ORG.countyB, '2025-09-01')]).state;
    const errors = refusal({ type: 'end-unit', id: ORG.countyA, on: BEFORE }, late);
    expect(errors.map((e) => [e.code, e.details?.id, e.details?.endsOn])).toEqual([
      ['org/invalid-parent-kind', ORG.stationA1, BEFORE],
      ['org/invalid-parent-kind', ORG.stationA2, BEFORE],
    ]);
    // the bureau it moved to cannot end before the move either
    expect(refusal({ type: 'end-unit', id: ORG.countyB, on: '2025-12-31' }, late).map((e) => e.details?.id)).toContain(
      ORG.stationA1,
    );
  });

  it('a moved unit cannot end before the first day of its current parent', () => {
    const dir = moved.state;
    expect(refusal({ type: 'end-unit', id: ORG.stationA2, on: BEFORE }, dir)).toEqual([
      {
        code: 'core/dates-out-of-order',
        path: ['on'],
        details: { from: ON, to: BEFORE },
        message: {
          'zh-CN': '日期顺序错误：2025-06-30 早于 2025-07-01',
          en: 'Dates out of order: 2025-06-30 is before 2025-07-01',
        },
      },
    ]);
    const ended = accepted({ type: 'end-unit', id: ORG.stationA2, on: ON }, dir);
    expect(getRecord(ended.state.units, ORG.stationA2)).toMatchObject({ validTo: ON, parentId: MERGED });
    expect(checkDirectory(ended.state, ORG.asOf).filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('move-unit refusals', () => {
  const dir = merged.state;
  const codes = (cmd: OrgCommand, state: OrgDirectory = dir) =>
    refusal(cmd, state).map((e) => [e.code, e.path, e.details]);

  it('an unknown unit or parent', () => {
    expect(codes(moveUnit('st-ghost', MERGED, ON))).toEqual([['org/unknown-unit', ['id'], { id: 'st-ghost' }]]);
    expect(codes(moveUnit(ORG.stationA1, 'county-ghost', ON))).toEqual([
      ['org/unknown-unit', ['parentId'], { id: 'county-ghost' }],
    ]);
    // and the fields' shapes, before any lookup
    expect(
      codes({ type: 'move-unit', id: ORG.stationA1, parentId: '', on: 'soon' } as unknown as OrgCommand).map((e) => [
        e[0],
        e[1],
      ]),
    ).toEqual([['core/invalid-format', ['parentId']]]);
    expect(
      codes({ type: 'move-unit', id: ORG.stationA1, parentId: MERGED, on: 'soon' } as unknown as OrgCommand).map(
        (e) => e[1],
      ),
    ).toEqual([['on']]);
  });

  it('a unit not in force on the day', () => {
    expect(codes(moveUnit(ORG.oldPriceStation, MERGED, ON))).toEqual([
      ['org/not-valid-on', ['on'], { id: ORG.oldPriceStation, asOf: ON }],
    ]);
    expect(codes(moveUnit(ORG.stationA1, ORG.countyB, '2018-06-01'))).toEqual([
      ['org/not-valid-on', ['on'], { id: ORG.stationA1, asOf: '2018-06-01' }],
    ]);
  });

  it('a move on or before the first day of the current parent', () => {
    expect(codes(moveUnit(ORG.stationA1, ORG.countyB, '2019-01-01'))).toEqual([
      ['core/dates-out-of-order', ['on'], { from: '2019-01-02', to: '2019-01-01' }],
    ]);
    const after = moved.state;
    expect(codes(moveUnit(ORG.stationA1, ORG.countyB, ON), after)).toEqual([
      ['core/dates-out-of-order', ['on'], { from: '2025-07-02', to: ON }],
    ]);
    expect(codes(moveUnit(ORG.stationA1, ORG.countyB, '2025-06-01'), after)).toEqual([
      ['core/dates-out-of-order', ['on'], { from: '2025-07-02', to: '2025-06-01' }],
    ]);
  });

  it('a parent of the wrong kind or level', () => {
    expect(refusal(moveUnit(ORG.stationA1, ORG.deptFood, '2025-03-01'), orgFixture())).toEqual([
      {
        code: 'org/invalid-parent-kind',
        path: ['parentId'],
        details: { id: ORG.stationA1, kind: 'department', expected: ['county-bureau'] },
        message: {
          'zh-CN': 'st-a1 的上级类型为 department，不能设在其下；可设在 county-bureau 之下',
          en: 'st-a1 cannot sit under a department; allowed parents: county-bureau',
        },
      },
    ]);
    // a guidance station may sit under a city bureau, but at the city's level, not the county's
    expect(codes(moveUnit(ORG.guidanceA, ORG.city, '2025-03-01'), orgFixture())).toEqual([
      ['org/level-mismatch', ['parentId'], { id: ORG.guidanceA, level: 4, expected: 3 }],
    ]);
  });

  it('a parent not in force from the move through the unit’s last day', () => {
    // the merged bureau starts on 2025-07-01; the original ended the day before
    expect(codes(moveUnit(ORG.stationA1, MERGED, '2025-06-01'))).toEqual([
      ['org/not-valid-on', ['parentId'], { id: MERGED, asOf: '2025-06-01' }],
    ]);
    expect(codes(moveUnit(ORG.stationB1, ORG.countyA, ON))).toEqual([
      ['org/not-valid-on', ['parentId'], { id: ORG.countyA, asOf: ON }],
    ]);
    const withEnd = runAll([
      { type: 'add-unit', record: unit('county-c', 'county-bureau', ORG.city, '2020-01-01', '2030-12-31') },
    ]).state;
    expect(codes(moveUnit(ORG.stationA1, 'county-c', ON), withEnd)).toEqual([
      ['org/not-valid-on', ['parentId'], { id: 'county-c', asOf: '2031-01-01' }],
    ]);
  });

  it('a unit under itself', () => {
    expect(codes(moveUnit(ORG.stationA1, ORG.stationA1, '2025-03-01'), orgFixture())).toEqual([
      ['org/invalid-parent-kind', ['parentId'], { id: ORG.stationA1, kind: 'station', expected: ['county-bureau'] }],
      ['org/cycle', ['parentId'], { ids: [ORG.stationA1, ORG.stationA1] }],
    ]);
  });
});

describe('formerParents in a snapshot', () => {
  const withStation = (edit: Record<string, unknown>) => {
    const snap = JSON.parse(JSON.stringify(toSnapshot(moved.state)));
    const st = snap.units.find((u: { id: string }) => u.id === ORG.stationA1);
    Object.assign(st, edit);
    const i = snap.units.indexOf(st);
    const r = parseDirectory(snap);
    return { i, errors: r.ok ? [] : r.errors.map((e) => [e.code, e.path, e.details]) };
  };

  it('refuses entries out of order, outside the unit’s validity, or leaving the current parent no day', () => {
    let r = withStation({
      formerParents: [
        { parentId: ORG.countyA, validTo: '2022-12-31' },
        { parentId: ORG.countyB, validTo: '2022-12-31' },
      ],
    });
    expect(r.errors).toEqual([
      [
        'core/dates-out-of-order',
        ['units', r.i, 'formerParents', 1, 'validTo'],
        { from: '2023-01-01', to: '2022-12-31' },
      ],
    ]);
    r = withStation({ formerParents: [{ parentId: ORG.countyA, validTo: '2018-12-31' }] });
    expect(r.errors).toEqual([
      [
        'core/dates-out-of-order',
        ['units', r.i, 'formerParents', 0, 'validTo'],
        { from: '2019-01-01', to: '2018-12-31' },
      ],
    ]);
    r = withStation({ validTo: BEFORE });
    expect(r.errors).toEqual([
      ['core/dates-out-of-order', ['units', r.i, 'formerParents', 0, 'validTo'], { from: ON, to: BEFORE }],
    ]);
  });

  it('refuses an unknown former parent, one of the wrong kind or level, and unknown keys', () => {
    let r = withStation({ formerParents: [{ parentId: 'county-ghost', validTo: BEFORE }] });
    expect(r.errors).toEqual([
      ['org/unknown-unit', ['units', r.i, 'formerParents', 0, 'parentId'], { id: 'county-ghost' }],
    ]);
    r = withStation({ formerParents: [{ parentId: ORG.deptFood, validTo: BEFORE }] });
    expect(r.errors).toEqual([
      [
        'org/invalid-parent-kind',
        ['units', r.i, 'formerParents', 0, 'parentId'],
        { id: ORG.stationA1, kind: 'department', expected: ['county-bureau'] },
      ],
    ]);
    const snap = JSON.parse(JSON.stringify(toSnapshot(moved.state)));
    const gs = snap.units.find((u: { id: string }) => u.id === ORG.guidanceA);
    gs.formerParents = [{ parentId: ORG.city, validTo: '2020-12-31' }];
    const bad = parseDirectory(snap);
    expect(bad.errors?.map((e) => [e.code, e.path, e.details])).toEqual([
      [
        'org/level-mismatch',
        ['units', snap.units.indexOf(gs), 'formerParents', 0, 'parentId'],
        { id: ORG.guidanceA, level: 4, expected: 3 },
      ],
    ]);
    r = withStation({ formerParents: [{ parentId: ORG.countyA, validTo: BEFORE, reason: '合并' }] });
    expect(r.errors.map((e) => [e[0], e[1]])).toEqual([['core/unknown-key', ['units', r.i, 'formerParents', 0]]]);
  });
});

describe('checkDirectory reads each unit under its parent of the day', () => {
  const found = (dir: OrgDirectory, asOf: string, code: string) =>
    checkDirectory(dir, asOf as IsoDate, { requireGuidanceCoverage: true })
      .filter((f) => f.code === code)
      .map((f) => f.ids[0]);

  it('guidance coverage: a guidance station counts for the station it is under that day', () => {
    const dir = runAll([moveUnit(ORG.guidanceA, ORG.stationA2, '2025-03-01')]).state;
    expect(found(dir, '2025-02-28', 'org/station-without-guidance')).not.toContain(ORG.stationA1);
    expect(found(dir, '2025-02-28', 'org/station-without-guidance')).toContain(ORG.stationA2);
    expect(found(dir, '2025-03-01', 'org/station-without-guidance')).toContain(ORG.stationA1);
    expect(found(dir, '2025-03-01', 'org/station-without-guidance')).not.toContain(ORG.stationA2);
  });

  it('department coverage: a bureau is held to it from the day a covered department comes under it', () => {
    const city2 = { ...rootUnit('city-2', 'municipal-bureau', '2019-01-01'), level: 3 as const };
    const dir = runAll([
      { type: 'add-unit', record: city2 },
      { type: 'add-unit', record: unit('dept-2', 'department', 'city-2', '2019-01-01') },
      moveUnit(ORG.deptFood, 'city-2', '2025-03-01'),
    ]).state;
    expect(found(dir, '2025-02-28', 'org/department-uncovered')).toEqual([]);
    expect(found(dir, '2025-03-01', 'org/department-uncovered')).toEqual(['dept-2']);
    expect(ids(children(dir, ORG.city, '2025-03-01'))).not.toContain(ORG.deptFood);
  });
});
