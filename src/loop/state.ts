import { emptyTable, type IsoDate, type RecordTable } from '../core/index.js';
import type { DeploymentSource, InspectionKind, NoticeTone, Priority, Severity } from './schema.js';

/** A deadline rule as recorded: working days, calendar days or a fixed date. @category Loop */
export type LoopDeadline = { readonly workdays: number } | { readonly days: number } | { readonly date: IsoDate };

interface Recorded {
  /** The seq of the event that created the record; ledgers print lines in this order. */
  readonly seq: number;
}

/** The fields of a deployment that do not depend on its status. @category Loop */
export interface DeploymentBase extends Recorded {
  readonly id: string;
  readonly title: string;
  readonly source: DeploymentSource;
  readonly orderedBy: string;
  /** The unit that runs the loop (督查单位): it owes the inspection, notice, orders and look-backs. */
  readonly supervisingUnitId: string;
  readonly leadUnitId: string;
  readonly assistingUnitIds: readonly string[];
  readonly deadline: LoopDeadline;
  readonly startOn: IsoDate;
  readonly dueOn: IsoDate;
  readonly category: string;
  readonly priority: Priority;
  readonly inspectionIds: readonly string[];
  readonly problemIds: readonly string[];
}

/** A deployment (部署): open, or closed once every inspection is notified and every problem struck off. @category Loop */
export type Deployment = DeploymentBase &
  ({ readonly status: 'open' } | { readonly status: 'closed'; readonly closedOn: IsoDate });

/** The fields of an inspection that do not depend on its status. @category Loop */
export interface InspectionBase extends Recorded {
  readonly id: string;
  readonly deploymentId: string;
  readonly kind: InspectionKind;
  readonly inspectors: readonly string[];
  readonly byUnitId: string;
  readonly inspectedUnitIds: readonly string[];
  readonly findings?: string;
  readonly inspectedOn: IsoDate;
  readonly problemIds: readonly string[];
}

/** An inspection (检查): awaiting its notice until one is issued. @category Loop */
export type Inspection = InspectionBase &
  (
    | { readonly status: 'awaiting-notice'; readonly noticeDueOn: IsoDate }
    | { readonly status: 'notified'; readonly noticeId: string; readonly notifiedOn: IsoDate }
  );

/** A notice (通报) of an inspection's result. @category Loop */
export interface Notice extends Recorded {
  readonly id: string;
  readonly inspectionId: string;
  readonly number: string;
  readonly tone: NoticeTone;
  readonly scope: readonly string[];
  readonly summary?: string;
  readonly issuedOn: IsoDate;
}

/** The fields of a problem that do not depend on its status. @category Loop */
export interface ProblemBase extends Recorded {
  readonly id: string;
  readonly deploymentId: string;
  readonly inspectionId: string;
  readonly description: string;
  /** The unit responsible for the problem. */
  readonly unitId: string;
  readonly supervisingUnitId: string;
  readonly severity: Severity;
  readonly category: string;
  readonly foundOn: IsoDate;
  /** How many times a failed look-back has reopened the problem. */
  readonly recurrence: number;
  /** Every order issued on the problem, oldest first (the history survives reopening). */
  readonly orderIds: readonly string[];
  readonly lookBackIds: readonly string[];
}

/**
 * A problem (问题) through its line on the 问题后处置台账: awaiting a supervision order, under
 * supervision, resolved (awaiting the look-back), looked back (awaiting strike-off), struck off.
 * @category Loop
 */
export type Problem = ProblemBase &
  (
    | { readonly status: 'awaiting-order'; readonly since: IsoDate; readonly orderDueOn: IsoDate }
    | { readonly status: 'under-supervision'; readonly orderId: string }
    | {
        readonly status: 'resolved';
        readonly orderId: string;
        readonly resolutionId: string;
        readonly resolvedOn: IsoDate;
        readonly lookBackDueOn: IsoDate;
      }
    | {
        readonly status: 'looked-back';
        readonly lookBackId: string;
        readonly passedOn: IsoDate;
        readonly strikeOffDueOn: IsoDate;
      }
    | { readonly status: 'struck-off'; readonly lookBackId: string; readonly struckOffOn: IsoDate }
  );

/** The status of a problem. @category Loop */
export type ProblemStatus = Problem['status'];

/**
 * Where one problem stands in its workflow: the problem's status, with 督办中 split by whether a
 * reported resolution awaits review (the order's `reported` status), because that decides which step may follow.
 * @category Problem flow
 */
export type ProblemStage =
  | 'awaiting-order'
  | 'under-supervision'
  | 'awaiting-review'
  | 'resolved'
  | 'looked-back'
  | 'struck-off';

/** The events that move a problem from one stage to another, in the order the workflow reaches them. @category Problem flow */
export type ProblemStep =
  | 'supervision-ordered'
  | 'resolution-reported'
  | 'resolution-accepted'
  | 'resolution-returned'
  | 'look-back-passed'
  | 'look-back-failed'
  | 'problem-struck-off';

/**
 * An extension (延期) request on a supervision order, and what became of it: still awaiting a
 * decision, approved, rejected, or lapsed, when the order's resolution was accepted while it was still
 * pending (no one decides it then: the order's deadline is settled). States recorded before `lapsed`
 * existed may keep a `requested` extension on a resolved order; it cannot be decided either.
 * @category Loop
 */
export type Extension = {
  readonly requestedOn: IsoDate;
  readonly reason: string;
  readonly requestedDueOn: IsoDate;
  readonly progress?: string;
} & (
  | { readonly status: 'requested' }
  | { readonly status: 'approved'; readonly decidedOn: IsoDate; readonly newDueOn: IsoDate; readonly comment?: string }
  | { readonly status: 'rejected'; readonly decidedOn: IsoDate; readonly comment?: string }
  | {
      readonly status: 'lapsed';
      /** The day the order's resolution was accepted, which settled the request undecided. */
      readonly lapsedOn: IsoDate;
    }
);

/** The fields of a supervision order that do not depend on its status. @category Loop */
export interface SupervisionOrderBase extends Recorded {
  readonly id: string;
  readonly problemId: string;
  readonly leadUnitId: string;
  readonly assistingUnitIds: readonly string[];
  readonly deadline: LoopDeadline;
  readonly issuedOn: IsoDate;
  /** The original deadline; lateness is judged against it unless an extension was approved. */
  readonly dueOn: IsoDate;
  /** The deadline in force: the last approved extension's date, else `dueOn`. */
  readonly effectiveDueOn: IsoDate;
  readonly extensions: readonly Extension[];
  /** How many resolutions review has returned (退回). */
  readonly returns: number;
}

/**
 * A supervision order (督办): open (again, after review returned its last resolution), with a
 * resolution reported and awaiting review by `reviewDueOn`, or resolved.
 * @category Loop
 */
export type SupervisionOrder = SupervisionOrderBase &
  (
    | {
        readonly status: 'open';
        /** The day review last returned (退回) a resolution; a new report cannot be dated before it. */
        readonly returnedOn?: IsoDate;
      }
    | {
        readonly status: 'reported';
        readonly resolutionId: string;
        /** The day the supervising unit owes its review by (the report day itself in logs recorded before it existed). */
        readonly reviewDueOn: IsoDate;
      }
    | {
        readonly status: 'resolved';
        readonly resolutionId: string;
        readonly resolvedOn: IsoDate;
        readonly acceptedOn: IsoDate;
        readonly onTime: boolean;
      }
  );

/** The fields of a resolution that do not depend on its status. @category Loop */
export interface ResolutionBase extends Recorded {
  readonly id: string;
  readonly orderId: string;
  readonly problemId: string;
  readonly summary: string;
  readonly evidence: readonly string[];
  readonly reportedBy: string;
  readonly reportedOn: IsoDate;
}

/** A resolution (处结): submitted for review, accepted, or returned (退回). @category Loop */
export type Resolution = ResolutionBase &
  (
    | { readonly status: 'submitted' }
    | { readonly status: 'accepted'; readonly acceptedOn: IsoDate }
    | { readonly status: 'returned'; readonly returnedOn: IsoDate; readonly reason?: string }
  );

/** A look-back (回头看) on a resolution: passed, or failed with the problem reopened. @category Loop */
export type LookBack = {
  readonly seq: number;
  readonly id: string;
  readonly problemId: string;
  readonly resolutionId: string;
  readonly checkedBy: readonly string[];
  readonly checkedOn: IsoDate;
  readonly notes?: string;
} & ({ readonly outcome: 'passed' } | { readonly outcome: 'failed'; readonly recurrence: number });

/**
 * The state of one bureau's closed loop: every record indexed by id in sharded tables, so a
 * command copies one shard, not the whole ledger.
 *
 * Records keep the units as recorded: who supervised (`supervisingUnitId`) and who inspected
 * (`byUnitId`) are history and never change. After a merger (机构合并), `successors` says who
 * carries a merged-away unit's supervising duties on lines still open; the owed-link queries
 * (`gaps`, `dueSoon`, `overdue`) resolve the unit owing a link through it.
 * @category Loop
 */
export interface LoopState {
  readonly version: number;
  readonly deployments: RecordTable<Deployment>;
  readonly inspections: RecordTable<Inspection>;
  readonly notices: RecordTable<Notice>;
  readonly problems: RecordTable<Problem>;
  readonly orders: RecordTable<SupervisionOrder>;
  readonly resolutions: RecordTable<Resolution>;
  readonly lookBacks: RecordTable<LookBack>;
  /** Notice number → notice id (keys prefixed with `n:`), to keep numbers unique. */
  readonly noticeNumbers: RecordTable<string>;
  /**
   * Merged-away unit id → the successor it was rehomed to (机构合并), set by each `unit-rehomed`
   * event. A duty recorded against a unit is owed by the end of its chain (a→b, then b→c: c owes
   * a's). A rehoming onto a unit whose own chain leads back to the merged-away one drops that
   * unit's entry (the later event says it is in force), so the table never holds a cycle. States
   * stored before this table existed lack it and are read as having no successions.
   */
  readonly successors: RecordTable<string>;
}

/**
 * The empty loop.
 * @category Loop
 * @example
 * const state = emptyLoop(); // version 0, no records
 */
export function emptyLoop(): LoopState {
  return {
    version: 0,
    deployments: emptyTable(),
    inspections: emptyTable(),
    notices: emptyTable(),
    problems: emptyTable(),
    orders: emptyTable(),
    resolutions: emptyTable(),
    lookBacks: emptyTable(),
    noticeNumbers: emptyTable(),
    successors: emptyTable(),
  };
}
