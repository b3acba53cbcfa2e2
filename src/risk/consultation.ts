import { atPath, type DomainError, err, execute, getRecord, ok } from '../core/index.js';
import { type Env, type Events, type Of, one, own } from './_lib/env.js';
import { type RiskRow, toRow } from './_lib/rows.js';
import type { ConsultationDecision, HoldConsultationSchema, RiskCommand } from './commands.js';
import { riskError } from './errors.js';
import type { Consultation, RiskEvent, RiskState } from './events.js';

const stripMeta = (e: RiskEvent): RiskEvent => {
  const { seq: _s, at: _a, actor: _b, schemaVersion: _v, ...rest } = e as RiskEvent & Record<string, unknown>;
  return rest as RiskEvent;
};

export const decideConsultation = (env: Env, c: Of<typeof HoldConsultationSchema>): Events => {
  if (own(env.state.consultations, c.consultationId))
    return one(riskError('risk/duplicate-consultation', { consultationId: c.consultationId }, ['consultationId']));
  const reviewed = new Set(c.reviewed);
  const errors: DomainError[] = [];
  c.reviewed.forEach((id, i) => {
    if (!getRecord(env.state.risks, id)) errors.push(riskError('risk/unknown-risk', { riskId: id }, ['reviewed', i]));
  });
  if (errors.length > 0) return err(...errors);
  const held: RiskEvent = {
    type: 'consultation-held',
    consultation: {
      id: c.consultationId,
      kind: c.kind,
      title: c.title,
      date: c.date,
      participants: c.participants,
      reviewed: c.reviewed,
      decisions: c.decisions,
    },
  };
  const events: RiskEvent[] = [held];
  const decider = env.decider;
  let working = env.state;
  for (const [i, d] of c.decisions.entries()) {
    if (d.type === 'identify-risk') reviewed.add(d.riskId);
    else if (!reviewed.has(d.riskId)) {
      errors.push(riskError('risk/not-reviewed', { riskId: d.riskId }, ['decisions', i, 'riskId']));
      continue;
    }
    if (d.type === 'escalate') {
      // Read from the working state: an earlier decision of the same meeting may have closed or reopened it.
      const it = getRecord(working.risks, d.riskId);
      if (!it) {
        errors.push(riskError('risk/unknown-risk', { riskId: d.riskId }, ['decisions', i, 'riskId']));
        continue;
      }
      // A closed risk has nothing left to escalate: reopen it first.
      if (it.status.stage === 'closed') {
        errors.push(
          riskError('risk/wrong-stage', { riskId: d.riskId, stage: 'closed', action: 'escalate' }, [
            'decisions',
            i,
            'riskId',
          ]),
        );
        continue;
      }
      events.push({
        type: 'escalation-decided',
        riskId: d.riskId,
        to: d.to,
        note: d.note,
        on: c.date,
        consultationId: c.consultationId,
      });
      continue;
    }
    // Decisions without their own date happen on the meeting's date.
    const dated = d.type === 'assess-risk' || d.type === 're-rate-risk' ? d : { ...d, on: d.on ?? c.date };
    const r = execute(decider, working, dated as RiskCommand, env.ctx);
    if (!r.ok) {
      errors.push(...atPath(['decisions', i], r.errors));
      continue;
    }
    working = r.value.state;
    for (const e of r.value.events) events.push({ ...stripMeta(e), consultationId: c.consultationId } as RiskEvent);
  }
  return errors.length > 0 ? err(...errors) : ok(events);
};

/** One decision as the minutes record it, with the risk's title. @category Consultation */
export interface MinutesItem {
  readonly no: number;
  readonly decision: ConsultationDecision;
  readonly riskId: string;
  readonly title: string;
}

/** The minutes (会商纪要) of a consultation: the meeting, the risks reviewed and the decisions. @category Consultation */
export interface ConsultationMinutes {
  readonly consultation: Consultation;
  readonly reviewed: readonly RiskRow[];
  readonly decisions: readonly MinutesItem[];
}

/**
 * The minutes of a consultation, read from the same record the decisions were applied from, so
 * list and minutes cannot disagree. Undefined for an unknown id.
 * @category Consultation
 * @example
 * consultationMinutes(state, 'cons-2025q3')?.decisions.length;
 */
export function consultationMinutes(state: RiskState, consultationId: string): ConsultationMinutes | undefined {
  const c = own(state.consultations, consultationId);
  if (!c) return undefined;
  const rows = new Map(
    riskListByIds(state, [...c.reviewed, ...c.decisions.map((d) => d.riskId)]).map((r) => [r.id, r]),
  );
  return {
    consultation: c,
    reviewed: c.reviewed.flatMap((id) => rows.get(id) ?? []),
    decisions: c.decisions.map((d, i) => ({
      no: i + 1,
      decision: d,
      riskId: d.riskId,
      title: rows.get(d.riskId)?.title ?? '',
    })),
  };
}

function riskListByIds(state: RiskState, ids: readonly string[]): RiskRow[] {
  return [...new Set(ids)].flatMap((id) => {
    const it = getRecord(state.risks, id);
    return it ? [toRow(it)] : [];
  });
}
