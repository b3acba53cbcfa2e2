import type { Draft } from 'immer';
import { getRecord, type IsoDate, putRecord, type Recorded } from '../core/index.js';
import type { BrandEvent } from './events.js';
import type { Achievement, Activity, BrandProfile, Honor, Measure } from './schema.js';
import type { BranchBrand, BrandStage, BrandState, BrandStep } from './state.js';

type WritableBrand = { -readonly [K in keyof BranchBrand]: BranchBrand[K] };

function copyMeasure(m: Measure): Measure {
  if (m.kind === 'funnel') return { kind: 'funnel', stages: m.stages.map((s) => ({ ...s })) };
  return {
    ...m,
    ...(m.baseline
      ? { baseline: { ...m.baseline, ...(m.baseline.period ? { period: { ...m.baseline.period } } : {}) } }
      : {}),
  };
}

function copyAchievement(a: Achievement): Achievement {
  return {
    ...a,
    measure: copyMeasure(a.measure),
    period: { ...a.period },
    ...(a.evidence ? { evidence: [...a.evidence] } : {}),
  };
}

function copyHonor(h: Honor): Honor {
  return { ...h, awardedBy: { ...h.awardedBy }, ...(h.evidence ? { evidence: [...h.evidence] } : {}) };
}

function copyActivity(a: Activity): Activity {
  return {
    ...a,
    ...(a.partners ? { partners: [...a.partners] } : {}),
    ...(a.counts ? { counts: a.counts.map((c) => ({ ...c })) } : {}),
    ...(a.evidence ? { evidence: [...a.evidence] } : {}),
  };
}

type LooseProfile = { readonly [K in keyof BrandProfile]?: BrandProfile[K] | undefined };

/** Copies the given parts of a profile, dropping absent ones so a merge never writes `undefined`. */
function copyProfile(p: LooseProfile): Partial<BrandProfile> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) out[k] = v;
  if (p.name) out.name = { ...p.name };
  if (p.departments) out.departments = [...p.departments];
  if (p.facets) {
    const facets: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p.facets)) if (v) facets[k] = { ...v };
    out.facets = facets;
  }
  return out as Partial<BrandProfile>;
}

function step(brand: WritableBrand, s: BrandStep['step'], on: BrandStep['on'], note?: string): void {
  (brand.history as BrandStep[]).push(note === undefined ? { step: s, on } : { step: s, on, note });
}

function setActive(draft: Draft<BrandState>, branchId: string, brandId: string | undefined): void {
  const table = draft.activeByBranch as unknown as Record<string, Record<string, string>>;
  if (brandId !== undefined) {
    putRecord(draft.activeByBranch as Record<string, Record<string, string>>, branchId, brandId);
    return;
  }
  for (const shard of Object.values(table)) if (Object.hasOwn(shard, branchId)) delete shard[branchId];
}

function revoke(draft: Draft<BrandState>, brand: WritableBrand, on: BrandStep['on'], reason: string): void {
  const stage = brand.stage;
  if (stage.status === 'revoked') return;
  brand.stage = {
    status: 'revoked',
    revokedOn: on,
    reason,
    revokedFrom: stage.status,
    ...('namedOn' in stage ? { namedOn: stage.namedOn } : {}),
  };
  setActive(draft, brand.branchId, undefined);
}

function declaredOn(stage: BrandStage, fallback: IsoDate): IsoDate {
  return 'declaredOn' in stage ? stage.declaredOn : fallback;
}

/**
 * Folds one brand event into a draft of the register. Nested objects of the event are copied, never kept.
 * @internal
 */
export function evolveBrand(draft: Draft<BrandState>, event: Recorded<BrandEvent>): void {
  if (event.type === 'activity-recorded') {
    putRecord(
      draft.activities as Record<string, Record<string, Activity>>,
      event.activity.id,
      copyActivity(event.activity),
    );
    return;
  }
  if (event.type === 'brand-drafted') {
    const brand: BranchBrand = {
      id: event.brandId,
      branchId: event.branchId,
      ...(event.unitId === undefined ? {} : { unitId: event.unitId }),
      profile: copyProfile(event.profile) as BrandProfile,
      stage: { status: 'draft', since: event.on },
      history: [{ step: 'drafted', on: event.on }],
      formerNames: [],
      handOvers: [],
      achievements: [],
      honors: [],
      createdOn: event.on,
    };
    putRecord(draft.brands as Record<string, Record<string, BranchBrand>>, brand.id, brand);
    setActive(draft, brand.branchId, brand.id);
    return;
  }
  const brand = getRecord(draft.brands as Record<string, Record<string, BranchBrand>>, event.brandId) as
    | WritableBrand
    | undefined;
  if (!brand) throw new Error(`[shijian] brand event for unknown brand ${event.brandId}`);
  const stage = brand.stage;
  switch (event.type) {
    case 'profile-updated':
      brand.profile = { ...brand.profile, ...copyProfile(event.changes) } as BrandProfile;
      return;
    case 'brand-declared':
      brand.stage = {
        status: 'declared',
        declaredOn: event.on,
        ...(event.declaredTo === undefined ? {} : { declaredTo: event.declaredTo }),
      };
      step(brand, 'declared', event.on, event.declaredTo);
      return;
    case 'cultivation-started':
      brand.stage = { status: 'cultivating', declaredOn: declaredOn(stage, event.on), since: event.on };
      step(brand, 'cultivation-started', event.on);
      return;
    case 'brand-reviewed':
      if (event.outcome === 'selected')
        brand.stage = {
          status: 'reviewed',
          declaredOn: declaredOn(stage, event.on),
          reviewedOn: event.on,
          reviewedBy: event.reviewedBy,
          ...(event.score === undefined ? {} : { score: event.score }),
        };
      step(brand, event.outcome, event.on, event.reviewedBy);
      return;
    case 'brand-named':
      brand.stage = {
        status: 'named',
        declaredOn: declaredOn(stage, event.on),
        namedOn: event.on,
        namedBy: { ...event.namedBy },
        notice: { ...event.notice },
      };
      step(brand, 'named', event.on, event.namedBy.body);
      return;
    case 'periodic-review-started':
      if (stage.status === 'named')
        brand.stage = {
          ...stage,
          namedBy: { ...stage.namedBy },
          notice: { ...stage.notice },
          status: 'under-review',
          reviewStartedOn: event.on,
        };
      step(brand, 'periodic-review-started', event.on);
      return;
    case 'periodic-review-concluded': {
      step(brand, event.outcome, event.on, event.reason);
      if (stage.status !== 'under-review') return;
      if (event.outcome === 'kept') {
        const { reviewStartedOn: _r, ...named } = stage;
        brand.stage = {
          ...named,
          namedBy: { ...stage.namedBy },
          notice: { ...stage.notice },
          status: 'named',
          lastReviewedOn: event.on,
        };
      } else if (event.outcome === 'downgraded')
        brand.stage = { status: 'cultivating', declaredOn: stage.declaredOn, since: event.on, downgradedOn: event.on };
      // events logged before a withdrawal needed a reason
      else revoke(draft, brand, event.on, event.reason ?? '定期复核撤销');
      return;
    }
    case 'brand-revoked':
      revoke(draft, brand, event.on, event.reason);
      step(brand, 'revoked', event.on, event.reason);
      return;
    case 'brand-renamed':
    case 'brand-rebranded': {
      const p = brand.profile;
      (brand.formerNames as BranchBrand['formerNames'][number][]).push({
        name: { ...p.name },
        ...(p.slogan === undefined ? {} : { slogan: p.slogan }),
        until: event.on,
        change: event.type === 'brand-renamed' ? 'rename' : 'rebrand',
        reason: event.reason,
      });
      const {
        type: _t,
        brandId: _b,
        on: _o,
        reason: _r,
        seq: _s,
        at: _a,
        actor: _c,
        schemaVersion: _v,
        ...changes
      } = event;
      brand.profile = { ...p, ...copyProfile(changes) } as BrandProfile;
      step(brand, event.type === 'brand-renamed' ? 'renamed' : 'rebranded', event.on, event.reason);
      return;
    }
    case 'brand-handed-over':
      setActive(draft, event.fromBranchId, undefined);
      brand.branchId = event.toBranchId;
      if (event.toUnitId !== undefined) brand.unitId = event.toUnitId;
      (brand.handOvers as BranchBrand['handOvers'][number][]).push({
        fromBranchId: event.fromBranchId,
        toBranchId: event.toBranchId,
        on: event.on,
      });
      setActive(draft, event.toBranchId, brand.id);
      step(brand, 'handed-over', event.on, `${event.fromBranchId} → ${event.toBranchId}`);
      return;
    case 'achievement-recorded':
      (brand.achievements as Achievement[]).push(copyAchievement(event.achievement));
      return;
    case 'honor-recorded':
      (brand.honors as Honor[]).push(copyHonor(event.honor));
      return;
  }
}
