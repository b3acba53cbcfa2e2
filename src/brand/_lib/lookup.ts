import type { DomainError, IsoDate, Path } from '../../core/index.js';
import { checkRef, findPartyOrg, type OrgDirectory, type PartyOrgKind, successorOf } from '../../org/index.js';
import { brandError } from '../errors.js';

/**
 * What the brand rules need to know about organizations; built from an org directory when the host
 * gives one. Without it, ids are only checked for syntax.
 */
export interface BranchLookup {
  /** undefined when `branchId` is a brand-holding party organization valid on `on`. */
  checkBranch(branchId: string, on: IsoDate, path: Path): DomainError | undefined;
  /** undefined when `unitId` is a unit valid on `on`. */
  checkDepartment(unitId: string, on: IsoDate, path: Path): DomainError | undefined;
  /** The unit a party organization belongs to. */
  unitOf(partyOrgId: string, on: IsoDate): string | undefined;
  /** Where a branch went after restructurings; itself when unchanged. */
  successorOf(partyOrgId: string, on: IsoDate): string;
}

/** Turns the org module's reference errors into the brand module's own codes, keeping the org error as the cause. */
function asBrandError(e: DomainError, id: string, on: IsoDate, kind: 'branch' | 'department'): DomainError {
  const cause = { code: e.code, ...(e.details ?? {}) };
  if (kind === 'department')
    return {
      ...brandError('brand/unknown-department', { unitId: id, on }, e.path),
      details: { unitId: id, on, cause },
    };
  if (e.code === 'org/wrong-kind') {
    const found = String((e.details as { kind?: unknown } | undefined)?.kind ?? '');
    return {
      ...brandError('brand/not-a-branch', { branchId: id, kind: found }, e.path),
      details: { branchId: id, kind: found, cause },
    };
  }
  if (e.code === 'org/not-valid-on')
    return {
      ...brandError('brand/branch-not-valid', { branchId: id, on }, e.path),
      details: { branchId: id, on, cause },
    };
  return { ...brandError('brand/unknown-branch', { branchId: id }, e.path), details: { branchId: id, cause } };
}

/** A {@link BranchLookup} over an org directory: brands are held by party organizations of `holderKinds`. */
export function lookupFromDirectory(dir: OrgDirectory, holderKinds: readonly PartyOrgKind[]): BranchLookup {
  return {
    checkBranch(branchId, on, path) {
      const e = checkRef(dir, { kind: 'party-org', id: branchId, asOf: on, expect: holderKinds }, path);
      return e && asBrandError(e, branchId, on, 'branch');
    },
    checkDepartment(unitId, on, path) {
      const e = checkRef(dir, { kind: 'unit', id: unitId, asOf: on }, path);
      return e && asBrandError(e, unitId, on, 'department');
    },
    unitOf: (partyOrgId, on) => findPartyOrg(dir, partyOrgId, on)?.unitId,
    successorOf: (partyOrgId, on) => successorOf(dir, partyOrgId, on),
  };
}
