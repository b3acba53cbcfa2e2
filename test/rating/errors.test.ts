import { describe, expectTypeOf, it } from 'vitest';
import type { ratingError } from '../../src/rating/errors.js';
import type { RatingErrorCode } from '../../src/rating/index.js';

describe('rating error codes', () => {
  it('the exported union matches the catalogue', () => {
    expectTypeOf<RatingErrorCode>().toEqualTypeOf<keyof typeof ratingError.catalogue>();
  });
});
