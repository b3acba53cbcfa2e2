import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/core/index.js';
import { type Distribution, distribution, distributionSvg, evaluate, type UnitFacts } from '../../src/rating/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { fullFacts, metrics, scheme, tree } from './_fixtures.js';

const bars = (svg: string) =>
  [...svg.matchAll(/<g data-bar="\d+" data-value="(\d+)">.*?<\/text><text [^>]*>([^<]*)<\/text><\/g>/g)].map((m) => ({
    value: Number(m[1]),
    label: m[2],
  }));

const ev = (values: Record<string, unknown>, unitId: string) =>
  unwrap(
    evaluate(tree(), { ...fullFacts(unitId), values: { ...fullFacts(unitId).values, ...values } } as UnitFacts, {
      metrics: metrics(unitId),
    }),
  );

// a five-star, a four-star and a unit short of any star, qualified by the real rating rules
const dist: Distribution = deepFreeze(
  distribution([ev({}, 'st-1'), ev({ A1: 0.57 }, 'st-2'), ev({ A1: 0, B1: false, E1: false }, 'st-3')], {
    ...scheme(),
    firstRound: true,
  }),
);

describe('distributionSvg', () => {
  it('draws five, four, three stars and none, with the counts of the distribution', () => {
    const svg = distributionSvg(dist);
    expect(svg).toContain('data-view="bar-chart"');
    expect(bars(svg)).toEqual([
      { label: '五星', value: dist.byStar['5'] },
      { label: '四星', value: dist.byStar['4'] },
      { label: '三星', value: dist.byStar['3'] },
      { label: '未达星级', value: dist.byStar.none },
    ]);
    expect(bars(svg).reduce((s, b) => s + b.value, 0)).toBe(3);
    expect(svg).toContain('<title>星级分布</title>');
  });

  it('leaves out the no-star bar on request and labels in English', () => {
    const svg = distributionSvg(dist, { none: false, locale: 'en' });
    expect(bars(svg).map((b) => b.label)).toEqual(['five-star', 'four-star', 'three-star']);
    expect(svg).toContain('Star distribution');
  });

  it('escapes the title', () => {
    const svg = distributionSvg(dist, { title: '<script>alert("x")</script>' });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
  });
});
