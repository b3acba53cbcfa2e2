import { coreError } from '../../core/errors-core.js';
import {
  addDays,
  type DomainError,
  err,
  type IsoDate,
  IsoDateSchema,
  ok,
  parseWith,
  type Result,
} from '../../core/index.js';
import type { MoveCommand, MoveCommandType } from '../commands.js';
import { type OrgDirectory, stateLookup } from '../directory.js';
import { orgError } from '../errors.js';
import type { MovedEventType, OrgEvent } from '../events.js';
import type { OrgUnit, PartyOrg } from '../schema.js';
import { currentParentFrom, cycleThrough, type Parented } from './parents.js';
import { checkPartyParent, checkUnitParent, type Lookup } from './structure.js';
import { firstDayOutside, validOn } from './validity.js';

type Movable = Parented & { readonly id: string; readonly validFrom: IsoDate };

interface MoveRule {
  readonly event: MovedEventType;
  readonly unknown: 'org/unknown-unit' | 'org/unknown-party-org';
  readonly find: (look: Lookup, id: string) => Movable | undefined;
  /** The kind (and for a unit, level) rules `parentId` is held to in a snapshot, at the command's `parentId`. */
  readonly parentRules: (record: Movable, parentId: string, look: Lookup, out: DomainError[]) => void;
}

const MOVE: { readonly [T in MoveCommandType]: MoveRule } = {
  'move-unit': {
    event: 'unit-moved',
    unknown: 'org/unknown-unit',
    find: (look, id) => look.unit(id),
    parentRules: (r, parentId, look, out) => checkUnitParent(r as OrgUnit, parentId, look, out, true, [], 'parentId'),
  },
  'move-party-org': {
    event: 'party-org-moved',
    unknown: 'org/unknown-party-org',
    find: (look, id) => look.partyOrg(id),
    parentRules: (r, parentId, look, out) => checkPartyParent(r as PartyOrg, parentId, look, out, [], 'parentId'),
  },
};

/**
 * Decides `move-unit` and `move-party-org` (see `MoveCommand` for the rules and codes). The id fields have been
 * checked as ids by the caller.
 */
export function decideMove(dir: OrgDirectory, cmd: MoveCommand): Result<readonly OrgEvent[]> {
  const rule = MOVE[cmd.type];
  const look = stateLookup(dir);
  const out: DomainError[] = [];
  const date = parseWith(IsoDateSchema, cmd.on, { path: ['on'] });
  if (!date.ok) out.push(...date.errors);
  const rec = rule.find(look, cmd.id);
  if (!rec) out.push(orgError(rule.unknown, { id: cmd.id }, ['id']));
  if (!rec || !date.ok) return err(...out);
  const on = date.value;
  if (!validOn(rec, on)) return err(orgError('org/not-valid-on', { id: rec.id, asOf: on }, ['on']));
  if (rec.parentId === cmd.parentId) return ok([]);
  // each parent keeps at least one day: the current one is left the day before `on`
  const start = currentParentFrom(rec) ?? rec.validFrom;
  if (on <= start) return err(coreError('core/dates-out-of-order', { from: addDays(start, 1), to: on }, ['on']));
  rule.parentRules(rec, cmd.parentId, look, out);
  const parent = rule.find(look, cmd.parentId);
  if (parent) {
    const asOf = firstDayOutside({ validFrom: on, validTo: rec.validTo }, parent);
    if (asOf !== undefined) out.push(orgError('org/not-valid-on', { id: parent.id, asOf }, ['parentId']));
    const ids = cycleThrough((x) => rule.find(look, x), rec.id, parent.id, on, rec.validTo);
    if (ids) out.push(orgError('org/cycle', { ids }, ['parentId']));
  }
  if (out.length > 0) return err(...out);
  return ok([{ type: rule.event, id: rec.id, parentId: cmd.parentId, on }]);
}
