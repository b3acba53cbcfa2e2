import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  allRecords,
  countRecords,
  type Decider,
  getRecord,
  type Instant,
  type IsoDate,
  ok,
} from '../../src/core/index.js';
import {
  type RiskCommand,
  type RiskEvent,
  type RiskItem,
  type RiskStage,
  type RiskState,
  riskDecider,
} from '../../src/risk/index.js';
import { assess, ctx, identify } from '../risk/_fixture.js';
import { riskInvariants } from './_invariants.js';
import { type Attempt, type Choice, checkRandom, formatReport, pickOf, type RandomModel } from './_random.js';

type RiskType = RiskCommand['type'];
const UNITS = ['dept-food', 'dept-drug', 'dept-office'] as const;
const TIERS = ['inherent', 'current', 'target'] as const;

/** The stages each command may start from: the test's own copy of the risk lifecycle. */
const FROM: Partial<Record<RiskType, readonly RiskStage[]>> = {
  'assess-risk': ['identified'],
  're-rate-risk': ['assessed', 'assigned', 'controlling', 'reopened'],
  'assign-risk': ['assessed', 'assigned', 'controlling', 'reopened'],
  'add-measure': ['assigned', 'controlling', 'reopened'],
  'close-risk': ['assigned', 'controlling', 'reopened'],
  'reopen-risk': ['closed'],
};

const openMeasures = (r: RiskItem) => r.measures.filter((m) => m.status.stage === 'open');

/** A command of `type` for risk `riskId` on `on`; `alt` picks its options. */
function command(
  type: RiskType,
  r: RiskItem | undefined,
  riskId: string,
  on: IsoDate,
  alt: number,
  // When true, any closure kind, even over open measures (a step the oracle must see refused).
  anyClosure = false,
): RiskCommand {
  switch (type) {
    case 'assess-risk':
      return assess(riskId, 1 + (alt % 5), 1 + ((alt >> 3) % 5));
    case 're-rate-risk':
      return {
        type,
        riskId,
        tier: pickOf(TIERS, alt),
        factors: { likelihood: 1 + ((alt >> 2) % 5), impact: 1 + ((alt >> 5) % 5) },
        reason: '复评',
      };
    case 'assign-risk':
      return {
        type,
        riskId,
        ownerUnitId: pickOf(UNITS, alt),
        responsibleId: 'm-food-2',
        deadline: addDays(on, 30),
        on,
      };
    case 'add-measure':
      return {
        type,
        riskId,
        measureId: `ms-${(r?.measures.length ?? 0) + 1}`,
        text: '对批发市场冷链食品开展快检',
        ownerId: 'm-food-3',
        deadline: addDays(on, 14),
        on,
      };
    case 'complete-measure': {
      const m = r
        ? pickOf([...(openMeasures(r).length > 0 ? openMeasures(r) : r.measures), { id: 'ms-x' }], alt)
        : undefined;
      return { type, riskId, measureId: m?.id ?? 'ms-1', evidence: '快检记录', on };
    }
    case 'track-risk':
      return { type, riskId, note: '复查', review: alt % 2 === 0, on };
    case 'close-risk': {
      const kind =
        r && openMeasures(r).length > 0 && !anyClosure
          ? 'accepted'
          : pickOf(['eliminated', 'transferred', 'accepted'] as const, alt);
      const closure =
        kind === 'eliminated'
          ? ({ kind, evidence: '复查无新增' } as const)
          : kind === 'transferred'
            ? ({ kind, toUnitId: 'dept-drug', reference: '移交函〔2025〕3号' } as const)
            : ({ kind, approverId: 'm-wang', expiresOn: addDays(on, 180), reason: '残余风险可接受' } as const);
      return { type, riskId, closure, on };
    }
    case 'reopen-risk':
      return { type, riskId, reason: '复查发现新增不合格', on };
    default:
      return identify(riskId, { on });
  }
}

const LIFECYCLE: readonly RiskType[] = [
  'assess-risk',
  're-rate-risk',
  'assign-risk',
  'add-measure',
  'complete-measure',
  'track-risk',
  'close-risk',
  'reopen-risk',
];

/** The commands the lifecycle allows next for each risk (the model's "enabled" set). */
function allowed(s: RiskState, on: IsoDate, alt: number): RiskCommand[] {
  const risks = allRecords(s.risks);
  const out: RiskCommand[] = [];
  if (risks.filter((r) => r.status.stage !== 'closed').length < 3)
    out.push(identify(`r-${countRecords(s.risks) + 1}`, { on }));
  for (const r of risks)
    for (const type of LIFECYCLE) {
      const from = FROM[type];
      if (from && !from.includes(r.status.stage)) continue;
      if (type === 'complete-measure' && openMeasures(r).length === 0) continue;
      out.push(command(type, r, r.id, on, alt));
    }
  out.push({ type: 'rehome-unit', fromUnitId: pickOf(UNITS, alt), toUnitId: pickOf(UNITS, alt + 1), on });
  return out;
}

/** Any lifecycle command on any risk, existing or not: the oracle says which must be refused. */
function anyCommand(s: RiskState, on: IsoDate, c: Choice): RiskCommand {
  const riskId = pickOf([...allRecords(s.risks).map((r) => r.id), 'r-x'], c.alt);
  const type = pickOf<RiskType>([...LIFECYCLE, 'identify-risk'], c.pick);
  const r = getRecord(s.risks, riskId);
  const cmd = command(type, r, riskId, on, c.pick, true);
  // Half the measures named are ones the risk already has.
  if (cmd.type === 'add-measure' && r && r.measures.length > 0 && c.pick % 2 === 0)
    return { ...cmd, measureId: pickOf(r.measures, c.alt).id };
  return cmd;
}

/** The lifecycle oracle: which code a command out of order must be refused with. */
function refusal(s: RiskState, c: RiskCommand): string | undefined {
  if (c.type === 'identify-risk') return getRecord(s.risks, c.riskId) ? 'risk/duplicate-risk' : undefined;
  if (!('riskId' in c)) return undefined;
  const r = getRecord(s.risks, c.riskId);
  if (!r) return 'risk/unknown-risk';
  const from = FROM[c.type];
  if (from && !from.includes(r.status.stage)) return 'risk/wrong-stage';
  if (c.type === 'add-measure' && r.measures.some((m) => m.id === c.measureId)) return 'risk/duplicate-measure';
  if (c.type === 'complete-measure') {
    const m = r.measures.find((x) => x.id === c.measureId);
    if (!m) return 'risk/unknown-measure';
    if (m.status.stage === 'done') return 'risk/measure-done';
  }
  if (c.type === 'close-risk' && c.closure.kind !== 'accepted' && openMeasures(r).length > 0)
    return 'risk/open-measures';
  return undefined;
}

const ids = (s: RiskState): string[] =>
  allRecords(s.risks).flatMap((r) => [`risk:${r.id}`, ...r.measures.map((m) => `measure:${r.id}/${m.id}`)]);

/** The risk list as a random-walk model. */
function riskModel(
  decider: Decider<RiskState, RiskCommand, RiskEvent>,
): RandomModel<RiskState, RiskCommand, RiskEvent> {
  return {
    name: 'risk',
    decider,
    start: '2025-01-02',
    waits: fc.constantFrom(0, 0, 1, 2, 7),
    context: (day) => ctx(`${day}T09:00:00+08:00` as Instant),
    next(s, day, c): Attempt<RiskCommand> {
      if (c.mode < 75) return { command: pickOf(allowed(s, day, c.alt), c.pick), valid: true };
      return { command: anyCommand(s, day, c), valid: false };
    },
    refusal,
    invariants: riskInvariants,
    ids,
  };
}

describe('risk model: random long walks', () => {
  it('seeded walks of 30–200 commands keep the risk-list invariants after every step, refuse every skipped step, and replay', () => {
    const r = checkRandom(riskModel(riskDecider), { seed: 20251017, numRuns: 80, minLength: 30, maxLength: 200 });
    console.info(formatReport('risk', r));
    expect(r.sequences).toBe(80);
    expect(r.longest).toBeGreaterThan(150);
    expect(r.predictedRefusals).toBeGreaterThan(1000);
    expect(r.accepted).toBeGreaterThan(r.commands / 2);
    for (const type of ['risk-closed', 'risk-reopened', 'measure-completed', 'risk-re-rated', 'unit-rehomed'])
      expect(r.eventTypes[type] ?? 0, type).toBeGreaterThan(20);
  });
});

describe('risk model: the walk catches a broken decider', () => {
  it('a closure over open measures is refused by the oracle', () => {
    const d: Decider<RiskState, RiskCommand, RiskEvent> = {
      ...riskDecider,
      initialState: { version: 0, risks: {}, consultations: {}, keyPosts: {} },
      decide(state, c, context) {
        const r = c.type === 'close-risk' ? getRecord(state.risks, c.riskId) : undefined;
        if (c.type === 'close-risk' && r && FROM['close-risk']?.includes(r.status.stage))
          return ok([
            { type: 'risk-closed', riskId: c.riskId, on: c.on ?? '2025-01-02', closure: c.closure } as RiskEvent,
          ]);
        return riskDecider.decide(state, c, context);
      },
    };
    const quick = { seed: 20251017, numRuns: 30, minLength: 30, maxLength: 200, endOnFailure: true } as const;
    expect(() => checkRandom(riskModel(d), quick)).toThrow(/accepted; the model expects risk\/open-measures/);
  });
});
