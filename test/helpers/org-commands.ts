import { expect } from 'vitest';
import { type DomainError, execute, fixedContext, type IsoDate, type Recorded, unwrap } from '../../src/core/index.js';
import {
  type OrgCommand,
  type OrgDirectory,
  type OrgEvent,
  type OrgUnit,
  orgDecider,
  type PartyOrg,
  toSnapshot,
} from '../../src/org/index.js';
import { deepFreeze } from './freeze.js';
import { type FullSnapshot, ORG, orgFixture, parseFixtureWith } from './org-fixture.js';

/** The context every org command test runs in. */
export const orgCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });

/** The fixture directory the helpers default to. */
export const orgBase: OrgDirectory = orgFixture();

/** Executes a deep-frozen command, so a decider that mutated it would throw. */
export function runOrg(cmd: OrgCommand, dir: OrgDirectory = orgBase) {
  return execute(orgDecider, dir, deepFreeze(cmd), orgCtx);
}

/** The refusal's errors; also checks that the command changed nothing. */
export function refusal(cmd: OrgCommand, dir: OrgDirectory = orgBase): readonly DomainError[] {
  const before = toSnapshot(dir);
  const version = dir.version;
  const r = runOrg(cmd, dir);
  expect(r.ok).toBe(false);
  expect(r.value).toBe(undefined);
  expect(dir.version).toBe(version);
  expect(toSnapshot(dir)).toEqual(before);
  return r.ok ? [] : r.errors;
}

/** The accepted command's result; throws with the codes and paths when it was refused. */
export function accepted(cmd: OrgCommand, dir: OrgDirectory = orgBase) {
  const r = runOrg(cmd, dir);
  if (!r.ok) throw new Error(JSON.stringify(r.errors.map((e) => [e.code, e.path])));
  return r.value;
}

/** A unit record with a generated code, at level 3 for a department or institution and 4 otherwise. */
export const unit = (
  id: string,
  kind: OrgUnit['kind'],
  parentId: string,
  validFrom: string,
  validTo?: string,
): OrgUnit => ({
  id,
  kind,
  level: kind === 'department' || kind === 'institution' ? 3 : 4,
  parentId,
  code: `C-${id}`,
  name: { 'zh-CN': id },
  validFrom: validFrom as IsoDate,
  ...(validTo === undefined ? {} : { validTo: validTo as IsoDate }),
});

/** Counties A and B merged into `county-ab` on 2025-07-01, with the party organizations given. */
export const mergeCounties = (newPartyOrgs: readonly PartyOrg[] = []): OrgCommand => ({
  type: 'restructure',
  restructuring: {
    id: 'r-ab',
    kind: 'merge',
    subject: 'unit',
    effectiveOn: '2025-07-01',
    originalIds: [ORG.countyA, ORG.countyB],
    resultingIds: ['county-ab'],
  },
  newUnits: [unit('county-ab', 'county-bureau', ORG.city, '2025-07-01')],
  ...(newPartyOrgs.length === 0 ? {} : { newPartyOrgs: [...newPartyOrgs] }),
});

/** `move-unit`: the unit answers to `parentId` from `on`. */
export const moveUnit = (id: string, parentId: string, on: string): OrgCommand => ({
  type: 'move-unit',
  id,
  parentId,
  on: on as IsoDate,
});

/** `move-party-org`: the party organization answers to `parentId` from `on`. */
export const movePartyOrg = (id: string, parentId: string, on: string): OrgCommand => ({
  type: 'move-party-org',
  id,
  parentId,
  on: on as IsoDate,
});

/** The fixture with `edit` applied, which parseDirectory must accept (old snapshots still load). */
export function fixtureWith(edit: (s: FullSnapshot) => void): OrgDirectory {
  const r = parseFixtureWith(edit);
  expect(r.ok, JSON.stringify(r.errors?.map((e) => [e.code, e.path]))).toBe(true);
  return unwrap(r);
}

/** Runs commands in order, each of which must be accepted, keeping every recorded event (for replay checks). */
export function runAll(commands: readonly OrgCommand[], from: OrgDirectory = orgFixture()) {
  let state = from;
  const events: Recorded<OrgEvent>[] = [];
  for (const c of commands) {
    const r = accepted(c, state);
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}
