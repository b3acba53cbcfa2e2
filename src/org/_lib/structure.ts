import { coreError } from '../../core/errors-core.js';
import { addDays, type DomainError, type IsoDate, type Path } from '../../core/index.js';
import { orgError } from '../errors.js';
import type {
  FormerParent,
  Grid,
  Liaison,
  MarketEntity,
  Member,
  Membership,
  OrgUnit,
  Pairing,
  PartyOrg,
  PartyOrgKind,
  PartyRef,
  Post,
  Restructuring,
  Tenure,
  UnitKind,
} from '../schema.js';
import {
  DEFAULT_TERM_YEARS,
  ELECTED_KINDS,
  PAIRING_ENDS,
  PARTY_PARENT_KINDS,
  PARTY_PARENT_REQUIRED,
  type PairingEnd,
  SOLE_HOLDER_POSTS,
  UNIT_FIXED_LEVEL,
  UNIT_PARENT_KINDS,
} from './rules.js';
import { type Interval, overlaps } from './validity.js';

/**
 * How the per-record checks see the rest of the directory: a parsed snapshot (maps over its arrays)
 * and a directory state (its tables) both provide this, so one set of rules serves `parseDirectory`
 * and the decider.
 */
export interface Lookup {
  unit(id: string): OrgUnit | undefined;
  partyOrg(id: string): PartyOrg | undefined;
  member(id: string): Member | undefined;
  entity(id: string): MarketEntity | undefined;
  grid(id: string): Grid | undefined;
}

// The checks below run once per record of a province (58k records); building a path array for
// every field checked, not only for the ones that fail, made most of parseDirectory's garbage.
// So a path is passed as its prefix plus up to three keys, and `at` joins them on failure only.
type Key = string | number;

function at(path: Path, a: Key, b?: Key, c?: Key): Path {
  if (b === undefined) return [...path, a];
  return c === undefined ? [...path, a, b] : [...path, a, b, c];
}

function order(
  from: IsoDate | undefined,
  to: IsoDate | undefined,
  out: DomainError[],
  path: Path,
  a: Key,
  b?: Key,
  c?: Key,
): void {
  if (from !== undefined && to !== undefined && to < from)
    out.push(coreError('core/dates-out-of-order', { from, to }, at(path, a, b, c)));
}

function needUnit(
  look: Lookup,
  id: string,
  out: DomainError[],
  path: Path,
  a: Key,
  b?: Key,
  c?: Key,
): OrgUnit | undefined {
  const u = look.unit(id);
  if (!u) out.push(orgError('org/unknown-unit', { id }, at(path, a, b, c)));
  return u;
}

function needParty(
  look: Lookup,
  id: string,
  out: DomainError[],
  path: Path,
  a: Key,
  b?: Key,
  c?: Key,
): PartyOrg | undefined {
  const p = look.partyOrg(id);
  if (!p) out.push(orgError('org/unknown-party-org', { id }, at(path, a, b, c)));
  return p;
}

function needMember(
  look: Lookup,
  id: string,
  out: DomainError[],
  path: Path,
  a: Key,
  b?: Key,
  c?: Key,
): Member | undefined {
  const m = look.member(id);
  if (!m) out.push(orgError('org/unknown-member', { id }, at(path, a, b, c)));
  return m;
}

/** The id lists of a record that name each id at most once. */
type IdListField = 'covers' | 'entityIds' | 'memberIds' | 'inCharge' | 'originalIds' | 'resultingIds';

/** `org/duplicate-entry` at each element that repeats an earlier one of `list` (`path[field][i]`). */
function repeatedIds(list: readonly string[], field: IdListField, out: DomainError[], path: Path): void {
  if (list.length < 2) return;
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const id = list[i] as string;
    if (seen.has(id)) out.push(orgError('org/duplicate-entry', { field, id }, at(path, field, i)));
    else seen.add(id);
  }
}

/** True when the interval's dates are in order (one that is not is reported as `core/dates-out-of-order`). */
function ordered(x: Interval): boolean {
  return x.to === undefined || x.from <= x.to;
}

/**
 * Index of an entry before `i` of `list` that is `same` as entry `i` (same party organization, same
 * person) and shares a day with it, or -1. Entries with dates out of order are left to `order`.
 */
function earlierClash<T extends Interval>(list: readonly T[], i: number, same: (a: T, b: T) => boolean): number {
  const x = list[i] as T;
  if (!ordered(x)) return -1;
  for (let j = 0; j < i; j++) {
    const o = list[j] as T;
    if (same(o, x) && ordered(o) && overlaps(o, x)) return j;
  }
  return -1;
}

const sameParty = (a: Membership, b: Membership) => a.partyOrgId === b.partyOrgId;
const samePerson = (a: Tenure, b: Tenure) => a.memberId === b.memberId;

/**
 * The dates of `formerParents`: each stretch under a parent must have at least one day, so each entry's
 * `validTo` is on or after the record's `validFrom` (the first) or after the previous entry's, and before the
 * record's own `validTo`, so the current parent keeps a day too. `core/dates-out-of-order` at the entry's
 * `validTo`, `from` the stretch's first day.
 */
function formerDates(
  r: { readonly validFrom?: IsoDate | undefined; readonly validTo?: IsoDate | undefined },
  former: readonly FormerParent[],
  out: DomainError[],
  path: Path,
): void {
  let from = r.validFrom;
  for (let i = 0; i < former.length; i++) {
    const to = (former[i] as FormerParent).validTo;
    order(from, to, out, path, 'formerParents', i, 'validTo');
    from = addDays(to, 1);
  }
  order(from, r.validTo, out, path, 'formerParents', former.length - 1, 'validTo');
}

/**
 * The rules for one parent of a unit (`parentId`, a former parent, or the parent of `move-unit`): it exists, is of
 * a kind that may hold the unit, and is at the unit's level when the kind has no fixed one. A unit has one level for
 * its whole life, so a mismatch with its current parent is reported at `level`, with any other at the parent
 * (`levelAtParent`).
 */
export function checkUnitParent(
  u: OrgUnit,
  parentId: string,
  look: Lookup,
  out: DomainError[],
  levelAtParent: boolean,
  path: Path,
  a: Key,
  b?: Key,
  c?: Key,
): void {
  const parent = needUnit(look, parentId, out, path, a, b, c);
  if (!parent) return;
  const allowed: readonly UnitKind[] = UNIT_PARENT_KINDS[u.kind];
  if (!allowed.includes(parent.kind))
    out.push(
      orgError('org/invalid-parent-kind', { id: u.id, kind: parent.kind, expected: allowed }, at(path, a, b, c)),
    );
  else if (UNIT_FIXED_LEVEL[u.kind] === undefined && u.level !== parent.level) {
    const where = levelAtParent ? at(path, a, b, c) : at(path, 'level');
    out.push(orgError('org/level-mismatch', { id: u.id, level: u.level, expected: parent.level }, where));
  }
}

/** Structural errors of one unit against the rest of the directory, its former parents included. */
export function checkUnit(u: OrgUnit, look: Lookup, path: Path, out: DomainError[]): void {
  order(u.validFrom, u.validTo, out, path, 'validTo');
  const fixed = UNIT_FIXED_LEVEL[u.kind];
  if (fixed !== undefined && u.level !== fixed)
    out.push(orgError('org/level-mismatch', { id: u.id, level: u.level, expected: fixed }, at(path, 'level')));
  const former = u.formerParents;
  if (former !== undefined && former.length > 0) {
    formerDates(u, former, out, path);
    for (let i = 0; i < former.length; i++) {
      const id = (former[i] as FormerParent).parentId;
      if (id !== undefined) checkUnitParent(u, id, look, out, true, path, 'formerParents', i, 'parentId');
    }
  }
  if (u.parentId !== undefined) checkUnitParent(u, u.parentId, look, out, false, path, 'parentId');
}

function expectKind(
  p: PartyOrg | undefined,
  expected: readonly PartyOrgKind[],
  path: Path,
  key: Key,
  out: DomainError[],
): void {
  if (p && !expected.includes(p.kind))
    out.push(orgError('org/wrong-kind', { id: p.id, kind: p.kind, expected: [...expected] }, at(path, key)));
}

/**
 * The party-line rules for one parent of a party organization (`parentId`, a former parent, or the parent of
 * `move-party-org`): it exists and is of a kind the organization may answer to; none only for a kind that may be a root.
 */
export function checkPartyParent(
  p: PartyOrg,
  parentId: string | undefined,
  look: Lookup,
  out: DomainError[],
  path: Path,
  a: Key,
  b?: Key,
  c?: Key,
): void {
  const expected = PARTY_PARENT_KINDS[p.kind];
  if (parentId !== undefined) {
    const parent = needParty(look, parentId, out, path, a, b, c);
    if (parent && !expected.includes(parent.kind))
      out.push(
        orgError(
          'org/invalid-parent-kind',
          { id: p.id, kind: parent.kind, expected: [...expected] },
          at(path, a, b, c),
        ),
      );
  } else if (PARTY_PARENT_REQUIRED.includes(p.kind))
    out.push(orgError('org/invalid-parent-kind', { id: p.id, kind: '', expected }, at(path, a, b, c)));
}

/** Structural errors of one party organization against the rest of the directory, its former parents included. */
export function checkPartyOrg(p: PartyOrg, look: Lookup, path: Path, out: DomainError[]): void {
  order(p.validFrom, p.validTo, out, path, 'validTo');
  needUnit(look, p.unitId, out, path, 'unitId');
  const former = p.formerParents;
  if (former !== undefined && former.length > 0) {
    formerDates(p, former, out, path);
    for (let i = 0; i < former.length; i++)
      checkPartyParent(p, (former[i] as FormerParent).parentId, look, out, path, 'formerParents', i, 'parentId');
  }
  checkPartyParent(p, p.parentId, look, out, path, 'parentId');
  // as record-election refuses them: a 党小组 or 党组 is not elected, so it has no term to expire
  if (p.term !== undefined && DEFAULT_TERM_YEARS[p.kind] === undefined)
    out.push(orgError('org/wrong-kind', { id: p.id, kind: p.kind, expected: ELECTED_KINDS }, at(path, 'term')));
  if (p.leadingGroupId !== undefined) {
    const lg = needParty(look, p.leadingGroupId, out, path, 'leadingGroupId');
    expectKind(lg, ['leading-group'], path, 'leadingGroupId', out);
  }
  for (let i = 0; i < p.covers.length; i++) needUnit(look, p.covers[i] as string, out, path, 'covers', i);
  repeatedIds(p.covers, 'covers', out, path);
}

/**
 * Structural errors of one person against the rest of the directory, including two memberships of
 * one party organization that share a day (`org/overlapping-interval` at the later one's `from`).
 */
export function checkMember(m: Member, look: Lookup, path: Path, out: DomainError[]): void {
  order(m.validFrom, m.validTo, out, path, 'validTo');
  if (m.unitId !== undefined) needUnit(look, m.unitId, out, path, 'unitId');
  if (m.party.standing === 'full') order(m.party.joinedOn, m.party.fullOn, out, path, 'party', 'fullOn');
  // A former member (someone who left the party) keeps their closed memberships as history.
  if (m.party.standing === 'none' && m.memberships.some((ms) => ms.to === undefined))
    out.push(orgError('org/not-a-party-member', { id: m.id }, at(path, 'memberships')));
  for (let i = 0; i < m.memberships.length; i++) {
    const ms = m.memberships[i] as Member['memberships'][number];
    needParty(look, ms.partyOrgId, out, path, 'memberships', i, 'partyOrgId');
    order(ms.from, ms.to, out, path, 'memberships', i, 'to');
    // as join-party-org refuses it: one person, one party organization, one membership on any day
    if (earlierClash(m.memberships, i, sameParty) >= 0)
      out.push(
        orgError('org/overlapping-interval', { id: m.id, with: ms.partyOrgId }, at(path, 'memberships', i, 'from')),
      );
  }
}

/**
 * True when the person may hold a party post (every kind but `leader-in-charge`) for the tenure: a
 * party member; or a former member (standing `none`, memberships all closed) for a tenure that has
 * ended, since the post was held while they were a member.
 */
export function mayHoldPartyPost(m: Member, t: Tenure): boolean {
  return m.party.standing !== 'none' || (t.to !== undefined && m.memberships.length > 0);
}

/**
 * Structural errors of one post against the rest of the directory, including two tenures of one
 * person that share a day and, on a sole-holder post, tenures of two people that do
 * (`org/overlapping-interval` at the later one's `from`).
 */
export function checkPost(p: Post, look: Lookup, path: Path, out: DomainError[]): void {
  order(p.validFrom, p.validTo, out, path, 'validTo');
  const party = p.kind !== 'leader-in-charge';
  if (p.kind === 'leader-in-charge') {
    needUnit(look, p.unitId, out, path, 'unitId');
    for (let i = 0; i < p.inCharge.length; i++) needUnit(look, p.inCharge[i] as string, out, path, 'inCharge', i);
    repeatedIds(p.inCharge, 'inCharge', out, path);
  } else {
    needParty(look, p.partyOrgId, out, path, 'partyOrgId');
    if ('forPartyOrgId' in p) needParty(look, p.forPartyOrgId, out, path, 'forPartyOrgId');
  }
  const sole = SOLE_HOLDER_POSTS.includes(p.kind);
  for (let i = 0; i < p.holders.length; i++) {
    const t = p.holders[i] as Tenure;
    const m = needMember(look, t.memberId, out, path, 'holders', i, 'memberId');
    if (party && m && !mayHoldPartyPost(m, t))
      out.push(orgError('org/not-a-party-member', { id: m.id }, at(path, 'holders', i, 'memberId')));
    order(t.from, t.to, out, path, 'holders', i, 'to');
    // as assign-post refuses it: one person holds a post once on any day (consecutive tenures are fine)
    if (earlierClash(p.holders, i, samePerson) >= 0)
      out.push(orgError('org/overlapping-interval', { id: t.memberId, with: p.id }, at(path, 'holders', i, 'from')));
    if (!sole) continue;
    for (let j = 0; j < i; j++) {
      const o = p.holders[j] as Tenure;
      if (o.memberId !== t.memberId && overlaps(o, t))
        out.push(
          orgError('org/overlapping-interval', { id: t.memberId, with: o.memberId }, at(path, 'holders', i, 'from')),
        );
    }
  }
}

const RESTRUCTURING_SHAPE: {
  readonly [K in Restructuring['kind']]: { readonly originals: [number, number]; readonly results: [number, number] };
} = {
  merge: { originals: [2, Number.POSITIVE_INFINITY], results: [1, 1] },
  split: { originals: [1, 1], results: [2, Number.POSITIVE_INFINITY] },
  rename: { originals: [1, 1], results: [1, 1] },
  transfer: { originals: [1, 1], results: [1, 1] },
  dissolve: { originals: [1, Number.POSITIVE_INFINITY], results: [0, 0] },
};

/** Structural errors of one restructuring against the rest of the directory. */
export function checkRestructuring(r: Restructuring, look: Lookup, path: Path, out: DomainError[]): void {
  const shape = RESTRUCTURING_SHAPE[r.kind];
  // a merge needs two organizations, not one named twice
  const o = new Set(r.originalIds).size;
  const n = new Set(r.resultingIds).size;
  repeatedIds(r.originalIds, 'originalIds', out, path);
  repeatedIds(r.resultingIds, 'resultingIds', out, path);
  if (o < shape.originals[0] || o > shape.originals[1] || n < shape.results[0] || n > shape.results[1])
    out.push(orgError('org/invalid-restructuring', { kind: r.kind, originals: o, results: n }, at(path, 'kind')));
  const need = r.subject === 'unit' ? needUnit : needParty;
  for (let i = 0; i < r.originalIds.length; i++) need(look, r.originalIds[i] as string, out, path, 'originalIds', i);
  for (let i = 0; i < r.resultingIds.length; i++) need(look, r.resultingIds[i] as string, out, path, 'resultingIds', i);
}

function checkPartyRef(ref: PartyRef, look: Lookup, path: Path, key: Key, out: DomainError[]): void {
  if (ref.kind === 'unit') needUnit(look, ref.id, out, path, key, 'id');
  else if (ref.kind === 'party-org') needParty(look, ref.id, out, path, key, 'id');
  else if (ref.kind === 'member') needMember(look, ref.id, out, path, key, 'id');
}

function checkEnd(ref: PartyRef, end: PairingEnd, look: Lookup, path: Path, key: Key, out: DomainError[]): void {
  const id = ref.kind === 'external' ? ref.name['zh-CN'] : ref.id;
  if (!end.refKinds.includes(ref.kind)) {
    out.push(orgError('org/wrong-kind', { id, kind: ref.kind, expected: end.refKinds }, at(path, key)));
    return;
  }
  const u = ref.kind === 'unit' && end.unitKinds ? look.unit(ref.id) : undefined;
  if (u && end.unitKinds && !end.unitKinds.includes(u.kind))
    out.push(orgError('org/wrong-kind', { id: u.id, kind: u.kind, expected: end.unitKinds }, at(path, key)));
}

/** Structural errors of one pairing against the rest of the directory. */
export function checkPairing(p: Pairing, look: Lookup, path: Path, out: DomainError[]): void {
  order(p.validFrom, p.validTo, out, path, 'validTo');
  checkPartyRef(p.lead, look, path, 'lead', out);
  checkPartyRef(p.partner, look, path, 'partner', out);
  const ends = PAIRING_ENDS[p.kind];
  if (!ends) return;
  checkEnd(p.lead, ends.lead, look, path, 'lead', out);
  checkEnd(p.partner, ends.partner, look, path, 'partner', out);
}

/** Structural errors of one market entity against the rest of the directory. */
export function checkEntity(e: MarketEntity, look: Lookup, path: Path, out: DomainError[]): void {
  order(e.validFrom, e.validTo, out, path, 'validTo');
  needUnit(look, e.unitId, out, path, 'unitId');
  if (e.gridId !== undefined && !look.grid(e.gridId))
    out.push(orgError('org/unknown-record', { id: e.gridId, collection: 'grids' }, at(path, 'gridId')));
}

/** Structural errors of one liaison against the rest of the directory. */
export function checkLiaison(l: Liaison, look: Lookup, path: Path, out: DomainError[]): void {
  order(l.validFrom, l.validTo, out, path, 'validTo');
  needMember(look, l.memberId, out, path, 'memberId');
  for (let i = 0; i < l.entityIds.length; i++) {
    const id = l.entityIds[i] as string;
    if (!look.entity(id))
      out.push(orgError('org/unknown-record', { id, collection: 'marketEntities' }, at(path, 'entityIds', i)));
  }
  repeatedIds(l.entityIds, 'entityIds', out, path);
}

/** Structural errors of one grid cell against the rest of the directory. */
export function checkGrid(g: Grid, look: Lookup, path: Path, out: DomainError[]): void {
  order(g.validFrom, g.validTo, out, path, 'validTo');
  needUnit(look, g.unitId, out, path, 'unitId');
  for (let i = 0; i < g.memberIds.length; i++) needMember(look, g.memberIds[i] as string, out, path, 'memberIds', i);
  repeatedIds(g.memberIds, 'memberIds', out, path);
}

/**
 * Finds cycles in parent links. Returns one id list per cycle found (each cycle reported once).
 */
export function findCycles(ids: Iterable<string>, parentOf: (id: string) => string | undefined): string[][] {
  const state = new Map<string, 1 | 2>();
  const cycles: string[][] = [];
  for (const start of ids) {
    if (state.has(start)) continue;
    const trail: string[] = [];
    let cur: string | undefined = start;
    while (cur !== undefined && !state.has(cur)) {
      state.set(cur, 1);
      trail.push(cur);
      cur = parentOf(cur);
    }
    if (cur !== undefined && state.get(cur) === 1) {
      const at = trail.indexOf(cur);
      if (at >= 0) cycles.push([...trail.slice(at), cur]);
    }
    for (const id of trail) state.set(id, 2);
  }
  return cycles;
}
