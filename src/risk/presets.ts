import type { RiskBand, RiskMethod, ScalePoint } from './schema.js';

const p = (value: number, zh: string, en: string): ScalePoint => ({ value, label: { 'zh-CN': zh, en } });

/** Likelihood 1–5, anchored to time and to how well controls work (风险矩阵法 L). @category Method */
export const MATRIX_LIKELIHOOD: readonly ScalePoint[] = [
  p(1, '极不可能（50 年以上一次；管控有效）', 'rare (over 50 years; full, effective controls)'),
  p(2, '不太可能（10 年以上一次）', 'unlikely (more than 10 years)'),
  p(3, '可能（10 年内）', 'possible (within 10 years)'),
  p(4, '较可能（5 年内）', 'likely (within 5 years)'),
  p(5, '很可能（约每年一次；无管控）', 'almost certain (about once a year; no controls)'),
];

/** Impact (severity) 1–5, anchored to harm (风险矩阵法 S). @category Method */
export const MATRIX_IMPACT: readonly ScalePoint[] = [
  p(1, '轻微（一人轻伤）', 'minor (one lightly hurt)'),
  p(2, '较小（急救或多人轻伤）', 'small (first aid, several lightly hurt)'),
  p(3, '中等（一人重伤）', 'moderate (one seriously injured)'),
  p(4, '严重（多人重伤）', 'serious (several seriously injured)'),
  p(5, '灾难性（一人死亡；直接损失逾百万元）', 'catastrophic (a death; loss over 1 million yuan)'),
];

/** Bands of variant A (双重预防 tooling): 20–25 重大, 15–16 较大, 9–12 一般, 1–8 低. @category Method */
export const MATRIX_BANDS_A: readonly RiskBand[] = [
  { from: 1, to: 9, level: 'low' },
  { from: 9, to: 15, level: 'general' },
  { from: 15, to: 20, level: 'significant' },
  { from: 20, to: null, level: 'major' },
];

/** Bands of variant B (graded Ⅰ–Ⅳ): 20–25 重大, 9–16 较大, 4–8 一般, 1–3 轻微. @category Method */
export const MATRIX_BANDS_B: readonly RiskBand[] = [
  { from: 1, to: 4, level: 'low' },
  { from: 4, to: 9, level: 'general' },
  { from: 9, to: 20, level: 'significant' },
  { from: 20, to: null, level: 'major' },
];

/** The 5 × 5 risk matrix (R = L × S) with variant A bands. @category Method */
export const MATRIX_METHOD_A: RiskMethod = {
  kind: 'matrix',
  id: 'matrix-5x5-a',
  name: { 'zh-CN': '风险矩阵法（5×5，双重预防分级）', en: 'Risk matrix 5×5 (dual-prevention bands)' },
  likelihood: MATRIX_LIKELIHOOD,
  impact: MATRIX_IMPACT,
  bands: MATRIX_BANDS_A,
};

/** The 5 × 5 risk matrix (R = L × S) with variant B bands. @category Method */
export const MATRIX_METHOD_B: RiskMethod = {
  kind: 'matrix',
  id: 'matrix-5x5-b',
  name: { 'zh-CN': '风险矩阵法（5×5，Ⅰ–Ⅳ级）', en: 'Risk matrix 5×5 (grades I–IV)' },
  likelihood: MATRIX_LIKELIHOOD,
  impact: MATRIX_IMPACT,
  bands: MATRIX_BANDS_B,
};

/** LEC likelihood L (事故发生的可能性). @category Method */
export const LEC_LIKELIHOOD: readonly ScalePoint[] = [
  p(0.1, '实际不可能', 'practically impossible'),
  p(0.2, '极不可能', 'extremely unlikely'),
  p(0.5, '很不可能', 'very unlikely'),
  p(1, '可能性小', 'unlikely'),
  p(3, '可能但不经常', 'possible but unusual'),
  p(6, '相当可能', 'quite possible'),
  p(10, '完全可以预料', 'fully expected'),
];

/** LEC exposure E (暴露于危险环境的频繁程度). @category Method */
export const LEC_EXPOSURE: readonly ScalePoint[] = [
  p(0.5, '非常罕见', 'very rare'),
  p(1, '每年几次', 'a few times a year'),
  p(2, '每月一次', 'monthly'),
  p(3, '每周一次', 'weekly'),
  p(6, '逐日', 'daily'),
  p(10, '连续暴露', 'continuous'),
];

/** LEC consequence C (发生事故产生的后果). @category Method */
export const LEC_CONSEQUENCE: readonly ScalePoint[] = [
  p(1, '引人注意', 'noticeable'),
  p(3, '重大', 'major'),
  p(7, '严重', 'serious'),
  p(15, '非常严重', 'very serious'),
  p(40, '灾难', 'disaster'),
  p(100, '大灾难', 'catastrophe'),
];

/**
 * LEC variant A: > 160 重大, 70–160 较大, 20–70 一般, < 20 低 (20 itself is 一般: no gap; 160 itself is 较大).
 * Bands are half-open, and scores are rounded to 6 decimals, so the closed upper end 160 is written as
 * `[70, 160.000001)`: the next score above 160 there can be is 160.000001, which is 重大.
 * @category Method
 */
export const LEC_BANDS_A: readonly RiskBand[] = [
  { from: 0, to: 20, level: 'low' },
  { from: 20, to: 70, level: 'general' },
  { from: 70, to: 160.000001, level: 'significant' },
  { from: 160.000001, to: null, level: 'major' },
];

/** LEC variant B: ≥ 320 重大, 160–320 较大, 70–160 一般, < 70 低. @category Method */
export const LEC_BANDS_B: readonly RiskBand[] = [
  { from: 0, to: 70, level: 'low' },
  { from: 70, to: 160, level: 'general' },
  { from: 160, to: 320, level: 'significant' },
  { from: 320, to: null, level: 'major' },
];

/** LEC (D = L × E × C) with variant A bands. @category Method */
export const LEC_METHOD_A: RiskMethod = {
  kind: 'lec',
  id: 'lec-a',
  name: { 'zh-CN': '作业条件危险性评价法（LEC，A 分级）', en: 'LEC (Graham–Kinney), bands A' },
  likelihood: LEC_LIKELIHOOD,
  exposure: LEC_EXPOSURE,
  consequence: LEC_CONSEQUENCE,
  bands: LEC_BANDS_A,
};

/** LEC (D = L × E × C) with variant B bands. @category Method */
export const LEC_METHOD_B: RiskMethod = {
  kind: 'lec',
  id: 'lec-b',
  name: { 'zh-CN': '作业条件危险性评价法（LEC，B 分级）', en: 'LEC (Graham–Kinney), bands B' },
  likelihood: LEC_LIKELIHOOD,
  exposure: LEC_EXPOSURE,
  consequence: LEC_CONSEQUENCE,
  bands: LEC_BANDS_B,
};

/** The built-in methods, the default set a risk decider knows. @category Method */
export const RISK_METHOD_PRESETS: readonly RiskMethod[] = [
  MATRIX_METHOD_A,
  MATRIX_METHOD_B,
  LEC_METHOD_A,
  LEC_METHOD_B,
];
