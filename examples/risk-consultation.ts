/**
 * A city bureau's quarterly food-safety risk consultation (风险会商) and a 禹城-style key-post
 * integrity screening (排查·监控·问责). Risks are listed, owned, time-boxed and tracked
 * (风险清单化、清单责任化、办结时效化、落实跟踪化). Run with `npx tsx examples/risk-consultation.ts`.
 */
import { execute, fixedContext, type Instant, label, unwrap, withContext } from 'shijian/core';
import {
  consultationMinutes,
  decisionLabels,
  escalationRoleLabels,
  escalations,
  heatMap,
  INTEGRITY_LEDGER_COLUMNS,
  integrityLedger,
  integrityResponseStageLabels,
  MATRIX_METHOD_A,
  metrics,
  overdue,
  RISK_METRICS,
  type RiskCommand,
  type RiskState,
  riskCategoryLabels,
  riskColourLabels,
  riskDecider,
  riskLevelLabels,
  riskList,
  riskStageLabels,
} from 'shijian/risk';
import { isMain, table } from './_print.js';

const NAMES: Record<string, string> = {
  'dept-food': '食品经营监管科',
  'dept-circ': '食品流通科',
  'dept-enforce': '执法稽查科',
  'dept-metrology': '计量科',
  'inst-se': '特种设备检验所',
  'm-fu': '傅局长',
  'm-sun': '孙科长',
  'm-li': '李科长',
  'm-zhou': '周副科长',
  'm-chen': '陈科员',
  'm-wu': '吴所长',
};
const n = (id: string | undefined) => (id ? (NAMES[id] ?? id) : '');

export function main(): void {
  let ctx = fixedContext({ now: '2025-09-10T09:00:00+08:00', actor: 'm-sun' });
  let state: RiskState = riskDecider.initialState;
  const apply = (cmd: RiskCommand) => {
    state = unwrap(execute(riskDecider, state, cmd, ctx)).state;
  };

  // Inputs gathered during the quarter: inspections, online monitoring and 12315 complaints.
  apply({
    type: 'identify-risk',
    riskId: 'r-cold',
    title: '批发市场冷链食品快检不合格（22 批次）',
    category: 'food',
    source: 'inspection',
    sourceRef: '第三方快检',
    unitId: 'dept-circ',
    on: '2025-08-12',
  });
  apply({
    type: 'identify-risk',
    riskId: 'r-online',
    title: '网络订餐平台无证经营（监测线索 3,468 条）',
    category: 'food',
    source: 'monitoring',
    sourceRef: '网络订餐监测平台 3.0',
    unitId: 'dept-food',
    on: '2025-08-20',
  });
  apply({
    type: 'identify-risk',
    riskId: 'r-school',
    title: '校园周边小餐饮投诉集中',
    category: 'food',
    source: 'complaint',
    sourceRef: '12315',
    unitId: 'dept-food',
    on: '2025-09-03',
  });

  // The quarterly consultation: its decisions are the commands that change the list.
  ctx = withContext(ctx, { now: '2025-09-26T15:00:00+08:00' as Instant, actor: 'm-fu' });
  apply({
    type: 'hold-consultation',
    consultationId: 'cons-2025q3',
    kind: 'regular',
    title: '2025 年第三季度食品安全风险交流会商',
    date: '2025-09-26',
    participants: ['m-fu', 'm-sun', 'm-li', 'm-zhou'],
    reviewed: ['r-cold', 'r-online', 'r-school'],
    decisions: [
      {
        type: 'assess-risk',
        riskId: 'r-cold',
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: 4, impact: 5 },
        current: { likelihood: 4, impact: 4 },
        target: { likelihood: 2, impact: 4 },
        reason: '快检不合格率上升',
      },
      {
        type: 'assign-risk',
        riskId: 'r-cold',
        ownerUnitId: 'dept-circ',
        responsibleId: 'm-li',
        deadline: '2025-11-28',
      },
      {
        type: 'add-measure',
        riskId: 'r-cold',
        measureId: 'm1',
        text: '不合格批次下架销毁、溯源',
        ownerId: 'm-chen',
        deadline: '2025-10-10',
      },
      {
        type: 'add-measure',
        riskId: 'r-cold',
        measureId: 'm2',
        text: '批发市场快检每周全覆盖',
        ownerId: 'm-zhou',
        deadline: '2025-11-14',
      },
      {
        type: 'assess-risk',
        riskId: 'r-online',
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: 5, impact: 4 },
        target: { likelihood: 2, impact: 4 },
        reason: '线索量大、涉及面广',
      },
      {
        type: 'assign-risk',
        riskId: 'r-online',
        ownerUnitId: 'dept-food',
        responsibleId: 'm-sun',
        deadline: '2025-12-31',
      },
      {
        type: 'add-measure',
        riskId: 'r-online',
        measureId: 'm1',
        text: '下达责令整改通知书 285 份，督促平台下线 47 家',
        ownerId: 'm-zhou',
        deadline: '2025-10-17',
      },
      { type: 'escalate', riskId: 'r-online', to: 'principal-leader', note: '重大风险报局主要负责人' },
      {
        type: 'assess-risk',
        riskId: 'r-school',
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: 3, impact: 3 },
        reason: '投诉集中但后果可控',
      },
      {
        type: 'assign-risk',
        riskId: 'r-school',
        ownerUnitId: 'dept-food',
        responsibleId: 'm-zhou',
        deadline: '2025-10-31',
      },
      {
        type: 'identify-risk',
        riskId: 'r-festival',
        title: '国庆中秋节日市场散装熟食',
        category: 'food',
        source: 'consultation',
        unitId: 'dept-circ',
      },
      {
        type: 'assess-risk',
        riskId: 'r-festival',
        methodId: 'matrix-5x5-a',
        inherent: { likelihood: 3, impact: 4 },
        reason: '节日消费高峰',
      },
    ],
  });

  // Follow-up: one measure done on time, one left open past its deadline.
  ctx = withContext(ctx, { now: '2025-10-24T09:00:00+08:00' as Instant, actor: 'm-li' });
  apply({
    type: 'complete-measure',
    riskId: 'r-cold',
    measureId: 'm1',
    evidence: '销毁记录、溯源报告',
    on: '2025-10-09',
  });
  apply({ type: 'track-risk', riskId: 'r-cold', note: '复查批发市场，未见新增不合格', review: true, on: '2025-10-20' });

  console.log('\n## 风险清单 · Risk list (2025-10-24)');
  table(
    riskList(state).map((r) => ({
      编号: r.id,
      风险: r.title,
      类别: label(riskCategoryLabels, r.category as 'food'),
      等级: r.level ? `${label(riskLevelLabels, r.level)}（${label(riskColourLabels, r.colour ?? 'blue')}）` : '未评估',
      分值: r.score ?? '',
      状态: label(riskStageLabels, r.stage),
      责任单位: n(r.ownerUnitId),
      责任人: n(r.responsibleId),
      办结时限: r.deadline ?? '',
      未完成措施: r.openMeasures,
    })),
  );

  console.log('\n## 风险热力图 · Heat map (可能性 L × 后果 S，未办结风险数)');
  const h = heatMap(state, MATRIX_METHOD_A);
  table(
    [...h.rows.keys()].reverse().map((i) => ({
      'L \\ S': `L=${h.rows[i]}`,
      ...Object.fromEntries(h.columns.map((s, j) => [`S=${s}`, h.cells[i]?.[j] || '·'])),
    })),
  );
  console.log(
    `按等级：${(['major', 'significant', 'general', 'low'] as const).map((l) => `${label(riskLevelLabels, l)} ${h.byLevel[l]}`).join('，')}`,
  );

  console.log('\n## 会商纪要 · Minutes of cons-2025q3');
  const minutes = consultationMinutes(state, 'cons-2025q3');
  table(
    (minutes?.decisions ?? []).map((d) => ({
      序号: d.no,
      决定: label(decisionLabels, d.decision.type),
      风险: d.title,
      内容:
        d.decision.type === 'add-measure'
          ? `${d.decision.text}（${n(d.decision.ownerId)}，${d.decision.deadline} 前）`
          : d.decision.type === 'assign-risk'
            ? `${n(d.decision.ownerUnitId)} ${n(d.decision.responsibleId)}，${d.decision.deadline} 前办结`
            : d.decision.type === 'escalate'
              ? `报${label(escalationRoleLabels, d.decision.to)}`
              : d.decision.type === 'assess-risk'
                ? d.decision.reason
                : '',
    })),
  );

  console.log('\n## 逾期与提级建议 · Overdue and escalation suggestions');
  table(
    overdue(state, ctx).map((o) => ({
      风险: o.riskId,
      措施: o.measureId ?? '（整体时限）',
      责任人: n(o.ownerId),
      时限: o.deadline,
      逾期工作日: o.overdueWorkdays,
    })),
  );
  table(
    escalations(state, ctx).map((e) => ({
      风险: e.riskId,
      措施: e.measureId,
      建议告知: e.inform.map((r) => label(escalationRoleLabels, r)).join('、'),
    })),
  );

  // 禹城-style key-post internal control: screening (排查) → monitoring (监控) → accountability (问责).
  const all5 = {
    powerOrResources: true,
    discretion: true,
    opennessOrCollective: true,
    indirectGain: false,
    highIncidence: true,
  };
  apply({
    type: 'register-key-post',
    postId: 'kp-enforce',
    unitId: 'dept-enforce',
    power: '行政处罚',
    riskPoints: ['自由裁量权行使不规范', '说情打招呼', '处罚不到位'],
    criteria: all5,
    measures: ['重大案件集体讨论', '裁量基准公开', '案卷评查'],
    responsibleId: 'm-li',
    on: '2025-10-20',
  });
  apply({
    type: 'register-key-post',
    postId: 'kp-metrology',
    unitId: 'dept-metrology',
    power: '计量器具检定',
    riskPoints: ['检定收费', '出具虚假检定结果'],
    criteria: { ...all5, opennessOrCollective: false, highIncidence: false },
    measures: ['收费公示', '检定结果复核'],
    responsibleId: 'm-sun',
    on: '2025-10-20',
  });
  apply({
    type: 'register-key-post',
    postId: 'kp-se',
    unitId: 'inst-se',
    power: '特种设备检验',
    riskPoints: ['检验走过场'],
    criteria: { ...all5, powerOrResources: false, discretion: false, opennessOrCollective: false },
    measures: ['检验过程留痕'],
    responsibleId: 'm-wu',
    on: '2025-10-20',
  });
  apply({
    type: 'respond-integrity-risk',
    postId: 'kp-enforce',
    responseId: 'resp-1',
    stage: 'warning-notice',
    note: '发现苗头性问题，发出防控通知书',
    on: '2025-10-21',
  });
  apply({
    type: 'respond-integrity-risk',
    postId: 'kp-enforce',
    responseId: 'resp-2',
    stage: 'handling-notice',
    note: '风险已显现，下达处置通知书',
    actions: ['formal-talk', 'deadline-to-fix'],
    on: '2025-10-23',
  });

  console.log('\n## 廉政风险防控责任清单 · Integrity-risk ledger (key posts)');
  const cols = INTEGRITY_LEDGER_COLUMNS;
  table(
    integrityLedger(state, { names: NAMES }).map((r) => ({
      [cols.no['zh-CN']]: r.no,
      [cols.responsibleUnit['zh-CN']]: r.responsibleUnit,
      [cols.power['zh-CN']]: r.power,
      [cols.riskPoints['zh-CN']]: r.riskPoints,
      [cols.level['zh-CN']]: r.level,
      [cols.measures['zh-CN']]: r.measures,
      [cols.responsiblePerson['zh-CN']]: r.responsiblePerson,
    })),
  );
  table(
    (state.keyPosts['kp-enforce']?.responses ?? []).map((r) => ({
      日期: r.on,
      阶段: label(integrityResponseStageLabels, r.stage),
      说明: r.note,
    })),
  );

  console.log('\n## 风险指标 · Metrics per unit (for rating)');
  const m = metrics(state, ctx, { groupBy: 'unit' });
  table(
    Object.entries(m).map(([unit, v]) => ({
      单位: n(unit),
      ...Object.fromEntries(
        (['risk.open-major', 'risk.open-significant', 'risk.open-general', 'risk.overdue-measures'] as const).map(
          (k) => [RISK_METRICS[k].label['zh-CN'], v[k] ?? '—'],
        ),
      ),
    })),
  );
}

if (isMain(import.meta.url)) main();
