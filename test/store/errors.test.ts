import { describe, expect, expectTypeOf, it } from 'vitest';
import { storeError } from '../../src/store/errors.js';
import type { StoreErrorCode } from '../../src/store/index.js';

describe('store errors', () => {
  it('lists every code of the catalogue in StoreErrorCode', () => {
    expectTypeOf<StoreErrorCode>().toEqualTypeOf<keyof typeof storeError.catalogue>();
  });

  it('writes every message in Chinese and English from the details', () => {
    const e = storeError('store/kind-mismatch', { streamId: 'loop-市局', stored: 'loop', given: 'risk' }, [
      'streamKind',
    ]);
    expect(e.message['zh-CN']).toBe('事件流 loop-市局 的类别是“loop”，不能追加“risk”类别的事件');
    expect(e.message.en).toContain("Stream loop-市局 is of kind 'loop'");
    expect(storeError('store/invalid-event', { field: 'seq' }).message['zh-CN']).toContain('1 至 2147483647 的整数');
    expect(storeError('store/unstorable-payload', { reason: 'nul-character' }).message.en).toContain('U+0000');
  });
});
