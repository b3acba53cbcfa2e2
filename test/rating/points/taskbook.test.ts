import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../../src/core/index.js';
import { parseTaskBook, scoreTaskBook, type TaskBookInput, taskMenuLabels } from '../../../src/rating/index.js';
import { deepFreeze } from '../../helpers/freeze.js';

const input = (): TaskBookInput => ({
  id: 'jx-2025',
  name: { 'zh-CN': '2025 年机关支部党建任务书（示意）' },
  required: [
    { code: 'R1', title: { 'zh-CN': '三会一课' }, points: 30 },
    { code: 'R2', title: { 'zh-CN': '主题党日' }, points: 20 },
    { code: 'R3', title: { 'zh-CN': '党员先锋指数测评' }, points: 20 },
  ],
  optional: [
    { code: 'O1', title: { 'zh-CN': '舌尖上的科普志愿服务' }, points: 15 },
    { code: 'O2', title: { 'zh-CN': '3·15集结号维权宣传' }, points: 15 },
    { code: 'O3', title: { 'zh-CN': '支部联建' }, points: 10 },
  ],
  optionalMin: 2,
  optionalCap: 30,
});
const book = () => unwrap(parseTaskBook(input()));

describe('task book', () => {
  it('scores required and optional tasks by completion, caps the optional points and lists what is owed', () => {
    const [a, b] = unwrap(
      scoreTaskBook(
        deepFreeze(book()),
        deepFreeze([
          {
            branchId: 'jx-b1',
            completions: [
              { task: 'R1', completion: 1 },
              { task: 'R2', completion: 0.5 },
              { task: 'O1', completion: 1, evidence: '活动照片' },
              { task: 'O2', completion: 1 },
              { task: 'O3', completion: 1 },
            ],
          },
          {
            branchId: 'jx-b2',
            completions: [
              { task: 'R1', completion: 1 },
              { task: 'O3', completion: 0.5 },
            ],
          },
        ]),
      ),
    );
    expect(a).toMatchObject({
      requiredScore: 40,
      requiredMax: 70,
      optionalScore: 30,
      total: 70,
      max: 100,
      outstanding: ['R2', 'R3'],
      optionalChosen: 3,
      optionalShortfall: 0,
    });
    expect(a?.rows.find((r) => r.code === 'O1')).toMatchObject({ menu: 'optional', scored: 15, evidence: '活动照片' });
    expect(b).toMatchObject({ total: 35, optionalChosen: 1, optionalShortfall: 1, outstanding: ['R2', 'R3'] });
  });

  it('rating/unknown-task and rating/completion-out-of-range, with paths', () => {
    const r = scoreTaskBook(book(), [
      {
        branchId: 'jx-b1',
        completions: [
          { task: 'R9', completion: 1 },
          { task: 'R1', completion: 1.2 },
        ],
      },
    ]);
    expect(r.errors?.map((e) => [e.code, e.path])).toEqual([
      ['rating/unknown-task', ['reports', 0, 'completions', 0, 'task']],
      ['rating/completion-out-of-range', ['reports', 0, 'completions', 1, 'completion']],
    ]);
  });

  it('rating/duplicate-code for a task reported twice or a code on both menus', () => {
    const r = scoreTaskBook(book(), [
      {
        branchId: 'jx-b1',
        completions: [
          { task: 'R1', completion: 1 },
          { task: 'R1', completion: 0 },
        ],
      },
    ]);
    expect(r.errors?.[0]).toMatchObject({
      code: 'rating/duplicate-code',
      path: ['reports', 0, 'completions', 1, 'task'],
    });
    const p = parseTaskBook({
      ...input(),
      optional: [{ code: 'R1', title: { 'zh-CN': '重复' }, points: 5 }],
      optionalMin: 0,
    });
    expect(p.errors?.[0]).toMatchObject({ code: 'rating/duplicate-code', path: ['optional', 0, 'code'] });
  });

  it('refuses demanding more optional tasks than the menu holds (rating/rule-contradicts-points)', () => {
    expect(parseTaskBook({ ...input(), optionalMin: 4 }).errors?.[0]).toMatchObject({
      code: 'rating/rule-contradicts-points',
      path: ['optionalMin'],
    });
  });

  it('labels both menus', () => {
    expect(taskMenuLabels.required['zh-CN']).toBe('规定任务');
    expect(taskMenuLabels.optional['zh-CN']).toBe('自选任务');
  });

  it('property: a total never exceeds the maximum, and more completion never lowers it', () => {
    const codes = ['R1', 'R2', 'R3', 'O1', 'O2', 'O3'];
    const comps = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(comps, fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 1, noNaN: true }), (cs, k, bump) => {
        const report = (xs: number[]) => ({
          branchId: 'b',
          completions: codes.map((task, i) => ({ task, completion: xs[i] ?? 0 })),
        });
        const b = book();
        const [before] = unwrap(scoreTaskBook(b, [report(cs)]));
        const higher = cs.map((c, i) => (i === k ? Math.max(c, bump) : c));
        const [after] = unwrap(scoreTaskBook(b, [report(higher)]));
        return (before?.total ?? 0) <= (before?.max ?? 0) + 1e-9 && (after?.total ?? 0) >= (before?.total ?? 0) - 1e-9;
      }),
      { numRuns: 150 },
    );
  });
});
