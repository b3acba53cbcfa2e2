import { describe, expect, it } from 'vitest';
import { execute, fixedContext, unwrap } from '../../src/core/index.js';
import { lineage, type OrgDirectory, orgDecider, successorOf, successorsOf } from '../../src/org/index.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

const ctx = fixedContext();

function splitAndMerge(): OrgDirectory {
  let dir = orgFixture();
  const unit = (id: string, from: string) => ({
    id,
    kind: 'county-bureau' as const,
    level: 4 as const,
    parentId: ORG.city,
    code: `C-${id}`,
    name: { 'zh-CN': id },
    validFrom: from as `${number}-${number}-${number}`,
  });
  dir = unwrap(
    execute(
      orgDecider,
      dir,
      {
        type: 'restructure',
        restructuring: {
          id: 'r-split',
          kind: 'split',
          subject: 'unit',
          effectiveOn: '2023-01-01',
          originalIds: [ORG.countyA],
          resultingIds: ['a-east', 'a-west'],
        },
        newUnits: [unit('a-east', '2023-01-01'), unit('a-west', '2023-01-01')],
      },
      ctx,
    ),
  ).state;
  dir = unwrap(
    execute(
      orgDecider,
      dir,
      {
        type: 'restructure',
        restructuring: {
          id: 'r-merge',
          kind: 'merge',
          subject: 'unit',
          effectiveOn: '2024-01-01',
          originalIds: ['a-west', ORG.countyB],
          resultingIds: ['ab'],
        },
        newUnits: [unit('ab', '2024-01-01')],
      },
      ctx,
    ),
  ).state;
  return dir;
}

describe('lineage and successors', () => {
  const dir = splitAndMerge();

  it('walks predecessors and successors transitively', () => {
    expect(lineage(dir, 'ab').predecessors).toEqual(['a-west', ORG.countyB, ORG.countyA]);
    expect(lineage(dir, ORG.countyA).successors).toEqual(['a-east', 'a-west', 'ab']);
    expect(lineage(dir, ORG.countyA).changes.map((c) => c.id)).toEqual(['r-split', 'r-merge']);
    expect(lineage(dir, ORG.city)).toEqual({ id: ORG.city, predecessors: [], successors: [], changes: [] });
  });

  it('successorOf follows the first result through time; successorsOf gives all leaves', () => {
    expect(successorOf(dir, ORG.countyA, '2022-12-31')).toBe(ORG.countyA);
    expect(successorOf(dir, ORG.countyA, '2023-06-01')).toBe('a-east');
    expect(successorOf(dir, ORG.countyB, '2024-06-01')).toBe('ab');
    expect(successorOf(dir, 'ghost', '2024-06-01')).toBe('ghost');
    expect(successorsOf(dir, ORG.countyA, '2023-06-01')).toEqual(['a-east', 'a-west']);
    expect(successorsOf(dir, ORG.countyA, '2024-06-01')).toEqual(['a-east', 'ab']);
  });
});
