import { type DomainError, getRecord, type IsoDate, type Path } from '../core/index.js';
import { validOn } from './_lib/validity.js';
import type { OrgDirectory } from './directory.js';
import { orgError } from './errors.js';
import type { PartyOrgKind, UnitKind } from './schema.js';

/**
 * A reference another module holds into the directory: what it points at, the day it must be in
 * force, and the kinds it may be.
 * @category References
 */
export interface OrgRef {
  readonly kind: 'unit' | 'party-org' | 'member';
  readonly id: string;
  readonly asOf?: IsoDate;
  readonly expect?: readonly (UnitKind | PartyOrgKind)[];
}

/**
 * Checks a reference other modules hold (a task's owner unit, a brand's branch, a risk owner):
 * `undefined` when it is fine, otherwise the error at `path` — `org/unknown-unit`,
 * `org/unknown-party-org`, `org/unknown-member`, `org/not-valid-on` (exists but not in force on
 * `asOf`) or `org/wrong-kind`.
 * @category References
 * @example
 * const e = checkRef(dir, { kind: 'party-org', id: 'wh-b10', asOf: '2025-10-16', expect: ['branch'] }, ['branchId']);
 * if (e) return err(e);
 */
export function checkRef(dir: OrgDirectory, ref: OrgRef, path: Path): DomainError | undefined {
  const rec =
    ref.kind === 'unit'
      ? getRecord(dir.units, ref.id)
      : ref.kind === 'party-org'
        ? getRecord(dir.partyOrgs, ref.id)
        : getRecord(dir.members, ref.id);
  if (!rec) {
    const code =
      ref.kind === 'unit'
        ? 'org/unknown-unit'
        : ref.kind === 'party-org'
          ? 'org/unknown-party-org'
          : 'org/unknown-member';
    return orgError(code, { id: ref.id }, path);
  }
  if (ref.asOf !== undefined && !validOn(rec, ref.asOf))
    return orgError('org/not-valid-on', { id: ref.id, asOf: ref.asOf }, path);
  if (ref.expect && ref.expect.length > 0 && 'kind' in rec && !(ref.expect as readonly string[]).includes(rec.kind))
    return orgError('org/wrong-kind', { id: ref.id, kind: rec.kind, expected: [...ref.expect] }, path);
  return undefined;
}
