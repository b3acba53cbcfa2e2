import { describe, expect, it } from 'vitest';
import { execute, fixedContext, type IsoDate, type Recorded } from '../../src/core/index.js';
import {
  checkDirectory,
  type OrgDirectory,
  type OrgEvent,
  orgDecider,
  type PartyOrg,
  replayOrg,
} from '../../src/org/index.js';
import { fixtureWith } from '../helpers/org-commands.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

const CODE = 'org/outlives-parent';
const GROUP = 'g-county-a-1';
const END = '2025-10-01';

function setValidTo(list: { id: string; validTo?: IsoDate | undefined }[], id: string, validTo: string): void {
  const rec = list.find((r) => r.id === id);
  if (!rec) throw new Error(`no record ${id} in the fixture`);
  rec.validTo = validTo as IsoDate;
}

const group = (validTo?: string): PartyOrg => ({
  id: GROUP,
  kind: 'group',
  parentId: ORG.branchCountyA,
  unitId: ORG.countyA,
  covers: [],
  name: { 'zh-CN': '第一党小组' },
  validFrom: '2024-01-01',
  ...(validTo === undefined ? {} : { validTo: validTo as IsoDate }),
});

const outlived = (dir: OrgDirectory, asOf: string = ORG.asOf) =>
  checkDirectory(dir, asOf as IsoDate)
    .filter((f) => f.code === CODE)
    .map((f) => f.ids.join(' < '))
    .sort();

describe('checkDirectory: org/outlives-parent', () => {
  it('warns of a branch with no end date under an ended 机关党委, naming the child then the parent', () => {
    const dir = fixtureWith((s) => setValidTo(s.partyOrgs, ORG.organCommittee, END));
    const findings = checkDirectory(dir, ORG.asOf).filter((f) => f.code === CODE);
    expect(findings.map((f) => f.ids).sort()).toEqual([
      [ORG.branchDrug, ORG.organCommittee],
      [ORG.branchFood, ORG.organCommittee],
      [ORG.branchOffice, ORG.organCommittee],
    ]);
    expect(findings.find((f) => f.ids[0] === ORG.branchFood)).toEqual({
      code: CODE,
      severity: 'warning',
      ids: [ORG.branchFood, ORG.organCommittee],
      path: ['partyOrgs', ORG.branchFood],
      details: { id: ORG.branchFood, parentId: ORG.organCommittee, parentValidTo: END },
      message: {
        'zh-CN': '上级 oc-city 于 2025-10-01 终止后，br-food 仍在有效期内（未设终止日期）；应终止或调整 br-food',
        en: 'br-food is still in force after its parent oc-city ends on 2025-10-01 (with no end date); end or restructure br-food',
      },
    });
    // a warning, not a structural error: nothing here refuses the snapshot
    expect(checkDirectory(dir, ORG.asOf).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('warns of a child whose end date is after its parent’s, with that date', () => {
    const dir = fixtureWith((s) => {
      setValidTo(s.partyOrgs, ORG.organCommittee, END);
      for (const id of [ORG.branchDrug, ORG.branchOffice]) setValidTo(s.partyOrgs, id, END);
      setValidTo(s.partyOrgs, ORG.branchFood, '2025-10-02');
    });
    const [f, ...rest] = checkDirectory(dir, ORG.asOf).filter((x) => x.code === CODE);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      severity: 'warning',
      ids: [ORG.branchFood, ORG.organCommittee],
      path: ['partyOrgs', ORG.branchFood],
      details: { id: ORG.branchFood, parentId: ORG.organCommittee, parentValidTo: END, validTo: '2025-10-02' },
      message: {
        'zh-CN': '上级 oc-city 于 2025-10-01 终止后，br-food 仍在有效期内（至 2025-10-02）；应终止或调整 br-food',
        en: 'br-food is still in force after its parent oc-city ends on 2025-10-01 (until 2025-10-02); end or restructure br-food',
      },
    });
  });

  it('says nothing of children that ended before or on their parent’s last day, but does of one ending the day after', () => {
    const dir = fixtureWith((s) => {
      setValidTo(s.partyOrgs, ORG.organCommittee, END);
      setValidTo(s.partyOrgs, ORG.branchFood, '2025-09-30');
      setValidTo(s.partyOrgs, ORG.branchDrug, END);
      setValidTo(s.partyOrgs, ORG.branchOffice, '2025-10-02');
    });
    // only the one ending the day after
    expect(outlived(dir)).toEqual([`${ORG.branchOffice} < ${ORG.organCommittee}`]);
  });

  it('says nothing while the parent has no end date, even of an ended child', () => {
    expect(outlived(orgFixture())).toEqual([]);
    // the fixture's 物价检查所 ended in 2021 under a county bureau that runs on
    const dir = fixtureWith((s) => {
      setValidTo(s.partyOrgs, ORG.branchFood, '2024-12-31');
      s.partyOrgs.push(group());
    });
    expect(outlived(dir)).toEqual([]);
  });

  it('is read from the recorded dates, so the same on any asOf', () => {
    const dir = fixtureWith((s) => setValidTo(s.partyOrgs, ORG.organCommittee, END));
    const now = outlived(dir);
    expect(now).toHaveLength(3);
    for (const asOf of ['2019-06-01', '2025-09-30', END, '2025-10-02', '2040-01-01'])
      expect(outlived(dir, asOf)).toEqual(now);
  });

  it('warns of a child that starts only after its parent ended', () => {
    const dir = fixtureWith((s) => {
      setValidTo(s.partyOrgs, ORG.branchCountyA, '2023-12-31');
      s.partyOrgs.push(group());
    });
    expect(checkDirectory(dir, ORG.asOf).find((f) => f.code === CODE)).toMatchObject({
      ids: [GROUP, ORG.branchCountyA],
      details: { parentValidTo: '2023-12-31' },
    });
  });

  describe('a 党小组 under a branch', () => {
    const withGroup = (groupTo?: string) =>
      fixtureWith((s) => {
        setValidTo(s.partyOrgs, ORG.branchCountyA, '2025-06-30');
        s.partyOrgs.push(group(groupTo));
      });

    it('is reported when it runs on after the branch', () => {
      const f = checkDirectory(withGroup(), ORG.asOf).filter((x) => x.code === CODE);
      expect(f.map((x) => [x.severity, x.ids, x.path])).toEqual([
        ['warning', [GROUP, ORG.branchCountyA], ['partyOrgs', GROUP]],
      ]);
      expect(f[0]?.message['zh-CN']).toBe(
        '上级 br-county-a 于 2025-06-30 终止后，g-county-a-1 仍在有效期内（未设终止日期）；应终止或调整 g-county-a-1',
      );
      expect(outlived(withGroup('2025-07-01'))).toEqual([`${GROUP} < ${ORG.branchCountyA}`]);
    });

    it('is not reported when it ended with the branch or before it', () => {
      expect(outlived(withGroup('2025-06-30'))).toEqual([]);
      expect(outlived(withGroup('2025-03-31'))).toEqual([]);
    });
  });

  describe('org units', () => {
    it('warns of stations still in force under an ended county bureau, but not of one that ended first', () => {
      const dir = fixtureWith((s) => setValidTo(s.units, ORG.countyB, '2025-06-30'));
      const f = checkDirectory(dir, ORG.asOf).filter((x) => x.code === CODE);
      // st-price ended in 2021, long before its county bureau
      expect(f.map((x) => x.ids).sort()).toEqual([
        [ORG.stationB1, ORG.countyB],
        [ORG.stationB2, ORG.countyB],
      ]);
      expect(f.find((x) => x.ids[0] === ORG.stationB1)).toEqual({
        code: CODE,
        severity: 'warning',
        ids: [ORG.stationB1, ORG.countyB],
        path: ['units', ORG.stationB1],
        details: { id: ORG.stationB1, parentId: ORG.countyB, parentValidTo: '2025-06-30' },
        message: {
          'zh-CN': '上级 county-b 于 2025-06-30 终止后，st-b1 仍在有效期内（未设终止日期）；应终止或调整 st-b1',
          en: 'st-b1 is still in force after its parent county-b ends on 2025-06-30 (with no end date); end or restructure st-b1',
        },
      });
    });

    it('says nothing of a station that ended on the bureau’s last day, but does of one ending the day after', () => {
      const dir = fixtureWith((s) => {
        for (const id of [ORG.countyB, ORG.stationB1]) setValidTo(s.units, id, '2025-06-30');
        setValidTo(s.units, ORG.stationB2, '2025-07-01');
      });
      expect(outlived(dir)).toEqual([`${ORG.stationB2} < ${ORG.countyB}`]);
    });

    it('names only the direct parent: a guidance station under a running station is not reported', () => {
      const dir = fixtureWith((s) => setValidTo(s.units, ORG.countyA, '2025-06-30'));
      expect(outlived(dir)).toEqual([`${ORG.stationA1} < ${ORG.countyA}`, `${ORG.stationA2} < ${ORG.countyA}`]);
    });

    it('reports what an old log left behind: a unit ended while its stations ran on (the decider now refuses it)', () => {
      const ctx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });
      const refused = execute(orgDecider, orgFixture(), { type: 'end-unit', id: ORG.countyB, on: '2025-06-30' }, ctx);
      expect(refused.ok).toBe(false);
      const ended: Recorded<OrgEvent> = {
        type: 'unit-ended',
        id: ORG.countyB,
        on: '2025-06-30',
        seq: 1,
        at: '2025-10-16T09:00:00+08:00',
        actor: 'u-office',
        schemaVersion: 1,
      };
      expect(outlived(replayOrg([ended], orgFixture()))).toEqual([
        `${ORG.stationB1} < ${ORG.countyB}`,
        `${ORG.stationB2} < ${ORG.countyB}`,
      ]);
    });
  });

  it('reports a state replayed from an old log that ended a parent while its branches ran on', () => {
    const ended: Recorded<OrgEvent> = {
      type: 'party-org-ended',
      id: ORG.organCommittee,
      on: END,
      seq: 1,
      at: '2025-10-16T09:00:00+08:00',
      actor: 'u-office',
      schemaVersion: 1,
    };
    const dir = replayOrg([ended], orgFixture());
    expect(outlived(dir)).toEqual(
      [ORG.branchDrug, ORG.branchFood, ORG.branchOffice].map((id) => `${id} < ${ORG.organCommittee}`),
    );
  });
});
