import { forEachRecord, getRecord, type IsoDate } from '../core/index.js';
import { parentIdAt } from './_lib/parents.js';
import { validOn } from './_lib/validity.js';
import type { OrgDirectory } from './directory.js';
import type { OrgUnit, UnitKind } from './schema.js';

/**
 * The party-building coverage of one bureau or station and everything under it on a day: the
 * "1+24+N" figures (branches, guidance stations, contact points) and the 1+N liaison figures.
 * @category Liaison
 */
export interface CoverageRow {
  readonly unitId: string;
  readonly kind: UnitKind;
  readonly name: string;
  readonly branches: number;
  readonly guidanceStations: number;
  readonly contactPoints: number;
  readonly marketEntities: number;
  /** Market entities some party member liaises with. */
  readonly liaisedEntities: number;
  /** Members with at least one liaison in force. */
  readonly liaisonMembers: number;
}

const ROW_KINDS: readonly UnitKind[] = [
  'administration',
  'provincial-bureau',
  'municipal-bureau',
  'county-bureau',
  'station',
];

type Counts = { -readonly [K in Exclude<keyof CoverageRow, 'unitId' | 'kind' | 'name'>]: number };

/** Tree order of two root-first id paths: by id at the first difference, a parent before its children. */
function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/**
 * Coverage per bureau and station on `asOf`, each row counting its whole subtree as it stood that day
 * (each unit under its parent on `asOf`, moves included), in tree order (parents first, then children
 * by id). Built in one pass over the directory.
 * @category Liaison
 * @example
 * coverage(dir, '2025-10-16').find((r) => r.unitId === 'cm')?.guidanceStations; // 24
 */
export function coverage(dir: OrgDirectory, asOf: IsoDate): readonly CoverageRow[] {
  const counts = new Map<string, Counts>();
  const zero = (): Counts => ({
    branches: 0,
    guidanceStations: 0,
    contactPoints: 0,
    marketEntities: 0,
    liaisedEntities: 0,
    liaisonMembers: 0,
  });
  const chainCache = new Map<string, readonly string[]>();
  const chain = (unitId: string | undefined): readonly string[] => {
    if (unitId === undefined) return [];
    const hit = chainCache.get(unitId);
    if (hit) return hit;
    const out: string[] = [];
    const seen = new Set<string>();
    let cur: string | undefined = unitId;
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur);
      const u: OrgUnit | undefined = getRecord(dir.units, cur);
      if (!u) break;
      if (ROW_KINDS.includes(u.kind) && validOn(u, asOf)) out.push(cur);
      // the parent recorded for the day, so a station moved to a merged bureau counts there from the move on
      cur = parentIdAt(u, asOf);
    }
    chainCache.set(unitId, out);
    return out;
  };
  const add = (unitId: string | undefined, key: keyof Counts): void => {
    for (const id of chain(unitId)) {
      let c = counts.get(id);
      if (!c) {
        c = zero();
        counts.set(id, c);
      }
      c[key]++;
    }
  };
  const order: { id: string; depth: number }[] = [];
  forEachRecord(dir.units, (u) => {
    if (!validOn(u, asOf)) return;
    if (ROW_KINDS.includes(u.kind) && !counts.has(u.id)) counts.set(u.id, zero());
    if (u.kind === 'guidance-station') add(parentIdAt(u, asOf), 'guidanceStations');
    if (u.kind === 'contact-point') add(parentIdAt(u, asOf), 'contactPoints');
  });
  forEachRecord(dir.partyOrgs, (p) => {
    if (p.kind === 'branch' && validOn(p, asOf)) add(p.unitId, 'branches');
  });
  const liaised = new Set<string>();
  const liaising = new Map<string, Set<string>>();
  forEachRecord(dir.liaisons, (l) => {
    if (!validOn(l, asOf)) return;
    for (const e of l.entityIds) {
      liaised.add(e);
      const entity = getRecord(dir.marketEntities, e);
      if (!entity) continue;
      for (const id of chain(entity.unitId)) {
        let s = liaising.get(id);
        if (!s) {
          s = new Set();
          liaising.set(id, s);
        }
        s.add(l.memberId);
      }
    }
  });
  forEachRecord(dir.marketEntities, (e) => {
    if (!validOn(e, asOf)) return;
    add(e.unitId, 'marketEntities');
    if (liaised.has(e.id)) add(e.unitId, 'liaisedEntities');
  });
  for (const [id, set] of liaising) {
    const c = counts.get(id);
    if (c) c.liaisonMembers = set.size;
  }
  for (const id of counts.keys()) order.push({ id, depth: chain(id).length });
  // Compared id by id from the root: a joined string would put `county-a-east` between `county-a`
  // and its stations, since '-' sorts before '/'.
  const paths = new Map(order.map(({ id }) => [id, [...chain(id)].reverse()]));
  order.sort((a, b) => comparePaths(paths.get(a.id) ?? [], paths.get(b.id) ?? []));
  return order.map(({ id }) => {
    const u = getRecord(dir.units, id);
    return { unitId: id, kind: u?.kind ?? 'station', name: u?.name['zh-CN'] ?? id, ...(counts.get(id) as Counts) };
  });
}

/** How many market entities one member liaises with on a day. @category Liaison */
export interface LiaisonLoadRow {
  readonly memberId: string;
  readonly name: string;
  readonly entities: number;
}

/**
 * The 1+N load per member on `asOf`: how many distinct market entities each member liaises with,
 * largest first (ties by member id).
 * @category Liaison
 * @example
 * liaisonLoad(dir, '2025-10-16')[0]; // { memberId: 'cm-m-1', name: '…', entities: 8 }
 */
export function liaisonLoad(dir: OrgDirectory, asOf: IsoDate): readonly LiaisonLoadRow[] {
  const load = new Map<string, Set<string>>();
  forEachRecord(dir.liaisons, (l) => {
    if (!validOn(l, asOf)) return;
    let s = load.get(l.memberId);
    if (!s) {
      s = new Set();
      load.set(l.memberId, s);
    }
    for (const e of l.entityIds) {
      const entity = getRecord(dir.marketEntities, e);
      if (entity && validOn(entity, asOf)) s.add(e);
    }
  });
  return [...load]
    .map(([memberId, s]) => ({ memberId, name: getRecord(dir.members, memberId)?.name ?? memberId, entities: s.size }))
    .sort((a, b) => b.entities - a.entities || (a.memberId < b.memberId ? -1 : 1));
}
