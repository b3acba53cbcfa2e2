import {
  brandDecider,
  initialBrandState,
  parseAchievement,
  parseActivity,
  parseBrandCommand,
  parseBrandProfile,
  parseHonor,
} from '../../../src/brand/index.js';
import { fixedContext } from '../../../src/core/index.js';
import { profile as brandProfile, toNamed } from '../../brand/_fixture.js';
import { ORG } from '../../helpers/org-fixture.js';
import { command, type HostileTarget, stateAfter } from './_lib.js';

const brandCtx = fixedContext({ now: '2025-10-16T09:00:00+08:00', actor: 'u-organ-committee' });
const brandNamed = stateAfter(brandDecider, toNamed('brand-food', ORG.branchFood), brandCtx);

export const brandTargets: readonly HostileTarget[] = [
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
];
