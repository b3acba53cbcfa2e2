import { describe, expect, expectTypeOf, it } from 'vitest';
import { BRAND_METRICS } from '../../src/brand/index.js';
import type { MetricInfo } from '../../src/core/index.js';
import {
  creditSuccessor,
  type JoinedMetricName,
  joinMetrics,
  metricCatalogue,
  metricNames,
} from '../../src/join/index.js';
import { LOOP_METRICS } from '../../src/loop/index.js';
import { type MetricTable, parseIndicatorTree } from '../../src/rating/index.js';
import { RISK_METRICS } from '../../src/risk/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { MERGED, mergedDirectory } from './_merge.js';

describe('metricCatalogue', () => {
  it('lists every loop, risk and brand metric once, with labels and a unit', () => {
    const cat = metricCatalogue();
    const expected = [...Object.keys(LOOP_METRICS), ...Object.keys(RISK_METRICS), ...Object.keys(BRAND_METRICS)];
    expect(cat.map((m) => m.name)).toEqual(expected);
    expect(new Set(expected).size).toBe(expected.length);
    for (const m of cat) {
      expect(m.name.startsWith(`${m.source}.`)).toBe(true);
      expect(m.label['zh-CN'].length).toBeGreaterThan(0);
      expect(m.label.en.length).toBeGreaterThan(0);
      expect(['count', 'ratio', 'workdays', 'per-branch']).toContain(m.unit);
    }
    expect(cat.find((m) => m.name === 'risk.on-time-closure-rate')?.unit).toBe('ratio');
    expect(cat.find((m) => m.name === 'loop.mean-workdays-to-resolve')?.unit).toBe('workdays');
    expect(metricNames()).toEqual(expected);
    expectTypeOf(metricNames()).toEqualTypeOf<readonly JoinedMetricName[]>();
  });

  it('describes every metric in the one core shape: unit, which way is better, and a bilingual definition', () => {
    const cat = metricCatalogue();
    for (const m of cat) {
      expect(['higher', 'lower']).toContain(m.better);
      expect(m.definition['zh-CN'].length).toBeGreaterThan(0);
      expect(m.definition.en.length).toBeGreaterThan(0);
      expectTypeOf(m).toExtend<MetricInfo>();
    }
    const better = (name: string) => cat.find((m) => m.name === name)?.better;
    expect(better('risk.overdue-measures')).toBe('lower');
    expect(better('risk.mean-workdays-to-close')).toBe('lower');
    expect(better('risk.on-time-closure-rate')).toBe('higher');
    expect(better('loop.strike-off-rate')).toBe('higher');
    expect(better('brand.named-share')).toBe('higher');
    // the entries are the modules' own descriptions, not copies that could drift
    expect(cat.find((m) => m.name === 'risk.closed')?.definition).toEqual(RISK_METRICS['risk.closed'].definition);
    expect(cat.find((m) => m.name === 'brand.activities')?.definition).toEqual(
      BRAND_METRICS['brand.activities'].definition,
    );
  });
});

const tree = (metric: string) => ({
  id: 't',
  name: { 'zh-CN': '示意' },
  version: 1,
  effectiveFrom: '2025-01-01',
  totalPoints: 20,
  nodes: [
    {
      code: 'A',
      title: { 'zh-CN': '闭环' },
      depth: 1,
      points: 10,
      rule: { kind: 'computed', metric: 'loop.strike-off-rate', apply: { kind: 'ratio', target: 1 } },
    },
    {
      code: 'B',
      title: { 'zh-CN': '其他' },
      depth: 1,
      points: 10,
      rule: { kind: 'computed', metric, apply: { kind: 'ratio', target: 1 } },
    },
  ],
});

describe('parseIndicatorTree with the catalogue', () => {
  it('accepts computed indicators that name catalogue metrics', () => {
    expect(parseIndicatorTree(tree('brand.coverage'), { metrics: metricNames() }).ok).toBe(true);
  });
  it('rejects a computed indicator naming a metric nobody provides, at its path', () => {
    const r = parseIndicatorTree(tree('loop.onTimeRate'), { metrics: metricNames() });
    expect(r.ok ? [] : r.errors.map((e) => [e.code, e.path])).toEqual([
      ['rating/unknown-metric', ['nodes', 1, 'rule', 'metric']],
    ]);
  });
});

describe('joinMetrics', () => {
  it('merges per unit, drops null and undefined, sorts units, and leaves inputs alone', () => {
    const loop = deepFreeze({
      'st-b': { 'loop.problems': 3, 'loop.strike-off-rate': null },
      'st-a': { 'loop.problems': 0 },
    });
    const risk = deepFreeze({ 'st-b': { 'risk.closed': 2, 'risk.on-time-closure-rate': undefined } });
    const brand = deepFreeze({ 'st-c': { 'brand.coverage': 1 } });
    const t = joinMetrics({ loop, risk, brand });
    expect(Object.keys(t)).toEqual(['st-a', 'st-b', 'st-c']);
    expect(t['st-b']).toEqual({ 'loop.problems': 3, 'risk.closed': 2 });
    expect('loop.strike-off-rate' in (t['st-b'] ?? {})).toBe(false);
    expect(t['st-a']).toEqual({ 'loop.problems': 0 });
    expectTypeOf(t).toEqualTypeOf<MetricTable>();
  });
  it('of nothing is empty', () => {
    expect(joinMetrics({})).toEqual({});
  });
});

describe('creditSuccessor', () => {
  const dir = mergedDirectory();
  it('maps merged units to their successor on the day, others to themselves', () => {
    const year = creditSuccessor(dir, '2025-12-31');
    expect(year('st-b1')).toBe(MERGED);
    expect(year('st-b2')).toBe(MERGED);
    expect(year('st-a1')).toBe('st-a1');
    expect(year('nobody')).toBe('nobody');
    expect(creditSuccessor(dir, '2025-06-30')('st-b1')).toBe('st-b1');
  });
});
