import { expect } from 'vitest';
import { type DomainError, execute, fixedContext } from '../../src/core/index.js';
import { type OrgCommand, type OrgDirectory, orgDecider, toSnapshot } from '../../src/org/index.js';
import { deepFreeze } from './freeze.js';
import { orgFixture } from './org-fixture.js';

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
