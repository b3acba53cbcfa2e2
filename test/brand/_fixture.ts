import type { BrandCommand, BrandEvent, BrandProfile, BrandState } from '../../src/brand/index.js';
import { createBrandDecider, initialBrandState } from '../../src/brand/index.js';
import { type Context, type Decider, execute, fixedContext, type Recorded, unwrap } from '../../src/core/index.js';
import { parseDirectory } from '../../src/org/index.js';
import { ORG, orgFixture, orgFixtureSnapshot } from '../helpers/org-fixture.js';

export { ORG };
export const ctx: Context = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-organ-committee' });
export const directory = orgFixture();
export const decider = createBrandDecider({ directory });

/** The fixture with br-drug merged into br-food on 2024-01-01. */
export function mergedDirectory() {
  const snap = orgFixtureSnapshot();
  const drug = snap.partyOrgs.find((p) => p.id === ORG.branchDrug);
  if (drug) Object.assign(drug, { validTo: '2023-12-31' });
  snap.restructurings.push({
    id: 'rs-merge-drug',
    kind: 'merge',
    subject: 'party-org',
    effectiveOn: '2024-01-01',
    originalIds: [ORG.branchDrug, ORG.branchFood],
    resultingIds: [ORG.branchFood],
  });
  return unwrap(parseDirectory(snap));
}

export const profile: BrandProfile = {
  name: { 'zh-CN': '食安卫士', en: 'Food Safety Guards' },
  slogan: '守护舌尖上的安全',
  connotation: '聚焦人民群众舌尖上的安全',
  workingMethod: '批批快检 + 网络订餐监控',
  businessField: '食品安全监管',
  departments: [ORG.deptFood],
  facets: { service: { description: '第三方快检进市场' } },
};

export function draft(brandId = 'brand-food', branchId: string = ORG.branchFood, on = '2020-01-06'): BrandCommand {
  return { type: 'draft', brandId, branchId, on: on as '2020-01-06', profile };
}

/** Executes commands in order, failing the test on the first refusal; returns the state and every event. */
export function run(
  commands: readonly BrandCommand[],
  d: Decider<BrandState, BrandCommand, BrandEvent> = decider,
  from: BrandState = initialBrandState,
): { state: BrandState; events: Recorded<BrandEvent>[] } {
  let state = from;
  const events: Recorded<BrandEvent>[] = [];
  for (const c of commands) {
    const r = unwrap(execute(d, state, c, ctx));
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

/** The commands that take a brand from draft to named. */
export function toNamed(brandId = 'brand-food', branchId: string = ORG.branchFood): BrandCommand[] {
  return [
    draft(brandId, branchId),
    { type: 'declare', brandId, on: '2020-02-03', declaredTo: '机关党委' },
    { type: 'start-cultivation', brandId, on: '2020-03-02' },
    { type: 'review', brandId, on: '2020-06-15', reviewedBy: '机关党委评审组', outcome: 'selected', score: 92 },
    {
      type: 'name',
      brandId,
      on: '2020-07-01',
      namedBy: { body: '机关党委', level: 'internal' },
      notice: { from: '2020-06-16', to: '2020-06-22' },
    },
  ];
}
