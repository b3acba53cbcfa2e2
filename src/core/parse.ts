import type { z } from 'zod';
import type { DomainError, Path } from './errors.js';
import { coreError } from './errors-core.js';
import { type Compiled, compileSchema, type FastParse, INVALID, jitAvailable } from './jit.js';
import { type Err, err, ok, type Result } from './result.js';
import { type InputLimits, quickScan, reportInput, resolveLimits } from './scan.js';

export { checkInput, DEFAULT_INPUT_LIMITS, type InputLimits } from './scan.js';

type Issue = z.core.$ZodIssue;

function translate(issue: Issue, prefix: Path): DomainError {
  const path: Path = [...prefix, ...(issue.path as (string | number)[])];
  switch (issue.code) {
    case 'invalid_type':
      return issue.message.includes('received undefined')
        ? coreError('core/required', { expected: issue.expected }, path)
        : coreError('core/invalid-type', { expected: issue.expected }, path);
    case 'too_big':
      return coreError('core/out-of-range', { origin: issue.origin, bound: 'max', limit: Number(issue.maximum) }, path);
    case 'too_small':
      return coreError('core/out-of-range', { origin: issue.origin, bound: 'min', limit: Number(issue.minimum) }, path);
    case 'invalid_format':
      return coreError('core/invalid-format', { format: issue.format }, path);
    case 'invalid_value':
      return coreError('core/invalid-value', { allowed: issue.values.map(String) }, path);
    case 'unrecognized_keys':
      return coreError('core/unknown-key', { keys: issue.keys }, path);
    case 'custom': {
      const carried = (issue.params as { domainError?: DomainError } | undefined)?.domainError;
      if (carried) return { ...carried, path: [...prefix, ...(issue.path as (string | number)[]), ...carried.path] };
      return coreError('core/invalid', { reason: issue.message }, path);
    }
    default:
      return coreError('core/invalid', { reason: issue.message }, path);
  }
}

/**
 * Turns zod issues into {@link DomainError}s with bilingual messages and the issue paths.
 * A `custom` issue whose `params.domainError` carries a module's own error keeps that error.
 * @category Validation
 * @example
 * const r = z.string().safeParse(1);
 * if (!r.success) fromZodIssues(r.error.issues, ['name'])[0]?.code; // 'core/invalid-type'
 */
export function fromZodIssues(issues: readonly Issue[], prefix: Path = []): DomainError[] {
  return issues.map((i) => translate(i, prefix));
}

/** Options of {@link parseWith} and of {@link Parser.parse}. @category Validation */
export interface ParseOptions {
  readonly limits?: InputLimits;
  /** Prefix for every error path, when the input is part of something larger. */
  readonly path?: Path;
}

const NO_PATH: Path = [];
const NO_NODES = new Float64Array(1);

// err(...list) spreads its arguments, which overflows the call stack for very long lists (a 100k-record
// batch where every record is wrong); this builds the same refusal without spreading.
function refuse(errors: readonly DomainError[]): Err {
  return { ok: false, errors };
}

function prefixed(errors: readonly DomainError[], prefix: Path): DomainError[] {
  return prefix.length === 0 ? [...errors] : errors.map((e) => ({ ...e, path: [...prefix, ...e.path] }));
}

/** The schema step, after the scan: `target` is the schema or its compiled clone (same answers). */
function finish<T>(target: z.ZodType, input: unknown, prefix: Path): Result<T> {
  let parsed: z.ZodSafeParseResult<unknown>;
  try {
    parsed = target.safeParse(input);
  } catch (e) {
    return err(coreError('core/unreadable-input', { reason: e instanceof Error ? e.message : String(e) }, prefix));
  }
  if (parsed.success) return ok(parsed.data as T);
  return refuse(fromZodIssues(parsed.error.issues, prefix));
}

// Tiered compilation, as JavaScript engines do it: a schema runs on zod's interpreter until the values
// it has parsed (counted by the scan, for free) would repay generating code for it, which costs about
// 5–50 ms for a module schema and saves a fraction of a microsecond per value. Small one-off parses never
// pay for compiling; a bulk import reaches the tier on its first call or within a few thousand records.
const COMPILE_AFTER_NODES = 100_000;

interface Tier {
  /** Values parsed on the interpreter so far. */
  nodes: number;
  /** The compiled schema, or the schema itself alone once compiling was tried and is not possible. */
  compiled: Compiled | undefined;
}
const tiers = new WeakMap<z.ZodType, Tier>();

function tierOf(schema: z.ZodType): Tier {
  let tier = tiers.get(schema);
  if (tier === undefined) {
    tier = { nodes: 0, compiled: undefined };
    tiers.set(schema, tier);
  }
  return tier;
}

function compiledOrSchema(schema: z.ZodType, tier: Tier): Compiled {
  if (tier.compiled !== undefined) return tier.compiled;
  // not remembered while code generation is off: the host may turn zod's jitless setting off again
  if (!jitAvailable()) return { target: schema };
  tier.compiled = compileSchema(schema) ?? { target: schema };
  return tier.compiled;
}

/** The generated parser's answer, or INVALID: a throwing getter is left to the scan and the interpreter. */
function tryFast(fast: FastParse, input: unknown, lim: Required<InputLimits>): unknown {
  try {
    return fast(input, lim.maxStringLength, lim.maxArrayLength);
  } catch {
    return INVALID;
  }
}

/** Whether the generated parser may stand in for the scan under these limits (see lean.ts). */
function fusedUnder(c: Compiled, lim: Required<InputLimits>): boolean {
  const p = c.profile;
  return p !== undefined && p.depth < lim.maxDepth && p.keys <= lim.maxArrayLength && p.literal <= lim.maxStringLength;
}

/**
 * The value of an input the generated parser accepts within the limits, with no scan: its acceptance
 * proves the scan would pass (lean.ts), given at most `budget` values. INVALID sends the input the
 * long way: scan, then parser, then interpreter.
 */
function fusedValue(c: Compiled, input: unknown, lim: Required<InputLimits>, budget: number): unknown {
  if (c.fast === undefined || c.nodes === undefined || !fusedUnder(c, lim)) return INVALID;
  const value = tryFast(c.fast, input, lim);
  return value !== INVALID && (c.nodes[0] as number) <= budget ? value : INVALID;
}

/** The schema step on a compiled schema, after the scan: the generated parser, the interpreter for the issues. */
function run<T>(c: Compiled, input: unknown, prefix: Path, lim: Required<InputLimits>): Result<T> {
  if (c.fast !== undefined) {
    const value = tryFast(c.fast, input, lim);
    if (value !== INVALID) return ok(value as T);
  }
  return finish(c.target, input, prefix);
}

/**
 * Validates untrusted input against a schema: first the hostile-input scan ({@link checkInput}), then
 * the schema, reporting every issue at once. Never throws, never mutates the input, and leaves
 * zod's global configuration alone. Once a schema has parsed about 100,000 values (over any number
 * of calls) it is compiled into generated code where the runtime allows it, with the same results.
 * @category Validation
 * @example
 * const r = parseWith(z.object({ name: z.string() }), JSON.parse(body));
 * if (!r.ok) r.errors[0]?.message['zh-CN'];
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  options: ParseOptions = {},
): Result<z.output<S>> {
  const prefix = options.path ?? NO_PATH;
  const lim = resolveLimits(options.limits);
  const tier = tierOf(schema);
  if (tier.compiled !== undefined) {
    const value = fusedValue(tier.compiled, input, lim, lim.maxNodes);
    if (value !== INVALID) return ok(value as z.output<S>);
  }
  const left = quickScan(input, lim, lim.maxNodes);
  if (left < 0) {
    const hostile = reportInput(input, lim);
    if (hostile.length > 0) return refuse(prefixed(hostile, prefix));
  }
  if (tier.compiled === undefined && left >= 0) {
    // (a suspect input that the report cleared, left < 0, is rare and not counted)
    tier.nodes += lim.maxNodes - left;
    if (tier.nodes >= COMPILE_AFTER_NODES) compiledOrSchema(schema, tier);
  }
  return tier.compiled === undefined ? finish(schema, input, prefix) : run(tier.compiled, input, prefix, lim);
}

/**
 * How a {@link Parser} runs its schema: `compiled` into generated code (shijian's own generator for
 * the kinds its schemas use, `z.compile()` for the rest), or
 * `interpreted` by zod (under a Content-Security-Policy without `'unsafe-eval'`, with `{ jit: false }`,
 * or for a schema zod cannot compile). Both give the same values and the same errors.
 * @category Validation
 */
export type ParserMode = 'compiled' | 'interpreted';

/**
 * A schema prepared once for parsing many inputs, with the contract of {@link parseWith}: the
 * hostile-input scan first, then the schema; a `Result` with coded bilingual errors and paths; never
 * throws and never mutates its input. Where every object of the schema is strict, the generated code
 * makes the scan's checks in its own walk, and only input it refuses is scanned separately.
 * @category Validation
 */
export interface Parser<T> {
  /** Whether the schema runs as generated code or on zod's interpreter. */
  readonly mode: ParserMode;
  /**
   * Parses one input; `options.limits`, when given, replace the parser's limits for this call.
   * The function keeps no `this`, so it can be passed around (`rows.map((r) => parser.parse(r))`).
   */
  readonly parse: (input: unknown, options?: ParseOptions) => Result<T>;
}

/** Options of {@link compileParser}. @category Validation */
export interface CompileParserOptions {
  /**
   * `false` keeps the schema on zod's interpreter even where code generation is allowed: what a
   * strict Content-Security-Policy gets, for hosts that want to test that path. Default `true`.
   */
  readonly jit?: boolean;
  /** Hostile-input limits applied to every input; {@link DEFAULT_INPUT_LIMITS} by default. */
  readonly limits?: InputLimits;
}

interface Engine extends Compiled {
  readonly lim: Required<InputLimits>;
}
const engines = new WeakMap<Parser<unknown>, Engine>();

/**
 * Prepares a schema for bulk parsing: compiled once into generated code where the runtime allows
 * `new Function` (see {@link jitAvailable}), on zod's interpreter otherwise. Compile the final schema:
 * a schema derived later (`.extend()`, `.refine()`) needs its own parser.
 * @category Validation
 * @example
 * const parser = compileParser(MemberSchema);
 * const r = parser.parse(JSON.parse(line), { path: ['members', 7] });
 * parser.mode; // 'compiled', or 'interpreted' under a strict Content-Security-Policy
 */
export function compileParser<S extends z.ZodType>(schema: S, options: CompileParserOptions = {}): Parser<z.output<S>> {
  const compiled: Compiled = options.jit === false ? { target: schema } : compiledOrSchema(schema, tierOf(schema));
  const engine: Engine = { ...compiled, lim: resolveLimits(options.limits) };
  const parser: Parser<z.output<S>> = {
    mode: engine.fast === undefined && engine.target === schema ? 'interpreted' : 'compiled',
    parse: (input, opts = {}) => {
      const prefix = opts.path ?? NO_PATH;
      const lim = opts.limits === undefined ? engine.lim : { ...engine.lim, ...opts.limits };
      const value = fusedValue(engine, input, lim, lim.maxNodes);
      if (value !== INVALID) return ok(value as z.output<S>);
      if (quickScan(input, lim, lim.maxNodes) < 0) {
        const hostile = reportInput(input, lim);
        if (hostile.length > 0) return refuse(prefixed(hostile, prefix));
      }
      return run(engine, input, prefix, lim);
    },
  };
  engines.set(parser, engine);
  return parser;
}

/** Options of {@link parseMany}. @category Validation */
export interface ParseManyOptions {
  /** Prefix for every error path; the record's index comes after it. */
  readonly path?: Path;
  /** Most records in one call; 1,000,000 by default. */
  readonly maxRecords?: number;
  /**
   * Most values across all records, checked as the records are scanned, so that many records sharing
   * one large object cannot multiply the work; 20,000,000 by default.
   */
  readonly maxTotalNodes?: number;
}

function unreadable(e: unknown, path: Path): DomainError {
  return coreError('core/unreadable-input', { reason: e instanceof Error ? e.message : String(e) }, path);
}

/**
 * Parses an array of records with one {@link Parser}: every value when all records are valid, or every
 * error of every record, each path starting with the record's index. Never throws, never mutates the
 * input.
 * @category Validation
 * @example
 * const r = parseMany(compileParser(MemberSchema), JSON.parse(body));
 * if (!r.ok) r.errors[0]?.path; // e.g. [412, 'memberships', 0, 'from']
 */
export function parseMany<T>(parser: Parser<T>, inputs: unknown, options: ParseManyOptions = {}): Result<T[]> {
  const prefix = options.path ?? NO_PATH;
  const maxRecords = options.maxRecords ?? 1_000_000;
  let total = options.maxTotalNodes ?? 20_000_000;
  const engine = engines.get(parser as Parser<unknown>);
  const fused = engine !== undefined && fusedUnder(engine, engine.lim);
  const nodes = engine?.nodes ?? NO_NODES;
  const values: T[] = [];
  const errors: DomainError[] = [];
  let i = 0;
  try {
    if (!Array.isArray(inputs)) return err(coreError('core/invalid-type', { expected: 'array' }, prefix));
    const n = inputs.length;
    if (n > maxRecords) return err(coreError('core/too-long', { limit: maxRecords, length: n }, prefix));
    for (; i < n; i++) {
      const input: unknown = inputs[i];
      let r: Result<T>;
      if (engine === undefined) {
        r = parser.parse(input, { path: [...prefix, i] });
      } else {
        const budget = Math.min(engine.lim.maxNodes, total);
        if (fused) {
          // one walk instead of two: the generated parser's acceptance is the scan's answer too
          const value = fusedValue(engine, input, engine.lim, budget);
          if (value !== INVALID) {
            total -= nodes[0] as number;
            if (errors.length === 0) values.push(value as T);
            continue;
          }
        }
        const left = quickScan(input, engine.lim, budget);
        if (left >= 0) total -= budget - left;
        else {
          const hostile = reportInput(input, engine.lim);
          if (hostile.length > 0) {
            for (const e of prefixed(hostile, [...prefix, i])) errors.push(e);
            continue;
          }
          if (budget < engine.lim.maxNodes)
            return err(coreError('core/too-large', { limit: options.maxTotalNodes ?? 20_000_000 }, prefix));
        }
        if (engine.fast !== undefined && !fused) {
          // the valid case without a Result per record: the value goes straight into the batch
          const value = tryFast(engine.fast, input, engine.lim);
          if (value !== INVALID) {
            if (errors.length === 0) values.push(value as T);
            continue;
          }
        }
        r = finish<T>(engine.target, input, NO_PATH);
        if (!r.ok) r = refuse(prefixed(r.errors, [...prefix, i]));
      }
      if (r.ok) {
        if (errors.length === 0) values.push(r.value);
      } else for (const e of r.errors) errors.push(e);
    }
  } catch (e) {
    return err(unreadable(e, [...prefix, i]));
  }
  return errors.length > 0 ? refuse(errors) : ok(values);
}
