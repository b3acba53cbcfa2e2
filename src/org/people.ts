import { getRecord, type IsoDate } from '../core/index.js';
import { indexOf } from './_lib/indexes.js';
import { validOn, within } from './_lib/validity.js';
import type { OrgDirectory } from './directory.js';
import type { Member, Post, PostKind } from './schema.js';

// An ended party organization keeps its members' records as history, but nobody belongs to it after its last day.
function inForce(dir: OrgDirectory, partyOrgId: string, asOf: IsoDate): boolean {
  const p = getRecord(dir.partyOrgs, partyOrgId);
  return p !== undefined && validOn(p, asOf);
}

/**
 * The people who belong to a party organization on `asOf` (party organization, membership interval
 * and person record all in force), sorted by id.
 * @category People
 * @example
 * membersOf(dir, 'wh-b10', '2025-10-16').map((m) => m.name);
 */
export function membersOf(dir: OrgDirectory, partyOrgId: string, asOf: IsoDate): readonly Member[] {
  if (!inForce(dir, partyOrgId, asOf)) return [];
  const out: Member[] = [];
  let last = -1;
  for (const e of indexOf(dir).enrolments.get(partyOrgId) ?? []) {
    if (e.memberNo === last || !within(e, asOf)) continue;
    if ((e.memberFrom === undefined || e.memberFrom <= asOf) && (e.memberTo === undefined || asOf <= e.memberTo)) {
      out.push(e.member);
      last = e.memberNo;
    }
  }
  return out;
}

/**
 * True when the person is a full party member (正式党员) on `asOf`.
 * @category People
 * @example
 * isFullMember(member, '2025-10-16'); // true once fullOn ≤ 2025-10-16
 */
export function isFullMember(member: Member, asOf: IsoDate): boolean {
  return member.party.standing === 'full' && member.party.fullOn <= asOf;
}

/**
 * The posts a person holds on `asOf` (post in force, tenure covering the day), sorted by post id.
 * @category People
 * @example
 * postsOf(dir, 'wh-m-b10', '2025-10-16').map((p) => p.kind); // ['leader-in-charge', 'secretary']
 */
export function postsOf(dir: OrgDirectory, memberId: string, asOf: IsoDate): readonly Post[] {
  const posts = (indexOf(dir).holdings.get(memberId) ?? [])
    .filter((h) => validOn(h.post, asOf) && within(h.tenure, asOf))
    .map((h) => h.post);
  return [...new Set(posts)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The people holding a post on `asOf`, in tenure order.
 * @category People
 * @example
 * holdersOf(dir, 'post-sec-wh-b10', '2025-10-16')[0]?.name;
 */
export function holdersOf(dir: OrgDirectory, postId: string, asOf: IsoDate): readonly Member[] {
  const post = getRecord(dir.posts, postId);
  if (!post || !validOn(post, asOf)) return [];
  return post.holders.flatMap((t) => {
    const m = within(t, asOf) ? getRecord(dir.members, t.memberId) : undefined;
    return m ? [m] : [];
  });
}

/**
 * The people holding posts of a kind in a party organization on `asOf` — e.g. its secretary; none
 * when the party organization is not in force that day.
 * @category People
 * @example
 * officersOf(dir, 'wh-b10', 'secretary', '2025-10-16')[0]?.name;
 */
export function officersOf(dir: OrgDirectory, partyOrgId: string, kind: PostKind, asOf: IsoDate): readonly Member[] {
  if (!inForce(dir, partyOrgId, asOf)) return [];
  const posts = indexOf(dir).postsByPartyOrg.get(partyOrgId) ?? [];
  const seen = new Set<string>();
  const out: Member[] = [];
  for (const p of posts) {
    if (p.kind !== kind) continue;
    for (const m of holdersOf(dir, p.id, asOf))
      if (!seen.has(m.id)) {
        seen.add(m.id);
        out.push(m);
      }
  }
  return out;
}

/**
 * The leader in charge (分管领导) of a department on `asOf`: the holder of a `leader-in-charge`
 * post whose `inCharge` lists the department.
 * @category People
 * @example
 * leaderInCharge(dir, 'wh-dept-consumer', '2025-10-16')?.name;
 */
export function leaderInCharge(dir: OrgDirectory, departmentId: string, asOf: IsoDate): Member | undefined {
  for (const p of indexOf(dir).leaderPosts.get(departmentId) ?? []) {
    const holder = holdersOf(dir, p.id, asOf)[0];
    if (holder) return holder;
  }
  return undefined;
}

/**
 * The departments a person is in charge of on `asOf`, sorted.
 * @category People
 * @example
 * departmentsInCharge(dir, 'wh-m-b10', '2025-10-16'); // ['wh-dept-consumer', 'wh-dept-mlm', 'wh-dept-online']
 */
export function departmentsInCharge(dir: OrgDirectory, memberId: string, asOf: IsoDate): readonly string[] {
  const out = new Set<string>();
  for (const p of postsOf(dir, memberId, asOf))
    if (p.kind === 'leader-in-charge') for (const d of p.inCharge) out.add(d);
  return [...out].sort();
}
