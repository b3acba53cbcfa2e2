import { defineErrors } from '../core/index.js';
import type { MemberStatus } from './schema.js';

type Id = { id: string };
type Kinds = { id: string; kind: string; expected: readonly string[] };
type ValidOn = { id: string; asOf: string; status?: MemberStatus; postId?: string };
// `parentId`/`endsOn` are set when the parent is being ended while this child would run on under it.
type ParentKinds = Kinds & { parentId?: string; endsOn?: string };
// `validTo` is absent when the child has no end date at all.
type Outlives = { id: string; parentId: string; parentValidTo: string; validTo?: string };
type UnitEnded = { id: string; unitId: string; unitValidTo: string };
type LeadingGroupEnded = { id: string; leadingGroupId: string; leadingGroupValidTo: string };
// an id listed twice in one of a record's id lists
type DuplicateEntry = {
  field: 'covers' | 'entityIds' | 'memberIds' | 'inCharge' | 'originalIds' | 'resultingIds';
  id: string;
};

const LIST_ZH: { readonly [F in DuplicateEntry['field']]: string } = {
  covers: '覆盖的单位',
  entityIds: '联系的市场主体',
  memberIds: '网格人员',
  inCharge: '分管的科室',
  originalIds: '原机构',
  resultingIds: '改革后机构',
};
const LIST_EN: { readonly [F in DuplicateEntry['field']]: string } = {
  covers: 'covered units',
  entityIds: 'market entities',
  memberIds: 'grid members',
  inCharge: 'departments in charge',
  originalIds: 'original organizations',
  resultingIds: 'resulting organizations',
};

// for the one message that names a person's status; the module exports no status labels
const STATUS_ZH: { readonly [S in MemberStatus]: string } = {
  active: '在职',
  retired: '离退休',
  'transferred-out': '已转出',
  deceased: '已去世',
};

/** The org module's error catalogue (structural errors, command refusals and advisories). @internal */
export const orgError = /* @__PURE__ */ defineErrors({
  'org/unknown-unit': {
    'zh-CN': (d: Id) => `单位 ${d.id} 不存在`,
    en: (d: Id) => `Unit ${d.id} does not exist`,
  },
  'org/unknown-party-org': {
    'zh-CN': (d: Id) => `党组织 ${d.id} 不存在`,
    en: (d: Id) => `Party organization ${d.id} does not exist`,
  },
  'org/unknown-member': {
    'zh-CN': (d: Id) => `人员 ${d.id} 不存在`,
    en: (d: Id) => `Member ${d.id} does not exist`,
  },
  'org/unknown-record': {
    'zh-CN': (d: { id: string; collection: string }) => `记录 ${d.id} 不存在（${d.collection}）`,
    en: (d: { id: string; collection: string }) => `No record ${d.id} in ${d.collection}`,
  },
  // `status` is set when the record is in force but the person is no longer on the rolls (e.g. deceased);
  // `postId` when it is a post they cannot be given rather than a party organization they cannot join.
  'org/not-valid-on': {
    'zh-CN': (d: ValidOn) =>
      d.status === undefined
        ? `${d.id} 在 ${d.asOf} 不在有效期内`
        : `${d.id} 的人员状态为 ${STATUS_ZH[d.status]}，在 ${d.asOf} 不能${d.postId === undefined ? '编入党组织' : `担任 ${d.postId}`}`,
    en: (d: ValidOn) =>
      d.status === undefined
        ? `${d.id} is not in force on ${d.asOf}`
        : `${d.id} is ${d.status.replace('-', ' ')} and cannot ${d.postId === undefined ? 'join a party organization' : `hold post ${d.postId}`} on ${d.asOf}`,
  },
  'org/wrong-kind': {
    'zh-CN': (d: Kinds) => `${d.id} 的类型为 ${d.kind}，此处应为 ${d.expected.join('、')}`,
    en: (d: Kinds) => `${d.id} is a ${d.kind}; expected ${d.expected.join(' or ')}`,
  },
  'org/duplicate-id': {
    'zh-CN': (d: Id) => `编号 ${d.id} 重复`,
    en: (d: Id) => `Duplicate id ${d.id}`,
  },
  'org/duplicate-code': {
    'zh-CN': (d: { code: string; ids: readonly string[] }) => `代码 ${d.code} 重复：${d.ids.join('、')}`,
    en: (d: { code: string; ids: readonly string[] }) => `Code ${d.code} is used by ${d.ids.join(', ')}`,
  },
  'org/duplicate-entry': {
    'zh-CN': (d: DuplicateEntry) => `${LIST_ZH[d.field] ?? d.field}（${d.field}）中 ${d.id} 重复列出`,
    en: (d: DuplicateEntry) => `${d.id} is listed more than once in ${d.field} (${LIST_EN[d.field] ?? d.field})`,
  },
  'org/cycle': {
    'zh-CN': (d: { ids: readonly string[] }) => `上下级关系成环：${d.ids.join(' → ')}`,
    en: (d: { ids: readonly string[] }) => `The parent links form a cycle: ${d.ids.join(' → ')}`,
  },
  // `kind` is empty when the record has no parent but its kind needs one (a 党小组 outside any branch).
  'org/invalid-parent-kind': {
    'zh-CN': (d: ParentKinds) =>
      d.endsOn !== undefined
        ? `${d.parentId} 于 ${d.endsOn} 终止后，${d.id} 将失去上级；请先终止或调整 ${d.id}`
        : d.kind === ''
          ? `${d.id} 必须设在 ${d.expected.join('、')} 之下，不能没有上级`
          : `${d.id} 的上级类型为 ${d.kind}，不能设在其下；可设在 ${d.expected.join('、') || '（无上级）'} 之下`,
    en: (d: ParentKinds) =>
      d.endsOn !== undefined
        ? `${d.id} would be left under ${d.parentId}, which ends on ${d.endsOn}; end or restructure ${d.id} first`
        : d.kind === ''
          ? `${d.id} needs a parent; allowed parents: ${d.expected.join(', ')}`
          : `${d.id} cannot sit under a ${d.kind}; allowed parents: ${d.expected.join(', ') || '(none: a root)'}`,
  },
  // the advisory twin of the `endsOn` refusal above, for snapshots and logs written before the decider refused it
  'org/outlives-parent': {
    'zh-CN': (d: Outlives) =>
      `上级 ${d.parentId} 于 ${d.parentValidTo} 终止后，${d.id} 仍在有效期内（${d.validTo === undefined ? '未设终止日期' : `至 ${d.validTo}`}）；应终止或调整 ${d.id}`,
    en: (d: Outlives) =>
      `${d.id} is still in force after its parent ${d.parentId} ends on ${d.parentValidTo} (${d.validTo === undefined ? 'with no end date' : `until ${d.validTo}`}); end or restructure ${d.id}`,
  },
  // the lag the decider allows: a party organization is adjusted by the party line after its unit ends
  'org/unit-ended': {
    'zh-CN': (d: UnitEnded) =>
      `党组织 ${d.id} 所在单位 ${d.unitId} 已于 ${d.unitValidTo} 终止，${d.id} 仍在有效期内；应报上级党组织批准后调整或撤销 ${d.id}`,
    en: (d: UnitEnded) =>
      `Party organization ${d.id} is still in force after its unit ${d.unitId} ended on ${d.unitValidTo}; restructure or end ${d.id} with the higher party organization's approval`,
  },
  // the same lag for the 党组 (`leadingGroupId`), the second superior of a party body inside an organ
  'org/leading-group-ended': {
    'zh-CN': (d: LeadingGroupEnded) =>
      `党组织 ${d.id} 的党组 ${d.leadingGroupId} 已于 ${d.leadingGroupValidTo} 终止，${d.id} 仍在有效期内；应明确新的党组或报批调整 ${d.id}`,
    en: (d: LeadingGroupEnded) =>
      `Party organization ${d.id} is still in force after its leading party group ${d.leadingGroupId} ended on ${d.leadingGroupValidTo}; name a new leading party group for ${d.id} or restructure it with approval`,
  },
  'org/level-mismatch': {
    'zh-CN': (d: { id: string; level: number; expected: number }) => `${d.id} 的层级为 ${d.level}，应为 ${d.expected}`,
    en: (d: { id: string; level: number; expected: number }) => `${d.id} has level ${d.level}; expected ${d.expected}`,
  },
  'org/already-ended': {
    'zh-CN': (d: { id: string; validTo: string }) => `${d.id} 已于 ${d.validTo} 终止`,
    en: (d: { id: string; validTo: string }) => `${d.id} already ended on ${d.validTo}`,
  },
  'org/invalid-restructuring': {
    'zh-CN': (d: { kind: string; originals: number; results: number }) =>
      `${d.kind} 类机构调整的原机构数 ${d.originals}、新机构数 ${d.results} 不符合要求`,
    en: (d: { kind: string; originals: number; results: number }) =>
      `A ${d.kind} cannot have ${d.originals} original(s) and ${d.results} result(s)`,
  },
  'org/not-a-party-member': {
    'zh-CN': (d: Id) => `${d.id} 不是党员，不能编入党组织或担任党内职务`,
    en: (d: Id) => `${d.id} is not a party member and cannot join a party organization or hold a party post`,
  },
  'org/overlapping-interval': {
    'zh-CN': (d: { id: string; with: string }) => `${d.id} 与 ${d.with} 的任职或隶属期间重叠`,
    en: (d: { id: string; with: string }) => `${d.id} already has an overlapping interval with ${d.with}`,
  },
  'org/branch-too-small': {
    'zh-CN': (d: { id: string; full: number; limit: number }) =>
      `党支部 ${d.id} 仅有正式党员 ${d.full} 名，不足 ${d.limit} 名`,
    en: (d: { id: string; full: number; limit: number }) =>
      `Branch ${d.id} has only ${d.full} full member(s); at least ${d.limit} are needed`,
  },
  'org/branch-too-large': {
    'zh-CN': (d: { id: string; members: number; limit: number }) =>
      `党支部 ${d.id} 有党员 ${d.members} 名，超过一般上限 ${d.limit} 名`,
    en: (d: { id: string; members: number; limit: number }) =>
      `Branch ${d.id} has ${d.members} members, above the usual limit of ${d.limit}`,
  },
  'org/committee-required': {
    'zh-CN': (d: { id: string; full: number }) => `党支部 ${d.id} 有正式党员 ${d.full} 名，应设立支部委员会`,
    en: (d: { id: string; full: number }) => `Branch ${d.id} has ${d.full} full members and needs a branch committee`,
  },
  'org/term-expired': {
    'zh-CN': (d: { id: string; dueOn: string }) => `${d.id} 任期已于 ${d.dueOn} 届满，未记录换届选举`,
    en: (d: { id: string; dueOn: string }) => `The term of ${d.id} ended on ${d.dueOn} and no election is recorded`,
  },
  'org/secretary-not-in-charge': {
    'zh-CN': (d: { id: string; memberId: string; departmentIds: readonly string[] }) =>
      `党支部 ${d.id} 书记 ${d.memberId} 不是 ${d.departmentIds.join('、')} 的分管领导（一岗双责）`,
    en: (d: { id: string; memberId: string; departmentIds: readonly string[] }) =>
      `The secretary ${d.memberId} of branch ${d.id} is not the leader in charge of ${d.departmentIds.join(', ')}`,
  },
  'org/department-uncovered': {
    'zh-CN': (d: Id) => `科室 ${d.id} 未被任何党支部覆盖`,
    en: (d: Id) => `Department ${d.id} is covered by no branch`,
  },
  'org/department-double-covered': {
    'zh-CN': (d: { id: string; partyOrgIds: readonly string[] }) =>
      `科室 ${d.id} 同时被 ${d.partyOrgIds.join('、')} 覆盖`,
    en: (d: { id: string; partyOrgIds: readonly string[] }) =>
      `Department ${d.id} is covered by more than one branch: ${d.partyOrgIds.join(', ')}`,
  },
  'org/station-without-guidance': {
    'zh-CN': (d: Id) => `市场监管所 ${d.id} 没有党建指导站或联络点`,
    en: (d: Id) => `Station ${d.id} has no guidance station or contact point`,
  },
  'org/liaison-over-limit': {
    'zh-CN': (d: { id: string; entities: number; limit: number }) =>
      `党员 ${d.id} 联系 ${d.entities} 个市场主体，超过上限 ${d.limit}`,
    en: (d: { id: string; entities: number; limit: number }) =>
      `Member ${d.id} liaises with ${d.entities} market entities, above the limit of ${d.limit}`,
  },
});

/**
 * Every error and advisory code of the org module. Codes are public API.
 * @category Errors
 */
export type OrgErrorCode =
  | 'org/unknown-unit'
  | 'org/unknown-party-org'
  | 'org/unknown-member'
  | 'org/unknown-record'
  | 'org/not-valid-on'
  | 'org/wrong-kind'
  | 'org/duplicate-id'
  | 'org/duplicate-code'
  | 'org/duplicate-entry'
  | 'org/cycle'
  | 'org/invalid-parent-kind'
  | 'org/outlives-parent'
  | 'org/unit-ended'
  | 'org/leading-group-ended'
  | 'org/level-mismatch'
  | 'org/already-ended'
  | 'org/invalid-restructuring'
  | 'org/not-a-party-member'
  | 'org/overlapping-interval'
  | 'org/branch-too-small'
  | 'org/branch-too-large'
  | 'org/committee-required'
  | 'org/term-expired'
  | 'org/secretary-not-in-charge'
  | 'org/department-uncovered'
  | 'org/department-double-covered'
  | 'org/station-without-guidance'
  | 'org/liaison-over-limit';
