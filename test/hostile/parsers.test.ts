/**
 * The bulk parse path against the hostile corpus: for module schemas hosts parse in bulk, the compiled
 * parser, the interpreted fallback (what a no-eval Content-Security-Policy gets), `parseMany` and
 * `parseWith` must give the same value or the same error codes and paths on every hostile case.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BrandProfileSchema } from '../../src/brand/index.js';
import {
  compileParser,
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  parseMany,
  parseWith,
  type Result,
} from '../../src/core/index.js';
import { WorkPlanSchema } from '../../src/loop/index.js';
import { MemberSchema, OrgUnitSchema, PartyOrgSchema, PostSchema } from '../../src/org/index.js';
import { MATRIX_METHOD_A, RiskCommandSchema, RiskMethodSchema } from '../../src/risk/index.js';
import { profile } from '../brand/_fixture.js';
import { deepFreeze } from '../helpers/freeze.js';
import { orgFixtureSnapshot } from '../helpers/org-fixture.js';
import { assess, identify } from '../risk/_fixture.js';
import { hostileCases } from './corpus.js';
import { workPlan } from './targets/loop.js';

const CoreSample = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(200),
  at: InstantSchema,
  due: IsoDateSchema,
  items: z.array(z.strictObject({ code: z.string(), points: z.number().finite() })).max(1000),
});

const snapshot = orgFixtureSnapshot();
const targets: readonly [string, z.ZodType, unknown][] = [
  [
    'core sample',
    CoreSample,
    { id: 'x-1', title: '抽检', at: '2025-10-16T09:00:00+08:00', due: '2025-10-31', items: [{ code: 'a', points: 1 }] },
  ],
  ['org MemberSchema', MemberSchema, snapshot.members[0]],
  ['org OrgUnitSchema', OrgUnitSchema, snapshot.units[1]],
  ['org PartyOrgSchema', PartyOrgSchema, snapshot.partyOrgs[0]],
  ['org PostSchema', PostSchema, snapshot.posts[0]],
  ['risk RiskCommandSchema (identify)', RiskCommandSchema, identify('r-9')],
  ['risk RiskCommandSchema (assess)', RiskCommandSchema, assess('r-9')],
  ['risk RiskMethodSchema', RiskMethodSchema, structuredClone(MATRIX_METHOD_A)],
  ['brand BrandProfileSchema', BrandProfileSchema, profile],
  ['loop WorkPlanSchema', WorkPlanSchema, workPlan],
];

const brief = (r: Result<unknown>) =>
  r.ok ? { ok: true, value: r.value } : { ok: false, errors: r.errors.map((e) => [e.code, e.path]) };

describe('bulk parsing on the hostile corpus', () => {
  for (const [label, schema, sample] of targets) {
    it(`${label}: compiled, interpreted, parseMany and parseWith agree on every case`, () => {
      const compiled = compileParser(schema);
      const interpreted = compileParser(schema, { jit: false });
      expect(interpreted.mode).toBe('interpreted');
      expect(compiled.parse(structuredClone(sample)).ok, `${label}: the sample is valid`).toBe(true);
      const cases = hostileCases(sample);
      const refused = new Set<string>();
      for (const c of cases) {
        const input = c.input === null || typeof c.input !== 'object' ? c.input : deepFreeze(c.input);
        const direct = interpreted.parse(input);
        const reference = brief(direct);
        expect(brief(compiled.parse(input)), `${label}: ${c.name} (compiled)`).toEqual(reference);
        expect(brief(parseWith(schema, input)), `${label}: ${c.name} (parseWith)`).toEqual(reference);
        const many = brief(parseMany(compiled, [input]));
        const expected = direct.ok
          ? { ok: true, value: [direct.value] }
          : { ok: false, errors: direct.errors.map((e) => [e.code, [0, ...e.path]]) };
        expect(many, `${label}: ${c.name} (parseMany)`).toEqual(expected);
        if (!direct.ok) for (const e of direct.errors) refused.add(e.code);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      for (const code of ['core/forbidden-key', 'core/too-long', 'core/too-deep', 'core/invalid-type'])
        expect(refused, `${label} refuses with ${code}`).toContain(code);
    });
  }
});
