import type { z } from 'zod';
import {
  type Context,
  type DomainError,
  err,
  forEachRecord,
  getRecord,
  ok,
  parseWith,
  type Result,
  today,
} from '../core/index.js';
import { successorOf } from '../org/index.js';
import { collect, deadlineFrom, fixedDateError, notBefore, unitRefs } from './_lib/checks.js';
import { afterSuccession, endOfChain, successorLookup } from './_lib/successions.js';
import { LoopCommandSchema } from './commands.js';
import { loopError } from './errors.js';
import type { LoopEvent } from './events.js';
import { type Env, type LoopOptions, loopSettings } from './options.js';
import type { LoopState } from './state.js';

type Parsed = z.output<typeof LoopCommandSchema>;
type Handler<T extends Parsed['type']> = (
  state: LoopState,
  command: Extract<Parsed, { type: T }>,
  env: Env,
) => Result<readonly LoopEvent[]>;
type Handlers = { readonly [T in Parsed['type']]: Handler<T> };

const one = (e: LoopEvent): Result<readonly LoopEvent[]> => ok([e]);

function duplicate(exists: boolean, kind: string, id: string): DomainError | undefined {
  return exists ? loopError('loop/duplicate-id', { kind, id }, ['id']) : undefined;
}

/**
 * Whether rehoming `from` onto `to` changes who owes a duty on an open line: the supervision of an
 * open deployment, the notice of an inspection awaiting it, the next step of a problem not struck off,
 * the resolution of an open order. Duties are recorded against a unit and resolved through the
 * successions, so this also holds for duties `from` inherited, and not for a rehoming already recorded.
 */
function handsOverDuties(state: LoopState, from: string, to: string): boolean {
  const before = successorLookup(state.successors);
  const after = afterSuccession(before, from, to);
  const memo = new Map<string, boolean>();
  let found = false;
  const check = (unitId: string) => {
    if (found) return;
    let changes = memo.get(unitId);
    if (changes === undefined) {
      changes = endOfChain(before, unitId) !== endOfChain(after, unitId);
      memo.set(unitId, changes);
    }
    found = changes;
  };
  forEachRecord(state.deployments, (d) => {
    if (d.status === 'open') check(d.supervisingUnitId);
  });
  forEachRecord(state.inspections, (i) => {
    if (i.status === 'awaiting-notice') check(i.byUnitId);
  });
  forEachRecord(state.problems, (p) => {
    if (p.status !== 'struck-off') check(p.supervisingUnitId);
  });
  forEachRecord(state.orders, (o) => {
    if (o.status !== 'resolved') check(o.leadUnitId);
  });
  return found;
}

const handlers: Handlers = {
  'order-deployment'(state, c, env) {
    const id = c.id ?? env.ctx.newId('dep');
    const startOn = c.on ?? env.today;
    const refused = collect(
      [
        duplicate(getRecord(state.deployments, id) !== undefined, 'deployment', id),
        ...unitRefs(
          env,
          startOn,
          [
            [c.supervisingUnitId, ['supervisingUnitId']],
            [c.leadUnitId, ['leadUnitId']],
          ],
          [[c.assistingUnitIds, ['assistingUnitIds']]],
        ),
      ],
      () => ok([]),
    );
    if (!refused.ok) return refused;
    const due = deadlineFrom(env, startOn, c.deadline, ['deadline']);
    if (!due.ok) return due;
    return one({
      type: 'deployment-ordered',
      deployment: {
        id,
        title: c.title,
        source: c.source,
        orderedBy: c.orderedBy,
        supervisingUnitId: c.supervisingUnitId,
        leadUnitId: c.leadUnitId,
        assistingUnitIds: c.assistingUnitIds ?? [],
        deadline: c.deadline,
        startOn,
        dueOn: due.value,
        category: c.category,
        priority: c.priority ?? 'normal',
      },
    });
  },

  'record-inspection'(state, c, env) {
    const d = getRecord(state.deployments, c.deploymentId);
    if (!d) return err(loopError('loop/deployment-required', { deploymentId: c.deploymentId }, ['deploymentId']));
    if (d.status === 'closed')
      return err(loopError('loop/deployment-closed', { deploymentId: d.id }, ['deploymentId']));
    const id = c.id ?? env.ctx.newId('insp');
    const on = c.on ?? env.today;
    return collect(
      [
        duplicate(getRecord(state.inspections, id) !== undefined, 'inspection', id),
        notBefore(on, d.startOn, ['on']),
        ...unitRefs(env, on, [[c.byUnitId, ['byUnitId']]], [[c.inspectedUnitIds, ['inspectedUnitIds']]]),
      ],
      () => {
        const noticeDue = deadlineFrom(env, on, env.options.noticeWithin, []);
        if (!noticeDue.ok) return noticeDue;
        return one({
          type: 'inspection-recorded',
          inspection: {
            id,
            deploymentId: d.id,
            kind: c.kind,
            inspectors: c.inspectors,
            byUnitId: c.byUnitId ?? d.supervisingUnitId,
            inspectedUnitIds: c.inspectedUnitIds,
            ...(c.findings === undefined ? {} : { findings: c.findings }),
            inspectedOn: on,
          },
          noticeDueOn: noticeDue.value,
        });
      },
    );
  },

  'issue-notice'(state, c, env) {
    const i = getRecord(state.inspections, c.inspectionId);
    if (!i) return err(loopError('loop/inspection-required', { id: c.inspectionId }, ['inspectionId']));
    if (i.status === 'notified')
      return err(loopError('loop/already-notified', { inspectionId: i.id }, ['inspectionId']));
    const id = c.id ?? env.ctx.newId('notice');
    const on = c.on ?? env.today;
    return collect(
      [
        duplicate(getRecord(state.notices, id) !== undefined, 'notice', id),
        getRecord(state.noticeNumbers, `n:${c.number}`) === undefined
          ? undefined
          : loopError('loop/duplicate-notice-number', { number: c.number }, ['number']),
        notBefore(on, i.inspectedOn, ['on']),
        ...unitRefs(env, on, [], [[c.scope, ['scope']]]),
      ],
      () =>
        one({
          type: 'notice-issued',
          notice: {
            id,
            inspectionId: i.id,
            number: c.number,
            tone: c.tone,
            scope: c.scope,
            ...(c.summary === undefined ? {} : { summary: c.summary }),
            issuedOn: on,
          },
        }),
    );
  },

  'record-problem'(state, c, env) {
    const i = getRecord(state.inspections, c.inspectionId);
    if (!i) return err(loopError('loop/inspection-required', { id: c.inspectionId }, ['inspectionId']));
    const d = getRecord(state.deployments, i.deploymentId);
    if (!d) throw new Error('[shijian] inspection without deployment');
    if (d.status === 'closed')
      return err(loopError('loop/deployment-closed', { deploymentId: d.id }, ['inspectionId']));
    const id = c.id ?? env.ctx.newId('prob');
    const on = c.on ?? env.today;
    return collect(
      [
        duplicate(getRecord(state.problems, id) !== undefined, 'problem', id),
        notBefore(on, i.inspectedOn, ['on']),
        ...unitRefs(env, on, [[c.unitId, ['unitId']]]),
      ],
      () => {
        const orderDue = deadlineFrom(env, on, env.options.orderWithin, []);
        if (!orderDue.ok) return orderDue;
        return one({
          type: 'problem-recorded',
          problem: {
            id,
            deploymentId: d.id,
            inspectionId: i.id,
            description: c.description,
            unitId: c.unitId,
            supervisingUnitId: d.supervisingUnitId,
            severity: c.severity,
            category: c.category,
            foundOn: on,
          },
          orderDueOn: orderDue.value,
        });
      },
    );
  },

  'order-supervision'(state, c, env) {
    const p = getRecord(state.problems, c.problemId);
    if (p?.status !== 'awaiting-order')
      return err(loopError('loop/problem-required', { problemId: c.problemId }, ['problemId']));
    const id = c.id ?? env.ctx.newId('order');
    const on = c.on ?? env.today;
    return collect(
      [
        duplicate(getRecord(state.orders, id) !== undefined, 'order', id),
        notBefore(on, p.since, ['on']),
        ...unitRefs(env, on, [[c.leadUnitId, ['leadUnitId']]], [[c.assistingUnitIds, ['assistingUnitIds']]]),
      ],
      () => {
        const due = deadlineFrom(env, on, c.deadline, ['deadline']);
        if (!due.ok) return due;
        return one({
          type: 'supervision-ordered',
          order: {
            id,
            problemId: p.id,
            leadUnitId: c.leadUnitId,
            assistingUnitIds: c.assistingUnitIds ?? [],
            deadline: c.deadline,
            issuedOn: on,
            dueOn: due.value,
          },
        });
      },
    );
  },

  'request-extension'(state, c, env) {
    const o = getRecord(state.orders, c.orderId);
    if (o?.status !== 'open') return err(loopError('loop/order-required', { orderId: c.orderId }, ['orderId']));
    if (o.extensions.at(-1)?.status === 'requested')
      return err(loopError('loop/extension-pending', { orderId: o.id }, ['orderId']));
    const on = c.on ?? env.today;
    return collect(
      [
        // after a 退回 the order is open again from the return: a request dated before it would
        // claim the order was open while its resolution still awaited review
        notBefore(on, o.returnedOn ?? o.issuedOn, ['on']),
        // requested before the due date (domain §5), so not on the due day itself
        on >= o.effectiveDueOn
          ? loopError('loop/extension-too-late', { dueOn: o.effectiveDueOn, on }, ['on'])
          : undefined,
        c.newDueOn <= o.effectiveDueOn
          ? loopError('loop/extension-not-later', { dueOn: o.effectiveDueOn, newDueOn: c.newDueOn }, ['newDueOn'])
          : fixedDateError(env, c.newDueOn, ['newDueOn']),
      ],
      () =>
        one({
          type: 'extension-requested',
          orderId: o.id,
          requestedOn: on,
          reason: c.reason,
          requestedDueOn: c.newDueOn,
          ...(c.progress === undefined ? {} : { progress: c.progress }),
        }),
    );
  },

  'decide-extension'(state, c, env) {
    const o = getRecord(state.orders, c.orderId);
    if (!o) return err(loopError('loop/order-required', { orderId: c.orderId }, ['orderId']));
    const pending = o.extensions.at(-1);
    if (pending?.status !== 'requested')
      return err(loopError('loop/no-pending-extension', { orderId: o.id }, ['orderId']));
    // a resolved order's deadline is settled: its lateness was judged against it on acceptance.
    // Acceptance now lapses a pending request, so only a state stored before that still gets here.
    if (o.status === 'resolved') return err(loopError('loop/order-required', { orderId: o.id }, ['orderId']));
    const on = c.on ?? env.today;
    const comment = c.comment === undefined ? {} : { comment: c.comment };
    if (!c.approve)
      return collect([notBefore(on, pending.requestedOn, ['on'])], () =>
        one({ type: 'extension-rejected', orderId: o.id, decidedOn: on, ...comment }),
      );
    const newDueOn = c.newDueOn ?? pending.requestedDueOn;
    return collect(
      [
        notBefore(on, pending.requestedOn, ['on']),
        newDueOn <= o.effectiveDueOn
          ? loopError('loop/extension-not-later', { dueOn: o.effectiveDueOn, newDueOn }, ['newDueOn'])
          : fixedDateError(env, newDueOn, ['newDueOn']),
      ],
      () => one({ type: 'extension-approved', orderId: o.id, decidedOn: on, newDueOn, ...comment }),
    );
  },

  'report-resolution'(state, c, env) {
    const o = getRecord(state.orders, c.orderId);
    if (o?.status !== 'open') return err(loopError('loop/order-required', { orderId: c.orderId }, ['orderId']));
    const id = c.id ?? env.ctx.newId('res');
    const on = c.on ?? env.today;
    return collect(
      [
        duplicate(getRecord(state.resolutions, id) !== undefined, 'resolution', id),
        // after a 退回 the new report follows the return: backdating it would make a late order on time
        notBefore(on, o.returnedOn ?? o.issuedOn, ['on']),
      ],
      () => {
        const reviewDue = deadlineFrom(env, on, env.options.reviewWithin, []);
        if (!reviewDue.ok) return reviewDue;
        return one({
          type: 'resolution-reported',
          resolution: {
            id,
            orderId: o.id,
            problemId: o.problemId,
            summary: c.summary,
            evidence: c.evidence,
            reportedBy: c.reportedBy,
            reportedOn: on,
          },
          reviewDueOn: reviewDue.value,
        });
      },
    );
  },

  'review-resolution'(state, c, env) {
    const r = getRecord(state.resolutions, c.resolutionId);
    if (r?.status !== 'submitted')
      return err(loopError('loop/resolution-not-submitted', { resolutionId: c.resolutionId }, ['resolutionId']));
    const on = c.on ?? env.today;
    return collect([notBefore(on, r.reportedOn, ['on'])], () => {
      if (c.decision === 'return')
        return one({
          type: 'resolution-returned',
          resolutionId: r.id,
          returnedOn: on,
          ...(c.reason === undefined ? {} : { reason: c.reason }),
        });
      const lookBackDue = deadlineFrom(env, on, env.options.lookBackAfter, []);
      if (!lookBackDue.ok) return lookBackDue;
      return one({ type: 'resolution-accepted', resolutionId: r.id, acceptedOn: on, lookBackDueOn: lookBackDue.value });
    });
  },

  'record-look-back'(state, c, env) {
    const p = getRecord(state.problems, c.problemId);
    if (p?.status !== 'resolved')
      return err(loopError('loop/resolution-required', { problemId: c.problemId }, ['problemId']));
    const id = c.id ?? env.ctx.newId('lb');
    const on = c.on ?? env.today;
    return collect(
      [duplicate(getRecord(state.lookBacks, id) !== undefined, 'look-back', id), notBefore(on, p.resolvedOn, ['on'])],
      () => {
        const lookBack = {
          id,
          problemId: p.id,
          resolutionId: p.resolutionId,
          checkedBy: c.checkedBy,
          checkedOn: on,
          ...(c.notes === undefined ? {} : { notes: c.notes }),
        };
        const next = deadlineFrom(env, on, c.passed ? env.options.strikeOffWithin : env.options.orderWithin, []);
        if (!next.ok) return next;
        return c.passed
          ? one({ type: 'look-back-passed', lookBack, strikeOffDueOn: next.value })
          : one({ type: 'look-back-failed', lookBack, orderDueOn: next.value });
      },
    );
  },

  'strike-off'(state, c, env) {
    const p = getRecord(state.problems, c.problemId);
    if (p?.status !== 'looked-back')
      return err(loopError('loop/look-back-required', { problemId: c.problemId }, ['problemId']));
    const on = c.on ?? env.today;
    return collect([notBefore(on, p.passedOn, ['on'])], () =>
      one({ type: 'problem-struck-off', problemId: p.id, struckOffOn: on }),
    );
  },

  'close-deployment'(state, c, env) {
    const d = getRecord(state.deployments, c.deploymentId);
    if (!d) return err(loopError('loop/deployment-required', { deploymentId: c.deploymentId }, ['deploymentId']));
    if (d.status === 'closed')
      return err(loopError('loop/deployment-closed', { deploymentId: d.id }, ['deploymentId']));
    if (d.inspectionIds.length === 0) return err(loopError('loop/inspection-required', { id: d.id }, ['deploymentId']));
    const on = c.on ?? env.today;
    let latest = d.startOn;
    const errors: (DomainError | undefined)[] = [];
    for (const iid of d.inspectionIds) {
      const i = getRecord(state.inspections, iid);
      if (i?.status === 'notified') latest = i.notifiedOn > latest ? i.notifiedOn : latest;
      else errors.push(loopError('loop/notice-required', { inspectionId: iid }, ['deploymentId']));
    }
    for (const pid of d.problemIds) {
      const p = getRecord(state.problems, pid);
      if (p?.status === 'struck-off') latest = p.struckOffOn > latest ? p.struckOffOn : latest;
      else errors.push(loopError('loop/strike-off-required', { problemId: pid }, ['deploymentId']));
    }
    errors.push(notBefore(on, latest, ['on']));
    return collect(errors, () => one({ type: 'deployment-closed', deploymentId: d.id, closedOn: on }));
  },

  'correct-record'(state, c, env) {
    const record = c.target === 'deployment' ? getRecord(state.deployments, c.id) : getRecord(state.problems, c.id);
    if (!record) return err(loopError('loop/unknown-record', { target: c.target, id: c.id }, ['id']));
    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    const current = record as unknown as Readonly<Record<string, unknown>>;
    for (const [field, value] of Object.entries(c.changes)) {
      if (value === undefined || current[field] === value) continue;
      before[field] = String(current[field]);
      after[field] = value;
    }
    // Values already as given: nothing to record, and the state stays the same object.
    if (Object.keys(after).length === 0) return ok([]);
    return one({
      type: 'record-corrected',
      target: c.target,
      id: c.id,
      before,
      after,
      reason: c.reason,
      correctedOn: c.on ?? env.today,
    });
  },
  'rehome-unit'(state, c, env) {
    const on = c.on ?? env.today;
    const successorId = env.directory ? successorOf(env.directory, c.fromUnitId, on) : c.toUnitId;
    if (c.fromUnitId === c.toUnitId || successorId !== c.toUnitId)
      return err(
        loopError('loop/not-successor', { fromUnitId: c.fromUnitId, toUnitId: c.toUnitId, successorId }, ['toUnitId']),
      );
    const from = c.fromUnitId;
    const deploymentIds: string[] = [];
    const problemIds: string[] = [];
    const orderIds: string[] = [];
    forEachRecord(state.deployments, (d) => {
      if (d.status === 'open' && (d.leadUnitId === from || d.assistingUnitIds.includes(from))) deploymentIds.push(d.id);
    });
    forEachRecord(state.problems, (p) => {
      if (p.status !== 'struck-off' && p.unitId === from) problemIds.push(p.id);
    });
    forEachRecord(state.orders, (o) => {
      if (o.status !== 'resolved' && (o.leadUnitId === from || o.assistingUnitIds.includes(from))) orderIds.push(o.id);
    });
    // Nothing open (no line moves, no duty changes hands): nothing to record, the state stays the same object.
    if (deploymentIds.length + problemIds.length + orderIds.length === 0 && !handsOverDuties(state, from, c.toUnitId))
      return ok([]);
    const sort = (ids: string[]) => ids.sort();
    return one({
      type: 'unit-rehomed',
      fromUnitId: from,
      toUnitId: c.toUnitId,
      rehomedOn: on,
      deploymentIds: sort(deploymentIds),
      problemIds: sort(problemIds),
      orderIds: sort(orderIds),
    });
  },
};

/**
 * Decides a loop command: validates it, checks the 五凡五必 links and dates, computes deadlines on
 * the context's working-day calendar, and returns the events, or the errors that refuse it.
 * Each command yields at most one event.
 * @category Loop
 * @example
 * const r = decideLoop(emptyLoop(), { type: 'strike-off', problemId: 'p-1' }, ctx);
 * r.ok; // false: 'loop/look-back-required'
 */
export function decideLoop(
  state: LoopState,
  command: unknown,
  ctx: Context,
  options: LoopOptions = {},
): Result<readonly LoopEvent[]> {
  const parsed = parseWith(LoopCommandSchema, command);
  if (!parsed.ok) return parsed;
  const { directory } = options;
  const env: Env = {
    ctx,
    today: today(ctx),
    options: loopSettings(options),
    ...(directory === undefined ? {} : { directory }),
  };
  const c = parsed.value;
  const handler = handlers[c.type] as Handler<typeof c.type>;
  return handler(state, c as never, env);
}
