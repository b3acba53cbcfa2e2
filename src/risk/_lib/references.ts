import type { DomainError, IsoDate, Path } from '../../core/index.js';
import { checkRef, type OrgDirectory } from '../../org/index.js';

/** The org directory the risk decider checks unit and person ids against. @category Workflow */
export type RiskDirectory = OrgDirectory;

/** The id-carrying fields of any risk command, loosely typed for collection. */
export type ReferenceCheck = Readonly<Record<string, unknown>>;

interface Ref {
  readonly kind: 'unit' | 'member';
  readonly id: string;
  readonly path: Path;
}

const UNIT_FIELDS = ['unitId', 'ownerUnitId', 'toUnitId'] as const;
const MEMBER_FIELDS = ['responsibleId', 'ownerId', 'approverId'] as const;

/** Every unit and member id a command (or a consultation's decisions) names, with its path. */
export function referencesOf(command: ReferenceCheck, prefix: Path = []): Ref[] {
  const refs: Ref[] = [];
  for (const f of UNIT_FIELDS)
    if (typeof command[f] === 'string') refs.push({ kind: 'unit', id: command[f], path: [...prefix, f] });
  for (const f of MEMBER_FIELDS)
    if (typeof command[f] === 'string') refs.push({ kind: 'member', id: command[f], path: [...prefix, f] });
  const closure = command.closure as ReferenceCheck | undefined;
  if (closure) refs.push(...referencesOf(closure, [...prefix, 'closure']));
  const participants = command.participants;
  if (Array.isArray(participants))
    participants.forEach((id, i) => {
      if (typeof id === 'string') refs.push({ kind: 'member', id, path: [...prefix, 'participants', i] });
    });
  const decisions = command.decisions;
  if (Array.isArray(decisions))
    decisions.forEach((d, i) => {
      refs.push(...referencesOf(d as ReferenceCheck, [...prefix, 'decisions', i]));
    });
  return refs;
}

/** The reference errors of a command against a directory; none when no directory is given. */
export function checkReferences(directory: RiskDirectory | undefined, command: ReferenceCheck): DomainError[] {
  if (!directory) return [];
  // Ids must be valid on the day the command takes effect (a meeting's date for consultations).
  const day = (command.on ?? command.date) as IsoDate | undefined;
  const errors: DomainError[] = [];
  for (const ref of referencesOf(command)) {
    const e = checkRef(directory, { kind: ref.kind, id: ref.id, ...(day ? { asOf: day } : {}) }, ref.path);
    if (e) errors.push(e);
  }
  return errors;
}
