import { z } from 'zod';

// The leaves of the lean code generator (lean.ts): the zod definitions it reads, the checks of strings
// and numbers, and the hoisting of constants. Each writes what zod's own generator writes for the same
// check, without the closures; see lean.ts for the contract.

/** @internal The parts of a zod definition the generator reads. */
export interface Def {
  readonly type: string;
  readonly coerce?: boolean;
  readonly checks?: readonly Node[];
  readonly check?: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly fn?: unknown;
  readonly when?: unknown;
  readonly tx?: (value: unknown) => unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly length?: unknown;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly innerType?: Node;
  readonly element?: Node;
  readonly shape?: Readonly<Record<string, Node>>;
  readonly catchall?: Node;
  readonly options?: readonly Node[];
  readonly discriminator?: string;
  readonly unionFallback?: boolean;
  readonly values?: readonly unknown[];
}
/** @internal A zod schema as the generator sees it. */
export interface Node {
  readonly _zod: {
    readonly def: Def;
    readonly values?: ReadonlySet<unknown>;
    readonly optin?: string;
    readonly optout?: string;
    readonly propValues?: Readonly<Record<string, ReadonlySet<unknown>>>;
    readonly traits?: ReadonlySet<string>;
  };
}

/** @internal The generator's state: source lines, hoisted constants, and what the profile records. */
export interface Gen {
  readonly lines: string[];
  readonly consts: unknown[];
  readonly fused: boolean;
  vars: number;
  depth: number;
  keys: number;
  literal: number;
}

/** @internal Refuses a schema kind, which then goes to `z.compile()` whole. */
export function unsupported(what: string): never {
  throw new Error(`[shijian] not compiled inline: ${what}`);
}

/** @internal The name under which generated code sees `value` (hoisted once). */
export function constant(g: Gen, value: unknown): string {
  let i = g.consts.indexOf(value);
  if (i < 0) i = g.consts.push(value) - 1;
  return `k${i}`;
}

/** @internal A new variable name of the generated code. */
export function fresh(g: Gen): string {
  return `v${g.vars++}`;
}

/** @internal A key or string value as a JavaScript literal. */
export const lit = (key: string) => JSON.stringify(key);

/** @internal A finite number written into code; anything else is refused rather than emitted. */
export function num(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) unsupported(`bound ${String(value)}`);
  return value;
}

/** @internal An equality test against a discriminator or literal value that the generated code can write exactly. */
export function equals(g: Gen, a: string, value: unknown): string {
  if (typeof value === 'string') {
    g.literal = Math.max(g.literal, value.length);
    return `${a} === ${lit(value)}`;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return `${a} === ${value}`;
  if (typeof value === 'boolean' || value === null) return `${a} === ${String(value)}`;
  return unsupported(`literal ${typeof value}`);
}

/** @internal The number formats zod bakes into `z.int()` and friends, as tests of a variable. */
export const NUMBER_FORMATS: Readonly<Record<string, (a: string) => string>> = {
  safeint: (a) => `!Number.isSafeInteger(${a})`,
  int32: (a) => `!Number.isInteger(${a}) || ${a} < -2147483648 || ${a} > 2147483647`,
  uint32: (a) => `!Number.isInteger(${a}) || ${a} < 0 || ${a} > 4294967295`,
  float64: (a) => `!Number.isFinite(${a})`,
};

/** @internal The test of a number format, or a refusal of an unknown one. */
export function numberFormat(format: string | undefined, a: string): string {
  const test = format === undefined ? undefined : NUMBER_FORMATS[format];
  if (test === undefined) return unsupported(`number format ${String(format)}`);
  return `if (${test(a)}) return INVALID;`;
}

/** @internal The length checks: the bound's field and the comparison that refuses. */
export const SIZE_CHECKS: Readonly<Record<string, readonly ['minimum' | 'maximum' | 'length', string]>> = {
  min_length: ['minimum', '<'],
  max_length: ['maximum', '>'],
  length_equals: ['length', '!=='],
};

/** @internal zod measures strings in code points; the unit count settles the comparison outside the doubtful range. */
export function stringLength(g: Gen, a: string, check: string, bound: number): string {
  const inDoubt =
    check === 'min_length'
      ? `${a}.length >= ${bound} && ${a}.length < ${bound * 2}`
      : check === 'max_length'
        ? `${a}.length > ${bound}`
        : `${a}.length >= ${bound} && ${a}.length <= ${bound * 2}`;
  const n = fresh(g);
  const count = constant(g, z.core.util.codePointLength);
  g.lines.push(`const ${n} = typeof ${a} === "string" && ${inDoubt} ? ${count}(${a}) : ${a}.length;`);
  return n;
}

/** @internal Writes the checks of a string, number or array, in zod's order; returns the (rewritten) value. */
export function checks(g: Gen, node: Node, a: string, kind: 'string' | 'number' | 'array'): string {
  let acc = a;
  for (const check of node._zod.def.checks ?? []) {
    const d = check._zod.def;
    const size = d.check === undefined ? undefined : SIZE_CHECKS[d.check];
    if (d.when !== undefined && size === undefined) unsupported('a check with a custom "when"');
    if (size !== undefined && d.check !== undefined && kind !== 'number') {
      const bound = num(d[size[0]]);
      const n = kind === 'array' ? `${acc}.length` : stringLength(g, acc, d.check, bound);
      g.lines.push(`if (${n} ${size[1]} ${bound}) return INVALID;`);
    } else if (kind === 'string' && d.check === 'overwrite' && typeof d.tx === 'function') {
      const next = fresh(g);
      g.lines.push(`const ${next} = ${constant(g, d.tx)}(${acc});`);
      acc = next;
    } else if (kind === 'string' && d.check === 'string_format' && d.format === 'regex' && d.pattern && !d.fn) {
      const re = constant(g, d.pattern);
      g.lines.push(`${re}.lastIndex = 0;`, `if (!${re}.test(${acc})) return INVALID;`);
    } else if (kind === 'number' && (d.check === 'greater_than' || d.check === 'less_than')) {
      const op = d.check === 'greater_than' ? (d.inclusive ? '<' : '<=') : d.inclusive ? '>' : '>=';
      g.lines.push(`if (${acc} ${op} ${num(d.value)}) return INVALID;`);
    } else if (kind === 'number' && d.check === 'number_format') {
      g.lines.push(numberFormat(d.format, acc));
    } else unsupported(`check ${String(d.check)} on ${kind}`);
  }
  return acc;
}

/** @internal Whether the schema could accept `undefined`, so that an absent key needs its own test. */
export function mayAcceptAbsent(node: Node): boolean {
  const def = node._zod.def;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'object':
    case 'array':
      return false;
    case 'readonly':
      return def.innerType === undefined || mayAcceptAbsent(def.innerType);
    case 'enum':
      return node._zod.values?.has(undefined) !== false;
    case 'literal':
      return def.values?.includes(undefined) !== false;
    case 'union':
      return def.options?.some(mayAcceptAbsent) !== false;
    default:
      return true;
  }
}

/** @internal Refuses checks on kinds whose checks the generator does not write. */
export function noChecks(node: Node): void {
  if ((node._zod.def.checks?.length ?? 0) > 0) unsupported(`checks on ${node._zod.def.type}`);
}
