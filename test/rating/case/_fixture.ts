import {
  type Context,
  execute,
  fixedContext,
  type Instant,
  type IsoDate,
  type Recorded,
  unwrap,
  withContext,
} from '../../../src/core/index.js';
import { type OrgDirectory, parseDirectory } from '../../../src/org/index.js';
import {
  type RatingCaseCommand,
  type RatingCaseEvent,
  type RatingCaseState,
  ratingCaseDecider,
} from '../../../src/rating/case/index.js';

export const baseCtx: Context = fixedContext({ now: '2025-03-03T09:00:00+08:00', actor: 'u-office' });

/** The context at 09:00 Beijing time on a day. */
export function ctxOn(day: IsoDate, actor = 'u-office'): Context {
  return withContext(baseCtx, { now: `${day}T09:00:00+08:00` as Instant, actor });
}

type AnyDecider = typeof ratingCaseDecider;

/** Runs commands on their days and returns the final state and every event; throws on a refusal. */
export function drive(
  steps: readonly (readonly [IsoDate, RatingCaseCommand])[],
  from: RatingCaseState = ratingCaseDecider.initialState,
  decider: AnyDecider = ratingCaseDecider,
): { state: RatingCaseState; events: Recorded<RatingCaseEvent>[] } {
  let state = from;
  const events: Recorded<RatingCaseEvent>[] = [];
  for (const [day, command] of steps) {
    const r = unwrap(execute(decider, state, command, ctxOn(day)));
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

/** The steps of a three-star case up to an approved, noticed case (notice 5 working days from 2025-03-24). */
export function toNotice(
  caseId: string,
  unitId: string,
  star: 3 | 4 | 5 = 3,
  extra: Partial<{ firstRound: boolean; municipality: boolean }> = {},
) {
  return [
    ['2025-03-03', { type: 'apply', caseId, unitId, star, recommendedBy: 'b-xigang', ...extra }],
    ['2025-03-10', { type: 'review-materials', caseId, passed: true, note: '材料齐全' }],
    ['2025-03-14', { type: 'inspect-on-site', caseId, passed: true, inspectors: ['p-wang', 'p-li'] }],
    ['2025-03-17', { type: 'give-feedback', caseId, feedback: '档案管理需进一步规范' }],
    ['2025-03-21', { type: 'decide-at-meeting', caseId, approved: true, note: '党组会议2025年第5次' }],
    ['2025-03-24', { type: 'start-notice', caseId, days: 5 }],
  ] as const satisfies readonly (readonly [IsoDate, RatingCaseCommand])[];
}

/** The award command of the city bureau of Dalian. */
export const cityAward = (caseId: string): RatingCaseCommand => ({
  type: 'award',
  caseId,
  awardingUnitId: 'b-dalian',
  awardingLevel: 3,
  recheckEveryMonths: 12,
  certificateNo: 'DL-3S-2025-001',
});

/** SAMR → Liaoning → Dalian → Xigang district → Baiyun station; plus Shanghai → Chongming district → a station. */
export function directory(): OrgDirectory {
  const u = (id: string, kind: string, level: number, parentId?: string) => ({
    id,
    kind,
    level,
    code: id.toUpperCase(),
    name: { 'zh-CN': id },
    validFrom: '2018-01-01',
    ...(parentId ? { parentId } : {}),
  });
  return unwrap(
    parseDirectory({
      units: [
        u('b-samr', 'administration', 1),
        u('b-liaoning', 'provincial-bureau', 2, 'b-samr'),
        u('b-dalian', 'municipal-bureau', 3, 'b-liaoning'),
        u('b-xigang', 'county-bureau', 4, 'b-dalian'),
        u('st-baiyun', 'station', 4, 'b-xigang'),
        // The org rules put a county bureau only under a municipal bureau, so Shanghai is entered as one here.
        u('b-shanghai', 'municipal-bureau', 3, 'b-liaoning'),
        u('b-chongming', 'county-bureau', 4, 'b-shanghai'),
        u('st-chengqiao', 'station', 4, 'b-chongming'),
      ],
    }),
  );
}
