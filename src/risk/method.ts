import { type DomainError, err, ok, parseWith, type Result } from '../core/index.js';
import { bandLevel, type Grid, gridOf, METHOD_FACTORS, roundScore, scaleOf, UNCOVERED } from './_lib/grid.js';
import { riskError } from './errors.js';
import {
  RISK_LEVELS,
  type RiskBand,
  type RiskFactor,
  type RiskFactors,
  type RiskLevel,
  type RiskMethod,
  RiskMethodSchema,
  type RiskRating,
  type ScalePoint,
} from './schema.js';

const rank = (level: RiskLevel): number => RISK_LEVELS.indexOf(level);

function checkScale(points: readonly ScalePoint[], factor: RiskFactor): DomainError[] {
  for (let i = 1; i < points.length; i++)
    if ((points[i]?.value ?? 0) <= (points[i - 1]?.value ?? 0))
      return [riskError('risk/scale-not-ascending', { factor }, [factor, i, 'value'])];
  return [];
}

function checkBands(method: RiskMethod, bands: readonly RiskBand[]): DomainError[] {
  const errors: DomainError[] = [];
  const order = bands.map((b, i) => ({ b, i })).sort((x, y) => x.b.from - y.b.from);
  for (const { b, i } of order)
    if (b.to !== null && b.to <= b.from)
      errors.push(riskError('risk/band-overlap', { at: b.from }, ['bands', i, 'to']));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1] as { b: RiskBand; i: number };
    const next = order[k] as { b: RiskBand; i: number };
    if (prev.b.to === null || prev.b.to > next.b.from)
      errors.push(riskError('risk/band-overlap', { at: next.b.from }, ['bands', next.i, 'from']));
    else if (prev.b.to < next.b.from)
      errors.push(riskError('risk/band-gap', { from: prev.b.to, to: next.b.from }, ['bands', next.i, 'from']));
    if (rank(next.b.level) < rank(prev.b.level))
      errors.push(riskError('risk/band-not-monotone', { from: next.b.from }, ['bands', next.i, 'level']));
  }
  if (errors.length > 0) return errors;
  const scores = METHOD_FACTORS[method.kind].map((f) => scaleOf(method, f).map((p) => p.value));
  const min = roundScore(scores.reduce((acc, s) => acc * (s[0] ?? 1), 1));
  const max = roundScore(scores.reduce((acc, s) => acc * (s[s.length - 1] ?? 1), 1));
  for (const score of [min, max])
    if (bandLevel(bands, score) < 0) errors.push(riskError('risk/band-not-covering', { score }, ['bands']));
  return errors;
}

function checkCells(cells: readonly (readonly (RiskLevel | null)[])[], rows: number, columns: number): DomainError[] {
  const errors: DomainError[] = [];
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < columns; j++) {
      const level = cells[i]?.[j];
      if (level === undefined || level === null) {
        errors.push(riskError('risk/missing-cell', { row: i + 1, column: j + 1 }, ['cells', i, j]));
        continue;
      }
      const below = i > 0 ? cells[i - 1]?.[j] : null;
      const left = j > 0 ? cells[i]?.[j - 1] : null;
      if ((below && rank(below) > rank(level)) || (left && rank(left) > rank(level)))
        errors.push(riskError('risk/cell-not-monotone', { row: i + 1, column: j + 1 }, ['cells', i, j]));
    }
  return errors;
}

/**
 * Validates a risk method from outside: ascending positive scales, half-open bands with no gap,
 * overlap or inversion that cover every possible score, or a level in every matrix cell, never lower
 * than a cell with less likelihood or impact. All problems are reported at once.
 * @category Method
 * @example
 * const m = parseRiskMethod({ ...MATRIX_METHOD_B, id: 'county-5x5' });
 * if (m.ok) rateRisk(m.value, { likelihood: 3, impact: 4 }); // 12 → significant
 */
export function parseRiskMethod(input: unknown): Result<RiskMethod> {
  const parsed = parseWith(RiskMethodSchema, input);
  if (!parsed.ok) return parsed;
  const method = parsed.value;
  const factors = METHOD_FACTORS[method.kind];
  const errors = factors.flatMap((f) => checkScale(scaleOf(method, f) as readonly ScalePoint[], f));
  if (errors.length > 0) return err(...errors);
  const more =
    'cells' in method
      ? checkCells(method.cells, method.likelihood.length, method.impact.length)
      : checkBands(method, method.bands);
  return more.length > 0 ? err(...more) : ok(method);
}

/**
 * Rates a risk with a method: looks the factor values up in the method's precompiled grid and
 * returns the score (their product) and the level. A value not on a factor's scale is refused, and so
 * is a score the method gives no level (`risk/band-not-covering`, or `risk/missing-cell` for an empty
 * matrix cell): a method `parseRiskMethod` would refuse is never read as 低.
 * @category Method
 * @example
 * rateRisk(MATRIX_METHOD_A, { likelihood: 4, impact: 4 }); // ok: score 16, level 'significant'
 * rateRisk(LEC_METHOD_B, { likelihood: 6, exposure: 6, consequence: 15 }); // ok: 540, 'major'
 */
export function rateRisk(method: RiskMethod, factors: RiskFactors): Result<RiskRating> {
  const grid = gridOf(method);
  let cell = 0;
  const errors: DomainError[] = [];
  const picked: Record<string, number> = {};
  for (let k = 0; k < grid.factors.length; k++) {
    const factor = grid.factors[k] as RiskFactor;
    const value = factors[factor];
    const pos = value === undefined ? undefined : grid.positions[k]?.get(value);
    if (pos === undefined)
      errors.push(riskError('risk/rating-off-scale', { factor, value: value ?? Number.NaN }, [factor]));
    else {
      cell += pos * (grid.strides[k] ?? 0);
      picked[factor] = value as number;
    }
  }
  for (const f of ALL_FACTORS)
    if (factors[f] !== undefined && !grid.factors.includes(f))
      errors.push(riskError('risk/rating-off-scale', { factor: f, value: factors[f] ?? 0 }, [f]));
  if (errors.length > 0) return err(...errors);
  const score = grid.scores[cell] as number;
  const level = grid.levels[cell] as number;
  if (level === UNCOVERED) return err(uncovered(method, grid, cell, score));
  return ok({
    methodId: method.id,
    factors: picked as unknown as RiskFactors,
    score,
    level: RISK_LEVELS[level] as RiskLevel,
  });
}

/** The refusal of a cell the method gives no level: an empty matrix cell, or a score outside every band. */
function uncovered(method: RiskMethod, grid: Grid, cell: number, score: number): DomainError {
  if (method.kind !== 'matrix-cells') return riskError('risk/band-not-covering', { score }, ['bands']);
  const i = Math.floor(cell / (grid.strides[0] ?? 1));
  const j = cell % (grid.sizes[1] ?? 1);
  return riskError('risk/missing-cell', { row: i + 1, column: j + 1 }, ['cells', i, j]);
}

const ALL_FACTORS: readonly RiskFactor[] = ['likelihood', 'impact', 'exposure', 'consequence'];

/**
 * The level of a cell given by its scale positions (0-based, ascending), without building a rating:
 * the fast path for heat maps and bulk work. Undefined off the grid, and where the method gives no level.
 * @category Method
 * @example
 * levelAt(MATRIX_METHOD_A, [4, 4]); // 'major' (likelihood 5, impact 5)
 */
export function levelAt(method: RiskMethod, positions: readonly number[]): RiskLevel | undefined {
  const grid = gridOf(method);
  let cell = 0;
  for (let k = 0; k < grid.factors.length; k++) {
    const p = positions[k];
    if (p === undefined || p < 0 || p >= (grid.sizes[k] ?? 0)) return undefined;
    cell += p * (grid.strides[k] ?? 0);
  }
  return RISK_LEVELS[grid.levels[cell] as number];
}

/**
 * Compares two levels: negative when `a` is lower than `b`, zero when equal, positive when higher.
 * @category Method
 * @example
 * compareLevels('major', 'general') > 0; // true
 */
export function compareLevels(a: RiskLevel, b: RiskLevel): number {
  return rank(a) - rank(b);
}
