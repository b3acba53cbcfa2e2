import { describe, expect, it } from 'vitest';
import {
  HEAT_MAP_FILLS,
  HEAT_MAP_UNKNOWN_FILL,
  heatMap,
  heatMapSvg,
  LEC_METHOD_B,
  levelAt,
  MATRIX_METHOD_A,
  MATRIX_METHOD_B,
  RISK_LEVEL_COLOURS,
  type RiskMethod,
} from '../../src/risk/index.js';
import { deepFreeze } from '../helpers/freeze.js';
import { assess, identify, run } from './_fixture.js';

const cellsOf = (svg: string) =>
  [...svg.matchAll(/<g data-row="(\d+)" data-col="(\d+)" data-value="(\d+)"><rect [^>]*fill="([^"]+)"/g)].map((m) => ({
    row: Number(m[1]),
    col: Number(m[2]),
    value: Number(m[3]),
    fill: m[4],
  }));

// three open risks: two at L4×S4, one at L5×S5
const state = deepFreeze(
  run([
    identify('r-1'),
    assess('r-1', 4, 4),
    identify('r-2'),
    assess('r-2', 4, 4),
    identify('r-3'),
    assess('r-3', 5, 5),
  ]).state,
);

describe('heatMapSvg', () => {
  it('draws one cell per grid point, highest likelihood on top, with the open-risk counts', () => {
    const map = heatMap(state, MATRIX_METHOD_A);
    const svg = heatMapSvg(map);
    expect(svg).toContain('data-view="heat-grid"');
    const cells = cellsOf(svg);
    expect(cells).toHaveLength(25);
    expect(cells.reduce((s, c) => s + c.value, 0)).toBe(3);
    // likelihood 4 is the second row from the top, impact 4 the fourth column
    expect(cells.find((c) => c.row === 1 && c.col === 3)?.value).toBe(2);
    expect(cells.find((c) => c.row === 0 && c.col === 4)?.value).toBe(1);
    expect(svg).toContain('可能性');
    expect(svg).toContain('后果');
    expect(svg).toContain('<title>风险热力图</title>');
  });

  it('paints each cell in the colour of the level the method gives it', () => {
    for (const method of [MATRIX_METHOD_A, MATRIX_METHOD_B]) {
      const cells = cellsOf(heatMapSvg(heatMap(state, method)));
      for (const c of cells) {
        const level = levelAt(method, [4 - c.row, c.col]);
        expect(level).toBeDefined();
        expect(c.fill).toBe(HEAT_MAP_FILLS[RISK_LEVEL_COLOURS[level ?? 'low']]);
      }
      const fills = new Set(cells.map((c) => c.fill));
      expect(fills).toEqual(new Set(Object.values(HEAT_MAP_FILLS)));
    }
  });

  it('gives an LEC cell the highest level any exposure reaches, and labels the consequence axis', () => {
    const map = heatMap(state, LEC_METHOD_B);
    const svg = heatMapSvg(map);
    const cells = cellsOf(svg);
    expect(cells).toHaveLength(map.rows.length * map.columns.length);
    expect(svg).toContain('后果 C');
    const exposures = LEC_METHOD_B.kind === 'lec' ? LEC_METHOD_B.exposure.length : 0;
    const top = cells.find((c) => c.row === 0 && c.col === map.columns.length - 1);
    const levels = Array.from({ length: exposures }, (_, k) =>
      levelAt(LEC_METHOD_B, [map.rows.length - 1, k, map.columns.length - 1]),
    );
    expect(levels).toContain('major');
    expect(top?.fill).toBe(HEAT_MAP_FILLS.red);
    const bottom = cells.find((c) => c.row === map.rows.length - 1 && c.col === 0);
    expect(bottom?.fill).toBe(
      HEAT_MAP_FILLS[RISK_LEVEL_COLOURS[levelAt(LEC_METHOD_B, [0, exposures - 1, 0]) ?? 'low']],
    );
  });

  it('uses a host method given in the options, and grey when the method is unknown', () => {
    const own: RiskMethod = { ...MATRIX_METHOD_B, id: 'county-5x5' };
    const map = { ...heatMap(state, own) };
    const grey = cellsOf(heatMapSvg(map));
    expect(grey.every((c) => c.fill === HEAT_MAP_UNKNOWN_FILL)).toBe(true);
    const coloured = cellsOf(heatMapSvg(map, { method: own }));
    expect(coloured.map((c) => c.fill)).toEqual(
      cellsOf(heatMapSvg(heatMap(state, MATRIX_METHOD_B))).map((c) => c.fill),
    );
  });

  it('labels in English on request and escapes the title', () => {
    const svg = heatMapSvg(heatMap(state, MATRIX_METHOD_A), { locale: 'en', title: 'Food <risks> & "more"' });
    expect(svg).toContain('Likelihood');
    expect(svg).toContain('Food &lt;risks&gt; &amp; &quot;more&quot;');
    expect(svg).not.toContain('<risks>');
  });
});
