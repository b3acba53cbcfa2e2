/**
 * The closed loop of the year: a spring food-safety check (before the merger) and the National Day
 * one (after it, across the 1–8 October holiday), each station's problems supervised, resolved,
 * looked back and struck off, or not. Prints the problem ledger, its gaps, and the funnel.
 */
import { addDays, type Context, type IsoDate, label } from 'shijian/core';
import {
  funnel,
  funnelSvg,
  gaps,
  type LoopCommand,
  type LoopState,
  ledger,
  ledgerTable,
  loopLinkLabels,
} from 'shijian/loop';
import type { MetricTable } from 'shijian/rating';
import type { ReportSection } from '../report/html.js';
import { MERGED_ON, nameOf, pct, RATED, STATIONS, SUCCESSOR, YEAR_END, YEAR_START } from './bureau.js';

/** One station's share of a deployment: problems found, how many closed through strike-off. */
function stationLoop(
  k: number,
  station: string,
  dep: string,
  start: IsoDate,
  problems: number,
  closed: number,
  late: boolean,
): LoopCommand[] {
  const insp = `${dep}-i${k}`;
  const day = (d: number) => addDays(start, d);
  const out: LoopCommand[] = [
    {
      type: 'record-inspection',
      id: insp,
      deploymentId: dep,
      kind: 'frontline',
      inspectors: ['检查组'],
      inspectedUnitIds: [station],
      on: day(1),
    },
    {
      type: 'issue-notice',
      id: `${insp}-n`,
      inspectionId: insp,
      number: `区市监通〔2025〕${dep}-${k}号`,
      tone: problems > 1 ? 'criticism' : 'mixed',
      scope: [station],
      on: day(2),
    },
  ];
  for (let j = 0; j < problems; j++) {
    const p = `${insp}-p${j}`;
    out.push(
      {
        type: 'record-problem',
        id: p,
        inspectionId: insp,
        description: '冷链食品进货查验记录不全',
        unitId: station,
        severity: 'general',
        category: '食品安全',
        on: day(1),
      },
      {
        type: 'order-supervision',
        id: `${p}-o`,
        problemId: p,
        leadUnitId: station,
        deadline: { workdays: 5 },
        on: day(3),
      },
    );
    if (j < closed) {
      const r = `${p}-r`;
      out.push(
        {
          type: 'report-resolution',
          id: r,
          orderId: `${p}-o`,
          summary: '已补齐台账并约谈经营者',
          evidence: ['整改报告'],
          reportedBy: '所长',
          on: day(late && j === 0 ? 20 : 6),
        },
        { type: 'review-resolution', resolutionId: r, decision: 'accept', on: day(late && j === 0 ? 21 : 7) },
        { type: 'record-look-back', id: `${p}-lb`, problemId: p, passed: true, checkedBy: ['督查组'], on: day(45) },
        { type: 'strike-off', problemId: p, on: day(46) },
      );
    }
  }
  return out;
}

/** The year's loop commands: the spring check, the merger's re-homing, the National Day check. */
export function loopCommands(): LoopCommand[] {
  const dep = (id: string, title: string, on: IsoDate): LoopCommand => ({
    type: 'order-deployment',
    id,
    title,
    source: { kind: 'document', reference: `区市监发〔2025〕${id}号` },
    orderedBy: '局党组',
    supervisingUnitId: 'dept-office',
    leadUnitId: 'county',
    deadline: { workdays: 60 },
    category: '食品安全',
    on,
  });
  const spring: LoopCommand[] = [dep('d1', '春季食品安全专项检查', '2025-03-03')];
  STATIONS.forEach(([id], k) => {
    spring.push(...stationLoop(k, id, 'd1', '2025-03-03', 2 + (k % 2), k === 5 ? 1 : 2, k === 2));
  });
  // 国庆节前部署、节后督办：5 working days from 29 September run past the 1–8 October holiday.
  const autumn: LoopCommand[] = [dep('d2', '国庆中秋节日市场专项检查', '2025-09-26')];
  RATED.forEach((id, k) => {
    autumn.push(...stationLoop(k, id, 'd2', '2025-09-26', 1 + (k % 3), k === 4 ? 0 : 1, k === 1));
  });
  return [
    ...spring,
    { type: 'rehome-unit', fromUnitId: 'st-5', toUnitId: SUCCESSOR, on: MERGED_ON },
    { type: 'rehome-unit', fromUnitId: 'st-6', toUnitId: SUCCESSOR, on: MERGED_ON },
    ...autumn,
  ];
}

/** 闭环台账与断环: per-station figures, the problem ledger, every gap with its lateness, and the funnel. */
export function loopSection(state: LoopState, ctx: Context, metrics: MetricTable): ReportSection {
  const open = gaps(state, ctx);
  const figures = RATED.map((u) => {
    const m = metrics[u] ?? {};
    return {
      单位: nameOf(u),
      问题数: m['loop.problems'] ?? 0,
      销号率: pct(m['loop.strike-off-rate']),
      按期处结率: pct(m['loop.on-time-resolution-rate']),
      风险按期办结率: pct(m['risk.on-time-closure-rate']),
    };
  });
  const book = ledgerTable(ledger(state, { book: 'problem', unitName: nameOf }));
  return {
    id: 'loop',
    heading: '闭环台账与断环',
    paragraphs: [
      `全年问题 ${book.length} 个；截至 ${YEAR_END} 断环 ${open.length} 处（应办未办的环节，按应办日期排列）。`,
    ],
    tables: [
      { caption: '各所闭环指标（合并所计入承继单位）', rows: figures },
      { caption: '问题台账', rows: book },
      {
        caption: '断环清单',
        rows: open.map((g) => ({
          缺失环节: label(loopLinkLabels, g.link, 'zh-CN'),
          记录: g.recordId,
          责任单位: nameOf(g.owedBy),
          应办日期: g.dueOn,
          逾期工作日: g.lateWorkdays,
        })),
      },
    ],
    figures: [{ caption: '闭环漏斗', svg: funnelSvg(funnel(state, { from: YEAR_START, to: YEAR_END })) }],
  };
}
