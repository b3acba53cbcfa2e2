import { defineErrors } from '../core/index.js';

/** The event fields the store itself reads and checks. @category Store */
export type EventField = 'type' | 'seq' | 'at' | 'actor' | 'schemaVersion';

/** Why an event's own fields cannot be kept as JSON. @category Store */
export type PayloadProblem = 'not-json' | 'nul-character' | 'lone-surrogate';

const fieldZh: Readonly<Record<EventField, string>> = {
  type: '非空字符串',
  seq: '1 至 2147483647 的整数',
  at: '非空字符串（时间点）',
  actor: '字符串',
  schemaVersion: '1 至 2147483647 的整数',
};
const fieldEn: Readonly<Record<EventField, string>> = {
  type: 'a non-empty string',
  seq: 'a whole number from 1 to 2147483647',
  at: 'a non-empty string (an instant)',
  actor: 'a string',
  schemaVersion: 'a whole number from 1 to 2147483647',
};
const problemZh: Readonly<Record<PayloadProblem, string>> = {
  'not-json': '含有循环引用、BigInt 或其他 JSON 不能表示的值',
  'nul-character': '字符串中含有 PostgreSQL jsonb 不接受的空字符（U+0000）',
  'lone-surrogate': '字符串中含有不成对的 UTF-16 代理项（残缺字符），PostgreSQL jsonb 不接受',
};
const problemEn: Readonly<Record<PayloadProblem, string>> = {
  'not-json': 'it holds a cycle, a BigInt or another value JSON cannot represent',
  'nul-character': 'a string holds the NUL character (U+0000), which PostgreSQL jsonb refuses',
  'lone-surrogate': 'a string holds a lone UTF-16 surrogate (a broken character), which PostgreSQL jsonb refuses',
};

/**
 * The store's own refusals. A stale expected version and a broken sequence reuse the kernel's
 * `core/version-conflict` and `core/sequence-gap`, so a host handles them the same way for the
 * in-memory stream and for every store.
 */
export const storeError = /* @__PURE__ */ defineErrors({
  'store/invalid-stream-id': {
    'zh-CN': (d: { limit: number }) => `事件流标识必须是 1 至 ${d.limit} 个字符、不含空字符的字符串`,
    en: (d: { limit: number }) => `A stream id must be a string of 1 to ${d.limit} characters, without NUL`,
  },
  'store/invalid-stream-kind': {
    'zh-CN': (d: { limit: number }) => `事件流类别必须是 1 至 ${d.limit} 个字符、不含空字符的字符串`,
    en: (d: { limit: number }) => `A stream kind must be a string of 1 to ${d.limit} characters, without NUL`,
  },
  'store/invalid-expected-version': {
    'zh-CN': (d: { value: string }) => `预期版本必须是 0 至 2147483647 的整数，收到 ${d.value}`,
    en: (d: { value: string }) => `The expected version must be a whole number from 0 to 2147483647; got ${d.value}`,
  },
  'store/invalid-event': {
    'zh-CN': (d: { field: EventField }) => `事件字段 ${d.field} 缺失或无效：应为${fieldZh[d.field]}`,
    en: (d: { field: EventField }) => `Event field ${d.field} is missing or invalid: expected ${fieldEn[d.field]}`,
  },
  'store/unstorable-payload': {
    'zh-CN': (d: { reason: PayloadProblem }) => `事件内容无法存为 JSON：${problemZh[d.reason]}`,
    en: (d: { reason: PayloadProblem }) => `The event's content cannot be stored as JSON: ${problemEn[d.reason]}`,
  },
  'store/kind-mismatch': {
    'zh-CN': (d: { streamId: string; stored: string; given: string }) =>
      `事件流 ${d.streamId} 的类别是“${d.stored}”，不能追加“${d.given}”类别的事件`,
    en: (d: { streamId: string; stored: string; given: string }) =>
      `Stream ${d.streamId} is of kind '${d.stored}'; events of kind '${d.given}' cannot be appended to it`,
  },
});

/** Every code of the store's own catalogue. @category Store */
export type StoreErrorCode =
  | 'store/invalid-stream-id'
  | 'store/invalid-stream-kind'
  | 'store/invalid-expected-version'
  | 'store/invalid-event'
  | 'store/unstorable-payload'
  | 'store/kind-mismatch';
