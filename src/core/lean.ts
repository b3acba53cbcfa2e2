import type { z } from 'zod';
import {
  checks,
  constant,
  type Def,
  equals,
  fresh,
  type Gen,
  lit,
  mayAcceptAbsent,
  type Node,
  noChecks,
  numberFormat,
  unsupported,
} from './lean-checks.js';

// The lean code generator (jit.ts turns its source into a function). z.compile() wraps every optional
// property of an object in an arrow function called on the spot; V8 then allocates a context for the
// variables those functions capture on every call (and on every element of an array of such objects),
// which doubled the garbage of a bulk import and, with the parsed records kept alive, its time. This
// generator covers the schema kinds shijian's modules are built from and writes the same checks inline;
// a schema with anything else goes to z.compile() whole. It answers the valid case only: a refusal
// (`INVALID`) hands the input to the hostile-input scan and zod's interpreter, which find the issues,
// so it may refuse more than zod does, never accept more, and its output is zod's, key order included.
//
// It also does the scan's work where it can prove it: when every object is strict, an input it accepts
// has no key the schema does not name (so no forbidden key), nesting no deeper than the schema's, and
// strings and arrays it has measured against the limits passed in (`maxS`, `maxA`); it counts the
// values as the scan would (`N[0]`). A custom check sees only strings there, so nothing it accepts
// escapes the measuring. Bulk parsing then walks each record once instead of twice.

/**
 * @internal What an accepted input can hold at most, fixed by the schema: compared once per call with the
 * limits, so that the generated parser may stand in for the scan.
 */
export interface ScanProfile {
  /** Deepest object or array (the root is 0). */
  readonly depth: number;
  /** Most keys of one object. */
  readonly keys: number;
  /** Longest string the schema names itself (enum and literal values). */
  readonly literal: number;
}

/** @internal The generated source: a function body over `input, maxS, maxA`, and the constants it names. */
export interface Generated {
  readonly body: string;
  readonly names: readonly string[];
  readonly consts: readonly unknown[];
  /** Set when an accepted input proves the scan would pass (every object strict). */
  readonly profile: ScanProfile | undefined;
}

/** Whether every object in the schema is strict, so that an accepted input has no key the schema does not name. */
function allStrict(node: Node): boolean {
  const def = node._zod.def;
  if (def.type === 'object')
    return def.catchall !== undefined && Object.values(def.shape ?? {}).every((p) => allStrict(p));
  const inner = [def.innerType, def.element, ...(def.options ?? [])];
  return inner.every((n) => n === undefined || allStrict(n));
}

/** Writes the checks of `node` on the value named `a` at nesting `depth`; returns the name of its output. */
function emit(g: Gen, node: Node, a: string, depth: number): string {
  const def = node._zod.def;
  if (def.coerce) unsupported('coercion');
  const L = g.lines;
  switch (def.type) {
    case 'string':
      if (def.format !== undefined) unsupported(`string format ${def.format}`);
      L.push(`if (typeof ${a} !== "string" || ${a}.length > maxS) return INVALID;`);
      return checks(g, node, a, 'string');
    case 'number':
      L.push(`if (typeof ${a} !== "number" || !Number.isFinite(${a})) return INVALID;`);
      if (def.check === 'number_format') L.push(numberFormat(def.format, a));
      return checks(g, node, a, 'number');
    case 'boolean':
      noChecks(node);
      L.push(`if (typeof ${a} !== "boolean") return INVALID;`);
      return a;
    case 'custom': {
      noChecks(node);
      if (typeof def.fn !== 'function') unsupported('custom schema without a predicate');
      // standing in for the scan, the check may only see strings, measured; anything else takes the slow path
      if (g.fused) L.push(`if (typeof ${a} !== "string" || ${a}.length > maxS) return INVALID;`);
      const r = fresh(g);
      // a promise means an async check reached synchronously: the interpreter throws for it, so refuse
      L.push(`const ${r} = ${constant(g, def.fn)}(${a});`);
      L.push(`if (${r} !== true && (!${r} || ${r} instanceof Promise)) return INVALID;`);
      return a;
    }
    case 'enum': {
      noChecks(node);
      const values = node._zod.values ?? unsupported('enum without values');
      for (const v of values) if (typeof v === 'string') g.literal = Math.max(g.literal, v.length);
      L.push(`if (!${constant(g, values)}.has(${a})) return INVALID;`);
      return a;
    }
    case 'literal': {
      noChecks(node);
      const values = def.values ?? [];
      if (values.length === 0) unsupported('empty literal');
      L.push(`if (!(${values.map((v) => equals(g, a, v)).join(' || ')})) return INVALID;`);
      return a;
    }
    case 'optional': {
      noChecks(node);
      const inner = def.innerType;
      if (inner === undefined || node._zod.traits?.has('$ZodExactOptional') || inner._zod.optin !== undefined)
        unsupported('optional of this kind');
      const out = fresh(g);
      L.push(`let ${out};`, `if (${a} !== undefined) {`);
      L.push(`${out} = ${emit(g, inner, a, depth)};`, '}');
      return out;
    }
    case 'readonly': {
      noChecks(node);
      const out = fresh(g);
      L.push(`const ${out} = Object.freeze(${emit(g, def.innerType ?? unsupported('readonly'), a, depth)});`);
      return out;
    }
    case 'array': {
      const element = def.element ?? unsupported('array without element');
      g.depth = Math.max(g.depth, depth);
      L.push(`if (!Array.isArray(${a}) || ${a}.length > maxA) return INVALID;`);
      checks(g, node, a, 'array');
      const [out, i, e] = [fresh(g), fresh(g), fresh(g)];
      L.push(`n += ${a}.length;`, `const ${out} = new Array(${a}.length);`);
      L.push(`for (let ${i} = 0; ${i} < ${a}.length; ${i}++) {`, `const ${e} = ${a}[${i}];`);
      L.push(`${out}[${i}] = ${emit(g, element, e, depth + 1)};`, '}');
      return out;
    }
    case 'object':
      noChecks(node);
      g.depth = Math.max(g.depth, depth);
      return emitObject(g, def, a, depth);
    case 'union':
      noChecks(node);
      return emitUnion(g, node, a, depth);
    default:
      return unsupported(`schema type ${def.type}`);
  }
}

function emitObject(g: Gen, def: Def, a: string, depth: number): string {
  const L = g.lines;
  const shape = def.shape ?? unsupported('object without shape');
  const keys = Object.keys(shape);
  if (Object.getOwnPropertySymbols(shape).length > 0 || keys.includes('__proto__')) unsupported('object keys');
  const strict = def.catchall !== undefined;
  if (strict && def.catchall?._zod.def.type !== 'never') unsupported('catchall');
  g.keys = Math.max(g.keys, keys.length);
  L.push(`if (typeof ${a} !== "object" || ${a} === null || Array.isArray(${a})) return INVALID;`);
  const outs: { key: string; out: string; present: boolean }[] = [];
  for (const key of keys) {
    const prop = shape[key] as Node;
    const v = fresh(g);
    L.push(`const ${v} = ${a}[${lit(key)}];`);
    const { optin, optout } = prop._zod;
    if (optin === undefined) {
      if (mayAcceptAbsent(prop)) L.push(`if (!(${lit(key)} in ${a})) return INVALID;`);
      // accepted here means present: either tested above, or the schema refuses the undefined an absent key reads as
      outs.push({ key, out: emit(g, prop, v, depth + 1), present: true });
    } else if (optin === 'optional' && optout === 'optional' && prop._zod.def.type === 'optional') {
      outs.push({ key, out: emit(g, prop, v, depth + 1), present: false });
    } else unsupported('a property with a default');
  }
  // one for…in, as zod's and the scan's: inherited enumerable keys count; each key is one value for the scan
  if (strict) {
    const known = keys.map((k) => `k !== ${lit(k)}`).join(' && ') || 'true';
    L.push(`for (const k in ${a}) {`, `if (${known}) return INVALID;`, 'n++;', '}');
  }
  // the keys in shape order, as zod builds them: a literal up to the first optional key, assignments after it
  const first = outs.findIndex((o) => !o.present);
  const head = first < 0 ? outs : outs.slice(0, first);
  const out = fresh(g);
  L.push(`const ${out} = { ${head.map((o) => `${lit(o.key)}: ${o.out}`).join(', ')} };`);
  for (const o of first < 0 ? [] : outs.slice(first)) {
    const set = `${out}[${lit(o.key)}] = ${o.out};`;
    L.push(o.present ? set : `if (${lit(o.key)} in ${a}) ${set}`);
  }
  return out;
}

function emitUnion(g: Gen, node: Node, a: string, depth: number): string {
  const def = node._zod.def;
  const options = def.options ?? [];
  if (options.length === 0) unsupported('empty union');
  const L = g.lines;
  if (def.discriminator === undefined) {
    if (def.inclusive === false || !options.every((o) => o._zod.def.type === 'literal' && !o._zod.def.checks?.length))
      unsupported('a union other than of literals');
    const values = options.flatMap((o) => o._zod.def.values ?? []);
    for (const v of values) if (typeof v === 'string') g.literal = Math.max(g.literal, v.length);
    L.push(`if (!${constant(g, new Set(values))}.has(${a})) return INVALID;`);
    return a;
  }
  if (def.unionFallback) unsupported('unionFallback');
  const [tag, out] = [fresh(g), fresh(g)];
  L.push(`const ${tag} = ${a}?.[${lit(def.discriminator)}];`, `let ${out};`);
  const claimed = new Set<unknown>();
  options.forEach((option, i) => {
    const values = option._zod.propValues?.[def.discriminator as string];
    if (values === undefined || values.size === 0) unsupported('option without discriminator values');
    for (const value of values) {
      if (claimed.has(value)) unsupported('duplicate discriminator value');
      claimed.add(value);
    }
    L.push(`${i === 0 ? 'if' : 'else if'} (${[...values].map((v) => equals(g, tag, v)).join(' || ')}) {`);
    L.push(`${out} = ${emit(g, option, a, depth)};`, '}');
  });
  L.push('else return INVALID;');
  return out;
}

/** @internal The source of a schema's lean parser; throws for a schema kind it does not cover. */
export function generateParser(schema: z.ZodType): Generated {
  const node = schema as unknown as Node;
  const g: Gen = { lines: [], consts: [], fused: allStrict(node), vars: 0, depth: 0, keys: 0, literal: 0 };
  const out = emit(g, node, 'input', 0);
  const body = `let n = 1;\n${g.lines.join('\n')}\nN[0] = n;\nreturn ${out};`;
  const { depth, keys, literal } = g;
  return {
    body,
    names: g.consts.map((_, i) => `k${i}`),
    consts: g.consts,
    profile: g.fused ? { depth, keys, literal } : undefined,
  };
}
