import { describe, expect, expectTypeOf, it } from 'vitest';
import { getRecord } from '../../src/core/index.js';
import { loopError } from '../../src/loop/errors.js';
import {
  dueSoon,
  escalationColour,
  gaps,
  LOOP_METRICS,
  type LoopCommand,
  type LoopErrorCode,
  type LoopMetricName,
  ledger,
  ledgerTable,
  metrics,
  overdue,
} from '../../src/loop/index.js';
import { at, closing, run, story } from './_fixture.js';

const base = run(story).state;

describe('gaps', () => {
  it('reports nothing before a link is due, even over National Day', () => {
    expect(gaps(base, at('2025-10-10'))).toEqual([]);
  });
  it('names the missing resolution, the unit that owes it and working days late', () => {
    // due 10-10; Sat 10-11 is a make-up workday, then Mon 10-13 and Tue 10-14
    expect(gaps(base, at('2025-10-14'))).toEqual([
      {
        link: 'resolution',
        recordId: 'o-1',
        deploymentId: 'dep-1',
        problemId: 'p-1',
        owedBy: 'st-a1',
        dueOn: '2025-10-10',
        lateWorkdays: 3,
      },
    ]);
  });
  it('names a missing inspection and a missing notice', () => {
    const s = run(
      [
        { ...(story[0] as LoopCommand), id: 'dep-2', on: '2025-09-01' } as LoopCommand,
        { ...(story[1] as LoopCommand), id: 'insp-2', deploymentId: 'dep-2', on: '2025-09-02' } as LoopCommand,
      ],
      base,
    ).state;
    const bare = run([{ ...(story[0] as LoopCommand), id: 'dep-3', on: '2025-09-01' } as LoopCommand], s).state;
    const links = gaps(bare, at('2025-10-14')).map((x) => [x.link, x.recordId, x.owedBy]);
    expect(links).toContainEqual(['notice', 'insp-2', 'dept-office']);
    expect(links).toContainEqual(['inspection', 'dep-3', 'dept-office']);
  });
  it('names a missing look-back and strike-off once due', () => {
    const resolved = run(closing.slice(0, 2), base).state;
    expect(gaps(resolved, at('2025-11-10'))).toEqual([]);
    expect(gaps(resolved, at('2025-11-11')).map((x) => x.link)).toEqual(['look-back']);
    const passed = run(closing.slice(2, 3), resolved).state;
    expect(gaps(passed, at('2025-11-18')).map((x) => [x.link, x.dueOn])).toEqual([['strike-off', '2025-11-17']]);
  });
});

describe('dueSoon and overdue', () => {
  it('colours a link blue within three working days of its deadline', () => {
    expect(dueSoon(base, at('2025-10-09'))).toMatchObject([
      { link: 'resolution', remainingWorkdays: 1, colour: 'blue' },
    ]);
    expect(dueSoon(base, at('2025-09-26'), { withinWorkdays: 2 })).toEqual([]);
    expect(dueSoon(base, at('2025-09-26'), { withinWorkdays: 5 })).toMatchObject([{ colour: 'green' }]);
  });
  it('colours overdue links yellow, then red from the red threshold', () => {
    expect(overdue(base, at('2025-10-13'))).toMatchObject([{ colour: 'yellow', lateWorkdays: 2 }]);
    expect(overdue(base, at('2025-10-20'))).toMatchObject([{ colour: 'red' }]);
    expect(
      overdue(base, at('2025-10-13'), { thresholds: { blueWithinWorkdays: 3, redAfterWorkdays: 1 } }),
    ).toMatchObject([{ colour: 'red' }]);
    expect(escalationColour('2025-10-10', at('2025-10-09'))).toBe('blue');
    expect(escalationColour('2025-10-31', at('2025-10-09'))).toBe('green');
    expect(escalationColour('2025-10-10', at('2025-10-13'))).toBe('yellow');
  });
});

describe('ledger', () => {
  const done = run([...story, ...closing]).state;
  it('prints the 监督检查台账 with a deployment and its inspection', () => {
    const rows = ledger(done, { book: 'inspection' });
    expect(rows.map((r) => [r.no, r.kind, r.status, r.closedOn, r.lookedBack])).toEqual([
      ['1', 'deployment', '已办结', '2025-11-12', '是'],
      ['1.1', 'inspection', '已通报', '2025-09-12', '—'],
    ]);
    expect(rows[0]?.source).toBe('文件：威市监发〔2025〕1号');
  });
  it('prints the 问题后处置台账 through strike-off, in English too', () => {
    const [row] = ledger(done, { book: 'problem', locale: 'en', unitName: (id) => id.toUpperCase() });
    expect(row).toMatchObject({
      status: 'struck off',
      lookedBack: 'yes',
      struckOffOn: '2025-11-11',
      closedOn: '2025-10-10',
      leadUnit: 'ST-A1',
    });
    const open = ledger(base, { book: 'problem' })[0];
    expect(open).toMatchObject({ status: '督办中', deadline: '2025-10-10', lookedBack: '否', closedOn: '' });
  });
  it('renders rows under the printed column headers', () => {
    const t = ledgerTable(ledger(base, { book: 'problem' }));
    expect(Object.keys(t[0] ?? {})).toEqual([
      '序号',
      '事项',
      '来源',
      '主办单位',
      '协办单位',
      '时限',
      '状态',
      '办结日期',
      '是否回头看',
      '销号日期',
    ]);
  });
});

describe('metrics', () => {
  it('gives every unit the stable metric names', () => {
    const m = metrics(run([...story, ...closing]).state, at('2025-12-31'), {
      from: '2025-01-01',
      to: '2025-12-31',
      groupBy: 'unit',
    });
    expect(Object.keys(m)).toEqual(['dept-food', 'st-a1']);
    expect(m['dept-food']).toMatchObject({
      'loop.deployments': 1,
      'loop.inspection-coverage': 1,
      'loop.notice-rate': 1,
      'loop.problems': 0,
      'loop.supervision-rate': null,
    });
    expect(m['st-a1']).toMatchObject({
      'loop.problems': 1,
      'loop.supervision-rate': 1,
      'loop.on-time-resolution-rate': 1,
      'loop.look-back-rate': 1,
      'loop.strike-off-rate': 1,
      'loop.reopen-rate': 0,
      'loop.mean-workdays-to-resolve': 4,
    });
    expect(Object.keys(m['st-a1'] ?? {}).sort()).toEqual(Object.keys(LOOP_METRICS).sort());
  });
  it('counts only what falls in the period', () => {
    expect(metrics(base, at('2025-12-31'), { from: '2026-01-01', to: '2026-12-31', groupBy: 'unit' })).toEqual({});
  });
  it('keeps the catalogue names stable', () => {
    expectTypeOf<keyof typeof LOOP_METRICS>().toEqualTypeOf<LoopMetricName>();
    expect(Object.keys(LOOP_METRICS)).toMatchInlineSnapshot(`
      [
        "loop.deployments",
        "loop.inspection-coverage",
        "loop.notice-rate",
        "loop.problems",
        "loop.supervision-rate",
        "loop.on-time-resolution-rate",
        "loop.look-back-rate",
        "loop.strike-off-rate",
        "loop.reopen-rate",
        "loop.mean-workdays-to-resolve",
      ]
    `);
  });
});

describe('error catalogue', () => {
  it('declares every code once, with both messages', () => {
    expectTypeOf<LoopErrorCode>().toEqualTypeOf<keyof typeof loopError.catalogue>();
    expect(Object.keys(loopError.catalogue).every((c) => c.startsWith('loop/'))).toBe(true);
    expect(getRecord(base.problems, 'p-1')?.status).toBe('under-supervision');
  });
});
