import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BranchBrand,
  type BrandCommand,
  type BrandEvent,
  type BrandState,
  type BrandStatus,
  brandDecider,
  isActive,
} from '../../src/brand/index.js';
import {
  allRecords,
  countRecords,
  type Decider,
  fixedContext,
  getRecord,
  type Instant,
  type IsoDate,
  putRecord,
} from '../../src/core/index.js';
import { ORG, profile } from '../brand/_fixture.js';
import { brandInvariants } from './_invariants.js';
import { type Attempt, type Choice, checkRandom, formatReport, pickOf, type RandomModel } from './_random.js';

type Step = Exclude<BrandCommand['type'], 'draft' | 'record-achievement' | 'record-honor' | 'record-activity'>;

const BRANCHES = [ORG.branchFood, ORG.branchDrug, ORG.branchOffice, ORG.branchCountyA] as const;
const ACTIVE: readonly BrandStatus[] = ['draft', 'declared', 'cultivating', 'reviewed', 'named', 'under-review'];

/** The lifecycle, written down once more as the test's own table: the statuses each step may start from. */
const FROM: { readonly [K in Step]: readonly BrandStatus[] } = {
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

const lastOn = (b: BranchBrand): IsoDate => b.history.at(-1)?.on ?? b.createdOn;

/** One command of type `type` for brand `brandId` on `on` (the option picked by `alt`). */
function stepCommand(type: Step, brandId: string, on: IsoDate, alt: number, previous: IsoDate): BrandCommand {
  switch (type) {
    case 'update-profile':
      return { type, brandId, on, changes: { slogan: pickOf(['守护舌尖上的安全', '食安无小事'], alt) } };
    case 'declare':
      return { type, brandId, on, declaredTo: '机关党委' };
    case 'start-cultivation':
    case 'start-periodic-review':
      return { type, brandId, on };
    case 'review':
      return { type, brandId, on, reviewedBy: '评审组', outcome: alt % 4 === 0 ? 'not-selected' : 'selected' };
    case 'name':
      return {
        type,
        brandId,
        on,
        namedBy: { body: '机关党委', level: 'internal' },
        notice: { from: previous, to: previous },
      };
    case 'conclude-periodic-review': {
      const outcome = pickOf(['kept', 'kept', 'downgraded', 'withdrawn'] as const, alt);
      return { type, brandId, on, outcome, ...(outcome === 'withdrawn' ? { reason: '特色不再' } : {}) };
    }
    case 'revoke':
      return { type, brandId, on, reason: '支部撤并' };
    case 'rename':
      return { type, brandId, on, name: { 'zh-CN': pickOf(['食安卫士', '舌尖卫士'], alt) }, reason: '聚焦主业' };
    case 'rebrand':
      return { type, brandId, on, name: { 'zh-CN': '放心消费' }, connotation: '消费维权', reason: '职能调整' };
    case 'hand-over':
      return { type, brandId, on, toBranchId: pickOf(BRANCHES, alt) };
  }
}

const activeOn = (s: BrandState, branchId: string) => getRecord(s.activeByBranch, branchId);

/** What the lifecycle allows next, for each brand (the model's "enabled" set). */
function allowed(s: BrandState, on: IsoDate, alt: number): BrandCommand[] {
  const out: BrandCommand[] = [];
  const free = BRANCHES.filter((b) => activeOn(s, b) === undefined);
  if (free.length > 0)
    out.push({ type: 'draft', brandId: `b-${countRecords(s.brands) + 1}`, branchId: pickOf(free, alt), on, profile });
  for (const b of allRecords(s.brands)) {
    if (!isActive(b)) continue;
    const previous = lastOn(b);
    for (const type of Object.keys(FROM) as Step[]) {
      if (!FROM[type].includes(b.stage.status)) continue;
      // Naming needs its notice over before the day: a day after the last step at least.
      if (type === 'name' && on <= previous) continue;
      // Revocation ends a brand: offered rarely, so walks live long enough to go round the lifecycle.
      if (type === 'revoke' && alt % 5 !== 0) continue;
      const c = stepCommand(type, b.id, on, alt, previous);
      if (c.type === 'hand-over' && c.toBranchId !== b.branchId && activeOn(s, c.toBranchId) !== undefined) continue;
      out.push(c);
    }
  }
  out.push({
    type: 'record-activity',
    activity: {
      id: `a-${countRecords(s.activities) + 1}`,
      branchId: pickOf(BRANCHES, alt),
      kind: 'themed-party-day',
      title: '主题党日',
      on,
    },
  });
  return out;
}

/** Any step on any brand (existing or not), any draft, any activity id: the oracle says what must be refused. */
function anyCommand(s: BrandState, on: IsoDate, c: Choice): BrandCommand {
  const brands = allRecords(s.brands);
  const brandId = pickOf([...brands.map((b) => b.id), 'b-x'], c.alt);
  const types = Object.keys(FROM) as Step[];
  const k = c.pick % (types.length + 2);
  if (k === types.length)
    return {
      type: 'draft',
      brandId: pickOf([...brands.map((b) => b.id), `b-${brands.length + 1}`], c.alt),
      branchId: pickOf(BRANCHES, c.pick),
      on,
      profile,
    };
  if (k === types.length + 1) {
    const id = pickOf([...allRecords(s.activities).map((a) => a.id), 'a-new'], c.alt);
    return {
      type: 'record-activity',
      activity: { id, branchId: ORG.branchFood, kind: 'themed-party-day', title: '主题党日', on },
    };
  }
  const b = getRecord(s.brands, brandId);
  return stepCommand(pickOf(types, k), brandId, on, c.pick, b ? lastOn(b) : on);
}

/** The lifecycle oracle: which code a command out of order (or against 一支部一品牌) must be refused with. */
function refusal(s: BrandState, c: BrandCommand): string | undefined {
  switch (c.type) {
    case 'draft':
      if (getRecord(s.brands, c.brandId)) return 'brand/duplicate-brand';
      return activeOn(s, c.branchId) === undefined ? undefined : 'brand/second-active-brand';
    case 'record-activity':
      return getRecord(s.activities, c.activity.id) ? 'brand/duplicate-record' : undefined;
    case 'record-achievement':
    case 'record-honor':
      return undefined;
    default: {
      const b = getRecord(s.brands, c.brandId);
      if (!b) return 'brand/unknown-brand';
      if (b.stage.status === 'revoked') return 'brand/brand-revoked';
      if (!FROM[c.type].includes(b.stage.status))
        return c.type === 'declare' && (b.stage.status === 'named' || b.stage.status === 'under-review')
          ? 'brand/already-named'
          : 'brand/step-out-of-order';
      if (c.type === 'hand-over' && c.toBranchId !== b.branchId && activeOn(s, c.toBranchId) !== undefined)
        return 'brand/second-active-brand';
      return undefined;
    }
  }
}

const ids = (s: BrandState): string[] => [
  ...allRecords(s.brands).map((b) => `brand:${b.id}`),
  ...allRecords(s.activities).map((a) => `activity:${a.id}`),
];

/** The brand register as a random-walk model. */
function brandModel(
  decider: Decider<BrandState, BrandCommand, BrandEvent>,
): RandomModel<BrandState, BrandCommand, BrandEvent> {
  return {
    name: 'brand',
    decider,
    start: '2020-01-06',
    waits: fc.constantFrom(0, 0, 1, 3, 14, 60),
    context: (day) => fixedContext({ now: `${day}T09:00:00+08:00` as Instant, actor: 'u-organ-committee' }),
    next(s, day, c): Attempt<BrandCommand> {
      if (c.mode < 75) return { command: pickOf(allowed(s, day, c.alt), c.pick), valid: true };
      return { command: anyCommand(s, day, c), valid: false };
    },
    refusal,
    invariants: brandInvariants,
    ids,
  };
}

describe('brand model: random long walks', () => {
  it('seeded walks of 30–200 commands keep 一支部一品牌 after every step, refuse every skipped step, and replay', () => {
    const r = checkRandom(brandModel(brandDecider), { seed: 20201016, numRuns: 80, minLength: 30, maxLength: 200 });
    console.info(formatReport('brand', r));
    expect(r.sequences).toBe(80);
    expect(r.longest).toBeGreaterThan(150);
    expect(r.predictedRefusals).toBeGreaterThan(1000);
    expect(r.accepted).toBeGreaterThan(r.commands / 2);
    // The walks reach the far end of the lifecycle, and go round it again after a downgrade.
    for (const type of ['brand-named', 'periodic-review-concluded', 'brand-handed-over', 'brand-revoked'])
      expect(r.eventTypes[type] ?? 0, type).toBeGreaterThan(20);
  });
});

describe('brand model: the walk catches a broken decider', () => {
  it('a revocation that keeps the branch taken breaks 一支部一品牌', () => {
    const d: Decider<BrandState, BrandCommand, BrandEvent> = {
      ...brandDecider,
      initialState: { version: 0, brands: {}, activeByBranch: {}, activities: {} },
      evolve(draft, e) {
        const before = e.type === 'brand-revoked' ? getRecord(draft.brands, e.brandId)?.branchId : undefined;
        brandDecider.evolve(draft, e);
        if (before !== undefined && e.type === 'brand-revoked') putRecord(draft.activeByBranch, before, e.brandId);
      },
    };
    const quick = { seed: 20201016, numRuns: 30, minLength: 30, maxLength: 200, endOnFailure: true } as const;
    expect(() => checkRandom(brandModel(d), quick)).toThrow(/invariant broken: activeByBranch names/);
  });
});
