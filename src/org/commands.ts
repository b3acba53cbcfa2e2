import type { IsoDate } from '../core/index.js';
import type {
  Grid,
  Liaison,
  MarketEntity,
  Member,
  OrgUnit,
  Pairing,
  PartyOrg,
  PartyStanding,
  Post,
  Restructuring,
} from './schema.js';

/** The record each `add-*` command carries. @category Directory */
export interface AddRecordMap {
  readonly 'add-unit': OrgUnit;
  readonly 'add-party-org': PartyOrg;
  readonly 'add-member': Member;
  readonly 'add-post': Post;
  readonly 'add-pairing': Pairing;
  readonly 'add-market-entity': MarketEntity;
  readonly 'add-liaison': Liaison;
  readonly 'add-grid': Grid;
}

/**
 * Adds a new record to the directory; it is checked like a record of a snapshot. A unit or party
 * organization placed under a parent (`parentId`) must also lie within the parent's validity: the
 * parent in force from the record's `validFrom` through its `validTo`, and with no end of its own
 * if the record has none. Otherwise `org/not-valid-on` at `record.parentId`, with the parent's id
 * and `asOf` the first day the record would be in force without it. A snapshot is not refused for
 * this (`checkDirectory` reports a child outliving its parent as `org/outlives-parent`).
 *
 * A party organization's other links must be in force on its `validFrom`: the unit it sits in
 * (`unitId`), each unit it covers (`covers`) and its 党组 (`leadingGroupId`); otherwise
 * `org/not-valid-on` at `record.unitId`, `record.covers[i]` or `record.leadingGroupId`, with the
 * linked id and `asOf` the party organization's `validFrom`. Only the start is held: the unit may
 * or its 党组 end while the party organization runs on, since the party line adjusts it later with
 * the higher organization's approval (`checkDirectory` reports that as `org/unit-ended` or
 * `org/leading-group-ended`).
 * @category Directory
 */
export type AddCommand = {
  readonly [T in keyof AddRecordMap]: { readonly type: T; readonly record: AddRecordMap[T] };
}[keyof AddRecordMap];

/** The `end-*` command types: each sets the last day a record is in force. @category Directory */
export type EndCommandType =
  | 'end-unit'
  | 'end-party-org'
  | 'end-member'
  | 'end-post'
  | 'end-pairing'
  | 'end-market-entity'
  | 'end-liaison'
  | 'end-grid';

/**
 * Ends a record: `on` is its last day in force. Nothing is deleted. Ending a party organization also
 * ends its open memberships on `on`, and its posts and the guide/tutor/overseer posts held for it
 * (open tenures vacated, then the post ended), and its child 党小组 (`group`) with their memberships
 * and posts; it is refused while a membership, post, tenure or group starts after `on`
 * (`core/dates-out-of-order`), and while a child party organization of another kind (a branch under a
 * 总支 or 党委) runs on under it past `on` (`org/invalid-parent-kind` at `id`: end, restructure or move it
 * with `move-party-org` first).
 *
 * Ending a unit ends nothing else. It is refused in the same way while a child unit (`parentId`: a
 * station under a county bureau, a department under a bureau) runs on under it past `on`: one
 * `org/invalid-parent-kind` at `id` per child, `details.parentId`/`endsOn` set; end, restructure or
 * move (`move-unit`, on or before the day after `on`) the children first. A unit or party organization
 * that was moved cannot end before the first day of its current parent (`core/dates-out-of-order` at `on`). The party organizations sited in the unit (`unitId`) neither end with it nor
 * block it: a party organization is set up, adjusted and ended by the party line with the higher
 * organization's approval, separate from the unit it sits in, so the host records that with
 * `end-party-org` or a party-organization restructuring, as a unit restructuring also leaves them.
 * @category Directory
 */
export interface EndCommand {
  readonly type: EndCommandType;
  readonly id: string;
  readonly on: IsoDate;
}

/** The `move-*` command types: each re-parents a unit or party organization. @category Directory */
export type MoveCommandType = 'move-unit' | 'move-party-org';

/**
 * Moves a unit (a station to the county bureau that merged its own) or a party organization (a branch to the
 * 机关党委 that took over) under `parentId` from `on`, keeping its id: the parent it had before stays in its
 * `formerParents` through the day before `on`. Only the 隶属关系 changes, so nothing else does: not its
 * children (they move with it), members, posts or lineage.
 *
 * Refused: an unknown record (`org/unknown-unit` / `org/unknown-party-org` at `id`) or parent (at `parentId`);
 * a record not in force on `on` (`org/not-valid-on` at `on`); `on` not after the first day of its current
 * parent (`core/dates-out-of-order` at `on`, `from` the earliest day a move may take effect), since each parent
 * keeps at least one day; a parent of a kind that cannot hold it (`org/invalid-parent-kind`) or, for a unit
 * whose kind takes its parent's level, at another level (`org/level-mismatch`), both at `parentId`; a parent
 * not in force from `on` through the record's `validTo` (`org/not-valid-on` at `parentId`, `asOf` the first day
 * without it, as in `add-unit`); and a parent that is the record itself or under it on any of those days
 * (`org/cycle` at `parentId`). A move to the parent it already has changes nothing (no event). A record with no
 * parent may be given one (its former entry then has no `parentId`); taking a parent away is not a move.
 * @category Directory
 */
export interface MoveCommand {
  readonly type: MoveCommandType;
  readonly id: string;
  readonly parentId: string;
  readonly on: IsoDate;
}

/**
 * A command to the directory decider: add, end or move records, move people in and out of party
 * organizations and posts, record an election, or restructure units and party organizations.
 * @category Directory
 */
export type OrgCommand =
  | AddCommand
  | EndCommand
  | MoveCommand
  | { readonly type: 'join-party-org'; readonly memberId: string; readonly partyOrgId: string; readonly from: IsoDate }
  | { readonly type: 'leave-party-org'; readonly memberId: string; readonly partyOrgId: string; readonly on: IsoDate }
  | { readonly type: 'change-standing'; readonly memberId: string; readonly party: PartyStanding }
  /**
   * Gives a person a post from `from`. The person's record must be in force then, and the person on the
   * rolls: `active` or `retired` for a party post, `active` for a leader in charge; otherwise
   * `org/not-valid-on` at `memberId`, `details.status` naming why.
   */
  | { readonly type: 'assign-post'; readonly postId: string; readonly memberId: string; readonly from: IsoDate }
  | { readonly type: 'vacate-post'; readonly postId: string; readonly memberId: string; readonly on: IsoDate }
  | {
      readonly type: 'record-election';
      readonly partyOrgId: string;
      readonly electedOn: IsoDate;
      /**
       * Term length in whole years, 1 to 10; when absent, keeps the current one, else the kind's normal
       * term: 5 for a 党委 or 机关党委 (`committee`, `organ-committee`), 3 for a 党总支 or 党支部. A 党小组
       * or 党组 has no elected term and is refused (`org/wrong-kind`). `electedOn` must fall within the
       * party organization's validity (`org/not-valid-on`).
       */
      readonly years?: number;
    }
  /**
   * Restructures units or party organizations; originals that are not results end the day before
   * `effectiveOn`. A new unit or party organization under a parent must lie within the parent's
   * validity as in `add-unit`, an ending original taken as ending on that day (`org/not-valid-on` at
   * `newUnits[i].parentId` or `newPartyOrgs[i].parentId`). A new party organization's unit, covered
   * units and 党组 must be in force on its `validFrom` as in `add-party-org`, an ending original
   * likewise taken as ending (`org/not-valid-on` at `newPartyOrgs[i].unitId`, `.covers[j]` or
   * `.leadingGroupId`). An ending party organization takes its
   * 党小组 with it and is refused while another child runs on, as in `end-party-org`; a unit dissolved
   * without a result is refused while a child unit not among the originals runs on, as in `end-unit`.
   * With a result, the child units of an ending original unit are not moved by the restructuring: they stay
   * under it, and `checkDirectory` reports them (`org/outlives-parent`), until the host moves them to the result
   * with `move-unit` on `effectiveOn` (same id, the original kept in `formerParents`), or ends them. Child party
   * organizations likewise move with `move-party-org`.
   */
  | {
      readonly type: 'restructure';
      readonly restructuring: Restructuring;
      /** Units the restructuring creates (their ids appear in `resultingIds`). */
      readonly newUnits?: readonly OrgUnit[];
      /** Party organizations the restructuring creates. */
      readonly newPartyOrgs?: readonly PartyOrg[];
    };
