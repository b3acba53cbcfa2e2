import { z } from 'zod';
import { generateParser, type ScanProfile } from './lean.js';

// The one file that may lead to `new Function`: the lean parsers generated from lean.ts's source and
// zod's `z.compile()` both need it, which a strict Content-Security-Policy (no 'unsafe-eval') forbids.
// Everything else falls back to zod's interpreter, which gives the same results more slowly.

let probed: boolean | undefined;

function probe(): boolean {
  // zod caches its own probe; sharing it means a CSP reports at most one violation for both of us
  const shared = (z.core.util as { allowsEval?: { value: boolean } }).allowsEval;
  if (shared !== undefined) return shared.value;
  try {
    new Function('');
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this runtime lets shijian compile schemas into generated code: false when zod is
 * configured `jitless` (what hosts set under a strict Content-Security-Policy) or when
 * `new Function` throws. Without it every parser still works, on zod's interpreter.
 * @category Validation
 * @example
 * compileParser(MemberSchema).mode === (jitAvailable() ? 'compiled' : 'interpreted'); // true for schemas zod can compile
 */
export function jitAvailable(): boolean {
  // read, never written: shijian leaves zod's global configuration to the host
  if (z.config().jitless === true) return false;
  probed ??= probe();
  return probed;
}

/**
 * @internal A generated parser: the parsed value of a valid input, {@link INVALID} otherwise. Strings and
 * arrays longer than `maxString` / `maxArray` are refused (left to the scan to report).
 */
export type FastParse = (input: unknown, maxString: number, maxArray: number) => unknown;

/** @internal What a generated parser answers for input it does not accept (zod's own sentinel). */
export const INVALID: unknown = z.INVALID;

/**
 * @internal A schema prepared for code generation. `fast` answers valid input without zod and hands
 * everything else to `target` (the schema itself, whose interpreter finds the issues); without `fast`,
 * `target` is zod's compiled clone, which validates exactly as the schema does. With `profile`, an
 * input `fast` accepts within limits that admit the profile would also pass the hostile-input scan,
 * and `nodes[0]` holds the values the scan would have counted in it.
 */
export interface Compiled {
  readonly fast?: FastParse;
  readonly profile?: ScanProfile;
  readonly nodes?: Float64Array;
  readonly target: z.ZodType;
}

/**
 * @internal Whether the lean generator may read schemas of this zod version. It reads zod's schema
 * definitions (`_zod.def`), which are not zod's public API: only the minor versions its tests ran
 * against are trusted, and any other zod gets `z.compile()`, which is slower but always zod's own.
 */
export function leanReads(version: { readonly major: number; readonly minor: number }): boolean {
  return version.major === 4 && version.minor === 6;
}

/** @internal The lean parser of a schema, built from the generated source; throws for kinds it does not cover. */
export function leanParser(schema: z.ZodType): Compiled & { readonly fast: FastParse } {
  const source = generateParser(schema);
  const nodes = new Float64Array(1);
  const make = new Function('INVALID', 'N', ...source.names, `return (input, maxS, maxA) => {\n${source.body}\n};`);
  const fast = make(INVALID, nodes, ...source.consts) as FastParse;
  return source.profile === undefined
    ? { fast, nodes, target: schema }
    : { fast, nodes, profile: source.profile, target: schema };
}

/**
 * @internal The schema compiled, or undefined when code generation is unavailable or zod refuses the
 * schema (recursive schemas, async refinements): those stay on the interpreter. The lean generator
 * (lean.ts) covers the kinds shijian's schemas are built from; anything else goes to `z.compile()`.
 */
export function compileSchema(schema: z.ZodType): Compiled | undefined {
  if (!jitAvailable()) return undefined;
  if (leanReads(z.core.version)) {
    try {
      return leanParser(schema);
    } catch {
      // a kind the lean generator does not cover: zod's own generator, which covers nearly all
    }
  }
  try {
    return { target: z.compile(schema, { strict: true }) };
  } catch {
    return undefined;
  }
}
