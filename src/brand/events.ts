import type { IsoDate, LocalizedName } from '../core/index.js';
import type { Achievement, Activity, AwardingBody, BrandProfile, Honor, Period, ProfileChanges } from './schema.js';
import type { PeriodicReviewOutcome } from './state.js';

/**
 * What happened to the brand register. Events are public API: their `type`s and fields never change
 * meaning. The events of one command come in the order they are applied.
 * @category Brand
 */
export type BrandEvent =
  | {
      readonly type: 'brand-drafted';
      readonly brandId: string;
      readonly branchId: string;
      readonly unitId?: string;
      readonly on: IsoDate;
      readonly profile: BrandProfile;
    }
  | {
      readonly type: 'profile-updated';
      readonly brandId: string;
      readonly on: IsoDate;
      readonly changes: ProfileChanges;
    }
  | { readonly type: 'brand-declared'; readonly brandId: string; readonly on: IsoDate; readonly declaredTo?: string }
  | { readonly type: 'cultivation-started'; readonly brandId: string; readonly on: IsoDate }
  | {
      readonly type: 'brand-reviewed';
      readonly brandId: string;
      readonly on: IsoDate;
      readonly reviewedBy: string;
      readonly outcome: 'selected' | 'not-selected';
      readonly score?: number;
    }
  | {
      readonly type: 'brand-named';
      readonly brandId: string;
      readonly on: IsoDate;
      readonly namedBy: AwardingBody;
      readonly notice: Period;
    }
  | { readonly type: 'periodic-review-started'; readonly brandId: string; readonly on: IsoDate }
  | {
      readonly type: 'periodic-review-concluded';
      readonly brandId: string;
      readonly on: IsoDate;
      readonly outcome: PeriodicReviewOutcome;
      readonly reason?: string;
    }
  | { readonly type: 'brand-revoked'; readonly brandId: string; readonly on: IsoDate; readonly reason: string }
  | {
      readonly type: 'brand-renamed';
      readonly brandId: string;
      readonly on: IsoDate;
      readonly name: LocalizedName;
      readonly slogan?: string;
      readonly reason: string;
    }
  | {
      readonly type: 'brand-rebranded';
      readonly brandId: string;
      readonly on: IsoDate;
      readonly name: LocalizedName;
      readonly slogan?: string;
      readonly logoRef?: string;
      readonly connotation?: string;
      readonly workingMethod?: string;
      readonly reason: string;
    }
  | {
      readonly type: 'brand-handed-over';
      readonly brandId: string;
      readonly on: IsoDate;
      readonly fromBranchId: string;
      readonly toBranchId: string;
      readonly toUnitId?: string;
    }
  | { readonly type: 'achievement-recorded'; readonly brandId: string; readonly achievement: Achievement }
  | { readonly type: 'honor-recorded'; readonly brandId: string; readonly honor: Honor }
  | { readonly type: 'activity-recorded'; readonly activity: Activity };

/** The `type` of a {@link BrandEvent}. @category Brand */
export type BrandEventType = BrandEvent['type'];
