/**
 * Every public parse function and command the hostile corpus runs against: a label, a valid sample, and a function
 * from unknown input to a Result. Commands run through `execute` on a small, deep-frozen, valid state.
 */
import { z } from 'zod';
import {
  brandDecider,
  initialBrandState,
  parseAchievement,
  parseActivity,
  parseBrandCommand,
  parseBrandProfile,
  parseHonor,
} from '../../src/brand/index.js';
import {
  type Context,
  type Decider,
  execute,
  fixedContext,
  IdSchema,
  InstantSchema,
  IsoDateSchema,
  parseWith,
  type Result,
  type Typed,
  unwrap,
} from '../../src/core/index.js';
import { loopDecider, parseWorkPlan } from '../../src/loop/index.js';
import { orgDecider, parseDirectory } from '../../src/org/index.js';
import {
  parseIndicatorTree,
  parsePointsScheme,
  parseStarScheme,
  parseTaskBook,
  ratingCaseDecider,
} from '../../src/rating/index.js';
import { MATRIX_METHOD_A, parseRiskMethod, riskDecider } from '../../src/risk/index.js';
import { encodeAppend } from '../../src/store/_lib/encode.js';
import { profile as brandProfile, toNamed } from '../brand/_fixture.js';
import { deepFreeze } from '../helpers/freeze.js';
import { ORG, orgFixture, orgFixtureSnapshot } from '../helpers/org-fixture.js';
import { closing, story } from '../loop/_fixture.js';
import { treeInput } from '../rating/_fixtures.js';
import { toNotice } from '../rating/case/_fixture.js';
import { vanguardInput } from '../rating/points/_fixtures.js';
import { assess, identify, lifecycle, measure } from '../risk/_fixture.js';

export interface HostileTarget {
  readonly label: string;
  readonly sample: unknown;
  readonly run: (input: unknown) => Result<unknown>;
}

const CoreSample = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(200),
  at: InstantSchema,
  due: IsoDateSchema,
  items: z.array(z.strictObject({ code: z.string(), points: z.number().finite() })).max(1000),
});

/** Runs commands in order from the decider's initial state; the result is deep-frozen. */
function stateAfter<S extends { version: number }, C extends Typed, E extends Typed>(
  decider: Decider<S, C, E>,
  commands: readonly C[],
  ctx: Context,
): S {
  let state = decider.initialState;
  for (const c of commands) state = unwrap(execute(decider, state, c, ctx)).state;
  return deepFreeze(state);
}

/**
 * A command target: the hostile command runs through `execute` on a deep-frozen state (so any write to it throws),
 * and a refusal must hand back nothing but errors.
 */
function command<S extends { version: number }, C extends Typed, E extends Typed>(
  label: string,
  decider: Decider<S, C, E>,
  state: S,
  sample: C | undefined,
  ctx: Context,
): HostileTarget {
  if (sample === undefined) throw new Error(`${label}: no sample command`);
  return {
    label,
    sample,
    run: (input) => execute(decider, state, input as C, ctx),
  };
}

const loopCtx = fixedContext({ now: '2025-11-20T09:00:00+08:00', actor: 'u-office' });
const riskCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'm-wang' });
const brandCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-organ-committee' });
const ratingCtx = fixedContext({ now: '2025-04-10T09:00:00+08:00', actor: 'u-office' });
const orgCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-office' });

const loopAtSupervision = stateAfter(loopDecider, story, loopCtx);
const loopLookedBack = stateAfter(loopDecider, [...story, ...closing.slice(0, 3)], loopCtx);
const riskState = stateAfter(riskDecider, [...lifecycle('r-1'), identify('r-2')], riskCtx);
const brandNamed = stateAfter(brandDecider, toNamed('brand-food', ORG.branchFood), brandCtx);
const ratingNoticed = stateAfter(
  ratingCaseDecider,
  toNotice('rc-1', 'st-baiyun').map(([, c]) => c),
  ratingCtx,
);
const orgDir = deepFreeze(orgFixture());

/** A slice of the org fixture (city, one department, one county and station, three party organizations). */
function smallOrgSnapshot() {
  const snap = orgFixtureSnapshot();
  const units = new Set<string>([ORG.city, ORG.deptFood, ORG.countyA, ORG.stationA1]);
  const orgs = new Set<string>([ORG.leadingGroup, ORG.organCommittee, ORG.branchFood]);
  const members = snap.members.filter(
    (m) => units.has(m.unitId ?? '') && m.memberships.every((ms) => orgs.has(ms.partyOrgId)),
  );
  const memberIds = new Set(members.map((m) => m.id));
  return {
    units: snap.units.filter((u) => units.has(u.id)),
    partyOrgs: snap.partyOrgs.filter((o) => orgs.has(o.id)),
    members: members.slice(0, 3),
    posts: snap.posts
      .filter((p) =>
        memberIds.has(String((p as unknown as { holders?: { memberId: string }[] }).holders?.[0]?.memberId)),
      )
      .slice(0, 2),
  };
}

const workPlan = {
  id: 'plan-food-2025',
  unitId: 'dept-food',
  year: 2025,
  title: '食品监管科 2025 年工作计划',
  revisions: [
    {
      number: 1,
      on: '2025-01-10',
      by: '科长',
      summary: '初稿',
      tasks: [
        {
          id: 't-check',
          title: '批批快检',
          ownerUnitId: 'dept-food',
          kind: 'business',
          dueOn: '2025-12-31',
          milestones: [{ id: 'm-q3', title: '三季度快检全覆盖', dueOn: '2025-09-15' }],
        },
      ],
      comments: [],
    },
  ],
  reports: [],
  checks: [],
};

const recorded = (seq: number) => ({
  type: 'risk-tracked',
  riskId: 'r-1',
  note: '复查',
  seq,
  at: '2025-10-16T09:00:00+08:00',
  actor: 'm-wang',
  schemaVersion: 1,
});

export const targets: readonly HostileTarget[] = [
  {
    label: 'core parseWith',
    sample: {
      id: 'dep-1',
      title: '食品安全专项检查',
      at: '2025-10-16T09:00:00+08:00',
      due: '2025-10-31',
      items: [{ code: 'A1', points: 10 }],
    },
    run: (input) => parseWith(CoreSample, input),
  },
  // org
  { label: 'org parseDirectory', sample: smallOrgSnapshot(), run: (input) => parseDirectory(input) },
  command(
    'org add-unit',
    orgDecider,
    orgDir,
    {
      type: 'add-unit',
      record: {
        id: 'st-a3',
        kind: 'station',
        level: 4,
        code: 'C-st-a3',
        name: { 'zh-CN': '新城市场监管所' },
        parentId: ORG.countyA,
        validFrom: '2025-01-01',
      },
    },
    orgCtx,
  ),
  command('org end-unit', orgDecider, orgDir, { type: 'end-unit', id: ORG.stationA2, on: '2025-06-30' }, orgCtx),
  command(
    'org join-party-org',
    orgDecider,
    orgDir,
    { type: 'join-party-org', memberId: 'm-food-2', partyOrgId: ORG.branchDrug, from: '2025-03-01' },
    orgCtx,
  ),
  command(
    'org record-election',
    orgDecider,
    orgDir,
    { type: 'record-election', partyOrgId: ORG.branchFood, electedOn: '2026-03-01', years: 3 },
    orgCtx,
  ),
  command(
    'org restructure',
    orgDecider,
    orgDir,
    {
      type: 'restructure',
      restructuring: {
        id: 'rs-ab',
        kind: 'merge',
        subject: 'unit',
        effectiveOn: '2025-07-01',
        originalIds: [ORG.stationA1, ORG.stationA2],
        resultingIds: [ORG.stationA1],
      },
    },
    orgCtx,
  ),
  // brand
  { label: 'brand parseBrandCommand', sample: toNamed()[4], run: (input) => parseBrandCommand(input) },
  { label: 'brand parseBrandProfile', sample: brandProfile, run: (input) => parseBrandProfile(input) },
  {
    label: 'brand parseAchievement',
    sample: {
      id: 'ach-1',
      facet: 'service',
      title: '消费维权服务站',
      source: '访谈',
      period: { from: '2020-01-01', to: '2020-06-30' },
      measure: { kind: 'quantity', value: 69, unit: '处' },
    },
    run: (input) => parseAchievement(input),
  },
  {
    label: 'brand parseHonor',
    sample: { id: 'h-1', title: '先进基层党组织', year: 2016, awardedBy: { body: '市直机关工委', level: 'municipal' } },
    run: (input) => parseHonor(input),
  },
  {
    label: 'brand parseActivity',
    sample: {
      id: 'act-1',
      branchId: ORG.branchFood,
      kind: 'volunteer-service',
      title: '舌尖上的科普',
      on: '2021-05-20',
      participants: 12,
      partners: ['某社区'],
    },
    run: (input) => parseActivity(input),
  },
  command('brand draft', brandDecider, initialBrandState, toNamed('brand-x', ORG.branchDrug)[0], brandCtx),
  command(
    'brand record-honor',
    brandDecider,
    brandNamed,
    {
      type: 'record-honor',
      brandId: 'brand-food',
      honor: {
        id: 'h-1',
        title: '先进基层党组织',
        year: 2021,
        awardedBy: { body: '市直机关工委', level: 'municipal' },
      },
    },
    brandCtx,
  ),
  command(
    'brand review',
    brandDecider,
    stateAfter(brandDecider, toNamed('brand-food', ORG.branchFood).slice(0, 3), brandCtx),
    toNamed('brand-food', ORG.branchFood)[3],
    brandCtx,
  ),
  // loop
  { label: 'loop parseWorkPlan', sample: workPlan, run: (input) => parseWorkPlan(input) },
  command('loop order-deployment', loopDecider, loopDecider.initialState, story[0], loopCtx),
  command('loop issue-notice', loopDecider, stateAfter(loopDecider, story.slice(0, 2), loopCtx), story[2], loopCtx),
  command('loop report-resolution', loopDecider, loopAtSupervision, closing[0], loopCtx),
  command('loop strike-off', loopDecider, loopLookedBack, closing[3], loopCtx),
  // risk
  { label: 'risk parseRiskMethod', sample: structuredClone(MATRIX_METHOD_A), run: (input) => parseRiskMethod(input) },
  command('risk identify-risk', riskDecider, riskDecider.initialState, identify('r-1'), riskCtx),
  command('risk assess-risk', riskDecider, riskState, assess('r-2'), riskCtx),
  command('risk add-measure', riskDecider, riskState, measure('r-1', 'ms-2', '2025-10-30'), riskCtx),
  command(
    'risk track-risk',
    riskDecider,
    riskState,
    { type: 'track-risk', riskId: 'r-1', note: '复查快检记录', review: true, on: '2025-09-20' },
    riskCtx,
  ),
  command(
    'risk hold-consultation',
    riskDecider,
    riskState,
    {
      type: 'hold-consultation',
      consultationId: 'cons-2025q3',
      kind: 'regular',
      title: '2025 年第三季度食品安全风险会商',
      date: '2025-09-26',
      participants: ['m-wang', 'm-food-2'],
      reviewed: ['r-1'],
      decisions: [
        {
          type: 're-rate-risk',
          riskId: 'r-1',
          tier: 'current',
          factors: { likelihood: 4, impact: 5 },
          reason: '投诉量上升',
        },
      ],
    },
    riskCtx,
  ),
  command(
    'risk register-key-post',
    riskDecider,
    riskState,
    {
      type: 'register-key-post',
      postId: 'p-enforce',
      unitId: 'dept-food',
      power: '行政处罚',
      riskPoints: ['自由裁量权滥用'],
      criteria: {
        powerOrResources: true,
        discretion: true,
        opennessOrCollective: false,
        indirectGain: false,
        highIncidence: true,
      },
      measures: ['重大案件集体审议'],
      responsibleId: 'm-wang',
    },
    riskCtx,
  ),
  // rating
  { label: 'rating parseIndicatorTree', sample: treeInput(), run: (input) => parseIndicatorTree(input) },
  {
    label: 'rating parseStarScheme',
    sample: {
      id: 'stars',
      name: { 'zh-CN': '等级评定' },
      levels: [
        { star: 3, minTotal: 70 },
        { star: 4, minTotal: 85, minAreaRate: 0.75 },
      ],
    },
    run: (input) => parseStarScheme(input),
  },
  { label: 'rating parsePointsScheme', sample: vanguardInput(), run: (input) => parsePointsScheme(input) },
  {
    label: 'rating parseTaskBook',
    sample: {
      id: 'jx-2025',
      name: { 'zh-CN': '2025 年机关支部党建任务书（示意）' },
      required: [{ code: 'R1', title: { 'zh-CN': '三会一课' }, points: 30 }],
      optional: [
        { code: 'O1', title: { 'zh-CN': '舌尖上的科普志愿服务' }, points: 15 },
        { code: 'O2', title: { 'zh-CN': '支部联建' }, points: 10 },
      ],
      optionalMin: 1,
      optionalCap: 20,
    },
    run: (input) => parseTaskBook(input),
  },
  command(
    'rating-case apply',
    ratingCaseDecider,
    ratingCaseDecider.initialState,
    { type: 'apply', caseId: 'rc-1', unitId: 'st-baiyun', star: 3, recommendedBy: 'b-xigang' },
    ratingCtx,
  ),
  command(
    'rating-case raise-objection',
    ratingCaseDecider,
    ratingNoticed,
    { type: 'raise-objection', caseId: 'rc-1', objectionId: 'o-1', text: '档案造假' },
    fixedContext({ now: '2025-04-11T09:00:00+08:00', actor: 'u-office' }),
  ),
  command(
    'rating-case award',
    ratingCaseDecider,
    ratingNoticed,
    { type: 'award', caseId: 'rc-1', awardingUnitId: 'b-dalian', awardingLevel: 3, certificateNo: 'DL-3S-2025-001' },
    fixedContext({ now: '2025-04-30T09:00:00+08:00', actor: 'u-office' }),
  ),
  // store: the synchronous gate every store's append runs before it touches any state
  {
    label: 'store append',
    sample: { streamId: 'risk-2025', streamKind: 'risk', events: [recorded(1), recorded(2)], expectedVersion: 0 },
    run: (input) => {
      const i = (input ?? {}) as {
        streamId?: unknown;
        streamKind?: unknown;
        events?: unknown;
        expectedVersion?: unknown;
      };
      if (typeof input !== 'object') return encodeAppend(input, 'risk', [], 0);
      return encodeAppend(i.streamId, i.streamKind, i.events as never, i.expectedVersion);
    },
  },
];
