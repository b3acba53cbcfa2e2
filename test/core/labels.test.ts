import { describe, expect, it } from 'vitest';
import { type Labels, label } from '../../src/core/index.js';

type Colour = 'red' | 'blue';
const colours: Labels<Colour> = { red: { 'zh-CN': '红', en: 'red' }, blue: { 'zh-CN': '蓝', en: 'blue' } };

describe('labels', () => {
  it('gives zh-CN by default and en on request', () => {
    expect(label(colours, 'red')).toBe('红');
    expect(label(colours, 'blue', 'en')).toBe('blue');
  });

  it('a table missing a value, or with an extra one, does not compile', () => {
    // @ts-expect-error blue is missing
    const missing: Labels<Colour> = { red: { 'zh-CN': '红', en: 'red' } };
    const extra: Labels<Colour> = {
      red: { 'zh-CN': '红', en: 'red' },
      blue: { 'zh-CN': '蓝', en: 'blue' },
      // @ts-expect-error green is not a Colour
      green: { 'zh-CN': '绿', en: 'green' },
    };
    expect(Object.keys(missing)).toHaveLength(1);
    expect(Object.keys(extra)).toHaveLength(3);
  });

  it('an unknown value at run time is a programmer error', () => {
    expect(() => label(colours, 'green' as Colour)).toThrow(/\[shijian\]/);
  });
});
