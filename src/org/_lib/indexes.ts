import { forEachRecord, type IsoDate } from '../../core/index.js';
import type { OrgDirectory } from '../directory.js';
import type {
  Liaison,
  MarketEntity,
  Member,
  OrgUnit,
  PartyOrg,
  Post,
  Restructuring,
  Tenure,
  UnitKind,
} from '../schema.js';
import { everyParentId } from './parents.js';
import { COVERING_KINDS } from './rules.js';

/**
 * A membership seen from the party organization's side. The person's own validity and a per-index
 * ordinal are copied in, so that `membersOf` filters and de-duplicates without reading the member
 * records (scattered on the heap: touching them cost twice the rest of the query on a province).
 */
export interface Enrolment {
  readonly memberId: string;
  readonly member: Member;
  /** The member's position in this index's build order: equal for two enrolments of one person. */
  readonly memberNo: number;
  readonly from: IsoDate;
  readonly to?: IsoDate | undefined;
  readonly memberFrom?: IsoDate | undefined;
  readonly memberTo?: IsoDate | undefined;
}

/** A tenure seen from the holder's side. */
export interface Holding {
  readonly post: Post;
  readonly tenure: Tenure;
}

/** Every index the queries use, built in one pass per directory state. */
export interface DirectoryIndex {
  /** Each unit under every parent it has had (`parentId` and `formerParents`): readers filter by day. */
  readonly unitChildren: Map<string, OrgUnit[]>;
  readonly unitsByKind: Map<UnitKind, OrgUnit[]>;
  readonly unitByCode: Map<string, string>;
  /** Each party organization under every parent it has had, as `unitChildren`. */
  readonly partyChildren: Map<string, PartyOrg[]>;
  readonly partyOrgsByUnit: Map<string, PartyOrg[]>;
  readonly covering: Map<string, PartyOrg[]>;
  readonly enrolments: Map<string, Enrolment[]>;
  readonly holdings: Map<string, Holding[]>;
  readonly postsByPartyOrg: Map<string, Post[]>;
  /** The guide/tutor/overseer posts held for a party organization, keyed by `forPartyOrgId`. */
  readonly postsForPartyOrg: Map<string, Post[]>;
  readonly leaderPosts: Map<string, Post[]>;
  readonly changedBy: Map<string, Restructuring[]>;
  readonly resultedFrom: Map<string, Restructuring[]>;
  readonly liaisonsByMember: Map<string, Liaison[]>;
  readonly entitiesByUnit: Map<string, MarketEntity[]>;
  readonly gridByCode: Map<string, string>;
}

const cache = new WeakMap<OrgDirectory, DirectoryIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function sortAll<V extends { readonly id: string }>(map: Map<unknown, V[]>): void {
  for (const list of map.values()) list.sort(byId);
}

function build(dir: OrgDirectory): DirectoryIndex {
  const ix: DirectoryIndex = {
    unitChildren: new Map(),
    unitsByKind: new Map(),
    unitByCode: new Map(),
    partyChildren: new Map(),
    partyOrgsByUnit: new Map(),
    covering: new Map(),
    enrolments: new Map(),
    holdings: new Map(),
    postsByPartyOrg: new Map(),
    postsForPartyOrg: new Map(),
    leaderPosts: new Map(),
    changedBy: new Map(),
    resultedFrom: new Map(),
    liaisonsByMember: new Map(),
    entitiesByUnit: new Map(),
    gridByCode: new Map(),
  };
  forEachRecord(dir.units, (u) => {
    if (u.formerParents === undefined) {
      if (u.parentId !== undefined) push(ix.unitChildren, u.parentId, u);
    } else for (const id of everyParentId(u)) push(ix.unitChildren, id, u);
    push(ix.unitsByKind, u.kind, u);
    ix.unitByCode.set(u.code, u.id);
  });
  forEachRecord(dir.partyOrgs, (p) => {
    if (p.formerParents === undefined) {
      if (p.parentId !== undefined) push(ix.partyChildren, p.parentId, p);
    } else for (const id of everyParentId(p)) push(ix.partyChildren, id, p);
    push(ix.partyOrgsByUnit, p.unitId, p);
    if (COVERING_KINDS.includes(p.kind)) for (const d of p.covers) push(ix.covering, d, p);
  });
  let memberNo = 0;
  forEachRecord(dir.members, (m) => {
    for (const ms of m.memberships)
      push(ix.enrolments, ms.partyOrgId, {
        memberId: m.id,
        member: m,
        memberNo,
        from: ms.from,
        to: ms.to,
        memberFrom: m.validFrom,
        memberTo: m.validTo,
      });
    memberNo++;
  });
  forEachRecord(dir.posts, (p) => {
    for (const t of p.holders) push(ix.holdings, t.memberId, { post: p, tenure: t });
    if (p.kind === 'leader-in-charge') for (const d of p.inCharge) push(ix.leaderPosts, d, p);
    else push(ix.postsByPartyOrg, p.partyOrgId, p);
    if ('forPartyOrgId' in p) push(ix.postsForPartyOrg, p.forPartyOrgId, p);
  });
  forEachRecord(dir.restructurings, (r) => {
    for (const id of r.originalIds) push(ix.changedBy, id, r);
    for (const id of r.resultingIds) push(ix.resultedFrom, id, r);
  });
  forEachRecord(dir.liaisons, (l) => push(ix.liaisonsByMember, l.memberId, l));
  forEachRecord(dir.marketEntities, (e) => push(ix.entitiesByUnit, e.unitId, e));
  forEachRecord(dir.grids, (g) => ix.gridByCode.set(g.code, g.id));
  sortAll(ix.unitChildren);
  sortAll(ix.unitsByKind);
  sortAll(ix.partyChildren);
  sortAll(ix.partyOrgsByUnit);
  sortAll(ix.covering);
  sortAll(ix.postsByPartyOrg);
  sortAll(ix.postsForPartyOrg);
  sortAll(ix.leaderPosts);
  sortAll(ix.liaisonsByMember);
  sortAll(ix.entitiesByUnit);
  const byDate = (a: Restructuring, b: Restructuring) =>
    a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : byId(a, b);
  for (const list of ix.changedBy.values()) list.sort(byDate);
  for (const list of ix.resultedFrom.values()) list.sort(byDate);
  for (const list of ix.enrolments.values()) list.sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
  return ix;
}

/** The indexes of a directory state, built on first use and kept as long as the state lives. */
export function indexOf(dir: OrgDirectory): DirectoryIndex {
  let ix = cache.get(dir);
  if (!ix) {
    ix = build(dir);
    cache.set(dir, ix);
  }
  return ix;
}
