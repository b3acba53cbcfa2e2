import { defineErrors, label } from '../core/index.js';
import type { BrandCommandType } from './commands.js';
import { brandCommandLabels, brandStatusLabels } from './labels.js';
import type { BrandStatus } from './state.js';

/** A part of the brand profile a declaration may lack, by its field name. */
type DeclarationPart = 'connotation' | 'workingMethod' | 'departments' | 'logoRef';

/** How a missing part is named to the reader; the field name is for code only. */
const DECLARATION_PARTS: { readonly [K in DeclarationPart]: { readonly 'zh-CN': string; readonly en: string } } = {
  connotation: { 'zh-CN': '内涵', en: 'connotation (meaning of the brand)' },
  workingMethod: { 'zh-CN': '载体（工作法）', en: 'working method (the vehicle that carries the brand)' },
  departments: { 'zh-CN': '所属科室', en: 'departments it covers' },
  logoRef: { 'zh-CN': '标识', en: 'logo' },
};

/**
 * The brand module's error catalogue: one code per refusal. Codes are public API.
 * @internal
 */
type Duplicate = { kind: 'achievement' | 'honor' | 'activity' | 'department'; id: string };
// the message names the record in the reader's language, not by the field name
const RECORD_ZH: { readonly [K in Duplicate['kind']]: string } = {
  achievement: '成效',
  honor: '荣誉',
  activity: '活动',
  department: '所属科室',
};
const RECORD_EN: { readonly [K in Duplicate['kind']]: string } = {
  achievement: 'Achievement',
  honor: 'Honor',
  activity: 'Activity',
  department: 'Department',
};

export const brandError = /* @__PURE__ */ defineErrors({
  'brand/unknown-brand': {
    'zh-CN': (d: { brandId: string }) => `品牌 ${d.brandId} 不存在`,
    en: (d: { brandId: string }) => `Brand ${d.brandId} does not exist`,
  },
  'brand/duplicate-brand': {
    'zh-CN': (d: { brandId: string }) => `品牌编号 ${d.brandId} 已被使用`,
    en: (d: { brandId: string }) => `Brand id ${d.brandId} is already taken`,
  },
  'brand/duplicate-record': {
    'zh-CN': (d: Duplicate) => `${RECORD_ZH[d.kind]} ${d.id} 已登记`,
    en: (d: Duplicate) => `${RECORD_EN[d.kind]} ${d.id} is already on record`,
  },
  'brand/unknown-branch': {
    'zh-CN': (d: { branchId: string }) => `党组织 ${d.branchId} 在组织名录中不存在`,
    en: (d: { branchId: string }) => `Party organization ${d.branchId} is not in the directory`,
  },
  'brand/not-a-branch': {
    'zh-CN': (d: { branchId: string; kind: string }) => `${d.branchId} 是${d.kind}，不是党支部，不能创建支部品牌`,
    en: (d: { branchId: string; kind: string }) =>
      `${d.branchId} is a ${d.kind}, not a party branch; it cannot hold a branch brand`,
  },
  'brand/branch-not-valid': {
    'zh-CN': (d: { branchId: string; on: string }) => `党支部 ${d.branchId} 在 ${d.on} 不存续（已撤并或尚未成立）`,
    en: (d: { branchId: string; on: string }) =>
      `Branch ${d.branchId} does not exist on ${d.on} (merged, dissolved or not yet set up)`,
  },
  'brand/unknown-department': {
    'zh-CN': (d: { unitId: string; on: string }) => `科室 ${d.unitId} 在 ${d.on} 不存在`,
    en: (d: { unitId: string; on: string }) => `Department ${d.unitId} does not exist on ${d.on}`,
  },
  'brand/second-active-brand': {
    'zh-CN': (d: { branchId: string; activeBrandId: string }) =>
      `一支部一品牌：党支部 ${d.branchId} 已有在用品牌 ${d.activeBrandId}`,
    en: (d: { branchId: string; activeBrandId: string }) =>
      `One branch, one brand: branch ${d.branchId} already has the active brand ${d.activeBrandId}`,
  },
  'brand/already-named': {
    'zh-CN': (d: { brandId: string; namedOn: string }) => `品牌 ${d.brandId} 已于 ${d.namedOn} 命名，不得重复申报`,
    en: (d: { brandId: string; namedOn: string }) =>
      `Brand ${d.brandId} was named on ${d.namedOn} and cannot be declared again`,
  },
  'brand/step-out-of-order': {
    'zh-CN': (d: { step: BrandCommandType; status: BrandStatus; allowed: readonly BrandStatus[] }) =>
      `品牌当前“${label(brandStatusLabels, d.status)}”，不能“${label(brandCommandLabels, d.step)}”（仅限：${d.allowed
        .map((s) => label(brandStatusLabels, s))
        .join('、')}）`,
    en: (d: { step: BrandCommandType; status: BrandStatus; allowed: readonly BrandStatus[] }) =>
      `Cannot ${label(brandCommandLabels, d.step, 'en')} a brand that is ${label(brandStatusLabels, d.status, 'en')} (only when: ${d.allowed
        .map((s) => label(brandStatusLabels, s, 'en'))
        .join(', ')})`,
  },
  'brand/brand-revoked': {
    'zh-CN': (d: { brandId: string; revokedOn: string }) =>
      `品牌 ${d.brandId} 已于 ${d.revokedOn} 撤销，只保留历史记录`,
    en: (d: { brandId: string; revokedOn: string }) =>
      `Brand ${d.brandId} was withdrawn on ${d.revokedOn}; its history is read-only`,
  },
  'brand/date-in-future': {
    'zh-CN': (d: { date: string; today: string }) => `日期 ${d.date} 晚于今天（${d.today}）`,
    en: (d: { date: string; today: string }) => `Date ${d.date} is after today (${d.today})`,
  },
  'brand/date-out-of-order': {
    'zh-CN': (d: { date: string; previous: string }) => `日期 ${d.date} 早于上一步骤的日期 ${d.previous}`,
    en: (d: { date: string; previous: string }) => `Date ${d.date} is before the previous step's date ${d.previous}`,
  },
  'brand/period-in-future': {
    'zh-CN': (d: { to: string; today: string }) => `成效统计期截至 ${d.to}，尚未结束（今天 ${d.today}）`,
    en: (d: { to: string; today: string }) => `The achievement's period ends on ${d.to}, after today (${d.today})`,
  },
  'brand/invalid-period': {
    'zh-CN': (d: { from: string; to: string }) => `统计期起始日 ${d.from} 晚于截止日 ${d.to}`,
    en: (d: { from: string; to: string }) => `Period starts on ${d.from}, after it ends on ${d.to}`,
  },
  'brand/unit-mismatch': {
    'zh-CN': (d: { unit: string; baselineUnit: string }) =>
      `基期计量单位“${d.baselineUnit}”与本期“${d.unit}”不一致，无法计算增幅`,
    en: (d: { unit: string; baselineUnit: string }) =>
      `Baseline unit "${d.baselineUnit}" differs from the unit "${d.unit}"; growth cannot be computed`,
  },
  'brand/funnel-widening': {
    'zh-CN': (d: { stage: number; count: number; previous: number }) =>
      `成效链条第 ${d.stage + 1} 环（${d.count}）大于上一环（${d.previous}）`,
    en: (d: { stage: number; count: number; previous: number }) =>
      `Funnel stage ${d.stage + 1} (${d.count}) is larger than the stage before it (${d.previous})`,
  },
  'brand/honor-without-body': {
    'zh-CN': (_: { title: string }) => '荣誉须注明授予机关',
    en: (d: { title: string }) => `The honor "${d.title}" needs an awarding body`,
  },
  'brand/honor-date-mismatch': {
    'zh-CN': (d: { on: string; year: number }) => `授予日期 ${d.on} 不在荣誉年度 ${d.year} 之内或之后`,
    en: (d: { on: string; year: number }) => `Award date ${d.on} is before the honor's year ${d.year}`,
  },
  'brand/declaration-incomplete': {
    'zh-CN': (d: { missing: DeclarationPart }) => `申报表缺少${DECLARATION_PARTS[d.missing]['zh-CN']}`,
    en: (d: { missing: DeclarationPart }) => `The declaration form lacks the ${DECLARATION_PARTS[d.missing].en}`,
  },
  'brand/notice-not-over': {
    'zh-CN': (d: { noticeTo: string; on: string }) => `公示期至 ${d.noticeTo} 结束，${d.on} 不能命名`,
    en: (d: { noticeTo: string; on: string }) =>
      `The public notice runs until ${d.noticeTo}; the brand cannot be named on ${d.on}`,
  },
  'brand/partner-required': {
    'zh-CN': (_: { activityId: string }) => '结对共建活动须列明共建单位',
    en: (d: { activityId: string }) => `Joint-building activity ${d.activityId} must name its partner organizations`,
  },
  'brand/not-successor': {
    'zh-CN': (d: { fromBranchId: string; toBranchId: string; successorId: string }) =>
      `${d.toBranchId} 不是 ${d.fromBranchId} 的承继组织（应为 ${d.successorId}）`,
    en: (d: { fromBranchId: string; toBranchId: string; successorId: string }) =>
      `${d.toBranchId} is not the successor of ${d.fromBranchId} (the successor is ${d.successorId})`,
  },
});

/**
 * Every code the brand module can refuse a command with.
 * @category Brand
 */
export type BrandErrorCode =
  | 'brand/unknown-brand'
  | 'brand/duplicate-brand'
  | 'brand/duplicate-record'
  | 'brand/unknown-branch'
  | 'brand/not-a-branch'
  | 'brand/branch-not-valid'
  | 'brand/unknown-department'
  | 'brand/second-active-brand'
  | 'brand/already-named'
  | 'brand/step-out-of-order'
  | 'brand/brand-revoked'
  | 'brand/date-in-future'
  | 'brand/date-out-of-order'
  | 'brand/period-in-future'
  | 'brand/invalid-period'
  | 'brand/unit-mismatch'
  | 'brand/funnel-widening'
  | 'brand/honor-without-body'
  | 'brand/honor-date-mismatch'
  | 'brand/declaration-incomplete'
  | 'brand/notice-not-over'
  | 'brand/partner-required'
  | 'brand/not-successor';
