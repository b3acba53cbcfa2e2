import { describe, expect, it } from 'vitest';
import { execute, getRecord, replay, unwrap } from '../../src/core/index.js';
import { type LoopCommand, loopDecider } from '../../src/loop/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { at, run } from './_fixture.js';

const start: readonly LoopCommand[] = [
  {
    type: 'order-deployment',
    id: 'dep-c',
    title: '批发市场快检抽检',
    source: { kind: 'document', reference: '某市监发〔2025〕10号' },
    orderedBy: '局长',
    supervisingUnitId: 'dept-office',
    leadUnitId: 'dept-food',
    deadline: { workdays: 20 },
    category: '食品安全',
    on: '2025-08-01',
  },
];

describe('correct-record', () => {
  it('corrects a deployment and keeps the old values in the event', () => {
    const { state, events } = run(start);
    const r = unwrap(
      execute(
        loopDecider,
        deepFreeze(state),
        {
          type: 'correct-record',
          target: 'deployment',
          id: 'dep-c',
          changes: { title: '批发市场快速检测', priority: 'high' },
          reason: '标题录入有误',
        },
        at('2025-08-02'),
      ),
    );
    expect(r.events[0]).toMatchObject({
      type: 'record-corrected',
      target: 'deployment',
      id: 'dep-c',
      before: { title: '批发市场快检抽检' },
      after: { title: '批发市场快速检测', priority: 'high' },
      reason: '标题录入有误',
      correctedOn: '2025-08-02',
    });
    expect(getRecord(r.state.deployments, 'dep-c')).toMatchObject({
      title: '批发市场快速检测',
      priority: 'high',
      status: 'open',
    });
    expect(getRecord(state.deployments, 'dep-c')?.title).toBe('批发市场快检抽检');
    expect(replay(loopDecider, [...events, ...r.events])).toEqual(r.state);
  });

  it('a correction to the values already recorded changes nothing and returns the same state', () => {
    const { state } = run(start);
    const r = unwrap(
      execute(
        loopDecider,
        state,
        {
          type: 'correct-record',
          target: 'deployment',
          id: 'dep-c',
          changes: { category: '食品安全' },
          reason: '核对',
        },
        at('2025-08-02'),
      ),
    );
    expect(r.state).toBe(state);
    expect(r.events).toEqual([]);
  });

  it('loop/unknown-record for a record that does not exist', () => {
    const { state } = run(start);
    const r = execute(
      loopDecider,
      state,
      { type: 'correct-record', target: 'problem', id: 'p-none', changes: { severity: 'major' }, reason: '更正' },
      at('2025-08-02'),
    );
    expect(r.ok).toBe(false);
    expect(r.errors?.[0]).toMatchObject({ code: 'loop/unknown-record', path: ['id'] });
  });

  it('refuses fields that are not descriptive, and a missing reason', () => {
    const { state } = run(start);
    const moved = execute(
      loopDecider,
      state,
      {
        type: 'correct-record',
        target: 'deployment',
        id: 'dep-c',
        changes: { leadUnitId: 'x' },
        reason: '改',
      } as unknown as LoopCommand,
      at('2025-08-02'),
    );
    expect(moved.errors?.[0]?.code).toBe('core/unknown-key');
    const noReason = execute(
      loopDecider,
      state,
      { type: 'correct-record', target: 'deployment', id: 'dep-c', changes: { title: '新' } } as unknown as LoopCommand,
      at('2025-08-02'),
    );
    expect(noReason.errors?.[0]).toMatchObject({ code: 'core/required', path: ['reason'] });
  });
});
