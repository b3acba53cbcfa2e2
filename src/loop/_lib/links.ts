import { forEachRecord, getRecord, type IsoDate } from '../../core/index.js';
import type { LoopLink } from '../labels.js';
import type { LoopState } from '../state.js';

/** A link some unit owes, whether or not it is due yet. */
export interface OwedLink {
  readonly link: LoopLink;
  readonly recordId: string;
  readonly deploymentId: string;
  readonly problemId?: string;
  readonly owedBy: string;
  readonly dueOn: IsoDate;
}

const cache = new WeakMap<LoopState, readonly OwedLink[]>();

/** Every owed link of a state, by due date then record id; computed once per state. */
export function owedLinks(state: LoopState): readonly OwedLink[] {
  const hit = cache.get(state);
  if (hit) return hit;
  const out: OwedLink[] = [];
  forEachRecord(state.deployments, (d) => {
    if (d.status === 'open' && d.inspectionIds.length === 0)
      out.push({ link: 'inspection', recordId: d.id, deploymentId: d.id, owedBy: d.supervisingUnitId, dueOn: d.dueOn });
  });
  forEachRecord(state.inspections, (i) => {
    if (i.status === 'awaiting-notice')
      out.push({
        link: 'notice',
        recordId: i.id,
        deploymentId: i.deploymentId,
        owedBy: i.byUnitId,
        dueOn: i.noticeDueOn,
      });
  });
  forEachRecord(state.problems, (p) => {
    const at = { recordId: p.id, deploymentId: p.deploymentId, problemId: p.id, owedBy: p.supervisingUnitId };
    switch (p.status) {
      case 'awaiting-order':
        out.push({ link: 'supervision', ...at, dueOn: p.orderDueOn });
        return;
      case 'under-supervision': {
        const o = getRecord(state.orders, p.orderId);
        if (o?.status === 'open')
          out.push({ link: 'resolution', ...at, recordId: o.id, owedBy: o.leadUnitId, dueOn: o.effectiveDueOn });
        return;
      }
      case 'resolved':
        out.push({ link: 'look-back', ...at, dueOn: p.lookBackDueOn });
        return;
      case 'looked-back':
        out.push({ link: 'strike-off', ...at, dueOn: p.strikeOffDueOn });
        return;
      case 'struck-off':
        return;
    }
  });
  const key = (l: OwedLink) => `${l.dueOn}\u0000${l.recordId}\u0000${l.link}`;
  out.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  cache.set(state, out);
  return out;
}
