import type { IsoDate, LocalizedName, RecordTable } from '../core/index.js';
import type { Achievement, Activity, AwardingBody, BrandProfile, Honor, Period } from './schema.js';

/**
 * Where a brand stands: `draft` → `declared` (申报) → `cultivating` (培育) → `reviewed` (评选) → `named`
 * (命名/授牌, after the public notice) → `under-review` (复核) → back to `named` (kept), to `cultivating`
 * (downgraded) or `revoked` (撤销). Any active brand may also be revoked directly.
 * @category Brand
 */
export type BrandStatus = 'draft' | 'declared' | 'cultivating' | 'reviewed' | 'named' | 'under-review' | 'revoked';

/** The lifecycle stage of a brand; each status carries only the fields that mean something in it. @category Brand */
export type BrandStage =
  | { readonly status: 'draft'; readonly since: IsoDate }
  | { readonly status: 'declared'; readonly declaredOn: IsoDate; readonly declaredTo?: string }
  | {
      readonly status: 'cultivating';
      readonly declaredOn: IsoDate;
      readonly since: IsoDate;
      /** Present when the brand came back here from a periodic review (降级). */
      readonly downgradedOn?: IsoDate;
    }
  | {
      readonly status: 'reviewed';
      readonly declaredOn: IsoDate;
      readonly reviewedOn: IsoDate;
      readonly reviewedBy: string;
      readonly score?: number;
    }
  | {
      readonly status: 'named';
      readonly declaredOn: IsoDate;
      readonly namedOn: IsoDate;
      readonly namedBy: AwardingBody;
      readonly notice: Period;
      readonly lastReviewedOn?: IsoDate;
    }
  | {
      readonly status: 'under-review';
      readonly declaredOn: IsoDate;
      readonly namedOn: IsoDate;
      readonly namedBy: AwardingBody;
      readonly notice: Period;
      readonly reviewStartedOn: IsoDate;
      readonly lastReviewedOn?: IsoDate;
    }
  | {
      readonly status: 'revoked';
      readonly revokedOn: IsoDate;
      readonly reason: string;
      /** The status the brand had when it was withdrawn. */
      readonly revokedFrom: Exclude<BrandStatus, 'revoked'>;
      /** When it had been named, the day it was; kept for the record. */
      readonly namedOn?: IsoDate;
    };

/** The outcome of a periodic review (复核): kept, downgraded to cultivating, or withdrawn. @category Brand */
export type PeriodicReviewOutcome = 'kept' | 'downgraded' | 'withdrawn';

/** One step a brand went through, in the order it happened (the brand's own history). @category Brand */
export interface BrandStep {
  readonly step:
    | 'drafted'
    | 'declared'
    | 'cultivation-started'
    | 'selected'
    | 'not-selected'
    | 'named'
    | 'periodic-review-started'
    | 'kept'
    | 'downgraded'
    | 'withdrawn'
    | 'revoked'
    | 'renamed'
    | 'rebranded'
    | 'handed-over';
  readonly on: IsoDate;
  readonly note?: string;
}

/** A name a brand carried before a rename or re-branding; the old name is never lost. @category Brand */
export interface FormerName {
  readonly name: LocalizedName;
  readonly slogan?: string;
  /** The day the new name took over. */
  readonly until: IsoDate;
  readonly change: 'rename' | 'rebrand';
  readonly reason: string;
}

/** A brand handed to the successor of a merged or restructured branch. @category Brand */
export interface HandOver {
  readonly fromBranchId: string;
  readonly toBranchId: string;
  readonly on: IsoDate;
}

/**
 * One branch's brand (一支部一品牌): its profile, lifecycle stage, history, achievements and honors.
 * @category Brand
 */
export interface BranchBrand {
  readonly id: string;
  /** The party branch that holds the brand now (after any hand-over). */
  readonly branchId: string;
  /** The unit the branch belongs to, when known from the org directory or the command. */
  readonly unitId?: string;
  readonly profile: BrandProfile;
  readonly stage: BrandStage;
  readonly history: readonly BrandStep[];
  readonly formerNames: readonly FormerName[];
  readonly handOvers: readonly HandOver[];
  readonly achievements: readonly Achievement[];
  readonly honors: readonly Honor[];
  readonly createdOn: IsoDate;
}

/**
 * The brand register of a bureau: every brand by id (revoked ones included), the active brand of each
 * branch, and the branches' activities.
 * @category Brand
 */
export interface BrandState {
  readonly version: number;
  readonly brands: RecordTable<BranchBrand>;
  /** branch id → id of its one active (not revoked) brand. */
  readonly activeByBranch: RecordTable<string>;
  readonly activities: RecordTable<Activity>;
}

/**
 * The empty brand register.
 * @category Brand
 * @example
 * const r = execute(brandDecider, initialBrandState, command, ctx);
 */
export const initialBrandState: BrandState = {
  version: 0,
  brands: {},
  activeByBranch: {},
  activities: {},
};

/**
 * True while a brand counts for "one branch, one brand": every status but `revoked`.
 * @category Brand
 * @example
 * isActive(brand); // false once withdrawn
 */
export function isActive(brand: Pick<BranchBrand, 'stage'>): boolean {
  return brand.stage.status !== 'revoked';
}
