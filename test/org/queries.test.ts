import { describe, expect, it } from 'vitest';
import {
  ancestors,
  branchOf,
  children,
  findMember,
  findPartyOrg,
  findUnit,
  pathOf,
  subtree,
  unitsOfKind,
} from '../../src/org/index.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

const dir = orgFixture();

describe('lookups', () => {
  it('find* honour asOf', () => {
    expect(findUnit(dir, ORG.oldPriceStation)?.id).toBe(ORG.oldPriceStation);
    expect(findUnit(dir, ORG.oldPriceStation, '2021-12-31')?.id).toBe(ORG.oldPriceStation);
    expect(findUnit(dir, ORG.oldPriceStation, '2022-01-01')).toBe(undefined);
    expect(findUnit(dir, ORG.city, '2018-12-31')).toBe(undefined);
    expect(findPartyOrg(dir, ORG.branchFood, ORG.asOf)?.kind).toBe('branch');
    expect(findPartyOrg(dir, 'ghost')).toBe(undefined);
    expect(findMember(dir, ORG.leaderFood, ORG.asOf)?.name).toBe('王强');
  });

  it('branchOf finds the branch built on a department', () => {
    expect(branchOf(dir, ORG.instComplaints, ORG.asOf)?.id).toBe(ORG.branchOffice);
    expect(branchOf(dir, ORG.deptFood, ORG.asOf)?.id).toBe(ORG.branchFood);
    expect(branchOf(dir, ORG.deptFood, '2018-01-01')).toBe(undefined);
    expect(branchOf(dir, ORG.countyA, ORG.asOf)).toBe(undefined);
  });

  it('unitsOfKind lists by kind, sorted, filtered by asOf', () => {
    expect(unitsOfKind(dir, 'station').map((u) => u.id)).toEqual(['st-a1', 'st-a2', 'st-b1', 'st-b2', 'st-price']);
    expect(unitsOfKind(dir, 'station', ORG.asOf).map((u) => u.id)).toEqual(['st-a1', 'st-a2', 'st-b1', 'st-b2']);
    expect(unitsOfKind(dir, 'administration')).toEqual([]);
  });

  it('children, subtree, ancestors and pathOf walk the tree', () => {
    expect(children(dir, ORG.countyB).map((u) => u.id)).toEqual(['st-b1', 'st-b2', 'st-price']);
    expect(children(dir, ORG.countyB, ORG.asOf).map((u) => u.id)).toEqual(['st-b1', 'st-b2']);
    expect(subtree(dir, ORG.countyA, ORG.asOf)).toEqual([ORG.countyA, 'st-a1', 'gs-a', 'st-a2']);
    expect(subtree(dir, ORG.city).length).toBe(14);
    expect(subtree(dir, ORG.oldPriceStation, ORG.asOf)).toEqual([]);
    expect(subtree(dir, 'ghost')).toEqual([]);
    expect(ancestors(dir, ORG.guidanceA).map((u) => u.id)).toEqual(['st-a1', 'county-a', 'city']);
    expect(pathOf(dir, ORG.guidanceA).map((u) => u.id)).toEqual(['city', 'county-a', 'st-a1', 'gs-a']);
    expect(pathOf(dir, 'ghost')).toEqual([]);
  });

  it('queries on the same state reuse one index (same array instance)', () => {
    expect(unitsOfKind(dir, 'department')).toBe(unitsOfKind(dir, 'department'));
  });
});
