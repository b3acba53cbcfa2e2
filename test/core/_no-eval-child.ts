/**
 * Run by jit.test.ts in a Node started with --disallow-code-generation-from-strings, where `new Function`
 * throws as it does under a Content-Security-Policy without 'unsafe-eval'. Prints what the parsers did.
 */
import { z } from 'zod';
import { compileParser, jitAvailable, parseMany, parseWith } from '../../src/core/index.js';

const Row = z.strictObject({ id: z.string().min(1), n: z.int().min(0) });
const parser = compileParser(Row);
const rows = Array.from({ length: 100 }, (_, n) => ({ id: `r-${n}`, n }));
const bad = parseMany(parser, [...rows, { id: '', n: -1 }]);
let tiered = 0;
for (let i = 0; i < 100; i++) if (parseWith(Row, rows[i]).ok) tiered++;
console.log(
  JSON.stringify({
    jit: jitAvailable(),
    mode: parser.mode,
    parsed: (parseMany(parser, rows) as { value?: unknown[] }).value?.length,
    errors: bad.errors?.map((e) => [e.code, e.path]),
    tiered,
  }),
);
