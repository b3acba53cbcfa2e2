import { z } from 'zod';
import { IdSchema, InstantSchema, IsoDateSchema, parseWith } from '../../../src/core/index.js';
import { encodeAppend } from '../../../src/store/_lib/encode.js';
import type { HostileTarget } from './_lib.js';

const CoreSample = z.strictObject({
  id: IdSchema,
  title: z.string().min(1).max(200),
  at: InstantSchema,
  due: IsoDateSchema,
  items: z.array(z.strictObject({ code: z.string(), points: z.number().finite() })).max(1000),
});

const recorded = (seq: number) => ({
  type: 'risk-tracked',
  riskId: 'r-1',
  note: '复查',
  seq,
  at: '2025-10-16T09:00:00+08:00',
  actor: 'm-wang',
  schemaVersion: 1,
});

export const coreTargets: readonly HostileTarget[] = [
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

// the synchronous gate every store's append runs before it touches any state
export const storeTargets: readonly HostileTarget[] = [
  {
    label: 'store append',
    sample: { streamId: 'risk-2025', streamKind: 'risk', events: [recorded(1), recorded(2)], expectedVersion: 0 },
    run: (input) => {
      const i = (input ?? {}) as {
        streamId?: unknown;
        streamKind?: unknown;
        events?: unknown;
        expectedVersion?: unknown;
      };
      if (typeof input !== 'object') return encodeAppend(input, 'risk', [], 0);
      return encodeAppend(i.streamId, i.streamKind, i.events as never, i.expectedVersion);
    },
  },
];
