import {
  allRecords,
  emptyTable,
  err,
  getRecord,
  type InputLimits,
  ok,
  parseWith,
  putRecord,
  type RecordTable,
  type Result,
} from '../core/index.js';
import type { Lookup } from './_lib/structure.js';
import { checkStructure, type Lists } from './_lib/whole.js';
import {
  type DirectorySnapshot,
  DirectorySnapshotSchema,
  type Grid,
  type Liaison,
  type MarketEntity,
  type Member,
  type OrgUnit,
  type Pairing,
  type PartyOrg,
  type Post,
  type Restructuring,
} from './schema.js';

/**
 * The organization directory: units, party organizations, people and posts, restructurings,
 * pairings, market entities, liaisons and grid cells, each indexed by id. It is the state of the
 * directory decider, so every change is a recorded event; `version` is the seq of the last one.
 * @category Directory
 */
export interface OrgDirectory {
  readonly version: number;
  readonly units: RecordTable<OrgUnit>;
  readonly partyOrgs: RecordTable<PartyOrg>;
  readonly members: RecordTable<Member>;
  readonly posts: RecordTable<Post>;
  readonly restructurings: RecordTable<Restructuring>;
  readonly pairings: RecordTable<Pairing>;
  readonly marketEntities: RecordTable<MarketEntity>;
  readonly liaisons: RecordTable<Liaison>;
  readonly grids: RecordTable<Grid>;
}

/** The directory with nothing in it, version 0. @category Directory */
export const emptyDirectory: OrgDirectory = /* @__PURE__ */ Object.freeze({
  version: 0,
  units: emptyTable<OrgUnit>(),
  partyOrgs: emptyTable<PartyOrg>(),
  members: emptyTable<Member>(),
  posts: emptyTable<Post>(),
  restructurings: emptyTable<Restructuring>(),
  pairings: emptyTable<Pairing>(),
  marketEntities: emptyTable<MarketEntity>(),
  liaisons: emptyTable<Liaison>(),
  grids: emptyTable<Grid>(),
});

/** Options of {@link parseDirectory}. @category Directory */
export interface ParseDirectoryOptions {
  /** Hostile-input limits; by default up to 5,000,000 values, enough for a province. */
  readonly limits?: InputLimits;
}

// Walks the parsed snapshot once. Arrays are read by index and objects with for…in (own keys only),
// so no key array is allocated per object: on a province that was a fifth of parseDirectory's time.
// A frozen node is still walked: zod's `.readonly()` freezes some arrays (holders, memberships)
// but not the records in them. The parsed value is a fresh tree (no cycles, no shared nodes).
function freezeDeep(value: unknown): void {
  const stack: object[] = [];
  const visit = (v: unknown) => {
    if (v !== null && typeof v === 'object') stack.push(v);
  };
  visit(value);
  while (stack.length > 0) {
    const v = stack.pop() as object;
    if (!Object.isFrozen(v)) Object.freeze(v);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) visit(v[i]);
    else for (const k in v) if (Object.hasOwn(v, k)) visit((v as Record<string, unknown>)[k]);
  }
}

function mapOf<T extends { readonly id: string }>(list: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const r of list) if (!map.has(r.id)) map.set(r.id, r);
  return map;
}

// Called once the structure is sound, so ids are unique: the list goes straight into the table, in
// the order a first-wins Map of it would have given.
function toTable<T extends { readonly id: string }>(list: readonly T[]): RecordTable<T> {
  const table = emptyTable<T>();
  for (const r of list) putRecord(table, r.id, r);
  return table;
}

/**
 * Builds a directory from a plain snapshot (`{ units, partyOrgs, members, posts, … }`), checking the
 * shape of every record and then the structure: unknown references, duplicate ids and codes, cycles,
 * units under a parent kind that cannot hold them, levels, dates out of order, an id listed twice in
 * `covers`, `entityIds` or `memberIds` (`org/duplicate-entry`), and a person's memberships of one party
 * organization or tenures of one post that share a day (`org/overlapping-interval` at the later entry). Every error is
 * reported at once with its path; on any error nothing is returned. The input is never mutated.
 * @category Directory
 * @example
 * const r = parseDirectory({
 *   units: [{ id: 'wh', kind: 'municipal-bureau', level: 3, code: '3710', name: { 'zh-CN': '威海市市场监督管理局' }, validFrom: '2019-01-16' }],
 * });
 * if (r.ok) findUnit(r.value, 'wh')?.name['zh-CN']; // '威海市市场监督管理局'
 */
export function parseDirectory(input: unknown, options: ParseDirectoryOptions = {}): Result<OrgDirectory> {
  const parsed = parseWith(DirectorySnapshotSchema, input, {
    limits: { maxNodes: 5_000_000, ...options.limits },
  });
  if (!parsed.ok) return parsed;
  const s = parsed.value;
  const lists: Lists = {
    units: s.units,
    partyOrgs: s.partyOrgs ?? [],
    members: s.members ?? [],
    posts: s.posts ?? [],
    restructurings: s.restructurings ?? [],
    pairings: s.pairings ?? [],
    marketEntities: s.marketEntities ?? [],
    liaisons: s.liaisons ?? [],
    grids: s.grids ?? [],
  };
  const units = mapOf(lists.units);
  const partyOrgs = mapOf(lists.partyOrgs);
  const members = mapOf(lists.members);
  const entities = mapOf(lists.marketEntities);
  const grids = mapOf(lists.grids);
  const errors = checkStructure(
    lists,
    {
      unit: (id) => units.get(id),
      partyOrg: (id) => partyOrgs.get(id),
      member: (id) => members.get(id),
      entity: (id) => entities.get(id),
      grid: (id) => grids.get(id),
    },
    {
      units: units.size,
      partyOrgs: partyOrgs.size,
      members: members.size,
      marketEntities: entities.size,
      grids: grids.size,
    },
  );
  if (errors.length > 0) return err(...errors);

  const dir: OrgDirectory = {
    version: 0,
    units: toTable(lists.units),
    partyOrgs: toTable(lists.partyOrgs),
    members: toTable(lists.members),
    posts: toTable(lists.posts),
    restructurings: toTable(lists.restructurings),
    pairings: toTable(lists.pairings),
    marketEntities: toTable(lists.marketEntities),
    liaisons: toTable(lists.liaisons),
    grids: toTable(lists.grids),
  };
  freezeDeep(dir);
  return ok(dir);
}

/**
 * The plain snapshot of a directory (records sorted by id), the inverse of {@link parseDirectory}:
 * `parseDirectory(toSnapshot(dir))` gives an equal directory.
 * @category Directory
 * @example
 * const json = JSON.stringify(toSnapshot(dir));
 */
export function toSnapshot(dir: OrgDirectory): DirectorySnapshot {
  return {
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
}

/** A {@link Lookup} over a directory state. @internal */
export function stateLookup(dir: OrgDirectory): Lookup {
  return {
    unit: (id) => getRecord(dir.units, id),
    partyOrg: (id) => getRecord(dir.partyOrgs, id),
    member: (id) => getRecord(dir.members, id),
    entity: (id) => getRecord(dir.marketEntities, id),
    grid: (id) => getRecord(dir.grids, id),
  };
}
