/**
 * Renders a bureau's year report as one self-contained HTML page: inline CSS, inline SVG from the library's views,
 * no script and no external reference, so the office can open it offline or attach it to a mail.
 */
import { escapeXml } from 'shijian/core';

/** A table of the report: each row is one record, its keys are the column headings (Chinese). */
export interface ReportTable {
  readonly caption?: string;
  readonly rows: readonly Readonly<Record<string, string | number>>[];
}

/** One section of the report, e.g. 组织机构, 闭环监管, 风险会商. */
export interface ReportSection {
  /** Anchor id, e.g. 'org', 'brands', 'loop', 'risk', 'review', 'rating'. */
  readonly id: string;
  /** Chinese heading, e.g. '组织机构'. */
  readonly heading: string;
  readonly paragraphs?: readonly string[];
  readonly tables?: readonly ReportTable[];
  /** Pictures: SVG strings produced by the library's views (`heatMapSvg`, `funnelSvg`, `distributionSvg`). */
  readonly figures?: readonly { readonly caption: string; readonly svg: string }[];
}

/** The whole report. */
export interface ReportInput {
  readonly title: string;
  readonly subtitle?: string;
  readonly sections: readonly ReportSection[];
}

const esc = escapeXml;

const CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f4f1ec;color:#222;font-family:'Noto Sans CJK SC','Noto Serif CJK SC','PingFang SC','Microsoft YaHei','WenQuanYi Micro Hei',sans-serif;line-height:1.7}
main{max-width:960px;margin:0 auto;background:#fff;padding:40px 56px 56px;box-shadow:0 0 12px rgba(0,0,0,.08)}
header{border-bottom:3px solid #c8102e;padding-bottom:14px;margin-bottom:10px;text-align:center}
header h1{color:#c8102e;font-size:30px;letter-spacing:4px;margin:8px 0 4px}
header p{margin:0;color:#555}
nav{font-size:14px;margin:12px 0 24px;text-align:center}
nav a{color:#444;margin:0 8px;text-decoration:none;border-bottom:1px dotted #999}
section{margin:28px 0;page-break-inside:avoid}
h2{font-size:21px;border-left:6px solid #c8102e;padding-left:10px;margin:0 0 12px}
p{margin:6px 0;text-indent:2em}
table{border-collapse:collapse;margin:12px 0;font-size:14px;width:100%}
caption{font-weight:bold;text-align:left;padding:4px 0}
th,td{border:1px solid #bbb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6e7e9}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr:nth-child(even) td{background:#fafafa}
figure{margin:16px 0;text-align:center}
figure svg{max-width:100%;height:auto}
figcaption{font-size:14px;color:#555;margin-top:4px}
footer{margin-top:40px;border-top:1px solid #ddd;padding-top:8px;font-size:12px;color:#888;text-align:center}
@media print{body{background:#fff}main{box-shadow:none;padding:0}}
`;

function renderTable(t: ReportTable): string {
  const first = t.rows[0];
  const cols = first ? Object.keys(first) : [];
  const caption = t.caption === undefined ? '' : `<caption>${esc(t.caption)}</caption>`;
  const head = `<thead><tr>${cols.map((c) => `<th scope="col">${esc(c)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map(
      (r) =>
        `<tr>${cols
          .map((c) => {
            const v = r[c];
            return typeof v === 'number' ? `<td class="num">${esc(String(v))}</td>` : `<td>${esc(v ?? '')}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<table>${caption}${head}<tbody>${body}</tbody></table>`;
}

/**
 * Strips what an inline SVG must never carry into the page: scripts, event handlers, external references. The
 * library's views never produce them; this keeps the page self-contained even if a host passes its own SVG.
 */
function safeSvg(svg: string): string {
  return svg
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*')/gi, '')
    .replace(/\s(?:xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '');
}

function renderSection(s: ReportSection): string {
  const parts = [`<h2 id="${esc(s.id)}-h">${esc(s.heading)}</h2>`];
  for (const p of s.paragraphs ?? []) parts.push(`<p>${esc(p)}</p>`);
  for (const t of s.tables ?? []) parts.push(renderTable(t));
  for (const f of s.figures ?? [])
    parts.push(`<figure>${safeSvg(f.svg)}<figcaption>${esc(f.caption)}</figcaption></figure>`);
  return `<section id="${esc(s.id)}" aria-labelledby="${esc(s.id)}-h">${parts.join('\n')}</section>`;
}

/**
 * A self-contained HTML page (inline CSS, inline SVG, no script, no external reference); text escaped.
 * @example
 * renderReport({ title: '某市市场监管局 2025 年度工作报告', sections: [{ id: 'org', heading: '组织机构', paragraphs: ['…'] }] });
 */
export function renderReport(input: ReportInput): string {
  const nav = input.sections.map((s) => `<a href="#${esc(s.id)}">${esc(s.heading)}</a>`).join('');
  const subtitle = input.subtitle === undefined ? '' : `<p>${esc(input.subtitle)}</p>`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(input.title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header><h1>${esc(input.title)}</h1>${subtitle}</header>
<nav aria-label="目录">${nav}</nav>
${input.sections.map(renderSection).join('\n')}
<footer>本报告由 shijian 根据业务记录自动生成</footer>
</main>
</body>
</html>
`;
}
