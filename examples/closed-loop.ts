/**
 * Weihai's 五凡五必 closed loop on the 食安卫士 food-safety deployment: market inspections, the 22
 * unqualified batches as problems, supervision orders across the 2025 National Day holiday, one
 * failed look-back that reopens a problem, and the printed ledgers and gaps.
 * Run on its own with `npx tsx examples/closed-loop.ts`.
 */
import {
  applyEvents,
  type Context,
  execute,
  fixedContext,
  type Instant,
  type IsoDate,
  label,
  type Recorded,
  replay,
  unwrap,
  withContext,
} from 'shijian/core';
import {
  gaps,
  type LoopCommand,
  type LoopEvent,
  type LoopState,
  ledger,
  ledgerTable,
  loopDecider,
  loopLinkLabels,
  metrics,
  nextProblemSteps,
  overdue,
  type ProblemStage,
  problemFlows,
  problemStage,
  problemStageLabels,
  problemStepLabels,
} from 'shijian/loop';
import { isMain, table } from './_print.js';

export function main(): void {
  const base = fixedContext({ now: '2025-09-01T09:00:00+08:00', actor: 'office-duchao' });
  let state: LoopState = loopDecider.initialState;
  const log: Recorded<LoopEvent>[] = [];
  const run = (c: LoopCommand, ctx: Context = base) => {
    const r = unwrap(execute(loopDecider, state, c, ctx));
    state = r.state;
    log.push(...r.events);
  };
  const on = (day: IsoDate) => withContext(base, { now: `${day}T09:00:00+08:00` as Instant });

  run({
    type: 'order-deployment',
    id: 'dep-food',
    title: '食用农产品批发市场第三方快检（批批快检）',
    source: { kind: 'document', reference: '威市监发〔2025〕12号' },
    orderedBy: '局党组',
    supervisingUnitId: 'office',
    leadUnitId: 'dept-food',
    assistingUnitIds: ['market-a', 'market-b', 'market-c'],
    deadline: { workdays: 60 },
    category: '食品安全',
    priority: 'high',
    on: '2025-09-01',
  });
  const markets = ['market-a', 'market-b', 'market-c'] as const;
  markets.forEach((m, k) => {
    run({
      type: 'record-inspection',
      id: `insp-${m}`,
      deploymentId: 'dep-food',
      kind: k === 2 ? 'dual-check' : 'frontline',
      inspectors: ['食品监管科', '快检机构'],
      inspectedUnitIds: [m],
      on: '2025-09-22',
    });
  });
  // 22 batches of unqualified produce: 10 + 8 + 4 across the three markets
  const counts = { 'market-a': 10, 'market-b': 8, 'market-c': 4 };
  let n = 0;
  for (const m of markets)
    for (let i = 0; i < counts[m]; i++) {
      n++;
      run({
        type: 'record-problem',
        id: `batch-${n}`,
        inspectionId: `insp-${m}`,
        description: `不合格农产品第 ${n} 批（快检不合格）`,
        unitId: m,
        severity: n <= 2 ? 'serious' : 'general',
        category: '食用农产品',
        on: '2025-09-22',
      });
    }
  markets.forEach((m, k) => {
    run({
      type: 'issue-notice',
      inspectionId: `insp-${m}`,
      number: `威市监食通〔2025〕${k + 1}号`,
      tone: 'criticism',
      scope: ['dept-food', m],
      on: '2025-09-24',
    });
  });
  // orders issued on 2025-09-26, 5 working days: the National Day week is skipped
  for (let i = 1; i <= 22; i++)
    run({
      type: 'order-supervision',
      id: `order-${i}`,
      problemId: `batch-${i}`,
      leadUnitId: i <= 10 ? 'market-a' : i <= 18 ? 'market-b' : 'market-c',
      assistingUnitIds: ['dept-food'],
      deadline: { workdays: 5 },
      on: '2025-09-26',
    });
  // market-b asks for an extension before the deadline; approved
  run({
    type: 'request-extension',
    orderId: 'order-11',
    reason: '需复检留样',
    newDueOn: '2025-10-17',
    on: '2025-10-09',
  });
  run({ type: 'decide-extension', orderId: 'order-11', approve: true, on: '2025-10-09' });
  // all but batches 20–22 are resolved by 2025-10-10; batch 3's report is returned once
  for (let i = 1; i <= 19; i++)
    run({
      type: 'report-resolution',
      id: `res-${i}`,
      orderId: `order-${i}`,
      summary: '依法处置：下架、销毁、溯源',
      evidence: ['销毁记录', '溯源台账'],
      reportedBy: '市场负责人',
      on: '2025-10-10',
    });
  run({
    type: 'review-resolution',
    resolutionId: 'res-3',
    decision: 'return',
    reason: '缺少溯源凭证',
    on: '2025-10-11',
  });
  for (let i = 1; i <= 19; i++)
    if (i !== 3) run({ type: 'review-resolution', resolutionId: `res-${i}`, decision: 'accept', on: '2025-10-13' });
  // look-backs a month later: batch 1 relapses and is reopened; the others pass and are struck off
  run({
    type: 'record-look-back',
    id: 'lb-batch-1',
    problemId: 'batch-1',
    passed: false,
    checkedBy: ['督查室'],
    notes: '同一供货商再次抽检不合格',
    on: '2025-11-12',
  });
  for (let i = 2; i <= 19; i++)
    if (i !== 3) {
      run({ type: 'record-look-back', problemId: `batch-${i}`, passed: true, checkedBy: ['督查室'], on: '2025-11-12' });
      run({ type: 'strike-off', problemId: `batch-${i}`, on: '2025-11-13' });
    }

  const now = on('2025-11-20');
  console.log('\n## 闭环工作法 · 监督检查台账 (deployments and inspections)');
  table(ledgerTable(ledger(state, { book: 'inspection' })));
  console.log('\n## 问题后处置台账 (problems through strike-off; first 6 and the reopened one)');
  const rows = ledger(state, { book: 'problem' });
  table(ledgerTable([...rows.slice(0, 6)]));
  console.log('\n## 断环 · broken links on 2025-11-20');
  table(
    overdue(state, now).map((g) => ({
      环节: label(loopLinkLabels, g.link),
      记录: g.recordId,
      责任单位: g.owedBy,
      应完成: g.dueOn,
      逾期工作日: g.lateWorkdays,
      预警: g.colour === 'red' ? '红' : '黄',
    })),
  );
  console.log(`\n共 ${gaps(state, now).length} 处断环；督办期限均落在 2025-10-08 之后（国庆中秋假期顺延）。`);
  console.log('\n## 问题流程 · where the problems stand, folded from the log without building records');
  const flows = unwrap(problemFlows(log));
  const byStage = new Map<ProblemStage, number>();
  for (const f of flows.values()) {
    if (f.stage !== problemStage(state, f.problemId)) throw new Error(`${f.problemId}: the log and the state disagree`);
    byStage.set(f.stage, (byStage.get(f.stage) ?? 0) + 1);
  }
  table(
    [...byStage].map(([stage, count]) => ({
      环节: label(problemStageLabels, stage),
      问题数: count,
      下一步:
        nextProblemSteps(stage)
          .map((s) => label(problemStepLabels, s))
          .join('、') || '—',
    })),
  );
  // a dashboard's read model, rebuilt up to the look-backs and then kept current as the later events arrive
  const cut = log.findIndex((e) => e.type === 'look-back-failed');
  const readModel = replay(loopDecider, log.slice(0, cut));
  const caughtUp = unwrap(applyEvents(loopDecider, readModel, log.slice(cut)));
  const sameLedger = JSON.stringify(ledger(caughtUp, { book: 'problem' })) === JSON.stringify(rows);
  if (caughtUp.version !== state.version || !sameLedger) throw new Error('the read model did not catch up');
  console.log(
    `\n读模型 · read model: 回溯前 ${cut} 条事件重放，其后 ${log.length - cut} 条增量折叠（applyEvents），版本 ${caughtUp.version}，与台账一致。`,
  );
  console.log('\n## 指标 · metrics for rating (2025)');
  const m = metrics(state, now, { from: '2025-01-01', to: '2025-12-31', groupBy: 'unit' });
  table(
    Object.entries(m).map(([unit, v]) => ({
      单位: unit,
      问题数: v['loop.problems'] ?? 0,
      督办率: fmt(v['loop.supervision-rate']),
      按期处结率: fmt(v['loop.on-time-resolution-rate']),
      销号率: fmt(v['loop.strike-off-rate']),
      反弹率: fmt(v['loop.reopen-rate']),
    })),
  );
}

function fmt(x: number | null): string {
  return x === null ? '—' : `${Math.round(x * 100)}%`;
}

if (isMain(import.meta.url)) main();
