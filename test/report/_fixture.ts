import { renderReport } from '../../examples/report/html.js';
import { unwrap } from '../../src/core/index.js';
import { funnel, funnelSvg, LOOP_FUNNEL_STEPS, type LoopCommand } from '../../src/loop/index.js';
import { distribution, distributionSvg, evaluate, starLabels, type UnitFacts } from '../../src/rating/index.js';
import { heatMap, heatMapSvg, MATRIX_METHOD_A } from '../../src/risk/index.js';
import { closing, run as runLoop, story } from '../loop/_fixture.js';
import { fullFacts, metrics, scheme, tree } from '../rating/_fixtures.js';
import { assess, identify, run as runRisk } from '../risk/_fixture.js';

/** The sections the fixture report has, by id and heading. */
export const SECTIONS = [
  { id: 'risk', heading: '风险会商' },
  { id: 'loop', heading: '闭环监管' },
  { id: 'rating', heading: '星级评定' },
] as const;

/** A small report built with the real modules: four risks, one closed loop line, three rated stations. */
export function fixtureReport(): string {
  const risks = runRisk([
    identify('r-1'),
    assess('r-1', 4, 4),
    identify('r-2', { title: '电梯维保不到位', category: 'special-equipment' }),
    assess('r-2', 5, 5),
    identify('r-3'),
    assess('r-3', 2, 3),
    identify('r-4'),
    assess('r-4', 1, 1),
  ]).state;
  const map = heatMap(risks, MATRIX_METHOD_A);
  // one line closed to strike-off, one inspected but not notified with a problem awaiting its order, one not inspected
  const deploy = story[0] as Extract<LoopCommand, { type: 'order-deployment' }>;
  const inspect = story[1] as Extract<LoopCommand, { type: 'record-inspection' }>;
  const problem = story[3] as Extract<LoopCommand, { type: 'record-problem' }>;
  const loop = runLoop([
    ...story,
    ...closing,
    { ...deploy, id: 'dep-2', title: '特种设备专项检查' },
    { ...inspect, id: 'insp-2', deploymentId: 'dep-2' },
    { ...problem, id: 'p-2', inspectionId: 'insp-2' },
    { ...problem, id: 'p-3', inspectionId: 'insp-2', description: '电梯维保记录缺失' },
    { ...deploy, id: 'dep-3', title: '价格监督检查' },
  ]).state;
  const steps = funnel(loop);
  const ev = (values: Record<string, unknown>, unitId: string) =>
    unwrap(
      evaluate(tree(), { ...fullFacts(unitId), values: { ...fullFacts(unitId).values, ...values } } as UnitFacts, {
        metrics: metrics(unitId),
      }),
    );
  const dist = distribution([ev({}, 'st-1'), ev({ A1: 0.57 }, 'st-2'), ev({ A1: 0, B1: false, E1: false }, 'st-3')], {
    ...scheme(),
    firstRound: true,
  });
  return renderReport({
    title: '某市市场监管局 2025 年度工作报告（测试）',
    subtitle: '数据为测试样例 <不代表实际>',
    sections: [
      {
        id: 'risk',
        heading: '风险会商',
        paragraphs: [
          `在册未办结风险 ${map.byLevel.major + map.byLevel.significant + map.byLevel.general + map.byLevel.low} 项。`,
        ],
        tables: [
          {
            caption: '按等级统计',
            rows: [
              { 等级: '重大', 数量: map.byLevel.major },
              { 等级: '较大', 数量: map.byLevel.significant },
              { 等级: '一般', 数量: map.byLevel.general },
              { 等级: '低', 数量: map.byLevel.low },
            ],
          },
        ],
        figures: [{ caption: '图 1　风险热力图（风险矩阵法 5×5）', svg: heatMapSvg(map) }],
      },
      {
        id: 'loop',
        heading: '闭环监管',
        paragraphs: ['五凡五必：凡部署必检查、凡检查必通报、凡问题必督办、凡督办必处结、凡处结必回头看。'],
        tables: [{ rows: steps.map((s) => ({ 环节: s.label, 数量: s.count })) }],
        figures: [{ caption: `图 2　闭环工作漏斗（${LOOP_FUNNEL_STEPS.length} 个环节）`, svg: funnelSvg(steps) }],
      },
      {
        id: 'rating',
        heading: '星级评定',
        tables: [
          {
            rows: dist.qualifications.map((q) => ({
              单位: q.unitId,
              星级: q.star === undefined ? '未达星级' : starLabels[`${q.star}`]['zh-CN'],
            })),
          },
        ],
        figures: [{ caption: '图 3　星级分布', svg: distributionSvg(dist) }],
      },
    ],
  });
}
