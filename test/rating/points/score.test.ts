import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/core/index.js';
import {
  type PointsEventInput,
  type PointsSubject,
  type ScoredSubject,
  type SubjectScore,
  scorePoints,
} from '../../../src/rating/index.js';
import { deepFreeze } from '../../helpers/freeze.js';
import { vanguard } from './_fixtures.js';

const S = vanguard();
const members: PointsSubject[] = [
  { id: 'm-01', name: '王芳', category: 'in-post' },
  { id: 'm-02', name: '李强', category: 'in-post' },
  { id: 'm-03', name: '张伟', category: 'mobile' },
  { id: 'm-04', name: '陈静', category: 'retired' },
  {
    id: 'm-05',
    name: '赵国华',
    exclusion: {
      reason: 'aged-70-plus',
      decidedOn: '2025-01-10',
      approval: { by: 'jx-organ-committee', on: '2025-01-20' },
    },
  },
];
const ev = (subjectId: string, item: string, on: string, extra: Partial<PointsEventInput> = {}): PointsEventInput =>
  ({ subjectId, item, on, ...extra }) as PointsEventInput;
const scored = (rows: readonly SubjectScore[], id: string): ScoredSubject => {
  const s = rows.find((x) => x.subjectId === id);
  if (s?.status !== 'scored') throw new Error(`${id} not scored`);
  return s;
};
const errorsOf = (subjects: readonly PointsSubject[], events: readonly PointsEventInput[], period = '2025-H1') =>
  scorePoints(S, subjects, events, period as '2025-H1').errors ?? [];

describe('scorePoints', () => {
  it('applies item caps, group caps, bonus and deduction caps, and grades', () => {
    const events = deepFreeze([
      ev('m-01', 'study', '2025-02-10', { count: 7 }), // 14 → item cap 12
      ev('m-01', 'meeting', '2025-03-05', { count: 5 }), // 15 → 12; group 24 → 20
      ev('m-01', 'party-day', '2025-04-01', { count: 2 }),
      ev('m-01', 'volunteer', '2025-05-01'),
      ev('m-01', 'wish', '2025-05-20', { count: 3 }), // 6 → 4
      ev('m-01', 'honor', '2025-06-01'), // 5; bonus 9 → 8
      ev('m-02', 'study', '2025-02-10', { count: 2 }),
      ev('m-02', 'late', '2025-03-01', { points: 4 }),
      ev('m-02', 'absent', '2025-04-15'),
    ]);
    const report = unwrap(scorePoints(deepFreeze(S), deepFreeze(members), events, '2025-H1'));
    const m1 = scored(report.subjects, 'm-01');
    expect(m1).toMatchObject({
      base: 60,
      earned: 20 + 4 + 2,
      bonus: 8,
      deductions: 0,
      total: 94,
      grade: 'excellent',
      rank: 1,
    });
    expect(m1.items.find((x) => x.code === 'study')).toMatchObject({ count: 7, raw: 14, points: 12 });
    expect(m1.rows.find((r) => r.code === 'life')?.points).toBe(-4);
    expect(m1.rows.find((r) => r.code === 'bonus-cap')?.points).toBe(-1);
    expect(m1.rows.at(-1)?.why['zh-CN']).toContain('优秀');
    const m2 = scored(report.subjects, 'm-02');
    expect(m2).toMatchObject({ earned: 4, deductions: 7, total: 57, grade: 'warning', rank: 2 });
    const m3 = scored(report.subjects, 'm-03');
    expect(m3).toMatchObject({ base: 50, total: 50, grade: 'warning', rank: 3 });
    expect(report.subjects.find((x) => x.subjectId === 'm-04')).toMatchObject({
      status: 'excluded',
      reason: 'category-not-scored',
    });
    expect(report.subjects.find((x) => x.subjectId === 'm-05')).toMatchObject({
      status: 'excluded',
      reason: 'aged-70-plus',
    });
    expect(report.byGrade).toEqual({ excellent: 1, vanguard: 0, qualified: 0, warning: 2, unqualified: 0 });
    expect(report.range).toEqual({ from: '2025-01-01', to: '2025-06-30' });
  });

  it('caps the total at the ceiling and explains it', () => {
    const events = ['study', 'meeting', 'party-day', 'volunteer', 'wish', 'honor'].map((item) =>
      ev('m-01', item, '2025-03-01', { count: 10 }),
    );
    const m1 = scored(unwrap(scorePoints(S, members.slice(0, 1), events, '2025-H1')).subjects, 'm-01');
    expect(m1.total).toBe(100);
    expect(m1.rows.find((r) => r.code === 'max-total')?.points).toBe(-6);
  });

  it('a reset (清零) zeroes the period and puts the member in the lowest grade', () => {
    const events = [
      ev('m-01', 'study', '2025-02-10', { count: 6 }),
      ev('m-01', 'discipline', '2025-04-02', { note: '党内警告' }),
    ];
    const m1 = scored(unwrap(scorePoints(S, members.slice(0, 1), events, '2025-H1')).subjects, 'm-01');
    expect(m1).toMatchObject({ total: 0, grade: 'unqualified' });
    expect(m1.reset).toEqual({
      code: 'discipline',
      title: { 'zh-CN': '受到党纪处分' },
      on: '2025-04-02',
      scope: 'total',
      note: '党内警告',
    });
  });

  it("a reset scoped to 'earned' keeps the base minus deductions", () => {
    const s = { ...S, resets: [{ code: 'discipline', title: { 'zh-CN': '受到党纪处分' }, scope: 'earned' as const }] };
    const events = [
      ev('m-01', 'study', '2025-02-10', { count: 6 }),
      ev('m-01', 'talk', '2025-03-02'),
      ev('m-01', 'discipline', '2025-04-02'),
    ];
    const m1 = scored(unwrap(scorePoints(s, members.slice(0, 1), events, '2025-H1')).subjects, 'm-01');
    expect(m1.total).toBe(55);
  });

  it('a veto (一票否决) wins over any score', () => {
    const events = [
      ...['study', 'meeting', 'party-day', 'volunteer'].map((item) => ev('m-01', item, '2025-03-01', { count: 10 })),
      ev('m-01', 'crime', '2025-05-05'),
    ];
    const m1 = scored(unwrap(scorePoints(S, members.slice(0, 1), events, '2025-H1')).subjects, 'm-01');
    expect(m1.total).toBe(98);
    expect(m1).toMatchObject({ grade: 'unqualified', vetoed: { code: 'crime', on: '2025-05-05' } });
  });

  it('equal totals share a rank', () => {
    const two = members.slice(0, 2);
    const report = unwrap(
      scorePoints(S, two, [ev('m-01', 'study', '2025-01-05'), ev('m-02', 'study', '2025-06-30')], '2025-H1'),
    );
    expect(report.subjects.map((s) => (s.status === 'scored' ? s.rank : 0))).toEqual([1, 1]);
  });

  it('ranks by competition: one more than the number of subjects with a higher total', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 1, maxLength: 60 }), (counts) => {
        const subjects = counts.map((_, i) => ({ id: `m-${i}`, name: `党员${i}`, category: 'in-post' as const }));
        const events = counts.flatMap((n, i) => (n === 0 ? [] : [ev(`m-${i}`, 'study', '2025-03-01', { count: n })]));
        const rows = unwrap(scorePoints(S, subjects, events, '2025-H1')).subjects.map((x) => scored([x], x.subjectId));
        for (const r of rows) expect(r.rank).toBe(1 + rows.filter((o) => o.total > r.total).length);
      }),
      { numRuns: 50 },
    );
  });

  it('scores a year for a yearly scheme', () => {
    const yearly = { ...S, period: 'year' as const };
    const r = scorePoints(yearly, members.slice(0, 1), [ev('m-01', 'study', '2025-11-05')], '2025');
    expect(r.ok && r.value.range).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  describe('errors', () => {
    it('rating/unknown-item', () => {
      expect(errorsOf(members, [ev('m-01', 'karaoke', '2025-02-01')])[0]).toMatchObject({
        code: 'rating/unknown-item',
        path: ['events', 0, 'item'],
      });
    });
    it('rating/unknown-subject', () => {
      expect(errorsOf(members, [ev('m-99', 'study', '2025-02-01')])[0]).toMatchObject({
        code: 'rating/unknown-subject',
        path: ['events', 0, 'subjectId'],
      });
    });
    it('rating/event-outside-period', () => {
      expect(errorsOf(members, [ev('m-01', 'study', '2025-07-01')])[0]).toMatchObject({
        code: 'rating/event-outside-period',
        path: ['events', 0, 'on'],
        details: { on: '2025-07-01', period: '2025-H1' },
      });
    });
    it('rating/exclusion-not-approved: the branch meeting decided but nobody above approved', () => {
      const s: PointsSubject = { id: 'm-06', name: '周明', exclusion: { reason: 'illness', decidedOn: '2025-01-10' } };
      expect(errorsOf([s], [])[0]).toMatchObject({
        code: 'rating/exclusion-not-approved',
        path: ['subjects', 0, 'exclusion'],
      });
    });
    it('rating/unknown-category', () => {
      expect(errorsOf([{ id: 'm-07', name: '吴磊', category: 'student' }], [])[0]).toMatchObject({
        code: 'rating/unknown-category',
        path: ['subjects', 0, 'category'],
      });
    });
    it('rating/duplicate-code for a subject listed twice', () => {
      expect(errorsOf([members[0] as PointsSubject, members[0] as PointsSubject], [])[0]).toMatchObject({
        code: 'rating/duplicate-code',
        path: ['subjects', 1, 'id'],
      });
    });
    it('rating/value-out-of-domain for stated points outside the range, or on a fixed item', () => {
      const errs = errorsOf(members, [
        ev('m-01', 'late', '2025-02-01', { points: 9 }),
        ev('m-01', 'study', '2025-02-01', { points: 1 }),
      ]);
      expect(errs.map((e) => [e.code, e.path])).toEqual([
        ['rating/value-out-of-domain', ['events', 0, 'points']],
        ['rating/value-out-of-domain', ['events', 1, 'points']],
      ]);
    });
    it('rating/period-mismatch', () => {
      expect(errorsOf(members, [], '2025')[0]).toMatchObject({ code: 'rating/period-mismatch', path: ['period'] });
      expect(errorsOf(members, [], '2025-Q1')[0]).toMatchObject({ code: 'rating/period-mismatch', path: ['period'] });
    });
    it('malformed events are refused with paths, and all errors come at once', () => {
      const errs = errorsOf(members, [
        ev('m-01', 'study', 'yesterday'),
        ev('m-01', 'study', '2025-02-01', { count: 0 }),
      ]);
      expect(errs.map((e) => e.path)).toEqual([
        ['events', 0, 'on'],
        ['events', 1, 'count'],
      ]);
    });
  });
});
