import { describe, expect, it } from 'vitest';
import { execute, type IsoDate, type Recorded, unwrap } from '../../src/core/index.js';
import {
  checkDirectory,
  type OrgCommand,
  type OrgDirectory,
  type OrgEvent,
  orgDecider,
  type PartyOrg,
  replayOrg,
} from '../../src/org/index.js';
import { accepted, orgCtx as ctx, fixtureWith, orgBase } from '../helpers/org-commands.js';
import { ORG } from '../helpers/org-fixture.js';

const CODE = 'org/leading-group-ended';
const END = '2025-06-30';

const party = (
  id: string,
  kind: PartyOrg['kind'],
  zh: string,
  fields: Omit<Partial<PartyOrg>, 'id' | 'kind' | 'name'> = {},
): PartyOrg => ({
  id,
  kind,
  unitId: ORG.countyB,
  covers: [],
  name: { 'zh-CN': zh },
  validFrom: '2019-01-01',
  ...fields,
});

const ended = (dir: OrgDirectory, asOf: string = ORG.asOf) =>
  checkDirectory(dir, asOf as IsoDate)
    .filter((f) => f.code === CODE)
    .map((f) => f.ids.join(' @ '))
    .sort();

// the city 党组 ended in a snapshot; the 机关党委 answers to it on the party line, the branches name it as their 党组
const cityGroupEnded = fixtureWith((s) => {
  const lg = s.partyOrgs.find((p) => p.id === ORG.leadingGroup);
  if (!lg) throw new Error('no leading group in the fixture');
  lg.validTo = END;
});

// county B through the decider: a root 区委, its 党组, a 机关党委 and a branch both led by the 党组; then the 党组 ends
const CM = 'cm-b';
const LG = 'lg-b';
const OC = 'oc-b';
const BR = 'br-oc-b';
const setup: OrgCommand[] = [
  party(CM, 'committee', '区委'),
  party(LG, 'leading-group', '乙区局党组', { parentId: CM }),
  party(OC, 'organ-committee', '乙区局机关党委', { parentId: CM, leadingGroupId: LG }),
  party(BR, 'branch', '乙区局机关第一党支部', { parentId: OC, leadingGroupId: LG }),
].map((record) => ({ type: 'add-party-org', record }));
const endGroup: OrgCommand = { type: 'end-party-org', id: LG, on: END };
const events: Recorded<OrgEvent>[] = [];
let state = orgBase;
for (const c of setup) state = accepted(c, state).state;
const beforeEnd = state;
{
  const r = unwrap(execute(orgDecider, beforeEnd, endGroup, ctx));
  events.push(...r.events);
  state = r.state;
}
const countyGroupEnded = state;

describe('checkDirectory: org/leading-group-ended', () => {
  it('warns of each branch still led by an ended 党组, naming the party organization then the 党组', () => {
    const findings = checkDirectory(cityGroupEnded, ORG.asOf).filter((f) => f.code === CODE);
    expect(findings.map((f) => f.ids).sort()).toEqual([
      [ORG.branchDrug, ORG.leadingGroup],
      [ORG.branchFood, ORG.leadingGroup],
      [ORG.branchOffice, ORG.leadingGroup],
    ]);
    expect(findings.find((f) => f.ids[0] === ORG.branchFood)).toEqual({
      code: CODE,
      severity: 'warning',
      ids: [ORG.branchFood, ORG.leadingGroup],
      path: ['partyOrgs', ORG.branchFood, 'leadingGroupId'],
      details: { id: ORG.branchFood, leadingGroupId: ORG.leadingGroup, leadingGroupValidTo: END },
      message: {
        'zh-CN':
          '党组织 br-food 的党组 lg-city 已于 2025-06-30 终止，br-food 仍在有效期内；应明确新的党组或报批调整 br-food',
        en: 'Party organization br-food is still in force after its leading party group lg-city ended on 2025-06-30; name a new leading party group for br-food or restructure it with approval',
      },
    });
    // a warning, not a structural error: the snapshot still loads and checks clean
    expect(checkDirectory(cityGroupEnded, ORG.asOf).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('reads leadingGroupId only: the 机关党委 under the 党组 on the party line is org/outlives-parent’s', () => {
    const all = checkDirectory(cityGroupEnded, ORG.asOf);
    expect(all.some((f) => f.code === CODE && f.ids[0] === ORG.organCommittee)).toBe(false);
    expect(all.filter((f) => f.code === 'org/outlives-parent').map((f) => f.ids)).toEqual([
      [ORG.organCommittee, ORG.leadingGroup],
    ]);
  });

  it('warns of a 机关党委 and a branch after end-party-org of their 党组, the lag the decider allows', () => {
    expect(ended(beforeEnd)).toEqual([]);
    const on = '2025-08-01';
    expect(ended(countyGroupEnded, on)).toEqual([`${BR} @ ${LG}`, `${OC} @ ${LG}`]);
    const [f] = checkDirectory(countyGroupEnded, on as IsoDate).filter((x) => x.code === CODE && x.ids[0] === OC);
    expect(f).toMatchObject({
      severity: 'warning',
      path: ['partyOrgs', OC, 'leadingGroupId'],
      details: { id: OC, leadingGroupId: LG, leadingGroupValidTo: END },
      message: {
        'zh-CN': `党组织 ${OC} 的党组 ${LG} 已于 ${END} 终止，${OC} 仍在有效期内；应明确新的党组或报批调整 ${OC}`,
        en: `Party organization ${OC} is still in force after its leading party group ${LG} ended on ${END}; name a new leading party group for ${OC} or restructure it with approval`,
      },
    });
    expect(checkDirectory(countyGroupEnded, on as IsoDate).filter((x) => x.severity === 'error')).toEqual([]);
    // the same from the replayed log
    expect(ended(replayOrg(events, beforeEnd), on)).toEqual([`${BR} @ ${LG}`, `${OC} @ ${LG}`]);
  });

  it('is not reported on or before the 党组’s last day, and is from the day after', () => {
    expect(ended(countyGroupEnded, '2025-07-01')).toEqual([`${BR} @ ${LG}`, `${OC} @ ${LG}`]);
    expect(ended(countyGroupEnded, END)).toEqual([]);
    expect(ended(countyGroupEnded, '2020-01-01')).toEqual([]);
    expect(ended(cityGroupEnded, END)).toEqual([]);
  });

  it('is not reported once the party organization itself has ended', () => {
    const branchEnded = accepted({ type: 'end-party-org', id: BR, on: '2025-09-30' }, countyGroupEnded).state;
    expect(ended(branchEnded, '2025-09-30')).toEqual([`${BR} @ ${LG}`, `${OC} @ ${LG}`]);
    expect(ended(branchEnded, '2025-10-01')).toEqual([`${OC} @ ${LG}`]);
    const bothEnded = accepted({ type: 'end-party-org', id: OC, on: '2025-10-31' }, branchEnded).state;
    expect(ended(bothEnded, '2025-11-01')).toEqual([]);

    const fromSnapshot = fixtureWith((s) => {
      const lg = s.partyOrgs.find((p) => p.id === ORG.leadingGroup);
      if (lg) lg.validTo = END;
      for (const p of s.partyOrgs) if (p.id === ORG.branchFood || p.id === ORG.branchDrug) p.validTo = '2025-09-30';
    });
    expect(ended(fromSnapshot)).toEqual([`${ORG.branchOffice} @ ${ORG.leadingGroup}`]);
  });

  it('is not reported while the 党组 has no end date', () => {
    expect(ended(orgBase)).toEqual([]);
    expect(ended(beforeEnd, '2040-01-01')).toEqual([]);
  });
});
