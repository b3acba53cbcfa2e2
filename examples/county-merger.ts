/**
 * Two county bureaus merge and their stations change 隶属关系 without changing identity: the bureaus are merged by a
 * `restructure`, each station is then moved under the merged bureau with `move-unit`, and its former parent is kept
 * in `formerParents`, so every question asked about a day before the merger still gets that day's answer. The
 * county, station and date names are illustrative; the mechanism is the one the 2018–2019 机构改革 needed when
 * county bureaus were combined.
 * Run with `npx tsx examples/county-merger.ts`.
 */
import { execute, fixedContext, type IsoDate, unwrap } from 'shijian/core';
import {
  ancestors,
  checkDirectory,
  children,
  findUnit,
  type OrgCommand,
  type OrgDirectory,
  type OrgUnit,
  orgDecider,
  parseDirectory,
  successorOf,
} from 'shijian/org';
import { isMain, table } from './_print.js';

const FROM = '2015-01-01' as IsoDate;
const MERGED_ON = '2019-03-01' as IsoDate;
const BEFORE = '2019-02-28' as IsoDate;
const AFTER = '2019-12-31' as IsoDate;

const unit = (id: string, kind: OrgUnit['kind'], level: OrgUnit['level'], zh: string, parentId?: string): OrgUnit => ({
  id,
  kind,
  level,
  code: id.toUpperCase(),
  name: { 'zh-CN': zh },
  validFrom: FROM,
  ...(parentId ? { parentId } : {}),
});

/** The stations of each county before the merger. */
export const STATIONS = {
  east: ['东港所', '海滨所', '渔港所'],
  west: ['西港所', '山前所'],
} as const;

const stationId = (side: 'east' | 'west', i: number) => `${side}-st-${i + 1}`;

function before(): OrgDirectory {
  return unwrap(
    parseDirectory({
      units: [
        unit('city', 'municipal-bureau', 3, '示例市市场监督管理局'),
        unit('east', 'county-bureau', 4, '东港区市场监督管理局', 'city'),
        unit('west', 'county-bureau', 4, '西港区市场监督管理局', 'city'),
        ...(['east', 'west'] as const).flatMap((side) =>
          STATIONS[side].map((zh, i) => unit(stationId(side, i), 'station', 4, zh, side)),
        ),
      ],
    }),
  );
}

/** The merger and the moves, as the host sends them. */
export function mergerCommands(): OrgCommand[] {
  return [
    {
      type: 'restructure',
      restructuring: {
        id: 'r-gang',
        kind: 'merge',
        subject: 'unit',
        effectiveOn: MERGED_ON,
        originalIds: ['east', 'west'],
        resultingIds: ['gang'],
      },
      newUnits: [{ ...unit('gang', 'county-bureau', 4, '港区市场监督管理局', 'city'), validFrom: MERGED_ON }],
    },
    ...(['east', 'west'] as const).flatMap((side) =>
      STATIONS[side].map(
        (_, i): OrgCommand => ({ type: 'move-unit', id: stationId(side, i), parentId: 'gang', on: MERGED_ON }),
      ),
    ),
  ];
}

/** The directory after the merger, and the one between the merger and the moves. */
export function countyMerger(): { merged: OrgDirectory; moved: OrgDirectory } {
  const ctx = fixedContext({ now: '2019-03-01T09:00:00+08:00', actor: '市局办公室' });
  const [merge, ...moves] = mergerCommands();
  const merged = unwrap(execute(orgDecider, before(), merge as OrgCommand, ctx)).state;
  let moved = merged;
  for (const m of moves) moved = unwrap(execute(orgDecider, moved, m, ctx)).state;
  return { merged, moved };
}

const names = (list: readonly OrgUnit[]) => list.map((u) => u.name['zh-CN']).join('、') || '—';

export function main(): void {
  const { merged, moved } = countyMerger();
  console.log('\n## 县局合并后的所隶属关系调整 (move-unit, 示意)');
  console.log(`${MERGED_ON} 东港区局、西港区局合并为港区局；五个所随后划归港区局，所的编号、记录不变。`);
  const outlived = (dir: OrgDirectory) =>
    checkDirectory(dir, AFTER).filter((f) => f.code === 'org/outlives-parent').length;
  console.log(
    `合并后、划转前：${outlived(merged)} 个所仍挂在已撤销的区局下 (org/outlives-parent)；划转后：${outlived(moved)} 个。`,
  );
  table(
    ['east', 'west', 'gang'].map((id) => ({
      区局: findUnit(moved, id)?.name['zh-CN'] ?? id,
      [`${BEFORE} 下属所`]: names(children(moved, id, BEFORE)),
      [`${AFTER} 下属所`]: names(children(moved, id, AFTER)),
      承继单位: id === 'gang' ? '—' : (findUnit(moved, successorOf(moved, id, AFTER) ?? '')?.name['zh-CN'] ?? '—'),
    })),
  );
  const station = findUnit(moved, stationId('west', 0));
  console.log(
    `${station?.name['zh-CN']} 的上级：${BEFORE} ${names(ancestors(moved, stationId('west', 0), BEFORE))}；` +
      `${AFTER} ${names(ancestors(moved, stationId('west', 0), AFTER))}；原隶属关系 ${JSON.stringify(station?.formerParents)}`,
  );
}

if (isMain(import.meta.url)) main();
