import {
  addWorkdays,
  type Context,
  compareDates,
  type Decider,
  err,
  forEachRecord,
  getRecord,
  type IsoDate,
  ok,
  parseWith,
  type Result,
  today,
} from '../core/index.js';
import { successorOf } from '../org/index.js';
import {
  type Env,
  type Events,
  findRisk,
  firstError,
  inStage,
  methodOf,
  methodProblems,
  notBefore,
  type Of,
  one,
  type Parsed,
  type RiskDeciderOptions,
  rateChecked,
} from './_lib/env.js';
import { checkReferences, type ReferenceCheck } from './_lib/references.js';
import { workdaysFromTo } from './_lib/workdays.js';
import {
  type AddMeasureSchema,
  type AssessRiskSchema,
  type AssignRiskSchema,
  type CloseRiskSchema,
  type CompleteMeasureSchema,
  type IdentifyRiskSchema,
  type RehomeUnitSchema,
  type ReopenRiskSchema,
  type ReRateRiskSchema,
  type RiskCommand,
  RiskCommandSchema,
  type TrackRiskSchema,
} from './commands.js';
import { decideConsultation } from './consultation.js';
import { riskError } from './errors.js';
import type { RiskEvent, RiskState } from './events.js';
import { evolveRisk } from './evolve.js';
import { decideRegisterPost, decideRespond } from './integrity.js';
import type { RiskAssignment, RiskFactors, RiskItem } from './schema.js';

export type { RiskDeciderOptions } from './_lib/env.js';

const decideIdentify = (env: Env, c: Of<typeof IdentifyRiskSchema>): Events => {
  if (getRecord(env.state.risks, c.riskId))
    return one(riskError('risk/duplicate-risk', { riskId: c.riskId }, ['riskId']));
  return ok([
    {
      type: 'risk-identified',
      riskId: c.riskId,
      title: c.title,
      category: c.category,
      source: c.source,
      ...(c.sourceRef === undefined ? {} : { sourceRef: c.sourceRef }),
      unitId: c.unitId,
      ...(c.postId === undefined ? {} : { postId: c.postId }),
      on: env.on(c),
    },
  ]);
};

const decideAssess = (env: Env, c: Of<typeof AssessRiskSchema>): Events => {
  const it = findRisk(env.state, c.riskId);
  if (!it.ok) return it;
  const stage = inStage(it.value, ['identified'], 'assess');
  if (stage) return one(stage);
  const method = methodOf(env.options, c.methodId, ['methodId']);
  if (!method.ok) return method;
  const inherent = rateChecked(method.value, c.inherent, c.current ? undefined : c.level, ['inherent']);
  const current = c.current ? rateChecked(method.value, c.current, c.level, ['current']) : inherent;
  const target = c.target ? rateChecked(method.value, c.target, undefined, ['target']) : undefined;
  const errors = [...new Set([inherent, current, target])].flatMap((r) => (r && !r.ok ? r.errors : []));
  if (errors.length > 0 || !inherent.ok || !current.ok || (target && !target.ok)) return err(...errors);
  return ok([
    {
      type: 'risk-assessed',
      riskId: c.riskId,
      inherent: inherent.value,
      current: current.value,
      ...(target?.ok ? { target: target.value } : {}),
      reason: c.reason,
    },
  ]);
};

const sameFactors = (a: RiskFactors, b: RiskFactors): boolean =>
  a.likelihood === b.likelihood &&
  a.impact === b.impact &&
  a.exposure === b.exposure &&
  a.consequence === b.consequence;

/**
 * The deadline an assignment missed, if its deadline is moved on `day`: the one it already carries, else its
 * deadline when that had passed by then. A deadline moved while it still held was not missed.
 */
const missedBy = (a: RiskAssignment | undefined, day: IsoDate): IsoDate | undefined =>
  a?.missedDeadline ?? (a !== undefined && compareDates(a.deadline, day) < 0 ? a.deadline : undefined);

const decideReRate = (env: Env, c: Of<typeof ReRateRiskSchema>): Events => {
  const it = findRisk(env.state, c.riskId);
  if (!it.ok) return it;
  const s = it.value.status;
  if (s.stage === 'identified' || s.stage === 'closed')
    return one(riskError('risk/wrong-stage', { riskId: c.riskId, stage: s.stage, action: 're-rate' }, ['riskId']));
  const before = s.ratings[c.tier];
  const method = methodOf(env.options, before?.methodId ?? s.ratings.current.methodId, ['riskId']);
  if (!method.ok) return method;
  const after = rateChecked(method.value, c.factors, c.level, ['factors']);
  if (!after.ok) return after;
  // A no-op only when nothing changes: the same score from other factors is another cell of the heat map.
  if (before && before.level === after.value.level && sameFactors(before.factors, after.value.factors)) return ok([]);
  return ok([
    {
      type: 'risk-re-rated',
      riskId: c.riskId,
      tier: c.tier,
      ...(before ? { before } : {}),
      after: after.value,
      reason: c.reason,
    },
  ]);
};

const decideAssign = (env: Env, c: Of<typeof AssignRiskSchema>): Events => {
  const it = findRisk(env.state, c.riskId);
  if (!it.ok) return it;
  const on = env.on(c);
  const bad = firstError(
    inStage(it.value, ['assessed', 'assigned', 'controlling', 'reopened'], 'assign'),
    notBefore(on, it.value.identifiedOn, ['on']),
    notBefore(c.deadline, on, ['deadline']),
  );
  if (bad) return one(bad);
  const s = it.value.status;
  const missed = missedBy('assignment' in s ? s.assignment : undefined, on);
  const assignment: RiskAssignment = {
    ownerUnitId: c.ownerUnitId,
    responsibleId: c.responsibleId,
    deadline: c.deadline,
    assignedOn: on,
    ...(missed === undefined || missed === c.deadline ? {} : { missedDeadline: missed }),
  };
  return ok([{ type: 'risk-assigned', riskId: c.riskId, assignment }]);
};

const decideAddMeasure = (env: Env, c: Of<typeof AddMeasureSchema>): Events => {
  const it = findRisk(env.state, c.riskId);
  if (!it.ok) return it;
  const on = env.on(c);
  const bad = firstError(
    inStage(it.value, ['assigned', 'controlling', 'reopened'], 'add-measure'),
    it.value.measures.some((m) => m.id === c.measureId)
      ? riskError('risk/duplicate-measure', { measureId: c.measureId }, ['measureId'])
      : undefined,
    notBefore(on, lastStart(it.value), ['on']),
    notBefore(c.deadline, on, ['deadline']),
  );
  if (bad) return one(bad);
  const added: RiskEvent = {
    type: 'measure-added',
    riskId: c.riskId,
    measure: {
      id: c.measureId,
      text: c.text,
      ownerId: c.ownerId,
      deadline: c.deadline,
      addedOn: on,
      status: { stage: 'open' },
    },
  };
  return ok(
    it.value.status.stage === 'controlling' ? [added] : [added, { type: 'control-started', riskId: c.riskId, on }],
  );
};

const decideComplete = (env: Env, c: Of<typeof CompleteMeasureSchema>): Events => {
  const it = findRisk(env.state, c.riskId);
  if (!it.ok) return it;
  const m = it.value.measures.find((x) => x.id === c.measureId);
  if (!m) return one(riskError('risk/unknown-measure', { measureId: c.measureId }, ['measureId']));
  if (m.status.stage === 'done') return one(riskError('risk/measure-done', { measureId: c.measureId }, ['measureId']));
  const on = env.on(c);
  const bad = notBefore(on, m.addedOn, ['on']);
  if (bad) return one(bad);
  return ok([{ type: 'measure-completed', riskId: c.riskId, measureId: c.measureId, on, evidence: c.evidence }]);
};

const decideTrack = (env: Env, c: Of<typeof TrackRiskSchema>): Events => {
  const it = findRisk(env.state, c.riskId);
  if (!it.ok) return it;
  const on = env.on(c);
  const bad = notBefore(on, lastStart(it.value), ['on']);
  if (bad) return one(bad);
  return ok([
    {
      type: 'risk-tracked',
      riskId: c.riskId,
      record: { on, by: env.ctx.actor ?? 'system', note: c.note, review: c.review ?? false },
    },
  ]);
};

const decideClose = (env: Env, c: Of<typeof CloseRiskSchema>): Events => {
  const it = findRisk(env.state, c.riskId);
  if (!it.ok) return it;
  const on = env.on(c);
  const open = it.value.measures.filter((m) => m.status.stage === 'open').length;
  const bad = firstError(
    inStage(it.value, ['assigned', 'controlling', 'reopened'], 'close'),
    notBefore(on, latestStep(it.value), ['on']),
    c.closure.kind !== 'accepted' && open > 0
      ? riskError('risk/open-measures', { count: open }, ['closure', 'kind'])
      : undefined,
    c.closure.kind === 'accepted' && compareDates(c.closure.expiresOn, on) <= 0
      ? riskError('risk/dates-out-of-order', { date: c.closure.expiresOn, earliest: on }, ['closure', 'expiresOn'])
      : undefined,
  );
  if (bad) return one(bad);
  return ok([{ type: 'risk-closed', riskId: c.riskId, on, closure: c.closure }]);
};

const decideReopen = (env: Env, c: Of<typeof ReopenRiskSchema>): Events => {
  const it = findRisk(env.state, c.riskId);
  if (!it.ok) return it;
  const s = it.value.status;
  if (s.stage !== 'closed')
    return one(riskError('risk/wrong-stage', { riskId: c.riskId, stage: s.stage, action: 'reopen' }, ['riskId']));
  const on = env.on(c);
  const bad = firstError(
    notBefore(on, s.closedOn, ['on']),
    c.deadline === undefined ? undefined : notBefore(c.deadline, on, ['deadline']),
  );
  if (bad) return one(bad);
  // The days a risk spends closed are not late: without a new deadline the clock stops at closing and runs again
  // from reopening, so the deadline moves later by the working days in between.
  const deadline =
    c.deadline ??
    addWorkdays(s.assignment.deadline, workdaysFromTo(env.ctx.calendar, s.closedOn, on), {
      calendar: env.ctx.calendar,
    });
  // A closure after the deadline missed it, whatever reopening sets now.
  const missed = missedBy(s.assignment, s.closedOn);
  return ok([
    {
      type: 'risk-reopened',
      riskId: c.riskId,
      on,
      reason: c.reason,
      deadline,
      ...(missed === undefined || missed === deadline ? {} : { missedDeadline: missed }),
    },
  ]);
};

/**
 * The latest day already on a risk's record that a closure cannot precede: its last assignment, the start of
 * control or the reopening, and the completion of each measure done.
 */
function latestStep(it: RiskItem): IsoDate {
  const s = it.status;
  let latest = lastStart(it);
  const later = (d: IsoDate) => {
    if (compareDates(d, latest) > 0) latest = d;
  };
  if (s.stage === 'controlling') later(s.since);
  for (const m of it.measures) if (m.status.stage === 'done') later(m.status.doneOn);
  return latest;
}

/**
 * The day the risk's current round of work began, which a measure or a tracking note cannot precede: its
 * identification, its last assignment, or its reopening. A measure dated before the reopening would also date the
 * restarted control before it, and hide the reopening from the closing-date check. Once control has restarted the
 * reopening day is read from `controlling.reopenedOn` (absent in states stored before it existed, which then fall
 * back to the other days).
 */
function lastStart(it: RiskItem): IsoDate {
  const s = it.status;
  let latest = it.identifiedOn;
  if ('assignment' in s && compareDates(s.assignment.assignedOn, latest) > 0) latest = s.assignment.assignedOn;
  const reopenedOn = s.stage === 'reopened' || s.stage === 'controlling' ? s.reopenedOn : undefined;
  if (reopenedOn !== undefined && compareDates(reopenedOn, latest) > 0) latest = reopenedOn;
  return latest;
}

const decideRehome = (env: Env, c: Of<typeof RehomeUnitSchema>): Events => {
  const on = env.on(c);
  const dir = env.options.directory;
  const successorId = dir ? successorOf(dir, c.fromUnitId, on) : c.toUnitId;
  if (c.fromUnitId === c.toUnitId || successorId !== c.toUnitId)
    return one(
      riskError('risk/not-successor', { fromUnitId: c.fromUnitId, toUnitId: c.toUnitId, successorId }, ['toUnitId']),
    );
  const riskIds: string[] = [];
  forEachRecord(env.state.risks, (it) => {
    if (it.status.stage === 'closed') return;
    const owner = 'assignment' in it.status ? it.status.assignment.ownerUnitId : undefined;
    if (it.unitId === c.fromUnitId || owner === c.fromUnitId) riskIds.push(it.id);
  });
  // Nothing open: nothing to record, and the state stays the same object.
  if (riskIds.length === 0) return ok([]);
  return ok([{ type: 'unit-rehomed', fromUnitId: c.fromUnitId, toUnitId: c.toUnitId, on, riskIds: riskIds.sort() }]);
};

type Table = { readonly [T in Parsed['type']]: (env: Env, c: Extract<Parsed, { type: T }>) => Events };
const table: Table = {
  'identify-risk': decideIdentify,
  'assess-risk': decideAssess,
  're-rate-risk': decideReRate,
  'assign-risk': decideAssign,
  'add-measure': decideAddMeasure,
  'complete-measure': decideComplete,
  'track-risk': decideTrack,
  'close-risk': decideClose,
  'reopen-risk': decideReopen,
  'hold-consultation': decideConsultation,
  'register-key-post': decideRegisterPost,
  'respond-integrity-risk': decideRespond,
  'rehome-unit': decideRehome,
};

/**
 * Decides a risk command: validates it, checks references when a directory is given, and returns
 * the events it causes or the errors that refuse it. Pure; dates default to today in the context.
 * @category Workflow
 * @example
 * const r = decideRisk(state, { type: 'identify-risk', riskId: 'r-1', title: '节日期间冷链食品抽检不合格', category: 'food', source: 'inspection', unitId: 'u-food' }, ctx);
 */
export function decideRisk(
  state: RiskState,
  command: RiskCommand,
  ctx: Context,
  options: RiskDeciderOptions = {},
): Result<readonly RiskEvent[]> {
  const parsed = parseWith(RiskCommandSchema, command);
  if (!parsed.ok) return parsed;
  const refs = checkReferences(options.directory, parsed.value as unknown as ReferenceCheck);
  if (refs.length > 0) return err(...refs);
  const env: Env = { state, ctx, options, decider: createRiskDecider(options), on: (c) => c.on ?? today(ctx) };
  return (table[parsed.value.type] as (env: Env, c: Parsed) => Events)(env, parsed.value);
}

/**
 * The state of an empty risk list. Its consultation and key-post maps have no prototype, so ids such as
 * `constructor` are plain keys (the module also reads them as own properties, for states read back from JSON).
 * @category Workflow
 */
export const EMPTY_RISK_STATE: RiskState = {
  version: 0,
  risks: {},
  consultations: /* @__PURE__ */ Object.create(null),
  keyPosts: /* @__PURE__ */ Object.create(null),
};

/**
 * Builds a risk decider with its own methods and, optionally, the org directory ids are checked against.
 * The methods are checked as `parseRiskMethod` checks them, once, here: a command that names a method with a gap
 * in its bands or an empty matrix cell is refused with that method's errors (e.g. `risk/band-gap` at
 * `['methodId', 'bands', 1, 'from']`) instead of rating a score no band covers.
 * @category Workflow
 * @example
 * const decider = createRiskDecider({ methods: [MATRIX_METHOD_B], directory });
 * const r = execute(decider, decider.initialState, command, ctx);
 */
export function createRiskDecider(options: RiskDeciderOptions = {}): Decider<RiskState, RiskCommand, RiskEvent> {
  for (const m of options.methods ?? []) methodProblems(m);
  return {
    kind: 'risk',
    initialState: EMPTY_RISK_STATE,
    decide: (state, command, ctx) => decideRisk(state, command, ctx, options),
    evolve: evolveRisk,
  };
}

/** The risk decider with the preset methods and no directory checks. @category Workflow */
export const riskDecider: Decider<RiskState, RiskCommand, RiskEvent> = {
  kind: 'risk',
  initialState: EMPTY_RISK_STATE,
  decide: (state, command, ctx) => decideRisk(state, command, ctx),
  evolve: evolveRisk,
};
