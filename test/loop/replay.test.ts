import { describe, expect, it } from 'vitest';
import { execute, getRecord, replay, unwrap } from '../../src/core/index.js';
import { loopDecider } from '../../src/loop/index.js';
import { closing, ctx, run, story } from './_fixture.js';

function everyObject(value: unknown, fn: (o: object) => void): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (v === null || typeof v !== 'object') continue;
    fn(v);
    for (const k of Object.keys(v)) stack.push((v as Record<string, unknown>)[k]);
  }
}

describe('loop replay', () => {
  const { state, events } = run([...story, ...closing]);
  const replayed = replay(loopDecider, events);

  it('rebuilds the state execute built, deep-frozen', () => {
    expect(replayed).toEqual(state);
    everyObject(replayed, (o) => expect(Object.isFrozen(o)).toBe(true));
  });

  it('appends to the lists of a replayed state without touching it', () => {
    const open = replay(loopDecider, run(story).events);
    const before = getRecord(open.deployments, 'dep-1');
    const inspections = before?.inspectionIds;
    const r = unwrap(
      execute(
        loopDecider,
        open,
        {
          type: 'record-inspection',
          id: 'insp-2',
          deploymentId: 'dep-1',
          kind: 'frontline',
          inspectors: ['王五'],
          inspectedUnitIds: ['st-a1'],
          on: '2025-09-12',
        },
        ctx,
      ),
    );
    expect(getRecord(r.state.deployments, 'dep-1')?.inspectionIds).toEqual(['insp-1', 'insp-2']);
    expect(getRecord(open.deployments, 'dep-1')?.inspectionIds).toBe(inspections);
    expect(inspections).toEqual(['insp-1']);
    // the same events replayed on top of the replayed state give the executed state
    expect(replay(loopDecider, r.events, { from: open })).toEqual(r.state);
  });

  it('gives records without assisting units or evidence an empty list that cannot be changed', () => {
    const { events: plain } = run(
      story.map((c) => (c.type === 'order-deployment' ? { ...c, assistingUnitIds: [] } : c)),
    );
    const d = getRecord(replay(loopDecider, plain).deployments, 'dep-1');
    expect(d?.assistingUnitIds).toEqual([]);
    expect(Object.isFrozen(d?.assistingUnitIds)).toBe(true);
  });
});
