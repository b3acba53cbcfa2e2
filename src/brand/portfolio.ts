import {
  compareDates,
  forEachRecord,
  type IsoDate,
  type Locale,
  type LocalizedName,
  label,
  yearOf,
} from '../core/index.js';
import { findPartyOrg, type OrgDirectory, type PartyOrgKind, subtree } from '../org/index.js';
import { activityKindLabels, brandStatusLabels } from './labels.js';
import { activitiesOf, brandOfBranchAsOf } from './queries.js';
import type { Activity, Honor } from './schema.js';
import type { BrandState, BrandStatus } from './state.js';

/** A branch as the portfolio lists it. @category Brand */
export interface PortfolioBranch {
  readonly id: string;
  readonly name: LocalizedName;
  readonly unitId: string;
}

/** One line of a portfolio: a branch and its brand, or none. @category Brand */
export interface PortfolioEntry {
  readonly branch: PortfolioBranch;
  /** The brand's id, name and status on the day; absent when the branch has no brand. */
  readonly brand?: {
    readonly id: string;
    readonly name: LocalizedName;
    readonly status: Exclude<BrandStatus, 'revoked'>;
    readonly namedOn?: IsoDate;
  };
  /** Achievements whose period had ended by the day. */
  readonly achievements: number;
  /** Honors of years up to the day's year. */
  readonly honors: readonly Honor[];
  /** Activities of the branch up to the day. */
  readonly activities: number;
  readonly lastActivity?: Activity;
}

/** The totals of a portfolio ("15 branches, 15 brands"). @category Brand */
export interface PortfolioTotals {
  readonly branches: number;
  readonly brands: number;
  readonly named: number;
  readonly withoutBrand: number;
  readonly byStatus: { readonly [S in Exclude<BrandStatus, 'revoked'>]: number };
  readonly achievements: number;
  readonly honors: number;
  readonly activities: number;
  /** brands ÷ branches (0 when there is no branch). */
  readonly coverage: number;
  /** named brands ÷ branches (0 when there is no branch). */
  readonly namedShare: number;
}

/** Every branch of a unit with its brand or none, on a day, and the totals. @category Brand */
export interface Portfolio {
  readonly asOf: IsoDate;
  readonly entries: readonly PortfolioEntry[];
  readonly totals: PortfolioTotals;
}

function entryOf(state: BrandState, branch: PortfolioBranch, asOf: IsoDate): PortfolioEntry {
  const then = brandOfBranchAsOf(state, branch.id, asOf);
  const activities = activitiesOf(state, branch.id, { to: asOf });
  const last = activities[activities.length - 1];
  const base = { branch, activities: activities.length, ...(last ? { lastActivity: last } : {}) };
  if (!then || then.status === 'revoked') return { ...base, achievements: 0, honors: [] };
  const year = yearOf(asOf);
  return {
    ...base,
    brand: {
      id: then.brand.id,
      name: then.name,
      status: then.status,
      ...(then.namedOn === undefined ? {} : { namedOn: then.namedOn }),
    },
    achievements: then.brand.achievements.filter((a) => compareDates(a.period.to, asOf) <= 0).length,
    honors: then.brand.honors.filter((h) => h.year <= year && (h.on === undefined || compareDates(h.on, asOf) <= 0)),
  };
}

/**
 * The portfolio of a given list of branches on a day, for hosts that keep branches outside an org
 * directory. Entries keep the order of the list.
 * @category Brand
 * @example
 * portfolioOfBranches(state, [{ id: 'wh-b10', name: { 'zh-CN': '机关第十党支部' }, unitId: 'wh' }], '2020-08-31')
 *   .totals.brands; // 1
 */
export function portfolioOfBranches(state: BrandState, branches: readonly PortfolioBranch[], asOf: IsoDate): Portfolio {
  const entries = branches.map((b) => entryOf(state, b, asOf));
  const byStatus = { draft: 0, declared: 0, cultivating: 0, reviewed: 0, named: 0, 'under-review': 0 };
  let brands = 0;
  let achievements = 0;
  let honors = 0;
  let activities = 0;
  for (const e of entries) {
    activities += e.activities;
    if (!e.brand) continue;
    brands++;
    byStatus[e.brand.status]++;
    achievements += e.achievements;
    honors += e.honors.length;
  }
  const named = byStatus.named + byStatus['under-review'];
  const n = entries.length;
  return {
    asOf,
    entries,
    totals: {
      branches: n,
      brands,
      named,
      withoutBrand: n - brands,
      byStatus,
      achievements,
      honors,
      activities,
      coverage: n === 0 ? 0 : brands / n,
      namedShare: n === 0 ? 0 : named / n,
    },
  };
}

/** Options of {@link portfolio} and {@link branchesOf}. @category Brand */
export interface PortfolioOptions {
  /** The unit whose branches are listed; every unit when absent. */
  readonly unitId?: string;
  /** Also list the branches of the unit's sub-units (county bureaus, stations…); false by default. */
  readonly includeSubunits?: boolean;
  /** The party-organization kinds that hold brands; `['branch']` by default. */
  readonly holderKinds?: readonly PartyOrgKind[];
}

/**
 * The brand-holding party organizations of a unit in force on a day, from the org directory, sorted by id (digits compared as numbers, so wh-b2 comes before wh-b10).
 * @category Brand
 * @example
 * branchesOf(directory, '2020-08-31', { unitId: 'wh' }).length; // 15
 */
export function branchesOf(directory: OrgDirectory, asOf: IsoDate, options: PortfolioOptions = {}): PortfolioBranch[] {
  const kinds: readonly string[] = options.holderKinds ?? ['branch'];
  const units =
    options.unitId === undefined
      ? undefined
      : new Set(options.includeSubunits ? subtree(directory, options.unitId, asOf) : [options.unitId]);
  const out: PortfolioBranch[] = [];
  forEachRecord(directory.partyOrgs, (p) => {
    if (!kinds.includes(p.kind) || (units && !units.has(p.unitId)) || !findPartyOrg(directory, p.id, asOf)) return;
    out.push({ id: p.id, name: p.name, unitId: p.unitId });
  });
  return out.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

/**
 * Every branch of a unit with its brand (or none) on a day — status, achievements, honors, last activity —
 * and totals such as Weihai's "15 branches, 15 brands". Brands are taken as they stood that day.
 * @category Brand
 * @example
 * const p = portfolio(state, directory, '2020-08-31', { unitId: 'wh' });
 * p.totals.branches; // 15
 * p.totals.brands; // 15
 */
export function portfolio(
  state: BrandState,
  directory: OrgDirectory,
  asOf: IsoDate,
  options: PortfolioOptions = {},
): Portfolio {
  return portfolioOfBranches(state, branchesOf(directory, asOf, options), asOf);
}

/**
 * A portfolio as printable rows, with column headers in the locale.
 * @category Brand
 * @example
 * console.table(portfolioRows(portfolio(state, directory, '2020-08-31', { unitId: 'wh' })));
 */
export function portfolioRows(p: Portfolio, locale: Locale = 'zh-CN'): Record<string, string | number>[] {
  const zh = locale === 'zh-CN';
  const none = zh ? '（无）' : '(none)';
  return p.entries.map((e) => ({
    [zh ? '党支部' : 'Branch']: (locale === 'en' ? e.branch.name.en : undefined) ?? e.branch.name['zh-CN'],
    [zh ? '品牌' : 'Brand']: e.brand
      ? ((locale === 'en' ? e.brand.name.en : undefined) ?? e.brand.name['zh-CN'])
      : none,
    [zh ? '状态' : 'Status']: e.brand ? label(brandStatusLabels, e.brand.status, locale) : none,
    [zh ? '成效' : 'Achievements']: e.achievements,
    [zh ? '荣誉' : 'Honors']: e.honors.length,
    [zh ? '活动' : 'Activities']: e.activities,
    [zh ? '最近活动' : 'Last activity']: e.lastActivity
      ? `${e.lastActivity.on} ${label(activityKindLabels, e.lastActivity.kind, locale)}`
      : '',
  }));
}
