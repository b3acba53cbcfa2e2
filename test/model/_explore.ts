import { expect } from 'vitest';
import { type Context, type Decider, execute, type Recorded, replay, type Typed } from '../../src/core/index.js';

/** One concrete move of a workflow: a command and the context it is given in. */
export interface Move<C> {
  readonly command: C;
  readonly ctx: Context;
}

/** What a breadth-first exploration covered. */
export interface Coverage {
  /** Distinct reachable states (by canonical key), the initial one included. */
  readonly states: number;
  /** Accepted command sequences explored: one per accepted move from each distinct state at each depth. */
  readonly sequences: number;
  /** Commands tried, refused ones included. */
  readonly attempts: number;
  /** The deepest level that still produced a new state. */
  readonly depth: number;
}

// Canonical key: sorted keys, without the bookkeeping fields (seq, version) that differ between paths to one state.
export function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => k !== 'seq' && k !== 'version')
    .sort();
  return `{${keys.map((k) => `${k}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/**
 * Explores every sequence of moves up to `maxDepth`, breadth-first over distinct states: checks the invariants on
 * each new state, that replaying its events gives the same state, and that a refused move left the state alone.
 */
export function explore<S extends { version: number }, C extends Typed, E extends Typed>(
  decider: Decider<S, C, E>,
  moves: readonly Move<C>[],
  maxDepth: number,
  invariants: (state: S) => void,
): Coverage {
  type Node = { state: S; events: readonly Recorded<E>[] };
  const seen = new Set<string>([canonical(decider.initialState)]);
  let frontier: Node[] = [{ state: decider.initialState, events: [] }];
  invariants(decider.initialState);
  let sequences = 0;
  let attempts = 0;
  let depth = 0;
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const next: Node[] = [];
    for (const node of frontier) {
      const before = canonical(node.state);
      for (const move of moves) {
        attempts++;
        const r = execute(decider, node.state, move.command, move.ctx);
        if (!r.ok) continue;
        if (r.value.events.length === 0) {
          expect(r.value.state).toBe(node.state);
          continue;
        }
        sequences++;
        const key = canonical(r.value.state);
        if (seen.has(key)) continue;
        seen.add(key);
        const events = [...node.events, ...r.value.events];
        invariants(r.value.state);
        expect(replay(decider, events)).toEqual(r.value.state);
        next.push({ state: r.value.state, events });
      }
      // execute must not have changed the state it was given
      expect(canonical(node.state)).toBe(before);
    }
    if (next.length > 0) depth = d;
    frontier = next;
  }
  return { states: seen.size, sequences, attempts, depth };
}
