import type { IsoDate } from '../core/index.js';
import type { AddRecordMap, EndCommandType, MoveCommandType } from './commands.js';
import type { OrgUnit, PartyOrg, PartyStanding, Restructuring } from './schema.js';

/** The event each `add-*` command records. @category Directory */
export interface AddedEventMap {
  readonly 'unit-added': AddRecordMap['add-unit'];
  readonly 'party-org-added': AddRecordMap['add-party-org'];
  readonly 'member-added': AddRecordMap['add-member'];
  readonly 'post-added': AddRecordMap['add-post'];
  readonly 'pairing-added': AddRecordMap['add-pairing'];
  readonly 'market-entity-added': AddRecordMap['add-market-entity'];
  readonly 'liaison-added': AddRecordMap['add-liaison'];
  readonly 'grid-added': AddRecordMap['add-grid'];
}

/** A record was added. @category Directory */
export type AddedEvent = {
  readonly [T in keyof AddedEventMap]: { readonly type: T; readonly record: AddedEventMap[T] };
}[keyof AddedEventMap];

/** The event type each `end-*` command records, e.g. `unit-ended`. @category Directory */
export type EndedEventType = EndCommandType extends `end-${infer R}` ? `${R}-ended` : never;

/** A record's last day in force was set. @category Directory */
export interface EndedEvent {
  readonly type: EndedEventType;
  readonly id: string;
  readonly on: IsoDate;
}

/** The event type each `move-*` command records: `unit-moved` or `party-org-moved`. @category Directory */
export type MovedEventType = MoveCommandType extends `move-${infer R}` ? `${R}-moved` : never;

/**
 * A unit or party organization answers to `parentId` from `on`; its parent before that goes to
 * `formerParents`, through the day before `on`.
 * @category Directory
 */
export interface MovedEvent {
  readonly type: MovedEventType;
  readonly id: string;
  readonly parentId: string;
  readonly on: IsoDate;
}

/**
 * What happened to the directory. Events of one command are applied in the order listed; a
 * `restructured` event is followed by the `party-org-left` / `party-org-joined` events that move
 * the members of ended party organizations to the first result (each person once), and a
 * `party-org-ended` event by the `party-org-left` events of its members. Both then end the party
 * organization's posts and those held for it: per post, a `post-vacated` for each open tenure, then
 * `post-ended`. Last come its child 党小组 (`group`), which end on the same day: per group, a
 * `party-org-ended`, its members' `party-org-left`, then its posts as above.
 * @category Directory
 */
export type OrgEvent =
  | AddedEvent
  | EndedEvent
  | MovedEvent
  | {
      readonly type: 'party-org-joined';
      readonly memberId: string;
      readonly partyOrgId: string;
      readonly from: IsoDate;
    }
  | { readonly type: 'party-org-left'; readonly memberId: string; readonly partyOrgId: string; readonly on: IsoDate }
  | { readonly type: 'standing-changed'; readonly memberId: string; readonly party: PartyStanding }
  | { readonly type: 'post-assigned'; readonly postId: string; readonly memberId: string; readonly from: IsoDate }
  | { readonly type: 'post-vacated'; readonly postId: string; readonly memberId: string; readonly on: IsoDate }
  | {
      readonly type: 'election-recorded';
      readonly partyOrgId: string;
      readonly electedOn: IsoDate;
      readonly years: number;
    }
  | {
      readonly type: 'restructured';
      readonly restructuring: Restructuring;
      readonly newUnits: readonly OrgUnit[];
      readonly newPartyOrgs: readonly PartyOrg[];
    };
