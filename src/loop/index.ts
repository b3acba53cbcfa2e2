/**
 * Closed-loop supervision (闭环工作法, 五凡五必): deployments → inspections → notices → problems →
 * supervision orders → resolutions → look-backs → strike-off, as one event-sourced aggregate; the
 * two ledgers (台账), broken-link detection on working days, escalation colours, metrics for
 * rating, and work plans with their quarterly review.
 * @module loop
 */

export * from './commands.js';
export { decideLoop } from './decide.js';
export { createLoopDecider, type LoopDecider, loopDecider } from './decider.js';
export type { LoopErrorCode } from './errors.js';
export * from './events.js';
export { evolveLoop } from './evolve.js';
export * from './flow.js';
export * from './labels.js';
export * from './ledger.js';
export * from './metrics.js';
export { LOOP_DEFAULTS, type LoopOptions } from './options.js';
export * from './plan.js';
export * from './queries.js';
export * from './review.js';
export * from './schema.js';
export * from './state.js';
export * from './views.js';
