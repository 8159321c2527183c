import { formatDay, type Day } from '../../core/calendar/day';
import type { ChartTable } from '../../core/dashboard/tables';
import { text, type AreaKey } from '../../core/i18n/catalogue';
import type { Locale } from '../../core/i18n/locale';
import type { AccountMetrics } from '../../core/model/metrics';
import type { KamModel } from '../../core/model/records';
import { esc, formatNumber } from './format';
import type { StaleGroup } from './stale';
import { chartSvg } from './svg';
import { groupRollups } from '../../core/rules/groups';
import { HEALTH_BANDS, optionLabel } from '../../core/schema/enums';

type ReportKey = AreaKey<'report'>;

export interface ReportInput {
  readonly title: string;
  readonly fileName: string;
  readonly today: Day;
  readonly locale: Locale;
  readonly model: KamModel;
  readonly metrics: readonly AccountMetrics[];
  readonly tables: readonly ChartTable[];
  readonly stale: readonly StaleGroup[];
  readonly errors: number;
  readonly warnings: number;
}

const STYLE = `
:root{color-scheme:light;--ink:#202124;--muted:#5f6368;--line:#dadce0;--bg:#f8f9fa;--accent:#1a73e8;--warn:#d93025}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif}
main{max-width:1360px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 12px}h3{font-size:15px;margin:0 0 8px}
.sub{color:var(--muted);margin:0 0 20px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px}
.kpi{background:#fff;border:1px solid var(--line);border-radius:8px;padding:12px 14px}
.kpi b{display:block;font-size:22px;font-weight:600}.kpi span{color:var(--muted);font-size:12px}
.kpi.warn b{color:var(--warn)}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:16px}
figure{margin:0;background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px;break-inside:avoid}
figcaption{font-weight:600;margin-bottom:6px}
svg text{font-size:11px;fill:#3c4043}svg .legend{font-size:11px}svg .value{font-size:10px;fill:var(--muted)}svg .axis-title{font-size:11px;fill:var(--muted)}
details{margin-top:6px;color:var(--muted)}details table{margin-top:6px}
table{border-collapse:collapse;width:100%;background:#fff}
th,td{border-bottom:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.owner{background:#fff;border:1px solid var(--line);border-radius:8px;padding:14px;margin-bottom:12px;break-inside:avoid-page}
.owner h3 small{color:var(--muted);font-weight:400}
.abc-A{color:#137333;font-weight:600}.abc-B{color:#b06000;font-weight:600}.abc-C{color:var(--muted)}
footer{color:var(--muted);font-size:12px;margin:28px 0 8px}
@media (max-width:640px){.charts{grid-template-columns:1fr}main{padding:12px}}
@media print{body{background:#fff;font-size:11px}main{max-width:none;padding:0}.charts{grid-template-columns:1fr 1fr}figure,.kpi,.owner{border-color:#bbb}details{display:none}h2{break-after:avoid}@page{margin:12mm}}
`;

function kpis(input: ReportInput): string {
  const { metrics, locale } = input;
  const revenue = metrics.reduce((s, m) => s + m.revenue12m, 0);
  const stale = metrics.filter((m) => m.stale).length;
  const a = metrics.filter((m) => m.abcClass === 'A').length;
  const health =
    metrics.length > 0 ? metrics.reduce((s, m) => s + m.healthScore, 0) / metrics.length : 0;
  const card = (label: ReportKey, value: string, warn = false, note = ''): string =>
    `<div class="kpi${warn ? ' warn' : ''}"><b>${esc(value)}</b><span>${esc(text(`report.${label}`, locale))}${note ? ` · ${esc(note)}` : ''}</span></div>`;
  return `<section class="kpis">${[
    card('accounts', formatNumber(metrics.length)),
    card('revenue', formatNumber(revenue), false, input.model.settings.homeCurrency),
    card('stale', formatNumber(stale), stale > 0),
    card('aAccounts', formatNumber(a)),
    card('health', formatNumber(health, 0)),
    card(
      'issues',
      formatNumber(input.errors + input.warnings),
      input.errors > 0,
      text('report.issuesDetail', locale, { errors: input.errors, warnings: input.warnings }),
    ),
  ].join('')}</section>`;
}

/** The chart, and its numbers in a collapsed table (for screen readers and copying). */
function chartFigure(t: ChartTable, locale: Locale): string {
  const head = t.header.map((h, i) => `<th${i > 0 ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  // A scatter of thousands of accounts would make a very long table: its points are in the chart.
  const rows = t.kind === 'scatter' ? [] : t.rows;
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((v, i) => `<td${i > 0 ? ' class="n"' : ''}>${esc(typeof v === 'number' ? formatNumber(v, v % 1 === 0 ? 0 : 2) : v)}</td>`).join('')}</tr>`,
    )
    .join('');
  const data =
    rows.length > 0
      ? `<details><summary>${esc(text('report.data', locale))}</summary><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></details>`
      : '';
  return `<figure id="chart-${esc(t.id)}"><figcaption>${esc(t.title)}</figcaption>${chartSvg(t, locale)}${data}</figure>`;
}

function staleSection(input: ReportInput): string {
  const { locale } = input;
  if (input.stale.length === 0) return `<p>${esc(text('report.noStale', locale))}</p>`;
  const columns: readonly ReportKey[] = [
    'colId',
    'colName',
    'colAbc',
    'colDays',
    'colWhy',
    'colHealth',
  ];
  const head = columns
    .map(
      (c, i) =>
        `<th${i === 3 || i === 5 ? ' class="n"' : ''}>${esc(text(`report.${c}`, locale))}</th>`,
    )
    .join('');
  return input.stale
    .map((g) => {
      const rows = g.rows
        .map(
          (r) =>
            `<tr><td>${esc(r.id)}</td><td>${esc(r.name)}</td><td class="abc-${esc(r.abc)}">${esc(r.abc)}</td><td class="n">${r.days === null ? '—' : formatNumber(r.days)}</td><td>${esc(r.why)}</td><td class="n">${formatNumber(r.health)}</td></tr>`,
        )
        .join('');
      return `<section class="owner"><h3>${esc(g.owner ?? text('report.noOwner', locale))} <small>· ${g.rows.length}</small></h3><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></section>`;
    })
    .join('');
}

/** Rows of the groups and cross-sell tables: enough to act on, short enough to print. */
export const REPORT_GROUPS = 20;
export const REPORT_CROSS_SELL = 50;

/** A table with a header row; columns listed in `numeric` are right-aligned. */
function table(
  id: string,
  head: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: ReadonlySet<number>,
): string {
  const cls = (i: number): string => (numeric.has(i) ? ' class="n"' : '');
  return `<table id="${id}"><thead><tr>${head.map((h, i) => `<th${cls(i)}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((v, i) => `<td${cls(i)}>${esc(v)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/** The largest group companies with their roll-up (docs/rules.md "Groups"). */
function groupsSection(input: ReportInput): string {
  const { locale, model, metrics } = input;
  const groups = groupRollups(model.accounts, metrics, model.settings);
  if (groups.length === 0) return `<p>${esc(text('report.noGroups', locale))}</p>`;
  const head = (
    [
      'colGroup',
      'colMembers',
      'colRevenue',
      'colGroupAbc',
      'colWorst',
      'colAtRisk',
      'colOwners',
    ] as const
  ).map((k) => text(`report.${k}`, locale));
  const rows = groups
    .slice(0, REPORT_GROUPS)
    .map((g) => [
      `${g.groupName || g.groupId} (${g.groupId})`,
      formatNumber(g.members.length),
      formatNumber(g.revenue12m),
      g.abcClass,
      optionLabel(HEALTH_BANDS, g.worstHealthBand, locale),
      formatNumber(g.membersAtRisk),
      g.owners.join(', '),
    ]);
  return table('groups', head, rows, new Set([1, 2, 5]));
}

/** Whitespace suggestions for the largest accounts (docs/rules.md "Cross-sell"). */
function crossSellSection(input: ReportInput): string {
  const { locale, model, metrics } = input;
  const byIndex = metrics
    .map((m, i) => ({ m, a: model.accounts[i] }))
    .filter((x) => x.m.crossSell.length > 0)
    .sort((x, y) => y.m.revenue12m - x.m.revenue12m || (x.a.id < y.a.id ? -1 : 1));
  if (byIndex.length === 0) return `<p>${esc(text('report.noCrossSell', locale))}</p>`;
  const shown = byIndex.slice(0, REPORT_CROSS_SELL);
  const note = text('report.crossSellNote', locale, {
    share: `${formatNumber(model.settings.whitespaceMinShare * 100)} %`,
    min: model.settings.whitespaceMinAccounts,
    shown: shown.length,
    total: byIndex.length,
  });
  const head = (['colId', 'colName', 'colIndustry', 'colRevenue', 'colSuggestions'] as const).map(
    (k) => text(`report.${k}`, locale),
  );
  const rows = shown.map(({ m, a }) => [
    a.id,
    a.name,
    a.industry,
    formatNumber(m.revenue12m),
    m.crossSell.join(', '),
  ]);
  return `<p class="sub">${esc(note)}</p>${table('cross-sell', head, rows, new Set([3]))}`;
}

/**
 * The report: one self-contained HTML file (inline CSS and SVG, no script, nothing fetched), with
 * the sheet dashboard's six charts and the stale accounts per owner. It prints on A4 as shown.
 */
export function renderReport(input: ReportInput): string {
  const { locale } = input;
  const title = `${text('report.heading', locale)} — ${input.title}`;
  const asOf = text('report.asOf', locale, {
    date: formatDay(input.today),
    file: input.fileName,
    currency: input.model.settings.homeCurrency,
  });
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kam-sheets">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p class="sub">${esc(asOf)}</p>
${kpis(input)}
<h2>${esc(text('report.charts', locale))}</h2>
<section class="charts">
${input.tables.map((t) => chartFigure(t, locale)).join('\n')}
</section>
<h2 id="stale">${esc(text('report.staleHeading', locale))}</h2>
${staleSection(input)}
<h2 id="top-groups">${esc(text('report.groupsHeading', locale))}</h2>
${groupsSection(input)}
<h2 id="cross-sell-heading">${esc(text('report.crossSellHeading', locale))}</h2>
${crossSellSection(input)}
<footer>${esc(text('report.footer', locale))}</footer>
</main>
</body>
</html>
`;
}
