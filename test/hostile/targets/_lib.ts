/**
 * What every hostile target file shares: the target shape, and commands run through `execute` on a small,
 * deep-frozen, valid state.
 */
import { type Context, type Decider, execute, type Result, type Typed, unwrap } from '../../../src/core/index.js';
import { deepFreeze } from '../../helpers/freeze.js';

export interface HostileTarget {
  readonly label: string;
  readonly sample: unknown;
  readonly run: (input: unknown) => Result<unknown>;
}

/** Runs commands in order from the decider's initial state; the result is deep-frozen. */
export function stateAfter<S extends { version: number }, C extends Typed, E extends Typed>(
  decider: Decider<S, C, E>,
  commands: readonly C[],
  ctx: Context,
): S {
  let state = decider.initialState;
  for (const c of commands) state = unwrap(execute(decider, state, c, ctx)).state;
  return deepFreeze(state);
}

/**
 * A command target: the hostile command runs through `execute` on a deep-frozen state (so any write to it throws),
 * and a refusal must hand back nothing but errors.
 */
export function command<S extends { version: number }, C extends Typed, E extends Typed>(
  label: string,
  decider: Decider<S, C, E>,
  state: S,
  sample: C | undefined,
  ctx: Context,
): HostileTarget {
  if (sample === undefined) throw new Error(`${label}: no sample command`);
  return {
    label,
    sample,
    run: (input) => execute(decider, state, input as C, ctx),
  };
}
