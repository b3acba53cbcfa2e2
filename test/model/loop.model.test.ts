import { describe, expect, it } from 'vitest';
import { type LoopCommand, loopDecider } from '../../src/loop/index.js';
import { closing, ctx, story } from '../loop/_fixture.js';
import { explore, type Move } from './_explore.js';
import { loopInvariants as invariants } from './_invariants.js';

// One deployment, one inspection with its notice, two problems; a returned and an accepted resolution; a failed and a
// passed look-back; strike-off and closing. Dates are on the commands, so any order the decider accepts is explored.
const alphabet: readonly LoopCommand[] = [
  ...story,
  {
    type: 'record-problem',
    id: 'p-2',
    inspectionId: 'insp-1',
    description: '进货查验记录不全',
    unitId: 'st-a1',
    severity: 'general',
    category: '食用农产品',
    on: '2025-09-10',
  },
  ...closing.slice(0, 1),
  { type: 'review-resolution', resolutionId: 'r-1', decision: 'return', reason: '证据不足', on: '2025-10-10' },
  {
    type: 'report-resolution',
    id: 'r-2',
    orderId: 'o-1',
    summary: '补充销毁记录',
    evidence: ['销毁记录'],
    reportedBy: '王所长',
    on: '2025-10-13',
  },
  { type: 'review-resolution', resolutionId: 'r-2', decision: 'accept', on: '2025-10-14' },
  ...closing.slice(1),
  { type: 'record-look-back', id: 'lb-0', problemId: 'p-1', passed: false, checkedBy: ['赵六'], on: '2025-11-05' },
];

describe('loop model', () => {
  it('every accepted command sequence up to depth 14 keeps the 五凡五必 invariants, and replay equals state', () => {
    const moves: Move<LoopCommand>[] = alphabet.map((command) => ({ command, ctx }));
    const c = explore(loopDecider, moves, 14, invariants);
    console.log(
      `loop model: ${c.states} states, ${c.sequences} sequences, ${c.attempts} commands tried, depth ${c.depth}`,
    );
    expect(c.states).toBeGreaterThan(40);
    expect(c.depth).toBeGreaterThanOrEqual(10);
  });
});
