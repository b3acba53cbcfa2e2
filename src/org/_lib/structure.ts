import { coreError } from '../../core/errors-core.js';
import type { DomainError, IsoDate, Path } from '../../core/index.js';
import { orgError } from '../errors.js';
import type {
  Grid,
  Liaison,
  MarketEntity,
  Member,
  OrgUnit,
  Pairing,
  PartyOrg,
  PartyOrgKind,
  PartyRef,
  Post,
  Restructuring,
  UnitKind,
} from '../schema.js';
import { PARTY_PARENT_KINDS, UNIT_FIXED_LEVEL, UNIT_PARENT_KINDS } from './rules.js';

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

function order(from: IsoDate | undefined, to: IsoDate | undefined, path: Path, out: DomainError[]): void {
  if (from !== undefined && to !== undefined && to < from)
    out.push(coreError('core/dates-out-of-order', { from, to }, path));
}

function needUnit(look: Lookup, id: string, path: Path, out: DomainError[]): OrgUnit | undefined {
  const u = look.unit(id);
  if (!u) out.push(orgError('org/unknown-unit', { id }, path));
  return u;
}

function needParty(look: Lookup, id: string, path: Path, out: DomainError[]): PartyOrg | undefined {
  const p = look.partyOrg(id);
  if (!p) out.push(orgError('org/unknown-party-org', { id }, path));
  return p;
}

function needMember(look: Lookup, id: string, path: Path, out: DomainError[]): void {
  if (!look.member(id)) out.push(orgError('org/unknown-member', { id }, path));
}

/** Structural errors of one unit against the rest of the directory. */
export function checkUnit(u: OrgUnit, look: Lookup, path: Path, out: DomainError[]): void {
  order(u.validFrom, u.validTo, [...path, 'validTo'], out);
  const allowed: readonly UnitKind[] = UNIT_PARENT_KINDS[u.kind];
  const fixed = UNIT_FIXED_LEVEL[u.kind];
  if (fixed !== undefined && u.level !== fixed)
    out.push(orgError('org/level-mismatch', { id: u.id, level: u.level, expected: fixed }, [...path, 'level']));
  if (u.parentId === undefined) return;
  const parent = needUnit(look, u.parentId, [...path, 'parentId'], out);
  if (!parent) return;
  if (!allowed.includes(parent.kind))
    out.push(
      orgError('org/invalid-parent-kind', { id: u.id, kind: parent.kind, expected: allowed }, [...path, 'parentId']),
    );
  else if (fixed === undefined && u.level !== parent.level)
    out.push(orgError('org/level-mismatch', { id: u.id, level: u.level, expected: parent.level }, [...path, 'level']));
}

function expectKind(
  p: PartyOrg | undefined,
  expected: readonly PartyOrgKind[],
  path: Path,
  out: DomainError[],
  code: 'org/wrong-kind' | 'org/invalid-parent-kind',
  ownerId: string,
): void {
  if (p && !expected.includes(p.kind))
    out.push(
      orgError(code, { id: code === 'org/wrong-kind' ? p.id : ownerId, kind: p.kind, expected: [...expected] }, path),
    );
}

/** Structural errors of one party organization against the rest of the directory. */
export function checkPartyOrg(p: PartyOrg, look: Lookup, path: Path, out: DomainError[]): void {
  order(p.validFrom, p.validTo, [...path, 'validTo'], out);
  needUnit(look, p.unitId, [...path, 'unitId'], out);
  if (p.parentId !== undefined) {
    const parent = needParty(look, p.parentId, [...path, 'parentId'], out);
    expectKind(parent, PARTY_PARENT_KINDS[p.kind], [...path, 'parentId'], out, 'org/invalid-parent-kind', p.id);
  }
  if (p.leadingGroupId !== undefined) {
    const lg = needParty(look, p.leadingGroupId, [...path, 'leadingGroupId'], out);
    expectKind(lg, ['leading-group'], [...path, 'leadingGroupId'], out, 'org/wrong-kind', p.id);
  }
  p.covers.forEach((id, i) => {
    needUnit(look, id, [...path, 'covers', i], out);
  });
}

/** Structural errors of one person against the rest of the directory. */
export function checkMember(m: Member, look: Lookup, path: Path, out: DomainError[]): void {
  order(m.validFrom, m.validTo, [...path, 'validTo'], out);
  if (m.unitId !== undefined) needUnit(look, m.unitId, [...path, 'unitId'], out);
  if (m.party.standing === 'full') order(m.party.joinedOn, m.party.fullOn, [...path, 'party', 'fullOn'], out);
  if (m.party.standing === 'none' && m.memberships.length > 0)
    out.push(orgError('org/not-a-party-member', { id: m.id }, [...path, 'memberships']));
  m.memberships.forEach((ms, i) => {
    needParty(look, ms.partyOrgId, [...path, 'memberships', i, 'partyOrgId'], out);
    order(ms.from, ms.to, [...path, 'memberships', i, 'to'], out);
  });
}

/** Structural errors of one post against the rest of the directory. */
export function checkPost(p: Post, look: Lookup, path: Path, out: DomainError[]): void {
  order(p.validFrom, p.validTo, [...path, 'validTo'], out);
  if (p.kind === 'leader-in-charge') {
    needUnit(look, p.unitId, [...path, 'unitId'], out);
    p.inCharge.forEach((id, i) => {
      needUnit(look, id, [...path, 'inCharge', i], out);
    });
  } else {
    needParty(look, p.partyOrgId, [...path, 'partyOrgId'], out);
    if ('forPartyOrgId' in p) needParty(look, p.forPartyOrgId, [...path, 'forPartyOrgId'], out);
  }
  p.holders.forEach((t, i) => {
    needMember(look, t.memberId, [...path, 'holders', i, 'memberId'], out);
    order(t.from, t.to, [...path, 'holders', i, 'to'], out);
  });
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
  const o = r.originalIds.length;
  const n = r.resultingIds.length;
  if (o < shape.originals[0] || o > shape.originals[1] || n < shape.results[0] || n > shape.results[1])
    out.push(orgError('org/invalid-restructuring', { kind: r.kind, originals: o, results: n }, [...path, 'kind']));
  const need = r.subject === 'unit' ? needUnit : needParty;
  r.originalIds.forEach((id, i) => {
    need(look, id, [...path, 'originalIds', i], out);
  });
  r.resultingIds.forEach((id, i) => {
    need(look, id, [...path, 'resultingIds', i], out);
  });
}

function checkPartyRef(ref: PartyRef, look: Lookup, path: Path, out: DomainError[]): void {
  if (ref.kind === 'unit') needUnit(look, ref.id, [...path, 'id'], out);
  else if (ref.kind === 'party-org') needParty(look, ref.id, [...path, 'id'], out);
  else if (ref.kind === 'member') needMember(look, ref.id, [...path, 'id'], out);
}

/** Structural errors of one pairing against the rest of the directory. */
export function checkPairing(p: Pairing, look: Lookup, path: Path, out: DomainError[]): void {
  order(p.validFrom, p.validTo, [...path, 'validTo'], out);
  checkPartyRef(p.lead, look, [...path, 'lead'], out);
  checkPartyRef(p.partner, look, [...path, 'partner'], out);
}

/** Structural errors of one market entity against the rest of the directory. */
export function checkEntity(e: MarketEntity, look: Lookup, path: Path, out: DomainError[]): void {
  order(e.validFrom, e.validTo, [...path, 'validTo'], out);
  needUnit(look, e.unitId, [...path, 'unitId'], out);
  if (e.gridId !== undefined && !look.grid(e.gridId))
    out.push(orgError('org/unknown-record', { id: e.gridId, collection: 'grids' }, [...path, 'gridId']));
}

/** Structural errors of one liaison against the rest of the directory. */
export function checkLiaison(l: Liaison, look: Lookup, path: Path, out: DomainError[]): void {
  order(l.validFrom, l.validTo, [...path, 'validTo'], out);
  needMember(look, l.memberId, [...path, 'memberId'], out);
  l.entityIds.forEach((id, i) => {
    if (!look.entity(id))
      out.push(orgError('org/unknown-record', { id, collection: 'marketEntities' }, [...path, 'entityIds', i]));
  });
}

/** Structural errors of one grid cell against the rest of the directory. */
export function checkGrid(g: Grid, look: Lookup, path: Path, out: DomainError[]): void {
  order(g.validFrom, g.validTo, [...path, 'validTo'], out);
  needUnit(look, g.unitId, [...path, 'unitId'], out);
  g.memberIds.forEach((id, i) => {
    needMember(look, id, [...path, 'memberIds', i], out);
  });
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
