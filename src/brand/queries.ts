import { allRecords, compareDates, forEachRecord, getRecord, type IsoDate, type LocalizedName } from '../core/index.js';
import type { Achievement, Activity, BrandFacet, Measure } from './schema.js';
import { BRAND_FACETS } from './schema.js';
import type { BranchBrand, BrandState, BrandStatus, BrandStep } from './state.js';

interface BrandIndex {
  /** Every brand a branch ever held (hand-overs included), oldest first. */
  readonly brandsByBranch: ReadonlyMap<string, readonly BranchBrand[]>;
  /** Activities per branch, by date then id. */
  readonly activitiesByBranch: ReadonlyMap<string, readonly Activity[]>;
}

const indexes = new WeakMap<BrandState, BrandIndex>();

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the query index of a state once; later queries on the same state reuse it. */
function indexOf(state: BrandState): BrandIndex {
  const cached = indexes.get(state);
  if (cached) return cached;
  const brandsByBranch = new Map<string, BranchBrand[]>();
  for (const brand of allRecords(state.brands)) {
    const held = new Set([brand.branchId, ...brand.handOvers.map((h) => h.fromBranchId)]);
    for (const branchId of held) push(brandsByBranch, branchId, brand);
  }
  for (const list of brandsByBranch.values())
    list.sort((a, b) => compareDates(a.createdOn, b.createdOn) || a.id.localeCompare(b.id));
  const activitiesByBranch = new Map<string, Activity[]>();
  forEachRecord(state.activities, (a) => push(activitiesByBranch, a.branchId, a));
  for (const list of activitiesByBranch.values())
    list.sort((a, b) => compareDates(a.on, b.on) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = { brandsByBranch, activitiesByBranch };
  indexes.set(state, index);
  return index;
}

/**
 * The brand with this id, revoked ones included.
 * @category Brand
 * @example
 * getBrand(state, 'brand-shi-an')?.profile.name['zh-CN']; // '食安卫士'
 */
export function getBrand(state: BrandState, brandId: string): BranchBrand | undefined {
  return getRecord(state.brands, brandId);
}

/**
 * Every brand on record, sorted by id.
 * @category Brand
 * @example
 * listBrands(state).length; // 15
 */
export function listBrands(state: BrandState): readonly BranchBrand[] {
  return allRecords(state.brands);
}

/**
 * The one active brand of a branch now, if it has one.
 * @category Brand
 * @example
 * activeBrandOf(state, 'po-weihai-b10')?.profile.name['zh-CN']; // '鼎力维权'
 */
export function activeBrandOf(state: BrandState, branchId: string): BranchBrand | undefined {
  const id = getRecord(state.activeByBranch, branchId);
  return id === undefined ? undefined : getRecord(state.brands, id);
}

/**
 * Every brand a branch has held, withdrawn and handed-over ones included, oldest first.
 * @category Brand
 * @example
 * brandsOfBranch(state, 'po-weihai-b10').map((b) => b.stage.status); // ['revoked', 'named']
 */
export function brandsOfBranch(state: BrandState, branchId: string): readonly BranchBrand[] {
  return indexOf(state).brandsByBranch.get(branchId) ?? [];
}

/**
 * The activities of a branch, by date, optionally within a closed range of days.
 * @category Brand
 * @example
 * activitiesOf(state, 'po-weihai-b14', { to: '2020-08-31' }).at(-1)?.title;
 */
export function activitiesOf(
  state: BrandState,
  branchId: string,
  range: { readonly from?: IsoDate; readonly to?: IsoDate } = {},
): readonly Activity[] {
  const all = indexOf(state).activitiesByBranch.get(branchId) ?? [];
  if (range.from === undefined && range.to === undefined) return all;
  return all.filter(
    (a) =>
      (range.from === undefined || compareDates(a.on, range.from) >= 0) &&
      (range.to === undefined || compareDates(a.on, range.to) <= 0),
  );
}

/**
 * A brand's achievements grouped by the four facets, each list in the order recorded.
 * @category Brand
 * @example
 * achievementsByFacet(brand).service.map((a) => a.title); // ['消费维权服务站']
 */
export function achievementsByFacet(brand: Pick<BranchBrand, 'achievements'>): {
  readonly [F in BrandFacet]: readonly Achievement[];
} {
  const out = { study: [], service: [], conduct: [], brand: [] } as { [F in BrandFacet]: Achievement[] };
  for (const a of brand.achievements) out[a.facet].push(a);
  for (const f of BRAND_FACETS) Object.freeze(out[f]);
  return out;
}

/** The growth of a figure over its baseline: absolute, as a ratio, and in percent rounded to 0.01. @category Brand */
export interface Growth {
  readonly from: number;
  readonly to: number;
  readonly delta: number;
  /** `delta / from`; absent when the baseline is 0. */
  readonly ratio?: number;
  /** `ratio × 100`, rounded half away from zero to two decimals (86.09 for 1,129 → 2,101). */
  readonly percent?: number;
}

function round2(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + Number.EPSILON)) / 100;
}

/**
 * The growth a quantity shows over its baseline (computed, never typed in); undefined without a baseline
 * or for a funnel.
 * @category Brand
 * @example
 * growthOf({ kind: 'quantity', value: 2101, unit: 'm²', baseline: { value: 1129, unit: 'm²' } });
 * // { from: 1129, to: 2101, delta: 972, ratio: 0.8609…, percent: 86.09 }
 */
export function growthOf(measure: Measure): Growth | undefined {
  if (measure.kind !== 'quantity' || !measure.baseline || measure.baseline.unit !== measure.unit) return undefined;
  const from = measure.baseline.value;
  const to = measure.value;
  const delta = to - from;
  if (from === 0) return { from, to, delta };
  const ratio = delta / Math.abs(from);
  return { from, to, delta, ratio, percent: round2(ratio * 100) };
}

/**
 * How much of a funnel survives from one stage to the next (285 / 3,468 = 8.22%), in percent rounded to 0.01.
 * @category Brand
 * @example
 * funnelRates({ kind: 'funnel', stages: [{ label: '线索', count: 3468, unit: '条' }, { label: '整改', count: 285, unit: '起' }] });
 * // [8.22]
 */
export function funnelRates(measure: Measure): readonly number[] {
  if (measure.kind !== 'funnel') return [];
  const rates: number[] = [];
  for (let i = 1; i < measure.stages.length; i++) {
    const prev = measure.stages[i - 1]?.count ?? 0;
    const cur = measure.stages[i]?.count ?? 0;
    rates.push(prev === 0 ? 0 : round2((cur / prev) * 100));
  }
  return rates;
}

/** A brand as it stood on a given day: its status, holding branch and name then. @category Brand */
export interface BrandAsOf {
  readonly brand: BranchBrand;
  readonly status: BrandStatus;
  readonly branchId: string;
  readonly name: LocalizedName;
  readonly namedOn?: IsoDate;
}

/** The status each history step leads to; steps that do not change the status are absent. */
const STATUS_AFTER: { readonly [S in BrandStep['step']]?: BrandStatus } = {
  drafted: 'draft',
  declared: 'declared',
  'cultivation-started': 'cultivating',
  selected: 'reviewed',
  named: 'named',
  'periodic-review-started': 'under-review',
  kept: 'named',
  downgraded: 'cultivating',
  withdrawn: 'revoked',
  revoked: 'revoked',
};

/**
 * Where a brand stood on a day, rebuilt from its dated history: status, holding branch, name; undefined
 * before it was drafted.
 * @category Brand
 * @example
 * brandAsOf(brand, '2019-12-31')?.status; // 'cultivating'
 */
export function brandAsOf(brand: BranchBrand, asOf: IsoDate): BrandAsOf | undefined {
  if (compareDates(brand.createdOn, asOf) > 0) return undefined;
  let status: BrandStatus = 'draft';
  let namedOn: IsoDate | undefined;
  for (const s of brand.history) {
    if (compareDates(s.on, asOf) > 0) break;
    const next = STATUS_AFTER[s.step];
    if (next) status = next;
    if (s.step === 'named') namedOn = s.on;
    if (s.step === 'downgraded') namedOn = undefined;
  }
  let branchId = brand.handOvers[0]?.fromBranchId ?? brand.branchId;
  for (const h of brand.handOvers) if (compareDates(h.on, asOf) <= 0) branchId = h.toBranchId;
  const former = brand.formerNames.find((f) => compareDates(f.until, asOf) > 0);
  return {
    brand,
    status,
    branchId,
    name: former ? former.name : brand.profile.name,
    ...(namedOn === undefined || status === 'revoked' ? {} : { namedOn }),
  };
}

/**
 * The brand a branch held on a day (the one not withdrawn by then), if any.
 * @category Brand
 * @example
 * brandOfBranchAsOf(state, 'po-weihai-b10', '2020-08-31')?.status; // 'named'
 */
export function brandOfBranchAsOf(state: BrandState, branchId: string, asOf: IsoDate): BrandAsOf | undefined {
  let found: BrandAsOf | undefined;
  for (const brand of brandsOfBranch(state, branchId)) {
    const then = brandAsOf(brand, asOf);
    if (then && then.branchId === branchId && then.status !== 'revoked') found = then;
  }
  return found;
}
