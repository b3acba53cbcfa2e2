import { coreError } from '../../core/errors-core.js';
import { addDays, type DomainError, forEachRecord, getRecord, type IsoDate, type Path } from '../../core/index.js';
import type { OrgDirectory } from '../directory.js';
import { orgError } from '../errors.js';
import type { OrgEvent } from '../events.js';
import { indexOf } from './indexes.js';
import { currentParentFrom, underAfter } from './parents.js';
import { ENDS_WITH_PARENT, PARTY_PARENT_KINDS, UNIT_PARENT_KINDS } from './rules.js';

/**
 * The events that take the members out of a party organization whose last day is `lastDay`, and,
 * when there is a `target`, into it from the next day: what ending a party organization or
 * restructuring it does to its members.
 *
 * A membership that starts after `lastDay` cannot end on it without ending before it starts, and
 * where it should go is the host's call, so it is refused (`core/dates-out-of-order` at `path`, the
 * member in `details`). `joined` collects the people moved into `target` by earlier calls of one
 * command, so a member of two merged originals is enrolled in the result once.
 */
export function moveMembers(
  dir: OrgDirectory,
  partyOrgId: string,
  lastDay: IsoDate,
  target: string | undefined,
  joined: Set<string>,
  path: Path,
  out: DomainError[],
): OrgEvent[] {
  const events: OrgEvent[] = [];
  for (const e of indexOf(dir).enrolments.get(partyOrgId) ?? []) {
    if (e.to !== undefined && e.to <= lastDay) continue;
    if (e.from > lastDay) {
      // the catalogue types only from/to; the member and org ride along so the host can find the membership
      const details = { from: e.from, to: lastDay, memberId: e.memberId, partyOrgId };
      out.push(coreError('core/dates-out-of-order', details, path));
      continue;
    }
    // a membership closed after lastDay has no open interval for party-org-left to close
    if (e.to === undefined) events.push({ type: 'party-org-left', memberId: e.memberId, partyOrgId, on: lastDay });
    if (target === undefined || joined.has(e.memberId)) continue;
    joined.add(e.memberId);
    const from = addDays(lastDay, 1);
    // already a member of the result on its first day (or later): a second membership would overlap the first
    if (e.member.memberships.some((ms) => ms.partyOrgId === target && (ms.to === undefined || ms.to >= from))) continue;
    events.push({ type: 'party-org-joined', memberId: e.memberId, partyOrgId: target, from });
  }
  return events;
}

/**
 * The events that end the open party posts of a party organization whose last day is `lastDay`: its
 * own posts and the guide/tutor/overseer posts held for it. Each open tenure is vacated on `lastDay`,
 * then the post ends, so `postsOf` and `holdersOf` stop listing them the next day, as `membersOf` does.
 *
 * A post or tenure that starts after `lastDay` is refused as a membership is (`core/dates-out-of-order`
 * at `path`, the post and member in `details`): it would end before it starts. `ended` collects the
 * posts ended by earlier calls of one command: a committee's guide post for a branch merged with it
 * is reached from both.
 */
export function endPosts(
  dir: OrgDirectory,
  partyOrgId: string,
  lastDay: IsoDate,
  ended: Set<string>,
  path: Path,
  out: DomainError[],
): OrgEvent[] {
  const ix = indexOf(dir);
  const events: OrgEvent[] = [];
  for (const post of [...(ix.postsByPartyOrg.get(partyOrgId) ?? []), ...(ix.postsForPartyOrg.get(partyOrgId) ?? [])]) {
    if (ended.has(post.id) || (post.validTo !== undefined && post.validTo <= lastDay)) continue;
    ended.add(post.id);
    if (post.validFrom !== undefined && post.validFrom > lastDay) {
      const details = { from: post.validFrom, to: lastDay, postId: post.id };
      out.push(coreError('core/dates-out-of-order', details, path));
      continue;
    }
    for (const t of post.holders) {
      if (t.from > lastDay) {
        const details = { from: t.from, to: lastDay, memberId: t.memberId, postId: post.id };
        out.push(coreError('core/dates-out-of-order', details, path));
      } else if (t.to === undefined)
        events.push({ type: 'post-vacated', postId: post.id, memberId: t.memberId, on: lastDay });
    }
    events.push({ type: 'post-ended', id: post.id, on: lastDay });
  }
  return events;
}

/**
 * The events that end, with a party organization whose last day is `lastDay`, its child 党小组 (the
 * kinds in `ENDS_WITH_PARENT`): each gets a `party-org-ended` on `lastDay` followed by what ending it
 * does itself (its members leave, its posts end), so a group never outlives its branch. A child counts
 * while the party organization is its parent on some day after `lastDay` (`underAfter`): one moved away
 * by then (`move-party-org`) neither ends with it nor blocks it.
 *
 * A child of another kind (a branch under a 总支 or 党委) that runs on past `lastDay` would be left
 * under an ended parent; where it goes is the host's call, so ending the parent is refused with
 * `org/invalid-parent-kind` at `childPath` (`details.parentId`/`endsOn`). A group that starts after
 * `lastDay` is refused as a membership is (`core/dates-out-of-order` at `path`). `ending` holds the
 * party organizations the same command ends anyway (the originals of a restructuring), which are
 * skipped; `ended` is shared with `endPosts`.
 */
export function endChildren(
  dir: OrgDirectory,
  partyOrgId: string,
  lastDay: IsoDate,
  ending: ReadonlySet<string>,
  ended: Set<string>,
  path: Path,
  childPath: Path,
  out: DomainError[],
): OrgEvent[] {
  const parent = getRecord(dir.partyOrgs, partyOrgId);
  const events: OrgEvent[] = [];
  for (const child of indexOf(dir).partyChildren.get(partyOrgId) ?? []) {
    if (ending.has(child.id) || !underAfter(child, partyOrgId, lastDay)) continue;
    // a group ends with the branch it is in now; one that was in it after `lastDay` but has moved on cannot
    if (!ENDS_WITH_PARENT.includes(child.kind) || child.parentId !== partyOrgId) {
      const details = {
        id: child.id,
        kind: parent?.kind ?? '',
        expected: PARTY_PARENT_KINDS[child.kind],
        parentId: partyOrgId,
        endsOn: lastDay,
      };
      out.push(orgError('org/invalid-parent-kind', details, childPath));
      continue;
    }
    const from = currentParentFrom(child);
    if (from !== undefined && from > lastDay) {
      const details = { from, to: lastDay, partyOrgId: child.id };
      out.push(coreError('core/dates-out-of-order', details, path));
      continue;
    }
    events.push(
      { type: 'party-org-ended', id: child.id, on: lastDay },
      ...moveMembers(dir, child.id, lastDay, undefined, new Set(), path, out),
      ...endPosts(dir, child.id, lastDay, ended, path, out),
    );
  }
  return events;
}

/**
 * Refuses ending the unit `unitId` on `lastDay` while a child unit (a station under a county bureau,
 * a department under a bureau) runs on under it past that day, as `endChildren` refuses for a branch
 * under a 总支 (a station moved to another bureau by then, with `move-unit`, does not count):
 * where the child goes (ended with it, moved by a restructuring) is the host's call, and a unit is
 * never ended silently. Each such child is `org/invalid-parent-kind` at `childPath`
 * (`details.parentId`/`endsOn`). `ending` holds the units the same command ends anyway.
 */
export function refuseChildUnits(
  dir: OrgDirectory,
  unitId: string,
  lastDay: IsoDate,
  ending: ReadonlySet<string>,
  childPath: Path,
  out: DomainError[],
): void {
  const kind = getRecord(dir.units, unitId)?.kind ?? '';
  for (const child of indexOf(dir).unitChildren.get(unitId) ?? []) {
    if (ending.has(child.id) || !underAfter(child, unitId, lastDay)) continue;
    const details = { id: child.id, kind, expected: UNIT_PARENT_KINDS[child.kind], parentId: unitId, endsOn: lastDay };
    out.push(orgError('org/invalid-parent-kind', details, childPath));
  }
}

/**
 * Refuses ending the unit or 党组 `id` on `lastDay` while a party organization linked to it starts after that
 * day: one sited in the unit (`unitId`) or covering it (`covers`), or led by the 党组 (`leadingGroupId`). Its
 * links must be in force on its first day, which ending `id` first would undo (`core/dates-out-of-order` at
 * `path`, the party organization in `details`). One already started runs on: the party line changes it.
 */
export function refuseLaterLinks(
  dir: OrgDirectory,
  subject: 'unit' | 'party-org',
  id: string,
  lastDay: IsoDate,
  path: Path,
  out: DomainError[],
): void {
  const linked = new Map<string, { readonly id: string; readonly validFrom: IsoDate }>();
  if (subject === 'unit') {
    const ix = indexOf(dir);
    for (const p of [...(ix.partyOrgsByUnit.get(id) ?? []), ...(ix.covering.get(id) ?? [])]) linked.set(p.id, p);
  } else if (getRecord(dir.partyOrgs, id)?.kind === 'leading-group')
    // only a 党组 is anyone's leadingGroupId, and ending one is rare: no index for it
    forEachRecord(dir.partyOrgs, (p) => {
      if (p.leadingGroupId === id) linked.set(p.id, p);
    });
  for (const p of [...linked.values()].sort((a, b) => (a.id < b.id ? -1 : 1)))
    if (p.validFrom > lastDay) {
      // the catalogue types only from/to; the party organization rides along so the host can find it
      const details = { from: p.validFrom, to: lastDay, partyOrgId: p.id };
      out.push(coreError('core/dates-out-of-order', details, path));
    }
}
