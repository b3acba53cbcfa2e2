import { expect } from 'vitest';
import { type BrandState, isActive } from '../../src/brand/index.js';
import { addDays, forEachRecord, getRecord, type IsoDate } from '../../src/core/index.js';
import type { LoopState } from '../../src/loop/index.js';
import { RATING_STEPS, type RatingCase, type RatingCaseState, starHeldOn } from '../../src/rating/case/index.js';
import type { RiskState } from '../../src/risk/index.js';

// The invariants the breadth-first enumeration (test/model/*.model.test.ts, test/rating/case/model.test.ts) and the
// random long walks (*.random.test.ts) both check on every state they reach: one definition, two explorers.

/** Fails the test with `message` unless `ok`: cheap enough to run on every record of every state of a long walk. */
function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`invariant broken: ${message}`);
}

/** Deep equality, decided by vitest when the JSON of the two differs (fast path for the common case). */
function same(actual: unknown, expected: unknown, message: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, message).toEqual(expected);
}

/** 五凡五必: every link of the loop points at a record in the state it needs, and closing needs everything closed. */
export function loopInvariants(s: LoopState): void {
  forEachRecord(s.notices, (n) => {
    const i = getRecord(s.inspections, n.inspectionId);
    check(i?.status === 'notified' && i.noticeId === n.id, `notice ${n.id} without its inspection`);
  });
  forEachRecord(s.inspections, (i) => {
    check(getRecord(s.deployments, i.deploymentId)?.inspectionIds.includes(i.id) === true, `inspection ${i.id} orphan`);
    if (i.status === 'notified')
      check(getRecord(s.notices, i.noticeId)?.inspectionId === i.id, `inspection ${i.id} notified without notice`);
  });
  forEachRecord(s.problems, (p) => {
    check(getRecord(s.inspections, p.inspectionId)?.problemIds.includes(p.id) === true, `problem ${p.id} orphan`);
    if (p.status === 'struck-off' || p.status === 'looked-back') {
      const lb = getRecord(s.lookBacks, p.lookBackId);
      check(
        lb?.outcome === 'passed' && lb.problemId === p.id,
        `problem ${p.id} ${p.status} without a passed look-back`,
      );
    }
    if (p.status === 'under-supervision')
      check(getRecord(s.orders, p.orderId)?.problemId === p.id, `problem ${p.id} supervised by a foreign order`);
    if (p.status === 'resolved')
      check(getRecord(s.resolutions, p.resolutionId)?.status === 'accepted', `problem ${p.id} resolved unaccepted`);
  });
  forEachRecord(s.orders, (o) => {
    check(getRecord(s.problems, o.problemId)?.orderIds.includes(o.id) === true, `order ${o.id} orphan`);
    if (o.status === 'resolved')
      check(getRecord(s.resolutions, o.resolutionId)?.status === 'accepted', `order ${o.id} resolved unaccepted`);
  });
  forEachRecord(s.resolutions, (r) => {
    const o = getRecord(s.orders, r.orderId);
    check(o?.problemId === r.problemId, `resolution ${r.id} of a foreign order`);
    if (r.status === 'submitted')
      check(o?.status === 'reported' && o.resolutionId === r.id, `resolution ${r.id} submitted, order not waiting`);
  });
  forEachRecord(s.lookBacks, (lb) => {
    check(getRecord(s.resolutions, lb.resolutionId)?.status === 'accepted', `look-back ${lb.id} before acceptance`);
  });
  forEachRecord(s.deployments, (d) => {
    if (d.status !== 'closed') return;
    for (const iid of d.inspectionIds)
      check(getRecord(s.inspections, iid)?.status === 'notified', `deployment ${d.id} closed, ${iid} not notified`);
    for (const pid of d.problemIds)
      check(getRecord(s.problems, pid)?.status === 'struck-off', `deployment ${d.id} closed, ${pid} not struck off`);
  });
}

/** Risk list: no closure (other than an accepted risk) with open measures, and the score history is complete. */
export function riskInvariants(s: RiskState): void {
  forEachRecord(s.risks, (r) => {
    const open = r.measures.filter((m) => m.status.stage === 'open').length;
    if (r.status.stage === 'closed' && r.status.closure.kind !== 'accepted')
      check(open === 0, `risk ${r.id} closed (${r.status.closure.kind}) with ${open} open measures`);
    if (r.status.stage === 'identified') {
      check(r.history.length === 0, `risk ${r.id} identified with a score history`);
      return;
    }
    // Score history complete: each tier's current rating is the last change recorded for that tier.
    for (const tier of ['inherent', 'current', 'target'] as const) {
      const rating = r.status.ratings[tier];
      const last = r.history.filter((h) => h.tier === tier).at(-1);
      if (rating === undefined) check(last === undefined, `risk ${r.id} ${tier} history without a rating`);
      else same(last?.after, rating, `risk ${r.id} ${tier} rating without history`);
    }
    if (r.status.stage === 'controlling') check(r.measures.length > 0, `risk ${r.id} controlling without measures`);
    check(new Set(r.measures.map((m) => m.id)).size === r.measures.length, `risk ${r.id} measure ids repeat`);
  });
}

/**
 * 一支部一品牌: one active brand per branch, mirrored by `activeByBranch`; a brand is named only after a selection,
 * and named again only after a periodic review downgraded it (so namings ≤ downgrades + 1).
 */
export function brandInvariants(s: BrandState): void {
  const active = new Map<string, string[]>();
  forEachRecord(s.brands, (b) => {
    if (isActive(b)) active.set(b.branchId, [...(active.get(b.branchId) ?? []), b.id]);
    const steps = b.history.map((h) => h.step);
    const named = steps.filter((x) => x === 'named').length;
    const downgraded = steps.filter((x) => x === 'downgraded').length;
    check(named <= downgraded + 1, `brand ${b.id} named ${named} times after ${downgraded} downgrades`);
    if (b.stage.status === 'named' || b.stage.status === 'under-review') {
      const selected = steps.indexOf('selected');
      check(selected >= 0 && selected < steps.indexOf('named'), `brand ${b.id} named without selection`);
      check(steps.lastIndexOf('selected') < steps.lastIndexOf('named'), `brand ${b.id} renamed without reselection`);
    }
  });
  for (const [branch, ids] of active) {
    check(ids.length === 1, `branch ${branch} has ${ids.length} active brands: ${ids.join(', ')}`);
    check(getRecord(s.activeByBranch, branch) === ids[0], `activeByBranch of ${branch} is not ${ids[0]}`);
  }
  forEachRecord(s.activeByBranch, (id, branch) => {
    const b = getRecord(s.brands, id);
    check(b !== undefined && isActive(b) && b.branchId === branch, `activeByBranch names ${id} for ${branch}`);
  });
}

/**
 * Rating cases: an award comes only after every earlier step, in order, once the notice is over and every objection
 * dismissed; and a unit holds at most one star on any day, since an award supersedes the star held before (checked
 * on `day` and the days around it).
 */
export function ratingCaseInvariants(state: RatingCaseState, day: IsoDate): void {
  const held = new Map<string, number>();
  forEachRecord(state.cases, (c: RatingCase) => {
    if ('award' in c) {
      const steps = c.history.map((h) => h.step).filter((s) => (RATING_STEPS as readonly string[]).includes(s));
      same(steps.slice(0, RATING_STEPS.length), RATING_STEPS, `case ${c.caseId} awarded out of order`);
      check(c.notice.until < c.award.awardedOn, `case ${c.caseId} awarded before its notice ended`);
      check(
        c.objections.every((o) => o.status === 'dismissed'),
        `case ${c.caseId} awarded over an objection`,
      );
    }
    for (const d of [day, addDays(day, -1), addDays(day, 1)]) {
      const s = starHeldOn(c, d);
      if (s === undefined) continue;
      const key = `${c.unitId} holds a star on ${d}`;
      held.set(key, (held.get(key) ?? 0) + 1);
    }
  });
  for (const [key, n] of held) check(n === 1, `${key} ${n} times`);
}
