import type { PartyOrgKind, UnitKind, UnitLevel } from '../schema.js';

const BUREAUS: readonly UnitKind[] = ['administration', 'provincial-bureau', 'municipal-bureau', 'county-bureau'];

/**
 * The unit kinds each unit kind may sit under. An empty list means the kind is always a root. A
 * root of any kind is allowed (the directory may hold only part of the hierarchy).
 */
export const UNIT_PARENT_KINDS: { readonly [K in UnitKind]: readonly UnitKind[] } = {
  administration: [],
  'provincial-bureau': ['administration'],
  'municipal-bureau': ['provincial-bureau'],
  // In a municipality directly under the central government (直辖市) the district bureaus sit right under the
  // provincial-level bureau, e.g. 上海市市场监督管理局 → 崇明区市场监督管理局.
  'county-bureau': ['municipal-bureau', 'provincial-bureau'],
  station: ['county-bureau'],
  department: BUREAUS,
  institution: BUREAUS,
  'guidance-station': ['municipal-bureau', 'county-bureau', 'station'],
  'contact-point': ['municipal-bureau', 'county-bureau', 'station', 'guidance-station'],
};

/** The fixed administrative level of the bureau kinds; other kinds take their parent's level. */
export const UNIT_FIXED_LEVEL: { readonly [K in UnitKind]: UnitLevel | undefined } = {
  administration: 1,
  'provincial-bureau': 2,
  'municipal-bureau': 3,
  'county-bureau': 4,
  station: undefined,
  department: undefined,
  institution: undefined,
  'guidance-station': undefined,
  'contact-point': undefined,
};

/** The party-organization kinds each kind may answer to on the party line. */
export const PARTY_PARENT_KINDS: { readonly [K in PartyOrgKind]: readonly PartyOrgKind[] } = {
  'leading-group': ['committee'],
  committee: ['committee', 'leading-group'],
  'organ-committee': ['committee', 'leading-group'],
  'general-branch': ['committee', 'organ-committee', 'leading-group'],
  branch: ['committee', 'organ-committee', 'general-branch', 'leading-group'],
  group: ['branch'],
};

/** The party-organization kinds that are built on departments (cover them). */
export const COVERING_KINDS: readonly PartyOrgKind[] = ['branch', 'general-branch'];
