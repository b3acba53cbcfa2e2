import { coreError } from '../core/errors-core.js';
import {
  type Context,
  compareDates,
  type DomainError,
  err,
  getRecord,
  type IsoDate,
  ok,
  type Result,
  today,
} from '../core/index.js';
import type { BranchLookup } from './_lib/lookup.js';
import type { BrandCommand, BrandCommandType } from './commands.js';
import { brandError } from './errors.js';
import type { BrandEvent } from './events.js';
import { parseBrandCommand } from './parse.js';
import type { Achievement, Activity, Honor } from './schema.js';
import type { BranchBrand, BrandState, BrandStatus } from './state.js';

const ACTIVE: readonly BrandStatus[] = ['draft', 'declared', 'cultivating', 'reviewed', 'named', 'under-review'];

type StepType = Exclude<BrandCommandType, 'draft' | 'record-achievement' | 'record-honor' | 'record-activity'>;
type StepCommand = Extract<BrandCommand, { type: StepType }>;

/** The statuses each lifecycle step may start from (the order of the lifecycle, as a table). */
const ALLOWED_FROM: { readonly [K in StepType]: readonly BrandStatus[] } = {
  'update-profile': ACTIVE,
  declare: ['draft'],
  'start-cultivation': ['declared'],
  review: ['cultivating'],
  name: ['reviewed'],
  'start-periodic-review': ['named'],
  'conclude-periodic-review': ['under-review'],
  revoke: ACTIVE,
  rename: ACTIVE,
  rebrand: ACTIVE,
  'hand-over': ACTIVE,
};

/** Steps that form the dated history; a profile edit is not one. */
const DATED_STEP: { readonly [K in StepType]: boolean } = {
  'update-profile': false,
  declare: true,
  'start-cultivation': true,
  review: true,
  name: true,
  'start-periodic-review': true,
  'conclude-periodic-review': true,
  revoke: true,
  rename: true,
  rebrand: true,
  'hand-over': true,
};

/** What a declaration must contain beyond the connotation, working method and departments. @internal */
export interface DeclarationRules {
  readonly requireLogo?: boolean;
}

interface Env {
  readonly today: IsoDate;
  readonly lookup: BranchLookup | undefined;
  readonly rules: DeclarationRules;
}

type Handler<K extends BrandCommandType> = (
  state: BrandState,
  command: Extract<BrandCommand, { type: K }>,
  env: Env,
) => Result<readonly BrandEvent[]>;

function notInFuture(date: IsoDate, env: Env, path: readonly (string | number)[]): DomainError | undefined {
  return compareDates(date, env.today) > 0
    ? brandError('brand/date-in-future', { date, today: env.today }, path)
    : undefined;
}

function lastStepOn(brand: BranchBrand): IsoDate {
  return brand.history[brand.history.length - 1]?.on ?? brand.createdOn;
}

function findBrand(state: BrandState, brandId: string): Result<BranchBrand> {
  const brand = getRecord(state.brands, brandId);
  return brand ? ok(brand) : err(brandError('brand/unknown-brand', { brandId }, ['brandId']));
}

function notRevoked(brand: BranchBrand): DomainError | undefined {
  return brand.stage.status === 'revoked'
    ? brandError('brand/brand-revoked', { brandId: brand.id, revokedOn: brand.stage.revokedOn }, ['brandId'])
    : undefined;
}

/** The checks every lifecycle step shares: the brand exists, is active, is in the right status, and the date fits. */
function checkStep(state: BrandState, command: StepCommand, env: Env): Result<BranchBrand> {
  const found = findBrand(state, command.brandId);
  if (!found.ok) return found;
  const brand = found.value;
  const revoked = notRevoked(brand);
  if (revoked) return err(revoked);
  const allowed = ALLOWED_FROM[command.type];
  const status = brand.stage.status;
  if (!allowed.includes(status)) {
    if (command.type === 'declare' && (brand.stage.status === 'named' || brand.stage.status === 'under-review'))
      return err(brandError('brand/already-named', { brandId: brand.id, namedOn: brand.stage.namedOn }, ['type']));
    return err(brandError('brand/step-out-of-order', { step: command.type, status, allowed }, ['type']));
  }
  const future = notInFuture(command.on, env, ['on']);
  if (future) return err(future);
  const previous = lastStepOn(brand);
  if (DATED_STEP[command.type] && compareDates(command.on, previous) < 0)
    return err(brandError('brand/date-out-of-order', { date: command.on, previous }, ['on']));
  if (command.type !== 'hand-over' && env.lookup) {
    const invalid = env.lookup.checkBranch(brand.branchId, command.on, ['brandId']);
    if (invalid) return err(invalid);
  }
  return ok(brand);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkDepartments(
  departments: readonly string[] | undefined,
  on: IsoDate,
  env: Env,
  path: readonly (string | number)[],
) {
  if (!departments) return [];
  const errors: DomainError[] = [];
  const seen = new Set<string>();
  departments.forEach((d, i) => {
    if (seen.has(d)) errors.push(brandError('brand/duplicate-record', { kind: 'department', id: d }, [...path, i]));
    seen.add(d);
    const e = env.lookup?.checkDepartment(d, on, [...path, i]);
    if (e) errors.push(e);
  });
  return errors;
}

function checkAchievement(brand: BranchBrand, a: Achievement, env: Env): DomainError[] {
  const at = ['achievement'];
  if (brand.achievements.some((x) => x.id === a.id))
    return [brandError('brand/duplicate-record', { kind: 'achievement', id: a.id }, [...at, 'id'])];
  const errors: DomainError[] = [];
  if (compareDates(a.period.from, a.period.to) > 0)
    errors.push(brandError('brand/invalid-period', { from: a.period.from, to: a.period.to }, [...at, 'period']));
  else if (compareDates(a.period.to, env.today) > 0)
    errors.push(brandError('brand/period-in-future', { to: a.period.to, today: env.today }, [...at, 'period', 'to']));
  const m = a.measure;
  if (m.kind === 'quantity' && m.baseline && m.baseline.unit !== m.unit)
    errors.push(
      brandError('brand/unit-mismatch', { unit: m.unit, baselineUnit: m.baseline.unit }, [
        ...at,
        'measure',
        'baseline',
        'unit',
      ]),
    );
  if (m.kind === 'funnel')
    m.stages.forEach((s, i) => {
      const previous = m.stages[i - 1];
      if (previous && s.count > previous.count)
        errors.push(
          brandError('brand/funnel-widening', { stage: i, count: s.count, previous: previous.count }, [
            ...at,
            'measure',
            'stages',
            i,
            'count',
          ]),
        );
    });
  return errors;
}

function checkHonor(brand: BranchBrand, h: Honor, env: Env): DomainError[] {
  const at = ['honor'];
  if (brand.honors.some((x) => x.id === h.id))
    return [brandError('brand/duplicate-record', { kind: 'honor', id: h.id }, [...at, 'id'])];
  const errors: DomainError[] = [];
  const body = (h as { awardedBy?: { body?: unknown } }).awardedBy?.body;
  if (typeof body !== 'string' || body.trim() === '')
    errors.push(brandError('brand/honor-without-body', { title: h.title }, [...at, 'awardedBy']));
  const thisYear = Number(env.today.slice(0, 4));
  if (h.year > thisYear)
    errors.push(brandError('brand/date-in-future', { date: String(h.year), today: env.today }, [...at, 'year']));
  if (h.on) {
    const future = notInFuture(h.on, env, [...at, 'on']);
    if (future) errors.push(future);
    else if (Number(h.on.slice(0, 4)) < h.year)
      errors.push(brandError('brand/honor-date-mismatch', { on: h.on, year: h.year }, [...at, 'on']));
  }
  return errors;
}

function checkActivity(state: BrandState, a: Activity, env: Env): DomainError[] {
  const at = ['activity'];
  if (getRecord(state.activities, a.id))
    return [brandError('brand/duplicate-record', { kind: 'activity', id: a.id }, [...at, 'id'])];
  const errors: DomainError[] = [];
  const future = notInFuture(a.on, env, [...at, 'on']);
  if (future) errors.push(future);
  if (a.kind === 'joint-building' && (a.partners ?? []).length === 0)
    errors.push(brandError('brand/partner-required', { activityId: a.id }, [...at, 'partners']));
  const invalid = env.lookup?.checkBranch(a.branchId, a.on, [...at, 'branchId']);
  if (invalid) errors.push(invalid);
  return errors;
}

const handlers: { readonly [K in BrandCommandType]: Handler<K> } = {
  draft: (state, c, env) => {
    if (getRecord(state.brands, c.brandId))
      return err(brandError('brand/duplicate-brand', { brandId: c.brandId }, ['brandId']));
    const future = notInFuture(c.on, env, ['on']);
    if (future) return err(future);
    const invalid = env.lookup?.checkBranch(c.branchId, c.on, ['branchId']);
    if (invalid) return err(invalid);
    const active = getRecord(state.activeByBranch, c.branchId);
    if (active)
      return err(
        brandError('brand/second-active-brand', { branchId: c.branchId, activeBrandId: active }, ['branchId']),
      );
    const departments = checkDepartments(c.profile.departments, c.on, env, ['profile', 'departments']);
    if (departments.length > 0) return err(...departments);
    const unitId = env.lookup?.unitOf(c.branchId, c.on) ?? c.unitId;
    return ok([
      {
        type: 'brand-drafted',
        brandId: c.brandId,
        branchId: c.branchId,
        ...(unitId === undefined ? {} : { unitId }),
        on: c.on,
        profile: c.profile,
      },
    ]);
  },
  'update-profile': (state, c, env) => {
    const r = checkStep(state, c, env);
    if (!r.ok) return r;
    const departments = checkDepartments(c.changes.departments, c.on, env, ['changes', 'departments']);
    if (departments.length > 0) return err(...departments);
    const profile = r.value.profile as Readonly<Record<string, unknown>>;
    const changed = Object.entries(c.changes).some(([k, v]) => v !== undefined && !sameJson(profile[k], v));
    return ok(changed ? [{ type: 'profile-updated', brandId: c.brandId, on: c.on, changes: c.changes }] : []);
  },
  declare: (state, c, env) => {
    const r = checkStep(state, c, env);
    if (!r.ok) return r;
    const p = r.value.profile;
    const missing = !p.connotation
      ? 'connotation'
      : !p.workingMethod
        ? 'workingMethod'
        : p.departments.length === 0
          ? 'departments'
          : env.rules.requireLogo === true && !p.logoRef
            ? 'logoRef'
            : undefined;
    if (missing) return err(brandError('brand/declaration-incomplete', { missing }, ['profile', missing]));
    return ok([
      { type: 'brand-declared', brandId: c.brandId, on: c.on, ...(c.declaredTo ? { declaredTo: c.declaredTo } : {}) },
    ]);
  },
  'start-cultivation': (state, c, env) => {
    const r = checkStep(state, c, env);
    return r.ok ? ok([{ type: 'cultivation-started', brandId: c.brandId, on: c.on }]) : r;
  },
  review: (state, c, env) => {
    const r = checkStep(state, c, env);
    if (!r.ok) return r;
    return ok([
      {
        type: 'brand-reviewed',
        brandId: c.brandId,
        on: c.on,
        reviewedBy: c.reviewedBy,
        outcome: c.outcome,
        ...(c.score === undefined ? {} : { score: c.score }),
      },
    ]);
  },
  name: (state, c, env) => {
    const r = checkStep(state, c, env);
    if (!r.ok) return r;
    const { notice } = c;
    if (compareDates(notice.from, notice.to) > 0)
      return err(brandError('brand/invalid-period', { from: notice.from, to: notice.to }, ['notice']));
    const previous = lastStepOn(r.value);
    if (compareDates(notice.from, previous) < 0)
      return err(brandError('brand/date-out-of-order', { date: notice.from, previous }, ['notice', 'from']));
    if (compareDates(c.on, notice.to) <= 0)
      return err(brandError('brand/notice-not-over', { noticeTo: notice.to, on: c.on }, ['on']));
    return ok([{ type: 'brand-named', brandId: c.brandId, on: c.on, namedBy: c.namedBy, notice: c.notice }]);
  },
  'start-periodic-review': (state, c, env) => {
    const r = checkStep(state, c, env);
    return r.ok ? ok([{ type: 'periodic-review-started', brandId: c.brandId, on: c.on }]) : r;
  },
  'conclude-periodic-review': (state, c, env) => {
    const r = checkStep(state, c, env);
    if (!r.ok) return r;
    // a withdrawal at review revokes the brand, and a revocation always states why (as `revoke` does)
    if (c.outcome === 'withdrawn' && c.reason === undefined)
      return err(coreError('core/required', { expected: 'reason' }, ['reason']));
    return ok([
      {
        type: 'periodic-review-concluded',
        brandId: c.brandId,
        on: c.on,
        outcome: c.outcome,
        ...(c.reason === undefined ? {} : { reason: c.reason }),
      },
    ]);
  },
  revoke: (state, c, env) => {
    const r = checkStep(state, c, env);
    return r.ok ? ok([{ type: 'brand-revoked', brandId: c.brandId, on: c.on, reason: c.reason }]) : r;
  },
  rename: (state, c, env) => {
    const r = checkStep(state, c, env);
    if (!r.ok) return r;
    const p = r.value.profile;
    if (sameJson(p.name, c.name) && (c.slogan === undefined || c.slogan === p.slogan)) return ok([]);
    return ok([
      {
        type: 'brand-renamed',
        brandId: c.brandId,
        on: c.on,
        name: c.name,
        ...(c.slogan === undefined ? {} : { slogan: c.slogan }),
        reason: c.reason,
      },
    ]);
  },
  rebrand: (state, c, env) => {
    const r = checkStep(state, c, env);
    if (!r.ok) return r;
    return ok([
      {
        type: 'brand-rebranded',
        brandId: c.brandId,
        on: c.on,
        name: c.name,
        ...(c.slogan === undefined ? {} : { slogan: c.slogan }),
        ...(c.logoRef === undefined ? {} : { logoRef: c.logoRef }),
        ...(c.connotation === undefined ? {} : { connotation: c.connotation }),
        ...(c.workingMethod === undefined ? {} : { workingMethod: c.workingMethod }),
        reason: c.reason,
      },
    ]);
  },
  'hand-over': (state, c, env) => {
    const r = checkStep(state, c, env);
    if (!r.ok) return r;
    const brand = r.value;
    if (c.toBranchId === brand.branchId) return ok([]);
    if (env.lookup) {
      const successorId = env.lookup.successorOf(brand.branchId, c.on);
      if (successorId !== c.toBranchId)
        return err(
          brandError('brand/not-successor', { fromBranchId: brand.branchId, toBranchId: c.toBranchId, successorId }, [
            'toBranchId',
          ]),
        );
      const invalid = env.lookup.checkBranch(c.toBranchId, c.on, ['toBranchId']);
      if (invalid) return err(invalid);
    }
    const active = getRecord(state.activeByBranch, c.toBranchId);
    if (active)
      return err(
        brandError('brand/second-active-brand', { branchId: c.toBranchId, activeBrandId: active }, ['toBranchId']),
      );
    const toUnitId = env.lookup?.unitOf(c.toBranchId, c.on) ?? c.toUnitId;
    return ok([
      {
        type: 'brand-handed-over',
        brandId: c.brandId,
        on: c.on,
        fromBranchId: brand.branchId,
        toBranchId: c.toBranchId,
        ...(toUnitId === undefined ? {} : { toUnitId }),
      },
    ]);
  },
  'record-achievement': (state, c, env) => {
    const found = findBrand(state, c.brandId);
    if (!found.ok) return found;
    const revoked = notRevoked(found.value);
    if (revoked) return err(revoked);
    const errors = checkAchievement(found.value, c.achievement, env);
    return errors.length > 0
      ? err(...errors)
      : ok([{ type: 'achievement-recorded', brandId: c.brandId, achievement: c.achievement }]);
  },
  'record-honor': (state, c, env) => {
    const found = findBrand(state, c.brandId);
    if (!found.ok) return found;
    const revoked = notRevoked(found.value);
    if (revoked) return err(revoked);
    const errors = checkHonor(found.value, c.honor, env);
    return errors.length > 0 ? err(...errors) : ok([{ type: 'honor-recorded', brandId: c.brandId, honor: c.honor }]);
  },
  'record-activity': (state, c, env) => {
    const errors = checkActivity(state, c.activity, env);
    return errors.length > 0 ? err(...errors) : ok([{ type: 'activity-recorded', activity: c.activity }]);
  },
};

/**
 * Decides a brand command against the register: the events it causes, or the coded errors that refuse
 * it. Pure; the day "today" is taken from the context's clock in its time zone.
 * @internal
 */
export function decideWith(
  state: BrandState,
  command: BrandCommand,
  ctx: Context,
  lookup: BranchLookup | undefined,
  rules: DeclarationRules = {},
): Result<readonly BrandEvent[]> {
  // Commands may come from outside: validate them (hostile input first) before any field is read.
  const parsed = parseBrandCommand(command);
  if (!parsed.ok) return parsed;
  const cmd = parsed.value;
  const handler = handlers[cmd.type] as Handler<BrandCommandType> | undefined;
  if (!handler) throw new Error(`[shijian] unknown brand command type ${String((cmd as { type: unknown }).type)}`);
  return handler(state, cmd as never, { today: today(ctx), lookup, rules });
}
