import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, execute, type IsoDate, type Recorded, replay } from '../../../src/core/index.js';
import {
  type RatingCaseCommand,
  type RatingCaseEvent,
  type RatingCaseState,
  ratingCaseDecider,
} from '../../../src/rating/case/index.js';
import { ratingCaseInvariants } from '../../model/_invariants.js';
import { ctxOn } from './_fixture.js';

/** A small command alphabet over one unit: a three-star and a four-star case, one objection each. */
function alphabet(): RatingCaseCommand[] {
  const out: RatingCaseCommand[] = [];
  for (const [caseId, star, level] of [
    ['c3', 3, 3],
    ['c4', 4, 2],
  ] as const) {
    out.push(
      { type: 'apply', caseId, unitId: 'u1', star },
      { type: 'review-materials', caseId, passed: true },
      { type: 'review-materials', caseId, passed: false },
      { type: 'inspect-on-site', caseId, passed: true },
      { type: 'give-feedback', caseId, feedback: '意见' },
      { type: 'decide-at-meeting', caseId, approved: true },
      { type: 'start-notice', caseId, days: 1, counting: 'days' },
      { type: 'raise-objection', caseId, objectionId: 'o1', text: '异议' },
      { type: 'resolve-objection', caseId, objectionId: 'o1', upheld: false, note: '不属实' },
      { type: 'resolve-objection', caseId, objectionId: 'o1', upheld: true, note: '属实' },
      { type: 'award', caseId, awardingUnitId: 'b1', awardingLevel: level },
      { type: 'award', caseId, awardingUnitId: 'b1', awardingLevel: 1 },
      { type: 'recheck', caseId, outcome: 'keep' },
      { type: 'recheck', caseId, outcome: 'demote', toStar: 3 },
      { type: 'recheck', caseId, outcome: 'withdraw' },
    );
  }
  return out;
}

interface Node {
  readonly state: RatingCaseState;
  readonly day: IsoDate;
  readonly events: readonly Recorded<RatingCaseEvent>[];
}

/** The shared rating-case invariants, on the node's state and day. */
function checkInvariants(node: Node): void {
  ratingCaseInvariants(node.state, node.day);
}

describe('RatingCase model', () => {
  it('every accepted command sequence up to depth 9 keeps the invariants, and replay equals state', () => {
    const commands = alphabet();
    let frontier: Node[] = [{ state: ratingCaseDecider.initialState, day: '2025-03-03', events: [] }];
    const seen = new Set<string>();
    let explored = 0;
    let awardsSeen = 0;
    for (let depth = 0; depth < 9; depth++) {
      const next: Node[] = [];
      for (const node of frontier) {
        // Time passing is a move of its own: a week goes by.
        const moves: [RatingCaseCommand | undefined, number][] = [
          ...commands.map((c) => [c, 0] as [RatingCaseCommand, number]),
          [undefined, 7],
        ];
        for (const [command, wait] of moves) {
          const day = addDays(node.day, wait);
          let child: Node;
          if (command) {
            const r = execute(ratingCaseDecider, node.state, command, ctxOn(day));
            if (!r.ok) continue;
            if (r.value.events.length === 0) {
              expect(r.value.state).toBe(node.state);
              continue;
            }
            child = { state: r.value.state, day, events: [...node.events, ...r.value.events] };
          } else child = { ...node, day };
          const key = `${day}|${JSON.stringify(child.state.cases)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          explored++;
          checkInvariants(child);
          if (child.events.some((e) => e.type === 'award-granted')) awardsSeen++;
          next.push(child);
        }
      }
      frontier = next;
    }
    expect(explored).toBeGreaterThan(1000);
    expect(awardsSeen).toBeGreaterThan(0);
    for (const node of frontier.slice(0, 200)) expect(replay(ratingCaseDecider, node.events)).toEqual(node.state);
  });

  it('random command sequences: invariants hold and replaying the events rebuilds the state', () => {
    const commands = [...alphabet(), { type: 'apply', caseId: 'c4', unitId: 'u1', star: 4, firstRound: true } as const];
    const step = fc.record({ index: fc.nat(commands.length - 1), wait: fc.constantFrom(0, 0, 0, 1, 3, 400) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let node: Node = { state: ratingCaseDecider.initialState, day: '2025-03-03', events: [] };
        for (const { index, wait } of steps) {
          const day = addDays(node.day, wait);
          const r = execute(ratingCaseDecider, node.state, commands[index] as RatingCaseCommand, ctxOn(day));
          node = r.ok ? { state: r.value.state, day, events: [...node.events, ...r.value.events] } : { ...node, day };
          if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
        }
        checkInvariants(node);
        expect(replay(ratingCaseDecider, node.events)).toEqual(node.state);
      }),
      { numRuns: 300 },
    );
  });
});
