/**
 * Station star rating (市场监管所等级评定) in Dalian's shape: an illustrative five-area indicator system,
 * a city's three-star scheme beside the provincial four-star and national five-star levels, 30 stations
 * evaluated in one call, the star distribution that comes out of their scores, and one station's gap
 * analysis. Run on its own with `npx tsx examples/star-rating.ts`.
 *
 * ILLUSTRATIVE: only the five first-level areas (履职绩效, 党建引领, 内部管理, 队伍建设, 基础保障) are
 * public. Every second- and third-level indicator, point value, threshold and veto below is invented
 * for the example; the official 《五星市场监督管理所评定指标体系》 table has not been published.
 */
import { unwrap } from 'shijian/core';
import {
  compileTree,
  distribution,
  evaluateMany,
  evaluations,
  explain,
  gapAnalysis,
  type IndicatorTreeInput,
  parseIndicatorTree,
  parseStarScheme,
  qualify,
  rank,
  starLabels,
  type UnitFacts,
} from 'shijian/rating';
import { isMain, table } from './_print.js';

type Leaf = { code: string; title: string; points: number; rule: Record<string, unknown> };
const AREAS: { code: string; title: string; groups: { code: string; title: string; leaves: Leaf[] }[] }[] = [
  {
    code: 'A',
    title: '履职绩效',
    groups: [
      {
        code: 'A1',
        title: '监管执法（示意）',
        leaves: [
          { code: 'A1.1', title: '日常检查完成率', points: 10, rule: { kind: 'ratio', target: 1 } },
          { code: 'A1.2', title: '执法案卷差错', points: 10, rule: { kind: 'deduction', perOccurrence: 2.5 } },
        ],
      },
      {
        code: 'A2',
        title: '服务发展（示意）',
        leaves: [
          {
            code: 'A2.1',
            title: '投诉举报按期办结',
            points: 10,
            rule: { kind: 'computed', metric: 'loop.onTimeRate', apply: { kind: 'ratio', target: 1 } },
          },
          {
            code: 'A2.2',
            title: '群众满意度',
            points: 10,
            rule: {
              kind: 'tiered',
              bands: [
                { min: 80, points: 4 },
                { min: 88, points: 7 },
                { min: 95, points: 10 },
              ],
            },
          },
        ],
      },
    ],
  },
  {
    code: 'B',
    title: '党建引领',
    groups: [
      {
        code: 'B1',
        title: '组织建设（示意）',
        leaves: [
          { code: 'B1.1', title: '三会一课规范开展', points: 8, rule: { kind: 'binary' } },
          { code: 'B1.2', title: '党建与业务融合', points: 7, rule: { kind: 'manual' } },
        ],
      },
    ],
  },
  {
    code: 'C',
    title: '内部管理',
    groups: [
      {
        code: 'C1',
        title: '制度运行（示意）',
        leaves: [
          { code: 'C1.1', title: '请示报告、会议、考勤制度', points: 8, rule: { kind: 'binary' } },
          { code: 'C1.2', title: '台账规范率', points: 7, rule: { kind: 'ratio', target: 1 } },
        ],
      },
    ],
  },
  {
    code: 'D',
    title: '队伍建设',
    groups: [
      {
        code: 'D1',
        title: '能力素质（示意）',
        leaves: [
          { code: 'D1.1', title: '执法资格持证率', points: 8, rule: { kind: 'ratio', target: 1 } },
          { code: 'D1.2', title: '年度培训学时达标', points: 7, rule: { kind: 'binary' } },
        ],
      },
    ],
  },
  {
    code: 'E',
    title: '基础保障',
    groups: [
      {
        code: 'E1',
        title: '硬件与标识（示意）',
        leaves: [
          { code: 'E1.1', title: '统一标识', points: 7, rule: { kind: 'binary' } },
          { code: 'E1.2', title: '执法装备配备率', points: 8, rule: { kind: 'ratio', target: 1 } },
        ],
      },
    ],
  },
];

export function stationTreeInput(): IndicatorTreeInput {
  const nodes: Record<string, unknown>[] = [];
  for (const a of AREAS) {
    const aPts = a.groups.reduce((s, g) => s + g.leaves.reduce((t, l) => t + l.points, 0), 0);
    nodes.push({ code: a.code, title: { 'zh-CN': a.title }, depth: 1, points: aPts });
    for (const g of a.groups) {
      const gPts = g.leaves.reduce((t, l) => t + l.points, 0);
      nodes.push({ code: g.code, parent: a.code, title: { 'zh-CN': g.title }, depth: 2, points: gPts });
      for (const l of g.leaves)
        nodes.push({
          code: l.code,
          parent: g.code,
          title: { 'zh-CN': l.title },
          depth: 3,
          points: l.points,
          rule: l.rule,
        });
    }
  }
  return {
    id: 'station-rating-illustrative',
    name: { 'zh-CN': '市场监管所等级评定指标体系（示意）' },
    version: 1,
    effectiveFrom: '2023-03-01',
    totalPoints: 100,
    nodes: nodes as IndicatorTreeInput['nodes'],
    vetoes: [{ code: 'V1', title: { 'zh-CN': '发生严重违纪违法或重大责任事故' }, effect: { kind: 'disqualify' } }],
    bonuses: [{ code: 'X1', title: { 'zh-CN': '经验做法被上级转发' }, perItem: 1, cap: 2 }],
    bonusCap: 3,
  };
}

/** A station-specific spread of 0–0.03, the same every run. */
const wobbleOf = (k: number): number => ((k * 37) % 7) / 200;

/** A station's facts from its strength (0–1): a deterministic stand-in for a year's ledgers. */
export function stationFacts(id: string, strength: number, k: number): { facts: UnitFacts; onTime: number } {
  const s = Math.min(1, strength + wobbleOf(k));
  return {
    facts: {
      unitId: id,
      values: {
        'A1.1': s,
        'A1.2': Math.round((1 - s) * 12),
        'A2.2': Math.round(60 + 40 * s),
        'B1.1': s > 0.7,
        'B1.2': { score: Math.round(7 * s * 2) / 2, reason: '实地考察评分' },
        'C1.1': s > 0.75,
        'C1.2': s,
        'D1.1': Math.min(1, s + 0.05),
        'D1.2': s > 0.8,
        'E1.1': true,
        'E1.2': s,
        V1: false,
        X1: s > 0.95 ? 2 : 0,
      },
    },
    onTime: Math.min(1, s + 0.02),
  };
}

const DISTRICTS = ['中山', '西岗', '沙河口', '甘井子', '旅顺口', '金州', '普兰店', '瓦房店', '庄河', '长海'];

export function main(): void {
  const tree = unwrap(parseIndicatorTree(stationTreeInput(), { metrics: ['loop.onTimeRate'] }));
  // Dalian 2023 was the first round, so no star held before is required (逐级申报 suspended).
  const scheme = unwrap(
    parseStarScheme(
      {
        id: 'dalian-2023',
        name: { 'zh-CN': '大连市市场监管所等级评定（2023，示意阈值）' },
        firstRound: true,
        levels: [
          { star: 3, minTotal: 70, minAreaRate: 0.4, cycleYears: 1 },
          { star: 4, minTotal: 88, minAreaRate: 0.75 },
          { star: 5, minTotal: 97, minAreaRate: 0.9 },
        ],
      },
      tree,
    ),
  );
  // Strengths chosen so the three groups land in Dalian's 2023 counts; the stars come from the scores.
  const targets = [
    0.99,
    0.97,
    ...Array.from({ length: 11 }, (_, i) => 0.88 + i * 0.005),
    ...Array.from({ length: 17 }, (_, i) => 0.78 + i * 0.0035),
  ];
  const stations = targets.map((t, k) => stationFacts(`dl-${String(k + 1).padStart(2, '0')}`, t - wobbleOf(k), k));
  const names = new Map(stations.map((x, k) => [x.facts.unitId, `${DISTRICTS[k % 10]}第${Math.floor(k / 10) + 1}所`]));
  const metrics = Object.fromEntries(stations.map((x) => [x.facts.unitId, { 'loop.onTimeRate': x.onTime }]));

  const batch = unwrap(
    evaluateMany(
      compileTree(tree),
      stations.map((x) => x.facts),
      { metrics },
    ),
  );
  const evs = evaluations(batch);
  const dist = distribution(evs, scheme, {
    awardingUnitOf: (_u, level) =>
      ({ 1: '市场监管总局', 2: '辽宁省市场监管局', 3: '大连市市场监管局', 4: '区县局' })[level],
  });

  console.log('\n## 星级评定 · 30 个市场监管所（指标与阈值为示意）');
  table(
    rank(evs)
      .slice(0, 8)
      .map((r) => {
        const q = dist.qualifications.find((x) => x.unitId === r.unitId);
        return {
          名次: r.rank ?? '-',
          所: names.get(r.unitId) ?? r.unitId,
          总分: r.total.toFixed(2),
          星级: q?.star === undefined ? '无星级' : (starLabels[`${q.star}`]['zh-CN'] ?? ''),
        };
      }),
  );
  console.log('\n## 分布（按授牌单位）');
  table(
    dist.byAwardingBody.map((b) => ({
      星级: starLabels[`${b.star}`]['zh-CN'],
      授牌单位: b.unitId ?? '',
      数量: b.count,
    })),
  );
  console.log(
    `五星 ${dist.byStar['5']} · 四星 ${dist.byStar['4']} · 三星 ${dist.byStar['3']} · 无星级 ${dist.byStar.none}`,
  );

  const candidate = evs.find((e) => unwrap(qualify(e, scheme)).star === 4);
  if (candidate) {
    console.log(`\n## 差距分析：${names.get(candidate.unitId)} 如何从四星到五星`);
    table(
      explain(candidate)
        .filter((r) => r.lost > 0)
        .map((r) => ({ 指标: r.indicator, 分值: r.max, 得分: r.scored, 失分: r.lost, 说明: r.why })),
    );
    const plan = unwrap(gapAnalysis(candidate, scheme, 5, tree));
    table(
      plan.items.map((i) => ({
        指标: i.title['zh-CN'],
        现得分: i.from.toFixed(2),
        满分: i.to,
        总分可增: i.gain.toFixed(2),
      })),
    );
    console.log(`改进后预计总分 ${plan.projectedTotal.toFixed(2)}`);
  }
}

if (isMain(import.meta.url)) main();
