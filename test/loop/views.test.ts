import { describe, expect, it } from 'vitest';
import { funnel, funnelSvg, LOOP_FUNNEL_STEPS, type LoopCommand, loopDecider } from '../../src/loop/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { closing, run, story } from './_fixture.js';

const counts = (rows: ReturnType<typeof funnel>) => Object.fromEntries(rows.map((r) => [r.step, r.count]));

// a second deployment inspected but not yet notified, with a problem awaiting its order
const second: readonly LoopCommand[] = [
  { ...(story[0] as Extract<LoopCommand, { type: 'order-deployment' }>), id: 'dep-2', title: '特种设备专项检查' },
  { ...(story[1] as Extract<LoopCommand, { type: 'record-inspection' }>), id: 'insp-2', deploymentId: 'dep-2' },
  { ...(story[3] as Extract<LoopCommand, { type: 'record-problem' }>), id: 'p-2', inspectionId: 'insp-2' },
  { ...(story[0] as Extract<LoopCommand, { type: 'order-deployment' }>), id: 'dep-3', title: '<未检查>' },
];

describe('funnel', () => {
  it('counts an empty loop as seven zero steps in order', () => {
    const rows = funnel(loopDecider.initialState);
    expect(rows.map((r) => r.step)).toEqual([...LOOP_FUNNEL_STEPS]);
    expect(rows.every((r) => r.count === 0)).toBe(true);
  });

  it('follows deployments then problems through every link', () => {
    const open = deepFreeze(run([...story, ...second]).state);
    expect(counts(funnel(open))).toEqual({
      deployed: 3,
      inspected: 2,
      notified: 1,
      supervised: 1,
      resolved: 0,
      'looked-back': 0,
      'struck-off': 0,
    });
    const closed = deepFreeze(run([...story, ...closing, ...second]).state);
    const rows = funnel(closed);
    expect(counts(rows)).toEqual({
      deployed: 3,
      inspected: 2,
      notified: 1,
      supervised: 1,
      resolved: 1,
      'looked-back': 1,
      'struck-off': 1,
    });
    expect(rows.map((r) => r.counts)).toEqual([
      'deployments',
      'deployments',
      'deployments',
      'problems',
      'problems',
      'problems',
      'problems',
    ]);
    expect(rows[0]?.label).toBe('部署事项');
    expect(funnel(closed, { locale: 'en' })[6]?.label).toBe('problems struck off');
  });

  it('counts a problem reopened by a failed look-back as resolved and looked back, not struck off', () => {
    const failed: LoopCommand[] = [
      ...story,
      ...closing.slice(0, 2),
      { type: 'record-look-back', id: 'lb-x', problemId: 'p-1', passed: false, checkedBy: ['赵六'], on: '2025-11-10' },
    ];
    expect(counts(funnel(run(failed).state))).toMatchObject({ resolved: 1, 'looked-back': 1, 'struck-off': 0 });
  });

  it('keeps to the period: deployments by start day, problems by the day found', () => {
    const state = run([...story, ...closing]).state;
    expect(funnel(state, { from: '2025-09-11' }).every((r) => r.count === 0)).toBe(true);
    expect(counts(funnel(state, { from: '2025-09-02' }))).toMatchObject({
      deployed: 0,
      supervised: 1,
      'struck-off': 1,
    });
    expect(counts(funnel(state, { from: '2025-09-01', to: '2025-09-09' }))).toMatchObject({
      deployed: 1,
      supervised: 0,
    });
    expect(counts(funnel(state, { to: '2025-09-10' }))).toMatchObject({ deployed: 1, supervised: 1, 'struck-off': 1 });
  });
});

describe('funnelSvg', () => {
  it('draws one bar per step with its label and count, escaping text', () => {
    const rows = funnel(run([...story, ...closing, ...second]).state);
    const svg = funnelSvg(rows, { title: '闭环 <漏斗> & 销号' });
    expect(svg).toContain('data-view="funnel"');
    const steps = [...svg.matchAll(/<g data-step="(\d+)" data-value="(\d+)">/g)].map((m) => Number(m[2]));
    expect(steps).toEqual(rows.map((r) => r.count));
    for (const r of rows) expect(svg).toContain(`>${r.label}</text>`);
    expect(svg).toContain('闭环 &lt;漏斗&gt; &amp; 销号');
    expect(funnelSvg(rows)).toContain('<title>闭环工作漏斗</title>');
    expect(funnelSvg(rows, { locale: 'en' })).toContain('Closed-loop funnel');
  });
});
