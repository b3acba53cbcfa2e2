import type { IsoDate, RecordTable } from '../core/index.js';
import type {
  ConsultationDecision,
  EscalationRole,
  IntegrityAction,
  IntegrityLevel,
  IntegrityResponseStage,
  KeyPostCriteria,
} from './commands.js';
import type {
  RatingTier,
  RiskAssignment,
  RiskCategory,
  RiskClosure,
  RiskItem,
  RiskMeasure,
  RiskRating,
  RiskSource,
  TrackingRecord,
} from './schema.js';

/** Set on the events a consultation's decisions produced, so minutes and list share one record. @category Events */
export interface FromConsultation {
  readonly consultationId?: string;
}

/** A consultation (风险会商) as recorded. @category Consultation */
export interface Consultation {
  readonly id: string;
  readonly kind: 'regular' | 'ad-hoc';
  readonly title: string;
  readonly date: IsoDate;
  readonly participants: readonly string[];
  readonly reviewed: readonly string[];
  readonly decisions: readonly ConsultationDecision[];
}

/** A step of the staged integrity response, as recorded. @category Integrity */
export interface IntegrityResponse {
  readonly id: string;
  readonly stage: IntegrityResponseStage;
  readonly on: IsoDate;
  readonly note: string;
  readonly actions: readonly IntegrityAction[];
  readonly referredTo?: 'discipline-inspection' | 'judiciary';
}

/** A key post in the integrity-risk register. @category Integrity */
export interface KeyPost {
  readonly postId: string;
  readonly unitId: string;
  readonly power: string;
  readonly riskPoints: readonly string[];
  readonly criteria: KeyPostCriteria;
  readonly level: IntegrityLevel;
  readonly measures: readonly string[];
  readonly responsibleId: string;
  readonly registeredOn: IsoDate;
  readonly responses: readonly IntegrityResponse[];
}

/** Every event of the risk stream. Events of one command keep the order decide returned. @category Events */
export type RiskEvent =
  | ({
      readonly type: 'risk-identified';
      readonly riskId: string;
      readonly title: string;
      readonly category: RiskCategory;
      readonly source: RiskSource;
      readonly sourceRef?: string;
      readonly unitId: string;
      readonly postId?: string;
      readonly on: IsoDate;
    } & FromConsultation)
  | ({
      readonly type: 'risk-assessed';
      readonly riskId: string;
      readonly inherent: RiskRating;
      readonly current: RiskRating;
      readonly target?: RiskRating;
      readonly reason: string;
    } & FromConsultation)
  | ({
      readonly type: 'risk-re-rated';
      readonly riskId: string;
      readonly tier: RatingTier;
      readonly before?: RiskRating;
      readonly after: RiskRating;
      readonly reason: string;
    } & FromConsultation)
  | ({
      readonly type: 'risk-assigned';
      readonly riskId: string;
      readonly assignment: RiskAssignment;
    } & FromConsultation)
  | ({ readonly type: 'control-started'; readonly riskId: string; readonly on: IsoDate } & FromConsultation)
  | ({ readonly type: 'measure-added'; readonly riskId: string; readonly measure: RiskMeasure } & FromConsultation)
  | {
      readonly type: 'measure-completed';
      readonly riskId: string;
      readonly measureId: string;
      readonly on: IsoDate;
      readonly evidence: string;
    }
  | { readonly type: 'risk-tracked'; readonly riskId: string; readonly record: TrackingRecord }
  | ({
      readonly type: 'risk-closed';
      readonly riskId: string;
      readonly on: IsoDate;
      readonly closure: RiskClosure;
    } & FromConsultation)
  | ({
      readonly type: 'risk-reopened';
      readonly riskId: string;
      readonly on: IsoDate;
      readonly reason: string;
      /** The deadline in force after reopening; absent in events recorded before it existed (the old one stays). */
      readonly deadline?: IsoDate;
      /** The deadline a late closure missed, when reopening moved it (see `RiskAssignment.missedDeadline`). */
      readonly missedDeadline?: IsoDate;
    } & FromConsultation)
  | {
      readonly type: 'escalation-decided';
      readonly riskId: string;
      readonly to: EscalationRole;
      readonly note: string;
      readonly on: IsoDate;
      readonly consultationId: string;
    }
  | { readonly type: 'consultation-held'; readonly consultation: Consultation }
  | { readonly type: 'key-post-registered'; readonly post: KeyPost }
  | { readonly type: 'integrity-response-recorded'; readonly postId: string; readonly response: IntegrityResponse }
  | {
      readonly type: 'unit-rehomed';
      readonly fromUnitId: string;
      readonly toUnitId: string;
      readonly on: IsoDate;
      /** Exactly the risks that moved. */
      readonly riskIds: readonly string[];
    };

/** The type of a risk event. @category Events */
export type RiskEventType = RiskEvent['type'];

/** The risk list, its consultations and the key-post register. @category Risk list */
export interface RiskState {
  readonly version: number;
  readonly risks: RecordTable<RiskItem>;
  readonly consultations: { readonly [id: string]: Consultation };
  readonly keyPosts: { readonly [postId: string]: KeyPost };
}
