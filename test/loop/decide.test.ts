import { describe, expect, it } from 'vitest';
import { chinaWorkCalendar, execute, getRecord, type Result } from '../../src/core/index.js';
import { createLoopDecider, decideLoop, type LoopCommand, type LoopState, loopDecider } from '../../src/loop/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { orgFixture } from '../helpers/org-fixture.js';
import { closing, ctx, run, story } from './_fixture.js';

function refused(r: Result<unknown>, code: string, path: readonly (string | number)[]) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const e = r.errors.find((x) => x.code === code);
  expect(e, `${code} in ${r.errors.map((x) => x.code).join(',')}`).toBeDefined();
  expect(e?.path).toEqual(path);
  expect(e?.message['zh-CN'].length).toBeGreaterThan(0);
  expect(e?.message.en.length).toBeGreaterThan(0);
}

function tryOn(state: LoopState, command: LoopCommand) {
  const r = execute(loopDecider, deepFreeze(state), deepFreeze(command), ctx);
  if (!r.ok) expect(r).not.toHaveProperty('value');
  return r;
}

const base = run(story).state;

describe('decideLoop — the happy path', () => {
  it('runs a deployment to strike-off and closing, with deadlines on the working-day calendar', () => {
    const { state, events } = run([...story, ...closing]);
    expect(events.map((e) => e.type)).toEqual([
      'deployment-ordered',
      'inspection-recorded',
      'notice-issued',
      'problem-recorded',
      'supervision-ordered',
      'resolution-reported',
      'resolution-accepted',
      'look-back-passed',
      'problem-struck-off',
      'deployment-closed',
    ]);
    expect(events.every((e) => e.actor === 'u-office' && e.at === '2025-09-26T09:00:00+08:00')).toBe(true);
    // 5 working days from 2025-09-26: Sun 09-28 (make-up day), 09-29, 09-30, then 10-09, 10-10.
    expect(getRecord(state.orders, 'o-1')?.dueOn).toBe('2025-10-10');
    expect(getRecord(state.orders, 'o-1')).toMatchObject({ status: 'resolved', onTime: true });
    expect(getRecord(state.problems, 'p-1')).toMatchObject({ status: 'struck-off', struckOffOn: '2025-11-11' });
    expect(getRecord(state.deployments, 'dep-1')).toMatchObject({ status: 'closed', closedOn: '2025-11-12' });
    // look-back due 30 calendar days after acceptance on 2025-10-10
    const resolved = run(closing.slice(0, 2), run(story).state).state;
    expect(getRecord(resolved.problems, 'p-1')).toMatchObject({ status: 'resolved', lookBackDueOn: '2025-11-10' });
  });

  it('lands National Day deadlines after 2025-10-08', () => {
    const p = getRecord(base.orders, 'o-1');
    expect(p && p.dueOn > '2025-10-08').toBe(true);
    expect(chinaWorkCalendar.isWorkday('2025-10-08')).toBe(false);
  });

  it('takes generated ids and today when a command gives none', () => {
    const r = decideLoop(
      loopDecider.initialState,
      {
        type: 'order-deployment',
        title: '校园周边食品安全专项整治',
        source: { kind: 'meeting', reference: '局长办公会' },
        orderedBy: '局长',
        supervisingUnitId: 'dept-office',
        leadUnitId: 'dept-food',
        deadline: { days: 10 },
        category: '食品安全',
      },
      ctx,
    );
    expect(r.ok && r.value[0]).toMatchObject({
      type: 'deployment-ordered',
      deployment: {
        id: expect.stringMatching(/^dep-/),
        startOn: '2025-09-26',
        dueOn: '2025-10-09',
        priority: 'normal',
      },
    });
  });

  it('reopens the same problem on a failed look-back, keeps history, and needs a new order', () => {
    const reopened = run(
      [
        ...closing.slice(0, 2),
        {
          type: 'record-look-back',
          id: 'lb-1',
          problemId: 'p-1',
          passed: false,
          checkedBy: ['赵六'],
          on: '2025-11-10',
        },
      ],
      base,
    ).state;
    const p = getRecord(reopened.problems, 'p-1');
    expect(p).toMatchObject({ status: 'awaiting-order', recurrence: 1, orderIds: ['o-1'], lookBackIds: ['lb-1'] });
    refused(tryOn(reopened, { type: 'strike-off', problemId: 'p-1' }), 'loop/look-back-required', ['problemId']);
    const again = run(
      [
        {
          type: 'order-supervision',
          id: 'o-2',
          problemId: 'p-1',
          leadUnitId: 'st-a1',
          deadline: { workdays: 5 },
          on: '2025-11-11',
        },
      ],
      reopened,
    ).state;
    expect(getRecord(again.problems, 'p-1')).toMatchObject({
      status: 'under-supervision',
      orderId: 'o-2',
      orderIds: ['o-1', 'o-2'],
    });
    expect(getRecord(again.lookBacks, 'lb-1')).toMatchObject({ outcome: 'failed', recurrence: 1 });
  });

  it('returns a resolution for more work and opens the order again', () => {
    const s = run(
      [
        closing[0] as LoopCommand,
        { type: 'review-resolution', resolutionId: 'r-1', decision: 'return', reason: '证据不全', on: '2025-10-10' },
      ],
      base,
    ).state;
    expect(getRecord(s.orders, 'o-1')).toMatchObject({ status: 'open', returns: 1 });
    expect(getRecord(s.resolutions, 'r-1')).toMatchObject({ status: 'returned', reason: '证据不全' });
  });

  it('extends an order before its deadline and judges lateness against the approved date', () => {
    const s = run(
      [
        { type: 'request-extension', orderId: 'o-1', reason: '需要复检', newDueOn: '2025-10-17', on: '2025-10-09' },
        { type: 'decide-extension', orderId: 'o-1', approve: true, on: '2025-10-09' },
        { ...(closing[0] as LoopCommand), on: '2025-10-15' } as LoopCommand,
        closing[1] as LoopCommand,
      ].map((c) => (c.type === 'review-resolution' ? { ...c, on: '2025-10-16' } : c)) as LoopCommand[],
      base,
    ).state;
    expect(getRecord(s.orders, 'o-1')).toMatchObject({
      dueOn: '2025-10-10',
      effectiveDueOn: '2025-10-17',
      status: 'resolved',
      onTime: true,
    });
  });

  it('judges lateness against the original deadline when the extension is rejected', () => {
    const s = run(
      [
        { type: 'request-extension', orderId: 'o-1', reason: '需要复检', newDueOn: '2025-10-17', on: '2025-10-09' },
        { type: 'decide-extension', orderId: 'o-1', approve: false, comment: '不予延期', on: '2025-10-09' },
        { ...(closing[0] as LoopCommand), on: '2025-10-15' } as LoopCommand,
        { type: 'review-resolution', resolutionId: 'r-1', decision: 'accept', on: '2025-10-16' },
      ],
      base,
    ).state;
    expect(getRecord(s.orders, 'o-1')).toMatchObject({ effectiveDueOn: '2025-10-10', onTime: false });
    expect(getRecord(s.orders, 'o-1')?.extensions[0]).toMatchObject({ status: 'rejected', comment: '不予延期' });
  });
});

describe('decideLoop — one test per error code', () => {
  it('core schema errors come with paths', () => {
    refused(tryOn(base, { type: 'strike-off', problemId: '__proto__' } as LoopCommand), 'core/invalid-format', [
      'problemId',
    ]);
  });
  it('loop/duplicate-id', () => {
    refused(tryOn(base, { ...(story[0] as LoopCommand) }), 'loop/duplicate-id', ['id']);
  });
  it('loop/deployment-required', () => {
    refused(
      tryOn(base, { ...(story[1] as LoopCommand), id: 'insp-9', deploymentId: 'dep-9' } as LoopCommand),
      'loop/deployment-required',
      ['deploymentId'],
    );
  });
  it('loop/inspection-required (a notice needs an inspection; a deployment closes only when inspected)', () => {
    refused(
      tryOn(base, { ...(story[2] as LoopCommand), inspectionId: 'x' } as LoopCommand),
      'loop/inspection-required',
      ['inspectionId'],
    );
    const bare = run([{ ...(story[0] as LoopCommand), id: 'dep-2' } as LoopCommand]).state;
    refused(tryOn(bare, { type: 'close-deployment', deploymentId: 'dep-2' }), 'loop/inspection-required', [
      'deploymentId',
    ]);
  });
  it('loop/notice-required', () => {
    const s = run(story.slice(0, 2)).state;
    refused(tryOn(s, { type: 'close-deployment', deploymentId: 'dep-1', on: '2025-10-01' }), 'loop/notice-required', [
      'deploymentId',
    ]);
  });
  it('loop/problem-required', () => {
    refused(tryOn(base, { ...(story[4] as LoopCommand), id: 'o-9' } as LoopCommand), 'loop/problem-required', [
      'problemId',
    ]);
  });
  it('loop/order-required', () => {
    refused(tryOn(base, { ...(closing[0] as LoopCommand), orderId: 'o-9' } as LoopCommand), 'loop/order-required', [
      'orderId',
    ]);
    refused(
      tryOn(base, { type: 'request-extension', orderId: 'o-9', reason: 'x', newDueOn: '2025-10-17' }),
      'loop/order-required',
      ['orderId'],
    );
  });
  it('loop/resolution-required', () => {
    refused(
      tryOn(base, { type: 'record-look-back', problemId: 'p-1', passed: true, checkedBy: ['赵六'] }),
      'loop/resolution-required',
      ['problemId'],
    );
  });
  it('loop/look-back-required', () => {
    refused(tryOn(base, { type: 'strike-off', problemId: 'p-1' }), 'loop/look-back-required', ['problemId']);
  });
  it('loop/strike-off-required', () => {
    refused(
      tryOn(base, { type: 'close-deployment', deploymentId: 'dep-1', on: '2025-10-01' }),
      'loop/strike-off-required',
      ['deploymentId'],
    );
  });
  it('loop/deployment-closed', () => {
    const closed = run([...story, ...closing]).state;
    refused(
      tryOn(closed, { ...(story[1] as LoopCommand), id: 'insp-2', on: '2025-11-13' } as LoopCommand),
      'loop/deployment-closed',
      ['deploymentId'],
    );
  });
  it('loop/already-notified', () => {
    refused(
      tryOn(base, { ...(story[2] as LoopCommand), id: 'notice-2', number: 'N2' } as LoopCommand),
      'loop/already-notified',
      ['inspectionId'],
    );
  });
  it('loop/duplicate-notice-number', () => {
    const s = run([{ ...(story[1] as LoopCommand), id: 'insp-2' } as LoopCommand], base).state;
    refused(
      tryOn(s, { ...(story[2] as LoopCommand), id: 'notice-2', inspectionId: 'insp-2' } as LoopCommand),
      'loop/duplicate-notice-number',
      ['number'],
    );
  });
  it('loop/resolution-not-submitted', () => {
    refused(tryOn(base, closing[1] as LoopCommand), 'loop/resolution-not-submitted', ['resolutionId']);
  });
  it('loop/extension-too-late', () => {
    refused(
      tryOn(base, {
        type: 'request-extension',
        orderId: 'o-1',
        reason: '需要复检',
        newDueOn: '2025-10-17',
        on: '2025-10-11',
      }),
      'loop/extension-too-late',
      ['on'],
    );
  });
  it('loop/extension-not-later', () => {
    refused(
      tryOn(base, {
        type: 'request-extension',
        orderId: 'o-1',
        reason: '需要复检',
        newDueOn: '2025-10-09',
        on: '2025-10-09',
      }),
      'loop/extension-not-later',
      ['newDueOn'],
    );
  });
  it('loop/extension-pending', () => {
    const req: LoopCommand = {
      type: 'request-extension',
      orderId: 'o-1',
      reason: '需要复检',
      newDueOn: '2025-10-17',
      on: '2025-10-09',
    };
    refused(tryOn(run([req], base).state, req), 'loop/extension-pending', ['orderId']);
  });
  it('loop/no-pending-extension', () => {
    refused(tryOn(base, { type: 'decide-extension', orderId: 'o-1', approve: true }), 'loop/no-pending-extension', [
      'orderId',
    ]);
  });
  it('loop/dates-out-of-order', () => {
    refused(
      tryOn(base, { ...(story[1] as LoopCommand), id: 'insp-2', on: '2025-08-01' } as LoopCommand),
      'loop/dates-out-of-order',
      ['on'],
    );
  });
  it('loop/deadline-not-workday (and it can be turned off)', () => {
    const cmd = { ...(story[0] as LoopCommand), id: 'dep-2', deadline: { date: '2025-10-03' } } as LoopCommand;
    refused(tryOn(base, cmd), 'loop/deadline-not-workday', ['deadline', 'date']);
    expect(execute(createLoopDecider({ requireWorkdayDeadlines: false }), base, cmd, ctx).ok).toBe(true);
  });
  it('core/calendar-not-covered passes through under the deadline path', () => {
    refused(
      tryOn(base, { ...(story[0] as LoopCommand), id: 'dep-2', on: '2027-03-01' } as LoopCommand),
      'core/calendar-not-covered',
      ['deadline'],
    );
  });
});

describe('decideLoop — org references', () => {
  const withOrg = createLoopDecider({ directory: orgFixture() });
  it('accepts units of the directory', () => {
    expect(run(story, withOrg.initialState, withOrg).state.version).toBe(5);
  });
  it('refuses unknown units, and units not in force on the day, at their paths', () => {
    const r = execute(
      withOrg,
      withOrg.initialState,
      { ...(story[0] as LoopCommand), leadUnitId: 'nowhere', assistingUnitIds: ['st-a1', 'st-price'] } as LoopCommand,
      ctx,
    );
    refused(r, 'org/unknown-unit', ['leadUnitId']);
    refused(r, 'org/not-valid-on', ['assistingUnitIds', 1]);
  });
});

describe('execute with the loop decider', () => {
  it('leaves state untouched on refusal and returns the same state for a deep-frozen input', () => {
    const before = JSON.stringify(base);
    tryOn(base, { type: 'strike-off', problemId: 'p-1' });
    expect(JSON.stringify(base)).toBe(before);
  });
});
