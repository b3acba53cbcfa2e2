import { getRecord, type IsoDate } from '../core/index.js';
import { indexOf } from './_lib/indexes.js';
import { validOn } from './_lib/validity.js';
import type { OrgDirectory } from './directory.js';
import type { Member, OrgUnit, PartyOrg, UnitKind } from './schema.js';

/**
 * The unit with this id; with `asOf`, only if it is in force that day.
 * @category Queries
 * @example
 * findUnit(dir, 'wh-ip-center', '2025-10-16')?.name['zh-CN']; // '知识产权事业发展中心'
 */
export function findUnit(dir: OrgDirectory, unitId: string, asOf?: IsoDate): OrgUnit | undefined {
  const u = getRecord(dir.units, unitId);
  return u && validOn(u, asOf) ? u : undefined;
}

/**
 * The party organization with this id; with `asOf`, only if it is in force that day.
 * @category Queries
 * @example
 * findPartyOrg(dir, 'wh-b10', '2025-10-16')?.name['zh-CN']; // '机关第十党支部'
 */
export function findPartyOrg(dir: OrgDirectory, partyOrgId: string, asOf?: IsoDate): PartyOrg | undefined {
  const p = getRecord(dir.partyOrgs, partyOrgId);
  return p && validOn(p, asOf) ? p : undefined;
}

/**
 * The person with this id; with `asOf`, only if their record is in force that day.
 * @category Queries
 * @example
 * findMember(dir, 'm-zhang', '2025-10-16')?.name; // '张伟'
 */
export function findMember(dir: OrgDirectory, memberId: string, asOf?: IsoDate): Member | undefined {
  const m = getRecord(dir.members, memberId);
  return m && validOn(m, asOf) ? m : undefined;
}

function recordOf(dir: OrgDirectory, id: string): OrgUnit | PartyOrg | undefined {
  return getRecord(dir.units, id) ?? getRecord(dir.partyOrgs, id);
}

/**
 * The id that stands for a unit or party organization on `asOf`, following merges, renames,
 * transfers and splits (to the first result listed) that took effect by then. Returns the id itself
 * when it is still in force, unknown, dissolved without successor, or changed only later. Hosts
 * re-home open references (tasks, risks, brands) through it.
 * @category Restructurings
 * @example
 * successorOf(dir, 'wh-aic', '2025-01-01'); // 'wh' (工商局 merged into the market-supervision bureau)
 */
export function successorOf(dir: OrgDirectory, unitOrPartyOrgId: string, asOf: IsoDate): string {
  const ix = indexOf(dir);
  let current = unitOrPartyOrgId;
  const seen = new Set<string>([current]);
  for (;;) {
    const rec = recordOf(dir, current);
    if (!rec || validOn(rec, asOf)) return current;
    const change = ix.changedBy
      .get(current)
      ?.find((r) => r.effectiveOn <= asOf && r.resultingIds.length > 0 && !r.resultingIds.includes(current));
    const next = change?.resultingIds[0];
    if (next === undefined || seen.has(next)) return current;
    seen.add(next);
    current = next;
  }
}

/**
 * The branch (or general branch) that covers a department on `asOf` — the party organization built
 * on that part of the business chain. When two cover it (a finding of `checkDirectory`), the first
 * by id is returned.
 * @category Queries
 * @example
 * branchOf(dir, 'wh-dept-consumer', '2025-10-16')?.id; // 'wh-b10'
 */
export function branchOf(dir: OrgDirectory, departmentId: string, asOf: IsoDate): PartyOrg | undefined {
  const list = indexOf(dir).covering.get(departmentId);
  if (!list) return undefined;
  let general: PartyOrg | undefined;
  for (const p of list) {
    if (!validOn(p, asOf)) continue;
    if (p.kind === 'branch') return p;
    general ??= p;
  }
  return general;
}

/**
 * Every unit of a kind, sorted by id; with `asOf`, only those in force that day.
 * @category Queries
 * @example
 * unitsOfKind(dir, 'guidance-station', '2025-10-16').length; // 24 in Chongming
 */
export function unitsOfKind(dir: OrgDirectory, kind: UnitKind, asOf?: IsoDate): readonly OrgUnit[] {
  const list = indexOf(dir).unitsByKind.get(kind) ?? [];
  return asOf === undefined ? list : list.filter((u) => validOn(u, asOf));
}

/**
 * The direct child units of a unit, sorted by id; with `asOf`, only those in force that day.
 * @category Queries
 * @example
 * children(dir, 'wh', '2025-10-16').map((u) => u.name['zh-CN']);
 */
export function children(dir: OrgDirectory, unitId: string, asOf?: IsoDate): readonly OrgUnit[] {
  const list = indexOf(dir).unitChildren.get(unitId) ?? [];
  return asOf === undefined ? list : list.filter((u) => validOn(u, asOf));
}

/**
 * The ids of a unit and all its descendants, parents before children; with `asOf`, only units in
 * force that day (empty when the unit itself is not).
 * @category Queries
 * @example
 * subtree(dir, 'county-1', '2025-10-16'); // ['county-1', 'county-1-dept-1', 'county-1-st-1', …]
 */
export function subtree(dir: OrgDirectory, unitId: string, asOf?: IsoDate): readonly string[] {
  if (!findUnit(dir, unitId, asOf)) return [];
  const ix = indexOf(dir);
  const out: string[] = [];
  const stack = [unitId];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    const kids = ix.unitChildren.get(id);
    if (!kids) continue;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i] as OrgUnit;
      if (validOn(k, asOf)) stack.push(k.id);
    }
  }
  return out;
}

/**
 * The ancestors of a unit, nearest first (its parent, then the parent's parent, …).
 * @category Queries
 * @example
 * ancestors(dir, 'st-1').map((u) => u.kind); // ['county-bureau', 'municipal-bureau', 'provincial-bureau']
 */
export function ancestors(dir: OrgDirectory, unitId: string): readonly OrgUnit[] {
  const out: OrgUnit[] = [];
  const seen = new Set<string>([unitId]);
  let parentId = getRecord(dir.units, unitId)?.parentId;
  while (parentId !== undefined && !seen.has(parentId)) {
    const parent = getRecord(dir.units, parentId);
    if (!parent) break;
    seen.add(parentId);
    out.push(parent);
    parentId = parent.parentId;
  }
  return out;
}

/**
 * The path from the root to a unit, as units (root first, the unit last); empty for an unknown unit.
 * @category Queries
 * @example
 * pathOf(dir, 'st-1').map((u) => u.name['zh-CN']).join(' / '); // '省局 / 市局 / 县局 / 某所'
 */
export function pathOf(dir: OrgDirectory, unitId: string): readonly OrgUnit[] {
  const self = getRecord(dir.units, unitId);
  if (!self) return [];
  return [...ancestors(dir, unitId)].reverse().concat(self);
}
