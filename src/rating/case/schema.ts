import type { IsoDate } from '../../core/index.js';
import type { AdminLevel, StarLevel } from '../stars.js';

/**
 * The steps of a rating case in the order they must happen: 申报推荐 → 审核材料 → 实地考察 → 反馈意见 →
 * 党组会议研究 → 公示 → 授牌, then 复核 (re-check) while the award is in force.
 * @category Rating case
 */
export type RatingStep =
  | 'apply'
  | 'review-materials'
  | 'inspect-on-site'
  | 'give-feedback'
  | 'decide-at-meeting'
  | 'start-notice'
  | 'award'
  | 'recheck';

/** The workflow steps up to the award, in order; a case never skips one. @category Rating case */
export const RATING_STEPS: readonly RatingStep[] = [
  'apply',
  'review-materials',
  'inspect-on-site',
  'give-feedback',
  'decide-at-meeting',
  'start-notice',
  'award',
];

/**
 * Where a rating case stands. `applied` … `in-notice` are open; `awarded` holds the star; `demoted`
 * holds a lower star and, like `awarded`, stays open for re-check (复核: keep, demote further or
 * withdraw) until the award's validity ends; `withdrawn` (摘牌), `superseded` and `rejected` are closed.
 * @category Rating case
 */
export type RatingCaseStatus =
  | 'applied'
  | 'materials-reviewed'
  | 'inspected'
  | 'feedback-given'
  | 'approved'
  | 'in-notice'
  | 'awarded'
  | 'demoted'
  | 'withdrawn'
  | 'superseded'
  | 'rejected';

/** How a public-notice period is counted: working days on the official calendar, or calendar days. @category Rating case */
export type NoticeCounting = 'workdays' | 'days';

/** What a re-check (复核) concludes: keep the star, lower it, or withdraw it (摘牌). @category Rating case */
export type RecheckOutcome = 'keep' | 'demote' | 'withdraw';

/** One line of a case's history: what was done, on which day, by whom. @category Rating case */
export interface RatingHistoryEntry {
  readonly step: RatingStep | 'objection' | 'objection-resolved' | 'superseded' | 'rejected';
  readonly on: IsoDate;
  readonly actor: string;
  /** The event seq that recorded it. */
  readonly seq: number;
  readonly note?: string;
}

/** The public notice (公示) of a case: its first and last day and how it was counted. @category Rating case */
export interface PublicNotice {
  readonly from: IsoDate;
  /** The last day of the notice; the award may be made from the next day on. */
  readonly until: IsoDate;
  readonly days: number;
  readonly counting: NoticeCounting;
}

/** An objection raised during the public notice; open until resolved. @category Rating case */
export type Objection = {
  readonly objectionId: string;
  readonly raisedOn: IsoDate;
  readonly text: string;
} & (
  | { readonly status: 'open' }
  | { readonly status: 'upheld' | 'dismissed'; readonly resolvedOn: IsoDate; readonly note: string }
);

/** The award (授牌) itself: who made it, at which level, and how long it is valid. @category Rating case */
export interface Award {
  readonly awardedOn: IsoDate;
  /** The bureau that awarded the star. */
  readonly awardedBy: string;
  readonly awardingLevel: AdminLevel;
  /** The rating cycle in years (two for five stars; one or two for lower stars). */
  readonly cycleYears: 1 | 2;
  /** The last day the award is valid. */
  readonly validUntil: IsoDate;
  /** Months between periodic re-checks inside the cycle; absent when only the end of the cycle is checked. */
  readonly recheckEveryMonths?: number;
  readonly certificateNo?: string;
}

/** One demotion (降级) at a re-check: the day and the star held from then on. @category Rating case */
export interface Demotion {
  readonly on: IsoDate;
  readonly toStar: StarLevel;
}

/**
 * The demotions an award went through. Kept after a later withdrawal or supersession, so that the
 * star held on any past day can still be told (降级直至取消: a five-star award may fall to four, then three).
 * @category Rating case
 */
export interface DemotionTrail {
  /** The day of the latest demotion. */
  readonly demotedOn: IsoDate;
  /** The star held since the latest demotion. */
  readonly toStar: StarLevel;
  /** Every demotion, oldest first. */
  readonly demotions: readonly Demotion[];
}

/** What every rating case carries, whatever its status. @category Rating case */
export interface RatingCaseBase {
  readonly caseId: string;
  /** The rated unit (a station, or a 分局 doing a station's work). */
  readonly unitId: string;
  readonly star: StarLevel;
  /** The case belongs to a first round, where 逐级申报 (holding the star below first) is waived. */
  readonly firstRound: boolean;
  /** The unit lies in a municipality directly under the central government (三星 awarded by the district bureau). */
  readonly municipality: boolean;
  readonly appliedOn: IsoDate;
  /** The bureau that recommended the application (申报推荐), if any. */
  readonly recommendedBy?: string;
  readonly history: readonly RatingHistoryEntry[];
}

/** Fields of a case whose award has been made. @category Rating case */
export interface AwardedFields {
  readonly notice: PublicNotice;
  readonly objections: readonly Objection[];
  readonly award: Award;
}

/**
 * A station's application for a star level and everything that followed it. A field exists only in
 * the statuses where it means something: the notice from `in-notice` on, the award from `awarded` on.
 * @category Rating case
 */
export type RatingCase = RatingCaseBase &
  (
    | { readonly status: 'applied' | 'materials-reviewed' | 'inspected' | 'feedback-given' | 'approved' }
    | { readonly status: 'in-notice'; readonly notice: PublicNotice; readonly objections: readonly Objection[] }
    | (AwardedFields & {
        readonly status: 'awarded';
        readonly nextRecheckOn?: IsoDate;
        readonly lastRecheckOn?: IsoDate;
      })
    | (AwardedFields &
        DemotionTrail & {
          readonly status: 'demoted';
          readonly nextRecheckOn?: IsoDate;
          readonly lastRecheckOn?: IsoDate;
        })
    | (AwardedFields &
        Partial<DemotionTrail> & {
          readonly status: 'withdrawn';
          readonly withdrawnOn: IsoDate;
          readonly reason?: string;
        })
    | (AwardedFields &
        Partial<DemotionTrail> & {
          readonly status: 'superseded';
          readonly supersededOn: IsoDate;
          readonly byCaseId: string;
        })
    | {
        readonly status: 'rejected';
        readonly rejectedAt: RatingStep;
        readonly rejectedOn: IsoDate;
        readonly reason?: string;
      }
  );

/** The statuses of a case still moving towards an award. @category Rating case */
export type OpenRatingCaseStatus =
  | 'applied'
  | 'materials-reviewed'
  | 'inspected'
  | 'feedback-given'
  | 'approved'
  | 'in-notice';

/** True while a case still moves towards an award (not yet awarded, rejected or closed). @category Rating case
 * @example
 * isOpenCase(c); // true for a case in public notice
 */
export function isOpenCase(c: RatingCase): c is RatingCase & { readonly status: OpenRatingCaseStatus } {
  const next = NEXT_STEP[c.status];
  return next !== undefined && next !== 'recheck';
}

/** The step each status waits for; absent for closed statuses. @internal */
export const NEXT_STEP: Readonly<Partial<Record<RatingCaseStatus, RatingStep>>> = {
  applied: 'review-materials',
  'materials-reviewed': 'inspect-on-site',
  inspected: 'give-feedback',
  'feedback-given': 'decide-at-meeting',
  approved: 'start-notice',
  'in-notice': 'award',
  awarded: 'recheck',
  demoted: 'recheck',
};
