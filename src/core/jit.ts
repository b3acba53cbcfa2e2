import { z } from 'zod';

// The one file that may lead to `new Function`: zod's `z.compile()` generates a parser with it, which a
// strict Content-Security-Policy (no 'unsafe-eval') forbids. Everything else falls back to zod's
// interpreter, which gives the same results more slowly.

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
 * @internal The schema compiled by `z.compile()`, or undefined when code generation is unavailable
 * or zod refuses the schema (recursive schemas, async refinements): those stay on the interpreter.
 * The clone validates exactly as the schema does; on invalid input it falls back to the schema's own
 * parser, so issues and messages are the interpreter's.
 */
export function compileSchema<S extends z.ZodType>(schema: S): S | undefined {
  if (!jitAvailable()) return undefined;
  try {
    return z.compile(schema, { strict: true });
  } catch {
    return undefined;
  }
}
