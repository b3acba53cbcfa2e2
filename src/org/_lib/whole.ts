import type { DomainError, Path } from '../../core/index.js';
import { orgError } from '../errors.js';
import type {
  Collection,
  Grid,
  Liaison,
  MarketEntity,
  Member,
  OrgUnit,
  Pairing,
  PartyOrg,
  Post,
  Restructuring,
} from '../schema.js';
import { cycleThrough, type Parented, parentSegments } from './parents.js';
import {
  checkEntity,
  checkGrid,
  checkLiaison,
  checkMember,
  checkPairing,
  checkPartyOrg,
  checkPost,
  checkRestructuring,
  checkUnit,
  findCycles,
  type Lookup,
} from './structure.js';

/** Every collection of a directory as a list. */
export interface Lists {
  readonly units: readonly OrgUnit[];
  readonly partyOrgs: readonly PartyOrg[];
  readonly members: readonly Member[];
  readonly posts: readonly Post[];
  readonly restructurings: readonly Restructuring[];
  readonly pairings: readonly Pairing[];
  readonly marketEntities: readonly MarketEntity[];
  readonly liaisons: readonly Liaison[];
  readonly grids: readonly Grid[];
}

function duplicateIds(list: readonly { readonly id: string }[], c: Collection, out: DomainError[]): void {
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const id = (list[i] as { readonly id: string }).id;
    if (seen.has(id)) out.push(orgError('org/duplicate-id', { id }, [c, i, 'id']));
    seen.add(id);
  }
}

function duplicateCodes(
  list: readonly { readonly id: string; readonly code: string }[],
  c: Collection,
  out: DomainError[],
): void {
  const first = new Map<string, string>();
  for (let i = 0; i < list.length; i++) {
    const r = list[i] as { readonly id: string; readonly code: string };
    const owner = first.get(r.code);
    if (owner === undefined) first.set(r.code, r.id);
    else if (owner !== r.id)
      out.push(orgError('org/duplicate-code', { code: r.code, ids: [owner, r.id] }, [c, i, 'code']));
  }
}

/**
 * `org/cycle` for each loop of current parents within `list`, at `[head, index, 'parentId']`. `head` is the
 * snapshot collection, or the command field (`newUnits`, `newPartyOrgs`) whose records only point at each other
 * or at records already in force, so a loop can only run through them.
 */
export function cycles(
  list: readonly { readonly id: string; readonly parentId?: string | undefined }[],
  c: Collection | 'newUnits' | 'newPartyOrgs',
  out: DomainError[],
): void {
  // id → index of its last record, as `new Map(list.map(...))` kept, without a pair object per record
  const byId = new Map<string, number>();
  for (let i = 0; i < list.length; i++) byId.set((list[i] as { readonly id: string }).id, i);
  const parentOf = (id: string) => {
    const i = byId.get(id);
    return i === undefined ? undefined : list[i]?.parentId;
  };
  for (const cycle of findCycles(byId.keys(), parentOf))
    out.push(orgError('org/cycle', { ids: cycle }, [c, byId.get(cycle[0] as string) ?? 0, 'parentId']));
}

/**
 * Cycles of the past: a record whose chain, on some day it was under a former parent (`formerParents`), leads
 * back to it. Any cycle with no member under a former parent that day is one of current parents, `cycles`'
 * to report; each of these is reported once, at the first former entry it is found from.
 */
function formerCycles(
  list: readonly (Parented & { readonly id: string })[],
  find: (id: string) => Parented | undefined,
  c: Collection,
  out: DomainError[],
): void {
  const reported = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const r = list[i] as Parented & { readonly id: string };
    if (r.formerParents === undefined || r.formerParents.length === 0) continue;
    for (const s of parentSegments(r)) {
      if (s.index < 0 || s.parentId === undefined || s.from === undefined) continue;
      const ids = cycleThrough(find, r.id, s.parentId, s.from, s.to);
      const key = ids && [...new Set(ids)].sort().join(' ');
      if (ids === undefined || key === undefined || reported.has(key)) continue;
      reported.add(key);
      out.push(orgError('org/cycle', { ids }, [c, i, 'formerParents', s.index, 'parentId']));
    }
  }
}

/**
 * All structural errors of a whole directory: duplicate ids and codes, every record's references,
 * parent kinds, levels and dates, and cycles, those of former parents included. Paths are `[collection, index, …]` into `lists`.
 */
export function checkStructure(
  lists: Lists,
  look: Lookup,
  distinct: Partial<Readonly<Record<Collection, number>>> = {},
): DomainError[] {
  const out: DomainError[] = [];
  const keys = Object.keys(lists) as Collection[];
  // a caller that has already keyed a list by id passes how many distinct ids it found: when that is the
  // list's length there is no duplicate to find, and the set of ids need not be built a second time
  for (const c of keys) if (distinct[c] !== lists[c].length) duplicateIds(lists[c], c, out);
  duplicateCodes(lists.units, 'units', out);
  duplicateCodes(lists.grids, 'grids', out);
  const each = <T>(list: readonly T[], c: Collection, fn: (r: T, l: Lookup, p: Path, o: DomainError[]) => void) => {
    for (let i = 0; i < list.length; i++) fn(list[i] as T, look, [c, i], out);
  };
  each(lists.units, 'units', checkUnit);
  each(lists.partyOrgs, 'partyOrgs', checkPartyOrg);
  each(lists.members, 'members', checkMember);
  each(lists.posts, 'posts', checkPost);
  each(lists.restructurings, 'restructurings', checkRestructuring);
  each(lists.pairings, 'pairings', checkPairing);
  each(lists.marketEntities, 'marketEntities', checkEntity);
  each(lists.liaisons, 'liaisons', checkLiaison);
  each(lists.grids, 'grids', checkGrid);
  cycles(lists.units, 'units', out);
  cycles(lists.partyOrgs, 'partyOrgs', out);
  formerCycles(lists.units, look.unit, 'units', out);
  formerCycles(lists.partyOrgs, look.partyOrg, 'partyOrgs', out);
  return out;
}
