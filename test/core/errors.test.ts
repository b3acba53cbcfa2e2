import { describe, expect, expectTypeOf, it } from 'vitest';
import { coreError } from '../../src/core/errors-core.js';
import type { CoreErrorCode } from '../../src/core/index.js';
import { atPath, defineErrors } from '../../src/core/index.js';

const raise = defineErrors({
  'demo/unknown-unit': {
    'zh-CN': (d: { unitId: string }) => `单位 ${d.unitId} 不存在`,
    en: (d: { unitId: string }) => `Unit ${d.unitId} does not exist`,
  },
});

describe('defineErrors', () => {
  it('fills both messages from the catalogue and keeps path and details', () => {
    const e = raise('demo/unknown-unit', { unitId: 'u-9' }, ['parentId']);
    expect(e).toEqual({
      code: 'demo/unknown-unit',
      message: { 'zh-CN': '单位 u-9 不存在', en: 'Unit u-9 does not exist' },
      path: ['parentId'],
      details: { unitId: 'u-9' },
    });
  });

  it('rejects an unknown code at compile time and at run time', () => {
    // @ts-expect-error not in the catalogue
    expect(() => raise('demo/nope', { unitId: 'x' })).toThrow(/unknown error code/);
  });

  it('requires the details the template needs', () => {
    // @ts-expect-error unitId is missing
    const e = raise('demo/unknown-unit', {});
    expect(e.code).toBe('demo/unknown-unit');
  });

  it('atPath prefixes paths', () => {
    const e = raise('demo/unknown-unit', { unitId: 'u' }, ['a']);
    expect(atPath(['units', 2], [e])[0]?.path).toEqual(['units', 2, 'a']);
  });
});

describe('CoreErrorCode', () => {
  it('lists exactly the codes of the kernel catalogue', () => {
    expectTypeOf<CoreErrorCode>().toEqualTypeOf<keyof typeof coreError.catalogue>();
    expect(Object.keys(coreError.catalogue)).toHaveLength(18);
  });
});
