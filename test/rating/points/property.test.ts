import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/core/index.js';
import {
  type PointsEventInput,
  type PointsSubject,
  type ScoredSubject,
  scorePoints,
} from '../../../src/rating/index.js';
import { VANGUARD_CEILING, vanguard } from './_fixtures.js';

const S = vanguard();
const who: PointsSubject[] = [
  { id: 'm-01', name: '王芳', category: 'in-post' },
  { id: 'm-02', name: '张伟', category: 'mobile' },
];
const day = fc.integer({ min: 1, max: 181 }).map((n) => {
  const d = new Date(Date.UTC(2025, 0, n));
  return d.toISOString().slice(0, 10);
});
const positive = fc.constantFrom('study', 'meeting', 'party-day', 'volunteer', 'wish', 'honor');
const anyItem = fc.constantFrom(
  'study',
  'meeting',
  'party-day',
  'volunteer',
  'wish',
  'honor',
  'absent',
  'talk',
  'late',
);
const event = (items: fc.Arbitrary<string>) =>
  fc.record({
    subjectId: fc.constantFrom('m-01', 'm-02'),
    item: items,
    on: day,
    count: fc.integer({ min: 1, max: 8 }),
  }) as fc.Arbitrary<PointsEventInput>;
const withTriggers = fc.oneof(
  { weight: 8, arbitrary: anyItem },
  { weight: 1, arbitrary: fc.constantFrom('discipline', 'crime') },
);
const gradeOrder = S.grades.map((g) => g.code); // highest first
const totals = (events: readonly PointsEventInput[]) =>
  unwrap(scorePoints(S, who, events, '2025-H1')).subjects.filter((s): s is ScoredSubject => s.status === 'scored');

describe('points properties', () => {
  it("a member's total stays within 0 and base + every per-period cap (and the ceiling)", () => {
    fc.assert(
      fc.property(fc.array(event(withTriggers), { maxLength: 40 }), (events) =>
        totals(events).every((s) => s.total >= 0 && s.total <= Math.min(100, s.base + VANGUARD_CEILING - 60)),
      ),
      { numRuns: 200 },
    );
  });

  it('adding a positive event never lowers a score or a grade (resets and vetoes come only from their own events)', () => {
    fc.assert(
      fc.property(fc.array(event(withTriggers), { maxLength: 30 }), event(positive), (events, extra) => {
        const before = totals(events);
        const after = totals([...events, extra]);
        return before.every((b, i) => {
          const a = after[i] as ScoredSubject;
          return a.total >= b.total && gradeOrder.indexOf(a.grade) <= gradeOrder.indexOf(b.grade);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('adding a deduction never raises a score', () => {
    fc.assert(
      fc.property(
        fc.array(event(withTriggers), { maxLength: 30 }),
        event(fc.constantFrom('absent', 'talk', 'late')),
        (events, extra) => {
          const before = totals(events);
          const after = totals([...events, extra]);
          return before.every((b, i) => (after[i] as ScoredSubject).total <= b.total);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a veto always wins, a reset always zeroes', () => {
    fc.assert(
      fc.property(
        fc.array(event(anyItem), { maxLength: 30 }),
        day,
        fc.constantFrom('discipline', 'crime'),
        (events, on, item) => {
          const s = totals([...events, { subjectId: 'm-01', item, on }])[0] as ScoredSubject;
          return item === 'crime' ? s.grade === 'unqualified' : s.total === 0;
        },
      ),
      { numRuns: 100 },
    );
  });

  it('the order of events does not matter', () => {
    fc.assert(
      fc.property(fc.array(event(withTriggers), { maxLength: 30 }), (events) => {
        expect(totals([...events].reverse())).toEqual(totals(events));
      }),
      { numRuns: 100 },
    );
  });
});
