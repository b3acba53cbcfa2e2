/**
 * The bureau the year story runs in: its stations, the mid-year merger, its organ departments and
 * the 15 organ party branches (Weihai's layout), one party branch per station (merged with their
 * stations), and the small runner that feeds a decider its commands.
 */
import {
  type Context,
  type Decider,
  execute,
  fixedContext,
  type Instant,
  type IsoDate,
  type Recorded,
  type Typed,
  unwrap,
  type VersionedState,
} from 'shijian/core';
import { type OrgDirectory, orgDecider, parseDirectory } from 'shijian/org';

export const YEAR_START: IsoDate = '2025-01-01';
export const YEAR_END: IsoDate = '2025-12-31';
export const MERGED_ON: IsoDate = '2025-07-01';

/** A context on the given day at 09:00 Beijing time, acting as the bureau office. */
export const at = (day: IsoDate): Context => fixedContext({ now: `${day}T09:00:00+08:00` as Instant, actor: '办公室' });

/** Six stations of one county bureau; 北港所 and 南港所 merge into 港城所 on 1 July. */
export const STATIONS = [
  ['st-1', '城关市场监管所'],
  ['st-2', '东城市场监管所'],
  ['st-3', '西城市场监管所'],
  ['st-4', '高新区市场监管所'],
  ['st-5', '北港市场监管所'],
  ['st-6', '南港市场监管所'],
] as const;
export const SUCCESSOR = 'st-56';
/** The stations standing at year end: the ones rated. */
export const RATED = ['st-1', 'st-2', 'st-3', 'st-4', SUCCESSOR] as const;

/** The party branch of a station (illustrative ids: one branch per station). */
export const stationBranchId = (stationId: string) => `${stationId}-pb`;

/** The city bureau's organ departments whose staff make up the named branches (Weihai's grouping). */
const DEPARTMENTS = [
  ['dept-office', 'department', '办公室'],
  ['dept-planning', 'department', '综合规划科'],
  ['dept-news', 'department', '新闻宣传科'],
  ['dept-food', 'department', '食品监管科'],
  ['dept-fair-trade', 'department', '规直打传科'],
  ['dept-online', 'department', '网监科'],
  ['inst-complaints', 'institution', '消费者投诉中心'],
  ['dept-drug', 'department', '药品监管科'],
  ['dept-device', 'department', '医疗器械监管科'],
] as const;

/** Which departments each numbered organ branch is built on (the branches the seed names). */
export const BRANCH_COVERS: { readonly [branch: number]: readonly string[] } = {
  1: ['dept-office', 'dept-planning', 'dept-news'],
  2: ['dept-food'],
  10: ['dept-fair-trade', 'dept-online', 'inst-complaints'],
  14: ['dept-drug', 'dept-device'],
};

/** 15 organ branches, as Weihai built them along its business lines. */
export const BRANCH_COUNT = 15;
const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'];
export const branchId = (n: number) => `city-b${n}`;
export const branchName = (n: number) => `机关第${CN_NUM[n - 1] ?? n}党支部`;

const NAMES = new Map<string, string>([
  ...STATIONS,
  [SUCCESSOR, '港城市场监管所'],
  ['city', '某市市场监督管理局'],
  ['county', '某区市场监督管理局'],
  ...DEPARTMENTS.map(([id, , zh]) => [id, zh] as const),
]);
/** The Chinese name of a unit of the example (its id when unknown). */
export const nameOf = (id: string): string => NAMES.get(id) ?? id;

type UnitKind = 'municipal-bureau' | 'county-bureau' | 'department' | 'institution' | 'station';
const unit = (id: string, kind: UnitKind, zh: string, parentId?: string) => ({
  id,
  kind,
  level: (kind === 'station' || kind === 'county-bureau' ? 4 : 3) as 3 | 4,
  code: `C-${id}`,
  name: { 'zh-CN': zh },
  validFrom: '2019-03-01' as IsoDate,
  ...(parentId ? { parentId } : {}),
});

/** The org directory: city bureau, its departments and organ branches, the county bureau and its stations, and the merger. */
export function directory(): OrgDirectory {
  const dir = unwrap(
    parseDirectory({
      units: [
        unit('city', 'municipal-bureau', nameOf('city')),
        ...DEPARTMENTS.map(([id, kind, zh]) => unit(id, kind, zh, 'city')),
        unit('county', 'county-bureau', nameOf('county'), 'city'),
        ...STATIONS.map(([id, zh]) => unit(id, 'station', zh, 'county')),
      ],
      partyOrgs: [
        {
          id: 'city-oc',
          kind: 'organ-committee',
          unitId: 'city',
          covers: [],
          name: { 'zh-CN': '机关党委' },
          validFrom: '2019-03-01',
        },
        {
          id: 'county-oc',
          kind: 'organ-committee',
          unitId: 'county',
          covers: [],
          name: { 'zh-CN': '某区市场监督管理局机关党委' },
          validFrom: '2019-03-01',
        },
        ...STATIONS.map(([id, zh]) => stationBranch(id, zh, '2019-03-01')),
        ...Array.from({ length: BRANCH_COUNT }, (_, i) => ({
          id: branchId(i + 1),
          kind: 'branch' as const,
          parentId: 'city-oc',
          unitId: 'city',
          covers: [...(BRANCH_COVERS[i + 1] ?? [])],
          name: { 'zh-CN': branchName(i + 1) },
          validFrom: '2019-03-01',
        })),
      ],
    }),
  );
  const merged = unwrap(
    execute(
      orgDecider,
      dir,
      {
        type: 'restructure',
        restructuring: {
          id: 'r-2025-port',
          kind: 'merge',
          subject: 'unit',
          effectiveOn: MERGED_ON,
          originalIds: ['st-5', 'st-6'],
          resultingIds: [SUCCESSOR],
          note: '北港所与南港所合并组建港城所',
        },
        newUnits: [{ ...unit(SUCCESSOR, 'station', nameOf(SUCCESSOR), 'county'), validFrom: MERGED_ON }],
      },
      at('2025-06-20'),
    ),
  ).state;
  // the two stations' party branches merge with them
  return unwrap(
    execute(
      orgDecider,
      merged,
      {
        type: 'restructure',
        restructuring: {
          id: 'r-2025-port-branch',
          kind: 'merge',
          subject: 'party-org',
          effectiveOn: MERGED_ON,
          originalIds: [stationBranchId('st-5'), stationBranchId('st-6')],
          resultingIds: [stationBranchId(SUCCESSOR)],
          note: '北港所、南港所党支部合并为港城所党支部',
        },
        newPartyOrgs: [stationBranch(SUCCESSOR, nameOf(SUCCESSOR), MERGED_ON)],
      },
      at('2025-06-20'),
    ),
  ).state;
}

function stationBranch(stationId: string, stationName: string, validFrom: IsoDate) {
  return {
    id: stationBranchId(stationId),
    kind: 'branch' as const,
    parentId: 'county-oc',
    unitId: stationId,
    covers: [],
    name: { 'zh-CN': `${stationName}党支部` },
    validFrom,
  };
}

/** Runs commands through a decider, each on its own day (`dayOf`), and keeps every recorded event. */
export function runAll<S extends VersionedState, C extends Typed, E extends Typed>(
  decider: Decider<S, C, E>,
  commands: readonly C[],
  dayOf: (c: C) => IsoDate | undefined = (c) => (c as { readonly on?: IsoDate }).on,
): { state: S; events: Recorded<E>[] } {
  let state = decider.initialState;
  const events: Recorded<E>[] = [];
  for (const c of commands) {
    const r = unwrap(execute(decider, state, c, at(dayOf(c) ?? '2025-04-01')));
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

/** A percentage for print, or a dash when there is nothing to divide by. */
export const pct = (v: number | undefined): string => (v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
