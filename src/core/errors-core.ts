import { defineErrors } from './errors.js';

/**
 * The kernel's error catalogue. Codes are public API: renaming one is a breaking change.
 * @category Errors
 */
export const coreError = /* @__PURE__ */ defineErrors({
  'core/invalid-type': {
    'zh-CN': (d: { expected: string }) => `类型错误：应为 ${d.expected}`,
    en: (d: { expected: string }) => `Wrong type: expected ${d.expected}`,
  },
  'core/required': {
    'zh-CN': (_: { expected: string }) => '缺少必填项',
    en: (d: { expected: string }) => `Required: expected ${d.expected}`,
  },
  'core/out-of-range': {
    'zh-CN': (d: { origin: string; bound: 'min' | 'max'; limit: number | string }) =>
      `${d.bound === 'min' ? '不得小于' : '不得大于'} ${d.limit}（${d.origin}）`,
    en: (d: { origin: string; bound: 'min' | 'max'; limit: number | string }) =>
      `${d.origin} must be ${d.bound === 'min' ? 'at least' : 'at most'} ${d.limit}`,
  },
  'core/invalid-format': {
    'zh-CN': (d: { format: string }) => `格式不正确（${d.format}）`,
    en: (d: { format: string }) => `Invalid format (${d.format})`,
  },
  'core/invalid-value': {
    'zh-CN': (d: { allowed: readonly unknown[] }) => `取值无效，可选：${d.allowed.join('、')}`,
    en: (d: { allowed: readonly unknown[] }) => `Invalid value; allowed: ${d.allowed.join(', ')}`,
  },
  'core/unknown-key': {
    'zh-CN': (d: { keys: readonly string[] }) => `不认识的字段：${d.keys.join('、')}`,
    en: (d: { keys: readonly string[] }) => `Unknown field(s): ${d.keys.join(', ')}`,
  },
  'core/invalid': {
    'zh-CN': (d: { reason: string }) => `输入无效：${d.reason}`,
    en: (d: { reason: string }) => `Invalid input: ${d.reason}`,
  },
  'core/forbidden-key': {
    'zh-CN': (d: { key: string }) => `禁止使用的字段名：${d.key}`,
    en: (d: { key: string }) => `Forbidden key: ${d.key}`,
  },
  'core/too-deep': {
    'zh-CN': (d: { limit: number }) => `嵌套层级超过上限 ${d.limit}`,
    en: (d: { limit: number }) => `Nesting deeper than the limit of ${d.limit}`,
  },
  'core/too-long': {
    'zh-CN': (d: { limit: number; length: number }) => `长度 ${d.length} 超过上限 ${d.limit}`,
    en: (d: { limit: number; length: number }) => `Length ${d.length} exceeds the limit of ${d.limit}`,
  },
  'core/too-large': {
    'zh-CN': (d: { limit: number }) => `输入规模超过上限（${d.limit} 个节点）`,
    en: (d: { limit: number }) => `Input larger than the limit of ${d.limit} nodes`,
  },
  'core/unreadable-input': {
    'zh-CN': (d: { reason: string }) => `输入无法读取：${d.reason}`,
    en: (d: { reason: string }) => `Input cannot be read: ${d.reason}`,
  },
  'core/dates-out-of-order': {
    'zh-CN': (d: { from: string; to: string }) => `日期顺序错误：${d.to} 早于 ${d.from}`,
    en: (d: { from: string; to: string }) => `Dates out of order: ${d.to} is before ${d.from}`,
  },
  'core/invalid-deadline': {
    'zh-CN': (d: { value: number }) => `时限必须是非负整数，收到 ${d.value}`,
    en: (d: { value: number }) => `A deadline must be a whole number of days, at least 0; got ${d.value}`,
  },
  'core/calendar-not-covered': {
    'zh-CN': (d: { date: string; from: number; to: number; calendar: string }) =>
      `工作日历“${d.calendar}”未收录 ${d.date}（收录 ${d.from}–${d.to} 年），不能推算工作日`,
    en: (d: { date: string; from: number; to: number; calendar: string }) =>
      `The ${d.calendar} calendar does not cover ${d.date} (it covers ${d.from}–${d.to}); working days cannot be counted`,
  },
  'core/version-conflict': {
    'zh-CN': (d: { expected: number; actual: number }) => `版本冲突：预期版本 ${d.expected}，实际为 ${d.actual}`,
    en: (d: { expected: number; actual: number }) =>
      `Version conflict: expected version ${d.expected}, found ${d.actual}`,
  },
  'core/sequence-gap': {
    'zh-CN': (d: { expected: number; actual: number }) => `事件序号不连续：应为 ${d.expected}，收到 ${d.actual}`,
    en: (d: { expected: number; actual: number }) =>
      `Event sequence broken: expected seq ${d.expected}, got ${d.actual}`,
  },
  'core/unknown-event-version': {
    'zh-CN': (d: { type: string; version: number }) => `事件 ${d.type} 的版本 ${d.version} 无法升级`,
    en: (d: { type: string; version: number }) => `Event ${d.type} at schema version ${d.version} has no upcaster`,
  },
});

/** Every code of the kernel's catalogue. @category Errors */
export type CoreErrorCode =
  | 'core/invalid-type'
  | 'core/required'
  | 'core/out-of-range'
  | 'core/invalid-format'
  | 'core/invalid-value'
  | 'core/unknown-key'
  | 'core/invalid'
  | 'core/forbidden-key'
  | 'core/too-deep'
  | 'core/too-long'
  | 'core/too-large'
  | 'core/unreadable-input'
  | 'core/dates-out-of-order'
  | 'core/invalid-deadline'
  | 'core/calendar-not-covered'
  | 'core/version-conflict'
  | 'core/sequence-gap'
  | 'core/unknown-event-version';
