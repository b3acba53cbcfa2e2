import { coreError } from '../../core/errors-core.js';
import type { DomainError } from '../../core/index.js';
import type { AddCommand, EndCommand, MoveCommand, OrgCommand } from '../commands.js';

/** The command of one type (an `end-*` type gives `EndCommand`, whose `type` is a union). */
type CommandOf<T extends OrgCommand['type']> = OrgCommand extends infer C
  ? C extends { readonly type: infer U }
    ? T extends U
      ? C
      : never
    : never
  : never;

/** Every field of a command, optional ones included: a field added to a command must be listed here. */
type Fields<C> = { readonly [K in keyof C]-?: true };

const ADD_FIELDS: Fields<AddCommand> = { type: true, record: true };
const END_FIELDS: Fields<EndCommand> = { type: true, id: true, on: true };
const MOVE_FIELDS: Fields<MoveCommand> = { type: true, id: true, parentId: true, on: true };

/** The top-level fields each command type may have; anything else is `core/unknown-key`. */
const COMMAND_FIELDS: { readonly [T in OrgCommand['type']]: Fields<CommandOf<T>> } = {
  'add-unit': ADD_FIELDS,
  'add-party-org': ADD_FIELDS,
  'add-member': ADD_FIELDS,
  'add-post': ADD_FIELDS,
  'add-pairing': ADD_FIELDS,
  'add-market-entity': ADD_FIELDS,
  'add-liaison': ADD_FIELDS,
  'add-grid': ADD_FIELDS,
  'end-unit': END_FIELDS,
  'end-party-org': END_FIELDS,
  'end-member': END_FIELDS,
  'end-post': END_FIELDS,
  'end-pairing': END_FIELDS,
  'end-market-entity': END_FIELDS,
  'end-liaison': END_FIELDS,
  'end-grid': END_FIELDS,
  'move-unit': MOVE_FIELDS,
  'move-party-org': MOVE_FIELDS,
  'join-party-org': { type: true, memberId: true, partyOrgId: true, from: true },
  'leave-party-org': { type: true, memberId: true, partyOrgId: true, on: true },
  'change-standing': { type: true, memberId: true, party: true },
  'assign-post': { type: true, postId: true, memberId: true, from: true },
  'vacate-post': { type: true, postId: true, memberId: true, on: true },
  'record-election': { type: true, partyOrgId: true, electedOn: true, years: true },
  restructure: { type: true, restructuring: true, newUnits: true, newPartyOrgs: true },
};

/**
 * One `core/unknown-key` at the command (path `[]`, `details.keys` listing every top-level field no
 * command of the type has), exactly as the strict command schemas of the other deciders report it.
 */
export function unknownKeys(command: OrgCommand, out: DomainError[]): void {
  const allowed = COMMAND_FIELDS[command.type];
  const keys = Object.keys(command).filter((key) => !Object.hasOwn(allowed, key));
  if (keys.length > 0) out.push(coreError('core/unknown-key', { keys }, []));
}
