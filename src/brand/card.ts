import { type IsoDate, type Locale, type LocalizedName, label } from '../core/index.js';
import { findPartyOrg, findUnit, type OrgDirectory } from '../org/index.js';
import {
  activityKindLabels,
  brandFacetLabels,
  brandStatusLabels,
  brandStepLabels,
  honorLevelLabels,
  qualifierLabels,
} from './labels.js';
import { achievementsByFacet, activitiesOf, funnelRates, growthOf } from './queries.js';
import { type Achievement, BRAND_FACETS, type BrandFacet, type Honor, type Measure } from './schema.js';
import type { BranchBrand, BrandState } from './state.js';

/** One row of a brand card: a stable key, the label in the card's locale, and the text. @category Brand */
export interface BrandCardRow {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/** A printable brand profile: structured rows and the same content as Markdown. @category Brand */
export interface BrandCard {
  readonly title: string;
  readonly rows: readonly BrandCardRow[];
  readonly markdown: string;
}

/** Options of {@link brandCard}. @category Brand */
export interface BrandCardOptions {
  /** Resolves the branch's and departments' names. */
  readonly directory?: OrgDirectory;
  /** The register, to list the branch's activities. */
  readonly state?: BrandState;
  /** The day names are resolved on and activities counted up to; the last step's day by default. */
  readonly asOf?: IsoDate;
}

/**
 * Writes a number with thousands separators, keeping its decimals (3468 → "3,468").
 * @category Brand
 * @example
 * formatNumber(6000); // '6,000'
 */
export function formatNumber(n: number): string {
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = (int ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

function withUnit(value: number, unit: string): string {
  return unit === '%' || unit === '‰' ? `${formatNumber(value)}${unit}` : `${formatNumber(value)} ${unit}`;
}

/**
 * A measure in words: "≥ 99 %", "1,129 → 2,101 m²（+86.09%）", "问题线索 3,468 条 → 责令整改 285 起".
 * @category Brand
 * @example
 * formatMeasure({ kind: 'quantity', value: 69, unit: '处' }); // '69 处'
 */
export function formatMeasure(measure: Measure, locale: Locale = 'zh-CN'): string {
  if (measure.kind === 'funnel') {
    const rates = funnelRates(measure);
    return measure.stages
      .map((s, i) => {
        const rate = i > 0 ? rates[i - 1] : undefined;
        const share = rate === undefined ? '' : paren(`${rate}%`, locale);
        return `${s.label} ${withUnit(s.count, s.unit)}${share}`;
      })
      .join(' → ');
  }
  const q =
    measure.qualifier && measure.qualifier !== 'exact' ? `${label(qualifierLabels, measure.qualifier, locale)} ` : '';
  const now = `${q}${withUnit(measure.value, measure.unit)}`;
  const growth = growthOf(measure);
  if (!growth || !measure.baseline) return now;
  const pct = growth.percent === undefined ? '' : `${growth.percent >= 0 ? '+' : ''}${growth.percent.toFixed(2)}%`;
  const tail = pct === '' ? '' : paren(pct, locale);
  return `${formatNumber(measure.baseline.value)} → ${now}${tail}`;
}

function nameIn(name: LocalizedName, locale: Locale): string {
  return (locale === 'en' ? name.en : undefined) ?? name['zh-CN'];
}

function achievementLine(a: Achievement, locale: Locale): string {
  const period = locale === 'zh-CN' ? `${a.period.from}～${a.period.to}` : `${a.period.from} – ${a.period.to}`;
  return locale === 'zh-CN'
    ? `${a.title}：${formatMeasure(a.measure, locale)}（${period}；来源：${a.source}）`
    : `${a.title}: ${formatMeasure(a.measure, locale)} (${period}; source: ${a.source})`;
}

function honorLine(h: Honor, locale: Locale): string {
  const level = label(honorLevelLabels, h.awardedBy.level, locale);
  return locale === 'zh-CN'
    ? `${h.year} 年度 ${h.title}（${h.awardedBy.body}，${level}${h.on ? `，${h.on}` : ''}）`
    : `${h.year}: ${h.title} (${h.awardedBy.body}, ${level}${h.on ? `, ${h.on}` : ''})`;
}

const HEADINGS = {
  'zh-CN': {
    name: '品牌名称',
    branch: '党支部',
    status: '状态',
    slogan: '口号',
    logo: '标识',
    connotation: '内涵',
    method: '载体（工作法）',
    field: '业务领域',
    departments: '所属科室',
    former: '曾用名',
    honors: '荣誉',
    activities: '支部活动',
    history: '历程',
    none: '—',
    item: '项目',
    content: '内容',
  },
  en: {
    name: 'Brand',
    branch: 'Branch',
    status: 'Status',
    slogan: 'Slogan',
    logo: 'Logo',
    connotation: 'Connotation',
    method: 'Working method',
    field: 'Business field',
    departments: 'Departments',
    former: 'Former names',
    honors: 'Honors',
    activities: 'Activities',
    history: 'History',
    none: '—',
    item: 'Item',
    content: 'Content',
  },
} as const;

function paren(text: string, locale: Locale): string {
  return locale === 'zh-CN' ? `（${text}）` : ` (${text})`;
}

function statusText(brand: BranchBrand, locale: Locale): string {
  const s = brand.stage;
  const base = label(brandStatusLabels, s.status, locale);
  const comma = locale === 'zh-CN' ? '，' : ', ';
  if (s.status === 'named' || s.status === 'under-review')
    return base + paren(`${s.namedOn}${comma}${s.namedBy.body}`, locale);
  if (s.status === 'revoked') return base + paren(`${s.revokedOn}${comma}${s.reason}`, locale);
  if (s.status === 'cultivating' && s.downgradedOn)
    return base + paren(`${s.downgradedOn} ${label(brandStepLabels, 'downgraded', locale)}`, locale);
  return base;
}

/**
 * A printable profile of a brand: rows (name, branch, status, slogan, logo, connotation, working method,
 * field, departments, former names, each facet with its description and achievements, honors, activities,
 * history) and the same content rendered as Markdown.
 * @category Brand
 * @example
 * const card = brandCard(getBrand(state, 'brand-b10')!, 'zh-CN', { directory, state });
 * console.log(card.markdown);
 */
export function brandCard(brand: BranchBrand, locale: Locale = 'zh-CN', options: BrandCardOptions = {}): BrandCard {
  const h = HEADINGS[locale];
  const asOf = options.asOf ?? brand.history[brand.history.length - 1]?.on ?? brand.createdOn;
  const dir = options.directory;
  const p = brand.profile;
  const branch = dir ? findPartyOrg(dir, brand.branchId) : undefined;
  const deptName = (id: string) => {
    const u = dir ? findUnit(dir, id) : undefined;
    return u ? nameIn(u.name, locale) : id;
  };
  const sep = locale === 'zh-CN' ? '、' : ', ';
  // Lines that each hold commas of their own are set apart by a semicolon.
  const between = locale === 'zh-CN' ? '；' : '; ';
  const colon = locale === 'zh-CN' ? '：' : ': ';
  const rows: BrandCardRow[] = [
    { key: 'name', label: h.name, value: nameIn(p.name, locale) },
    { key: 'branch', label: h.branch, value: branch ? nameIn(branch.name, locale) : brand.branchId },
    { key: 'status', label: h.status, value: statusText(brand, locale) },
    { key: 'slogan', label: h.slogan, value: p.slogan ?? h.none },
    { key: 'logo', label: h.logo, value: p.logoRef ?? h.none },
    { key: 'connotation', label: h.connotation, value: p.connotation ?? h.none },
    { key: 'working-method', label: h.method, value: p.workingMethod ?? h.none },
    { key: 'business-field', label: h.field, value: p.businessField ?? h.none },
    {
      key: 'departments',
      label: h.departments,
      value: p.departments.length > 0 ? p.departments.map(deptName).join(sep) : h.none,
    },
  ];
  if (brand.formerNames.length > 0)
    rows.push({
      key: 'former-names',
      label: h.former,
      value: brand.formerNames.map((f) => `${nameIn(f.name, locale)}${paren(`→ ${f.until}`, locale)}`).join(sep),
    });
  const byFacet = achievementsByFacet(brand);
  const facetLines: Record<BrandFacet, string[]> = { study: [], service: [], conduct: [], brand: [] };
  for (const f of BRAND_FACETS) {
    const note = p.facets?.[f]?.description;
    const lines = byFacet[f].map((a) => achievementLine(a, locale));
    facetLines[f] = [...(note ? [note] : []), ...lines];
    rows.push({
      key: `facet.${f}`,
      label: label(brandFacetLabels, f, locale),
      value: facetLines[f].join(between) || h.none,
    });
  }
  rows.push({
    key: 'honors',
    label: h.honors,
    value: brand.honors.map((x) => honorLine(x, locale)).join(between) || h.none,
  });
  const activities = options.state ? activitiesOf(options.state, brand.branchId, { to: asOf }) : [];
  if (options.state)
    rows.push({
      key: 'activities',
      label: h.activities,
      value:
        activities.map((a) => `${a.on} ${label(activityKindLabels, a.kind, locale)}${colon}${a.title}`).join(between) ||
        h.none,
    });
  rows.push({
    key: 'history',
    label: h.history,
    value: brand.history.map((s) => `${s.on} ${label(brandStepLabels, s.step, locale)}`).join(' → '),
  });

  const title = nameIn(p.name, locale);
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const md = [`### ${title}`, '', `| ${h.item} | ${h.content} |`, '|---|---|'];
  for (const r of rows) if (!r.key.startsWith('facet.')) md.push(`| ${r.label} | ${cell(r.value)} |`);
  for (const f of BRAND_FACETS) {
    md.push('', `**${label(brandFacetLabels, f, locale)}**`, '');
    const lines = facetLines[f];
    if (lines.length === 0) md.push(`- ${h.none}`);
    else for (const l of lines) md.push(`- ${l}`);
  }
  return { title, rows, markdown: `${md.join('\n')}\n` };
}
