import { coreError } from '../../core/errors-core.js';
import { addDays, type DomainError, type IsoDate, type Path } from '../../core/index.js';
import type { OrgDirectory } from '../directory.js';
import type { OrgEvent } from '../events.js';
import { indexOf } from './indexes.js';

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
    if (e.member.memberships.some((ms) => ms.partyOrgId === target && ms.to === undefined)) continue;
    events.push({ type: 'party-org-joined', memberId: e.memberId, partyOrgId: target, from: addDays(lastDay, 1) });
  }
  return events;
}
