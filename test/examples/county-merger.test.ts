import { checkDirectory, children, findUnit, pathOf, successorOf } from 'shijian/org';
import { describe, expect, it } from 'vitest';
import { countyMerger, STATIONS } from '../../examples/county-merger.js';

describe('examples/county-merger: stations keep their ids when their county bureaus merge', () => {
  const { merged, moved } = countyMerger();
  const stationIds = (dir: typeof moved, id: string, asOf: string) =>
    children(dir, id, asOf as '2019-02-28').map((u) => u.id);

  it('puts every station under the merged bureau from the merger day, and under its old bureau the day before', () => {
    expect(stationIds(moved, 'gang', '2019-03-01')).toHaveLength(STATIONS.east.length + STATIONS.west.length);
    expect(stationIds(moved, 'east', '2019-02-28')).toEqual(['east-st-1', 'east-st-2', 'east-st-3']);
    expect(stationIds(moved, 'west', '2019-02-28')).toEqual(['west-st-1', 'west-st-2']);
    expect(stationIds(moved, 'east', '2019-03-01')).toEqual([]);
    expect(findUnit(moved, 'west-st-1')?.formerParents).toEqual([{ parentId: 'west', validTo: '2019-02-28' }]);
  });

  it('leaves the stations under the ended bureaus, reported, until they are moved; the lineage is the merger’s', () => {
    const outlived = (dir: typeof moved) =>
      checkDirectory(dir, '2019-12-31').filter((f) => f.code === 'org/outlives-parent').length;
    expect(outlived(merged)).toBe(5);
    expect(outlived(moved)).toBe(0);
    expect(checkDirectory(moved, '2019-12-31').filter((f) => f.severity === 'error')).toEqual([]);
    expect(successorOf(moved, 'east', '2019-12-31')).toBe('gang');
  });

  it('gives a station’s path through the parents of the day asked, and none outside its validity', () => {
    const path = (asOf?: string) => pathOf(moved, 'west-st-1', asOf as '2019-02-28').map((u) => u.id);
    expect(path('2019-02-28')).toEqual(['city', 'west', 'west-st-1']);
    expect(path('2019-03-01')).toEqual(['city', 'gang', 'west-st-1']);
    expect(path()).toEqual(['city', 'gang', 'west-st-1']);
    expect(path('2014-12-31')).toEqual([]);
  });
});
