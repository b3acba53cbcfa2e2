import { execute, fixedContext, unwrap } from '../../src/core/index.js';
import { type OrgDirectory, orgDecider } from '../../src/org/index.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

/** The day 南街所 and 西湖所 merge into 南湖所. */
export const MERGED_ON = '2025-10-01';
export const MERGED = 'st-b';

/** The fixture directory with st-b1 and st-b2 merged into st-b on 2025-10-01. */
export function mergedDirectory(): OrgDirectory {
  return unwrap(
    execute(
      orgDecider,
      orgFixture(),
      {
        type: 'restructure',
        restructuring: {
          id: 'r-st-b',
          kind: 'merge',
          subject: 'unit',
          effectiveOn: MERGED_ON,
          originalIds: [ORG.stationB1, ORG.stationB2],
          resultingIds: [MERGED],
        },
        newUnits: [
          {
            id: MERGED,
            kind: 'station',
            level: 4,
            parentId: ORG.countyB,
            code: 'C-st-b',
            name: { 'zh-CN': '南湖市场监管所' },
            validFrom: MERGED_ON,
          },
        ],
      },
      fixedContext(),
    ),
  ).state;
}
