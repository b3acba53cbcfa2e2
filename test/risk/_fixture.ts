import { type Context, execute, fixedContext, type Instant, unwrap } from '../../src/core/index.js';
import { type RiskCommand, type RiskState, riskDecider } from '../../src/risk/index.js';

export const NOW = '2025-10-16T09:00:00+08:00' as Instant;
export const ctx = (now: Instant = NOW, actor = 'm-wang'): Context => fixedContext({ now, actor });

/** Runs commands in order, throwing on the first refusal; returns the final state and all events. */
export function run(commands: readonly RiskCommand[], c: Context = ctx(), from: RiskState = riskDecider.initialState) {
  let state = from;
  const events = [];
  for (const cmd of commands) {
    const r = unwrap(execute(riskDecider, state, cmd, c));
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

export const identify = (
  riskId: string,
  extra: Partial<Extract<RiskCommand, { type: 'identify-risk' }>> = {},
): RiskCommand => ({
  type: 'identify-risk',
  riskId,
  title: '节日期间冷链食品抽检不合格',
  category: 'food',
  source: 'inspection',
  unitId: 'dept-food',
  on: '2025-09-01',
  ...extra,
});
export const assess = (riskId: string, likelihood = 4, impact = 4): RiskCommand => ({
  type: 'assess-risk',
  riskId,
  methodId: 'matrix-5x5-a',
  inherent: { likelihood: 5, impact },
  current: { likelihood, impact },
  target: { likelihood: 2, impact },
  reason: '季度会商研判',
});
export const assign = (riskId: string, deadline = '2025-10-31'): RiskCommand => ({
  type: 'assign-risk',
  riskId,
  ownerUnitId: 'dept-food',
  responsibleId: 'm-food-2',
  deadline: deadline as '2025-10-31',
  on: '2025-09-02',
});
export const measure = (riskId: string, measureId: string, deadline = '2025-09-30'): RiskCommand => ({
  type: 'add-measure',
  riskId,
  measureId,
  text: '对批发市场冷链食品开展快检',
  ownerId: 'm-food-3',
  deadline: deadline as '2025-09-30',
  on: '2025-09-03',
});
export const lifecycle = (riskId: string): RiskCommand[] => [
  identify(riskId),
  assess(riskId),
  assign(riskId),
  measure(riskId, 'ms-1'),
];
