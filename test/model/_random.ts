import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect } from 'vitest';
import {
  addDays,
  type Context,
  type Decider,
  execute,
  type IsoDate,
  type Recorded,
  replay,
  type Typed,
  type VersionedState,
} from '../../src/core/index.js';
import { deepFreeze } from '../helpers/freeze.js';

/**
 * One random step: raw numbers a model turns into a command for the state it is in. Keeping the choice apart from the
 * command lets fast-check shrink a failing walk while every command stays meaningful for its state.
 */
export interface Choice {
  /** 0–99: which kind of command the step tries (each model splits the range its own way). */
  readonly mode: number;
  /** Picks among candidates (modulo their count). */
  readonly pick: number;
  /** A second, independent pick: the record a command targets, or one of its options. */
  readonly alt: number;
  /** Days the clock moves on before the step. */
  readonly wait: number;
}

/** A command the model proposes, and whether the model says the decider must accept it. */
export interface Attempt<C> {
  readonly command: C;
  /** True when the model predicts acceptance (with events, or as a no-op); false when anything may happen. */
  readonly valid: boolean;
}

/** What a workflow gives the random walker: how to propose commands, what must be refused, and what must hold. */
export interface RandomModel<S extends VersionedState, C extends Typed, E extends Typed> {
  readonly name: string;
  readonly decider: Decider<S, C, E>;
  /** The first day of every walk. */
  readonly start: IsoDate;
  /** Days the clock moves on before a step. */
  readonly waits: fc.Arbitrary<number>;
  /** The context a command is executed in on `day`. */
  context(day: IsoDate): Context;
  /** The command for one step, from a random choice. */
  next(state: S, day: IsoDate, choice: Choice): Attempt<C>;
  /**
   * The step-order oracle: the code the decider must refuse `command` with in `state` because it skips, repeats or
   * duplicates a step, or `undefined` when the order allows it (the decider may still refuse it for other reasons).
   */
  refusal(state: S, command: C, day: IsoDate): string | undefined;
  /** The invariants of every reachable state (the same ones the enumeration checks). */
  invariants(state: S, day: IsoDate): void;
  /** Every record id in the state, tagged with its kind (`problem:p-1`). */
  ids(state: S): readonly string[];
}

/** What a random run covered. */
export interface WalkReport {
  readonly sequences: number;
  readonly commands: number;
  /** Commands accepted with at least one event. */
  readonly accepted: number;
  /** Commands accepted with no event (same state object). */
  readonly noOps: number;
  readonly refused: number;
  /** Refusals the step-order oracle predicted and whose code was checked. */
  readonly predictedRefusals: number;
  /** Commands the model said must be accepted (and were). */
  readonly validAccepted: number;
  /** Distinct states reached over all sequences (by their JSON without seq/version). */
  readonly distinctStates: number;
  readonly events: number;
  readonly longest: number;
  /** Events emitted per event type, over all sequences: which parts of the workflow the walks reached. */
  readonly eventTypes: Readonly<Record<string, number>>;
  readonly ms: number;
}

/** Options of {@link checkRandom}. */
export interface RandomOptions {
  readonly seed: number;
  readonly numRuns: number;
  readonly minLength: number;
  readonly maxLength: number;
  /** Stop at the first failure without shrinking (for the sabotage tests that expect one). */
  readonly endOnFailure?: boolean;
}

const MODE_MAX = 99;
/** Accepted steps between two full replays inside a walk (the last replay is always at the end). */
const CHECKPOINT = 40;

function choices(waits: fc.Arbitrary<number>, minLength: number, maxLength: number): fc.Arbitrary<Choice[]> {
  const choice = fc.record({ mode: fc.nat(MODE_MAX), pick: fc.nat(1 << 16), alt: fc.nat(1 << 16), wait: waits });
  // size 'max': lengths spread over the whole range, not biased to short arrays.
  return fc.array(choice, { minLength, maxLength, size: 'max' });
}

/** Picks one element of a non-empty list. */
export function pickOf<T>(list: readonly T[], n: number): T {
  const v = list[n % list.length];
  if (v === undefined) throw new Error('pickOf: empty list');
  return v;
}

interface Tally {
  sequences: number;
  commands: number;
  accepted: number;
  noOps: number;
  refused: number;
  predictedRefusals: number;
  validAccepted: number;
  events: number;
  longest: number;
  eventTypes: Record<string, number>;
}

/** Fails the walk with `message` unless `ok` (plain checks: vitest's expect is too slow for every step). */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Deep equality, decided by vitest's toEqual whenever the JSON of the two differs. */
function sameState(actual: unknown, expected: unknown, message: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, message).toEqual(expected);
}

/** The key of a state for counting distinct ones: its JSON without the bookkeeping that differs between paths. */
function stateKey(state: unknown): string {
  const json = JSON.stringify(state, (k, v) => (k === 'seq' || k === 'version' ? undefined : v));
  return createHash('sha1').update(json).digest('base64');
}

const CODE = /^[a-z]+\/[a-z0-9-]+$/;

/** Runs one walk of `model` driven by `steps`, checking everything after every step. */
function walk<S extends VersionedState, C extends Typed, E extends Typed>(
  model: RandomModel<S, C, E>,
  steps: readonly Choice[],
  tally: Tally,
  seen: Set<string>,
): void {
  const { decider } = model;
  let state = decider.initialState;
  let day = model.start;
  const events: Recorded<E>[] = [];
  const everSeen = new Set<string>();
  const trace: (readonly [IsoDate, C, string | undefined])[] = [];
  let accepted = 0;
  try {
    for (const choice of steps) {
      day = addDays(day, choice.wait);
      const attempt = model.next(state, day, choice);
      const expected = model.refusal(state, attempt.command, day);
      trace.push([day, attempt.command, expected]);
      const r = execute(decider, state, attempt.command, model.context(day));
      tally.commands++;
      const codes = r.ok ? [] : r.errors.map((e) => e.code);
      if (expected !== undefined) {
        check(!r.ok, `out-of-order ${attempt.command.type} accepted; the model expects ${expected}`);
        check(codes.includes(expected), `refused with ${codes.join(', ')}; the model expects ${expected}`);
        tally.predictedRefusals++;
      } else if (attempt.valid) {
        check(r.ok, `${attempt.command.type} is allowed by the model but refused with ${codes.join(', ')}`);
        tally.validAccepted++;
      }
      if (!r.ok) {
        // A refusal carries coded, bilingual errors and nothing else: no state, no events.
        check(Object.keys(r).length === 2 && r.errors.length > 0, 'a refusal carries only its errors');
        for (const e of r.errors)
          check(CODE.test(e.code) && e.message['zh-CN'] !== '' && e.message.en !== '', `error ${e.code} malformed`);
        // The state it was given is frozen (immer freezes every state it produces; the initial one is frozen
        // below), so a decide that wrote to it would have thrown; the walk goes on from that very object.
        check(Object.isFrozen(state), 'the state is frozen');
        tally.refused++;
        continue;
      }
      const { state: next, events: emitted } = r.value;
      if (emitted.length === 0) {
        check(next === state, `${attempt.command.type} with no events returned a new state object`);
        tally.noOps++;
        continue;
      }
      emitted.forEach((e, i) => {
        check(e.seq === state.version + i + 1, `event ${e.type} has seq ${e.seq}`);
      });
      check(next.version === state.version + emitted.length, 'version follows the events');
      check(Object.isFrozen(next), 'the new state is frozen');
      model.invariants(next, day);
      const now = new Set(model.ids(next));
      for (const id of everSeen) check(now.has(id), `record ${id} lost`);
      for (const id of now) everSeen.add(id);
      events.push(...emitted);
      seen.add(stateKey(next));
      tally.accepted++;
      accepted++;
      state = next;
      // Replay every event so far at checkpoints too, so a divergence is caught near the step that caused it.
      if (accepted % CHECKPOINT === 0) sameState(replay(decider, events), state, 'replay at a checkpoint');
    }
    sameState(replay(decider, events), state, 'replay of every event of the walk');
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const lines = trace.map(([d, c, x]) => `${d} ${JSON.stringify(c)}${x ? ` (must be refused: ${x})` : ''}`);
    throw new Error(`${model.name}: ${message}\nafter ${trace.length} commands:\n${lines.join('\n')}`);
  }
  tally.sequences++;
  tally.events += events.length;
  for (const e of events) tally.eventTypes[e.type] = (tally.eventTypes[e.type] ?? 0) + 1;
  tally.longest = Math.max(tally.longest, steps.length);
}

/**
 * Runs `numRuns` seeded random walks of `minLength`–`maxLength` commands through a model: after every accepted step
 * the invariants and that no record was lost, and at checkpoints the replay; after every refusal that nothing changed; for every
 * out-of-order command the predicted code; at the end, that replaying every event rebuilds the state.
 */
export function checkRandom<S extends VersionedState, C extends Typed, E extends Typed>(
  model: RandomModel<S, C, E>,
  options: RandomOptions,
): WalkReport {
  deepFreeze(model.decider.initialState);
  const tally: Tally = {
    sequences: 0,
    commands: 0,
    accepted: 0,
    noOps: 0,
    refused: 0,
    predictedRefusals: 0,
    validAccepted: 0,
    events: 0,
    longest: 0,
    eventTypes: {},
  };
  const seen = new Set<string>();
  const started = performance.now();
  try {
    fc.assert(
      fc.property(choices(model.waits, options.minLength, options.maxLength), (steps) =>
        walk(model, steps, tally, seen),
      ),
      { seed: options.seed, numRuns: options.numRuns, endOnFailure: options.endOnFailure ?? false },
    );
  } catch (e) {
    // fast-check reports raw choices; the commands they became (shrunk) are in the walk's own error, its cause.
    if (!(e instanceof Error)) throw e;
    const header = e.message.split('\n').slice(0, 2).join(' ');
    const detail = e.cause instanceof Error ? e.cause.message : e.message;
    throw new Error(`${header}\n${detail}`, { cause: e });
  }
  return { ...tally, distinctStates: seen.size, ms: Math.round(performance.now() - started) };
}

/** One line for the lead to quote. */
export function formatReport(name: string, r: WalkReport): string {
  return (
    `${name} random walks: ${r.sequences} sequences, ${r.commands} commands (${r.accepted} accepted, ${r.noOps} no-ops, ` +
    `${r.refused} refused; ${r.predictedRefusals} out-of-order refusals checked, ${r.validAccepted} allowed steps ` +
    `accepted), ${r.events} events of ${Object.keys(r.eventTypes).length} types, ${r.distinctStates} distinct states, ` +
    `longest ${r.longest}, ${r.ms} ms`
  );
}
