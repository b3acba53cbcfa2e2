import { err, type IsoDate, ok, type Result } from '../core/index.js';
import { checkRef, findUnit, type OrgDirectory } from '../org/index.js';
import { ratingError } from './errors.js';
import type { Evaluation } from './evaluation.js';
import type { StarRequirement, StarScheme } from './scheme.js';
import { type AdminLevel, awardingLevelOf, prerequisiteStarOf, type StarLevel } from './stars.js';

/** Why a unit falls short of a star level. @category Star levels */
export type QualifyReason =
  | { readonly kind: 'veto'; readonly veto: string }
  | { readonly kind: 'veto-cap'; readonly veto: string; readonly cap: StarLevel }
  | { readonly kind: 'total'; readonly required: number; readonly actual: number }
  | { readonly kind: 'area'; readonly area: string; readonly required: number; readonly actual: number }
  | { readonly kind: 'prerequisite'; readonly requires: StarLevel };

/** Options of {@link qualify}. @category Star levels */
export interface QualifyOptions {
  /** The star the unit holds now (逐级申报: four stars need three held, five need four). */
  readonly held?: StarLevel;
  /** The org directory; with `awardingUnitId`, the awarding unit is checked to sit at the right level. */
  readonly directory?: OrgDirectory;
  /** The bureau that would award the star. */
  readonly awardingUnitId?: string;
  /** The day the directory is read on. */
  readonly asOf?: IsoDate;
}

/** Who awards a star: the administrative level and, when known, the bureau. @category Star levels */
export interface AwardingBody {
  readonly level: AdminLevel;
  readonly unitId?: string;
}

/** The highest star a unit qualifies for, who awards it, and what stands before the next one. @category Star levels */
export interface Qualification {
  readonly unitId: string;
  readonly treeId: string;
  readonly version: number;
  readonly total: number;
  /** The star qualified for, or undefined for none (无星级). */
  readonly star?: StarLevel;
  readonly awardedBy?: AwardingBody;
  readonly cycleYears?: 1 | 2;
  /** The next level up and every reason the unit misses it; absent at the top. */
  readonly next?: { readonly star: StarLevel; readonly reasons: readonly QualifyReason[] };
}

/** Area score rates (score ÷ points) of an evaluation's first-level indicators. */
export function areaRates(ev: Evaluation): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of ev.nodes) if (n.depth === 1 && n.applicable) out.set(n.code, n.max > 0 ? n.score / n.max : 1);
  return out;
}

/** Every reason the evaluation misses a level (empty when it qualifies). */
export function shortfalls(
  ev: Evaluation,
  req: StarRequirement,
  scheme: StarScheme,
  held: StarLevel | undefined,
): QualifyReason[] {
  const reasons: QualifyReason[] = [];
  for (const v of ev.vetoes) {
    if (v.effect.kind === 'disqualify') reasons.push({ kind: 'veto', veto: v.code });
    else if (v.effect.kind === 'cap' && v.effect.star < req.star)
      reasons.push({ kind: 'veto-cap', veto: v.code, cap: v.effect.star });
  }
  if (ev.total < req.minTotal - 1e-9) reasons.push({ kind: 'total', required: req.minTotal, actual: ev.total });
  for (const [area, rate] of areaRates(ev)) {
    const min = req.areaMinimums?.[area] ?? req.minAreaRate;
    if (min !== undefined && rate < min - 1e-9) reasons.push({ kind: 'area', area, required: min, actual: rate });
  }
  const pre = prerequisiteStarOf(req.star);
  if (pre !== undefined && !scheme.firstRound && (held === undefined || held < pre))
    reasons.push({ kind: 'prerequisite', requires: pre });
  return reasons;
}

/**
 * Finds the highest star a complete evaluation qualifies for under a scheme — total threshold, per-area
 * minimum rates, vetoes and the star already held — names who awards it, and lists why the unit misses
 * the next level. Stars are cumulative: the levels are tried from the lowest, and the first one missed
 * ends the climb. A veto wins over every score. With a directory and an awarding unit, the unit must
 * sit at the awarding level (five national, four provincial, three city or a municipality's district).
 * @category Star levels
 * @example
 * const q = unwrap(qualify(evaluation, scheme, { held: 3 }));
 * q.star; // 4
 * q.next?.reasons; // [{ kind: 'total', required: 92, actual: 88.5 }]
 */
export function qualify(ev: Evaluation, scheme: StarScheme, options: QualifyOptions = {}): Result<Qualification> {
  if (ev.status === 'partial')
    return err(ratingError('rating/incomplete-evaluation', { unitId: ev.unitId, missing: ev.missing }, ['missing']));
  let best: StarRequirement | undefined;
  // Stars are cumulative: a unit that misses one level cannot hold any above it.
  for (const req of scheme.levels) {
    if (shortfalls(ev, req, scheme, options.held).length > 0) break;
    best = req;
  }
  const higher = scheme.levels.find((l) => l.star > (best?.star ?? 0));
  const next = higher ? { star: higher.star, reasons: shortfalls(ev, higher, scheme, options.held) } : undefined;
  let awardedBy: AwardingBody | undefined;
  if (best !== undefined) {
    const level = best.awardedBy ?? awardingLevelOf(best.star, { municipality: scheme.municipality });
    awardedBy = { level, ...(options.awardingUnitId === undefined ? {} : { unitId: options.awardingUnitId }) };
    if (options.directory !== undefined && options.awardingUnitId !== undefined) {
      const refError = checkRef(
        options.directory,
        { kind: 'unit', id: options.awardingUnitId, ...(options.asOf === undefined ? {} : { asOf: options.asOf }) },
        ['awardingUnitId'],
      );
      if (refError !== undefined) return err(refError);
      const unit = findUnit(options.directory, options.awardingUnitId, options.asOf);
      if (unit !== undefined && unit.level !== level)
        return err(
          ratingError(
            'rating/wrong-awarding-level',
            { unitId: options.awardingUnitId, required: level, actual: unit.level },
            ['awardingUnitId'],
          ),
        );
    }
  }
  return ok({
    unitId: ev.unitId,
    treeId: ev.treeId,
    version: ev.version,
    total: ev.total,
    ...(best === undefined ? {} : { star: best.star, cycleYears: best.cycleYears }),
    ...(awardedBy === undefined ? {} : { awardedBy }),
    ...(next === undefined ? {} : { next }),
  });
}
