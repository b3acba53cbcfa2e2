import { getRecord } from 'shijian/core';
import { metricNames } from 'shijian/join';
import { gaps } from 'shijian/loop';
import { riskList } from 'shijian/risk';
import { describe, expect, it } from 'vitest';
import { bureauYear, STATIONS, SUCCESSOR, yearSections } from '../../examples/bureau-year.js';
import { NAMED_BRANDS, STATION_BRANDS, SUCCESSOR_PARTY_DAYS } from '../../examples/year/brands.js';
import { BRANCH_COUNT, RATED } from '../../examples/year/bureau.js';
import { QUARTERS, REVIEW_RULES } from '../../examples/year/plan.js';

describe('examples/bureau-year (pure part, no database)', () => {
  const y = bureauYear();
  const sections = yearSections(y);
  const section = (id: string) => sections.find((s) => s.id === id);
  const tableOf = (id: string, caption: string) => section(id)?.tables?.find((t) => t.caption === caption)?.rows;

  it('credits the merged stations’ records to the successor through the join', () => {
    expect(y.metrics['st-5']).toBeUndefined();
    expect(y.metrics['st-6']).toBeUndefined();
    expect(y.metrics[SUCCESSOR]?.['loop.problems']).toBe(7);
    expect(y.metrics[SUCCESSOR]?.['risk.closed']).toBe(2);
  });

  it('rates the five stations standing at year end from their own records', () => {
    expect(y.evs.map((e) => e.unitId).sort()).toEqual(['st-1', 'st-2', 'st-3', 'st-4', SUCCESSOR]);
    expect(y.dist.byStar).toEqual({ none: 1, '3': 2, '4': 2, '5': 0 });
  });

  it('scores 党建引领 from each station branch’s brand records, the merged branches’ included', () => {
    const party = (unitId: string) => y.evs.find((e) => e.unitId === unitId)?.nodes.find((n) => n.code === 'B');
    const plan = new Map(STATION_BRANDS.map((b) => [b.stationId, b]));
    // named brand and a party day every quarter: full points
    expect(party('st-1')?.score).toBe(20);
    // 西城所's brand is still being cultivated: the naming points are lost
    expect(party('st-3')?.score).toBe(15);
    // 高新所: a draft brand and two party days of four
    expect(plan.get('st-4')?.partyDays).toHaveLength(2);
    expect(party('st-4')?.score).toBe(5 + 0 + 10 * (2 / 4));
    expect(y.metrics['st-4']?.['brand.activities-per-branch']).toBe(2);
    // 港城所: 北港所's named brand was handed over, and both predecessors' party days are credited
    const days = (plan.get('st-5')?.partyDays.length ?? 0) + (plan.get('st-6')?.partyDays.length ?? 0);
    expect(y.metrics[SUCCESSOR]?.['brand.activities']).toBe(days + SUCCESSOR_PARTY_DAYS.length);
    expect(y.metrics[SUCCESSOR]?.['brand.named-share']).toBe(1);
    expect(party(SUCCESSOR)?.score).toBe(20);
    const byUnit = new Map(y.dist.qualifications.map((q) => [q.unitId, q.star]));
    expect(byUnit.get('st-4')).toBe(3);
    expect(byUnit.get(SUCCESSOR)).toBe(4);
  });

  it('builds the portfolio of the 15 organ branches with the four named brands', () => {
    const t = y.brand.portfolio.totals;
    const results = NAMED_BRANDS.reduce((n, b) => n + b.achievements.length, 0);
    expect(t.branches).toBe(BRANCH_COUNT);
    expect(t.brands).toBe(BRANCH_COUNT);
    expect(t.named).toBe(NAMED_BRANDS.length);
    expect(t.achievements).toBe(results);
    const named = y.brand.portfolio.entries.filter((e) => e.brand?.status === 'named');
    expect(named.map((e) => e.brand?.name['zh-CN']).sort()).toEqual(NAMED_BRANDS.map((b) => b.name).sort());
    const rows = tableOf('brands', '品牌一览') ?? [];
    expect(rows).toHaveLength(BRANCH_COUNT);
    const tenth = rows.find((r) => r.品牌 === '鼎力维权');
    expect(tenth?.党支部).toBe('机关第十党支部');
  });

  it('passes the brand metrics into the table rating reads', () => {
    const city = y.metrics.city;
    expect(city?.['brand.branches']).toBe(BRANCH_COUNT);
    expect(city?.['brand.coverage']).toBe(1);
    expect(city?.['brand.named-share']).toBeCloseTo(NAMED_BRANDS.length / BRANCH_COUNT);
    expect(city?.['brand.activities']).toBe(BRANCH_COUNT * 4);
    for (const name of Object.keys(city ?? {})) expect(metricNames()).toContain(name);
  });

  it('applies the quarterly consultations’ decisions: assess, assign, add a measure', () => {
    const held = Object.values(y.risk.state.consultations);
    expect(held.map((c) => c.id).sort()).toEqual(['c-2025-q1', 'c-2025-q3']);
    for (const c of held) {
      const types = new Set(c.decisions.map((d) => d.type));
      expect(types).toEqual(new Set(['assess-risk', 'assign-risk', 'add-measure']));
    }
    const rows = riskList(y.risk.state);
    const q3 = rows.filter((r) => r.id.endsWith('-q3'));
    expect(q3).toHaveLength(STATIONS.length);
    for (const r of q3) {
      expect(r.stage).toBe('controlling');
      expect(r.level).toBeDefined();
      expect(r.openMeasures).toBe(1);
    }
    // the merged stations' open risks passed to the successor
    expect(
      q3
        .filter((r) => r.ownerUnitId === SUCCESSOR)
        .map((r) => r.id)
        .sort(),
    ).toEqual(['r-st-5-q3', 'r-st-6-q3']);
    const first = getRecord(y.risk.state.risks, 'r-st-2');
    expect(first?.status.stage).toBe('closed');
    expect(first?.measures.map((m) => m.status.stage)).toEqual(['done']);
    const heat = tableOf('risk', '未办结风险热力图（件数）') ?? [];
    const cells = heat.flatMap((r) => Object.values(r).filter((v): v is number => typeof v === 'number'));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(q3.length);
  });

  it('reviews the work plan each quarter, party and business work at equal weight', () => {
    expect(REVIEW_RULES.points.party).toBe(REVIEW_RULES.points.business);
    expect(y.review.map((r) => r.quarter)).toEqual(QUARTERS);
    const owners = (q: number) =>
      (y.review[q]?.owners ?? []).filter((o) => o.items.length > 0).map((o) => o.ownerUnitId);
    expect(owners(0)).toContain('st-5');
    expect(owners(0)).not.toContain(SUCCESSOR);
    expect(owners(2)).toContain(SUCCESSOR);
    expect(owners(2)).not.toContain('st-5');
    const owner = (q: number, id: string) => y.review[q]?.owners.find((o) => o.ownerUnitId === id);
    expect(owner(1, 'st-3')?.counts.late).toBe(1);
    expect(owner(1, 'st-3')?.score.business).toBe(REVIEW_RULES.points.business - REVIEW_RULES.deductions.late);
    expect(owner(2, 'st-2')?.score.party).toBe(REVIEW_RULES.points.party - REVIEW_RULES.deductions['not-done']);
    expect(owner(3, 'st-4')?.counts.untruthful).toBe(1);
    const notified = y.review.flatMap((r) => r.toNotify);
    const rows = tableOf('review', '季度考评结果') ?? [];
    expect(rows).toHaveLength(y.review.reduce((n, r) => n + r.owners.filter((o) => o.items.length > 0).length, 0));
    expect(tableOf('review', '通报事项')).toHaveLength(notified.length);
    expect(notified.map((i) => i.outcome).sort()).toEqual(['late', 'late', 'not-done', 'untruthful']);
  });

  it('prints the problem ledger and every gap, not only counts', () => {
    // every problem of the year is credited to a station standing at year end
    const problems = RATED.reduce((n, u) => n + (y.metrics[u]?.['loop.problems'] ?? 0), 0);
    expect(tableOf('loop', '问题台账')).toHaveLength(problems);
    const open = gaps(y.loop.state, y.ctx);
    expect(open.length).toBeGreaterThan(0);
    const listed = tableOf('loop', '断环清单') ?? [];
    expect(listed.map((r) => r.应办日期)).toEqual(open.map((g) => g.dueOn));
  });

  it('builds the report sections with the three pictures', () => {
    expect(sections.map((x) => x.id)).toEqual(['org', 'brands', 'loop', 'risk', 'review', 'rating']);
    const svgs = sections.flatMap((x) => x.figures ?? []).map((f) => f.svg);
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) expect(svg.startsWith('<svg')).toBe(true);
  });
});
