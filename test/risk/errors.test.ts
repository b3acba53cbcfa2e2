import { describe, expect, expectTypeOf, it } from 'vitest';
import { execute } from '../../src/core/index.js';
import { riskError } from '../../src/risk/errors.js';
import type { RiskErrorCode, RiskEventType } from '../../src/risk/index.js';
import { type RiskCommand, riskDecider } from '../../src/risk/index.js';
import { ctx } from './_fixture.js';

describe('risk errors', () => {
  it('the exported code union is exactly the catalogue', () => {
    expectTypeOf<RiskErrorCode>().toEqualTypeOf<keyof typeof riskError.catalogue>();
  });

  it('codes and event types are public API: a change to either list shows up here', () => {
    expect(Object.keys(riskError.catalogue).sort()).toMatchInlineSnapshot(`
      [
        "risk/band-gap",
        "risk/band-not-covering",
        "risk/band-not-monotone",
        "risk/band-overlap",
        "risk/cell-not-monotone",
        "risk/dates-out-of-order",
        "risk/duplicate-consultation",
        "risk/duplicate-key-post",
        "risk/duplicate-measure",
        "risk/duplicate-response",
        "risk/duplicate-risk",
        "risk/level-contradicts-criteria",
        "risk/level-contradicts-method",
        "risk/measure-done",
        "risk/missing-cell",
        "risk/not-a-key-post",
        "risk/not-reviewed",
        "risk/not-successor",
        "risk/open-measures",
        "risk/rating-off-scale",
        "risk/response-incomplete",
        "risk/scale-not-ascending",
        "risk/unknown-key-post",
        "risk/unknown-measure",
        "risk/unknown-method",
        "risk/unknown-risk",
        "risk/wrong-stage",
      ]
    `);
    const types: Record<RiskEventType, true> = {
      'risk-identified': true,
      'risk-assessed': true,
      'risk-re-rated': true,
      'risk-assigned': true,
      'control-started': true,
      'measure-added': true,
      'measure-completed': true,
      'risk-tracked': true,
      'risk-closed': true,
      'risk-reopened': true,
      'escalation-decided': true,
      'consultation-held': true,
      'key-post-registered': true,
      'integrity-response-recorded': true,
      'unit-rehomed': true,
    };
    expect(Object.keys(types)).toHaveLength(15);
  });

  it('every message exists in both locales and names its details', () => {
    const e = riskError('risk/unknown-risk', { riskId: 'r-9' }, ['riskId']);
    expect(e.message['zh-CN']).toContain('r-9');
    expect(e.message.en).toContain('r-9');
  });

  it('hostile and malformed commands are refused with core codes and paths; nothing changes', () => {
    const state = riskDecider.initialState;
    const hostile = JSON.parse('{"type":"identify-risk","riskId":"r-1","__proto__":{"polluted":1}}') as RiskCommand;
    const r = execute(riskDecider, state, hostile, ctx());
    expect(r.ok).toBe(false);
    const bad = execute(
      riskDecider,
      state,
      { type: 'identify-risk', riskId: '__proto__' } as unknown as RiskCommand,
      ctx(),
    );
    expect(bad.ok ? [] : bad.errors.map((e) => e.path[0])).toContain('riskId');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
