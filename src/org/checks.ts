import { allRecords, type DomainError, forEachRecord, getRecord, type IsoDate } from '../core/index.js';
import { indexOf } from './_lib/indexes.js';
import { parentIdAt, parentIdOn } from './_lib/parents.js';
import { COVERING_KINDS } from './_lib/rules.js';
import { type Bounded, validOn } from './_lib/validity.js';
import { checkStructure, type Lists } from './_lib/whole.js';
import { liaisonLoad } from './coverage.js';
import { type OrgDirectory, stateLookup } from './directory.js';
import { orgError } from './errors.js';
import { departmentsInCharge, isFullMember, membersOf, officersOf } from './people.js';
import type { PartyOrg, UnitKind } from './schema.js';

/** How serious a finding is: `error` rejects the directory, `warning` is advice the host shows. @category Rules */
export type Severity = 'error' | 'warning';

/** One finding of {@link checkDirectory}: a coded bilingual error, its severity and the ids involved. @category Rules */
export interface Finding extends DomainError {
  readonly severity: Severity;
  readonly ids: readonly string[];
}

/**
 * The host's settings for {@link checkDirectory}. Defaults follow the 《中国共产党支部工作条例（试行）》
 * figures in the domain notes; each stays configurable because they are to be re-checked against
 * the official text.
 * @category Rules
 */
export interface CheckDirectoryOptions {
  /** A branch needs at least this many full members (3). */
  readonly minFullMembers?: number;
  /** A branch normally has at most this many members (50). */
  readonly maxBranchMembers?: number;
  /** A branch with this many full members needs a branch committee (7). */
  readonly committeeThreshold?: number;
  /** Report stations with no guidance station or contact point under them (off by default). */
  readonly requireGuidanceCoverage?: boolean;
  /** Report members liaising with more market entities than this (no limit by default). */
  readonly liaisonLimit?: number;
  /** The unit kinds a business-chain branch should cover (department, institution). */
  readonly coveredKinds?: readonly UnitKind[];
}

const COMMITTEE_POSTS = ['secretary', 'deputy-secretary', 'committee-member'] as const;

/** The day a term of `years` years from `electedOn` runs out (29 Feb falls back to 28 Feb). */
function termEnd(electedOn: IsoDate, years: number): IsoDate {
  const y = Number(electedOn.slice(0, 4)) + years;
  let md = electedOn.slice(4);
  if (md === '-02-29' && !((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) md = '-02-28';
  return `${String(y).padStart(4, '0')}${md}` as IsoDate;
}

function structural(dir: OrgDirectory): Finding[] {
  const lists: Lists = {
    units: allRecords(dir.units),
    partyOrgs: allRecords(dir.partyOrgs),
    members: allRecords(dir.members),
    posts: allRecords(dir.posts),
    restructurings: allRecords(dir.restructurings),
    pairings: allRecords(dir.pairings),
    marketEntities: allRecords(dir.marketEntities),
    liaisons: allRecords(dir.liaisons),
    grids: allRecords(dir.grids),
  };
  return checkStructure(lists, stateLookup(dir)).map((e) => {
    const [c, i] = e.path as [keyof Lists, number];
    const rec = lists[c]?.[i];
    return { ...e, severity: 'error' as const, ids: rec ? [rec.id] : [] };
  });
}

function warn(e: DomainError, ids: readonly string[]): Finding {
  return { ...e, severity: 'warning', ids };
}

type Dated = Bounded & { readonly id: string };

// Read from the recorded dates alone, not `asOf`: a child that runs on past its parent's last day is
// wrong on every day, so the finding does not come and go with the day the host checks on. Only the
// current parent is judged: a former one (`formerParents`) is history, which a move has already settled.
function outlivesParent(c: 'units' | 'partyOrgs', child: Dated, parent: Dated | undefined, out: Finding[]): void {
  const end = parent?.validTo;
  if (parent === undefined || end === undefined || (child.validTo !== undefined && child.validTo <= end)) return;
  const details = {
    id: child.id,
    parentId: parent.id,
    parentValidTo: end,
    ...(child.validTo === undefined ? {} : { validTo: child.validTo }),
  };
  out.push(warn(orgError('org/outlives-parent', details, [c, child.id]), [child.id, parent.id]));
}

// Read on `asOf`, unlike `org/outlives-parent`: the decider lets a party organization run on after its
// unit ends (the party line adjusts it later), so this is a pending step, gone once the branch ends.
function unitEnded(p: PartyOrg, unit: Dated | undefined, asOf: IsoDate, out: Finding[]): void {
  const end = unit?.validTo;
  if (unit === undefined || end === undefined || end >= asOf) return;
  const details = { id: p.id, unitId: unit.id, unitValidTo: end };
  out.push(warn(orgError('org/unit-ended', details, ['partyOrgs', p.id, 'unitId']), [p.id, unit.id]));
}

// Read on `asOf` as `unitEnded` is: the decider lets a party organization run on after its 党组 ends too.
function leadingGroupEnded(p: PartyOrg, group: Dated | undefined, asOf: IsoDate, out: Finding[]): void {
  const end = group?.validTo;
  if (group === undefined || end === undefined || end >= asOf) return;
  const details = { id: p.id, leadingGroupId: group.id, leadingGroupValidTo: end };
  out.push(warn(orgError('org/leading-group-ended', details, ['partyOrgs', p.id, 'leadingGroupId']), [p.id, group.id]));
}

/**
 * Checks a directory on a day. Structural errors (severity `error`): unknown references, cycles,
 * duplicate codes, parent kinds, levels, dates out of order (`formerParents` included). Advisories
 * (severity `warning`): a unit or party organization still in force after its current parent's `validTo`
 * (`org/outlives-parent`, ids child then parent; read from the recorded dates, so reported whatever `asOf`
 * is; a former parent is history and not judged, so moving the child with `move-unit` or `move-party-org`
 * settles it); a party organization
 * in force on `asOf` whose unit (`unitId`) ended before `asOf` (`org/unit-ended`, ids party
 * organization then unit: the branch of a merged-away bureau that the party line has not yet
 * restructured; covered departments that ended are not reported); likewise one whose 党组
 * (`leadingGroupId`) ended before `asOf` (`org/leading-group-ended`, ids party organization then
 * 党组); a branch with fewer than 3 full members or more than 50 members; 7+ full members and no
 * branch committee; a term run out with no election recorded (with the due date); a branch
 * secretary who is not the leader in charge of the branch's departments (一岗双责); a department
 * covered by no branch or by two (each unit under its parent on `asOf`); optionally a station with no
 * guidance station or contact point under it that day, and
 * members over the 1+N liaison limit. Apart from `org/outlives-parent`, advisories look only at
 * records in force on `asOf`.
 * Structural paths are `[collection, index in id order, …]`; advisory paths are `[collection, id, …]`.
 * @category Rules
 * @example
 * const findings = checkDirectory(dir, '2025-10-16', { requireGuidanceCoverage: true });
 * findings.filter((f) => f.severity === 'error'); // [] for a sound directory
 */
export function checkDirectory(dir: OrgDirectory, asOf: IsoDate, options: CheckDirectoryOptions = {}): Finding[] {
  const out = structural(dir);
  const minFull = options.minFullMembers ?? 3;
  const maxMembers = options.maxBranchMembers ?? 50;
  const committeeAt = options.committeeThreshold ?? 7;
  const coveredKinds = options.coveredKinds ?? ['department', 'institution'];
  const ix = indexOf(dir);

  forEachRecord(dir.partyOrgs, (p) => {
    if (p.parentId !== undefined) outlivesParent('partyOrgs', p, getRecord(dir.partyOrgs, p.parentId), out);
    if (!validOn(p, asOf)) return;
    const path = ['partyOrgs', p.id];
    unitEnded(p, getRecord(dir.units, p.unitId), asOf, out);
    if (p.leadingGroupId !== undefined) leadingGroupEnded(p, getRecord(dir.partyOrgs, p.leadingGroupId), asOf, out);
    if (p.term) {
      const dueOn = termEnd(p.term.electedOn, p.term.years);
      if (dueOn < asOf) out.push(warn(orgError('org/term-expired', { id: p.id, dueOn }, [...path, 'term']), [p.id]));
    }
    if (p.kind !== 'branch') return;
    const members = membersOf(dir, p.id, asOf);
    const full = members.filter((m) => isFullMember(m, asOf)).length;
    if (full < minFull)
      out.push(warn(orgError('org/branch-too-small', { id: p.id, full, limit: minFull }, path), [p.id]));
    if (members.length > maxMembers)
      out.push(
        warn(orgError('org/branch-too-large', { id: p.id, members: members.length, limit: maxMembers }, path), [p.id]),
      );
    if (full >= committeeAt) {
      const committee = new Set(COMMITTEE_POSTS.flatMap((k) => officersOf(dir, p.id, k, asOf).map((m) => m.id)));
      if (committee.size < 3) out.push(warn(orgError('org/committee-required', { id: p.id, full }, path), [p.id]));
    }
    const covered = p.covers.filter((d) => {
      const u = getRecord(dir.units, d);
      return u !== undefined && validOn(u, asOf);
    });
    if (covered.length === 0) return;
    for (const sec of officersOf(dir, p.id, 'secretary', asOf)) {
      const inCharge = new Set(departmentsInCharge(dir, sec.id, asOf));
      const missing = covered.filter((d) => !inCharge.has(d));
      if (missing.length > 0)
        out.push(
          warn(orgError('org/secretary-not-in-charge', { id: p.id, memberId: sec.id, departmentIds: missing }, path), [
            p.id,
            sec.id,
            ...missing,
          ]),
        );
    }
  });

  // A bureau is held to business-chain coverage once any branch there covers one of its departments.
  const chainBureaus = new Set<string>();
  for (const [deptId, orgs] of ix.covering) {
    const dept = getRecord(dir.units, deptId);
    const parent = dept === undefined ? undefined : parentIdAt(dept, asOf);
    if (parent !== undefined && orgs.some((o) => validOn(o, asOf))) chainBureaus.add(parent);
  }
  forEachRecord(dir.units, (u) => {
    if (u.parentId !== undefined) outlivesParent('units', u, getRecord(dir.units, u.parentId), out);
    if (!validOn(u, asOf)) return;
    const parentId = parentIdOn(u, asOf);
    if (coveredKinds.includes(u.kind) && parentId !== undefined && chainBureaus.has(parentId)) {
      const orgs = (ix.covering.get(u.id) ?? []).filter((o) => COVERING_KINDS.includes(o.kind) && validOn(o, asOf));
      const branches = orgs.filter((o) => o.kind === 'branch');
      if (orgs.length === 0)
        out.push(warn(orgError('org/department-uncovered', { id: u.id }, ['units', u.id]), [u.id]));
      else if (branches.length > 1) {
        const ids = branches.map((o) => o.id);
        out.push(
          warn(orgError('org/department-double-covered', { id: u.id, partyOrgIds: ids }, ['units', u.id]), [
            u.id,
            ...ids,
          ]),
        );
      }
    }
    if (options.requireGuidanceCoverage && u.kind === 'station') {
      const has = (ix.unitChildren.get(u.id) ?? []).some(
        (c) => (c.kind === 'guidance-station' || c.kind === 'contact-point') && parentIdOn(c, asOf) === u.id,
      );
      if (!has) out.push(warn(orgError('org/station-without-guidance', { id: u.id }, ['units', u.id]), [u.id]));
    }
  });

  if (options.liaisonLimit !== undefined) {
    const limit = options.liaisonLimit;
    for (const row of liaisonLoad(dir, asOf))
      if (row.entities > limit)
        out.push(
          warn(
            orgError('org/liaison-over-limit', { id: row.memberId, entities: row.entities, limit }, [
              'members',
              row.memberId,
            ]),
            [row.memberId],
          ),
        );
  }
  return out;
}
