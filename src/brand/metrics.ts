import { compareDates, forEachRecord, type IsoDate, type MetricInfo } from '../core/index.js';
import type { OrgDirectory, PartyOrgKind } from '../org/index.js';
import { branchesOf, type PortfolioBranch, portfolioOfBranches } from './portfolio.js';
import { activitiesOf } from './queries.js';
import type { BrandState } from './state.js';

/**
 * The stable names of the brand metrics, with their labels: what `rating` reads as computed indicators.
 * Names are public API and never change meaning.
 * @category Brand
 */
export const BRAND_METRICS = {
  'brand.branches': {
    label: { 'zh-CN': '党支部数', en: 'branches' },
    unit: 'count',
    better: 'higher',
    definition: { 'zh-CN': '当日存续的党支部数', en: 'Party branches in force on the day' },
  },
  'brand.brands': {
    label: { 'zh-CN': '支部品牌数', en: 'branch brands' },
    unit: 'count',
    better: 'higher',
    definition: { 'zh-CN': '当日未撤销的支部品牌数', en: 'Brands not withdrawn on the day' },
  },
  'brand.coverage': {
    label: { 'zh-CN': '品牌覆盖率', en: 'brand coverage' },
    unit: 'ratio',
    better: 'higher',
    definition: {
      'zh-CN': '有品牌的支部 ÷ 支部数（无支部时为 0）',
      en: 'Branches with a brand ÷ branches (0 with no branch)',
    },
  },
  'brand.named': {
    label: { 'zh-CN': '已命名品牌数', en: 'named brands' },
    unit: 'count',
    better: 'higher',
    definition: { 'zh-CN': '已命名或复核中的品牌数', en: 'Brands named or under periodic review' },
  },
  'brand.named-share': {
    label: { 'zh-CN': '命名品牌占比', en: 'named share' },
    unit: 'ratio',
    better: 'higher',
    definition: { 'zh-CN': '已命名品牌 ÷ 支部数（无支部时为 0）', en: 'Named brands ÷ branches (0 with no branch)' },
  },
  'brand.achievements': {
    label: { 'zh-CN': '成效条数', en: 'achievements' },
    unit: 'count',
    better: 'higher',
    definition: { 'zh-CN': '统计期已结束的成效条数', en: 'Achievements whose period has ended' },
  },
  'brand.honors': {
    label: { 'zh-CN': '荣誉数', en: 'honors' },
    unit: 'count',
    better: 'higher',
    definition: { 'zh-CN': '截至当日的荣誉数', en: 'Honors up to the day' },
  },
  'brand.activities': {
    label: { 'zh-CN': '支部活动数', en: 'activities' },
    unit: 'count',
    better: 'higher',
    definition: {
      'zh-CN': '统计期内的支部活动数（含期内撤并支部的活动，计入承继单位）',
      en: 'Branch activities in the window, those of branches ended within it included (credited to the successor)',
    },
  },
  'brand.activities-per-branch': {
    label: { 'zh-CN': '支部平均活动数', en: 'activities per branch' },
    unit: 'per-branch',
    better: 'higher',
    definition: { 'zh-CN': '支部活动数 ÷ 支部数（无支部时为 0）', en: 'Activities ÷ branches (0 with no branch)' },
  },
} as const satisfies Readonly<Record<string, MetricInfo>>;

/** The name of a brand metric. @category Brand */
export type BrandMetricName = keyof typeof BRAND_METRICS;

/** Named numbers per unit id: the shape `rating` reads. @category Brand */
export type BrandMetricTable = { readonly [unitId: string]: { readonly [M in BrandMetricName]: number } };

/** Options of {@link metrics}. @category Brand */
export interface BrandMetricsOptions {
  readonly groupBy: 'unit';
  readonly directory: OrgDirectory;
  /** The day the figures stand on. */
  readonly asOf: IsoDate;
  /**
   * Count activities from this day on (inclusive); all up to `asOf` when absent. With a window, the
   * activities of branches that ended inside it (merged, dissolved) count too, for the unit `unitOf`
   * credits them to: a successor keeps its predecessors' party days.
   */
  readonly from?: IsoDate;
  /** The party-organization kinds that hold brands; `['branch']` by default. */
  readonly holderKinds?: readonly PartyOrgKind[];
  /**
   * Maps a branch's unit id to the unit credited with it, e.g. a merged station to its successor
   * (`(id) => successorOf(directory, id, asOf)`). Identity by default.
   */
  readonly unitOf?: (unitId: string) => string;
}

/**
 * The brand figures of branch lists grouped by unit, for hosts without an org directory.
 * @category Brand
 * @example
 * metricsOfBranches(state, branches, { asOf: '2020-08-31' })['wh']?.['brand.coverage']; // 1
 */
export function metricsOfBranches(
  state: BrandState,
  branches: readonly PortfolioBranch[],
  window: {
    readonly asOf: IsoDate;
    readonly from?: IsoDate;
    readonly unitOf?: (unitId: string) => string;
    /** Branches that ended inside the window: their activities count, they do not. */
    readonly ended?: readonly PortfolioBranch[];
  },
): BrandMetricTable {
  const byUnit = new Map<string, PortfolioBranch[]>();
  for (const b of branches) {
    const unitId = window.unitOf ? window.unitOf(b.unitId) : b.unitId;
    const list = byUnit.get(unitId);
    if (list) list.push(b);
    else byUnit.set(unitId, [b]);
  }
  const endedByUnit = new Map<string, string[]>();
  for (const b of window.ended ?? []) {
    const unitId = window.unitOf ? window.unitOf(b.unitId) : b.unitId;
    const list = endedByUnit.get(unitId);
    if (list) list.push(b.id);
    else endedByUnit.set(unitId, [b.id]);
  }
  const out: Record<string, { readonly [M in BrandMetricName]: number }> = {};
  for (const unitId of [...byUnit.keys()].sort()) {
    const p = portfolioOfBranches(state, byUnit.get(unitId) ?? [], window.asOf);
    const from = window.from;
    const inWindow = (branchId: string) =>
      from === undefined ? 0 : activitiesOf(state, branchId, { from, to: window.asOf }).length;
    const activities =
      from === undefined
        ? p.totals.activities
        : p.entries.reduce((n, e) => n + inWindow(e.branch.id), 0) +
          (endedByUnit.get(unitId) ?? []).reduce((n, id) => n + inWindow(id), 0);
    const t = p.totals;
    out[unitId] = {
      'brand.branches': t.branches,
      'brand.brands': t.brands,
      'brand.coverage': t.coverage,
      'brand.named': t.named,
      'brand.named-share': t.namedShare,
      'brand.achievements': t.achievements,
      'brand.honors': t.honors,
      'brand.activities': activities,
      'brand.activities-per-branch': t.branches === 0 ? 0 : activities / t.branches,
    };
  }
  return out;
}

// A branch that stood on some day of the window but no longer stands on its last day.
function branchesEndedWithin(
  directory: OrgDirectory,
  from: IsoDate,
  asOf: IsoDate,
  kinds: readonly PartyOrgKind[],
): PortfolioBranch[] {
  const out: PortfolioBranch[] = [];
  forEachRecord(directory.partyOrgs, (p) => {
    if (!kinds.includes(p.kind) || p.validTo === undefined) return;
    if (compareDates(p.validTo, from) < 0 || compareDates(p.validTo, asOf) >= 0) return;
    if (compareDates(p.validFrom, asOf) > 0) return;
    out.push({ id: p.id, name: p.name, unitId: p.unitId });
  });
  return out;
}

/**
 * The brand figures of every unit with branches, under the stable names of {@link BRAND_METRICS}: brand
 * coverage, named share, activities per branch and the counts behind them. Units appear sorted by id.
 * @category Brand
 * @example
 * const table = metrics(state, { groupBy: 'unit', directory, asOf: '2020-08-31' });
 * table['wh']?.['brand.coverage']; // 1
 */
export function metrics(state: BrandState, options: BrandMetricsOptions): BrandMetricTable {
  const branches = branchesOf(options.directory, options.asOf, {
    ...(options.holderKinds ? { holderKinds: options.holderKinds } : {}),
  });
  const from = options.from;
  const ended =
    from === undefined
      ? []
      : branchesEndedWithin(options.directory, from, options.asOf, options.holderKinds ?? ['branch']);
  return metricsOfBranches(state, branches, {
    asOf: options.asOf,
    ...(from === undefined ? {} : { from, ended }),
    ...(options.unitOf === undefined ? {} : { unitOf: options.unitOf }),
  });
}
