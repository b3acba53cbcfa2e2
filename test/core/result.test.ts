import { describe, expect, expectTypeOf, it } from 'vitest';
import { coreError } from '../../src/core/errors-core.js';
import { type DomainError, err, isOk, ok, type Result, ShijianError, unwrap } from '../../src/core/index.js';

describe('Result', () => {
  it('ok carries a value and narrows', () => {
    const r: Result<number> = ok(3);
    expect(isOk(r)).toBe(true);
    if (r.ok) expectTypeOf(r.value).toEqualTypeOf<number>();
    const widened = r as Result<number>;
    if (!widened.ok) expectTypeOf(widened.errors).toEqualTypeOf<readonly DomainError[]>();
    expect(unwrap(r)).toBe(3);
  });

  it('err carries coded bilingual errors and unwrap throws them', () => {
    const e = coreError('core/version-conflict', { expected: 1, actual: 2 });
    const r: Result<number> = err(e);
    expect(isOk(r)).toBe(false);
    expect(r.errors?.[0]?.code).toBe('core/version-conflict');
    expect(r.errors?.[0]?.message['zh-CN']).toContain('版本冲突');
    expect(r.errors?.[0]?.message.en).toContain('expected version 1');
    let thrown: unknown;
    try {
      unwrap(r);
    } catch (x) {
      thrown = x;
    }
    expect(thrown).toBeInstanceOf(ShijianError);
    expect((thrown as ShijianError).errors).toEqual([e]);
  });

  it('err without any error is a programmer error', () => {
    expect(() => err()).toThrow(/\[shijian\]/);
  });

  it('the two branches cannot be mixed at compile time', () => {
    // @ts-expect-error an ok result has no errors
    const bad: Result<number> = { ok: true, value: 1, errors: [] };
    expect(bad.ok).toBe(true);
  });
});
