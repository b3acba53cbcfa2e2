import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkdays,
  allRecords,
  countRecords,
  type Decider,
  getRecord,
  type IsoDate,
  ok,
  putRecord,
} from '../../src/core/index.js';
import {
  emptyLoop,
  type LoopCommand,
  type LoopDecider,
  type LoopEvent,
  type LoopState,
  loopDecider,
} from '../../src/loop/index.js';
import { at } from '../loop/_fixture.js';
import { loopInvariants } from './_invariants.js';
import { type Attempt, type Choice, checkRandom, formatReport, pickOf, type RandomModel } from './_random.js';

const UNITS = ['st-a1', 'st-a2', 'dept-food', 'dept-drug'] as const;

const deployment = (id: string, on: IsoDate): LoopCommand => ({
  type: 'order-deployment',
  id,
  title: '食用农产品批发市场批批快检',
  source: { kind: 'document', reference: '威市监发〔2025〕1号' },
  orderedBy: '局长',
  supervisingUnitId: 'dept-office',
  leadUnitId: 'dept-food',
  assistingUnitIds: ['st-a1'],
  deadline: { workdays: 20 },
  category: '食品安全',
  on,
});

/** The commands the 五凡五必 order allows next, each for one record in its state (the model's "enabled" set). */
function allowed(s: LoopState, on: IsoDate, alt: number): LoopCommand[] {
  const out: LoopCommand[] = [];
  const inspections = countRecords(s.inspections);
  const problems = countRecords(s.problems);
  // Few records at a time, so a long walk goes round the loop many times (returns, failed look-backs, closings)
  // rather than only widening the state.
  const open = allRecords(s.deployments).filter((d) => d.status === 'open');
  if (open.length < 2) out.push(deployment(`dep-${countRecords(s.deployments) + 1}`, on));
  for (const d of open) {
    if (d.inspectionIds.length < 2)
      out.push({
        type: 'record-inspection',
        id: `insp-${inspections + 1}`,
        deploymentId: d.id,
        kind: alt % 2 === 0 ? 'frontline' : 'dual-check',
        inspectors: ['张三', '李四'],
        inspectedUnitIds: ['st-a1'],
        on,
      });
    out.push({
      type: 'correct-record',
      target: 'deployment',
      id: d.id,
      changes: { title: `标题${alt % 3}` },
      reason: '笔误',
      on,
    });
    const closable =
      d.inspectionIds.length > 0 &&
      d.inspectionIds.every((i) => getRecord(s.inspections, i)?.status === 'notified') &&
      d.problemIds.every((p) => getRecord(s.problems, p)?.status === 'struck-off');
    if (closable) out.push({ type: 'close-deployment', deploymentId: d.id, on });
  }
  for (const i of allRecords(s.inspections)) {
    if (i.status === 'awaiting-notice') {
      const n = countRecords(s.notices) + 1;
      out.push({
        type: 'issue-notice',
        id: `notice-${n}`,
        inspectionId: i.id,
        number: `威市监通〔2025〕${n}号`,
        tone: 'criticism',
        scope: ['dept-food'],
        on,
      });
    }
    if (getRecord(s.deployments, i.deploymentId)?.status === 'open' && i.problemIds.length < 2)
      out.push({
        type: 'record-problem',
        id: `p-${problems + 1}`,
        inspectionId: i.id,
        description: '不合格农产品未及时下架',
        unitId: pickOf(UNITS, alt),
        severity: alt % 2 === 0 ? 'serious' : 'general',
        category: '食用农产品',
        on,
      });
  }
  for (const p of allRecords(s.problems)) {
    if (p.status === 'awaiting-order')
      out.push({
        type: 'order-supervision',
        id: `o-${countRecords(s.orders) + 1}`,
        problemId: p.id,
        leadUnitId: p.unitId,
        deadline: { workdays: 5 },
        on,
      });
    if (p.status === 'resolved')
      out.push({
        type: 'record-look-back',
        id: `lb-${countRecords(s.lookBacks) + 1}`,
        problemId: p.id,
        passed: alt % 3 !== 0,
        checkedBy: ['赵六'],
        on,
      });
    if (p.status === 'looked-back') out.push({ type: 'strike-off', problemId: p.id, on });
  }
  for (const o of allRecords(s.orders)) {
    if (o.status !== 'open') continue;
    const pending = o.extensions.at(-1)?.status === 'requested';
    if (pending) out.push({ type: 'decide-extension', orderId: o.id, approve: alt % 2 === 0, on });
    // an extension is requested before the due date (domain §5), not on it, and to a day the calendar
    // covers (2027 is not published, so its working days are not guessed)
    else if (on < o.effectiveDueOn && addWorkdays(o.effectiveDueOn, 5) <= '2026-12-31')
      out.push({
        type: 'request-extension',
        orderId: o.id,
        reason: '需第三方检测',
        newDueOn: addWorkdays(o.effectiveDueOn, 5),
        on,
      });
    out.push({
      type: 'report-resolution',
      id: `r-${countRecords(s.resolutions) + 1}`,
      orderId: o.id,
      summary: '已下架销毁并约谈经营者',
      evidence: ['销毁记录'],
      reportedBy: '王所长',
      on,
    });
  }
  for (const r of allRecords(s.resolutions))
    if (r.status === 'submitted')
      out.push({
        type: 'review-resolution',
        resolutionId: r.id,
        decision: alt % 3 === 0 ? 'return' : 'accept',
        ...(alt % 3 === 0 ? { reason: '证据不足' } : {}),
        on,
      });
  out.push({ type: 'rehome-unit', fromUnitId: pickOf(UNITS, alt), toUnitId: pickOf(UNITS, alt + 1), on });
  return out;
}

/** An id of a kind: one that exists, or one that does not (`?-x`). */
function anyId(ids: readonly string[], prefix: string, n: number): string {
  return pickOf([...ids, `${prefix}-x`], n);
}

/** Any command of any type on any record (existing or not): the oracle says which must be refused, and how. */
function anyCommand(s: LoopState, on: IsoDate, c: Choice): LoopCommand {
  const ids = (t: { [id: string]: { [id: string]: { id: string } } }) => allRecords(t).map((r) => r.id);
  const dep = anyId(ids(s.deployments), 'dep', c.alt);
  const insp = anyId(ids(s.inspections), 'insp', c.alt);
  const prob = anyId(ids(s.problems), 'p', c.alt);
  const order = anyId(ids(s.orders), 'o', c.alt);
  const res = anyId(ids(s.resolutions), 'r', c.alt);
  const kinds: (() => LoopCommand)[] = [
    () => deployment(anyId(ids(s.deployments), 'dep', c.alt + 1), on),
    () => ({
      type: 'record-inspection',
      id: anyId(ids(s.inspections), 'insp', c.alt + 1),
      deploymentId: dep,
      kind: 'frontline',
      inspectors: ['张三'],
      inspectedUnitIds: ['st-a1'],
      on,
    }),
    () => ({
      type: 'issue-notice',
      id: `notice-${countRecords(s.notices) + 1}`,
      inspectionId: insp,
      number: `威市监通〔2025〕${countRecords(s.notices) + 1}号`,
      tone: 'praise',
      scope: ['dept-food'],
      on,
    }),
    () => ({
      type: 'record-problem',
      id: `p-${countRecords(s.problems) + 1}`,
      inspectionId: insp,
      description: '台账缺失',
      unitId: 'st-a2',
      severity: 'general',
      category: '食品',
      on,
    }),
    () => ({
      type: 'order-supervision',
      id: anyId(ids(s.orders), 'o', c.alt + 1),
      problemId: prob,
      leadUnitId: 'st-a1',
      deadline: { workdays: 3 },
      on,
    }),
    () => ({ type: 'request-extension', orderId: order, reason: '延期', newDueOn: '2026-12-31', on }),
    () => ({ type: 'decide-extension', orderId: order, approve: true, on }),
    () => ({
      type: 'report-resolution',
      id: anyId(ids(s.resolutions), 'r', c.alt + 1),
      orderId: order,
      summary: '整改完毕',
      evidence: [],
      reportedBy: '王所长',
      on,
    }),
    () => ({ type: 'review-resolution', resolutionId: res, decision: 'accept', on }),
    () => ({
      type: 'record-look-back',
      id: `lb-${countRecords(s.lookBacks) + 1}`,
      problemId: prob,
      passed: true,
      checkedBy: ['赵六'],
      on,
    }),
    () => ({ type: 'strike-off', problemId: prob, on }),
    () => ({ type: 'close-deployment', deploymentId: dep, on }),
  ];
  return pickOf(kinds, c.pick)();
}

/** The step-order oracle of the loop: which code a command out of 五凡五必 order must be refused with. */
function refusal(s: LoopState, c: LoopCommand): string | undefined {
  const dup = (table: { [shard: string]: { [id: string]: unknown } }, id: string | undefined) =>
    id !== undefined && getRecord(table, id) !== undefined ? 'loop/duplicate-id' : undefined;
  switch (c.type) {
    case 'order-deployment':
      return dup(s.deployments, c.id);
    case 'record-inspection': {
      const d = getRecord(s.deployments, c.deploymentId);
      if (!d) return 'loop/deployment-required';
      if (d.status === 'closed') return 'loop/deployment-closed';
      return dup(s.inspections, c.id);
    }
    case 'issue-notice': {
      const i = getRecord(s.inspections, c.inspectionId);
      if (!i) return 'loop/inspection-required';
      return i.status === 'notified' ? 'loop/already-notified' : undefined;
    }
    case 'record-problem': {
      const i = getRecord(s.inspections, c.inspectionId);
      if (!i) return 'loop/inspection-required';
      return getRecord(s.deployments, i.deploymentId)?.status === 'closed' ? 'loop/deployment-closed' : undefined;
    }
    case 'order-supervision':
      if (getRecord(s.problems, c.problemId)?.status !== 'awaiting-order') return 'loop/problem-required';
      return dup(s.orders, c.id);
    case 'request-extension': {
      const o = getRecord(s.orders, c.orderId);
      if (o?.status !== 'open') return 'loop/order-required';
      return o.extensions.at(-1)?.status === 'requested' ? 'loop/extension-pending' : undefined;
    }
    case 'decide-extension': {
      const o = getRecord(s.orders, c.orderId);
      if (!o) return 'loop/order-required';
      return o.extensions.at(-1)?.status === 'requested' ? undefined : 'loop/no-pending-extension';
    }
    case 'report-resolution':
      if (getRecord(s.orders, c.orderId)?.status !== 'open') return 'loop/order-required';
      return dup(s.resolutions, c.id);
    case 'review-resolution':
      return getRecord(s.resolutions, c.resolutionId)?.status === 'submitted'
        ? undefined
        : 'loop/resolution-not-submitted';
    case 'record-look-back':
      return getRecord(s.problems, c.problemId)?.status === 'resolved' ? undefined : 'loop/resolution-required';
    case 'strike-off':
      return getRecord(s.problems, c.problemId)?.status === 'looked-back' ? undefined : 'loop/look-back-required';
    case 'close-deployment': {
      const d = getRecord(s.deployments, c.deploymentId);
      if (!d) return 'loop/deployment-required';
      if (d.status === 'closed') return 'loop/deployment-closed';
      if (d.inspectionIds.length === 0) return 'loop/inspection-required';
      if (d.inspectionIds.some((i) => getRecord(s.inspections, i)?.status !== 'notified'))
        return 'loop/notice-required';
      if (d.problemIds.some((p) => getRecord(s.problems, p)?.status !== 'struck-off'))
        return 'loop/strike-off-required';
      return undefined;
    }
    default:
      return undefined;
  }
}

function ids(s: LoopState): string[] {
  const out: string[] = [];
  for (const [kind, table] of [
    ['deployment', s.deployments],
    ['inspection', s.inspections],
    ['notice', s.notices],
    ['problem', s.problems],
    ['order', s.orders],
    ['resolution', s.resolutions],
    ['look-back', s.lookBacks],
  ] as const)
    for (const r of allRecords(table as { [shard: string]: { [id: string]: { id: string } } }))
      out.push(`${kind}:${r.id}`);
  return out;
}

/** The loop as a random-walk model over a given decider (the real one, or a sabotaged one to prove the checks bite). */
function loopModel(
  decider: Decider<LoopState, LoopCommand, LoopEvent>,
): RandomModel<LoopState, LoopCommand, LoopEvent> {
  return {
    name: 'loop',
    decider,
    start: '2025-01-02',
    waits: fc.constantFrom(0, 0, 0, 1, 1, 2, 7),
    context: at,
    next(s, day, c): Attempt<LoopCommand> {
      // Three steps in four follow the order; the fourth is any command at all, often one that skips a step.
      if (c.mode < 75) return { command: pickOf(allowed(s, day, c.alt), c.pick), valid: true };
      return { command: anyCommand(s, day, c), valid: false };
    },
    refusal,
    invariants: loopInvariants,
    ids,
  };
}

const SEED = 20251016;

describe('loop model: random long walks', () => {
  it('80 seeded walks of 30–200 commands keep the invariants after every step, refuse every skipped step, and replay', () => {
    const r = checkRandom(loopModel(loopDecider), { seed: SEED, numRuns: 80, minLength: 30, maxLength: 200 });
    console.info(formatReport('loop', r));
    expect(r.sequences).toBe(80);
    expect(r.longest).toBeGreaterThan(150);
    expect(r.predictedRefusals).toBeGreaterThan(1000);
    expect(r.accepted).toBeGreaterThan(r.commands / 2);
    expect(r.distinctStates).toBeGreaterThan(3000);
    // The walks go all the way round the loop, through returns, extensions and failed look-backs.
    for (const type of ['deployment-closed', 'look-back-failed', 'resolution-returned', 'extension-approved'])
      expect(r.eventTypes[type] ?? 0, type).toBeGreaterThan(20);
  });
});

/** The real decider with one recipe or one rule broken, to show that the walk notices. */
function sabotaged(
  decide: LoopDecider['decide'] = loopDecider.decide,
  evolve: LoopDecider['evolve'] = loopDecider.evolve,
): LoopDecider {
  return { ...loopDecider, initialState: emptyLoop(), decide, evolve };
}

const quick = { seed: SEED, numRuns: 30, minLength: 30, maxLength: 200, endOnFailure: true } as const;

describe('loop model: the walk catches a broken decider', () => {
  it('a closing that skips the strike-offs is refused by the oracle', () => {
    const d = sabotaged((state, c, ctx) =>
      c.type === 'close-deployment' && getRecord(state.deployments, c.deploymentId)?.status === 'open'
        ? ok([
            {
              type: 'deployment-closed' as const,
              deploymentId: c.deploymentId,
              closedOn: (c.on ?? '2025-01-02') as IsoDate,
            },
          ])
        : loopDecider.decide(state, c, ctx),
    );
    expect(() => checkRandom(loopModel(d), quick)).toThrow(/out-of-order close-deployment accepted/);
  });

  it('a notice that does not mark its inspection breaks an invariant', () => {
    const d = sabotaged(undefined, (draft, e) => {
      if (e.type !== 'notice-issued') loopDecider.evolve(draft, e);
      else putRecord(draft.notices, e.notice.id, { ...e.notice, seq: e.seq });
    });
    expect(() => checkRandom(loopModel(d), quick)).toThrow(/invariant broken: notice .* without its inspection/);
  });

  it('a returned resolution that deletes the record is a lost record', () => {
    const d = sabotaged(undefined, (draft, e) => {
      loopDecider.evolve(draft, e);
      if (e.type === 'resolution-returned')
        for (const shard of Object.values(draft.resolutions)) delete (shard as Record<string, unknown>)[e.resolutionId];
    });
    expect(() => checkRandom(loopModel(d), quick)).toThrow(/record resolution:\S+ lost/);
  });

  it('a recipe that is not deterministic makes replay differ from the state', () => {
    let calls = 0;
    const d = sabotaged(undefined, (draft, e) => {
      loopDecider.evolve(draft, e);
      if (e.type === 'deployment-ordered')
        putRecord(draft.deployments, e.deployment.id, {
          ...getRecord(draft.deployments, e.deployment.id),
          title: `第${++calls}次`,
        } as never);
    });
    expect(() => checkRandom(loopModel(d), quick)).toThrow(/replay/);
  });
});
