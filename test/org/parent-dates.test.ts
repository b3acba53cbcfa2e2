import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, type DomainError, type IsoDate, unwrap } from '../../src/core/index.js';
import {
  checkDirectory,
  findPartyOrg,
  findUnit,
  type OrgCommand,
  type OrgDirectory,
  type OrgUnit,
  type PartyOrg,
  parseDirectory,
  toSnapshot,
} from '../../src/org/index.js';
import { accepted, mergeCounties, orgBase, refusal, runOrg as run, unit } from '../helpers/org-commands.js';
import { type FullSnapshot, ORG, orgFixtureSnapshot } from '../helpers/org-fixture.js';

const base = orgBase;

const refused = (cmd: OrgCommand, dir: OrgDirectory = base) =>
  refusal(cmd, dir).map((e) => ({ code: e.code, path: e.path }));

/** Runs the commands in order, each of which must be accepted. */
function acceptAll(cmds: readonly OrgCommand[], dir: OrgDirectory = base): OrgDirectory {
  return cmds.reduce((d, c) => accepted(c, d).state, dir);
}

function dirWith(edit: (s: FullSnapshot) => void): OrgDirectory {
  const s = orgFixtureSnapshot();
  edit(s);
  return unwrap(parseDirectory(s));
}

const outlived = (dir: OrgDirectory) =>
  checkDirectory(dir, ORG.asOf)
    .filter((f) => f.code === 'org/outlives-parent')
    .map((f) => f.ids.join(' < '))
    .sort();

/** The `org/not-valid-on` refusal of a record under a parent not in force on `asOf`, as the catalogue renders it. */
const notValidOn = (parentId: string, asOf: string, path: (string | number)[]) => ({
  code: 'org/not-valid-on',
  path,
  details: { id: parentId, asOf },
  message: { 'zh-CN': `${parentId} 在 ${asOf} 不在有效期内`, en: `${parentId} is not in force on ${asOf}` },
});

/** The `org/invalid-parent-kind` refusal of ending a parent while `id` runs on under it. */
const leftUnder = (
  id: string,
  kind: string,
  expected: string[],
  parentId: string,
  endsOn: string,
  path: unknown[],
) => ({
  code: 'org/invalid-parent-kind',
  path,
  details: { id, kind, expected, parentId, endsOn },
  message: {
    'zh-CN': `${parentId} 于 ${endsOn} 终止后，${id} 将失去上级；请先终止或调整 ${id}`,
    en: `${id} would be left under ${parentId}, which ends on ${endsOn}; end or restructure ${id} first`,
  },
});

const full = (errors: readonly DomainError[]) =>
  errors.map((e) => ({ code: e.code, path: e.path, details: e.details, message: e.message }));

const endUnit = (id: string, on: string): OrgCommand => ({ type: 'end-unit', id, on: on as IsoDate });

const group = (id: string, parentId: string, validFrom: string, validTo?: string): PartyOrg => ({
  id,
  kind: 'group',
  parentId,
  unitId: ORG.countyA,
  covers: [],
  name: { 'zh-CN': '党小组' },
  validFrom: validFrom as IsoDate,
  ...(validTo === undefined ? {} : { validTo: validTo as IsoDate }),
});

describe('end-unit and the child units', () => {
  it('refuses to end a county bureau while its stations run on, naming each at the id being ended', () => {
    const errors = refusal(endUnit(ORG.countyB, '2025-06-30'));
    // st-price ended in 2021 and does not block it
    expect(full(errors)).toEqual(
      [ORG.stationB1, ORG.stationB2].map((id) =>
        leftUnder(id, 'county-bureau', ['county-bureau'], ORG.countyB, '2025-06-30', ['id']),
      ),
    );
    expect(errors[0]?.message['zh-CN']).toBe('county-b 于 2025-06-30 终止后，st-b1 将失去上级；请先终止或调整 st-b1');
  });

  it('ends a unit whose children ended earlier or on its last day; a child ending the day after blocks it', () => {
    const ended = acceptAll([endUnit(ORG.stationB1, '2025-03-31'), endUnit(ORG.stationB2, '2025-06-30')]);
    const { state, events } = accepted(endUnit(ORG.countyB, '2025-06-30'), ended);
    expect(events.map((e) => e.type)).toEqual(['unit-ended']);
    expect(findUnit(state, ORG.countyB)?.validTo).toBe('2025-06-30');
    expect(outlived(state)).toEqual([]);

    const late = acceptAll([endUnit(ORG.stationB1, '2025-06-30'), endUnit(ORG.stationB2, '2025-07-01')]);
    expect(refused(endUnit(ORG.countyB, '2025-06-30'), late)).toEqual([
      { code: 'org/invalid-parent-kind', path: ['id'] },
    ]);
    expect(refusal(endUnit(ORG.countyB, '2025-06-30'), late)[0]?.details).toMatchObject({ id: ORG.stationB2 });
    // ending the bureau a day later is within the station's validity
    accepted(endUnit(ORG.countyB, '2025-07-01'), late);
  });

  it('refuses while a child starts only after the end day', () => {
    const dir = acceptAll([
      endUnit(ORG.stationB1, '2025-06-30'),
      endUnit(ORG.stationB2, '2025-06-30'),
      { type: 'add-unit', record: unit('st-b3', 'station', ORG.countyB, '2025-09-01') },
    ]);
    expect(full(refusal(endUnit(ORG.countyB, '2025-06-30'), dir))).toEqual([
      leftUnder('st-b3', 'county-bureau', ['county-bureau'], ORG.countyB, '2025-06-30', ['id']),
    ]);
  });

  it('looks at the direct children only: a station blocks its county bureau, its guidance station blocks it', () => {
    expect(full(refusal(endUnit(ORG.stationA1, '2025-06-30')))).toEqual([
      leftUnder(
        ORG.guidanceA,
        'station',
        ['municipal-bureau', 'county-bureau', 'station'],
        ORG.stationA1,
        '2025-06-30',
        ['id'],
      ),
    ]);
    const dir = acceptAll([
      endUnit(ORG.guidanceA, '2025-06-30'),
      endUnit(ORG.stationA1, '2025-06-30'),
      endUnit(ORG.stationA2, '2025-06-30'),
      endUnit(ORG.countyA, '2025-06-30'),
    ]);
    expect(outlived(dir)).toEqual([]);
  });

  it('neither ends nor waits for the party organizations sited in the unit (unitId)', () => {
    const dir = acceptAll([
      endUnit(ORG.guidanceA, '2025-06-30'),
      endUnit(ORG.stationA1, '2025-06-30'),
      endUnit(ORG.stationA2, '2025-06-30'),
    ]);
    const { state, events } = accepted(endUnit(ORG.countyA, '2025-06-30'), dir);
    expect(events.map((e) => e.type)).toEqual(['unit-ended']);
    // the county's branch is the party line's to end or restructure
    expect(findPartyOrg(state, ORG.branchCountyA, ORG.asOf)?.unitId).toBe(ORG.countyA);
  });

  it('refuses a dissolve of a unit whose children run on, unless they are dissolved with it', () => {
    const dissolve = (originalIds: string[]): OrgCommand => ({
      type: 'restructure',
      restructuring: {
        id: 'r-county-b',
        kind: 'dissolve',
        subject: 'unit',
        effectiveOn: '2025-07-01',
        originalIds,
        resultingIds: [],
      },
    });
    expect(full(refusal(dissolve([ORG.countyB])))).toEqual(
      [ORG.stationB1, ORG.stationB2].map((id) =>
        leftUnder(id, 'county-bureau', ['county-bureau'], ORG.countyB, '2025-06-30', [
          'restructuring',
          'originalIds',
          0,
        ]),
      ),
    );
    const { state } = accepted(dissolve([ORG.countyB, ORG.stationB1, ORG.stationB2]));
    expect(findUnit(state, ORG.stationB2)?.validTo).toBe('2025-06-30');
    expect(outlived(state)).toEqual([]);
  });

  it('a merge with a result still leaves the originals’ child units where they are (documented; reported by checkDirectory)', () => {
    const { state } = accepted(mergeCounties());
    expect(outlived(state)).toEqual([
      `${ORG.stationA1} < ${ORG.countyA}`,
      `${ORG.stationA2} < ${ORG.countyA}`,
      `${ORG.stationB1} < ${ORG.countyB}`,
      `${ORG.stationB2} < ${ORG.countyB}`,
    ]);
  });
});

describe('add-unit within its parent’s validity', () => {
  // the 物价检查所 ran from 2019-01-01 to 2021-12-31
  const gs = (validFrom: string, validTo?: string) =>
    unit('gs-price', 'guidance-station', ORG.oldPriceStation, validFrom, validTo);
  const add = (record: OrgUnit): OrgCommand => ({ type: 'add-unit', record });

  it('refuses a child that starts before its parent, at its own validFrom', () => {
    expect(full(refusal(add(unit('st-a3', 'station', ORG.countyA, '2018-06-01'))))).toEqual([
      notValidOn(ORG.countyA, '2018-06-01', ['record', 'parentId']),
    ]);
  });

  it('refuses a child under a parent that ended before it starts', () => {
    expect(full(refusal(add(gs('2022-03-01'))))).toEqual([
      notValidOn(ORG.oldPriceStation, '2022-03-01', ['record', 'parentId']),
    ]);
    expect(full(refusal(add(gs('2022-03-01', '2022-12-31'))))).toEqual([
      notValidOn(ORG.oldPriceStation, '2022-03-01', ['record', 'parentId']),
    ]);
  });

  it('refuses a child that would outlive its parent, at the day after the parent’s last', () => {
    expect(full(refusal(add(gs('2020-01-01'))))).toEqual([
      notValidOn(ORG.oldPriceStation, '2022-01-01', ['record', 'parentId']),
    ]);
    expect(full(refusal(add(gs('2020-01-01', '2022-01-01'))))).toEqual([
      notValidOn(ORG.oldPriceStation, '2022-01-01', ['record', 'parentId']),
    ]);
  });

  it('accepts a child within its parent’s validity, up to and including the same first and last days', () => {
    for (const [from, to] of [
      ['2019-01-01', '2021-12-31'],
      ['2020-01-01', '2021-06-30'],
      ['2021-12-31', '2021-12-31'],
    ] as const) {
      const { state } = accepted(add(gs(from, to)));
      expect(findUnit(state, 'gs-price')?.validTo).toBe(to);
      expect(outlived(state)).toEqual([]);
    }
    // an open end under an open end
    accepted(add(unit('st-a3', 'station', ORG.countyA, '2019-01-01')));
  });

  it('reports both the parent kind and the dates when both are wrong', () => {
    expect(refused(add(unit('st-x', 'station', ORG.oldPriceStation, '2022-03-01')))).toEqual([
      { code: 'org/invalid-parent-kind', path: ['record', 'parentId'] },
      { code: 'org/not-valid-on', path: ['record', 'parentId'] },
    ]);
  });
});

describe('add-party-org within its parent’s validity', () => {
  const add = (record: PartyOrg): OrgCommand => ({ type: 'add-party-org', record });
  const branchEnded = () => accepted({ type: 'end-party-org', id: ORG.branchCountyA, on: '2025-06-30' }).state;

  it('refuses a 党小组 that starts before its branch (and, the same day, before its unit: both at once)', () => {
    expect(full(refusal(add(group('g-1', ORG.branchCountyA, '2018-12-31'))))).toEqual([
      notValidOn(ORG.branchCountyA, '2018-12-31', ['record', 'parentId']),
      notValidOn(ORG.countyA, '2018-12-31', ['record', 'unitId']),
    ]);
  });

  it('refuses a 党小组 under a branch that has ended, or that would run on past it', () => {
    const dir = branchEnded();
    expect(full(refusal(add(group('g-1', ORG.branchCountyA, '2025-08-01')), dir))).toEqual([
      notValidOn(ORG.branchCountyA, '2025-08-01', ['record', 'parentId']),
    ]);
    expect(full(refusal(add(group('g-1', ORG.branchCountyA, '2025-01-01')), dir))).toEqual([
      notValidOn(ORG.branchCountyA, '2025-07-01', ['record', 'parentId']),
    ]);
    expect(full(refusal(add(group('g-1', ORG.branchCountyA, '2025-01-01', '2025-07-15')), dir))).toEqual([
      notValidOn(ORG.branchCountyA, '2025-07-01', ['record', 'parentId']),
    ]);
  });

  it('refuses a branch that starts before its 机关党委', () => {
    const branch: PartyOrg = {
      id: 'br-new',
      kind: 'branch',
      parentId: ORG.organCommittee,
      unitId: ORG.city,
      covers: [],
      name: { 'zh-CN': '机关第四党支部' },
      validFrom: '2018-10-01',
    };
    expect(full(refusal(add(branch)))).toEqual([
      notValidOn(ORG.organCommittee, '2018-10-01', ['record', 'parentId']),
      notValidOn(ORG.city, '2018-10-01', ['record', 'unitId']),
    ]);
    accepted(add({ ...branch, validFrom: '2019-01-01' }));
  });

  it('accepts a 党小组 ending with its branch or before it', () => {
    const dir = branchEnded();
    for (const to of ['2025-06-30', '2025-03-31']) {
      const { state } = accepted(add(group('g-1', ORG.branchCountyA, '2025-01-01', to)), dir);
      expect(outlived(state)).toEqual([]);
    }
  });
});

describe('restructure: the records it creates lie within their parents', () => {
  it('refuses a new unit under an original that ends the day before it starts', () => {
    const cmd = (parentId: string): OrgCommand => ({
      type: 'restructure',
      restructuring: {
        id: 'r-a2',
        kind: 'rename',
        subject: 'unit',
        effectiveOn: '2025-07-01',
        originalIds: [ORG.countyA],
        resultingIds: ['county-a2'],
      },
      newUnits: [
        { ...unit('county-a2', 'county-bureau', ORG.city, '2025-07-01'), level: 4 },
        unit('st-a3', 'station', parentId, '2025-07-01'),
      ],
    });
    expect(full(refusal(cmd(ORG.countyA)))).toEqual([
      notValidOn(ORG.countyA, '2025-07-01', ['newUnits', 1, 'parentId']),
    ]);
    const { state } = accepted(cmd('county-a2'));
    expect(findUnit(state, 'st-a3', ORG.asOf)?.parentId).toBe('county-a2');
  });

  it('refuses a new unit that starts before the new parent it sits under', () => {
    expect(
      full(
        refusal({
          type: 'restructure',
          restructuring: {
            id: 'r-b',
            kind: 'split',
            subject: 'unit',
            effectiveOn: '2025-07-01',
            originalIds: [ORG.stationB2],
            resultingIds: ['st-b2-n', 'st-b2-s'],
          },
          newUnits: [
            unit('st-b2-n', 'station', ORG.countyB, '2025-07-01'),
            unit('st-b2-s', 'station', ORG.countyB, '2025-07-01'),
            unit('gs-b2-n', 'guidance-station', 'st-b2-n', '2025-06-01'),
          ],
        }),
      ),
    ).toEqual([notValidOn('st-b2-n', '2025-06-01', ['newUnits', 2, 'parentId'])]);
  });

  it('refuses a new party organization under an original that ends, and accepts it under the result', () => {
    const cmd = (groupParent: string): OrgCommand => ({
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
        {
          id: 'br-fd',
          kind: 'branch',
          parentId: ORG.organCommittee,
          unitId: ORG.city,
          covers: [ORG.deptFood, ORG.deptDrug],
          name: { 'zh-CN': '食品药品联合党支部' },
          validFrom: '2025-08-01',
        },
        group('g-fd', groupParent, '2025-08-01'),
      ],
    });
    expect(full(refusal(cmd(ORG.branchFood)))).toEqual([
      notValidOn(ORG.branchFood, '2025-08-01', ['newPartyOrgs', 1, 'parentId']),
    ]);
    const { state } = accepted(cmd('br-fd'));
    expect(outlived(state)).toEqual([]);
  });
});

describe('containment, day by day', () => {
  const D0 = '2020-01-01' as IsoDate;
  const H = 12; // the horizon standing in for an open end
  const day = (n: number) => addDays(D0, n);
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 10 }), fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }))
    .map(([a, b]) => (b === undefined ? { from: a } : { from: Math.min(a, b), to: Math.max(a, b) }));
  const inForce = (i: { from: number; to?: number }, d: number) => i.from <= d && d <= (i.to ?? H);

  it('add-unit is refused exactly when the child is in force on a day its parent is not, at the first such day', () => {
    fc.assert(
      fc.property(interval, interval, (parent, child) => {
        const dir = dirWith((s) =>
          s.units.push(
            unit(
              'st-p',
              'station',
              ORG.countyA,
              day(parent.from),
              parent.to === undefined ? undefined : day(parent.to),
            ),
          ),
        );
        const cmd: OrgCommand = {
          type: 'add-unit',
          record: unit(
            'gs-c',
            'guidance-station',
            'st-p',
            day(child.from),
            child.to === undefined ? undefined : day(child.to),
          ),
        };
        let first: number | undefined;
        for (let d = child.from; d <= (child.to ?? H) && first === undefined; d++) if (!inForce(parent, d)) first = d;
        if (first === undefined) accepted(cmd, dir);
        else expect(full(refusal(cmd, dir))).toEqual([notValidOn('st-p', day(first), ['record', 'parentId'])]);
      }),
      { numRuns: 150 },
    );
  });

  it('end-unit is refused exactly when a child is in force after the end day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), interval, (end, child) => {
        const dir = dirWith((s) =>
          s.units.push(
            unit(
              'gs-c',
              'guidance-station',
              ORG.stationB1,
              day(child.from),
              child.to === undefined ? undefined : day(child.to),
            ),
          ),
        );
        const runsOn = child.to === undefined || child.to > end;
        const cmd = endUnit(ORG.stationB1, day(end));
        if (runsOn)
          expect(full(refusal(cmd, dir))).toEqual([
            leftUnder('gs-c', 'station', ['municipal-bureau', 'county-bureau', 'station'], ORG.stationB1, day(end), [
              'id',
            ]),
          ]);
        else expect(outlived(accepted(cmd, dir).state)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('adding and ending units and 党小组 by command never leaves a child outside its parent', () => {
    const ids = ['u0', 'u1', 'u2', 'u3'];
    const parents = [ORG.stationA1, ORG.stationA2, ORG.stationB1, ORG.oldPriceStation, ...ids];
    const d = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2018-06-01', n));
    const command: fc.Arbitrary<OrgCommand> = fc.oneof(
      fc
        .record({
          id: fc.constantFrom(...ids),
          kind: fc.constantFrom('guidance-station' as const, 'contact-point' as const),
          parent: fc.constantFrom(...parents),
          from: d,
          to: fc.option(d, { nil: undefined }),
        })
        .map(({ id, kind, parent, from, to }) => ({
          type: 'add-unit' as const,
          record: unit(id, kind, parent, from, to !== undefined && to >= from ? to : undefined),
        })),
      fc
        .record({ id: fc.constantFrom(...parents, ORG.countyA, ORG.countyB), on: d })
        .map(({ id, on }) => endUnit(id, on)),
      fc
        .record({
          id: fc.constantFrom('g0', 'g1'),
          parent: fc.constantFrom(ORG.branchCountyA, ORG.branchCountyB),
          from: d,
          to: fc.option(d, { nil: undefined }),
        })
        .map(({ id, parent, from, to }) => ({
          type: 'add-party-org' as const,
          record: group(id, parent, from, to !== undefined && to >= from ? to : undefined),
        })),
      fc
        .record({ id: fc.constantFrom(ORG.branchCountyA, ORG.branchCountyB, 'g0', 'g1'), on: d })
        .map(({ id, on }) => ({ type: 'end-party-org' as const, id, on })),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 20 }), (cmds) => {
        let dir = base;
        for (const c of cmds) {
          const r = run(c, dir);
          if (r.ok) dir = r.value.state;
        }
        expect(outlived(dir)).toEqual([]);
        // the start the advisory does not look at
        const snap = toSnapshot(dir);
        for (const u of snap.units ?? [])
          if (u.parentId !== undefined) expect(u.validFrom >= (findUnit(dir, u.parentId)?.validFrom ?? '~')).toBe(true);
        for (const p of snap.partyOrgs ?? [])
          if (p.parentId !== undefined)
            expect(p.validFrom >= (findPartyOrg(dir, p.parentId)?.validFrom ?? '~')).toBe(true);
      }),
      { numRuns: 80 },
    );
  });
});
