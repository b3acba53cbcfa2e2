import type { Decider } from '../core/index.js';
import type { LoopCommand } from './commands.js';
import { decideLoop } from './decide.js';
import type { LoopEvent } from './events.js';
import { evolveLoop } from './evolve.js';
import type { LoopOptions } from './options.js';
import { emptyLoop, type LoopState } from './state.js';

/** The closed-loop workflow as a core decider. @category Loop */
export type LoopDecider = Decider<LoopState, LoopCommand, LoopEvent>;

/**
 * Builds the closed-loop decider with a bureau's own periods (see {@link LoopOptions}); use it
 * with the core's `execute` and `replay`.
 * @category Loop
 * @example
 * const loop = createLoopDecider({ lookBackAfter: { workdays: 20 } });
 * const r = execute(loop, loop.initialState, command, ctx);
 */
export function createLoopDecider(options: LoopOptions = {}): LoopDecider {
  return {
    kind: 'loop',
    initialState: emptyLoop(),
    schemaVersion: 1,
    decide: (state, command, ctx) => decideLoop(state, command, ctx, options),
    evolve: evolveLoop,
    sealsRecords: true,
  };
}

/**
 * The closed-loop decider with the documented defaults ({@link LOOP_DEFAULTS}).
 * @category Loop
 * @example
 * const r = execute(loopDecider, loopDecider.initialState, {
 *   type: 'order-deployment', id: 'dep-1', title: '批批快检', source: { kind: 'document', reference: '威市监发〔2025〕12号' },
 *   orderedBy: '局党组', supervisingUnitId: 'office', leadUnitId: 'dept-food', deadline: { workdays: 20 }, category: '食品安全',
 * }, ctx);
 */
export const loopDecider: LoopDecider = /* @__PURE__ */ createLoopDecider();
