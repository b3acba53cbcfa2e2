import { describe, expect, it } from 'vitest';
import type { OrgCommand } from '../../src/org/index.js';
import { accepted, mergeCounties, refusal, unit } from '../helpers/org-commands.js';
import { ORG } from '../helpers/org-fixture.js';
import { orgTargets } from '../hostile/targets/org.js';

/** A few commands the fixture accepts as it stands; every type's valid sample is its hostile target's. */
const VALID = {
  'add-unit': { type: 'add-unit', record: unit('st-a3', 'station', ORG.countyA, '2025-01-01') },
  'end-unit': { type: 'end-unit', id: ORG.stationA2, on: '2025-06-30' },
  'join-party-org': { type: 'join-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchDrug, from: '2025-03-01' },
} as const satisfies Partial<Record<OrgCommand['type'], OrgCommand>>;

// each target runs its sample on a state where it is valid (hostile.test.ts checks that it is accepted there)
const commandTargets = orgTargets.filter((t) => !t.label.startsWith('org parse'));

const withExtra = (c: OrgCommand, extra: Record<string, unknown>) => ({ ...c, ...extra }) as unknown as OrgCommand;

describe('unknown top-level fields on org commands', () => {
  it('end-unit with an extra field is refused with core/unknown-key, in both languages, as the other deciders do', () => {
    const errors = refusal(withExtra(VALID['end-unit'], { extra: 1 }));
    expect(errors).toEqual([
      {
        code: 'core/unknown-key',
        path: [],
        details: { keys: ['extra'] },
        message: { 'zh-CN': '不认识的字段：extra', en: 'Unknown field(s): extra' },
      },
    ]);
    accepted(VALID['end-unit']);
  });

  it.each(commandTargets.map((t) => [t.label, t] as const))(
    '%s refuses an unknown field and accepts its own',
    (_, t) => {
      const r = t.run({ ...(t.sample as object), note: '备注' });
      expect(r.ok).toBe(false);
      expect(r.errors?.map((e) => [e.code, e.path, e.details])).toEqual([['core/unknown-key', [], { keys: ['note'] }]]);
      expect(t.run(structuredClone(t.sample)).ok).toBe(true);
    },
  );

  it('covers every org command type', () => {
    expect(new Set(commandTargets.map((t) => t.label.split(' ')[1])).size).toBe(25);
  });

  it('reports every unknown field at once, with the id checks, before any handler runs', () => {
    const errors = refusal(
      withExtra(
        {
          type: 'join-party-org',
          memberId: 'm-food-2',
          partyOrgId: ORG.branchDrug,
          from: 'bad',
        } as unknown as OrgCommand,
        {
          b: 1,
          a: 2,
        },
      ),
    );
    // the handler would have refused `from` (core/invalid-format): it is not reached
    expect(errors.map((e) => [e.code, e.path, e.details])).toEqual([['core/unknown-key', [], { keys: ['b', 'a'] }]]);
    expect(
      refusal(withExtra({ type: 'end-unit', id: '', on: '2025-06-30' } as OrgCommand, { toString: 1 })).map((e) => [
        e.code,
        e.path.join('.'),
      ]),
    ).toEqual([
      ['core/unknown-key', ''],
      ['core/invalid-format', 'id'],
    ]);
  });

  it('allows the optional fields of a command, present or absent, and only those of its own type', () => {
    accepted({ type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01' });
    accepted({ ...(mergeCounties() as Extract<OrgCommand, { type: 'restructure' }>), newPartyOrgs: [] });
    // `id`/`on` belong to end commands, `record` to add commands, `years` to record-election
    expect(refusal(withExtra(VALID['end-unit'], { record: {} })).map((e) => [e.code, e.details])).toEqual([
      ['core/unknown-key', { keys: ['record'] }],
    ]);
    expect(refusal(withExtra(VALID['add-unit'], { on: '2025-06-30' })).map((e) => [e.code, e.details])).toEqual([
      ['core/unknown-key', { keys: ['on'] }],
    ]);
    expect(refusal(withExtra(VALID['join-party-org'], { years: 3 })).map((e) => [e.code, e.details])).toEqual([
      ['core/unknown-key', { keys: ['years'] }],
    ]);
  });
});
