import { z } from 'zod';
import { coreError } from '../core/errors-core.js';
import {
  addDays,
  type Context,
  type DomainError,
  err,
  getRecord,
  IdSchema,
  type IsoDate,
  IsoDateSchema,
  ok,
  type Path,
  parseWith,
  type RecordTable,
  type Result,
} from '../core/index.js';
import { unknownKeys } from './_lib/command-fields.js';
import { indexOf } from './_lib/indexes.js';
import { endChildren, endPosts, moveMembers, refuseChildUnits, refuseLaterLinks } from './_lib/moves.js';
import { currentParentFrom, type Parented, parentSegments } from './_lib/parents.js';
import { decideMove } from './_lib/reparent.js';
import {
  DEFAULT_TERM_YEARS,
  ELECTED_KINDS,
  JOINABLE_STATUSES,
  POST_HOLDER_STATUSES,
  SOLE_HOLDER_POSTS,
} from './_lib/rules.js';
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
  type Lookup,
  mayHoldPartyPost,
} from './_lib/structure.js';
import { firstDayOutside, overlaps, validOn } from './_lib/validity.js';
import { cycles } from './_lib/whole.js';
import type { AddCommand, EndCommand, EndCommandType, MoveCommandType, OrgCommand } from './commands.js';
import { type OrgDirectory, stateLookup } from './directory.js';
import { orgError } from './errors.js';
import type { AddedEventMap, EndedEventType, OrgEvent } from './events.js';
import { checkRef } from './refs.js';
import {
  type Collection,
  GridSchema,
  LiaisonSchema,
  MarketEntitySchema,
  MemberSchema,
  OrgUnitSchema,
  PairingSchema,
  type PartyOrg,
  PartyOrgSchema,
  PartyStandingSchema,
  PostSchema,
  type Restructuring,
  RestructuringSchema,
} from './schema.js';

type Checker = (record: never, look: Lookup, path: Path, out: DomainError[]) => void;

interface AddRule {
  readonly collection: Collection;
  readonly event: keyof AddedEventMap;
  readonly schema: z.ZodType;
  readonly check: Checker;
  /** Where `parentId` points: the record's validity must lie within that parent's (`withinParent`). */
  readonly parent?: 'unit' | 'partyOrg';
  /** Collections whose `code` must be unique. */
  readonly uniqueCode?: 'unitByCode' | 'gridByCode';
  /** A party organization: its unit, covered units and 党组 must be in force on its first day (`linksInForce`). */
  readonly links?: true;
}

const ADD: { readonly [T in AddCommand['type']]: AddRule } = {
  'add-unit': {
    collection: 'units',
    event: 'unit-added',
    schema: OrgUnitSchema,
    check: checkUnit,
    parent: 'unit',
    uniqueCode: 'unitByCode',
  },
  'add-party-org': {
    collection: 'partyOrgs',
    event: 'party-org-added',
    schema: PartyOrgSchema,
    check: checkPartyOrg,
    parent: 'partyOrg',
    links: true,
  },
  'add-member': { collection: 'members', event: 'member-added', schema: MemberSchema, check: checkMember },
  'add-post': { collection: 'posts', event: 'post-added', schema: PostSchema, check: checkPost },
  'add-pairing': { collection: 'pairings', event: 'pairing-added', schema: PairingSchema, check: checkPairing },
  'add-market-entity': {
    collection: 'marketEntities',
    event: 'market-entity-added',
    schema: MarketEntitySchema,
    check: checkEntity,
  },
  'add-liaison': { collection: 'liaisons', event: 'liaison-added', schema: LiaisonSchema, check: checkLiaison },
  'add-grid': {
    collection: 'grids',
    event: 'grid-added',
    schema: GridSchema,
    check: checkGrid,
    uniqueCode: 'gridByCode',
  },
};

interface EndRule {
  readonly collection: Collection;
  readonly event: EndedEventType;
  /** The events that follow from ending the record (errors go to `out`), e.g. its members leaving. */
  readonly follow?: (dir: OrgDirectory, id: string, on: IsoDate, out: DomainError[]) => readonly OrgEvent[];
}

const END: { readonly [T in EndCommandType]: EndRule } = {
  // nothing ends with a unit: a child unit left running refuses the command at the id being ended, and
  // the party organizations sited in it (`unitId`) are ended by the party line, not here (see EndCommand)
  'end-unit': {
    collection: 'units',
    event: 'unit-ended',
    follow: (dir, id, on, out) => {
      refuseChildUnits(dir, id, on, new Set(), ['id'], out);
      refuseLaterLinks(dir, 'unit', id, on, ['on'], out);
      return [];
    },
  },
  // as a restructuring that ends it does: nobody belongs to a party organization or holds its posts after its last day
  'end-party-org': {
    collection: 'partyOrgs',
    event: 'party-org-ended',
    follow: (dir, id, on, out) => {
      const ended = new Set<string>();
      // a 党组 cannot end before a party organization it leads begins
      refuseLaterLinks(dir, 'party-org', id, on, ['on'], out);
      return [
        ...moveMembers(dir, id, on, undefined, new Set(), ['on'], out),
        ...endPosts(dir, id, on, ended, ['on'], out),
        // its 党小组 end with it; a child branch left under it refuses the command at the id being ended
        ...endChildren(dir, id, on, new Set(), ended, ['on'], ['id'], out),
      ];
    },
  },
  'end-member': { collection: 'members', event: 'member-ended' },
  'end-post': { collection: 'posts', event: 'post-ended' },
  'end-pairing': { collection: 'pairings', event: 'pairing-ended' },
  'end-market-entity': { collection: 'marketEntities', event: 'market-entity-ended' },
  'end-liaison': { collection: 'liaisons', event: 'liaison-ended' },
  'end-grid': { collection: 'grids', event: 'grid-ended' },
};

const COMMAND_TYPES = [
  ...(Object.keys(ADD) as AddCommand['type'][]),
  ...(Object.keys(END) as EndCommandType[]),
  ...(['move-unit', 'move-party-org'] as const satisfies readonly MoveCommandType[]),
  'join-party-org',
  'leave-party-org',
  'change-standing',
  'assign-post',
  'vacate-post',
  'record-election',
  'restructure',
] as const satisfies readonly OrgCommand['type'][];

/** The id fields a people or move command needs, checked before any lookup uses them. */
const ID_FIELDS: Partial<Record<OrgCommand['type'], readonly string[]>> = {
  'move-unit': ['id', 'parentId'],
  'move-party-org': ['id', 'parentId'],
  'join-party-org': ['memberId', 'partyOrgId'],
  'leave-party-org': ['memberId', 'partyOrgId'],
  'change-standing': ['memberId'],
  'assign-post': ['postId', 'memberId'],
  'vacate-post': ['postId', 'memberId'],
  'record-election': ['partyOrgId'],
};

// Only the discriminant: each handler validates its own fields with the record schemas, and
// `unknownKeys` refuses fields no command of the type has.
const CommandShape = /* @__PURE__ */ z.looseObject({ type: z.enum(COMMAND_TYPES) });

// The records a restructuring brings, bounded as a snapshot's collections are.
const NewUnitsSchema = /* @__PURE__ */ z.array(OrgUnitSchema).max(100_000);
const NewPartyOrgsSchema = /* @__PURE__ */ z.array(PartyOrgSchema).max(100_000);

type Bounded = {
  readonly id: string;
  readonly validFrom?: IsoDate | undefined;
  readonly validTo?: IsoDate | undefined;
};

type Placed = Bounded & Parented;

/**
 * Refuses a record placed under a parent that is not in force on every day the record is under it:
 * each stretch under a parent (the current one from the day after the last `formerParents` entry,
 * each former one through its `validTo`) must lie within that parent's validity, the state
 * `org/outlives-parent` reports in a snapshot, and its start as well. `org/not-valid-on` at
 * `parentId` (or `formerParents[i].parentId`), `asOf` the first day the child would be in force
 * without its parent. Snapshots are not held to this (`parseDirectory` loads old states); only what
 * the decider adds is.
 */
function withinParent(
  record: Placed,
  parentOf: (id: string) => Bounded | undefined,
  path: Path,
  out: DomainError[],
): void {
  for (const s of parentSegments(record)) {
    const parent = s.parentId === undefined ? undefined : parentOf(s.parentId);
    if (parent === undefined || s.from === undefined) continue;
    const asOf = firstDayOutside({ validFrom: s.from, validTo: s.to }, parent);
    const at = s.index < 0 ? [...path, 'parentId'] : [...path, 'formerParents', s.index, 'parentId'];
    if (asOf !== undefined) out.push(orgError('org/not-valid-on', { id: s.parentId as string, asOf }, at));
  }
}

/** How the link check sees the units and party organizations a party organization refers to. */
interface LinkLookup {
  unit(id: string): Bounded | undefined;
  partyOrg(id: string): Bounded | undefined;
}

/**
 * Refuses a party organization whose links are not in force on its first day: the unit it sits in
 * (`unitId`), the unit's 党组 (`leadingGroupId`) and each department or institution it covers
 * (`covers`). Each is `org/not-valid-on` at the field, `asOf` the organization's `validFrom`; a link
 * to no record at all is `checkPartyOrg`'s to report. Only the start is held, not the whole validity
 * as `withinParent` holds it: a unit can end or be merged away while its branch runs on, because the
 * branch is set up, adjusted and ended by the higher party organization's approval, which lags the
 * administrative change (`checkDirectory` reports that lag as `org/unit-ended`, and a 党组 that ended
 * as `org/leading-group-ended`). Snapshots are not
 * held to this; only what the decider adds is.
 */
function linksInForce(record: PartyOrg, look: LinkLookup, path: Path, out: DomainError[]): void {
  const asOf = record.validFrom;
  const need = (target: Bounded | undefined, id: string, at: Path): void => {
    if (target !== undefined && !validOn(target, asOf)) out.push(orgError('org/not-valid-on', { id, asOf }, at));
  };
  need(look.unit(record.unitId), record.unitId, [...path, 'unitId']);
  for (const [i, d] of record.covers.entries()) need(look.unit(d), d, [...path, 'covers', i]);
  if (record.leadingGroupId !== undefined)
    need(look.partyOrg(record.leadingGroupId), record.leadingGroupId, [...path, 'leadingGroupId']);
}

function unknownIn(collection: Collection, id: string, path: Path): DomainError {
  if (collection === 'units') return orgError('org/unknown-unit', { id }, path);
  if (collection === 'partyOrgs') return orgError('org/unknown-party-org', { id }, path);
  if (collection === 'members') return orgError('org/unknown-member', { id }, path);
  return orgError('org/unknown-record', { id, collection }, path);
}

function date(value: unknown, path: Path, out: DomainError[]): IsoDate | undefined {
  const r = parseWith(IsoDateSchema, value, { path });
  if (r.ok) return r.value;
  out.push(...r.errors);
  return undefined;
}

function id(value: unknown, path: Path, out: DomainError[]): string | undefined {
  const r = parseWith(IdSchema, value, { path });
  if (r.ok) return r.value;
  out.push(...r.errors);
  return undefined;
}

function decideAdd(dir: OrgDirectory, cmd: AddCommand): Result<readonly OrgEvent[]> {
  const rule = ADD[cmd.type];
  const parsed = parseWith(rule.schema, cmd.record, { path: ['record'] });
  if (!parsed.ok) return parsed;
  const record = parsed.value as Placed & { readonly code?: string };
  const out: DomainError[] = [];
  if (getRecord(dir[rule.collection] as RecordTable<Bounded>, record.id))
    out.push(orgError('org/duplicate-id', { id: record.id }, ['record', 'id']));
  if (rule.uniqueCode && record.code !== undefined) {
    const owner = indexOf(dir)[rule.uniqueCode].get(record.code);
    if (owner !== undefined)
      out.push(orgError('org/duplicate-code', { code: record.code, ids: [owner, record.id] }, ['record', 'code']));
  }
  const look = stateLookup(dir);
  (rule.check as (r: unknown, l: Lookup, p: Path, o: DomainError[]) => void)(record, look, ['record'], out);
  const parentTable = rule.parent;
  if (parentTable !== undefined) withinParent(record, (x) => look[parentTable](x), ['record'], out);
  if (rule.links) linksInForce(record as unknown as PartyOrg, look, ['record'], out);
  if (out.length > 0) return err(...out);
  return ok([{ type: rule.event, record } as OrgEvent]);
}

function decideEnd(dir: OrgDirectory, cmd: EndCommand): Result<readonly OrgEvent[]> {
  const rule = END[cmd.type];
  const out: DomainError[] = [];
  const on = date(cmd.on, ['on'], out);
  const rec = getRecord(dir[rule.collection] as RecordTable<Bounded>, cmd.id);
  if (!rec) out.push(unknownIn(rule.collection, cmd.id, ['id']));
  if (out.length > 0 || !rec || on === undefined) return err(...out);
  if (rec.validTo !== undefined)
    return err(orgError('org/already-ended', { id: rec.id, validTo: rec.validTo }, ['id']));
  // a moved unit or party organization cannot end before its current parent's first day (its former ones keep theirs)
  const start = currentParentFrom(rec);
  if (start !== undefined && on < start)
    return err(coreError('core/dates-out-of-order', { from: start, to: on }, ['on']));
  const follow = rule.follow?.(dir, rec.id, on, out) ?? [];
  if (out.length > 0) return err(...out);
  return ok([{ type: rule.event, id: cmd.id, on }, ...follow]);
}

function decidePeople(dir: OrgDirectory, cmd: OrgCommand): Result<readonly OrgEvent[]> {
  const out: DomainError[] = [];
  switch (cmd.type) {
    case 'join-party-org': {
      const from = date(cmd.from, ['from'], out);
      const asOf = from ? { asOf: from } : {};
      // as assign-post does: the person's record must be in force on the day they join
      const memberErr = checkRef(dir, { kind: 'member', id: cmd.memberId, ...asOf }, ['memberId']);
      if (memberErr) out.push(memberErr);
      const refErr = checkRef(dir, { kind: 'party-org', id: cmd.partyOrgId, ...asOf }, ['partyOrgId']);
      if (refErr) out.push(refErr);
      const m = getRecord(dir.members, cmd.memberId);
      if (out.length > 0 || !m || !from) return err(...out);
      if (!JOINABLE_STATUSES.includes(m.status))
        return err(orgError('org/not-valid-on', { id: m.id, asOf: from, status: m.status }, ['memberId']));
      if (m.party.standing === 'none') return err(orgError('org/not-a-party-member', { id: m.id }, ['memberId']));
      const clash = m.memberships.find(
        (ms) => ms.partyOrgId === cmd.partyOrgId && (ms.to === undefined || ms.to >= from),
      );
      if (clash) return err(orgError('org/overlapping-interval', { id: m.id, with: cmd.partyOrgId }, ['from']));
      return ok([{ type: 'party-org-joined', memberId: m.id, partyOrgId: cmd.partyOrgId, from }]);
    }
    case 'leave-party-org': {
      const on = date(cmd.on, ['on'], out);
      const m = getRecord(dir.members, cmd.memberId);
      if (!m) out.push(orgError('org/unknown-member', { id: cmd.memberId }, ['memberId']));
      if (out.length > 0 || !m || !on) return err(...out);
      const open = m.memberships.find((ms) => ms.partyOrgId === cmd.partyOrgId && ms.to === undefined);
      if (!open)
        return err(orgError('org/unknown-record', { id: cmd.partyOrgId, collection: 'memberships' }, ['partyOrgId']));
      if (on < open.from) return err(coreError('core/dates-out-of-order', { from: open.from, to: on }, ['on']));
      return ok([{ type: 'party-org-left', memberId: m.id, partyOrgId: cmd.partyOrgId, on }]);
    }
    case 'change-standing': {
      const m = getRecord(dir.members, cmd.memberId);
      if (!m) return err(orgError('org/unknown-member', { id: cmd.memberId }, ['memberId']));
      const party = parseWith(PartyStandingSchema, cmd.party, { path: ['party'] });
      if (!party.ok) return party;
      if (JSON.stringify(party.value) === JSON.stringify(m.party)) return ok([]);
      const next = { ...m, party: party.value };
      // A person may leave the party once every membership is closed and no party post is held.
      const stays = () =>
        m.memberships.some((ms) => ms.to === undefined) ||
        (indexOf(dir).holdings.get(m.id) ?? []).some(
          (h) => h.post.kind !== 'leader-in-charge' && !mayHoldPartyPost(next, h.tenure),
        );
      if (party.value.standing === 'none' && stays())
        return err(orgError('org/not-a-party-member', { id: m.id }, ['party']));
      // the same member rules as add-member (e.g. fullOn not before joinedOn); paths match the command's
      checkMember(next, stateLookup(dir), [], out);
      if (out.length > 0) return err(...out);
      return ok([{ type: 'standing-changed', memberId: m.id, party: party.value }]);
    }
    case 'assign-post': {
      const from = date(cmd.from, ['from'], out);
      const post = getRecord(dir.posts, cmd.postId);
      if (!post) out.push(orgError('org/unknown-record', { id: cmd.postId, collection: 'posts' }, ['postId']));
      const refErr = checkRef(dir, { kind: 'member', id: cmd.memberId, ...(from ? { asOf: from } : {}) }, ['memberId']);
      if (refErr) out.push(refErr);
      if (out.length > 0 || !post || !from) return err(...out);
      if (from < post.validFrom || (post.validTo !== undefined && from > post.validTo))
        return err(orgError('org/not-valid-on', { id: post.id, asOf: from }, ['from']));
      const tenure = { memberId: cmd.memberId, from };
      const m = getRecord(dir.members, cmd.memberId);
      // as join-party-org: a person no longer on the rolls (deceased, transferred out) takes no post
      if (m && !POST_HOLDER_STATUSES[post.kind].includes(m.status))
        return err(
          orgError('org/not-valid-on', { id: m.id, asOf: from, status: m.status, postId: post.id }, ['memberId']),
        );
      if (post.kind !== 'leader-in-charge' && m && !mayHoldPartyPost(m, tenure))
        return err(orgError('org/not-a-party-member', { id: cmd.memberId }, ['memberId']));
      const clash = post.holders.find((t) => t.memberId === cmd.memberId && (t.to === undefined || t.to >= from));
      if (clash) return err(orgError('org/overlapping-interval', { id: cmd.memberId, with: post.id }, ['from']));
      const other = SOLE_HOLDER_POSTS.includes(post.kind)
        ? post.holders.find((t) => t.memberId !== cmd.memberId && overlaps(t, tenure))
        : undefined;
      if (other) return err(orgError('org/overlapping-interval', { id: cmd.memberId, with: other.memberId }, ['from']));
      return ok([{ type: 'post-assigned', postId: post.id, memberId: cmd.memberId, from }]);
    }
    case 'vacate-post': {
      const on = date(cmd.on, ['on'], out);
      const post = getRecord(dir.posts, cmd.postId);
      if (!post) out.push(orgError('org/unknown-record', { id: cmd.postId, collection: 'posts' }, ['postId']));
      if (out.length > 0 || !post || !on) return err(...out);
      const open = post.holders.find((t) => t.memberId === cmd.memberId && t.to === undefined);
      if (!open) return err(orgError('org/unknown-record', { id: cmd.memberId, collection: 'holders' }, ['memberId']));
      if (on < open.from) return err(coreError('core/dates-out-of-order', { from: open.from, to: on }, ['on']));
      return ok([{ type: 'post-vacated', postId: post.id, memberId: cmd.memberId, on }]);
    }
    case 'record-election': {
      const electedOn = date(cmd.electedOn, ['electedOn'], out);
      const p = getRecord(dir.partyOrgs, cmd.partyOrgId);
      if (!p) out.push(orgError('org/unknown-party-org', { id: cmd.partyOrgId }, ['partyOrgId']));
      const normal = p ? DEFAULT_TERM_YEARS[p.kind] : undefined;
      if (p && normal === undefined)
        out.push(orgError('org/wrong-kind', { id: p.id, kind: p.kind, expected: ELECTED_KINDS }, ['partyOrgId']));
      const years = cmd.years ?? p?.term?.years ?? normal ?? 3;
      // 2.5 is no bound crossed: report it as the schemas report a non-integer (zod's `int`)
      if (!Number.isInteger(years)) out.push(coreError('core/invalid-type', { expected: 'int' }, ['years']));
      else if (years < 1 || years > 10)
        out.push(
          coreError(
            'core/out-of-range',
            { origin: 'years', bound: years < 1 ? 'min' : 'max', limit: years < 1 ? 1 : 10 },
            ['years'],
          ),
        );
      if (out.length > 0 || !p || !electedOn) return err(...out);
      if (!validOn(p, electedOn))
        return err(orgError('org/not-valid-on', { id: p.id, asOf: electedOn }, ['electedOn']));
      if (p.term && electedOn < p.term.electedOn)
        return err(coreError('core/dates-out-of-order', { from: p.term.electedOn, to: electedOn }, ['electedOn']));
      if (p.term && p.term.electedOn === electedOn && p.term.years === years) return ok([]);
      return ok([{ type: 'election-recorded', partyOrgId: p.id, electedOn, years }]);
    }
    default:
      throw new Error(`[shijian] unknown org command ${(cmd as { type: string }).type}`);
  }
}

function decideRestructure(
  dir: OrgDirectory,
  cmd: Extract<OrgCommand, { type: 'restructure' }>,
): Result<readonly OrgEvent[]> {
  const out: DomainError[] = [];
  const r = parseWith(RestructuringSchema, cmd.restructuring, { path: ['restructuring'] });
  const units = parseWith(NewUnitsSchema, cmd.newUnits ?? [], { path: ['newUnits'] });
  const orgs = parseWith(NewPartyOrgsSchema, cmd.newPartyOrgs ?? [], { path: ['newPartyOrgs'] });
  for (const x of [r, units, orgs]) if (!x.ok) out.push(...x.errors);
  if (!r.ok || !units.ok || !orgs.ok) return err(...out);
  const newUnits = units.value;
  const newOrgs = orgs.value;
  const rs = r.value;
  if (getRecord(dir.restructurings, rs.id))
    out.push(orgError('org/duplicate-id', { id: rs.id }, ['restructuring', 'id']));
  const unitMap = new Map(newUnits.map((u) => [u.id, u]));
  const orgMap = new Map(newOrgs.map((p) => [p.id, p]));
  const base = stateLookup(dir);
  const look: Lookup = {
    ...base,
    unit: (x) => base.unit(x) ?? unitMap.get(x),
    partyOrg: (x) => base.partyOrg(x) ?? orgMap.get(x),
  };
  const lastDay = addDays(rs.effectiveOn, -1);
  const ending = new Set(rs.originalIds.filter((oid) => !rs.resultingIds.includes(oid)));
  // a parent among the originals is seen as it will be: ended on the restructuring's last day
  const after = (rec: Bounded | undefined, subject: Restructuring['subject']): Bounded | undefined =>
    rec && rs.subject === subject && ending.has(rec.id) && (rec.validTo === undefined || rec.validTo > lastDay)
      ? { ...rec, validTo: lastDay }
      : rec;
  const links: LinkLookup = {
    unit: (x) => after(look.unit(x), 'unit'),
    partyOrg: (x) => after(look.partyOrg(x), 'party-org'),
  };
  const codes = indexOf(dir).unitByCode;
  const seenIds = new Set<string>();
  newUnits.forEach((u, i) => {
    if (base.unit(u.id) || seenIds.has(u.id))
      out.push(orgError('org/duplicate-id', { id: u.id }, ['newUnits', i, 'id']));
    seenIds.add(u.id);
    const owner = codes.get(u.code);
    if (owner !== undefined)
      out.push(orgError('org/duplicate-code', { code: u.code, ids: [owner, u.id] }, ['newUnits', i, 'code']));
    checkUnit(u, look, ['newUnits', i], out);
    withinParent(u, (x) => after(look.unit(x), 'unit'), ['newUnits', i], out);
  });
  newOrgs.forEach((p, i) => {
    if (base.partyOrg(p.id) || seenIds.has(p.id))
      out.push(orgError('org/duplicate-id', { id: p.id }, ['newPartyOrgs', i, 'id']));
    seenIds.add(p.id);
    checkPartyOrg(p, look, ['newPartyOrgs', i], out);
    withinParent(p, (x) => after(look.partyOrg(x), 'party-org'), ['newPartyOrgs', i], out);
    linksInForce(p, links, ['newPartyOrgs', i], out);
  });
  cycles(newUnits, 'newUnits', out);
  cycles(newOrgs, 'newPartyOrgs', out);
  checkRestructuring(rs, look, ['restructuring'], out);
  rs.originalIds.forEach((oid, i) => {
    if (!ending.has(oid)) return;
    const rec: Placed | undefined = rs.subject === 'unit' ? base.unit(oid) : base.partyOrg(oid);
    if (!rec) return;
    const path = ['restructuring', 'originalIds', i];
    // as end-unit: not before the first day of its current parent
    const start = currentParentFrom(rec);
    if (rec.validTo !== undefined && rec.validTo < lastDay)
      out.push(orgError('org/already-ended', { id: oid, validTo: rec.validTo }, path));
    else if (start !== undefined && lastDay < start)
      out.push(coreError('core/dates-out-of-order', { from: start, to: lastDay }, path));
    // With no result (a dissolve) a child unit has nowhere to go: refused as end-unit refuses it. With a
    // result it runs on under the ended original until the host moves it; see the restructure command.
    else {
      if (rs.subject === 'unit' && rs.resultingIds.length === 0) refuseChildUnits(dir, oid, lastDay, ending, path, out);
      refuseLaterLinks(dir, rs.subject, oid, lastDay, path, out);
    }
  });
  if (out.length > 0) return err(...out);
  const events: OrgEvent[] = [{ type: 'restructured', restructuring: rs, newUnits, newPartyOrgs: newOrgs }];
  if (rs.subject === 'party-org') {
    const joined = new Set<string>();
    const ended = new Set<string>();
    rs.originalIds.forEach((oid, i) => {
      if (!ending.has(oid)) return;
      const path = ['restructuring', 'originalIds', i];
      events.push(...moveMembers(dir, oid, lastDay, rs.resultingIds[0], joined, path, out));
      // posts are not moved: the result's posts are its own records, which the host adds
      events.push(...endPosts(dir, oid, lastDay, ended, path, out));
      // its 党小组 end with it (their members are not moved: they belong to the branch, which moves them);
      // a child that is itself an original ends through the restructuring
      events.push(...endChildren(dir, oid, lastDay, ending, ended, path, path, out));
    });
  }
  return out.length > 0 ? err(...out) : ok(events);
}

/**
 * Decides a directory command: refuses top-level fields its type does not have (`core/unknown-key`,
 * as the other deciders), checks the records it brings as `parseDirectory` would (shape, unknown references,
 * duplicate ids and codes, ids listed twice, overlapping memberships or tenures, parent kinds,
 * dates), and beyond a snapshot that no unit or party organization is left in force outside its
 * parent's validity and that a new party organization's unit, covered units and 党组 are in force
 * on its first day; holds a move to the rules of `MoveCommand` (a parent of an allowed kind and level, in
 * force through the record's validity, not under the record); and returns the events, or the errors that
 * refuse it. Pure; use it through `execute(orgDecider, dir, command, ctx)`.
 * @category Directory
 * @example
 * const r = decideOrg(dir, { type: 'end-unit', id: 'wh-salt', on: '2019-01-15' }, ctx);
 */
export function decideOrg(dir: OrgDirectory, command: OrgCommand, _ctx?: Context): Result<readonly OrgEvent[]> {
  // Commands may come from outside: refuse hostile input and unknown types before any field is read.
  const shape = parseWith(CommandShape, command);
  if (!shape.ok) return shape;
  const bad: DomainError[] = [];
  unknownKeys(command, bad);
  const idFields = Object.hasOwn(END, command.type) ? ['id'] : (ID_FIELDS[command.type] ?? []);
  for (const f of idFields) id((command as unknown as Record<string, unknown>)[f], [f], bad);
  if (bad.length > 0) return err(...bad);
  if (Object.hasOwn(ADD, command.type)) return decideAdd(dir, command as AddCommand);
  if (Object.hasOwn(END, command.type)) return decideEnd(dir, command as EndCommand);
  if (command.type === 'restructure') return decideRestructure(dir, command);
  if (command.type === 'move-unit' || command.type === 'move-party-org') return decideMove(dir, command);
  const out: DomainError[] = [];
  if ('memberId' in command) id(command.memberId, ['memberId'], out);
  if (out.length > 0) return err(...out);
  return decidePeople(dir, command);
}
