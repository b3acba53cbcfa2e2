/**
 * Every public parse function and command the hostile corpus runs against: a label, a valid sample, and a function
 * from unknown input to a Result. Modules add their entries here.
 */
import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, parseWith, type Result } from '../../src/core/index.js';

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
];
