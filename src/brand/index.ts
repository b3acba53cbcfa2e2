/**
 * Branch brands (一支部一品牌): each party branch's brand profile — name, slogan, logo, connotation,
 * working method, the four facets 精心学习·精准服务·精细作风·精致品牌 — its lifecycle from declaration
 * through cultivation, review and naming to periodic review, its measured achievements, honors and
 * activities, and portfolio views of which branches have a brand, at which stage, with what evidence.
 * @module brand
 */

export {
  type BrandCard,
  type BrandCardOptions,
  type BrandCardRow,
  brandCard,
  formatMeasure,
  formatNumber,
} from './card.js';
export { type BrandCommand, BrandCommandSchema, type BrandCommandType } from './commands.js';
export { type BrandDeciderOptions, brandDecider, createBrandDecider } from './decider.js';
export type { BrandErrorCode } from './errors.js';
export type { BrandEvent, BrandEventType } from './events.js';
export * from './labels.js';
export {
  BRAND_METRICS,
  type BrandMetricName,
  type BrandMetricsOptions,
  type BrandMetricTable,
  metrics,
  metricsOfBranches,
} from './metrics.js';
export { parseBrandCommand } from './parse.js';
export {
  branchesOf,
  type Portfolio,
  type PortfolioBranch,
  type PortfolioEntry,
  type PortfolioOptions,
  type PortfolioTotals,
  portfolio,
  portfolioOfBranches,
  portfolioRows,
} from './portfolio.js';
export {
  achievementsByFacet,
  activeBrandOf,
  activitiesOf,
  type BrandAsOf,
  brandAsOf,
  brandOfBranchAsOf,
  brandsOfBranch,
  funnelRates,
  type Growth,
  getBrand,
  growthOf,
  listBrands,
} from './queries.js';
export * from './schema.js';
export * from './state.js';
