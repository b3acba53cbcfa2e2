import type { Labels } from '../core/index.js';
import type { MarketEntityKind, PairingKind, PartyOrgKind, PostKind, RestructuringKind, UnitKind } from './schema.js';

/** Names of the unit kinds. @category Labels */
export const unitKindLabels: Labels<UnitKind> = {
  administration: { 'zh-CN': '市场监管总局', en: 'State administration' },
  'provincial-bureau': { 'zh-CN': '省局', en: 'Provincial bureau' },
  'municipal-bureau': { 'zh-CN': '市局', en: 'Municipal bureau' },
  'county-bureau': { 'zh-CN': '县区局', en: 'County bureau' },
  station: { 'zh-CN': '市场监管所', en: 'Station' },
  department: { 'zh-CN': '科室', en: 'Department' },
  institution: { 'zh-CN': '直属事业单位', en: 'Institution' },
  'guidance-station': { 'zh-CN': '党建指导站', en: 'Guidance station' },
  'contact-point': { 'zh-CN': '党建联系点', en: 'Contact point' },
};

/** Names of the party-organization kinds. @category Labels */
export const partyOrgKindLabels: Labels<PartyOrgKind> = {
  'leading-group': { 'zh-CN': '党组', en: 'Leading party group' },
  committee: { 'zh-CN': '党委', en: 'Party committee' },
  'organ-committee': { 'zh-CN': '机关党委', en: 'Organ party committee' },
  'general-branch': { 'zh-CN': '党总支', en: 'General branch' },
  branch: { 'zh-CN': '党支部', en: 'Party branch' },
  group: { 'zh-CN': '党小组', en: 'Party group' },
};

/** Names of the post kinds. @category Labels */
export const postKindLabels: Labels<PostKind> = {
  secretary: { 'zh-CN': '书记', en: 'Secretary' },
  'deputy-secretary': { 'zh-CN': '副书记', en: 'Deputy secretary' },
  'committee-member': { 'zh-CN': '委员', en: 'Committee member' },
  'group-leader': { 'zh-CN': '党小组组长', en: 'Group leader' },
  guide: { 'zh-CN': '指导员', en: 'Guide' },
  tutor: { 'zh-CN': '辅导员', en: 'Tutor' },
  overseer: { 'zh-CN': '督导员', en: 'Overseer' },
  'leader-in-charge': { 'zh-CN': '分管领导', en: 'Leader in charge' },
};

/** Names of the restructuring kinds. @category Labels */
export const restructuringKindLabels: Labels<RestructuringKind> = {
  merge: { 'zh-CN': '合并', en: 'Merge' },
  split: { 'zh-CN': '分设', en: 'Split' },
  rename: { 'zh-CN': '更名', en: 'Rename' },
  transfer: { 'zh-CN': '划转', en: 'Transfer' },
  dissolve: { 'zh-CN': '撤销', en: 'Dissolve' },
};

/** Names of the pairing kinds. @category Labels */
export const pairingKindLabels: Labels<PairingKind> = {
  baobao: { 'zh-CN': '两级包保', en: 'Two-level responsibility pairing' },
  'joint-building': { 'zh-CN': '支部联建', en: 'Joint branch building' },
};

/** Names of the market-entity kinds. @category Labels */
export const marketEntityKindLabels: Labels<MarketEntityKind> = {
  'small-micro': { 'zh-CN': '小微企业', en: 'Small or micro enterprise' },
  individual: { 'zh-CN': '个体工商户', en: 'Individual business' },
  'specialized-market': { 'zh-CN': '专业市场', en: 'Specialized market' },
};
