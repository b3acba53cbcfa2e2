import type { IsoDate } from '../../core/index.js';
import type { AdminLevel, StarLevel } from '../stars.js';
import type { NoticeCounting, RatingStep } from './schema.js';

/** What every rating-case event names: the case and the calendar day it happened on. @category Rating case */
export interface RatingCaseEventBase {
  readonly caseId: string;
  readonly on: IsoDate;
}

/**
 * An event of the rating-case workflow. Event `type`s and fields are public API: stored logs depend
 * on them. The events of one command are applied in the order listed by `decide`.
 * @category Rating case
 */
export type RatingCaseEvent = RatingCaseEventBase &
  (
    | {
        readonly type: 'case-applied';
        readonly unitId: string;
        readonly star: StarLevel;
        readonly firstRound: boolean;
        readonly municipality: boolean;
        readonly recommendedBy?: string;
        readonly note?: string;
      }
    | { readonly type: 'materials-reviewed'; readonly note?: string }
    | { readonly type: 'site-inspected'; readonly inspectors: readonly string[]; readonly note?: string }
    | { readonly type: 'feedback-given'; readonly feedback: string }
    | { readonly type: 'meeting-approved'; readonly note?: string }
    | {
        readonly type: 'notice-started';
        readonly days: number;
        readonly counting: NoticeCounting;
        readonly until: IsoDate;
      }
    | { readonly type: 'objection-raised'; readonly objectionId: string; readonly text: string }
    | {
        readonly type: 'objection-resolved';
        readonly objectionId: string;
        readonly upheld: boolean;
        readonly note: string;
      }
    | { readonly type: 'case-rejected'; readonly step: RatingStep; readonly reason?: string }
    | {
        readonly type: 'award-granted';
        readonly awardedBy: string;
        readonly awardingLevel: AdminLevel;
        readonly cycleYears: 1 | 2;
        readonly validUntil: IsoDate;
        readonly recheckEveryMonths?: number;
        readonly nextRecheckOn?: IsoDate;
        readonly certificateNo?: string;
      }
    | { readonly type: 'award-superseded'; readonly byCaseId: string }
    | { readonly type: 'award-kept'; readonly nextRecheckOn?: IsoDate; readonly note?: string }
    | {
        readonly type: 'award-demoted';
        readonly toStar: StarLevel;
        /**
         * The next re-check of the lower star. Absent in logs written before demoted awards were
         * re-checked, and on a demotion on the award's last valid day; `evolve` derives it then.
         */
        readonly nextRecheckOn?: IsoDate;
        readonly note?: string;
      }
    | { readonly type: 'award-withdrawn'; readonly reason?: string }
  );

/** The `type` of a rating-case event. @category Rating case */
export type RatingCaseEventType = RatingCaseEvent['type'];
