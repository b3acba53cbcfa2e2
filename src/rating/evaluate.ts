import { type DomainError, err, type Label, ok, type Path, type Result } from '../core/index.js';
import { aggregateFast, aggregateGeneral, planOf } from './_lib/plan.js';
import { type ColumnScore, isCohortRule, scorerOf } from './_lib/scorers.js';
import { type CompiledTree, compileTree } from './compile.js';
import { ratingError } from './errors.js';
import { type Evaluation, type EvaluationBatch, evaluationAt, type VetoHit } from './evaluation.js';
import type {
  ColumnFacts,
  CompareOp,
  Condition,
  IndicatorTree,
  MetricTable,
  ScoringRule,
  UnitFacts,
} from './schema.js';

/** At most this many errors are reported for one batch; the first ones name the pattern. */
const MAX_ERRORS = 1000;

/** Bytes of node-score rows scored together before they are aggregated, so the rows stay in cache. */
const BLOCK_BYTES = 196_608;

interface Packed {
  readonly units: number;
  readonly unitIds: readonly string[];
  readonly cols: readonly ArrayLike<number>[];
  readonly na: readonly (ArrayLike<number> | undefined)[];
  readonly metricCols: readonly ArrayLike<number>[];
  readonly reasons: Map<string, string>;
  readonly evidence: (u: number, code: string) => string | undefined;
  readonly path: (u: number, code: string) => Path;
}

const ANY_FACT: Label = { 'zh-CN': '数值、是否、不适用或评审打分', en: 'a number, yes/no, n/a or an assessment' };
const NOTHING: readonly never[] = Object.freeze([]);

function packObjects(
  ct: CompiledTree,
  units: readonly UnitFacts[],
  metrics: MetricTable | undefined,
  errors: DomainError[],
  prefix: (u: number) => Path,
): Packed {
  const U = units.length;
  const K = ct.factKeys.length;
  const cols = Array.from({ length: K }, () => new Float64Array(U).fill(Number.NaN));
  const na: (Uint8Array | undefined)[] = new Array(K).fill(undefined);
  const reasons = new Map<string, string>();
  const L = ct.leaves.length;
  const { takesReason } = planOf(ct);
  const factIndex = ct.factIndex;
  const path = (u: number, key: string): Path => [...prefix(u), 'values', key];
  for (let u = 0; u < U; u++) {
    const values = (units[u] as UnitFacts).values;
    for (const key of Object.keys(values)) {
      const idx = factIndex.get(key);
      if (idx === undefined) {
        if (errors.length < MAX_ERRORS) errors.push(ratingError('rating/unknown-fact', { code: key }, path(u, key)));
        continue;
      }
      const v = values[key];
      if (takesReason[idx] === 0) {
        if (typeof v === 'number') {
          (cols[idx] as Float64Array)[u] = v;
          continue;
        }
        if (typeof v === 'boolean') {
          (cols[idx] as Float64Array)[u] = v ? 1 : 0;
          continue;
        }
      }
      if (v === 'n/a') {
        const mask = na[idx] ?? new Uint8Array(U);
        mask[u] = 1;
        na[idx] = mask;
      } else if (takesReason[idx] === 1) {
        if (typeof v === 'object' && v !== null && typeof v.score === 'number') {
          (cols[idx] as Float64Array)[u] = v.score;
          if (typeof v.reason === 'string' && v.reason.trim().length > 0) reasons.set(`${u}:${key}`, v.reason);
          else if (errors.length < MAX_ERRORS)
            errors.push(ratingError('rating/reason-required', { code: key }, path(u, key)));
        } else if (errors.length < MAX_ERRORS)
          errors.push(ratingError('rating/reason-required', { code: key }, path(u, key)));
      } else if (errors.length < MAX_ERRORS) {
        const rule = idx < L ? ct.rules[idx] : undefined;
        errors.push(
          rule === undefined
            ? ratingError('rating/value-out-of-domain', { code: key, expected: ANY_FACT }, path(u, key))
            : scorerOf(rule).outOfDomain(rule, ct.points[ct.leaves[idx] as number] as number, key, path(u, key)),
        );
      }
    }
  }
  const nan = new Float64Array(ct.metricNames.length > 0 && metrics === undefined ? U : 0).fill(Number.NaN);
  const metricCols = ct.metricNames.map((m) => {
    if (metrics === undefined) return nan;
    const col = new Float64Array(U).fill(Number.NaN);
    for (let u = 0; u < U; u++) {
      const v = metrics[(units[u] as UnitFacts).unitId]?.[m];
      if (typeof v === 'number') col[u] = v;
    }
    return col;
  });
  return {
    units: U,
    unitIds: units.map((x) => x.unitId),
    cols,
    na,
    metricCols,
    reasons,
    evidence: (u, code) => units[u]?.evidence?.[code],
    path,
  };
}

function packColumns(ct: CompiledTree, facts: ColumnFacts, errors: DomainError[]): Packed {
  const U = facts.unitIds.length;
  const nan = new Float64Array(U).fill(Number.NaN);
  const sized = (arr: ArrayLike<number>, code: string, path: Path): ArrayLike<number> | undefined => {
    if (arr.length === U) return arr;
    errors.push(ratingError('rating/column-length', { code, expected: U, actual: arr.length }, path));
    return undefined;
  };
  const cols: ArrayLike<number>[] = ct.factKeys.map(() => nan);
  const na: (ArrayLike<number> | undefined)[] = ct.factKeys.map(() => undefined);
  for (const [key, arr] of Object.entries(facts.columns)) {
    const idx = ct.factIndex.get(key);
    if (idx === undefined) errors.push(ratingError('rating/unknown-fact', { code: key }, ['columns', key]));
    else cols[idx] = sized(arr, key, ['columns', key]) ?? nan;
  }
  for (const [key, arr] of Object.entries(facts.notApplicable ?? {})) {
    const idx = ct.factIndex.get(key);
    if (idx === undefined) errors.push(ratingError('rating/unknown-fact', { code: key }, ['notApplicable', key]));
    else na[idx] = sized(arr, key, ['notApplicable', key]);
  }
  const metricCols = ct.metricNames.map((m) => {
    const arr = facts.metrics?.[m];
    return arr === undefined ? nan : (sized(arr, m, ['metrics', m]) ?? nan);
  });
  const reasons = new Map<string, string>();
  ct.rules.forEach((rule, l) => {
    if (!scorerOf(rule).takesReason) return;
    const code = ct.codes[ct.leaves[l] as number] as string;
    const col = cols[l] as ArrayLike<number>;
    const given = facts.reasons?.[code];
    const mask = na[l];
    for (let u = 0; u < U; u++) {
      if (Number.isNaN(col[u] as number) || (mask !== undefined && mask[u] !== 0)) continue;
      const reason = given?.[u];
      if (typeof reason === 'string' && reason.trim().length > 0) reasons.set(`${u}:${code}`, reason);
      else if (errors.length < MAX_ERRORS)
        errors.push(ratingError('rating/reason-required', { code }, ['reasons', code, u]));
    }
  });
  return {
    units: U,
    unitIds: facts.unitIds,
    cols,
    na,
    metricCols,
    reasons,
    evidence: () => undefined,
    path: (u, code) => ['columns', code, u],
  };
}

const COMPARE: Readonly<Record<CompareOp, (a: number, b: number) => boolean>> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

function factAt(ct: CompiledTree, p: Packed, code: string, u: number): number {
  const idx = ct.factIndex.get(code);
  if (idx === undefined) return Number.NaN;
  const mask = p.na[idx];
  return mask !== undefined && mask[u] !== 0 ? Number.NaN : ((p.cols[idx] as ArrayLike<number>)[u] as number);
}

function notApplicable(ct: CompiledTree, p: Packed, code: string, u: number): boolean {
  const idx = ct.factIndex.get(code);
  const mask = idx === undefined ? undefined : p.na[idx];
  return mask !== undefined && mask[u] !== 0;
}

/**
 * Evaluates a condition; pushes what it could not read into `missing` and then counts as not met.
 * A comparison over a fact stated as not applicable (不适用) is simply not met: the fact is known, so
 * it must not leave the evaluation partial for good.
 */
function holds(ct: CompiledTree, p: Packed, c: Condition, u: number, missing: string[]): boolean {
  if ('fact' in c || 'metric' in c) {
    if ('fact' in c && notApplicable(ct, p, c.fact, u)) return false;
    const v =
      'fact' in c
        ? factAt(ct, p, c.fact, u)
        : ((p.metricCols[ct.metricNames.indexOf(c.metric)] as ArrayLike<number> | undefined)?.[u] ?? Number.NaN);
    if (Number.isNaN(v)) {
      missing.push('fact' in c ? c.fact : `metric:${c.metric}`);
      return false;
    }
    return COMPARE[c.op](v, c.value);
  }
  if ('allOf' in c) return c.allOf.map((x) => holds(ct, p, x, u, missing)).every(Boolean);
  if ('anyOf' in c) return c.anyOf.map((x) => holds(ct, p, x, u, missing)).some(Boolean);
  return !holds(ct, p, c.not, u, missing);
}

/** Veto items, evaluated one item at a time over all units; only units with a hit get a list. */
interface VetoResults {
  readonly hits: (VetoHit[] | undefined)[];
  readonly missing: (string[] | undefined)[];
  readonly disqualified: Uint8Array;
  /** Nodes zeroed per unit, where any. */
  readonly zeros: (number[] | undefined)[];
  /** Whether any unit has a zeroed node. */
  anyZero: boolean;
}

function runVetoes(ct: CompiledTree, p: Packed): VetoResults {
  const U = p.units;
  const vetoes = ct.tree.vetoes;
  const out: VetoResults = {
    hits: new Array(U),
    missing: new Array(U),
    disqualified: new Uint8Array(U),
    zeros: new Array(U),
    anyZero: false,
  };
  const scratch: string[] = [];
  vetoes.forEach((veto, j) => {
    const hit = (u: number): void => {
      const evidence = p.evidence(u, veto.code);
      const list = out.hits[u] ?? [];
      out.hits[u] = list;
      list.push({
        code: veto.code,
        title: veto.title,
        effect: veto.effect,
        ...(evidence === undefined ? {} : { evidence }),
      });
      if (veto.effect.kind === 'disqualify') out.disqualified[u] = 1;
      const z = ct.vetoZero[j] as number;
      if (z >= 0) {
        const zs = out.zeros[u] ?? [];
        out.zeros[u] = zs;
        zs.push(z);
        out.anyZero = true;
      }
    };
    const miss = (u: number, codes: readonly string[]): void => {
      const list = out.missing[u] ?? [];
      out.missing[u] = list;
      list.push(...codes);
    };
    if (veto.when === undefined) {
      const idx = ct.factIndex.get(veto.code) as number;
      const col = p.cols[idx] as ArrayLike<number>;
      const mask = p.na[idx];
      for (let u = 0; u < U; u++) {
        if (mask !== undefined && mask[u] !== 0) continue;
        const v = col[u] as number;
        if (Number.isNaN(v)) miss(u, [veto.code]);
        else if (v !== 0) hit(u);
      }
      return;
    }
    for (let u = 0; u < U; u++) {
      scratch.length = 0;
      const h = holds(ct, p, veto.when, u, scratch);
      if (scratch.length > 0) miss(u, scratch);
      if (h) hit(u);
    }
  });
  return out;
}

/** Writes leaf l's values for units [from, to): the fact, NaN where not applicable, else the metric. */
function fillValues(ct: CompiledTree, p: Packed, l: number, from: number, to: number, values: Float64Array): void {
  const fact = p.cols[l] as ArrayLike<number>;
  const mask = p.na[l];
  const m = ct.leafMetric[l] as number;
  const metricCol = m >= 0 ? p.metricCols[m] : undefined;
  const off = l * p.units;
  if (mask === undefined && metricCol === undefined) {
    for (let u = from; u < to; u++) values[off + u] = fact[u] as number;
    return;
  }
  for (let u = from; u < to; u++) {
    let v = fact[u] as number;
    if (mask !== undefined && mask[u] !== 0) v = Number.NaN;
    else if (Number.isNaN(v) && metricCol !== undefined) v = metricCol[u] as number;
    values[off + u] = v;
  }
}

/**
 * The errors a batch raises while scoring, in the order they have always been reported: values
 * outside their rule's domain leaf by leaf, then bad bonus and deduction counts unit by unit. Only
 * run once the fast pass has seen a problem.
 */
function scoringErrors(ct: CompiledTree, p: Packed, values: Float64Array, errors: DomainError[]): void {
  const { tree } = ct;
  const U = p.units;
  for (let l = 0; l < ct.leaves.length; l++) {
    fillValues(ct, p, l, 0, U, values);
    const node = ct.leaves[l] as number;
    const code = ct.codes[node] as string;
    const rule = ct.rules[l] as ScoringRule;
    const pts = ct.points[node] as number;
    const sc = scorerOf(rule);
    const mask = p.na[l];
    for (let u = 0; u < U; u++) {
      if (mask !== undefined && mask[u] !== 0) continue;
      const v = values[l * U + u] as number;
      if (!Number.isNaN(v) && !sc.accepts(rule, pts, v) && errors.length < MAX_ERRORS)
        errors.push(sc.outOfDomain(rule, pts, code, p.path(u, code)));
    }
  }
  const items = [...tree.bonuses, ...tree.penalties];
  for (let u = 0; u < U; u++)
    for (const item of items) {
      const v = factAt(ct, p, item.code, u);
      if (!Number.isNaN(v) && !(v >= 0 && Number.isFinite(v)) && errors.length < MAX_ERRORS)
        errors.push(
          ratingError(
            'rating/value-out-of-domain',
            { code: item.code, expected: { 'zh-CN': '非负数（次数）', en: 'a non-negative count' } },
            p.path(u, item.code),
          ),
        );
    }
}

/** Adds bonus or deduction items column by column; false when a count is bad. */
function addItems(
  ct: CompiledTree,
  p: Packed,
  items: IndicatorTree['bonuses'],
  perUnit: Float64Array,
  sums: Float64Array,
): boolean {
  const U = p.units;
  const n = items.length;
  for (let j = 0; j < n; j++) {
    const item = items[j] as (typeof items)[number];
    const idx = ct.factIndex.get(item.code) as number;
    const col = p.cols[idx] as ArrayLike<number>;
    const mask = p.na[idx];
    for (let u = 0; u < U; u++) {
      if (mask !== undefined && mask[u] !== 0) continue;
      const v = col[u] as number;
      if (Number.isNaN(v)) continue;
      if (!(v >= 0 && Number.isFinite(v))) return false;
      const pts = Math.min(item.cap, v * item.perItem);
      perUnit[u * n + j] = pts;
      sums[u] = (sums[u] as number) + pts;
    }
  }
  return true;
}

/**
 * Scores a packed batch. Leaves are scored column by column (the rule kind is dispatched once per
 * leaf and block of units) straight into the unit-major node scores, then each unit's row is
 * aggregated bottom-up while it is still in cache. Vetoes, bonuses and deductions run only when the
 * tree has them, and lists (hits, missing facts) exist only for the units that have some. What a
 * caller may never read is built on first read: leaf values that are plain fact columns, and the
 * applicability flags when no leaf can drop out.
 */
function score(
  ct: CompiledTree,
  p: Packed,
  errors: DomainError[],
  cohortOf: (l: number) => ArrayLike<number> | undefined,
): EvaluationBatch {
  const { tree } = ct;
  const plan = planOf(ct);
  const U = p.units;
  const L = ct.leaves.length;
  const N = ct.codes.length;
  const B = tree.bonuses.length;
  const P = tree.penalties.length;
  const naRate = tree.notApplicable.mode === 'count-as' ? tree.notApplicable.rate : -1;
  let rescaled = false;
  for (let l = 0; l < L; l++) if (p.na[l] !== undefined && naRate < 0) rescaled = true;
  const scores = new Float64Array(U * N);
  // Without not-applicable leaves every node counts, so the flags are all 1 and made on first read.
  let applicable = rescaled ? new Uint8Array(U * N).fill(1) : undefined;
  const base = new Float64Array(U);
  const bonus = new Float64Array(U);
  const deductions = new Float64Array(U);
  const total = new Float64Array(U);
  const bonusItems = new Float64Array(U * B);
  const penaltyItems = new Float64Array(U * P);
  const vetoes = tree.vetoes.length > 0 ? runVetoes(ct, p) : undefined;
  const leafMissing = new Map<number, string[]>();
  const unitNa = new Uint8Array(rescaled ? U : 0);
  let bad = false;

  // A leaf whose fact column is a Float64Array, fully applicable and not backed by a metric is scored
  // straight from the column, and its values are copied into `values` only when first read.
  const direct = new Uint8Array(L);
  for (let l = 0; l < L; l++)
    if (p.cols[l] instanceof Float64Array && p.na[l] === undefined && (ct.leafMetric[l] as number) < 0) direct[l] = 1;
  let values: Float64Array | undefined;
  const own = (): Float64Array => {
    values ??= new Float64Array(L * U);
    return values;
  };
  const filled = new Uint8Array(L);
  const scorers: ColumnScore[] = ct.rules.map((rule, l) => {
    const pts = ct.points[ct.leaves[l] as number] as number;
    const given = cohortOf(l);
    if (given !== undefined || !isCohortRule(rule)) return scorerOf(rule).prepare(rule, pts, given ?? NOTHING);
    const vals = own();
    fillValues(ct, p, l, 0, U, vals);
    filled[l] = 1;
    return scorerOf(rule).prepare(rule, pts, vals.subarray(l * U, (l + 1) * U));
  });

  const block = Math.max(16, Math.floor(BLOCK_BYTES / (8 * Math.max(1, N))));
  for (let u0 = 0; u0 < U && !bad; u0 += block) {
    const u1 = Math.min(U, u0 + block);
    for (let l = 0; l < L; l++) {
      const node = ct.leaves[l] as number;
      let src: Float64Array;
      let off = 0;
      if (direct[l] === 1 && filled[l] === 0) src = p.cols[l] as Float64Array;
      else {
        src = own();
        off = l * U;
        if (filled[l] === 0) fillValues(ct, p, l, u0, u1, src);
      }
      const nan = (scorers[l] as ColumnScore)(src, off + u0, off + u1, scores, u0 * N + node, N);
      const mask = p.na[l];
      if (nan === 0 && mask === undefined) continue;
      const pts = ct.points[node] as number;
      for (let u = u0; u < u1; u++) {
        const o = u * N + node;
        if (mask !== undefined && mask[u] !== 0) {
          if (naRate >= 0) scores[o] = naRate * pts;
          else {
            scores[o] = 0;
            (applicable as Uint8Array)[o] = 0;
            unitNa[u] = 1;
          }
        } else if (Number.isNaN(scores[o] as number)) {
          scores[o] = 0;
          if (!Number.isNaN(src[off + u] as number)) bad = true;
          else {
            const list = leafMissing.get(u);
            if (list === undefined) leafMissing.set(u, [ct.codes[node] as string]);
            else list.push(ct.codes[node] as string);
          }
        }
      }
    }
    if (bad) break;
    const zeros = vetoes?.zeros;
    if (!rescaled && (zeros === undefined || vetoes?.anyZero === false)) {
      aggregateFast(plan, scores, N, u0, u1, base);
      continue;
    }
    for (let u = u0; u < u1; u++) {
      const zs = zeros?.[u];
      if ((!rescaled || unitNa[u] === 0) && zs === undefined) {
        aggregateFast(plan, scores, N, u, u + 1, base);
        continue;
      }
      const app = applicable ?? new Uint8Array(U * N).fill(1);
      applicable = app;
      base[u] = aggregateGeneral(plan, ct.leafOf, scores, app, u * N, zs ?? NOTHING);
    }
  }

  const bsum = new Float64Array(B > 0 ? U : 0);
  const dsum = new Float64Array(P > 0 ? U : 0);
  if (!bad && B > 0) bad = !addItems(ct, p, tree.bonuses, bonusItems, bsum);
  if (!bad && P > 0) bad = !addItems(ct, p, tree.penalties, penaltyItems, dsum);
  if (bad) scoringErrors(ct, p, own(), errors);

  const penaltyCap = tree.penaltyCap ?? Number.POSITIVE_INFINITY;
  const bonusCap = tree.bonusCap;
  const disqualified = vetoes?.disqualified;
  if (B === 0 && P === 0 && disqualified === undefined) {
    // Nothing beyond the base: bonus min(cap, 0) and deductions min(cap, 0) are 0 for every unit.
    const b = Math.min(bonusCap, 0);
    const d = Math.min(penaltyCap, 0);
    if (!Object.is(b, 0)) bonus.fill(b);
    if (!Object.is(d, 0)) deductions.fill(d);
    for (let u = 0; u < U; u++) total[u] = Math.max(0, (base[u] as number) + b - d);
  } else
    for (let u = 0; u < U; u++) {
      const bTotal =
        disqualified !== undefined && disqualified[u] === 1 ? 0 : Math.min(bonusCap, B > 0 ? (bsum[u] as number) : 0);
      const dTotal = Math.min(penaltyCap, P > 0 ? (dsum[u] as number) : 0);
      bonus[u] = bTotal;
      deductions[u] = dTotal;
      total[u] = Math.max(0, (base[u] as number) + bTotal - dTotal);
    }

  // Per-unit lists are built on first read; most units have neither missing facts nor veto hits.
  let missing: (readonly string[])[] | undefined;
  let hits: (readonly VetoHit[])[] | undefined;
  return {
    compiled: ct,
    unitIds: p.unitIds,
    scores,
    get applicable(): Uint8Array {
      applicable ??= new Uint8Array(U * N).fill(1);
      return applicable;
    },
    get values(): Float64Array {
      const v = own();
      for (let l = 0; l < L; l++)
        if (filled[l] === 0) {
          fillValues(ct, p, l, 0, U, v);
          filled[l] = 1;
        }
      return v;
    },
    base,
    bonus,
    deductions,
    total,
    bonusItems,
    penaltyItems,
    get vetoes(): readonly (readonly VetoHit[])[] {
      if (hits === undefined) {
        hits = new Array<readonly VetoHit[]>(U).fill(NOTHING);
        if (vetoes !== undefined) for (let u = 0; u < U; u++) hits[u] = vetoes.hits[u] ?? NOTHING;
      }
      return hits;
    },
    get missing(): readonly (readonly string[])[] {
      if (missing === undefined) {
        missing = new Array<readonly string[]>(U).fill(NOTHING);
        for (const [u, lm] of leafMissing) missing[u] = lm;
        if (vetoes !== undefined)
          for (let u = 0; u < U; u++) {
            const vm = vetoes.missing[u];
            if (vm !== undefined) missing[u] = (missing[u] as readonly string[]).concat(vm);
          }
      }
      return missing;
    },
    reasons: p.reasons,
  };
}

/** Options of {@link evaluateMany}. @category Evaluation */
export interface EvaluateManyOptions {
  /** Metrics per unit for computed indicators (object input; column input carries its own). */
  readonly metrics?: MetricTable;
}

/**
 * Scores any number of units against a compiled tree in one pass. Facts come per unit as objects, or
 * column-wise (one array per code) for hosts that read them straight from database rows. Rank
 * indicators rank the units of this call against each other. Every bad fact is reported with its
 * path (at most 1,000); missing facts are not errors but make that unit's evaluation `partial`.
 * Column input is fastest: leaves are scored straight from `Float64Array` columns, which are read
 * again (not copied) when `values` is first read, so leave them unchanged while you use the batch.
 * @category Evaluation
 * @example
 * const batch = unwrap(evaluateMany(compiled, [
 *   { unitId: 'dl-baiyun', values: { A1: 0.97, B1: true } },
 *   { unitId: 'dl-xinzhaizi', values: { A1: 0.91, B1: true } },
 * ]));
 * batch.total[0];
 */
export function evaluateMany(
  compiled: CompiledTree,
  units: readonly UnitFacts[] | ColumnFacts,
  options: EvaluateManyOptions = {},
): Result<EvaluationBatch> {
  const errors: DomainError[] = [];
  const packed = Array.isArray(units)
    ? packObjects(compiled, units as readonly UnitFacts[], options.metrics, errors, (u) => [u])
    : packColumns(compiled, units as ColumnFacts, errors);
  if (errors.length > 0) return err(...errors);
  const batch = score(compiled, packed, errors, () => undefined);
  return errors.length > 0 ? err(...errors) : ok(batch);
}

/** Options of {@link evaluate}. @category Evaluation */
export interface EvaluateOptions {
  /** Metrics per unit for computed indicators. */
  readonly metrics?: MetricTable;
  /**
   * For rank indicators: the values of the whole cohort (this unit included) per indicator code.
   * Without it the unit is ranked alone, i.e. first.
   */
  readonly cohort?: Readonly<Record<string, readonly number[]>>;
}

const compiledCache = new WeakMap<IndicatorTree, CompiledTree>();

/**
 * The compiled form of a tree, compiled once per tree object and remembered (a `WeakMap`, so it goes with the tree).
 * @category Evaluation
 * @example
 * evaluateMany(compiledOf(tree), stations); // the second call with the same tree does not compile again
 */
export function compiledOf(tree: IndicatorTree): CompiledTree {
  let ct = compiledCache.get(tree);
  if (ct === undefined) {
    ct = compileTree(tree);
    compiledCache.set(tree, ct);
  }
  return ct;
}

/**
 * Scores one unit against a parsed indicator tree: every indicator's score and points lost, veto
 * hits, bonus and deductions kept apart, the total and the tree version used.
 * @category Evaluation
 * @example
 * const ev = unwrap(evaluate(tree, { unitId: 'dl-baiyun', values: { A1: 0.97, B1: true } }));
 * ev.status; // 'complete'
 */
export function evaluate(tree: IndicatorTree, facts: UnitFacts, options: EvaluateOptions = {}): Result<Evaluation> {
  const ct = compiledOf(tree);
  const errors: DomainError[] = [];
  const packed = packObjects(ct, [facts], options.metrics, errors, () => []);
  if (errors.length > 0) return err(...errors);
  const cohort = options.cohort;
  const batch = score(ct, packed, errors, (l) => cohort?.[ct.codes[ct.leaves[l] as number] as string]);
  return errors.length > 0 ? err(...errors) : ok(evaluationAt(batch, 0));
}
