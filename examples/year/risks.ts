/**
 * The risk list and its quarterly consultations (风险会商): risks found in inspections are identified
 * by the stations, then each quarter's consultation assesses them, assigns an owner and a deadline,
 * and adds control measures in one `hold-consultation` command. The heat map shows what stays open.
 */
import { type IsoDate, label } from 'shijian/core';
import {
  type ConsultationDecision,
  heatMap,
  heatMapSvg,
  MATRIX_METHOD_A,
  type RiskCommand,
  type RiskState,
  riskLevelLabels,
  riskList,
  riskStageLabels,
} from 'shijian/risk';
import type { ReportSection } from '../report/html.js';
import { MERGED_ON, nameOf, STATIONS, SUCCESSOR } from './bureau.js';

/** Likelihood × impact the first-quarter consultation gives each station's risk (illustrative). */
const LEVELS: readonly (readonly [number, number])[] = [
  [4, 4],
  [3, 3],
  [2, 4],
  [3, 2],
  [4, 3],
  [2, 2],
];

const PARTICIPANTS = ['county-head', 'county-deputy', 'dept-office-head', 'legal-officer'];

/** The decisions one consultation takes on one station's risk: assess, assign, add a measure. */
function decide(
  riskId: string,
  unitId: string,
  factors: readonly [number, number],
  reason: string,
  on: IsoDate,
  deadline: IsoDate,
  measure: string,
): ConsultationDecision[] {
  return [
    {
      type: 'assess-risk',
      riskId,
      methodId: MATRIX_METHOD_A.id,
      inherent: { likelihood: factors[0], impact: factors[1] },
      reason,
    },
    { type: 'assign-risk', riskId, ownerUnitId: unitId, responsibleId: `${unitId}-head`, deadline, on },
    { type: 'add-measure', riskId, measureId: `${riskId}-m1`, text: measure, ownerId: `${unitId}-head`, deadline, on },
  ];
}

/** The year's risk commands, in order: identifications, two consultations, measures done, closures, re-homing. */
export function riskCommands(): RiskCommand[] {
  const identify = (
    riskId: string,
    unitId: string,
    title: string,
    category: 'food' | 'special-equipment',
    on: IsoDate,
  ) => ({ type: 'identify-risk', riskId, title, category, source: 'inspection', unitId, on }) as const;
  const q1 = STATIONS.map(([id]) => identify(`r-${id}`, id, '节日期间冷链食品抽检不合格', 'food', '2025-03-28'));
  const q3 = STATIONS.map(([id]) =>
    identify(`r-${id}-q3`, id, '特种设备节前安全隐患', 'special-equipment', '2025-06-25'),
  );
  const consultQ1: RiskCommand = {
    type: 'hold-consultation',
    consultationId: 'c-2025-q1',
    kind: 'regular',
    title: '2025 年第一季度风险会商',
    date: '2025-04-02',
    participants: PARTICIPANTS,
    reviewed: STATIONS.map(([id]) => `r-${id}`),
    decisions: STATIONS.flatMap(([id], k) =>
      decide(
        `r-${id}`,
        id,
        LEVELS[k] ?? [2, 2],
        '一季度风险会商研判',
        '2025-04-02',
        '2025-06-30',
        '冷链食品进货查验与抽检全覆盖',
      ),
    ),
  };
  // 三季度会商在合并前召开，北港、南港两所的风险随后由港城所承接
  const consultQ3: RiskCommand = {
    type: 'hold-consultation',
    consultationId: 'c-2025-q3',
    kind: 'regular',
    title: '2025 年第三季度风险会商',
    date: '2025-06-27',
    participants: PARTICIPANTS,
    // 城关所一季度的风险尚未办结，一并复核
    reviewed: ['r-st-1', ...STATIONS.map(([id]) => `r-${id}-q3`)],
    decisions: STATIONS.flatMap(([id], k) => {
      const [l, i] = LEVELS[k] ?? [2, 2];
      return decide(
        `r-${id}-q3`,
        id,
        [i, l],
        '三季度风险会商研判',
        '2025-06-27',
        '2026-03-31',
        '电梯、锅炉等特种设备节前专项检查',
      );
    }),
  };
  // 一季度风险：措施落实、复查合格后销号；城关所的风险超过时限才办结
  const closeQ1 = (before: boolean) =>
    STATIONS.flatMap(([id], k): RiskCommand[] => {
      const on: IsoDate = k === 0 ? '2025-07-15' : '2025-06-20';
      if (on < '2025-06-27' !== before) return [];
      return [
        { type: 'complete-measure', riskId: `r-${id}`, measureId: `r-${id}-m1`, evidence: '抽检报告全部合格', on },
        { type: 'close-risk', riskId: `r-${id}`, on, closure: { kind: 'eliminated', evidence: '复查合格' } },
      ];
    });
  return [
    ...q1,
    consultQ1,
    ...q3,
    ...closeQ1(true),
    consultQ3,
    { type: 'rehome-unit', fromUnitId: 'st-5', toUnitId: SUCCESSOR, on: MERGED_ON },
    { type: 'rehome-unit', fromUnitId: 'st-6', toUnitId: SUCCESSOR, on: MERGED_ON },
    ...closeQ1(false),
  ];
}

/** 风险会商与热力图: the consultations' decisions, the heat map as a table and as a picture. */
export function riskSection(state: RiskState): ReportSection {
  const hm = heatMap(state, MATRIX_METHOD_A);
  const consultations = Object.values(state.consultations).sort((a, b) => (a.date < b.date ? -1 : 1));
  const count = (ds: readonly ConsultationDecision[], type: ConsultationDecision['type']) =>
    ds.filter((d) => d.type === type).length;
  const rows = hm.rows
    .map((likelihood, i) => ({
      '可能性＼后果': `可能性 ${likelihood}`,
      ...Object.fromEntries(hm.columns.map((impact, j) => [`后果 ${impact}`, hm.cells[i]?.[j] ?? 0])),
    }))
    .reverse();
  return {
    id: 'risk',
    heading: '风险会商与风险热力图',
    paragraphs: [
      `年末未办结风险：重大 ${hm.byLevel.major} · 较大 ${hm.byLevel.significant} · 一般 ${hm.byLevel.general} · 低 ${hm.byLevel.low}。`,
    ],
    tables: [
      {
        caption: '季度风险会商',
        rows: consultations.map((c) => ({
          会商: c.title,
          日期: c.date,
          研判: count(c.decisions, 'assess-risk'),
          明确责任: count(c.decisions, 'assign-risk'),
          管控措施: count(c.decisions, 'add-measure'),
          复核风险: c.reviewed.length,
        })),
      },
      { caption: '未办结风险热力图（件数）', rows },
      {
        caption: '未办结风险清单（合并所的风险已移交港城所）',
        rows: riskList(state)
          .filter((r) => r.stage !== 'closed')
          .map((r) => ({
            风险: r.title,
            责任单位: nameOf(r.ownerUnitId ?? r.unitId),
            等级: r.level === undefined ? '—' : label(riskLevelLabels, r.level, 'zh-CN'),
            阶段: label(riskStageLabels, r.stage, 'zh-CN'),
            办结时限: r.deadline ?? '—',
            未完成措施: r.openMeasures,
          })),
      },
    ],
    figures: [{ caption: '未办结风险（可能性 × 后果）', svg: heatMapSvg(hm) }],
  };
}
