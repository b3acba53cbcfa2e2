import { describe, expect, it } from 'vitest';
import { execute, getRecord, replay, unwrap } from '../../src/core/index.js';
import { createLoopDecider, type LoopCommand, loopDecider, metrics } from '../../src/loop/index.js';
import { deepFreeze, unfrozenPaths } from '../helpers/freeze.js';
import { MERGED, mergedDirectory } from '../join/_merge.js';
import { at, run } from './_fixture.js';

// Two problems at 南街所 (st-b1): one carried through to strike-off before the merge, one still open.
const year: readonly LoopCommand[] = [
  {
    type: 'order-deployment',
    id: 'dep-b',
    title: '国庆节前食品安全专项检查',
    source: { kind: 'document', reference: '某市监发〔2025〕9号' },
    orderedBy: '局长',
    supervisingUnitId: 'dept-office',
    leadUnitId: 'st-b1',
    deadline: { workdays: 40 },
    category: '食品安全',
    on: '2025-08-01',
  },
  {
    type: 'record-inspection',
    id: 'i-b',
    deploymentId: 'dep-b',
    kind: 'frontline',
    inspectors: ['张三'],
    inspectedUnitIds: ['st-b1'],
    on: '2025-08-04',
  },
  {
    type: 'issue-notice',
    id: 'n-b',
    inspectionId: 'i-b',
    number: '通〔2025〕3号',
    tone: 'mixed',
    scope: ['st-b1'],
    on: '2025-08-05',
  },
  {
    type: 'record-problem',
    id: 'p-done',
    inspectionId: 'i-b',
    description: '台账不全',
    unitId: 'st-b1',
    severity: 'minor',
    category: '台账',
    on: '2025-08-04',
  },
  {
    type: 'record-problem',
    id: 'p-open',
    inspectionId: 'i-b',
    description: '冷链温度记录缺失',
    unitId: 'st-b1',
    severity: 'serious',
    category: '冷链',
    on: '2025-08-04',
  },
  {
    type: 'order-supervision',
    id: 'o-done',
    problemId: 'p-done',
    leadUnitId: 'st-b1',
    deadline: { workdays: 5 },
    on: '2025-08-05',
  },
  {
    type: 'report-resolution',
    id: 'r-done',
    orderId: 'o-done',
    summary: '已补齐',
    evidence: ['台账'],
    reportedBy: '所长',
    on: '2025-08-08',
  },
  { type: 'review-resolution', resolutionId: 'r-done', decision: 'accept', on: '2025-08-08' },
  { type: 'record-look-back', id: 'lb-done', problemId: 'p-done', passed: true, checkedBy: ['李四'], on: '2025-09-08' },
  { type: 'strike-off', problemId: 'p-done', on: '2025-09-09' },
  {
    type: 'order-supervision',
    id: 'o-open',
    problemId: 'p-open',
    leadUnitId: 'st-b1',
    deadline: { workdays: 30 },
    on: '2025-08-05',
  },
];

const rehome: LoopCommand = { type: 'rehome-unit', fromUnitId: 'st-b1', toUnitId: MERGED, on: '2025-10-09' };

describe('rehome-unit (loop)', () => {
  const directory = mergedDirectory();
  const decider = createLoopDecider({ directory });
  const before = deepFreeze(run(year).state);

  it('moves open lines to the successor and leaves closed ones with their unit', () => {
    const r = unwrap(execute(decider, before, rehome, at('2025-10-09')));
    expect(r.events.map((e) => e.type)).toEqual(['unit-rehomed']);
    const s = r.state;
    expect(getRecord(s.deployments, 'dep-b')?.leadUnitId).toBe(MERGED);
    expect(getRecord(s.problems, 'p-open')?.unitId).toBe(MERGED);
    expect(getRecord(s.orders, 'o-open')?.leadUnitId).toBe(MERGED);
    expect(getRecord(s.problems, 'p-done')?.unitId).toBe('st-b1');
    expect(getRecord(s.orders, 'o-done')?.leadUnitId).toBe('st-b1');
    // replay folds the same event to the same state
    const all = [...run(year).events, ...r.events];
    const replayed = replay(loopDecider, all);
    expect(replayed).toEqual(s);
    // the rehomed records were frozen whole as replay rebuilt them
    expect(unfrozenPaths(replayed)).toEqual([]);
  });

  it('refuses a unit that is not the successor, with the directory', () => {
    const r = execute(decider, before, { ...rehome, toUnitId: 'st-a1' }, at('2025-10-09'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]?.code).toBe('loop/not-successor');
    expect(r.errors[0]?.path).toEqual(['toUnitId']);
    expect(r.errors[0]?.details).toMatchObject({ successorId: MERGED });
  });

  it('refuses before the merge takes effect (the unit is its own successor then)', () => {
    const r = execute(decider, before, { ...rehome, on: '2025-09-30' }, at('2025-10-09'));
    expect(r.ok ? undefined : r.errors[0]?.code).toBe('loop/not-successor');
  });

  it('refuses moving a unit to itself, even without a directory', () => {
    const r = execute(loopDecider, before, { ...rehome, toUnitId: 'st-b1' }, at('2025-10-09'));
    expect(r.ok ? undefined : r.errors.map((e) => [e.code, e.path])).toEqual([['loop/not-successor', ['toUnitId']]]);
  });

  it('is a no-op returning the same state when nothing is open', () => {
    const r = unwrap(execute(decider, before, { ...rehome, fromUnitId: 'st-b2' }, at('2025-10-09')));
    expect(r.events).toEqual([]);
    expect(r.state).toBe(before);
  });

  it('metrics with unitOf credit the successor with the predecessor’s closed lines', () => {
    const s = unwrap(execute(decider, before, rehome, at('2025-10-09'))).state;
    const window = { from: '2025-01-01', to: '2025-12-31', groupBy: 'unit' } as const;
    const plain = metrics(s, at('2025-12-31'), window);
    expect(plain['st-b1']?.['loop.problems']).toBe(1);
    expect(plain[MERGED]?.['loop.problems']).toBe(1);
    const credited = metrics(s, at('2025-12-31'), { ...window, unitOf: (u) => (u === 'st-b1' ? MERGED : u) });
    expect(credited['st-b1']).toBeUndefined();
    expect(credited[MERGED]?.['loop.problems']).toBe(2);
    expect(credited[MERGED]?.['loop.strike-off-rate']).toBe(0.5);
  });
});
