/**
 * Risk lists (风险清单): rating methods (L × S matrices, LEC) with configurable four-colour bands,
 * risk items that are listed, owned, time-boxed and tracked to closure (风险清单化、清单责任化、
 * 办结时效化、落实跟踪化), consultations (风险会商) whose decisions drive the list, escalation
 * suggestions, the key-post integrity-risk register (廉政风险防控), and per-unit metrics.
 * @module risk
 */

export type { RiskDirectory } from './_lib/references.js';
export * from './commands.js';
export {
  type ConsultationMinutes,
  consultationMinutes,
  type MinutesItem,
} from './consultation.js';
export {
  createRiskDecider,
  decideRisk,
  EMPTY_RISK_STATE,
  type RiskDeciderOptions,
  riskDecider,
} from './decide.js';
export type { RiskErrorCode } from './errors.js';
export type {
  Consultation,
  FromConsultation,
  IntegrityResponse,
  KeyPost,
  RiskEvent,
  RiskEventType,
  RiskState,
} from './events.js';
export { evolveRisk } from './evolve.js';
export {
  INTEGRITY_LEDGER_COLUMNS,
  type IntegrityLedgerOptions,
  type IntegrityLedgerRow,
  integrityLedger,
  integrityLevelLabels,
  integrityLevelOf,
} from './integrity.js';
export * from './labels.js';
export { compareLevels, levelAt, parseRiskMethod, rateRisk } from './method.js';
export * from './metrics.js';
export * from './presets.js';
export * from './queries.js';
export * from './schema.js';
export * from './tracking.js';
export * from './views.js';
