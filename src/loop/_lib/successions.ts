import { getRecord, type RecordTable } from '../../core/index.js';
import type { LoopState } from '../state.js';

/** A unit's recorded successor, if it was merged away. */
export type SuccessorLookup = (unitId: string) => string | undefined;

/** The lookup over a state's table of successions; a state stored before the table existed has none. */
export function successorLookup(successors: RecordTable<string> | undefined): SuccessorLookup {
  return successors === undefined ? () => undefined : (unitId) => getRecord(successors, unitId);
}

/**
 * The unit that holds `unitId`'s duties now: the last unit of its chain of successions (a→b→c gives
 * c). A chain that comes back on itself (a log assembled outside the decider) stops at the last unit
 * before it repeats, so the walk always ends.
 */
export function endOfChain(next: SuccessorLookup, unitId: string): string {
  let unit = unitId;
  let step = next(unit);
  if (step === undefined) return unit;
  const seen = new Set([unit]);
  while (step !== undefined && !seen.has(step)) {
    seen.add(step);
    unit = step;
    step = next(unit);
  }
  return unit;
}

/** Whether `target` is on the chain of successions that starts at `start` (start included). */
export function chainReaches(next: SuccessorLookup, start: string, target: string): boolean {
  const seen = new Set<string>();
  for (let u: string | undefined = start; u !== undefined && !seen.has(u); u = next(u)) {
    if (u === target) return true;
    seen.add(u);
  }
  return false;
}

/**
 * The lookup as it will be once `from`'s duties pass to `to`. The rehoming says `to` is in force: a
 * succession recorded earlier for `to` whose chain leads back to `from` is superseded (dropped), so
 * the table never holds a cycle and the latest rehoming wins, as it does for the lines it moves.
 */
export function afterSuccession(next: SuccessorLookup, from: string, to: string): SuccessorLookup {
  const dropTo = chainReaches(next, to, from);
  return (u) => (u === from ? to : u === to && dropTo ? undefined : next(u));
}

/**
 * Who owes, in this state, a duty recorded against a unit: the end of its chain of successions,
 * memoized for one pass over the state. The identity while no unit has been rehomed, which is the common case.
 */
export function currentOwner(state: LoopState): (unitId: string) => string {
  // typed as always present, but a state stored before the table existed lacks it
  const table = state.successors as RecordTable<string> | undefined;
  if (table === undefined || Object.values(table).every((shard) => Object.keys(shard).length === 0)) return (u) => u;
  const next = successorLookup(table);
  const memo = new Map<string, string>();
  return (u) => {
    let owner = memo.get(u);
    if (owner === undefined) {
      owner = endOfChain(next, u);
      memo.set(u, owner);
    }
    return owner;
  };
}
