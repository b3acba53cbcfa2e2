import type { Labels } from '../../core/index.js';
import type { RiskFactor } from '../schema.js';

/**
 * What a refused command tried to do to a risk, as the `risk/wrong-stage` details name it: a code, so the
 * message renders it per locale instead of splicing an English phrase into the Chinese text.
 */
export type RiskAction = 'assess' | 're-rate' | 'assign' | 'add-measure' | 'close' | 'reopen' | 'escalate';

/** The actions, worded to follow "cannot" / "不能". */
export const riskActionLabels: Labels<RiskAction> = {
  assess: { 'zh-CN': '再次评估（请改为调整等级）', en: 'assessed again (re-rate it instead)' },
  're-rate': { 'zh-CN': '调整等级', en: 're-rated' },
  assign: { 'zh-CN': '落实责任', en: 'assigned' },
  'add-measure': { 'zh-CN': '在落实责任前部署措施', en: 'given measures before it is assigned' },
  close: { 'zh-CN': '办结', en: 'closed' },
  reopen: { 'zh-CN': '重新打开', en: 'reopened' },
  escalate: { 'zh-CN': '提级报告', en: 'escalated' },
};

/** The rating factors, as error messages name them. */
export const riskFactorLabels: Labels<RiskFactor> = {
  likelihood: { 'zh-CN': '可能性（L）', en: 'likelihood' },
  impact: { 'zh-CN': '后果严重性（S）', en: 'impact' },
  exposure: { 'zh-CN': '暴露频繁程度（E）', en: 'exposure' },
  consequence: { 'zh-CN': '后果（C）', en: 'consequence' },
};
