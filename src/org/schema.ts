import { z } from 'zod';
import { IdSchema, IsoDateSchema, LocalizedNameSchema, NameSchema } from '../core/index.js';

/**
 * Kind of an administrative unit: the bureau levels, a grass-roots station (市场监管所), an internal
 * department (科室), an affiliated institution (事业单位), and the party-building guidance stations and
 * contact points (指导站 / 联络点) set up for small businesses.
 * @category Units
 */
export const UnitKindSchema = /* @__PURE__ */ z.enum([
  'administration',
  'provincial-bureau',
  'municipal-bureau',
  'county-bureau',
  'station',
  'department',
  'institution',
  'guidance-station',
  'contact-point',
]);
/** Kind of an administrative unit. @category Units */
export type UnitKind = z.infer<typeof UnitKindSchema>;

/** Administrative level: 1 national, 2 provincial, 3 municipal, 4 county. @category Units */
export const UnitLevelSchema = /* @__PURE__ */ z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
/** Administrative level: 1 national, 2 provincial, 3 municipal, 4 county. @category Units */
export type UnitLevel = z.infer<typeof UnitLevelSchema>;

/** The days a record is in force: from `validFrom` through `validTo` (both inclusive). */
const validity = {
  validFrom: IsoDateSchema,
  validTo: IsoDateSchema.optional(),
};

/**
 * A parent a unit or party organization had before its current `parentId` (隶属关系 before a move), through
 * `validTo`, its last day as the parent. No `parentId`: the record had no parent then (a root later placed
 * under one).
 * @category Units
 */
export const FormerParentSchema = /* @__PURE__ */ z.strictObject({
  parentId: IdSchema.optional(),
  validTo: IsoDateSchema,
});
/** A parent a unit or party organization had before its current one. @category Units */
export type FormerParent = z.infer<typeof FormerParentSchema>;

/**
 * The parents a record had before its current `parentId`, oldest first: the first applies from the record's
 * `validFrom`, each next one (and at last `parentId`) from the day after the previous entry's `validTo`.
 */
const formerParents = /* @__PURE__ */ z.array(FormerParentSchema).max(200).readonly().optional();

/**
 * An administrative unit (W3C `org:Organization` / `org:OrganizationalUnit`): a bureau, station,
 * department, institution, guidance station or contact point, with its parent, code and validity.
 * `parentId` is the parent now; a unit moved by `move-unit` keeps the parents it had before in
 * `formerParents`.
 * @category Units
 */
export const OrgUnitSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  kind: UnitKindSchema,
  level: UnitLevelSchema,
  parentId: IdSchema.optional(),
  formerParents,
  /** Unique among units, e.g. a unified social credit code or an internal code. */
  code: z.string().trim().min(1).max(64),
  name: LocalizedNameSchema,
  ...validity,
});
/** An administrative unit. @category Units */
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

/**
 * Kind of a party organization: 党组, 党委, 机关党委, 党总支, 党支部, 党小组.
 * @category Party organizations
 */
export const PartyOrgKindSchema = /* @__PURE__ */ z.enum([
  'leading-group',
  'committee',
  'organ-committee',
  'general-branch',
  'branch',
  'group',
]);
/** Kind of a party organization. @category Party organizations */
export type PartyOrgKind = z.infer<typeof PartyOrgKindSchema>;

/**
 * The term of an elected body: the day it was last elected and the length of the term in years
 * (by default 5 for a 党委 or 机关党委, 3 for a 党总支 or 党支部; set 5 for village and community
 * bodies). A 党小组 or 党组 is not elected and has no term (one on them is refused, `org/wrong-kind`).
 * @category Party organizations
 */
export const TermSchema = /* @__PURE__ */ z.strictObject({
  electedOn: IsoDateSchema,
  years: z.number().int().min(1).max(10),
});
/** The term of an elected body. @category Party organizations */
export type Term = z.infer<typeof TermSchema>;

/**
 * A party organization. `parentId` is the party-line superior (the higher committee, organ
 * committee or 机关工委) now, and `formerParents` the superiors it had before a `move-party-org`;
 * `leadingGroupId` is the unit's 党组, the second superior of a party body
 * inside an organ. A party body sits in a unit (`unitId`) but does not lead its business work;
 * `covers` lists the departments it is built on ("branch built on the business chain").
 * @category Party organizations
 */
export const PartyOrgSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  kind: PartyOrgKindSchema,
  parentId: IdSchema.optional(),
  formerParents,
  leadingGroupId: IdSchema.optional(),
  unitId: IdSchema,
  covers: z.array(IdSchema).max(1000).readonly(),
  name: LocalizedNameSchema,
  term: TermSchema.optional(),
  ...validity,
});
/** A party organization. @category Party organizations */
export type PartyOrg = z.infer<typeof PartyOrgSchema>;

/**
 * A person's standing in the party: not a member, probationary (预备党员) since `joinedOn`, or full
 * (正式党员) since `fullOn`.
 * @category People
 */
export const PartyStandingSchema = /* @__PURE__ */ z.discriminatedUnion('standing', [
  z.strictObject({ standing: z.literal('none') }),
  z.strictObject({ standing: z.literal('probationary'), joinedOn: IsoDateSchema }),
  z.strictObject({ standing: z.literal('full'), joinedOn: IsoDateSchema, fullOn: IsoDateSchema }),
]);
/** A person's standing in the party. @category People */
export type PartyStanding = z.infer<typeof PartyStandingSchema>;

/**
 * A membership interval (W3C `org:Membership` with `org:memberDuring`): the person belongs to a
 * party organization from `from` through `to`.
 * @category People
 */
export const MembershipSchema = /* @__PURE__ */ z.strictObject({
  partyOrgId: IdSchema,
  from: IsoDateSchema,
  to: IsoDateSchema.optional(),
});
/** A membership interval. @category People */
export type Membership = z.infer<typeof MembershipSchema>;

/** Whether a person is still on the rolls. @category People */
export const MemberStatusSchema = /* @__PURE__ */ z.enum(['active', 'retired', 'transferred-out', 'deceased']);
/** Whether a person is still on the rolls. @category People */
export type MemberStatus = z.infer<typeof MemberStatusSchema>;

/**
 * A person in the directory (party member or not), the unit they work in, and their party
 * membership intervals. `validFrom`/`validTo` bound the person's record itself.
 * @category People
 */
export const MemberSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  name: NameSchema,
  unitId: IdSchema.optional(),
  party: PartyStandingSchema,
  status: MemberStatusSchema,
  memberships: z.array(MembershipSchema).max(200).readonly(),
  validFrom: IsoDateSchema.optional(),
  validTo: IsoDateSchema.optional(),
});
/** A person in the directory. @category People */
export type Member = z.infer<typeof MemberSchema>;

/**
 * Kind of a post: the branch posts (书记, 副书记, 委员, 党小组组长), the roles a committee member plays
 * for a branch (指导员, 辅导员, 督导员) and the leader in charge of departments (分管领导). Every kind but
 * `leader-in-charge` is a party post, held by a party member; a `secretary` post has one holder at a time.
 * @category People
 */
export const PostKindSchema = /* @__PURE__ */ z.enum([
  'secretary',
  'deputy-secretary',
  'committee-member',
  'group-leader',
  'guide',
  'tutor',
  'overseer',
  'leader-in-charge',
]);
/** Kind of a post. @category People */
export type PostKind = z.infer<typeof PostKindSchema>;

/** One person's time in a post (W3C `org:holds` over an interval). @category People */
export const TenureSchema = /* @__PURE__ */ z.strictObject({
  memberId: IdSchema,
  from: IsoDateSchema,
  to: IsoDateSchema.optional(),
});
/** One person's time in a post. @category People */
export type Tenure = z.infer<typeof TenureSchema>;

const postBase = {
  id: IdSchema,
  name: LocalizedNameSchema.optional(),
  holders: z.array(TenureSchema).max(200).readonly(),
  ...validity,
};

/**
 * A post, which exists independently of whoever holds it (W3C `org:Post`): a party post in a party
 * organization; a guide/tutor/overseer post of a committee for one branch; or the leader in charge
 * of a set of departments of a unit.
 * @category People
 */
export const PostSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({
    ...postBase,
    kind: z.enum(['secretary', 'deputy-secretary', 'committee-member', 'group-leader']),
    partyOrgId: IdSchema,
  }),
  z.strictObject({
    ...postBase,
    kind: z.enum(['guide', 'tutor', 'overseer']),
    partyOrgId: IdSchema,
    forPartyOrgId: IdSchema,
  }),
  z.strictObject({
    ...postBase,
    kind: z.literal('leader-in-charge'),
    unitId: IdSchema,
    inCharge: z.array(IdSchema).min(1).max(200).readonly(),
  }),
]);
/** A post. @category People */
export type Post = z.infer<typeof PostSchema>;

/** Kind of a restructuring (机构改革). @category Restructurings */
export const RestructuringKindSchema = /* @__PURE__ */ z.enum(['merge', 'split', 'rename', 'transfer', 'dissolve']);
/** Kind of a restructuring. @category Restructurings */
export type RestructuringKind = z.infer<typeof RestructuringKindSchema>;

/**
 * A restructuring (W3C `org:ChangeEvent`): the original units or party organizations, the
 * resulting ones, and the day it takes effect. Originals that are not also results end the day
 * before; nothing is deleted.
 * @category Restructurings
 */
export const RestructuringSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  kind: RestructuringKindSchema,
  subject: z.enum(['unit', 'party-org']),
  effectiveOn: IsoDateSchema,
  originalIds: z.array(IdSchema).min(1).max(200).readonly(),
  resultingIds: z.array(IdSchema).max(200).readonly(),
  note: z.string().trim().min(1).max(2000).optional(),
});
/** A restructuring. @category Restructurings */
export type Restructuring = z.infer<typeof RestructuringSchema>;

/** A reference to something a pairing links. @category Pairings */
export const PartyRefSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unit'), id: IdSchema }),
  z.strictObject({ kind: z.literal('party-org'), id: IdSchema }),
  z.strictObject({ kind: z.literal('member'), id: IdSchema }),
  z.strictObject({ kind: z.literal('external'), name: LocalizedNameSchema }),
]);
/** A reference to something a pairing links. @category Pairings */
export type PartyRef = z.infer<typeof PartyRefSchema>;

/** Kind of a pairing: 两级包保 (baobao) or 支部联建 / 结对共建 (joint-building). @category Pairings */
export const PairingKindSchema = /* @__PURE__ */ z.enum(['baobao', 'joint-building']);
/** Kind of a pairing. @category Pairings */
export type PairingKind = z.infer<typeof PairingKindSchema>;

/**
 * A pairing: in `baobao` the `lead` (a bureau leader as a `member`, or a division as a `unit`) covers
 * the `partner` (a `unit` of kind `county-bureau` or `station`); in `joint-building` a branch builds
 * jointly with a partner, possibly outside the directory.
 * @category Pairings
 */
export const PairingSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  kind: PairingKindSchema,
  lead: PartyRefSchema,
  partner: PartyRefSchema,
  ...validity,
});
/** A pairing. @category Pairings */
export type Pairing = z.infer<typeof PairingSchema>;

/** Kind of a market entity (小个专). @category Liaison */
export const MarketEntityKindSchema = /* @__PURE__ */ z.enum(['small-micro', 'individual', 'specialized-market']);
/** Kind of a market entity. @category Liaison */
export type MarketEntityKind = z.infer<typeof MarketEntityKindSchema>;

/** A small-micro enterprise, individual business or specialized market, supervised by a unit. @category Liaison */
export const MarketEntitySchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  kind: MarketEntityKindSchema,
  name: LocalizedNameSchema,
  unitId: IdSchema,
  gridId: IdSchema.optional(),
  ...validity,
});
/** A market entity. @category Liaison */
export type MarketEntity = z.infer<typeof MarketEntitySchema>;

/** A 1+N liaison: one party member liaises with N market entities. @category Liaison */
export const LiaisonSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  memberId: IdSchema,
  entityIds: z.array(IdSchema).min(1).max(1000).readonly(),
  ...validity,
});
/** A 1+N liaison. @category Liaison */
export type Liaison = z.infer<typeof LiaisonSchema>;

/** A supervision grid cell (网格) of a unit, with the members who work it. @category Liaison */
export const GridSchema = /* @__PURE__ */ z.strictObject({
  id: IdSchema,
  code: z.string().trim().min(1).max(64),
  name: LocalizedNameSchema,
  unitId: IdSchema,
  memberIds: z.array(IdSchema).max(200).readonly(),
  ...validity,
});
/** A supervision grid cell. @category Liaison */
export type Grid = z.infer<typeof GridSchema>;

/**
 * A plain snapshot of a directory as a host stores or sends it: arrays of records. Only `units` is
 * required; the other collections default to empty.
 * @category Directory
 */
export const DirectorySnapshotSchema = /* @__PURE__ */ z.strictObject({
  units: z.array(OrgUnitSchema).max(100_000),
  partyOrgs: z.array(PartyOrgSchema).max(100_000).optional(),
  members: z.array(MemberSchema).max(100_000).optional(),
  posts: z.array(PostSchema).max(100_000).optional(),
  restructurings: z.array(RestructuringSchema).max(100_000).optional(),
  pairings: z.array(PairingSchema).max(100_000).optional(),
  marketEntities: z.array(MarketEntitySchema).max(100_000).optional(),
  liaisons: z.array(LiaisonSchema).max(100_000).optional(),
  grids: z.array(GridSchema).max(100_000).optional(),
});
/** A plain snapshot of a directory. @category Directory */
export type DirectorySnapshot = z.infer<typeof DirectorySnapshotSchema>;

/** The collections of a directory, by the names a snapshot and the state use. @category Directory */
export type Collection =
  | 'units'
  | 'partyOrgs'
  | 'members'
  | 'posts'
  | 'restructurings'
  | 'pairings'
  | 'marketEntities'
  | 'liaisons'
  | 'grids';
