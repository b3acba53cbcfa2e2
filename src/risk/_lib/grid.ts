import { RISK_LEVELS, type RiskBand, type RiskFactor, type RiskMethod } from '../schema.js';

/** Which factors each method kind multiplies, in grid order (extend by adding a row). */
export const METHOD_FACTORS: { readonly [K in RiskMethod['kind']]: readonly RiskFactor[] } = {
  matrix: ['likelihood', 'impact'],
  'matrix-cells': ['likelihood', 'impact'],
  lec: ['likelihood', 'exposure', 'consequence'],
};

/** A method flattened into lookup tables: rating is index arithmetic plus one array read. */
export interface Grid {
  readonly factors: readonly RiskFactor[];
  readonly positions: readonly ReadonlyMap<number, number>[];
  readonly strides: readonly number[];
  readonly sizes: readonly number[];
  /** Level index (into RISK_LEVELS) per cell; {@link UNCOVERED} where the method gives no level. */
  readonly levels: Uint8Array;
  readonly scores: Float64Array;
}

/** Rounds away float noise such as 0.1 × 3 = 0.30000000000000004. */
export function roundScore(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function scaleOf(method: RiskMethod, factor: RiskFactor): readonly { readonly value: number }[] {
  return (method as unknown as Record<RiskFactor, readonly { readonly value: number }[]>)[factor];
}

/** The level index of a score in bands already known to be gap- and overlap-free. */
export function bandLevel(bands: readonly RiskBand[], score: number): number {
  for (const b of bands) if (score >= b.from && (b.to === null || score < b.to)) return RISK_LEVELS.indexOf(b.level);
  return -1;
}

/**
 * The level code of a cell no band covers or whose matrix cell is empty. Such a method fails `parseRiskMethod`, but
 * `rateRisk` may be handed one unchecked: it must refuse the cell, not read it as 低 (index 0).
 */
export const UNCOVERED = 255;

const cache = new WeakMap<RiskMethod, Grid>();

/** Builds (once per method object) the flat level and score tables of a validated method. */
export function gridOf(method: RiskMethod): Grid {
  const hit = cache.get(method);
  if (hit) return hit;
  const factors = METHOD_FACTORS[method.kind];
  const scales = factors.map((f) => scaleOf(method, f));
  const sizes = scales.map((s) => s.length);
  const strides: number[] = [];
  let size = 1;
  for (let k = factors.length - 1; k >= 0; k--) {
    strides[k] = size;
    size *= sizes[k] ?? 1;
  }
  const levels = new Uint8Array(size);
  const scores = new Float64Array(size);
  const cells = 'cells' in method ? method.cells : undefined;
  const bands = 'bands' in method ? method.bands : [];
  for (let cell = 0; cell < size; cell++) {
    let score = 1;
    const idx: number[] = [];
    for (let k = 0; k < factors.length; k++) {
      const i = Math.floor(cell / (strides[k] ?? 1)) % (sizes[k] ?? 1);
      idx.push(i);
      score *= scales[k]?.[i]?.value ?? Number.NaN;
    }
    score = roundScore(score);
    scores[cell] = score;
    let level = UNCOVERED;
    if (cells) {
      const named = cells[idx[0] ?? 0]?.[idx[1] ?? 0];
      if (named) level = RISK_LEVELS.indexOf(named);
    } else {
      const banded = bandLevel(bands, score);
      if (banded >= 0) level = banded;
    }
    levels[cell] = level;
  }
  const grid: Grid = {
    factors,
    positions: scales.map((s) => new Map(s.map((p, i) => [p.value, i]))),
    strides,
    sizes,
    levels,
    scores,
  };
  cache.set(method, grid);
  return grid;
}
