import { describe, expect, it } from 'vitest';
import { produce } from '../../src/core/immer.js';
import { allRecords, getRecord, type Recorded, replay } from '../../src/core/index.js';
import { evolveLoop, type LoopCommand, type LoopEvent, type LoopState, loopDecider } from '../../src/loop/index.js';
import { unfrozenPaths } from '../helpers/freeze.js';
import { closing, run, story } from './_fixture.js';

// Inspections in every status a list can grow in (awaiting its notice or notified, with findings or
// without), each getting a problem, so that every rebuilt shape of a deployment and an inspection occurs.
const more: readonly LoopCommand[] = [
  {
    type: 'record-inspection',
    id: 'insp-2',
    deploymentId: 'dep-1',
    kind: 'frontline',
    inspectors: ['王五'],
    inspectedUnitIds: ['st-a1'],
    findings: '台账不全',
    on: '2025-09-15',
  },
  {
    type: 'record-problem',
    id: 'p-2',
    inspectionId: 'insp-2',
    description: '进货查验记录缺失',
    unitId: 'st-a1',
    severity: 'general',
    category: '食用农产品',
    on: '2025-09-15',
  },
  {
    type: 'issue-notice',
    id: 'notice-2',
    inspectionId: 'insp-2',
    number: '威市监通〔2025〕8号',
    tone: 'mixed',
    scope: ['st-a1'],
    on: '2025-09-16',
  },
  {
    type: 'record-problem',
    id: 'p-3',
    inspectionId: 'insp-2',
    description: '索证索票不全',
    unitId: 'st-a1',
    severity: 'general',
    category: '食用农产品',
    on: '2025-09-16',
  },
  {
    type: 'record-inspection',
    id: 'insp-3',
    deploymentId: 'dep-1',
    kind: 'frontline',
    inspectors: ['王五'],
    inspectedUnitIds: ['st-a1'],
    on: '2025-09-17',
  },
  {
    type: 'record-problem',
    id: 'p-4',
    inspectionId: 'insp-3',
    description: '快检记录未公示',
    unitId: 'st-a1',
    severity: 'general',
    category: '食用农产品',
    on: '2025-09-17',
  },
];

const TABLES = ['deployments', 'inspections', 'notices', 'problems', 'orders', 'resolutions', 'lookBacks'] as const;

function records(state: LoopState): object[] {
  return TABLES.flatMap((t) => allRecords(state[t] as LoopState['deployments']) as object[]);
}

describe('loop replay freezes records as it builds them', () => {
  it('leaves every record frozen before the final freeze, equal to what execute built', () => {
    const { state, events } = run([...story, ...more]);
    const folded = replay(loopDecider, events, { freeze: false });
    expect(folded).toEqual(state);
    const all = records(folded);
    expect(all.length).toBe(records(state).length);
    for (const r of all) expect(Object.isFrozen(r)).toBe(true);
    const insp2 = getRecord(folded.inspections, 'insp-2');
    expect(insp2).toMatchObject({ status: 'notified', findings: '台账不全', problemIds: ['p-2', 'p-3'] });
    expect(getRecord(folded.inspections, 'insp-3')).toMatchObject({ status: 'awaiting-notice', problemIds: ['p-4'] });
    expect(getRecord(folded.deployments, 'dep-1')?.problemIds).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    // the fold froze them, not the final freeze: { freeze: false } leaves the tables writable
    expect(Object.isFrozen(folded.deployments)).toBe(false);
  });

  it('keeps a closed deployment closed when an id is added to it, as execute would', () => {
    const { state, events } = run([...story, ...closing]);
    const last = events[events.length - 1] as Recorded<LoopEvent>;
    const late: Recorded<LoopEvent> = {
      type: 'inspection-recorded',
      inspection: {
        id: 'insp-9',
        deploymentId: 'dep-1',
        kind: 'frontline',
        inspectors: ['王五'],
        byUnitId: 'dept-office',
        inspectedUnitIds: ['st-a1'],
        inspectedOn: '2025-11-20',
      },
      noticeDueOn: '2025-11-27',
      seq: last.seq + 1,
      at: last.at,
      actor: last.actor,
      schemaVersion: 1,
    };
    const folded = replay(loopDecider, [...events, late], { freeze: false });
    const drafted = produce(state, (draft) => {
      evolveLoop(draft, late);
      draft.version = late.seq;
    });
    expect(folded).toEqual(drafted);
    const d = getRecord(folded.deployments, 'dep-1');
    expect(d).toMatchObject({ status: 'closed', closedOn: '2025-11-12', inspectionIds: ['insp-1', 'insp-9'] });
    expect(Object.isFrozen(d)).toBe(true);
  });

  it('freezes whole the records an extension or a correction rebuilds, so the final freeze need not read them', () => {
    const extended: readonly LoopCommand[] = [
      { type: 'request-extension', orderId: 'o-1', reason: '需要复检', newDueOn: '2025-10-17', on: '2025-10-09' },
      { type: 'decide-extension', orderId: 'o-1', approve: true, comment: '同意', on: '2025-10-09' },
      { type: 'request-extension', orderId: 'o-1', reason: '再次复检', newDueOn: '2025-10-24', on: '2025-10-13' },
      { type: 'decide-extension', orderId: 'o-1', approve: false, on: '2025-10-14' },
      {
        type: 'correct-record',
        target: 'problem',
        id: 'p-1',
        changes: { description: '无证经营（已更正）' },
        reason: '描述录入有误',
      },
      { type: 'correct-record', target: 'deployment', id: 'dep-1', changes: { title: '更正后的标题' }, reason: '更正' },
    ];
    const { state, events } = run([...story, ...extended]);
    expect(getRecord(state.orders, 'o-1')?.extensions.map((e) => e.status)).toEqual(['approved', 'rejected']);
    const folded = replay(loopDecider, events, { freeze: false });
    expect(folded).toEqual(state);
    for (const r of records(folded)) expect(unfrozenPaths(r)).toEqual([]);
    // what the final freeze leaves is frozen all the way down, records included
    expect(unfrozenPaths(replay(loopDecider, events))).toEqual([]);
  });

  it('still walks the records of a `from` state, which replay copies unfrozen', () => {
    const { events } = run([...story, ...more]);
    const half = Math.floor(events.length / 2);
    const from = replay(loopDecider, events.slice(0, half));
    const rest = replay(loopDecider, events.slice(half), { from });
    expect(rest).toEqual(replay(loopDecider, events));
    expect(unfrozenPaths(rest)).toEqual([]);
  });
});
