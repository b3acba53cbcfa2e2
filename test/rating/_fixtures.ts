import { unwrap } from '../../src/core/index.js';
import {
  type IndicatorTree,
  type IndicatorTreeInput,
  parseIndicatorTree,
  parseStarScheme,
  type StarScheme,
  type UnitFacts,
} from '../../src/rating/index.js';

/** A small illustrative station tree touching every rule kind but rank, and every aggregation mode. */
export function treeInput(): IndicatorTreeInput {
  return {
    id: 'station-demo',
    name: { 'zh-CN': '市场监管所评定指标（测试用）' },
    version: 1,
    effectiveFrom: '2023-03-01',
    totalPoints: 100,
    nodes: [
      { code: 'A', title: { 'zh-CN': '履职绩效' }, depth: 1, points: 40 },
      {
        code: 'A1',
        parent: 'A',
        title: { 'zh-CN': '投诉按期办结率' },
        depth: 2,
        points: 20,
        rule: { kind: 'ratio', target: 0.95 },
      },
      {
        code: 'A2',
        parent: 'A',
        title: { 'zh-CN': '监督抽检完成率' },
        depth: 2,
        points: 10,
        rule: {
          kind: 'tiered',
          bands: [
            { min: 60, points: 5 },
            { min: 80, points: 10 },
          ],
        },
      },
      {
        code: 'A3',
        parent: 'A',
        title: { 'zh-CN': '执法差错' },
        depth: 2,
        points: 10,
        rule: { kind: 'deduction', perOccurrence: 2 },
      },
      { code: 'B', title: { 'zh-CN': '党建引领' }, depth: 1, points: 20 },
      { code: 'B1', parent: 'B', title: { 'zh-CN': '三会一课' }, depth: 2, points: 10, rule: { kind: 'binary' } },
      { code: 'B2', parent: 'B', title: { 'zh-CN': '支部品牌' }, depth: 2, points: 10, rule: { kind: 'manual' } },
      { code: 'C', title: { 'zh-CN': '内部管理' }, depth: 1, points: 15 },
      {
        code: 'C1',
        parent: 'C',
        title: { 'zh-CN': '督办事项按期办结' },
        depth: 2,
        points: 15,
        rule: { kind: 'computed', metric: 'loop.onTimeRate', apply: { kind: 'ratio', target: 1 } },
      },
      { code: 'D', title: { 'zh-CN': '队伍建设' }, depth: 1, points: 15, aggregation: 'weighted' },
      { code: 'D1', parent: 'D', title: { 'zh-CN': '培训' }, depth: 2, points: 5, weight: 1, rule: { kind: 'binary' } },
      {
        code: 'D2',
        parent: 'D',
        title: { 'zh-CN': '持证率' },
        depth: 2,
        points: 10,
        weight: 3,
        rule: { kind: 'ratio', target: 1 },
      },
      { code: 'E', title: { 'zh-CN': '基础保障' }, depth: 1, points: 10, aggregation: 'min' },
      { code: 'E1', parent: 'E', title: { 'zh-CN': '统一标识' }, depth: 2, points: 5, rule: { kind: 'binary' } },
      { code: 'E2', parent: 'E', title: { 'zh-CN': '执法装备' }, depth: 2, points: 5, rule: { kind: 'binary' } },
    ],
    vetoes: [
      { code: 'V1', title: { 'zh-CN': '发生严重违纪违法' }, effect: { kind: 'disqualify' } },
      {
        code: 'V2',
        title: { 'zh-CN': '有效投诉过多' },
        effect: { kind: 'cap', star: 3 },
        when: { metric: 'complaints', op: 'gt', value: 10 },
      },
      { code: 'V3', title: { 'zh-CN': '党建工作被通报' }, effect: { kind: 'zero', node: 'B' } },
    ],
    bonuses: [
      { code: 'X1', title: { 'zh-CN': '经验被上级推广' }, perItem: 2, cap: 4 },
      { code: 'X2', title: { 'zh-CN': '获得表彰' }, perItem: 3, cap: 3 },
    ],
    bonusCap: 5,
    penalties: [{ code: 'P1', title: { 'zh-CN': '信息报送迟报' }, perItem: 1, cap: 3 }],
  };
}

export const tree = (): IndicatorTree => unwrap(parseIndicatorTree(treeInput()));

export const scheme = (): StarScheme =>
  unwrap(
    parseStarScheme({
      id: 'stars',
      name: { 'zh-CN': '等级评定' },
      levels: [
        { star: 3, minTotal: 70 },
        { star: 4, minTotal: 85, minAreaRate: 0.75 },
        { star: 5, minTotal: 92, minAreaRate: 0.85 },
      ],
    }),
  );

/** Full-marks facts. */
export function fullFacts(unitId = 'st-1'): UnitFacts {
  return {
    unitId,
    values: {
      A1: 0.97,
      A2: 85,
      A3: 0,
      B1: true,
      B2: { score: 10, reason: '品牌特色鲜明' },
      D1: true,
      D2: 1,
      E1: true,
      E2: true,
      V1: false,
      V3: false,
    },
  };
}

export const metrics = (unitId = 'st-1', onTime = 1, complaints = 0) => ({
  [unitId]: { 'loop.onTimeRate': onTime, complaints },
});
