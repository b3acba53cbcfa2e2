import type { LocalizedName } from '../core/index.js';
import type { CompiledTree } from './compile.js';
import type { ScoringRule, VetoEffect } from './schema.js';

/** A triggered veto item (一票否决) with its effect and the evidence the unit's facts gave. @category Evaluation */
export interface VetoHit {
  readonly code: string;
  readonly title: LocalizedName;
  readonly effect: VetoEffect;
  readonly evidence?: string;
}

/** What a leaf was scored from. @category Evaluation */
export interface LeafTrace {
  readonly rule: ScoringRule;
  /** The value scored; absent when the fact was missing or not applicable. */
  readonly value?: number;
  /** The assessor's reason for a manual score. */
  readonly reason?: string;
  readonly missing: boolean;
}

/** One indicator's result for one unit. @category Evaluation */
export interface NodeScore {
  readonly code: string;
  readonly parent?: string;
  readonly title: LocalizedName;
  readonly depth: number;
  /** Maximum points (分值). */
  readonly max: number;
  readonly score: number;
  /** Points lost: max − score for an applicable node, 0 otherwise. */
  readonly lost: number;
  /** False when every leaf below it was not applicable and the parent was rescaled without it. */
  readonly applicable: boolean;
  /** The veto that zeroed this subtree, if any. */
  readonly zeroedBy?: string;
  /** For a leaf: the rule, value and reason behind the score. */
  readonly leaf?: LeafTrace;
}

/** Points from bonus (加分) or deduction (扣分) items: the capped total and each item. @category Evaluation */
export interface ExtraScore {
  readonly total: number;
  readonly items: readonly { readonly code: string; readonly title: LocalizedName; readonly points: number }[];
}

/** Fields every evaluation has, complete or not. @category Evaluation */
export interface EvaluationBase {
  readonly treeId: string;
  /** The tree version the unit was scored under. */
  readonly version: number;
  readonly unitId: string;
  /** Every indicator, in the tree's depth-first order. */
  readonly nodes: readonly NodeScore[];
  /** Score from the indicator tree alone. */
  readonly base: number;
  readonly bonus: ExtraScore;
  readonly deductions: ExtraScore;
  /** max(0, base + bonus − deductions). */
  readonly total: number;
  readonly vetoes: readonly VetoHit[];
}

/**
 * One unit scored against one tree version. A `partial` evaluation lists the facts it lacked (scored
 * as zero) and is refused by {@link qualify}, so it can never pose as a complete one.
 * @category Evaluation
 */
export type Evaluation =
  | (EvaluationBase & { readonly status: 'complete' })
  | (EvaluationBase & { readonly status: 'partial'; readonly missing: readonly string[] });

/**
 * Many units scored in one pass, kept in flat arrays; read single units with {@link evaluationAt}.
 * @category Evaluation
 */
export interface EvaluationBatch {
  readonly compiled: CompiledTree;
  readonly unitIds: readonly string[];
  /** Node scores, unit-major: `scores[unit * nodes + node]`. */
  readonly scores: Float64Array;
  /** 1 where the node counted, unit-major like `scores` (built on first read when every leaf counted). */
  readonly applicable: Uint8Array;
  /**
   * Leaf values scored, leaf-major: `values[leaf * units + unit]` (NaN when missing or not applicable).
   * Built on first read; a plain `Float64Array` fact column is read then, not copied during scoring,
   * so keep such columns unchanged while you still need this batch's values.
   */
  readonly values: Float64Array;
  readonly base: Float64Array;
  readonly bonus: Float64Array;
  readonly deductions: Float64Array;
  readonly total: Float64Array;
  /** Bonus item points, unit-major (`unit * bonuses + item`). */
  readonly bonusItems: Float64Array;
  /** Deduction item points, unit-major. */
  readonly penaltyItems: Float64Array;
  /** Veto hits per unit (built on first read). */
  readonly vetoes: readonly (readonly VetoHit[])[];
  /** Facts each unit lacked, scored as zero (built on first read). */
  readonly missing: readonly (readonly string[])[];
  /** Reasons of manual scores: `${unit}:${code}` → reason. */
  readonly reasons: ReadonlyMap<string, string>;
}

/**
 * Reads one unit's evaluation out of a batch, with every indicator's score, points lost, veto hits,
 * bonus and deductions.
 * @category Evaluation
 * @example
 * const batch = unwrap(evaluateMany(compiled, units));
 * evaluationAt(batch, 0).total;
 */
export function evaluationAt(batch: EvaluationBatch, u: number): Evaluation {
  const ct = batch.compiled;
  const { tree } = ct;
  const n = ct.codes.length;
  const units = batch.unitIds.length;
  const missing = batch.missing[u] ?? [];
  const missingSet = new Set(missing);
  const vetoes = batch.vetoes[u] ?? [];
  const zeroedBy = new Map<number, string>();
  vetoes.forEach((h) => {
    const j = tree.vetoes.findIndex((v) => v.code === h.code);
    const z = ct.vetoZero[j];
    if (z !== undefined && z >= 0)
      for (let i = z; i < n && (i === z || isBelow(ct, i, z)); i++) zeroedBy.set(i, h.code);
  });
  const nodes: NodeScore[] = ct.codes.map((code, i) => {
    const score = batch.scores[u * n + i] as number;
    const applicable = batch.applicable[u * n + i] === 1;
    const max = ct.points[i] as number;
    const p = ct.parent[i] as number;
    const l = ct.leafOf[i] as number;
    const z = zeroedBy.get(i);
    let leaf: LeafTrace | undefined;
    if (l >= 0) {
      const v = batch.values[l * units + u] as number;
      const reason = batch.reasons.size > 0 ? batch.reasons.get(`${u}:${code}`) : undefined;
      leaf = {
        rule: ct.rules[l] as ScoringRule,
        missing: missingSet.has(code),
        ...(Number.isNaN(v) ? {} : { value: v }),
        ...(reason === undefined ? {} : { reason }),
      };
    }
    return {
      code,
      ...(p >= 0 ? { parent: ct.codes[p] as string } : {}),
      title: ct.titles[i] ?? { 'zh-CN': code },
      depth: ct.depth[i] as number,
      max,
      score,
      lost: applicable ? max - score : 0,
      applicable,
      ...(z === undefined ? {} : { zeroedBy: z }),
      ...(leaf === undefined ? {} : { leaf }),
    };
  });
  const b = tree.bonuses.length;
  const pn = tree.penalties.length;
  const common: EvaluationBase = {
    treeId: tree.id,
    version: tree.version,
    unitId: batch.unitIds[u] as string,
    nodes,
    base: batch.base[u] as number,
    bonus: {
      total: batch.bonus[u] as number,
      items: tree.bonuses.map((x, j) => ({
        code: x.code,
        title: x.title,
        points: batch.bonusItems[u * b + j] as number,
      })),
    },
    deductions: {
      total: batch.deductions[u] as number,
      items: tree.penalties.map((x, j) => ({
        code: x.code,
        title: x.title,
        points: batch.penaltyItems[u * pn + j] as number,
      })),
    },
    total: batch.total[u] as number,
    vetoes,
  };
  return missing.length > 0 ? { ...common, status: 'partial', missing } : { ...common, status: 'complete' };
}

function isBelow(ct: CompiledTree, i: number, ancestor: number): boolean {
  let p = ct.parent[i] as number;
  while (p >= 0) {
    if (p === ancestor) return true;
    p = ct.parent[p] as number;
  }
  return false;
}

/**
 * Every unit's evaluation from a batch, in input order.
 * @category Evaluation
 * @example
 * const all = evaluations(unwrap(evaluateMany(compiled, units)));
 */
export function evaluations(batch: EvaluationBatch): Evaluation[] {
  return batch.unitIds.map((_id, u) => evaluationAt(batch, u));
}
