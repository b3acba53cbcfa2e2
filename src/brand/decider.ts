import type { Decider } from '../core/index.js';
import type { OrgDirectory, PartyOrgKind } from '../org/index.js';
import { type BranchLookup, lookupFromDirectory } from './_lib/lookup.js';
import type { BrandCommand } from './commands.js';
import { type DeclarationRules, decideWith } from './decide.js';
import type { BrandEvent } from './events.js';
import { evolveBrand } from './evolve.js';
import { type BrandState, initialBrandState } from './state.js';

/** Options of {@link createBrandDecider}. @category Brand */
export interface BrandDeciderOptions {
  /**
   * The org directory the brand's branch, departments and successors are checked against, on the
   * dates of each command. Without it, ids are only checked for syntax.
   */
  readonly directory?: OrgDirectory;
  /**
   * The party-organization kinds that may hold a brand; `['branch']` by default (一支部一品牌). A bureau
   * that keeps organ-level service brands may add `'organ-committee'` or `'general-branch'`.
   */
  readonly holderKinds?: readonly PartyOrgKind[];
  /**
   * Refuse a declaration (申报) whose profile has no logo (`logoRef`, 标识). Off by default: the "五有"
   * standard that asks for a logo is one county's practice (domain notes §6, Medium confidence), and
   * many named brands have none on record. A bureau whose 申报表 asks for a logo turns it on.
   */
  readonly requireLogo?: boolean;
}

/** @internal */
export function deciderWithLookup(
  lookup: BranchLookup | undefined,
  rules: DeclarationRules = {},
): Decider<BrandState, BrandCommand, BrandEvent> {
  return {
    kind: 'brand',
    initialState: initialBrandState,
    decide: (state, command, ctx) => decideWith(state, command, ctx, lookup, rules),
    evolve: evolveBrand,
  };
}

/**
 * Creates the brand register's decider. With a directory, every command is checked against it: a
 * brand's holder must be a `branch` party organization in force on the command's day, its departments
 * units in force, and a hand-over must go to the branch `successorOf` names. With `requireLogo`, a
 * declaration also needs a logo (标识).
 * @category Brand
 * @example
 * const decider = createBrandDecider({ directory });
 * const r = execute(decider, initialBrandState, { type: 'draft', brandId: 'brand-b10', branchId: 'wh-b10',
 *   on: '2020-03-02', profile: { name: { 'zh-CN': '鼎力维权' }, departments: ['wh-dept-consumer'] } }, ctx);
 */
export function createBrandDecider(options: BrandDeciderOptions = {}): Decider<BrandState, BrandCommand, BrandEvent> {
  const lookup = options.directory
    ? lookupFromDirectory(options.directory, options.holderKinds ?? ['branch'])
    : undefined;
  return deciderWithLookup(lookup, options.requireLogo === true ? { requireLogo: true } : {});
}

/**
 * The brand register's decider without an org directory: the lifecycle and record rules apply, org ids
 * are only checked for syntax.
 * @category Brand
 * @example
 * const r = execute(brandDecider, initialBrandState, command, fixedContext({ now: '2020-09-01T09:00:00+08:00' }));
 */
export const brandDecider: Decider<BrandState, BrandCommand, BrandEvent> = /* @__PURE__ */ deciderWithLookup(undefined);
