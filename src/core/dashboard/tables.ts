import { firstDayOfMonthIndex, monthIndexOfDay, ymdFromDay, type Day } from '../calendar/day';
import { text } from '../i18n/catalogue';
import { LOCALES, type Locale } from '../i18n/locale';
import type { AccountMetrics } from '../model/metrics';
import type { KamModel } from '../model/records';
import type { CellValue } from '../values/cell';
import {
  ABC_CLASSES,
  HEALTH_BANDS,
  OPPORTUNITY_STAGES,
  RFM_SEGMENTS,
  RISK_FLAGS,
  optionLabel,
} from '../schema/enums';
import { pipelineFigures, type ForecastMonth, type StageTotal } from '../rules/opportunities';
import type { EnumOption } from '../schema/types';
import { groupRollups } from '../rules/groups';
import { monthOfYearFromFacts, revenueByMonthOfYear, topProducts } from '../rules/products';
import { analysisWindow } from '../rules/window';

export type ChartId =
  | 'revenue_by_quarter'
  | 'abc_pareto'
  | 'rfm_segments'
  | 'stale_by_owner'
  | 'monthly_orders'
  | 'health_vs_revenue'
  | 'health_bands'
  | 'risk_flags'
  | 'pipeline_by_stage'
  | 'forecast_by_month'
  | 'top_groups'
  | 'seasonality';

/**
 * The data of one dashboard chart, small enough to write on the dashboard sheet and to render in
 * the HTML report. Column 0 is the domain (category, or x for a scatter); every further column is
 * one series. For `combo`, every series but the last is drawn as columns on the left axis and the
 * last one as a line on the right axis (the cumulative share of a Pareto chart).
 */
export interface ChartTable {
  readonly id: ChartId;
  readonly title: string;
  /** `pie`: one slice per row of column 1, in row order (health bands: green, yellow, red). */
  readonly kind: 'column' | 'combo' | 'bar' | 'line' | 'scatter' | 'pie';
  readonly header: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

/** Quarters and months shown; fixed so the dashboard keeps one layout from day to day. */
const QUARTERS_SHOWN = 8;
const MONTHS_SHOWN = 24;
/** Owners beyond this are summed into one "other owners" bar, so the chart stays readable. */
const OWNERS_SHOWN = 15;
/** Groups in the top-groups chart. */
export const GROUPS_SHOWN = 10;

const round2 = (x: number): number => Math.round(x * 100) / 100;
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** Charts whose title names the home currency, because their values are amounts in it. */
const IN_HOME_CURRENCY: ReadonlySet<ChartId> = new Set<ChartId>([
  'revenue_by_quarter',
  'health_vs_revenue',
  'pipeline_by_stage',
  'forecast_by_month',
  'top_groups',
  'seasonality',
]);

function chartTitle(id: ChartId, model: KamModel, locale: Locale): string {
  const title = text(`dashboard.${id}`, locale);
  return IN_HOME_CURRENCY.has(id) ? `${title} (${model.settings.homeCurrency})` : title;
}

const CHART_IDS: readonly ChartId[] = [
  'revenue_by_quarter',
  'abc_pareto',
  'rfm_segments',
  'stale_by_owner',
  'monthly_orders',
  'health_vs_revenue',
  'health_bands',
  'risk_flags',
  'pipeline_by_stage',
  'forecast_by_month',
  'top_groups',
  'seasonality',
];

/**
 * The titles `dashboardTables` gives its charts, in its order, without computing the tables: a
 * dashboard rebuild recognises its own charts by the title in either language, and the other
 * language's tables would cost a pass over every transaction for six strings.
 */
/**
 * Is row 1 of a sheet the script's dashboard? Its first table's title is in column P (layout.ts)
 * and starts with one of the chart titles in either language, whatever the home currency.
 */
export function isDashboardTitleRow(row: readonly CellValue[], firstColumn: number): boolean {
  const cell = row[firstColumn - 1];
  if (typeof cell !== 'string' || cell === '') return false;
  return CHART_IDS.some((id) => LOCALES.some((l) => cell.startsWith(text(`dashboard.${id}`, l))));
}

export function dashboardTitles(model: KamModel, locale: Locale): string[] {
  return CHART_IDS.map((id) => chartTitle(id, model, locale));
}

function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${pad2((index % 12) + 1)}`;
}

function quarterLabel(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** Revenue (returns included, home currency) of the last QUARTERS_SHOWN quarters up to today's. */
function revenueByQuarter(model: KamModel, today: Day, locale: Locale): ChartTable {
  const last = Math.floor(monthIndexOfDay(today) / 3);
  const first = last - QUARTERS_SHOWN + 1;
  // Days up to today fall in a quarter up to today's; the first day bounds the other end, so
  // only the transactions shown need their quarter worked out.
  const firstDay = firstDayOfMonthIndex(first * 3);
  const sums = new Array<number>(QUARTERS_SHOWN).fill(0);
  if (model.facts) {
    // Summed by a SQL engine per account and month (engine/facts.ts).
    const last = monthIndexOfDay(today);
    for (const c of model.facts.months)
      if (c.month >= first * 3 && c.month <= last)
        sums[Math.floor(c.month / 3) - first] += c.revenue;
  }
  for (const t of model.transactions) {
    if (!(t.date >= firstDay && t.date <= today)) continue;
    sums[Math.floor(monthIndexOfDay(t.date) / 3) - first] += t.amount;
  }
  return {
    id: 'revenue_by_quarter',
    title: chartTitle('revenue_by_quarter', model, locale),
    kind: 'column',
    header: [text('dashboard.quarter', locale), text('dashboard.revenue', locale)],
    rows: sums.map((s, i) => [quarterLabel(first + i), round2(s)]),
  };
}

/**
 * Pareto of the ABC classes: revenue per class as columns and the cumulative share of positive
 * revenue as a line. The account count sits in the category label ("A (12)") because on the
 * revenue axis a count would be invisible.
 */
function abcPareto(
  model: KamModel,
  metrics: readonly AccountMetrics[],
  locale: Locale,
): ChartTable {
  const count = { A: 0, B: 0, C: 0 };
  const revenue = { A: 0, B: 0, C: 0 };
  // The share is of positive revenue, as in the ABC rule, so it ends at 100 % even with returns.
  const positiveBy = { A: 0, B: 0, C: 0 };
  for (const m of metrics) {
    count[m.abcClass] += 1;
    revenue[m.abcClass] += m.revenue12m;
    positiveBy[m.abcClass] += Math.max(m.revenue12m, 0);
  }
  const positive = positiveBy.A + positiveBy.B + positiveBy.C;
  let cumulative = 0;
  const rows = ABC_CLASSES.map((o) => {
    const c = o.code as 'A' | 'B' | 'C';
    cumulative += positiveBy[c];
    const share = positive > 0 ? round2((100 * cumulative) / positive) : 0;
    return [`${c} (${count[c]})`, round2(revenue[c]), share];
  });
  return {
    id: 'abc_pareto',
    title: chartTitle('abc_pareto', model, locale),
    kind: 'combo',
    header: [
      text('dashboard.abc_class', locale),
      text('dashboard.revenue_12m', locale),
      text('dashboard.cumulative', locale),
    ],
    rows,
  };
}

/** Owners with stale accounts, most first (ties by address); the tail is one "other" bar. */
function staleByOwner(
  model: KamModel,
  metrics: readonly AccountMetrics[],
  locale: Locale,
): ChartTable {
  const owner = new Map(model.accounts.map((a) => [a.id, a.ownerEmail]));
  const counts = new Map<string, number>();
  for (const m of metrics) {
    if (!m.stale) continue;
    const who = owner.get(m.accountId) || text('dashboard.no_owner', locale);
    counts.set(who, (counts.get(who) ?? 0) + 1);
  }
  const sorted = [...counts].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
  );
  const rows: (string | number)[][] = sorted.slice(0, OWNERS_SHOWN).map(([k, v]) => [k, v]);
  const rest = sorted.slice(OWNERS_SHOWN).reduce((s, [, v]) => s + v, 0);
  if (rest > 0) rows.push([text('dashboard.other_owners', locale), rest]);
  // A chart needs at least one data row; an explicit zero also reads as good news.
  if (rows.length === 0) rows.push([text('dashboard.none_stale', locale), 0]);
  return {
    id: 'stale_by_owner',
    title: chartTitle('stale_by_owner', model, locale),
    kind: 'bar',
    header: [text('dashboard.owner', locale), text('dashboard.stale', locale)],
    rows,
  };
}

/** Positive-amount transactions per month over the last MONTHS_SHOWN months up to today's. */
function monthlyOrders(model: KamModel, today: Day, locale: Locale): ChartTable {
  const last = monthIndexOfDay(today);
  const first = last - MONTHS_SHOWN + 1;
  const firstDay = firstDayOfMonthIndex(first);
  const counts = new Array<number>(MONTHS_SHOWN).fill(0);
  if (model.facts)
    for (const c of model.facts.months)
      if (c.month >= first && c.month <= last) counts[c.month - first] += c.orders;
  for (const t of model.transactions) {
    if (t.amount <= 0 || !(t.date >= firstDay && t.date <= today)) continue;
    counts[monthIndexOfDay(t.date) - first] += 1;
  }
  return {
    id: 'monthly_orders',
    title: chartTitle('monthly_orders', model, locale),
    kind: 'line',
    header: [text('dashboard.month', locale), text('dashboard.orders', locale)],
    rows: counts.map((c, i) => [monthLabel(first + i), c]),
  };
}

/**
 * Points the health/revenue scatter shows: the accounts with the most revenue. Its table is the
 * dashboard's longest, and the sheet's grid is as tall as its longest table for every column of
 * the band: one row per account would cost 10,000 × 50 cells at 10,000 accounts.
 */
export const SCATTER_POINTS = 1_000;

/** One point per account (the SCATTER_POINTS largest): x = health score, y = revenue 12m. */
function healthVsRevenue(
  metrics: readonly AccountMetrics[],
  model: KamModel,
  locale: Locale,
): ChartTable {
  const largest =
    metrics.length <= SCATTER_POINTS
      ? metrics
      : [...metrics].sort((a, b) => b.revenue12m - a.revenue12m).slice(0, SCATTER_POINTS);
  const rows = largest.map((m) => [m.healthScore, round2(m.revenue12m)]);
  return {
    id: 'health_vs_revenue',
    title: chartTitle('health_vs_revenue', model, locale),
    kind: 'scatter',
    header: [text('dashboard.health', locale), text('dashboard.revenue_12m', locale)],
    // A scatter needs one point; an empty portfolio shows the origin.
    rows: rows.length > 0 ? rows : [[0, 0]],
  };
}

/**
 * Accounts per value of a list (RFM segment, health band, risk flag), in the list's order, zeros
 * included, so bars and slices keep their places and colours from day to day. An account counts
 * once under each code `codesOf` gives it.
 */
function accountsPer(
  id: ChartId,
  kind: ChartTable['kind'],
  category: 'segment' | 'band' | 'flag',
  options: readonly EnumOption[],
  codesOf: (m: AccountMetrics) => readonly string[],
  metrics: readonly AccountMetrics[],
  model: KamModel,
  locale: Locale,
): ChartTable {
  const counts = new Map<string, number>();
  for (const m of metrics) for (const c of codesOf(m)) counts.set(c, (counts.get(c) ?? 0) + 1);
  return {
    id,
    title: chartTitle(id, model, locale),
    kind,
    header: [text(`dashboard.${category}`, locale), text('dashboard.accounts', locale)],
    rows: options.map((o) => [optionLabel(options, o.code, locale), counts.get(o.code) ?? 0]),
  };
}

/** Open opportunities by stage: amount and weighted amount (home currency), every open stage. */
function pipelineByStage(
  pipeline: readonly StageTotal[],
  model: KamModel,
  locale: Locale,
): ChartTable {
  return {
    id: 'pipeline_by_stage',
    title: chartTitle('pipeline_by_stage', model, locale),
    kind: 'column',
    header: [
      text('dashboard.stage', locale),
      text('dashboard.amount', locale),
      text('dashboard.weighted', locale),
    ],
    rows: pipeline.map((t) => [
      optionLabel(OPPORTUNITY_STAGES, t.stage, locale),
      round2(t.amount),
      round2(t.weighted),
    ]),
  };
}

/** The weighted amount of open opportunities by expected close month, this month and five more. */
function forecastByMonth(
  forecast: readonly ForecastMonth[],
  model: KamModel,
  locale: Locale,
): ChartTable {
  return {
    id: 'forecast_by_month',
    title: chartTitle('forecast_by_month', model, locale),
    kind: 'column',
    header: [text('dashboard.month', locale), text('dashboard.weighted', locale)],
    rows: forecast.map((f) => [f.month, round2(f.weighted)]),
  };
}

/** The largest groups by revenue (12m); the bar names the group and counts its members. */
function topGroups(
  model: KamModel,
  metrics: readonly AccountMetrics[],
  locale: Locale,
): ChartTable {
  const groups = groupRollups(model.accounts, metrics, model.settings).slice(0, GROUPS_SHOWN);
  const rows: (string | number)[][] = groups.map((g) => [
    `${g.groupName || g.groupId} (${g.members.length})`,
    round2(g.revenue12m),
  ]);
  if (rows.length === 0) rows.push([text('dashboard.none_groups', locale), 0]);
  return {
    id: 'top_groups',
    title: chartTitle('top_groups', model, locale),
    kind: 'bar',
    header: [text('dashboard.group', locale), text('dashboard.revenue_12m', locale)],
    rows,
  };
}

/**
 * Revenue by calendar month of year of the five products with the most revenue in the analysis
 * window: one line per product, January to December (docs/rules.md "Seasonality").
 */
function seasonality(
  model: KamModel,
  metrics: readonly AccountMetrics[],
  today: Day,
  locale: Locale,
): ChartTable {
  const products = topProducts(metrics.map((m) => m.products));
  const start = analysisWindow(today, model.settings.analysisWindowMonths).start;
  const sums = model.facts
    ? monthOfYearFromFacts(model.facts.productMonths, products)
    : revenueByMonthOfYear(model.transactions, products, today, start, (d) => ymdFromDay(d).m);
  const months = text('dashboard.months_of_year', locale).split(',');
  return {
    id: 'seasonality',
    title: chartTitle('seasonality', model, locale),
    kind: 'line',
    header: [
      text('dashboard.month', locale),
      ...(products.length > 0 ? products : [text('dashboard.no_products', locale)]),
    ],
    rows: months.map((label, i) => [label, ...(products.length > 0 ? sums[i] : [0])]),
  };
}

/**
 * The twelve dashboard tables, titled and labelled in the workbook's language, always in
 * this order and never empty, so the sheet layout and the chart set are the same on every run.
 */
export function dashboardTables(
  model: KamModel,
  metrics: readonly AccountMetrics[],
  today: Day,
  locale: Locale,
): ChartTable[] {
  const pipeline = pipelineFigures(model, new Set(), today);
  return [
    revenueByQuarter(model, today, locale),
    abcPareto(model, metrics, locale),
    accountsPer(
      'rfm_segments',
      'bar',
      'segment',
      RFM_SEGMENTS,
      (m) => [m.rfmSegment],
      metrics,
      model,
      locale,
    ),
    staleByOwner(model, metrics, locale),
    monthlyOrders(model, today, locale),
    healthVsRevenue(metrics, model, locale),
    accountsPer(
      'health_bands',
      'pie',
      'band',
      HEALTH_BANDS,
      (m) => [m.healthBand],
      metrics,
      model,
      locale,
    ),
    accountsPer(
      'risk_flags',
      'bar',
      'flag',
      RISK_FLAGS,
      (m) => m.riskFlags,
      metrics,
      model,
      locale,
    ),
    pipelineByStage(pipeline.pipeline, model, locale),
    forecastByMonth(pipeline.forecast, model, locale),
    topGroups(model, metrics, locale),
    seasonality(model, metrics, today, locale),
  ];
}
