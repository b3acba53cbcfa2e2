import type { Draft } from 'immer';
import {
  addDays,
  type Decider,
  getRecord,
  type IsoDate,
  putRecord,
  type Recorded,
  type RecordTable,
  replay,
} from '../core/index.js';
import type { OrgCommand } from './commands.js';
import { decideOrg } from './decide.js';
import { emptyDirectory, type OrgDirectory } from './directory.js';
import type { AddedEventMap, EndedEventType, MovedEventType, OrgEvent } from './events.js';
import type { Collection, FormerParent } from './schema.js';

type Writable = { validTo?: string };
type Movable = { parentId?: string; formerParents?: FormerParent[]; validFrom: string };

const ADDED: { readonly [T in keyof AddedEventMap]: Collection } = {
  'unit-added': 'units',
  'party-org-added': 'partyOrgs',
  'member-added': 'members',
  'post-added': 'posts',
  'pairing-added': 'pairings',
  'market-entity-added': 'marketEntities',
  'liaison-added': 'liaisons',
  'grid-added': 'grids',
};

const ENDED: { readonly [T in EndedEventType]: Collection } = {
  'unit-ended': 'units',
  'party-org-ended': 'partyOrgs',
  'member-ended': 'members',
  'post-ended': 'posts',
  'pairing-ended': 'pairings',
  'market-entity-ended': 'marketEntities',
  'liaison-ended': 'liaisons',
  'grid-ended': 'grids',
};

const MOVED: { readonly [T in MovedEventType]: 'units' | 'partyOrgs' } = {
  'unit-moved': 'units',
  'party-org-moved': 'partyOrgs',
};

/**
 * The current parent goes to `formerParents` through the day before the move. A move the decider would not
 * have recorded (to the same parent, or on or before the first day of the current parent) is skipped, as
 * `party-org-left` skips a membership it cannot close, so a hand-written log cannot corrupt the history.
 */
function move(rec: Movable, parentId: string, on: string): void {
  const former = rec.formerParents;
  const last = former?.[former.length - 1];
  const validTo = addDays(on as IsoDate, -1);
  if (rec.parentId === parentId || validTo < (last === undefined ? rec.validFrom : addDays(last.validTo, 1))) return;
  const entry: FormerParent = rec.parentId === undefined ? { validTo } : { parentId: rec.parentId, validTo };
  if (former) former.push(entry);
  else rec.formerParents = [entry];
  rec.parentId = parentId;
}

function table(draft: Draft<OrgDirectory>, c: Collection): RecordTable<unknown> {
  return draft[c] as unknown as RecordTable<unknown>;
}

/**
 * Folds one directory event into a draft of the directory. It copies every nested object of the
 * event, so the state never shares structure with the event log.
 * @category Directory
 * @example
 * const dir = replay(orgDecider, events); // evolveOrg is orgDecider.evolve
 */
export function evolveOrg(draft: Draft<OrgDirectory>, event: Recorded<OrgEvent>): void {
  const t = event.type;
  if (Object.hasOwn(ADDED, t)) {
    const e = event as Extract<OrgEvent, { record: unknown }>;
    putRecord(table(draft, ADDED[t as keyof AddedEventMap]), e.record.id, structuredClone(e.record));
    return;
  }
  if (Object.hasOwn(ENDED, t)) {
    const e = event as Extract<OrgEvent, { type: EndedEventType }>;
    const rec = getRecord(table(draft, ENDED[e.type]), e.id) as Writable | undefined;
    if (rec) rec.validTo = e.on;
    return;
  }
  if (Object.hasOwn(MOVED, t)) {
    const e = event as Extract<OrgEvent, { type: MovedEventType }>;
    const rec = getRecord(table(draft, MOVED[e.type]), e.id) as Movable | undefined;
    if (rec) move(rec, e.parentId, e.on);
    return;
  }
  switch (event.type) {
    case 'party-org-joined': {
      getRecord(draft.members, event.memberId)?.memberships.push({ partyOrgId: event.partyOrgId, from: event.from });
      return;
    }
    case 'party-org-left': {
      const m = getRecord(draft.members, event.memberId);
      // never end a membership before it starts (a log written before the decider refused that case)
      const open = m?.memberships.find(
        (ms) => ms.partyOrgId === event.partyOrgId && ms.to === undefined && ms.from <= event.on,
      );
      if (open) open.to = event.on;
      return;
    }
    case 'standing-changed': {
      const m = getRecord(draft.members, event.memberId);
      if (m) m.party = { ...event.party };
      return;
    }
    case 'post-assigned': {
      getRecord(draft.posts, event.postId)?.holders.push({ memberId: event.memberId, from: event.from });
      return;
    }
    case 'post-vacated': {
      const p = getRecord(draft.posts, event.postId);
      const open = p?.holders.find((h) => h.memberId === event.memberId && h.to === undefined);
      if (open) open.to = event.on;
      return;
    }
    case 'election-recorded': {
      const p = getRecord(draft.partyOrgs, event.partyOrgId);
      if (p) p.term = { electedOn: event.electedOn, years: event.years };
      return;
    }
    case 'restructured': {
      const r = event.restructuring;
      putRecord(draft.restructurings, r.id, structuredClone(r));
      for (const u of event.newUnits) putRecord(draft.units, u.id, structuredClone(u));
      for (const p of event.newPartyOrgs) putRecord(draft.partyOrgs, p.id, structuredClone(p));
      const lastDay = addDays(r.effectiveOn, -1);
      const source = r.subject === 'unit' ? draft.units : draft.partyOrgs;
      for (const id of r.originalIds) {
        if (r.resultingIds.includes(id)) continue;
        const rec = getRecord(source as RecordTable<unknown>, id) as Writable | undefined;
        if (rec && (rec.validTo === undefined || rec.validTo > lastDay)) rec.validTo = lastDay;
      }
      return;
    }
    default:
      throw new Error(`[shijian] unknown org event ${t}`);
  }
}

/**
 * The directory decider: every change to units, party organizations, people, posts,
 * restructurings, pairings, market entities, liaisons and grids goes through it, so it is recorded
 * with its actor and time and can be replayed.
 * @category Directory
 * @example
 * const r = execute(orgDecider, dir, { type: 'add-unit', record: unit }, ctx);
 * if (r.ok) dir = r.value.state;
 */
export const orgDecider: Decider<OrgDirectory, OrgCommand, OrgEvent> = {
  kind: 'org',
  initialState: emptyDirectory,
  decide: decideOrg,
  evolve: evolveOrg,
};

/**
 * Rebuilds a directory from its recorded events (from the empty directory, or from `from`).
 * @category Directory
 * @example
 * const dir = replayOrg(events);
 */
export function replayOrg(events: readonly Recorded<OrgEvent>[], from?: OrgDirectory): OrgDirectory {
  return replay(orgDecider, events, from ? { from } : {});
}
