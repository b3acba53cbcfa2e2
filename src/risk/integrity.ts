import type { Label, Locale } from '../core/index.js';
import { label, ok } from '../core/index.js';
import { type Env, type Events, notBefore, type Of, one, own } from './_lib/env.js';
import type { IntegrityLevel, KeyPostCriteria, RegisterKeyPostSchema, RespondIntegrityRiskSchema } from './commands.js';
import { riskError } from './errors.js';
import type { KeyPost, RiskState } from './events.js';
import { integrityLevelLabels } from './labels.js';

// The labels live with the others (the error messages render them); exported here as before.
export { integrityLevelLabels } from './labels.js';

/** One row of the 廉政风险防控责任清单 ledger (the 宝安 layout). @category Integrity */
export interface IntegrityLedgerRow {
  readonly no: number;
  readonly responsibleUnit: string;
  readonly power: string;
  readonly riskPoints: string;
  readonly level: string;
  readonly measures: string;
  readonly responsiblePerson: string;
}

/** The ledger's column headings in both locales, in ledger order. @category Integrity */
export const INTEGRITY_LEDGER_COLUMNS: { readonly [K in keyof IntegrityLedgerRow]: Label } = {
  no: { 'zh-CN': '序号', en: 'No.' },
  responsibleUnit: { 'zh-CN': '责任主体', en: 'Responsible unit' },
  power: { 'zh-CN': '职权内容', en: 'Power exercised' },
  riskPoints: { 'zh-CN': '风险点', en: 'Risk points' },
  level: { 'zh-CN': '风险等级', en: 'Risk level' },
  measures: { 'zh-CN': '防控措施', en: 'Control measures' },
  responsiblePerson: { 'zh-CN': '责任人', en: 'Person responsible' },
};

/** Options of {@link integrityLedger}. @category Integrity */
export interface IntegrityLedgerOptions {
  readonly locale?: Locale;
  /** Display names for unit and member ids; the id itself when absent. */
  readonly names?: Readonly<Record<string, string>>;
}

/**
 * The key-post register as the integrity-risk ledger (序号 / 责任主体 / 职权内容 / 风险点 / 风险等级 /
 * 防控措施 / 责任人), high levels first, numbered; several risk points and measures are numbered
 * inside their cell.
 * @category Integrity
 * @example
 * integrityLedger(state, { names: { 'u-enforce': '执法稽查科' } })[0]?.level; // '高'
 */
export function integrityLedger(state: RiskState, options: IntegrityLedgerOptions = {}): IntegrityLedgerRow[] {
  const order: Record<IntegrityLevel, number> = { high: 0, medium: 1, low: 2 };
  const name = (id: string) => options.names?.[id] ?? id;
  const list = (xs: readonly string[]) =>
    xs.length === 1 ? (xs[0] ?? '') : xs.map((x, i) => `${i + 1}. ${x}`).join('；');
  return Object.values(state.keyPosts)
    .sort((a: KeyPost, b: KeyPost) => order[a.level] - order[b.level] || a.postId.localeCompare(b.postId))
    .map((p, i) => ({
      no: i + 1,
      responsibleUnit: name(p.unitId),
      power: p.power,
      riskPoints: list(p.riskPoints),
      level: label(integrityLevelLabels, p.level, options.locale),
      measures: list(p.measures),
      responsiblePerson: name(p.responsibleId),
    }));
}

/**
 * The integrity level the five key-post criteria give: 3 or more met → high, 2 → medium, 1 → low;
 * undefined when none is met (then it is not a key post).
 * @category Integrity
 * @example
 * integrityLevelOf({ powerOrResources: true, discretion: true, opennessOrCollective: true, indirectGain: false, highIncidence: false }); // 'high'
 */
export function integrityLevelOf(criteria: KeyPostCriteria): IntegrityLevel | undefined {
  const met = Object.values(criteria).filter(Boolean).length;
  return (['', 'low', 'medium', 'high', 'high', 'high'] as const)[met] || undefined;
}

export const decideRegisterPost = (env: Env, c: Of<typeof RegisterKeyPostSchema>): Events => {
  if (own(env.state.keyPosts, c.postId))
    return one(riskError('risk/duplicate-key-post', { postId: c.postId }, ['postId']));
  const computed = integrityLevelOf(c.criteria);
  if (!computed) return one(riskError('risk/not-a-key-post', { postId: c.postId }, ['criteria']));
  if (c.level !== undefined && c.level !== computed)
    return one(riskError('risk/level-contradicts-criteria', { claimed: c.level, computed }, ['level']));
  return ok([
    {
      type: 'key-post-registered',
      post: {
        postId: c.postId,
        unitId: c.unitId,
        power: c.power,
        riskPoints: c.riskPoints,
        criteria: c.criteria,
        level: computed,
        measures: c.measures,
        responsibleId: c.responsibleId,
        registeredOn: env.on(c),
        responses: [],
      },
    },
  ]);
};

export const decideRespond = (env: Env, c: Of<typeof RespondIntegrityRiskSchema>): Events => {
  const post = own(env.state.keyPosts, c.postId);
  if (!post) return one(riskError('risk/unknown-key-post', { postId: c.postId }, ['postId']));
  if (post.responses.some((r) => r.id === c.responseId))
    return one(riskError('risk/duplicate-response', { postId: c.postId, responseId: c.responseId }, ['responseId']));
  const actions = c.actions ?? [];
  if (c.stage === 'handling-notice' && actions.length === 0)
    return one(riskError('risk/response-incomplete', { stage: c.stage }, ['actions']));
  if (c.stage === 'referral' && !c.referredTo)
    return one(riskError('risk/response-incomplete', { stage: c.stage }, ['referredTo']));
  const on = env.on(c);
  const bad = notBefore(on, post.registeredOn, ['on']);
  if (bad) return one(bad);
  return ok([
    {
      type: 'integrity-response-recorded',
      postId: c.postId,
      response: {
        id: c.responseId,
        stage: c.stage,
        on,
        note: c.note,
        actions,
        ...(c.referredTo ? { referredTo: c.referredTo } : {}),
      },
    },
  ]);
};
