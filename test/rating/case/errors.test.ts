import { describe, expect, expectTypeOf, it } from 'vitest';
import { LOCALES, label } from '../../../src/core/index.js';
import { ratingCaseError } from '../../../src/rating/case/errors.js';
import {
  noticeCountingLabels,
  type RatingCaseErrorCode,
  ratingCaseStatusLabels,
  ratingStepLabels,
  recheckOutcomeLabels,
} from '../../../src/rating/case/index.js';

describe('rating-case errors and labels', () => {
  it('the exported code union is exactly the catalogue', () => {
    expectTypeOf<RatingCaseErrorCode>().toEqualTypeOf<keyof typeof ratingCaseError.catalogue>();
    expect(Object.keys(ratingCaseError.catalogue).every((c) => c.startsWith('rating/case-'))).toBe(true);
  });

  it('renders both messages from the details', () => {
    const e = ratingCaseError('rating/case-wrong-awarding-level', { star: 4, required: 2, actual: 3 }, [
      'awardingLevel',
    ]);
    expect(e.message['zh-CN']).toContain('省级');
    expect(e.message.en).toContain('level 2');
  });

  it('every label exists in both locales', () => {
    for (const table of [ratingCaseStatusLabels, ratingStepLabels, recheckOutcomeLabels, noticeCountingLabels])
      for (const key of Object.keys(table))
        for (const locale of LOCALES) expect(label(table as never, key as never, locale)).not.toBe('');
  });
});
