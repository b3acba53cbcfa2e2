/**
 * Every public parse function and command the hostile corpus runs against: a label, a valid sample, and a function
 * from unknown input to a Result. Commands run through `execute` on a small, deep-frozen, valid state. One file per
 * module under `targets/`; `coverage.test.ts` checks that every command of every decider has a target.
 */
import type { HostileTarget } from './targets/_lib.js';
import { brandTargets } from './targets/brand.js';
import { coreTargets, storeTargets } from './targets/core.js';
import { loopTargets } from './targets/loop.js';
import { orgTargets } from './targets/org.js';
import { ratingTargets } from './targets/rating.js';
import { riskTargets } from './targets/risk.js';

export type { HostileTarget } from './targets/_lib.js';

export const targets: readonly HostileTarget[] = [
  ...coreTargets,
  ...orgTargets,
  ...brandTargets,
  ...loopTargets,
  ...riskTargets,
  ...ratingTargets,
  ...storeTargets,
];
