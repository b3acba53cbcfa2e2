/**
 * A city bureau's 2025 across the modules: its organization and organ branches with their brands,
 * the closed loop across the National Day holiday, the quarterly risk consultations, the work plan
 * and its quarterly reviews, two stations merged mid-year (open lines and risks re-homed, records
 * credited to the successor), and a year-end star rating whose computed indicators come from the
 * loop, risk and brand records through `shijian/join`. The events are stored with `shijian/store` in
 * PGlite (or the server in DATABASE_URL), reopened and replayed, and `out/report.html` is written.
 * Run with `npx tsx examples/bureau-year.ts`; the sections live in `examples/year/`.
 *
 * ILLUSTRATIVE: station names, counts, plan tasks, indicator points and thresholds are invented for the
 * example; the structure (五凡五必, 风险清单与会商, 一支部一品牌, 党建业务等分值季度考核, 五星市场监管所)
 * and the brand figures follow the seed articles.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { unwrap } from 'shijian/core';
import { creditSuccessor, joinMetrics, metricNames } from 'shijian/join';
import { createLoopDecider, metrics as loopMetrics } from 'shijian/loop';
import { successorOf } from 'shijian/org';
import {
  compileTree,
  distribution,
  distributionSvg,
  evaluateMany,
  evaluations,
  gapAnalysis,
  parseIndicatorTree,
  parseStarScheme,
  rank,
  starLabels,
} from 'shijian/rating';
import { createRiskDecider, metrics as riskMetrics } from 'shijian/risk';
import { isMain, table } from './_print.js';
import { type ReportSection, type ReportTable, renderReport } from './report/html.js';
import { brandSection, brandYear } from './year/brands.js';
import {
  at,
  directory,
  MERGED_ON,
  nameOf,
  RATED,
  runAll,
  STATIONS,
  SUCCESSOR,
  YEAR_END,
  YEAR_START,
} from './year/bureau.js';
import { loopCommands, loopSection } from './year/loop.js';
import { persist } from './year/persist.js';
import { reviewSection, reviews, workPlan } from './year/plan.js';
import { riskCommands, riskSection } from './year/risks.js';

export { STATIONS, SUCCESSOR };

/** The year-end indicator tree and star scheme (points and thresholds illustrative). */
function ratingScheme() {
  const tree = unwrap(
    parseIndicatorTree(
      {
        id: 'station-2025',
        name: { 'zh-CN': '市场监管所等级评定指标体系（示意）' },
        version: 1,
        effectiveFrom: YEAR_START,
        totalPoints: 100,
        nodes: [
          { code: 'A', title: { 'zh-CN': '履职绩效' }, depth: 1, points: 60 },
          {
            code: 'A1',
            parent: 'A',
            title: { 'zh-CN': '问题销号率' },
            depth: 2,
            points: 25,
            rule: { kind: 'computed', metric: 'loop.strike-off-rate', apply: { kind: 'ratio', target: 1 } },
          },
          {
            code: 'A2',
            parent: 'A',
            title: { 'zh-CN': '督办按期处结率' },
            depth: 2,
            points: 20,
            rule: { kind: 'computed', metric: 'loop.on-time-resolution-rate', apply: { kind: 'ratio', target: 1 } },
          },
          {
            code: 'A3',
            parent: 'A',
            title: { 'zh-CN': '风险按期办结率' },
            depth: 2,
            points: 15,
            rule: { kind: 'computed', metric: 'risk.on-time-closure-rate', apply: { kind: 'ratio', target: 1 } },
          },
          { code: 'B', title: { 'zh-CN': '党建引领' }, depth: 1, points: 20 },
          {
            code: 'B1',
            parent: 'B',
            title: { 'zh-CN': '支部品牌创建' },
            depth: 2,
            points: 5,
            rule: { kind: 'computed', metric: 'brand.coverage', apply: { kind: 'ratio', target: 1 } },
          },
          {
            code: 'B2',
            parent: 'B',
            title: { 'zh-CN': '支部品牌命名' },
            depth: 2,
            points: 5,
            rule: { kind: 'computed', metric: 'brand.named-share', apply: { kind: 'ratio', target: 1 } },
          },
          {
            code: 'B3',
            parent: 'B',
            title: { 'zh-CN': '主题党日（每季度一次）' },
            depth: 2,
            points: 10,
            rule: { kind: 'computed', metric: 'brand.activities-per-branch', apply: { kind: 'ratio', target: 4 } },
          },
          { code: 'C', title: { 'zh-CN': '内部管理' }, depth: 1, points: 20, rule: { kind: 'binary' } },
        ],
      },
      { metrics: metricNames() },
    ),
  );
  const scheme = unwrap(
    parseStarScheme(
      {
        id: 'city-2025',
        name: { 'zh-CN': '市场监管所星级评定（示意阈值）' },
        firstRound: true,
        levels: [
          { star: 3, minTotal: 70, minAreaRate: 0.4, cycleYears: 1 },
          { star: 4, minTotal: 85, minAreaRate: 0.7 },
          { star: 5, minTotal: 95, minAreaRate: 0.9 },
        ],
      },
      tree,
    ),
  );
  return { tree, scheme };
}

/** Everything the year produces, computed purely (no I/O): what `main` prints, stores and renders. */
export function bureauYear() {
  const dir = directory();
  const loop = runAll(createLoopDecider({ directory: dir }), loopCommands());
  // no member roster in this directory, so the risk decider does not check responsible ids
  const risk = runAll(createRiskDecider(), riskCommands());
  const ctx = at(YEAR_END);
  const unitOf = creditSuccessor(dir, YEAR_END);
  const brand = brandYear(dir, unitOf);
  const plan = workPlan();
  const review = reviews(plan);
  const metrics = joinMetrics({
    loop: loopMetrics(loop.state, ctx, { from: YEAR_START, to: YEAR_END, groupBy: 'unit', unitOf }),
    risk: riskMetrics(risk.state, ctx, { groupBy: 'unit', unitOf }),
    brand: brand.metrics,
  });
  const { tree, scheme } = ratingScheme();
  const facts = RATED.map((unitId) => ({ unitId, values: { C: unitId !== 'st-3' } }));
  const evs = evaluations(unwrap(evaluateMany(compileTree(tree), facts, { metrics })));
  const dist = distribution(evs, scheme);
  return { dir, loop, risk, brand, plan, review, ctx, metrics, tree, scheme, evs, dist };
}

/** The year's data, as {@link bureauYear} returns it. */
export type BureauYear = ReturnType<typeof bureauYear>;

function orgSection(y: BureauYear): ReportSection {
  return {
    id: 'org',
    heading: '组织机构与年内调整',
    paragraphs: [
      `${MERGED_ON} 北港所、南港所合并组建港城所，两所党支部同日合并为港城所党支部；两所未结问题与风险随之移交，北港所支部品牌移交新支部，年终评定按承继单位计入两所全年记录。`,
    ],
    tables: [
      {
        rows: [...STATIONS.map(([id]) => id), SUCCESSOR].map((id) => ({
          单位: nameOf(id),
          年末承继单位: nameOf(successorOf(y.dir, id, YEAR_END)),
        })),
      },
    ],
  };
}

function ratingSection(y: BureauYear): ReportSection {
  const tables: ReportTable[] = [
    {
      caption: '星级评定结果',
      rows: rank(y.evs).map((r) => {
        const q = y.dist.qualifications.find((x) => x.unitId === r.unitId);
        return {
          名次: r.rank ?? '-',
          单位: nameOf(r.unitId),
          总分: r.total.toFixed(1),
          星级: q?.star === undefined ? '无星级' : starLabels[`${q.star}`]['zh-CN'],
        };
      }),
    },
  ];
  const st3 = y.evs.find((e) => e.unitId === 'st-3');
  const gap = st3 ? gapAnalysis(st3, y.scheme, 5, y.tree) : undefined;
  if (gap?.ok)
    tables.push({
      caption: '西城所冲五星差距分析',
      rows: gap.value.items.map((i) => ({ 指标: i.code, 可补分: i.gain.toFixed(1) })),
    });
  const d = y.dist.byStar;
  return {
    id: 'rating',
    heading: '年终星级评定',
    paragraphs: [`星级分布：五星 ${d['5']} · 四星 ${d['4']} · 三星 ${d['3']} · 无星级 ${d.none}`],
    tables,
    figures: [{ caption: '星级分布', svg: distributionSvg(y.dist) }],
  };
}

/** The year's sections, shared by the console and the HTML report. */
export function yearSections(y: BureauYear): ReportSection[] {
  return [
    orgSection(y),
    brandSection(y.brand),
    loopSection(y.loop.state, y.ctx, y.metrics),
    riskSection(y.risk.state),
    reviewSection(y.plan, y.review),
    ratingSection(y),
  ];
}

function print(s: ReportSection): void {
  console.log(`\n## ${s.heading}`);
  for (const p of s.paragraphs ?? []) console.log(p);
  for (const t of s.tables ?? []) {
    if (t.caption) console.log(`\n${t.caption}`);
    table(t.rows);
  }
}

export async function main(): Promise<void> {
  const t0 = performance.now();
  const y = bureauYear();
  const sections = yearSections(y);
  const pure = performance.now() - t0;
  for (const s of sections) print(s);
  const p = await persist({ loop: y.loop, risk: y.risk, brand: y.brand });
  const engine = p.engine === 'PGlite' ? 'PGlite 临时目录' : 'DATABASE_URL';
  const ms = (v: number) => `${Math.round(v)} ms`;
  console.log(
    `\n## 持久化（${engine}）\n全年事件 ${p.events} 条（闭环 ${y.loop.events.length}、风险 ${y.risk.events.length}、品牌 ${y.brand.events.length}）；关闭、重开、重放后状态${p.same ? '一致' : '不一致'}。`,
  );
  console.log(
    `耗时：计算与排版 ${ms(pure)}；首次打开 ${ms(p.ms.open)}；写入 ${ms(p.ms.write)}；重开 ${ms(p.ms.reopen)}；读取重放 ${ms(p.ms.replay)}`,
  );
  mkdirSync('out', { recursive: true });
  writeFileSync(
    'out/report.html',
    renderReport({ title: '某区市场监督管理局 2025 年度工作报告', subtitle: '示意数据', sections }),
  );
  console.log('\n已写出 out/report.html');
  if (!p.same) process.exitCode = 1;
}

if (isMain(import.meta.url)) void main();
