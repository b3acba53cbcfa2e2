import { getRecord, type IsoDate } from '../core/index.js';
import { indexOf } from './_lib/indexes.js';
import { parentIdOn } from './_lib/parents.js';
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

/** True when `unitId` is the child's parent: on `asOf` when given (so the child is in force then), else now. */
function isChildOf(child: OrgUnit, unitId: string, asOf: IsoDate | undefined): boolean {
  return asOf === undefined ? child.parentId === unitId : parentIdOn(child, asOf) === unitId;
}

/**
 * The direct child units of a unit, sorted by id: those whose parent is the unit now (`parentId`), ended ones
 * included; with `asOf`, those in force that day whose parent was the unit that day, so a station moved to a
 * merged bureau (`move-unit`) is listed under its old bureau before the move and under the new one from it.
 * @category Queries
 * @example
 * children(dir, 'wh', '2025-10-16').map((u) => u.name['zh-CN']);
 */
export function children(dir: OrgDirectory, unitId: string, asOf?: IsoDate): readonly OrgUnit[] {
  const list = indexOf(dir).unitChildren.get(unitId) ?? [];
  return list.filter((u) => isChildOf(u, unitId, asOf));
}

/**
 * The ids of a unit and all its descendants, parents before children: by each unit's current parent; with
 * `asOf`, only units in force that day, each under its parent on that day (empty when the unit itself is not
 * in force).
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
      if (isChildOf(k, id, asOf)) stack.push(k.id);
    }
  }
  return out;
}

/**
 * The ancestors of a unit, nearest first (its parent, then the parent's parent, …), by current parents; with
 * `asOf`, the chain as it stood that day: each unit's parent on `asOf`, stopping at one not in force then
 * (empty when the unit itself is not).
 * @category Queries
 * @example
 * ancestors(dir, 'st-1').map((u) => u.kind); // ['county-bureau', 'municipal-bureau', 'provincial-bureau']
 * ancestors(dir, 'st-a1', '2025-06-30')[0]?.id; // 'county-a', the bureau it answered to before the merge
 */
export function ancestors(dir: OrgDirectory, unitId: string, asOf?: IsoDate): readonly OrgUnit[] {
  const out: OrgUnit[] = [];
  const seen = new Set<string>([unitId]);
  const parentOf = (u: OrgUnit | undefined) =>
    u === undefined ? undefined : asOf === undefined ? u.parentId : parentIdOn(u, asOf);
  let parentId = parentOf(getRecord(dir.units, unitId));
  while (parentId !== undefined && !seen.has(parentId)) {
    const parent = getRecord(dir.units, parentId);
    if (!parent || !validOn(parent, asOf)) break;
    seen.add(parentId);
    out.push(parent);
    parentId = parentOf(parent);
  }
  return out;
}

/**
 * The path from the root to a unit, as units (root first, the unit last); empty for an unknown unit. With `asOf`,
 * the path through the parents of that day (a station moved after a merger shows its old county bureau before the
 * move), and empty when the unit is not in force that day.
 * @category Queries
 * @example
 * pathOf(dir, 'st-1').map((u) => u.name['zh-CN']).join(' / '); // '省局 / 市局 / 县局 / 某所'
 * pathOf(dir, 'st-1', '2019-02-28').map((u) => u.id); // the path before the station was moved
 */
export function pathOf(dir: OrgDirectory, unitId: string, asOf?: IsoDate): readonly OrgUnit[] {
  const self = getRecord(dir.units, unitId);
  if (!self || !validOn(self, asOf)) return [];
  return [...ancestors(dir, unitId, asOf)].reverse().concat(self);
}
