/**
 * Organizations: the administrative units of market supervision, their party organizations, people
 * and posts over time, restructurings with lineage, pairings and 1+N liaison — the directory every
 * other module refers to by id.
 * @module org
 */

export { type CheckDirectoryOptions, checkDirectory, type Finding, type Severity } from './checks.js';
export type {
  AddCommand,
  AddRecordMap,
  EndCommand,
  EndCommandType,
  MoveCommand,
  MoveCommandType,
  OrgCommand,
} from './commands.js';
export { type CoverageRow, coverage, type LiaisonLoadRow, liaisonLoad } from './coverage.js';
export { decideOrg } from './decide.js';
export {
  emptyDirectory,
  type OrgDirectory,
  type ParseDirectoryOptions,
  parseDirectory,
  toSnapshot,
} from './directory.js';
export type { OrgErrorCode } from './errors.js';
export type {
  AddedEvent,
  AddedEventMap,
  EndedEvent,
  EndedEventType,
  MovedEvent,
  MovedEventType,
  OrgEvent,
} from './events.js';
export { evolveOrg, orgDecider, replayOrg } from './evolve.js';
export {
  marketEntityKindLabels,
  pairingKindLabels,
  partyOrgKindLabels,
  postKindLabels,
  restructuringKindLabels,
  unitKindLabels,
} from './labels.js';
export { type Lineage, lineage, successorsOf } from './lineage.js';
export {
  departmentsInCharge,
  holdersOf,
  isFullMember,
  leaderInCharge,
  membersOf,
  officersOf,
  postsOf,
} from './people.js';
export {
  ancestors,
  branchOf,
  children,
  findMember,
  findPartyOrg,
  findUnit,
  pathOf,
  subtree,
  successorOf,
  unitsOfKind,
} from './queries.js';
export { checkRef, type OrgRef } from './refs.js';
export * from './schema.js';
