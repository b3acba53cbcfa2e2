import { defineErrors, type Label } from '../core/index.js';

/** Details of `rating/scheme-order`: the star, the lower star it falls below, and the area (`''` for `minAreaRate`) or none for the total. */
interface SchemeOrder {
  readonly star: number;
  readonly lower: number;
  readonly area?: string;
}

/** Details of `rating/exclusion-not-approved`; the two days when the approval predates the decision. */
interface ExclusionApproval {
  readonly subjectId: string;
  readonly decidedOn?: string;
  readonly approvedOn?: string;
}

/**
 * The indicator-tree, evaluation, star and points-scheme errors of the rating module. Codes are
 * public API: renaming one is a breaking change.
 * @category Errors
 */
export const ratingError = /* @__PURE__ */ defineErrors({
  'rating/duplicate-code': {
    'zh-CN': (d: { code: string }) => `指标编码 ${d.code} 重复`,
    en: (d: { code: string }) => `Indicator code ${d.code} is used more than once`,
  },
  'rating/unknown-parent': {
    'zh-CN': (d: { code: string; parent: string }) => `指标 ${d.code} 的上级 ${d.parent} 不存在`,
    en: (d: { code: string; parent: string }) => `Indicator ${d.code} names an unknown parent ${d.parent}`,
  },
  'rating/cycle': {
    'zh-CN': (d: { codes: readonly string[] }) => `指标上下级关系成环：${d.codes.join(' → ')}`,
    en: (d: { codes: readonly string[] }) => `Indicators form a cycle: ${d.codes.join(' → ')}`,
  },
  'rating/too-deep': {
    'zh-CN': (d: { code: string; limit: number }) => `指标 ${d.code} 超过最大层级 ${d.limit}`,
    en: (d: { code: string; limit: number }) => `Indicator ${d.code} is deeper than the limit of ${d.limit} levels`,
  },
  'rating/depth-mismatch': {
    'zh-CN': (d: { code: string; declared: number; actual: number }) =>
      `指标 ${d.code} 标注为${d.declared}级指标，实际为${d.actual}级`,
    en: (d: { code: string; declared: number; actual: number }) =>
      `Indicator ${d.code} says depth ${d.declared} but sits at depth ${d.actual}`,
  },
  'rating/points-exceed-parent': {
    'zh-CN': (d: { code: string; children: number; points: number }) =>
      `指标 ${d.code} 的下级分值合计 ${d.children} 超过其分值 ${d.points}`,
    en: (d: { code: string; children: number; points: number }) =>
      `The children of ${d.code} carry ${d.children} points, more than its ${d.points}`,
  },
  'rating/points-not-equal': {
    'zh-CN': (d: { code: string; children: number; points: number }) =>
      `指标 ${d.code} 的下级分值合计 ${d.children} 不等于其分值 ${d.points}`,
    en: (d: { code: string; children: number; points: number }) =>
      `The children of ${d.code} carry ${d.children} points, not its ${d.points}`,
  },
  'rating/leaf-without-rule': {
    'zh-CN': (d: { code: string }) => `末级指标 ${d.code} 没有评分方法`,
    en: (d: { code: string }) => `Leaf indicator ${d.code} has no scoring rule`,
  },
  'rating/rule-on-branch': {
    'zh-CN': (d: { code: string }) => `指标 ${d.code} 有下级指标，不能再设评分方法`,
    en: (d: { code: string }) => `Indicator ${d.code} has children and cannot carry a scoring rule`,
  },
  'rating/rule-contradicts-points': {
    'zh-CN': (d: { code: string; reason: Label }) => `指标 ${d.code} 的评分参数与分值矛盾：${d.reason['zh-CN']}`,
    en: (d: { code: string; reason: Label }) => `The rule of ${d.code} contradicts its points: ${d.reason.en}`,
  },
  'rating/unknown-metric': {
    'zh-CN': (d: { metric: string }) => `指标数据目录中没有 ${d.metric}`,
    en: (d: { metric: string }) => `Metric ${d.metric} is not in the metric catalogue`,
  },
  'rating/unknown-node': {
    'zh-CN': (d: { code: string }) => `指标 ${d.code} 不存在`,
    en: (d: { code: string }) => `No indicator ${d.code} in the tree`,
  },
  'rating/period-order': {
    'zh-CN': (d: { from: string; to: string }) => `生效期结束日 ${d.to} 早于开始日 ${d.from}`,
    en: (d: { from: string; to: string }) => `The effective period ends (${d.to}) before it starts (${d.from})`,
  },
  'rating/unknown-fact': {
    'zh-CN': (d: { code: string }) => `提交的事实 ${d.code} 不对应任何指标、否决项、加分项或扣分项`,
    en: (d: { code: string }) => `Fact ${d.code} matches no indicator, veto, bonus or deduction item`,
  },
  'rating/value-out-of-domain': {
    'zh-CN': (d: { code: string; expected: Label }) => `指标 ${d.code} 的取值无效：应为${d.expected['zh-CN']}`,
    en: (d: { code: string; expected: Label }) => `The value for ${d.code} is invalid: expected ${d.expected.en}`,
  },
  'rating/manual-out-of-bounds': {
    'zh-CN': (d: { code: string; min: number; max: number }) => `指标 ${d.code} 的评审打分须在 ${d.min}–${d.max} 之间`,
    en: (d: { code: string; min: number; max: number }) =>
      `The assessor's score for ${d.code} must lie between ${d.min} and ${d.max}`,
  },
  'rating/reason-required': {
    'zh-CN': (d: { code: string }) => `指标 ${d.code} 的评审打分须说明理由`,
    en: (d: { code: string }) => `The assessor's score for ${d.code} needs a reason`,
  },
  'rating/column-length': {
    'zh-CN': (d: { code: string; expected: number; actual: number }) =>
      `${d.code} 列的长度 ${d.actual} 与单位数 ${d.expected} 不一致`,
    en: (d: { code: string; expected: number; actual: number }) =>
      `Column ${d.code} has ${d.actual} entries for ${d.expected} units`,
  },
  'rating/tree-mismatch': {
    'zh-CN': (d: { expected: string; actual: string }) => `评价所用指标体系为 ${d.actual}，不是 ${d.expected}`,
    en: (d: { expected: string; actual: string }) => `The evaluation used ${d.actual}, not ${d.expected}`,
  },
  'rating/incomplete-evaluation': {
    'zh-CN': (d: { unitId: string; missing: readonly string[] }) =>
      `${d.unitId} 的评价不完整，缺少：${d.missing.join('、')}`,
    en: (d: { unitId: string; missing: readonly string[] }) =>
      `The evaluation of ${d.unitId} is incomplete; missing: ${d.missing.join(', ')}`,
  },
  'rating/scheme-order': {
    'zh-CN': (d: SchemeOrder) =>
      d.area === undefined
        ? `${d.star}星的总分门槛低于${d.lower}星（星级逐级累进，门槛不得随星级升高而降低）`
        : `${d.star}星的${d.area === '' ? '' : `一级指标 ${d.area} `}得分率下限低于${d.lower}星（星级逐级累进，门槛不得随星级升高而降低）`,
    en: (d: SchemeOrder) =>
      d.area === undefined
        ? `The ${d.star}-star total threshold is below the ${d.lower}-star one (stars are cumulative; thresholds never fall as stars rise)`
        : `The ${d.star}-star minimum score rate${d.area === '' ? '' : ` of area ${d.area}`} is below the ${d.lower}-star one (stars are cumulative; thresholds never fall as stars rise)`,
  },
  'rating/scheme-invalid-cycle': {
    'zh-CN': (d: { star: number; cycleYears: number }) => `${d.star}星评定周期为两年，不能为${d.cycleYears}年`,
    en: (d: { star: number; cycleYears: number }) =>
      `${d.star} stars are rated every two years, not every ${d.cycleYears}`,
  },
  'rating/scheme-wrong-awarding-level': {
    'zh-CN': (d: { star: number; required: number; actual: number }) =>
      `${d.star}星应由第${d.required}级（${['', '总局', '省级', '市级', '区县'][d.required] ?? ''}）市场监管部门授予，而非第${d.actual}级`,
    en: (d: { star: number; required: number; actual: number }) =>
      `${d.star} stars are awarded at administrative level ${d.required}, not ${d.actual}`,
  },
  'rating/duplicate-star': {
    'zh-CN': (d: { star: number }) => `${d.star}星重复定义`,
    en: (d: { star: number }) => `The ${d.star}-star level is defined twice`,
  },
  'rating/not-an-area': {
    'zh-CN': (d: { code: string }) => `${d.code} 不是一级指标`,
    en: (d: { code: string }) => `${d.code} is not a first-level indicator`,
  },
  'rating/wrong-awarding-level': {
    'zh-CN': (d: { unitId: string; required: number; actual: number }) =>
      `授牌单位 ${d.unitId} 为第${d.actual}级，该星级应由第${d.required}级授予`,
    en: (d: { unitId: string; required: number; actual: number }) =>
      `Awarding unit ${d.unitId} sits at level ${d.actual}; this star is awarded at level ${d.required}`,
  },
  'rating/target-blocked-by-veto': {
    'zh-CN': (d: { veto: string }) => `否决项 ${d.veto} 已触发，无法通过改进指标达到目标星级`,
    en: (d: { veto: string }) => `Veto ${d.veto} was triggered; no improvement can reach the target star`,
  },
  'rating/target-unreachable': {
    'zh-CN': (d: { star: number }) => `即使所有可改进指标满分也达不到${d.star}星`,
    en: (d: { star: number }) => `Even full points on every improvable indicator do not reach ${d.star} stars`,
  },
  'rating/unknown-star': {
    'zh-CN': (d: { star: number }) => `星级方案中没有${d.star}星`,
    en: (d: { star: number }) => `The star scheme defines no ${d.star}-star level`,
  },
  'rating/unknown-item': {
    'zh-CN': (d: { item: string }) => `积分项目 ${d.item} 不存在`,
    en: (d: { item: string }) => `No points item ${d.item} in the scheme`,
  },
  'rating/unknown-subject': {
    'zh-CN': (d: { subjectId: string }) => `${d.subjectId} 不在计分名单中`,
    en: (d: { subjectId: string }) => `${d.subjectId} is not among the scored subjects`,
  },
  'rating/event-outside-period': {
    'zh-CN': (d: { on: string; period: string }) => `${d.on} 的记录不在计分周期 ${d.period} 内`,
    en: (d: { on: string; period: string }) => `The record of ${d.on} lies outside the period ${d.period}`,
  },
  'rating/exclusion-not-approved': {
    'zh-CN': (d: ExclusionApproval) =>
      d.approvedOn === undefined
        ? `${d.subjectId} 的不参加计分未经支部大会和上级批准`
        : `${d.subjectId} 的不参加计分：上级批准日期 ${d.approvedOn} 早于支部大会决定日期 ${d.decidedOn}`,
    en: (d: ExclusionApproval) =>
      d.approvedOn === undefined
        ? `Leaving ${d.subjectId} out of the scoring needs the branch meeting's decision and approval from above`
        : `Leaving ${d.subjectId} out of the scoring: approval from above on ${d.approvedOn} comes before the branch meeting's decision on ${d.decidedOn}`,
  },
  'rating/unknown-task': {
    'zh-CN': (d: { task: string }) => `任务书中没有任务 ${d.task}`,
    en: (d: { task: string }) => `No task ${d.task} in the task book`,
  },
  'rating/completion-out-of-range': {
    'zh-CN': (d: { task: string }) => `任务 ${d.task} 的完成度须在 0–1 之间`,
    en: (d: { task: string }) => `The completion of task ${d.task} must lie between 0 and 1`,
  },
  'rating/unknown-group': {
    'zh-CN': (d: { group: string }) => `积分模块 ${d.group} 不存在`,
    en: (d: { group: string }) => `No points group ${d.group} in the scheme`,
  },
  'rating/unknown-grade': {
    'zh-CN': (d: { grade: string }) => `等次 ${d.grade} 不存在`,
    en: (d: { grade: string }) => `No grade ${d.grade} in the scheme`,
  },
  'rating/unknown-category': {
    'zh-CN': (d: { category: string }) => `人员类别 ${d.category} 不存在`,
    en: (d: { category: string }) => `No subject category ${d.category} in the scheme`,
  },
  'rating/grade-overlap': {
    'zh-CN': (d: { min: number }) => `多个等次的起点分都是 ${d.min}`,
    en: (d: { min: number }) => `More than one grade starts at ${d.min}`,
  },
  'rating/period-mismatch': {
    'zh-CN': (d: { period: string; expected: Label }) => `计分周期 ${d.period} 不是${d.expected['zh-CN']}`,
    en: (d: { period: string; expected: Label }) => `The period ${d.period} is not ${d.expected.en}`,
  },
});

/**
 * Every error code the rating indicator, evaluation, star and points functions can raise.
 * @category Errors
 */
export type RatingErrorCode =
  | 'rating/duplicate-code'
  | 'rating/unknown-parent'
  | 'rating/cycle'
  | 'rating/too-deep'
  | 'rating/depth-mismatch'
  | 'rating/points-exceed-parent'
  | 'rating/points-not-equal'
  | 'rating/leaf-without-rule'
  | 'rating/rule-on-branch'
  | 'rating/rule-contradicts-points'
  | 'rating/unknown-metric'
  | 'rating/unknown-node'
  | 'rating/period-order'
  | 'rating/unknown-fact'
  | 'rating/value-out-of-domain'
  | 'rating/manual-out-of-bounds'
  | 'rating/reason-required'
  | 'rating/column-length'
  | 'rating/tree-mismatch'
  | 'rating/incomplete-evaluation'
  | 'rating/scheme-order'
  | 'rating/scheme-invalid-cycle'
  | 'rating/scheme-wrong-awarding-level'
  | 'rating/duplicate-star'
  | 'rating/not-an-area'
  | 'rating/wrong-awarding-level'
  | 'rating/target-blocked-by-veto'
  | 'rating/target-unreachable'
  | 'rating/unknown-star'
  | 'rating/unknown-item'
  | 'rating/unknown-subject'
  | 'rating/event-outside-period'
  | 'rating/exclusion-not-approved'
  | 'rating/unknown-task'
  | 'rating/completion-out-of-range'
  | 'rating/unknown-group'
  | 'rating/unknown-grade'
  | 'rating/unknown-category'
  | 'rating/grade-overlap'
  | 'rating/period-mismatch';
