import type { IsoDate } from '../core/index.js';
import type {
  DeploymentBase,
  InspectionBase,
  Notice,
  ProblemBase,
  ResolutionBase,
  SupervisionOrderBase,
} from './state.js';

/** What a look-back event records about the re-check itself. @category Events */
export interface LookBackDetails {
  readonly id: string;
  readonly problemId: string;
  readonly resolutionId: string;
  readonly checkedBy: readonly string[];
  readonly checkedOn: IsoDate;
  readonly notes?: string;
}

/** A deployment was ordered; its deadline is already computed on the working-day calendar. @category Events */
export interface DeploymentOrdered {
  readonly type: 'deployment-ordered';
  readonly deployment: Omit<DeploymentBase, 'seq' | 'inspectionIds' | 'problemIds'>;
}
/** An inspection was recorded; its notice is owed by `noticeDueOn`. @category Events */
export interface InspectionRecorded {
  readonly type: 'inspection-recorded';
  readonly inspection: Omit<InspectionBase, 'seq' | 'problemIds'>;
  readonly noticeDueOn: IsoDate;
}
/** The notice of an inspection was issued. @category Events */
export interface NoticeIssued {
  readonly type: 'notice-issued';
  readonly notice: Omit<Notice, 'seq'>;
}
/** An inspection found a problem; a supervision order is owed by `orderDueOn`. @category Events */
export interface ProblemRecorded {
  readonly type: 'problem-recorded';
  readonly problem: Omit<ProblemBase, 'seq' | 'recurrence' | 'orderIds' | 'lookBackIds'>;
  readonly orderDueOn: IsoDate;
}
/** A supervision order was issued on a problem. @category Events */
export interface SupervisionOrdered {
  readonly type: 'supervision-ordered';
  readonly order: Omit<SupervisionOrderBase, 'seq' | 'effectiveDueOn' | 'extensions' | 'returns'>;
}
/** An extension of an order was requested. @category Events */
export interface ExtensionRequested {
  readonly type: 'extension-requested';
  readonly orderId: string;
  readonly requestedOn: IsoDate;
  readonly reason: string;
  readonly requestedDueOn: IsoDate;
  readonly progress?: string;
}
/** The pending extension of an order was approved with a new date. @category Events */
export interface ExtensionApproved {
  readonly type: 'extension-approved';
  readonly orderId: string;
  readonly decidedOn: IsoDate;
  readonly newDueOn: IsoDate;
  readonly comment?: string;
}
/** The pending extension of an order was rejected; the deadline stands. @category Events */
export interface ExtensionRejected {
  readonly type: 'extension-rejected';
  readonly orderId: string;
  readonly decidedOn: IsoDate;
  readonly comment?: string;
}
/**
 * A resolution was reported on an order; its review is owed by `reviewDueOn`. Events recorded
 * before that field existed lack it, and their review is owed from the report day.
 * @category Events
 */
export interface ResolutionReported {
  readonly type: 'resolution-reported';
  readonly resolution: Omit<ResolutionBase, 'seq'>;
  readonly reviewDueOn?: IsoDate;
}
/** A resolution was accepted; the problem is resolved and its look-back is owed by `lookBackDueOn`. @category Events */
export interface ResolutionAccepted {
  readonly type: 'resolution-accepted';
  readonly resolutionId: string;
  readonly acceptedOn: IsoDate;
  readonly lookBackDueOn: IsoDate;
}
/** A resolution was returned (退回) for more work; the order is open again. @category Events */
export interface ResolutionReturned {
  readonly type: 'resolution-returned';
  readonly resolutionId: string;
  readonly returnedOn: IsoDate;
  readonly reason?: string;
}
/** A look-back passed; strike-off is owed by `strikeOffDueOn`. @category Events */
export interface LookBackPassed {
  readonly type: 'look-back-passed';
  readonly lookBack: LookBackDetails;
  readonly strikeOffDueOn: IsoDate;
}
/** A look-back failed: the same problem is reopened and a new order is owed by `orderDueOn`. @category Events */
export interface LookBackFailed {
  readonly type: 'look-back-failed';
  readonly lookBack: LookBackDetails;
  readonly orderDueOn: IsoDate;
}
/** A problem was struck off the ledger (销号). @category Events */
export interface ProblemStruckOff {
  readonly type: 'problem-struck-off';
  readonly problemId: string;
  readonly struckOffOn: IsoDate;
}
/** A deployment was closed. @category Events */
export interface DeploymentClosed {
  readonly type: 'deployment-closed';
  readonly deploymentId: string;
  readonly closedOn: IsoDate;
}

/**
 * The open lines of a merged unit moved to its successor; the ids name exactly what moved (they may
 * all be empty when the unit only supervised open lines). Folding the event also records the
 * succession `fromUnitId` → `toUnitId` in the state's `successors`, through which the unit owing a
 * supervising duty on an open line is resolved; events recorded before that table existed record it
 * on replay as well.
 * @category Events
 */
export interface UnitRehomed {
  readonly type: 'unit-rehomed';
  readonly fromUnitId: string;
  readonly toUnitId: string;
  readonly rehomedOn: IsoDate;
  readonly deploymentIds: readonly string[];
  readonly problemIds: readonly string[];
  readonly orderIds: readonly string[];
}

/** Descriptive fields of a deployment or problem corrected, with the values before and after. @category Events */
export interface RecordCorrected {
  readonly type: 'record-corrected';
  readonly target: 'deployment' | 'problem';
  readonly id: string;
  readonly before: Readonly<Record<string, string>>;
  readonly after: Readonly<Record<string, string>>;
  readonly reason: string;
  readonly correctedOn: IsoDate;
}

/**
 * Every event of the closed loop. Event `type`s are public API: persisted logs depend on them.
 * @category Events
 */
export type LoopEvent =
  | DeploymentOrdered
  | InspectionRecorded
  | NoticeIssued
  | ProblemRecorded
  | SupervisionOrdered
  | ExtensionRequested
  | ExtensionApproved
  | ExtensionRejected
  | ResolutionReported
  | ResolutionAccepted
  | ResolutionReturned
  | LookBackPassed
  | LookBackFailed
  | ProblemStruckOff
  | DeploymentClosed
  | UnitRehomed
  | RecordCorrected;

/** The `type` of a loop event. @category Events */
export type LoopEventType = LoopEvent['type'];
