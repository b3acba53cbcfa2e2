import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, execute, fixedContext, getRecord, type IsoDate, type Recorded } from '../../src/core/index.js';
import {
  checkDirectory,
  findUnit,
  lineage,
  membersOf,
  type OrgCommand,
  type OrgDirectory,
  type OrgEvent,
  orgDecider,
  replayOrg,
  subtree,
  toSnapshot,
  type UnitKind,
  unitsOfKind,
} from '../../src/org/index.js';
import { ORG, orgFixture } from '../helpers/org-fixture.js';

const ctx = fixedContext();
const UNIT_IDS = ['city', 'county-a', 'county-b', 'st-a1', 'st-a2', 'st-b1', 'dept-food', 'u0', 'u1', 'u2', 'u3', 'u4'];
const KINDS: UnitKind[] = ['county-bureau', 'station', 'department', 'guidance-station', 'contact-point'];
const day = fc.integer({ min: 0, max: 2500 }).map((n) => addDays('2019-01-01', n));

const command: fc.Arbitrary<OrgCommand> = fc.oneof(
  fc
    .record({
      id: fc.constantFrom('u0', 'u1', 'u2', 'u3', 'u4'),
      parent: fc.constantFrom(...UNIT_IDS),
      kind: fc.constantFrom(...KINDS),
      level: fc.constantFrom(3, 4),
      from: day,
    })
    .map(({ id, parent, kind, level, from }) => ({
      type: 'add-unit' as const,
      record: {
        id,
        kind,
        level: (kind === 'county-bureau' ? 4 : level) as 3 | 4,
        parentId: parent,
        code: `C-${id}`,
        name: { 'zh-CN': id },
        validFrom: from,
      },
    })),
  fc.record({ id: fc.constantFrom(...UNIT_IDS), on: day }).map(({ id, on }) => ({ type: 'end-unit' as const, id, on })),
  fc
    .record({
      a: fc.constantFrom(...UNIT_IDS),
      b: fc.constantFrom(...UNIT_IDS),
      to: fc.constantFrom('u0', 'u1', 'u2', 'st-b2'),
      on: day,
      n: fc.nat(1000),
    })
    .map(({ a, b, to, on, n }) => ({
      type: 'restructure' as const,
      restructuring: {
        id: `r${n}`,
        kind: 'merge' as const,
        subject: 'unit' as const,
        effectiveOn: on,
        originalIds: [a, b],
        resultingIds: [to],
      },
    })),
  fc
    .record({
      m: fc.constantFrom('m-food-2', 'm-drug-2', 'm-ca-1', 'm-guest'),
      p: fc.constantFrom(ORG.branchFood, ORG.branchDrug, ORG.branchCountyA),
      on: day,
      leave: fc.boolean(),
    })
    .map(({ m, p, on, leave }) =>
      leave
        ? { type: 'leave-party-org' as const, memberId: m, partyOrgId: p, on }
        : { type: 'join-party-org' as const, memberId: m, partyOrgId: p, from: on },
    ),
);

function runAll(cmds: readonly OrgCommand[]): { dir: OrgDirectory; log: Recorded<OrgEvent>[]; base: OrgDirectory } {
  const base = orgFixture();
  let dir = base;
  const log: Recorded<OrgEvent>[] = [];
  for (const c of cmds) {
    const r = execute(orgDecider, dir, c, ctx);
    if (r.ok) {
      dir = r.value.state;
      log.push(...r.value.events);
    } else expect(r.value).toBe(undefined);
  }
  return { dir, log, base };
}

describe('org properties', () => {
  it('valid command sequences keep the directory structurally sound, and replay rebuilds it', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), day, (cmds, asOf) => {
        const { dir, log, base } = runAll(cmds);
        expect(checkDirectory(dir, asOf).filter((f) => f.severity === 'error')).toEqual([]);
        expect(toSnapshot(replayOrg(log, base))).toEqual(toSnapshot(dir));
      }),
      { numRuns: 80 },
    );
  });

  it('lineage is symmetric: A precedes B iff B succeeds A', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), (cmds) => {
        const { dir } = runAll(cmds);
        const ids = [...UNIT_IDS, 'st-b2'];
        for (const a of ids)
          for (const b of lineage(dir, a).successors) expect(lineage(dir, b).predecessors).toContain(a);
        for (const a of ids)
          for (const b of lineage(dir, a).predecessors) expect(lineage(dir, b).successors).toContain(a);
      }),
      { numRuns: 60 },
    );
  });

  it('asOf queries never see records outside their validity', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 25 }), day, (cmds, asOf: IsoDate) => {
        const { dir } = runAll(cmds);
        for (const kind of KINDS)
          for (const u of unitsOfKind(dir, kind, asOf)) expect(findUnit(dir, u.id, asOf)).toBe(u);
        for (const id of subtree(dir, ORG.city, asOf)) expect(findUnit(dir, id, asOf)).toBeDefined();
        for (const p of [ORG.branchFood, ORG.branchDrug, ORG.branchCountyA])
          for (const m of membersOf(dir, p, asOf)) {
            const rec = getRecord(dir.members, m.id);
            expect(
              rec?.memberships.some(
                (ms) => ms.partyOrgId === p && ms.from <= asOf && (ms.to === undefined || asOf <= ms.to),
              ),
            ).toBe(true);
          }
      }),
      { numRuns: 60 },
    );
  });
});
