import { describe, expect, it } from 'vitest';
import { execute, getRecord, replay, unwrap } from '../../src/core/index.js';
import { createRiskDecider, metrics, type RiskCommand, riskDecider } from '../../src/risk/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { MERGED, mergedDirectory } from '../join/_merge.js';
import { assess, ctx, identify, run } from './_fixture.js';

const owned = (riskId: string): RiskCommand[] => [
  identify(riskId, { unitId: 'st-b1' }),
  assess(riskId),
  {
    type: 'assign-risk',
    riskId,
    ownerUnitId: 'st-b1',
    responsibleId: 'm-wang',
    deadline: '2025-09-30',
    on: '2025-09-02',
  },
];
const commands: RiskCommand[] = [
  ...owned('r-closed'),
  { type: 'close-risk', riskId: 'r-closed', on: '2025-09-20', closure: { kind: 'eliminated', evidence: '复查合格' } },
  ...owned('r-open'),
  identify('r-new', { unitId: 'st-b1' }),
  identify('r-other', { unitId: 'st-a1' }),
];
const rehome: RiskCommand = { type: 'rehome-unit', fromUnitId: 'st-b1', toUnitId: MERGED, on: '2025-10-09' };

describe('rehome-unit (risk)', () => {
  const decider = createRiskDecider({ directory: mergedDirectory() });
  const story = run(commands);
  const before = deepFreeze(story.state);

  it('moves open risks (concerned unit and owner) to the successor; closed risks stay', () => {
    const r = unwrap(execute(decider, before, rehome, ctx()));
    expect(r.events).toMatchObject([{ type: 'unit-rehomed', riskIds: ['r-new', 'r-open'] }]);
    const open = getRecord(r.state.risks, 'r-open');
    expect(open?.unitId).toBe(MERGED);
    expect(open?.status.stage === 'assigned' && open.status.assignment.ownerUnitId).toBe(MERGED);
    expect(getRecord(r.state.risks, 'r-new')?.unitId).toBe(MERGED);
    expect(getRecord(r.state.risks, 'r-closed')?.unitId).toBe('st-b1');
    expect(getRecord(r.state.risks, 'r-other')?.unitId).toBe('st-a1');
    expect(replay(riskDecider, [...story.events, ...r.events])).toEqual(r.state);
  });

  it('refuses a target unit no longer in force through the directory check first', () => {
    const r = execute(decider, before, { ...rehome, toUnitId: 'st-b2' }, ctx());
    expect(r.ok ? undefined : r.errors.map((e) => [e.code, e.path])).toEqual([['org/not-valid-on', ['toUnitId']]]);
  });

  it('refuses a unit in force that is not the successor, with its code and path', () => {
    const r = execute(decider, before, { ...rehome, toUnitId: 'st-a1' }, ctx());
    expect(r.ok ? undefined : r.errors.map((e) => [e.code, e.path])).toEqual([['risk/not-successor', ['toUnitId']]]);
  });

  it('is a no-op returning the same state when the unit has nothing open', () => {
    const r = unwrap(execute(decider, before, { ...rehome, fromUnitId: 'st-b2' }, ctx()));
    expect(r.events).toEqual([]);
    expect(r.state).toBe(before);
  });

  it('metrics with unitOf credit the successor with the predecessor’s closed risks', () => {
    const s = unwrap(execute(decider, before, rehome, ctx())).state;
    const plain = metrics(s, ctx());
    expect(plain['st-b1']?.['risk.closed']).toBe(1);
    expect(plain[MERGED]?.['risk.closed']).toBe(0);
    const credited = metrics(s, ctx(), { groupBy: 'unit', unitOf: (u) => (u === 'st-b1' ? MERGED : u) });
    expect(credited['st-b1']).toBeUndefined();
    expect(credited[MERGED]?.['risk.closed']).toBe(1);
    expect(credited[MERGED]?.['risk.on-time-closure-rate']).toBe(1);
    expect(credited['st-a1']).toEqual(plain['st-a1']);
  });
});
