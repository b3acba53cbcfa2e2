import { describe, expect, it } from 'vitest';
import type { BrandCommand } from '../../src/brand/index.js';
import * as brandModule from '../../src/brand/index.js';
import * as coreModule from '../../src/core/index.js';
import type { LoopCommand } from '../../src/loop/index.js';
import * as loopModule from '../../src/loop/index.js';
import type { OrgCommand } from '../../src/org/index.js';
import * as orgModule from '../../src/org/index.js';
import type { RatingCaseCommand } from '../../src/rating/index.js';
import * as ratingModule from '../../src/rating/index.js';
import type { RiskCommand } from '../../src/risk/index.js';
import * as riskModule from '../../src/risk/index.js';
import { targets } from './targets.js';

/**
 * Every command of every decider has a hostile target (`<decider> <command type>`). The lists are typed as records
 * over each command union, so a command added to a decider fails to compile here until it is listed, and then fails
 * this test until it has a target.
 */
type All<T extends string> = { readonly [K in T]: true };

const org: All<OrgCommand['type']> = {
  'add-unit': true,
  'add-party-org': true,
  'add-member': true,
  'add-post': true,
  'add-pairing': true,
  'add-market-entity': true,
  'add-liaison': true,
  'add-grid': true,
  'end-unit': true,
  'end-party-org': true,
  'end-member': true,
  'end-post': true,
  'end-pairing': true,
  'end-market-entity': true,
  'end-liaison': true,
  'end-grid': true,
  'move-unit': true,
  'move-party-org': true,
  'join-party-org': true,
  'leave-party-org': true,
  'change-standing': true,
  'assign-post': true,
  'vacate-post': true,
  'record-election': true,
  restructure: true,
};

const brand: All<BrandCommand['type']> = {
  draft: true,
  'update-profile': true,
  declare: true,
  'start-cultivation': true,
  review: true,
  name: true,
  'start-periodic-review': true,
  'conclude-periodic-review': true,
  revoke: true,
  rename: true,
  rebrand: true,
  'hand-over': true,
  'record-achievement': true,
  'record-honor': true,
  'record-activity': true,
};

const loop: All<LoopCommand['type']> = {
  'order-deployment': true,
  'record-inspection': true,
  'issue-notice': true,
  'record-problem': true,
  'order-supervision': true,
  'request-extension': true,
  'decide-extension': true,
  'report-resolution': true,
  'review-resolution': true,
  'record-look-back': true,
  'strike-off': true,
  'close-deployment': true,
  'rehome-unit': true,
  'correct-record': true,
};

const risk: All<RiskCommand['type']> = {
  'identify-risk': true,
  'assess-risk': true,
  're-rate-risk': true,
  'assign-risk': true,
  'add-measure': true,
  'complete-measure': true,
  'track-risk': true,
  'close-risk': true,
  'reopen-risk': true,
  'hold-consultation': true,
  'register-key-post': true,
  'respond-integrity-risk': true,
  'rehome-unit': true,
};

const ratingCase: All<RatingCaseCommand['type']> = {
  apply: true,
  'review-materials': true,
  'inspect-on-site': true,
  'give-feedback': true,
  'decide-at-meeting': true,
  'start-notice': true,
  'raise-objection': true,
  'resolve-objection': true,
  award: true,
  recheck: true,
};

const deciders = { org, brand, loop, risk, 'rating-case': ratingCase };

describe('the hostile corpus', () => {
  const labels = new Set(targets.map((t) => t.label));

  it.each(Object.entries(deciders))('runs against every %s command', (decider, commands) => {
    const missing = Object.keys(commands).filter((type) => !labels.has(`${decider} ${type}`));
    expect(missing).toEqual([]);
  });

  it('runs against every public parse function', () => {
    const modules = {
      core: coreModule,
      org: orgModule,
      brand: brandModule,
      loop: loopModule,
      risk: riskModule,
      rating: ratingModule,
    };
    const parsers = Object.entries(modules).flatMap(([name, exports]) =>
      Object.entries(exports)
        .filter(([key, value]) => key.startsWith('parse') && typeof value === 'function')
        // parseMany runs the corpus through compiled and interpreted parsers in parsers.test.ts
        .filter(([key]) => !(name === 'core' && key === 'parseMany'))
        .map(([key]) => `${name} ${key}`),
    );
    expect(parsers.length).toBeGreaterThanOrEqual(13);
    expect(parsers.filter((label) => !labels.has(label))).toEqual([]);
  });

  it('names each target once', () => {
    expect(labels.size).toBe(targets.length);
  });
});
