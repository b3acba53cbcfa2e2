import type { MemberStatus, PairingKind, PartyOrgKind, PartyRef, PostKind, UnitKind, UnitLevel } from '../schema.js';

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

/**
 * The party-organization kinds that cannot be a root: a 党小组 exists only inside a branch (条例 art. 13),
 * and the branch is always in the same directory, so the partial-hierarchy allowance does not apply.
 */
export const PARTY_PARENT_REQUIRED: readonly PartyOrgKind[] = ['group'];

/**
 * The normal term in years of each elected body, after 中办《关于党的基层组织任期的意见》(2018): 5 for a
 * 基层委员会 (党委, 机关党委), 3 for a 总支 or 支部. A 党小组 (its 组长 is named by the branch) and a 党组
 * (appointed, not elected) have no term, so no election is recorded for them.
 */
export const DEFAULT_TERM_YEARS: { readonly [K in PartyOrgKind]: number | undefined } = {
  'leading-group': undefined,
  committee: 5,
  'organ-committee': 5,
  'general-branch': 3,
  branch: 3,
  group: undefined,
};

/** The party-organization kinds that hold elections (those with a default term). */
export const ELECTED_KINDS: readonly PartyOrgKind[] = ['committee', 'organ-committee', 'general-branch', 'branch'];

/**
 * The statuses of a person who may join a party organization. A retired member (离退休党员) keeps
 * their party membership and is usually enrolled in a retirees' branch; a person transferred out
 * (组织关系转出) or deceased is no longer on these rolls.
 */
export const JOINABLE_STATUSES: readonly MemberStatus[] = ['active', 'retired'];

/**
 * The statuses of a person who may be given each kind of post. A party post follows party
 * membership ({@link JOINABLE_STATUSES}): a retired member often leads a retirees' branch or serves
 * as its 督导员. A leader in charge (分管领导) is a serving leader of the unit, so only `active`.
 */
export const POST_HOLDER_STATUSES: { readonly [K in PostKind]: readonly MemberStatus[] } = {
  secretary: JOINABLE_STATUSES,
  'deputy-secretary': JOINABLE_STATUSES,
  'committee-member': JOINABLE_STATUSES,
  'group-leader': JOINABLE_STATUSES,
  guide: JOINABLE_STATUSES,
  tutor: JOINABLE_STATUSES,
  overseer: JOINABLE_STATUSES,
  'leader-in-charge': ['active'],
};

/**
 * The party-organization kinds that end with their parent: a 党小组 exists only inside its branch
 * (条例 art. 13), so it cannot outlive it. A child of any other kind (a branch under a 总支 or 党委)
 * answers to whoever takes over, which is the host's call, so its parent cannot end while it runs on.
 */
export const ENDS_WITH_PARENT: readonly PartyOrgKind[] = ['group'];

/** Party posts only one person holds at a time: a branch has just 1 书记 (条例 ch. 6). */
export const SOLE_HOLDER_POSTS: readonly PostKind[] = ['secretary'];

/** What one end of a pairing may refer to: reference kinds, and for a unit, its unit kinds. */
export interface PairingEnd {
  readonly refKinds: readonly PartyRef['kind'][];
  readonly unitKinds?: readonly UnitKind[];
}

/**
 * The ends each pairing kind allows; a kind not listed allows any reference. In 两级包保 a bureau
 * leader (a member) or a division (a unit) covers a district or county bureau or a station (seed 004,
 * Dalian: leaders cover districts, division heads cover key stations).
 */
export const PAIRING_ENDS: {
  readonly [K in PairingKind]?: { readonly lead: PairingEnd; readonly partner: PairingEnd };
} = {
  baobao: {
    lead: { refKinds: ['member', 'unit'] },
    partner: { refKinds: ['unit'], unitKinds: ['county-bureau', 'station'] },
  },
};
