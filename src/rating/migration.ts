// The two types the private migration steps in `_lib/migrate/` share with `migrate.ts`; they live
// apart so that those steps need not import the entry that imports them (no-circular).

/**
 * How scores carry over to a new tree version: `clamp` keeps each score but never above the new
 * maximum; `reset` sets every indicator whose points, rule or place changed back to zero and lists it
 * as missing (to be scored again); `proportional` keeps each score's rate (score ÷ old max) and applies
 * it to the new maximum.
 * @category Tree versions
 */
export type MigrationStrategy = 'clamp' | 'reset' | 'proportional';

/** What happened to one leaf indicator or bonus/deduction item during a migration. @category Tree versions */
export interface MigrationAdjustment {
  readonly code: string;
  /** `vetoes` lists the veto items to be checked again; they carry no `before` or `after`. */
  readonly list: 'nodes' | 'bonuses' | 'penalties' | 'vetoes';
  /**
   * `added` (new in the target, unscored or, for a veto, unchecked), `dropped` (gone from the target),
   * `reset` (changed, so scored or, for a veto, checked again), or how a kept score changed.
   */
  readonly action: 'clamped' | 'rescaled' | 'reset' | 'added' | 'dropped';
  readonly before?: number;
  readonly after?: number;
}
