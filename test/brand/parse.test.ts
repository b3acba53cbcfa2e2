import { describe, expect, it } from 'vitest';
import {
  type BrandCommand,
  parseAchievement,
  parseActivity,
  parseBrandCommand,
  parseBrandProfile,
  parseHonor,
} from '../../src/brand/index.js';
import { deepFreeze } from '../helpers/freeze.js';

describe('parseBrandCommand', () => {
  it('accepts a valid command and returns it typed', () => {
    const input = deepFreeze({ type: 'declare', brandId: 'brand-b10', on: '2020-03-02', declaredTo: '机关党委' });
    const r = parseBrandCommand(input);
    expect(r.ok && r.value).toEqual(input);
  });

  it('an honor without an awarding body gets brand/honor-without-body', () => {
    const r = parseBrandCommand({
      type: 'record-honor',
      brandId: 'b',
      honor: { id: 'h', title: '嘉兴市机关服务品牌', year: 2016 },
    });
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]).toMatchObject({ code: 'brand/honor-without-body', path: ['honor', 'awardedBy'] });
    const blank = parseBrandCommand({
      type: 'record-honor',
      brandId: 'b',
      honor: { id: 'h', title: 'x', year: 2016, awardedBy: { body: '', level: 'municipal' } },
    });
    expect(blank.errors?.[0]?.code).toBe('brand/honor-without-body');
  });

  it('refuses hostile input and unknown fields', () => {
    const hostile = JSON.parse('{"type":"declare","brandId":"b","on":"2020-01-01","__proto__":{"x":1}}');
    expect(parseBrandCommand(hostile).errors?.[0]?.code).toBe('core/forbidden-key');
    expect(parseBrandCommand({ type: 'declare', brandId: 'b', on: '2020-01-01', extra: 1 }).errors?.[0]?.code).toBe(
      'core/unknown-key',
    );
    expect(parseBrandCommand({ type: 'declare', brandId: 'b', on: '2020-02-30' }).errors?.[0]).toMatchObject({
      path: ['on'],
    });
  });

  it('parsed command types match BrandCommand', () => {
    const r = parseBrandCommand({ type: 'start-cultivation', brandId: 'b', on: '2020-01-01' });
    const c: BrandCommand | undefined = r.ok ? r.value : undefined;
    expect(c?.type).toBe('start-cultivation');
  });
});

describe('entity parsers', () => {
  it('parse profile, achievement, honor and activity', () => {
    expect(parseBrandProfile({ name: { 'zh-CN': '鼎力维权' }, departments: ['wh-dept-consumer'] }).ok).toBe(true);
    expect(
      parseAchievement({
        id: 'a',
        facet: 'service',
        title: '消费维权服务站',
        source: '访谈',
        period: { from: '2020-01-01', to: '2020-06-30' },
        measure: { kind: 'quantity', value: 69, unit: '处' },
      }).ok,
    ).toBe(true);
    expect(
      parseHonor({ id: 'h', title: 't', year: 2016, awardedBy: { body: '市直机关工委', level: 'municipal' } }).ok,
    ).toBe(true);
    expect(
      parseActivity({ id: 'a', branchId: 'b', kind: 'party-day', title: 't', on: '2020-01-01' }).errors?.[0],
    ).toMatchObject({ code: 'core/invalid-value', path: ['kind'] });
    expect(
      parseAchievement({
        id: 'a',
        facet: 'service',
        title: 't',
        source: 's',
        period: { from: '2020-01-01', to: '2020-06-30' },
        measure: { kind: 'funnel', stages: [{ label: 'x', count: 1, unit: '条' }] },
      }).errors?.[0]?.path,
    ).toEqual(['measure', 'stages']);
  });
});
