import { forEachRecord, getRecord, type IsoDate } from '../../core/index.js';
import type { LoopLink } from '../labels.js';
import type { LoopState, Problem } from '../state.js';
import { currentOwner } from './successions.js';

/** A link some unit owes, whether or not it is due yet. */
export interface OwedLink {
  readonly link: LoopLink;
  readonly recordId: string;
  readonly deploymentId: string;
  readonly problemId?: string;
  /** The unit recorded on the line, resolved through the state's successions (a merged-away unit's successor owes). */
  readonly owedBy: string;
  readonly dueOn: IsoDate;
}

const cache = new WeakMap<LoopState, readonly OwedLink[]>();

/**
 * Every owed link of a state, by due date then record id; computed once per state. The unit owing
 * is taken from the line (`supervisingUnitId`, an inspection's `byUnitId`, an order's `leadUnitId`)
 * and resolved through `successors`, so a merged-away unit's duties fall to its successor while the
 * records keep the unit that supervised or inspected.
 */
export function owedLinks(state: LoopState): readonly OwedLink[] {
  const hit = cache.get(state);
  if (hit) return hit;
  const owner = currentOwner(state);
  const out: OwedLink[] = [];
  forEachRecord(state.deployments, (d) => {
    if (d.status === 'open' && d.inspectionIds.length === 0)
      out.push({
        link: 'inspection',
        recordId: d.id,
        deploymentId: d.id,
        owedBy: owner(d.supervisingUnitId),
        dueOn: d.dueOn,
      });
  });
  forEachRecord(state.inspections, (i) => {
    if (i.status === 'awaiting-notice')
      out.push({
        link: 'notice',
        recordId: i.id,
        deploymentId: i.deploymentId,
        owedBy: owner(i.byUnitId),
        dueOn: i.noticeDueOn,
      });
  });
  const ofProblem = (link: LoopLink, p: Problem, dueOn: IsoDate): OwedLink => ({
    link,
    recordId: p.id,
    deploymentId: p.deploymentId,
    problemId: p.id,
    owedBy: owner(p.supervisingUnitId),
    dueOn,
  });
  forEachRecord(state.problems, (p) => {
    switch (p.status) {
      case 'awaiting-order':
        out.push(ofProblem('supervision', p, p.orderDueOn));
        return;
      case 'under-supervision': {
        const o = getRecord(state.orders, p.orderId);
        if (o?.status === 'open')
          out.push({
            link: 'resolution',
            recordId: o.id,
            deploymentId: p.deploymentId,
            problemId: p.id,
            owedBy: owner(o.leadUnitId),
            dueOn: o.effectiveDueOn,
          });
        // a reported resolution is not 处结 until reviewed: the supervising unit owes the review
        else if (o?.status === 'reported')
          out.push({
            link: 'review',
            recordId: o.resolutionId,
            deploymentId: p.deploymentId,
            problemId: p.id,
            owedBy: owner(p.supervisingUnitId),
            dueOn: o.reviewDueOn,
          });
        return;
      }
      case 'resolved':
        out.push(ofProblem('look-back', p, p.lookBackDueOn));
        return;
      case 'looked-back':
        out.push(ofProblem('strike-off', p, p.strikeOffDueOn));
        return;
      case 'struck-off':
        return;
    }
  });
  // by due date, record id, link: field by field, so no key string is built per comparison
  out.sort((a, b) =>
    a.dueOn !== b.dueOn
      ? a.dueOn < b.dueOn
        ? -1
        : 1
      : a.recordId !== b.recordId
        ? a.recordId < b.recordId
          ? -1
          : 1
        : a.link < b.link
          ? -1
          : a.link > b.link
            ? 1
            : 0,
  );
  cache.set(state, out);
  return out;
}
