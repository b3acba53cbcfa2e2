import type { Labels } from '../../core/index.js';
import type { TreeChangeKind } from '../diff.js';
import type { ExclusionReason, PointsItemKind, PointsPeriodKind, PointsSubjectKind } from './schema.js';
import type { TaskMenu } from './taskbook.js';

/** Chinese and English names of what a points scheme scores (党员先锋指数 / 支部堡垒指数). @category Labels */
export const pointsSubjectLabels: Labels<PointsSubjectKind> = {
  member: { 'zh-CN': '党员先锋指数', en: 'member vanguard index' },
  branch: { 'zh-CN': '支部堡垒指数', en: 'branch fortress index' },
};

/** Chinese and English names of the scoring periods. @category Labels */
export const pointsPeriodLabels: Labels<PointsPeriodKind> = {
  'half-year': { 'zh-CN': '半年', en: 'half year' },
  year: { 'zh-CN': '年度', en: 'year' },
};

/** Chinese and English names of the points item kinds. @category Labels */
export const pointsItemKindLabels: Labels<PointsItemKind> = {
  earn: { 'zh-CN': '正向积分', en: 'earned' },
  bonus: { 'zh-CN': '加分', en: 'bonus' },
  deduction: { 'zh-CN': '扣分', en: 'deduction' },
};

/** Chinese and English names of the reasons a member may be left out of the scoring. @category Labels */
export const exclusionReasonLabels: Labels<ExclusionReason> = {
  'aged-70-plus': { 'zh-CN': '年满 70 周岁', en: 'aged 70 or over' },
  illness: { 'zh-CN': '因病无法参加组织生活', en: 'unable to take part through illness' },
  abroad: { 'zh-CN': '自费出国（境）半年以上', en: 'abroad at own cost for over six months' },
  other: { 'zh-CN': '其他经批准的情形', en: 'other approved reason' },
};

/** Chinese and English names of the task-book menus (规定任务 / 自选任务). @category Labels */
export const taskMenuLabels: Labels<TaskMenu> = {
  required: { 'zh-CN': '规定任务', en: 'required task' },
  optional: { 'zh-CN': '自选任务', en: 'optional task' },
};

/** Chinese and English names of the kinds of change between two indicator-tree versions. @category Labels */
export const treeChangeLabels: Labels<TreeChangeKind> = {
  added: { 'zh-CN': '新增', en: 'added' },
  removed: { 'zh-CN': '删除', en: 'removed' },
  moved: { 'zh-CN': '调整归属', en: 'moved' },
  're-pointed': { 'zh-CN': '分值调整', en: 're-pointed' },
  'rule-changed': { 'zh-CN': '评分方法调整', en: 'rule changed' },
  retitled: { 'zh-CN': '名称调整', en: 'retitled' },
  'item-changed': { 'zh-CN': '否决/加扣分项调整', en: 'item changed' },
};
