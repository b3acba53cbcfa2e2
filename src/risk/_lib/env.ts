import type { z } from 'zod';
import {
  atPath,
  type Context,
  compareDates,
  type Decider,
  type DomainError,
  err,
  getRecord,
  type IsoDate,
  ok,
  type Path,
  type Result,
} from '../../core/index.js';
import type { RiskCommand, RiskCommandSchema } from '../commands.js';
import { riskError } from '../errors.js';
import type { RiskEvent, RiskState } from '../events.js';
import { parseRiskMethod, rateRisk } from '../method.js';
import { RISK_METHOD_PRESETS } from '../presets.js';
import type { RiskFactors, RiskItem, RiskLevel, RiskMethod, RiskRating, RiskStage } from '../schema.js';
import type { RiskAction } from './labels.js';
import type { RiskDirectory } from './references.js';

export { own } from './own.js';

/** Options of a risk decider: the methods it rates with, and the directory ids are checked against. @category Workflow */
export interface RiskDeciderOptions {
  /** The methods commands may name; {@link RISK_METHOD_PRESETS} by default. */
  readonly methods?: readonly RiskMethod[];
  /** When given, every unit and person id in a command must exist in it. */
  readonly directory?: RiskDirectory;
}

export type Parsed = z.output<typeof RiskCommandSchema>;
export type Of<S extends z.ZodType> = z.output<S>;
export type Events = Result<readonly RiskEvent[]>;
export interface Env {
  readonly state: RiskState;
  /** The decider itself, for consultations that run their decisions as commands. */
  readonly decider: Decider<RiskState, RiskCommand, RiskEvent>;
  readonly ctx: Context;
  readonly options: RiskDeciderOptions;
  /** The command's date, or today in the context. */
  readonly on: (cmd: { readonly on?: IsoDate | undefined }) => IsoDate;
}

export const one = (e: DomainError): Events => err(e);

export function findRisk(state: RiskState, riskId: string): Result<RiskItem> {
  const it = getRecord(state.risks, riskId);
  return it ? ok(it) : err(riskError('risk/unknown-risk', { riskId }, ['riskId']));
}

export function inStage(it: RiskItem, allowed: readonly RiskStage[], action: RiskAction): DomainError | undefined {
  return allowed.includes(it.status.stage)
    ? undefined
    : riskError('risk/wrong-stage', { riskId: it.id, stage: it.status.stage, action }, ['riskId']);
}

export function notBefore(date: IsoDate, earliest: IsoDate, path: Path): DomainError | undefined {
  return compareDates(date, earliest) < 0 ? riskError('risk/dates-out-of-order', { date, earliest }, path) : undefined;
}

/** What `parseRiskMethod` finds wrong with a method, worked out once per method object. */
const problems = new WeakMap<RiskMethod, readonly DomainError[]>();
export function methodProblems(method: RiskMethod): readonly DomainError[] {
  let found = problems.get(method);
  if (found === undefined) {
    const r = parseRiskMethod(method);
    found = r.ok ? [] : r.errors;
    problems.set(method, found);
  }
  return found;
}

/**
 * The method a command names. A host's method that `parseRiskMethod` refuses (a gap in its bands, an empty cell)
 * cannot rate anything: the command is refused with the method's own errors under `path`, rather than a score
 * outside every band being guessed.
 */
export function methodOf(options: RiskDeciderOptions, methodId: string, path: Path): Result<RiskMethod> {
  const m = (options.methods ?? RISK_METHOD_PRESETS).find((x) => x.id === methodId);
  if (!m) return err(riskError('risk/unknown-method', { methodId }, path));
  const bad = methodProblems(m);
  return bad.length > 0 ? err(...atPath(path, bad)) : ok(m);
}

export function rateChecked(
  method: RiskMethod,
  factors: RiskFactors,
  claimed: RiskLevel | undefined,
  path: Path,
): Result<RiskRating> {
  const r = rateRisk(method, factors);
  if (!r.ok) return err(...atPath(path, r.errors));
  if (claimed !== undefined && claimed !== r.value.level)
    return err(riskError('risk/level-contradicts-method', { claimed, computed: r.value.level }, ['level']));
  return r;
}

export const firstError = (...checks: (DomainError | undefined)[]): DomainError | undefined => checks.find((c) => c);
