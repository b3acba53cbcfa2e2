import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaWorkCalendar,
  dayNumber,
  execute,
  forEachRecord,
  fromDayNumber,
  type IsoDate,
  type Recorded,
  replay,
  shardOf,
  unwrap,
} from '../../src/core/index.js';
import { dayOf } from '../../src/risk/_lib/index.js';
import {
  evolveRisk,
  heatMap,
  isOverdue,
  LEC_METHOD_A,
  MATRIX_METHOD_A,
  metrics,
  overdue,
  RISK_LEVEL_COLOURS,
  type RiskCommand,
  type RiskEvent,
  type RiskItem,
  type RiskListFilters,
  type RiskRow,
  type RiskState,
  reviewsDue,
  riskDecider,
  riskList,
} from '../../src/risk/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { ctx } from './_fixture.js';

const q = { now: () => '2025-10-16T09:00:00+08:00' as const, calendar: chinaWorkCalendar };

/** Ids that share one shard, with array-index ids (which JavaScript enumerates first) among them. */
function sameShard(): { text: [string, string]; numeric: [string, string] } {
  const target = shardOf('r-1');
  const numeric: string[] = [];
  const text: string[] = ['r-1'];
  for (let n = 0; numeric.length < 2 || text.length < 2; n++) {
    if (numeric.length < 2 && shardOf(String(n)) === target) numeric.push(String(n));
    if (text.length < 2 && shardOf(`r-${n + 2}`) === target) text.push(`r-${n + 2}`);
  }
  return { text: text as [string, string], numeric: numeric as [string, string] };
}
const shard = sameShard();
const ids = [shard.text[0], shard.numeric[1], shard.numeric[0], 'q-9'];

/** The ledger row of one risk, written out independently of the library's own. */
function expectedRow(it: RiskItem): RiskRow {
  const s = it.status;
  const row: Record<string, unknown> = {
    id: it.id,
    title: it.title,
    category: it.category,
    unitId: it.unitId,
    stage: s.stage,
    openMeasures: it.measures.filter((m) => m.status.stage === 'open').length,
  };
  if (s.stage !== 'identified') {
    const r = s.ratings.current;
    Object.assign(row, { level: r.level, colour: RISK_LEVEL_COLOURS[r.level], score: r.score });
  }
  if ('assignment' in s)
    Object.assign(row, {
      ownerUnitId: s.assignment.ownerUnitId,
      responsibleId: s.assignment.responsibleId,
      deadline: s.assignment.deadline,
    });
  return row as unknown as RiskRow;
}

/** The risk list by a plain walk over the records, in the table's order. */
function expectedList(state: RiskState, f: RiskListFilters): RiskRow[] {
  const rows: RiskRow[] = [];
  forEachRecord(state.risks, (it) => {
    const s = it.status;
    const level = s.stage === 'identified' ? undefined : s.ratings.current.level;
    const owner = 'assignment' in s ? s.assignment.ownerUnitId : undefined;
    if (f.level !== undefined && level !== f.level) return;
    if (f.stage !== undefined && s.stage !== f.stage) return;
    if (f.category !== undefined && it.category !== f.category) return;
    if (f.unitId !== undefined && it.unitId !== f.unitId && owner !== f.unitId) return;
    if (
      f.ownerId !== undefined &&
      !('assignment' in s && s.assignment.responsibleId === f.ownerId) &&
      !it.measures.some((m) => m.ownerId === f.ownerId)
    )
      return;
    if (f.overdueOn !== undefined && !isOverdue(it, f.overdueOn)) return;
    rows.push(expectedRow(it));
  });
  return rows;
}

const FILTERS: readonly RiskListFilters[] = [
  {},
  { level: 'major' },
  { level: 'significant', unitId: 'county-a' },
  { unitId: 'dept-food' },
  { category: 'drugs' },
  { stage: 'controlling' },
  { stage: 'reopened' },
  { ownerId: 'm-2' },
  { overdueOn: '2025-10-16' },
  { stage: 'controlling', overdueOn: '2025-09-20' },
  { unitId: 'nowhere' },
  { category: 'x-none' },
];

/** Closures and on-time closures per owner unit by a plain walk: on time means by the deadline missed, else the one in force. */
function expectedClosures(state: RiskState): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  forEachRecord(state.risks, (it) => {
    const s = it.status;
    if (s.stage !== 'closed') return;
    const by = s.assignment.missedDeadline ?? s.assignment.deadline;
    const row = out[s.assignment.ownerUnitId] ?? [0, 0];
    out[s.assignment.ownerUnitId] = row;
    row[0]++;
    if (s.closedOn <= by) row[1]++;
  });
  return out;
}

/** Every query on `state` agrees with the plain walk, and with the same queries on `other`. */
function agree(state: RiskState, other?: RiskState): void {
  for (const f of FILTERS) {
    const list = riskList(state, f);
    expect(list).toEqual(expectedList(state, f));
    if (other) expect(riskList(other, f)).toEqual(list);
  }
  const m = metrics(state, q);
  for (const [unit, [closed, onTime]] of Object.entries(expectedClosures(state))) {
    expect(m[unit]?.['risk.closed']).toBe(closed);
    expect(m[unit]?.['risk.on-time-closure-rate']).toBe(onTime / closed);
  }
  if (!other) return;
  expect(heatMap(other, MATRIX_METHOD_A)).toEqual(heatMap(state, MATRIX_METHOD_A));
  expect(heatMap(other, LEC_METHOD_A)).toEqual(heatMap(state, LEC_METHOD_A));
  expect(metrics(other, q)).toEqual(metrics(state, q));
  expect(overdue(other, q)).toEqual(overdue(state, q));
  expect(reviewsDue(other, q)).toEqual(reviewsDue(state, q));
}

/** Folds events into a plain accumulator with evolveRisk, as replay does but without freezing. */
function fold(events: readonly Recorded<RiskEvent>[], into?: RiskState): RiskState {
  const acc = into ?? (structuredClone(riskDecider.initialState) as RiskState);
  for (const e of events) {
    evolveRisk(acc as never, e);
    (acc as { version: number }).version = e.seq;
  }
  return acc;
}

const id = fc.constantFrom(...ids);
const unit = fc.constantFrom('dept-food', 'county-a');
const day = fc.integer({ min: 0, max: 60 }).map((n) => addDays('2025-09-01', n));
const factor = fc.integer({ min: 1, max: 5 });
const command: fc.Arbitrary<RiskCommand> = fc.oneof(
  fc
    .record({ riskId: id, unitId: unit, category: fc.constantFrom('food', 'drugs') })
    .map(
      (r) =>
        ({ type: 'identify-risk', title: '抽检不合格', source: 'inspection', on: '2025-09-01', ...r }) as RiskCommand,
    ),
  fc.record({ riskId: id, l: factor, s: factor }).map(
    ({ riskId, l, s }) =>
      ({
        type: 'assess-risk',
        riskId,
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: l, impact: s },
        reason: '评估',
      }) as RiskCommand,
  ),
  fc.record({ riskId: id, l: factor, s: factor }).map(
    ({ riskId, l, s }) =>
      ({
        type: 're-rate-risk',
        riskId,
        tier: 'current',
        factors: { likelihood: l, impact: s },
        reason: '复评',
      }) as RiskCommand,
  ),
  fc
    .record({ riskId: id, ownerUnitId: unit, responsibleId: fc.constantFrom('m-1', 'm-2'), deadline: day })
    .map((r) => ({ type: 'assign-risk', on: '2025-09-01', ...r }) as RiskCommand),
  fc
    .record({ riskId: id, measureId: fc.constantFrom('ms-1', 'ms-2'), ownerId: unit, deadline: day })
    .map((r) => ({ type: 'add-measure', text: '快检', on: '2025-09-01', ...r, ownerId: 'm-2' }) as RiskCommand),
  fc
    .record({ riskId: id, measureId: fc.constantFrom('ms-1', 'ms-2') })
    .map((r) => ({ type: 'complete-measure', evidence: '已完成', on: '2025-09-10', ...r }) as RiskCommand),
  fc
    .record({ riskId: id, review: fc.boolean() })
    .map((r) => ({ type: 'track-risk', note: '跟踪', on: '2025-09-10', ...r }) as RiskCommand),
  fc.record({ riskId: id, on: day }).map(
    (r) =>
      ({
        type: 'close-risk',
        closure: { kind: 'accepted', approverId: 'm-wang', expiresOn: '2026-01-01', reason: '批准接受' },
        ...r,
      }) as RiskCommand,
  ),
  id.map((riskId) => ({ type: 'reopen-risk', riskId, reason: '再次发现', on: '2025-10-01' }) as RiskCommand),
);

describe('the risk-list index', () => {
  it('answers like a plain walk on executed, replayed, folded and cloned states alike', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(command, { minLength: 5, maxLength: 40, size: 'max' }), (commands) => {
        let state = riskDecider.initialState;
        const events: Recorded<RiskEvent>[] = [];
        // a plain accumulator folded step by step: its live index must be right after every event
        const acc = fold([]);
        for (const cmd of commands) {
          const r = execute(riskDecider, state, cmd, ctx());
          if (!r.ok) continue;
          const before = state;
          const listed = riskList(before);
          state = r.value.state;
          events.push(...r.value.events);
          for (const e of r.value.events) seen.add(e.type);
          fold(r.value.events, acc);
          agree(state, acc);
          // the earlier state still answers for itself (its shards, and their indexes, are its own)
          expect(riskList(before)).toEqual(listed);
        }
        agree(state, replay(riskDecider, events));
        agree(state, structuredClone(state));
      }),
      { numRuns: 150, seed: 20251016 },
    );
    // every event that changes an indexed column must have been folded, or the comparison proves little
    expect([...seen].sort()).toEqual([
      'control-started',
      'measure-added',
      'measure-completed',
      'risk-assessed',
      'risk-assigned',
      'risk-closed',
      'risk-identified',
      'risk-re-rated',
      'risk-reopened',
      'risk-tracked',
    ]);
  });

  it('keeps the key order of the table when array-index ids arrive after others', () => {
    const [small, big] = shard.numeric;
    const cmds = [shard.text[0], big, shard.text[1], small].map(
      (riskId) =>
        ({
          type: 'identify-risk',
          riskId,
          title: '抽检不合格',
          category: 'food',
          source: 'inspection',
          unitId: 'dept-food',
          on: '2025-09-01',
        }) as RiskCommand,
    );
    let state = riskDecider.initialState;
    const events: Recorded<RiskEvent>[] = [];
    for (const cmd of cmds) {
      const r = unwrap(execute(riskDecider, state, cmd, ctx()));
      state = r.state;
      events.push(...r.events);
    }
    const order = [small, big, shard.text[0], shard.text[1]];
    const replayed = replay(riskDecider, events);
    expect(riskList(replayed).map((r) => r.id)).toEqual(order);
    expect(riskList(state).map((r) => r.id)).toEqual(order);
    // a later change to a reordered shard is seen
    const assessed = unwrap(
      execute(
        riskDecider,
        replayed,
        {
          type: 'assess-risk',
          riskId: small,
          methodId: 'matrix-5x5-a',
          inherent: { likelihood: 5, impact: 5 },
          reason: '评估',
        },
        ctx(),
      ),
    ).state;
    expect(riskList(assessed, { level: 'major' }).map((r) => r.id)).toEqual([small]);
    expect(riskList(replayed, { level: 'major' })).toEqual([]);
  });

  it('stays right when a plain accumulator is queried half-way and folded further', () => {
    let state = riskDecider.initialState;
    const events: Recorded<RiskEvent>[] = [];
    const script: RiskCommand[] = ids.flatMap((riskId, k) => [
      {
        type: 'identify-risk',
        riskId,
        title: '抽检不合格',
        category: 'food',
        source: 'inspection',
        unitId: k % 2 ? 'county-a' : 'dept-food',
        on: '2025-09-01',
      },
      {
        type: 'assess-risk',
        riskId,
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: 5, impact: 1 + k },
        reason: '评估',
      },
      {
        type: 'assign-risk',
        riskId,
        ownerUnitId: 'county-a',
        responsibleId: 'm-1',
        deadline: '2025-10-01',
        on: '2025-09-02',
      },
    ]);
    for (const cmd of script) {
      const r = unwrap(execute(riskDecider, state, cmd, ctx()));
      state = r.state;
      events.push(...r.events);
    }
    const half = Math.floor(events.length / 2);
    const acc = fold(events.slice(0, half));
    agree(acc);
    fold(events.slice(half), acc);
    agree(acc, state);
  });

  it('judges on-time closure by the missed deadline alike on executed, replayed, half-folded and cloned states', () => {
    const assignOn = (riskId: string, deadline: IsoDate, on: IsoDate): RiskCommand => ({
      type: 'assign-risk',
      riskId,
      ownerUnitId: 'county-a',
      responsibleId: 'm-1',
      deadline,
      on,
    });
    const close = (riskId: string, on: IsoDate): RiskCommand => ({
      type: 'close-risk',
      riskId,
      closure: { kind: 'eliminated', evidence: '复查合格' },
      on,
    });
    const script: RiskCommand[] = ids.flatMap((riskId) => [
      {
        type: 'identify-risk',
        riskId,
        title: '抽检不合格',
        category: 'food',
        source: 'inspection',
        unitId: 'dept-food',
        on: '2025-09-01',
      },
      { type: 'assess-risk', riskId, methodId: 'matrix-5x5-a', inherent: { likelihood: 4, impact: 4 }, reason: '评估' },
      assignOn(riskId, '2025-09-30', '2025-09-02'),
    ]);
    const [a, b, c, d] = ids as [string, string, string, string];
    script.push(
      // late re-assignment, closed by the new deadline: late
      assignOn(a, '2025-10-31', '2025-10-10'),
      close(a, '2025-10-14'),
      // re-assigned in time: on time
      assignOn(b, '2025-10-31', '2025-09-20'),
      close(b, '2025-10-14'),
      // closed late, reopened with a new deadline, closed by it: still late
      close(c, '2025-10-08'),
      { type: 'reopen-risk', riskId: c, reason: '再次发现', on: '2025-10-09', deadline: '2025-11-30' },
      close(c, '2025-10-20'),
      // closed on time, reopened without a deadline (it moves by the days closed), closed again in time
      close(d, '2025-09-10'),
      { type: 'reopen-risk', riskId: d, reason: '再次发现', on: '2025-10-09' },
      close(d, '2025-10-20'),
    );
    let state = riskDecider.initialState;
    const events: Recorded<RiskEvent>[] = [];
    for (const cmd of script) {
      const r = unwrap(execute(riskDecider, state, cmd, ctx()));
      state = r.state;
      events.push(...r.events);
    }
    expect(metrics(state, q)['county-a']).toMatchObject({ 'risk.closed': 4, 'risk.on-time-closure-rate': 0.5 });
    const half = events.length - 5;
    const acc = fold(events.slice(0, half));
    agree(acc);
    fold(events.slice(half), acc);
    agree(state, acc);
    agree(state, replay(riskDecider, events));
    agree(state, structuredClone(state));
  });

  it('reads a rehomed risk under its new unit', () => {
    const events: Recorded<RiskEvent>[] = [];
    let state = riskDecider.initialState;
    for (const riskId of ['r-1', 'r-2']) {
      const r = unwrap(
        execute(
          riskDecider,
          state,
          {
            type: 'identify-risk',
            riskId,
            title: '抽检不合格',
            category: 'food',
            source: 'inspection',
            unitId: 'st-b1',
            on: '2025-09-01',
          },
          ctx(),
        ),
      );
      state = r.state;
      events.push(...r.events);
    }
    const moved = {
      type: 'unit-rehomed',
      fromUnitId: 'st-b1',
      toUnitId: 'st-b',
      riskIds: ['r-1'],
      on: '2025-10-09',
      seq: events.length + 1,
      at: '2025-10-09T09:00:00+08:00',
      actor: 'm-wang',
      schemaVersion: 1,
    } as unknown as Recorded<RiskEvent>;
    const folded = deepFreeze(replay(riskDecider, [...events, moved]));
    expect(riskList(folded, { unitId: 'st-b' }).map((r) => r.id)).toEqual(['r-1']);
    expect(riskList(folded, { unitId: 'st-b1' }).map((r) => r.id)).toEqual(['r-2']);
    agree(folded, structuredClone(folded));
  });
});

describe('dayOf', () => {
  it('gives the day number dayNumber gives, for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -800_000, max: 2_900_000 }), (n) => {
        const d = fromDayNumber(n);
        fc.pre(/^\d{4}-\d{2}-\d{2}$/.test(d));
        expect(dayOf(d)).toBe(dayNumber(d));
      }),
      { numRuns: 2000 },
    );
    for (const d of ['1900-01-01', '1899-12-31', '2000-02-29', '2024-02-29', '2100-03-01', '0050-06-01'] as IsoDate[])
      expect(dayOf(d)).toBe(dayNumber(d));
  });
});
