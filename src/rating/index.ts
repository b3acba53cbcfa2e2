/**
 * Rating: versioned indicator systems (指标体系) as data, scoring rules, veto and bonus items,
 * evaluation of one or tens of thousands of units, star levels and who awards them, ranking, gap
 * analysis, and the rating case workflow (评定流程).
 * @module rating
 */

export * from './case/index.js';
export { type CompiledTree, compileTree } from './compile.js';
export { diffTrees, type TreeChange, type TreeChangeKind, type TreeDiff, type TreeItemList } from './diff.js';
export type { RatingErrorCode } from './errors.js';
export { compiledOf, type EvaluateManyOptions, type EvaluateOptions, evaluate, evaluateMany } from './evaluate.js';
export * from './evaluation.js';
export { type GapItem, type GapProposal, gapAnalysis } from './gap.js';
export * from './labels.js';
export * from './migrate.js';
export * from './points/labels.js';
export * from './points/schema.js';
export * from './points/score.js';
export * from './points/taskbook.js';
export { type AwardingBody, type Qualification, type QualifyOptions, type QualifyReason, qualify } from './qualify.js';
export * from './queries.js';
export * from './schema.js';
export * from './scheme.js';
export * from './stars.js';
export { type ParseIndicatorTreeOptions, parseIndicatorTree } from './tree.js';
export * from './views.js';
