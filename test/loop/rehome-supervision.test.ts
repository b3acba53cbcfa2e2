import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { produce } from '../../src/core/immer.js';
import {
  applyEvents,
  execute,
  forEachRecord,
  getRecord,
  putRecord,
  type Recorded,
  replay,
  unwrap,
} from '../../src/core/index.js';
import {
  createLoopDecider,
  dueSoon,
  gaps,
  type LoopCommand,
  type LoopCommandOf,
  type LoopEvent,
  type LoopState,
  loopDecider,
  overdue,
} from '../../src/loop/index.js';
import { deepFreeze, unfrozenPaths } from '../helpers/freeze.js';
import { MERGED, mergedDirectory } from '../join/_merge.js';
import { at, closing, run, story } from './_fixture.js';

// 南街所 (st-b1) supervises two deployments led by 东城所 (st-a1) and owes, by year end, one link of
// every kind a supervising unit owes; 西湖所 (st-b2) carried out one inspection whose notice is still
// owed. Both merge into 南湖所 (st-b) on 2025-10-01. Neither leads, assists or answers for anything.
const SUPERVISOR = 'st-b1';
const INSPECTOR = 'st-b2';

const deployment = (id: string, deadline: number): LoopCommand => ({
  type: 'order-deployment',
  id,
  title: '国庆节前食品安全专项检查',
  source: { kind: 'document', reference: '某市监发〔2025〕9号' },
  orderedBy: '局长',
  supervisingUnitId: SUPERVISOR,
  leadUnitId: 'st-a1',
  deadline: { workdays: deadline },
  category: '食品安全',
  on: '2025-09-01',
});

const inspection = (id: string, byUnitId?: string): LoopCommand => ({
  type: 'record-inspection',
  id,
  deploymentId: 'dep-1',
  kind: 'frontline',
  inspectors: ['张三'],
  ...(byUnitId === undefined ? {} : { byUnitId }),
  inspectedUnitIds: ['st-a1'],
  on: '2025-09-03',
});

const problem = (id: string): LoopCommand => ({
  type: 'record-problem',
  id,
  inspectionId: 'insp-1',
  description: '冷链温度记录缺失',
  unitId: 'st-a1',
  severity: 'general',
  category: '冷链',
  on: '2025-09-03',
});

const order = (p: string): LoopCommandOf<'order-supervision'> => ({
  type: 'order-supervision',
  id: `o-${p}`,
  problemId: p,
  leadUnitId: 'st-a1',
  deadline: { workdays: 5 },
  on: '2025-09-04',
});

const report = (p: string): LoopCommand => ({
  type: 'report-resolution',
  id: `r-${p}`,
  orderId: `o-${p}`,
  summary: '已整改',
  evidence: ['整改报告'],
  reportedBy: '所长',
  on: '2025-09-05',
});

const accept = (p: string): LoopCommand => ({
  type: 'review-resolution',
  resolutionId: `r-${p}`,
  decision: 'accept',
  on: '2025-09-08',
});

const year: readonly LoopCommand[] = [
  deployment('dep-1', 20),
  deployment('dep-2', 5), // never inspected: its inspection is owed
  inspection('insp-1'),
  {
    type: 'issue-notice',
    id: 'n-1',
    inspectionId: 'insp-1',
    number: '通〔2025〕1号',
    tone: 'criticism',
    scope: ['st-a1'],
    on: '2025-09-04',
  },
  inspection('insp-2'), // by the supervising unit, its notice owed
  inspection('insp-3', INSPECTOR), // by 西湖所, its notice owed
  problem('p-order'), // awaiting its supervision order
  problem('p-review'),
  order('p-review'),
  report('p-review'), // awaiting review
  problem('p-look'),
  order('p-look'),
  report('p-look'),
  accept('p-look'), // awaiting its look-back
  problem('p-strike'),
  order('p-strike'),
  report('p-strike'),
  accept('p-strike'),
  {
    type: 'record-look-back',
    id: 'lb-strike',
    problemId: 'p-strike',
    passed: true,
    checkedBy: ['督查组'],
    on: '2025-09-15',
  }, // awaiting strike-off
];

const YEAR_END = at('2025-12-15');
const rehome = (fromUnitId: string, toUnitId: string, on = '2025-10-09'): LoopCommand => ({
  type: 'rehome-unit',
  fromUnitId,
  toUnitId,
  on,
});

/** link → unit owing it, for the links of the scenario (the resolution of an order is st-a1's throughout). */
function owing(state: LoopState): Record<string, string> {
  return Object.fromEntries(gaps(state, YEAR_END).map((g) => [`${g.link}:${g.recordId}`, g.owedBy]));
}

const owedBySupervisor = (unit: string, inspector: string) => ({
  'inspection:dep-2': unit,
  'notice:insp-2': unit,
  'notice:insp-3': inspector,
  'supervision:p-order': unit,
  'review:r-p-review': unit,
  'look-back:p-look': unit,
  'strike-off:p-strike': unit,
});

describe('rehome-unit hands supervising duties to the successor', () => {
  const decider = createLoopDecider({ directory: mergedDirectory() });
  const built = run(year, loopDecider.initialState, decider);
  const before = deepFreeze(built.state);

  it('before the merger, the merged units owe every link of the scenario', () => {
    expect(owing(before)).toEqual(owedBySupervisor(SUPERVISOR, INSPECTOR));
  });

  it('a unit that only supervises gets the succession recorded, and gaps name the successor', () => {
    const r = unwrap(execute(decider, before, rehome(SUPERVISOR, MERGED), at('2025-10-09')));
    expect(r.events.map(({ seq, at: _at, actor, schemaVersion, ...e }) => e)).toEqual([
      {
        type: 'unit-rehomed',
        fromUnitId: SUPERVISOR,
        toUnitId: MERGED,
        rehomedOn: '2025-10-09',
        deploymentIds: [],
        problemIds: [],
        orderIds: [],
      },
    ]);
    expect(getRecord(r.state.successors, SUPERVISOR)).toBe(MERGED);
    expect(owing(r.state)).toEqual(owedBySupervisor(MERGED, INSPECTOR));
    // the other owed-link queries name the same unit
    expect(overdue(r.state, YEAR_END).every((o) => o.owedBy !== SUPERVISOR)).toBe(true);
    expect(dueSoon(r.state, at('2025-09-02'), { withinWorkdays: 60 }).map((l) => l.owedBy)).not.toContain(SUPERVISOR);
  });

  it('a unit that only inspected gets the succession recorded too', () => {
    const s1 = unwrap(execute(decider, before, rehome(SUPERVISOR, MERGED), at('2025-10-09'))).state;
    const r = unwrap(execute(decider, s1, rehome(INSPECTOR, MERGED), at('2025-10-09')));
    expect(r.events.map((e) => e.type)).toEqual(['unit-rehomed']);
    expect(owing(r.state)).toEqual(owedBySupervisor(MERGED, MERGED));
  });

  it('keeps history: the records still name the unit that supervised and inspected', () => {
    const s = unwrap(execute(decider, before, rehome(SUPERVISOR, MERGED), at('2025-10-09'))).state;
    expect(s.version).toBe(before.version + 1);
    // not one record changed: the tables are the very objects they were
    for (const table of ['deployments', 'inspections', 'notices', 'problems', 'orders', 'resolutions', 'lookBacks'])
      expect(s[table as keyof LoopState], table).toBe(before[table as keyof LoopState]);
    expect(getRecord(s.deployments, 'dep-2')?.supervisingUnitId).toBe(SUPERVISOR);
    expect(getRecord(s.inspections, 'insp-2')?.byUnitId).toBe(SUPERVISOR);
    expect(getRecord(s.inspections, 'insp-3')?.byUnitId).toBe(INSPECTOR);
    expect(getRecord(s.problems, 'p-strike')?.supervisingUnitId).toBe(SUPERVISOR);
  });

  it('follows a chain of two mergers: 南街所 → 南湖所 → 城南所', () => {
    const s1 = unwrap(execute(decider, before, rehome(SUPERVISOR, MERGED), at('2025-10-09'))).state;
    // 南湖所 leads, supervises and inspects nothing itself: it only inherited 南街所's duties
    const r = unwrap(execute(loopDecider, s1, rehome(MERGED, 'st-c', '2025-11-03'), at('2025-11-03')));
    expect(r.events.map((e) => e.type)).toEqual(['unit-rehomed']);
    expect(owing(r.state)).toEqual(owedBySupervisor('st-c', INSPECTOR));
    expect(getRecord(r.state.successors, SUPERVISOR)).toBe(MERGED);
    expect(getRecord(r.state.successors, MERGED)).toBe('st-c');
  });

  it('records nothing when nothing is open, or when the rehoming is already recorded: same state object', () => {
    const closed = deepFreeze(run([...story, ...closing]).state);
    const none = unwrap(execute(loopDecider, closed, rehome('dept-office', 'dept-food'), at('2025-12-01')));
    expect(none.events).toEqual([]);
    expect(none.state).toBe(closed);
    const unknown = unwrap(execute(loopDecider, before, rehome('st-b9', MERGED), at('2025-10-09')));
    expect(unknown.state).toBe(before);
    const s1 = unwrap(execute(decider, before, rehome(SUPERVISOR, MERGED), at('2025-10-09'))).state;
    const again = unwrap(execute(decider, s1, rehome(SUPERVISOR, MERGED), at('2025-10-10')));
    expect(again.events).toEqual([]);
    expect(again.state).toBe(s1);
  });

  it('resolves the lead unit of an order recorded against a merged-away unit after its rehoming', () => {
    const s1 = unwrap(execute(decider, before, rehome(SUPERVISOR, MERGED), at('2025-10-09'))).state;
    // without a directory nothing stops an order naming the merged-away unit
    const s2 = unwrap(
      execute(loopDecider, s1, { ...order('p-order'), leadUnitId: SUPERVISOR, on: '2025-10-10' }, at('2025-10-10')),
    ).state;
    expect(getRecord(s2.orders, 'o-p-order')?.leadUnitId).toBe(SUPERVISOR);
    expect(owing(s2)['resolution:o-p-order']).toBe(MERGED);
  });

  it('replay equals execute, and the rebuilt state is frozen', () => {
    const steps = [rehome(SUPERVISOR, MERGED), rehome(INSPECTOR, MERGED)];
    let state = before;
    const events: Recorded<LoopEvent>[] = [...built.events];
    for (const c of steps) {
      const r = unwrap(execute(decider, state, c, at('2025-10-09')));
      state = r.state;
      events.push(...r.events);
    }
    const chained = unwrap(execute(loopDecider, state, rehome(MERGED, 'st-c', '2025-11-03'), at('2025-11-03')));
    events.push(...chained.events);
    const replayed = replay(loopDecider, events);
    expect(replayed).toEqual(chained.state);
    expect(unfrozenPaths(replayed)).toEqual([]);
    expect(owing(replayed)).toEqual(owedBySupervisor('st-c', 'st-c'));
  });

  it('an old-style log (a unit-rehomed event written before successions were kept) replays to the same state', () => {
    // as stored before: moved ids only, schema version 1
    const old = {
      type: 'unit-rehomed',
      fromUnitId: SUPERVISOR,
      toUnitId: MERGED,
      rehomedOn: '2025-10-09',
      deploymentIds: [],
      problemIds: [],
      orderIds: [],
      seq: before.version + 1,
      at: '2025-10-09T09:00:00+08:00',
      actor: 'u-office',
      schemaVersion: 1,
    } as Recorded<LoopEvent>;
    const replayed = replay(loopDecider, [...built.events, old]);
    const executed = unwrap(execute(decider, before, rehome(SUPERVISOR, MERGED), at('2025-10-09'))).state;
    expect(replayed).toEqual(executed);
    expect(owing(replayed)).toEqual(owedBySupervisor(MERGED, INSPECTOR));
  });

  it('a state stored before the table existed reads as having no successions, and gains it with a rehoming', () => {
    const { successors: _dropped, ...rest } = before;
    const legacy = deepFreeze(rest as unknown as LoopState);
    expect(owing(legacy)).toEqual(owedBySupervisor(SUPERVISOR, INSPECTOR));
    const r = unwrap(execute(decider, legacy, rehome(SUPERVISOR, MERGED), at('2025-10-09')));
    expect(owing(r.state)).toEqual(owedBySupervisor(MERGED, INSPECTOR));
    const applied = unwrap(applyEvents(loopDecider, legacy, r.events));
    expect(applied).toEqual(r.state);
  });

  it('a rehoming back onto the unit merged away wins: no cycle is kept', () => {
    const s1 = unwrap(execute(loopDecider, before, rehome(SUPERVISOR, MERGED), at('2025-10-09'))).state;
    const s2 = unwrap(execute(loopDecider, s1, rehome(MERGED, SUPERVISOR), at('2025-10-10'))).state;
    expect(getRecord(s2.successors, SUPERVISOR)).toBeUndefined();
    expect(getRecord(s2.successors, MERGED)).toBe(SUPERVISOR);
    expect(owing(s2)).toEqual(owedBySupervisor(SUPERVISOR, INSPECTOR));
  });

  it('a cycle in a state assembled elsewhere stops before it repeats instead of looping', () => {
    const cyclic = produce(before, (d) => {
      putRecord(d.successors, SUPERVISOR, MERGED);
      putRecord(d.successors, MERGED, SUPERVISOR);
    });
    expect(owing(cyclic)['inspection:dep-2']).toBe(MERGED);
  });
});

describe('rehome-unit: any sequence of rehomings among a few units (no directory)', () => {
  const start = deepFreeze(run(year).state);
  const units = [SUPERVISOR, INSPECTOR, MERGED, 'st-c', 'st-a1'];
  const links = (s: LoopState) => gaps(s, YEAR_END).map((g) => `${g.link}:${g.recordId}:${g.dueOn}`);

  it('never names a unit that has a successor, keeps the table free of cycles, changes no owed link, and replays', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(units.length - 1), fc.nat(units.length - 1)), { maxLength: 12 }),
        (pairs) => {
          let state = start;
          const events: Recorded<LoopEvent>[] = [...run(year).events];
          for (const [a, b] of pairs) {
            const from = units[a] as string;
            const to = units[b] as string;
            if (from === to) continue;
            const r = unwrap(execute(loopDecider, state, rehome(from, to), at('2025-10-09')));
            expect(r.events.length === 0).toBe(r.state === state);
            expect(links(r.state)).toEqual(links(state));
            // a rehoming just recorded, asked again, changes nothing
            expect(unwrap(execute(loopDecider, r.state, rehome(from, to), at('2025-10-09'))).state).toBe(r.state);
            state = r.state;
            events.push(...r.events);
            for (const g of gaps(state, YEAR_END)) expect(getRecord(state.successors, g.owedBy)).toBeUndefined();
            forEachRecord(state.successors, (_to, id) => {
              const seen = new Set<string>();
              for (let u: string | undefined = id; u !== undefined; u = getRecord(state.successors, u)) {
                expect(seen.has(u), `cycle through ${u}`).toBe(false);
                seen.add(u);
              }
            });
          }
          expect(replay(loopDecider, events)).toEqual(state);
        },
      ),
      { seed: 20251009, numRuns: 150 },
    );
  });
});
