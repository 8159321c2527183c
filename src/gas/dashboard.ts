import type { Day } from '../core/calendar/day';
import {
  CHART_HEIGHT_PX,
  CHART_WIDTH_PX,
  HEADER_ROW,
  TABLES_FIRST_COLUMN,
  tablePlacements,
  tablesGrid,
  tablesWidth,
  type TablePlacement,
} from '../core/dashboard/layout';
import { dashboardTitles, type ChartTable } from '../core/dashboard/tables';
import { computeMetrics } from '../core/engine/compute';
import { text } from '../core/i18n/catalogue';
import { LOCALES, pick } from '../core/i18n/locale';
import { dashboardTablesOf } from '../core/jobs/outputs';
import type { RefreshContext } from '../core/jobs/refresh';
import { readWorkbook, type WorkbookRead } from '../core/jobs/read';
import type { AccountMetrics } from '../core/model/metrics';
import type { RunState } from '../core/ports/host';
import { sheetDef } from '../core/schema/sheets';
import { fallbackLocale, gasContext, runJob } from './context';
import { GasDocumentState } from './host';
import type { GasWorkbookStore } from './store';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type EmbeddedChart = GoogleAppsScript.Spreadsheet.EmbeddedChart;

/** Document property holding the ids of the charts the script made, so a rebuild removes only those. */
export const DASHBOARD_CHARTS_PROPERTY = 'kam.dashboard.chartIds';

function chartType(kind: ChartTable['kind']): GoogleAppsScript.Charts.ChartType {
  switch (kind) {
    case 'column':
      return Charts.ChartType.COLUMN;
    case 'combo':
      return Charts.ChartType.COMBO;
    case 'bar':
      return Charts.ChartType.BAR;
    case 'line':
      return Charts.ChartType.LINE;
    case 'scatter':
      return Charts.ChartType.SCATTER;
  }
}

/** Axis titles and series options of each kind (Google Charts option names). */
function kindOptions(t: ChartTable): Record<string, unknown> {
  const [x, y, line] = t.header;
  switch (t.kind) {
    case 'combo':
      // Pareto: revenue as columns on the left axis, cumulative % as a line on the right one.
      return {
        seriesType: 'bars',
        series: { 1: { type: 'line', targetAxisIndex: 1, pointSize: 6 } },
        vAxes: { 0: { title: y }, 1: { title: line, minValue: 0, maxValue: 100 } },
        hAxis: { title: x },
        legend: { position: 'bottom' },
      };
    case 'bar':
      return {
        vAxis: { title: x },
        hAxis: { title: y, minValue: 0 },
        legend: { position: 'none' },
      };
    case 'scatter':
      return {
        hAxis: { title: x, minValue: 0, maxValue: 100 },
        vAxis: { title: y },
        legend: { position: 'none' },
      };
    case 'line':
      return {
        hAxis: { title: x },
        vAxis: { title: y, minValue: 0 },
        legend: { position: 'none' },
      };
    case 'column':
      return { hAxis: { title: x }, vAxis: { title: y }, legend: { position: 'none' } };
  }
}

function buildChart(sheet: Sheet, t: ChartTable, p: TablePlacement): EmbeddedChart {
  let b = sheet
    .newChart()
    .setChartType(chartType(t.kind))
    .addRange(sheet.getRange(HEADER_ROW, p.col, p.height, p.width))
    .setNumHeaders(1)
    .setPosition(p.anchorRow, p.anchorCol, 0, 0)
    .setOption('title', t.title)
    .setOption('width', CHART_WIDTH_PX)
    .setOption('height', CHART_HEIGHT_PX);
  for (const [key, value] of Object.entries(kindOptions(t))) b = b.setOption(key, value);
  return b.build();
}

function recordedIds(state: RunState): Set<string> {
  try {
    const ids: unknown = JSON.parse(state.get(DASHBOARD_CHARTS_PROPERTY) ?? '[]');
    return new Set(Array.isArray(ids) ? ids.map(String) : []);
  } catch {
    return new Set();
  }
}

/**
 * Is this one of the script's charts? Its id was recorded by the last build; or, when the record
 * is gone (a copied spreadsheet gets new chart ids), it sits on one of the script's anchor cells
 * and carries one of the script's titles in either language. A person's own chart on the sheet
 * matches neither and is left alone.
 */
function isOurs(
  chart: EmbeddedChart,
  ids: ReadonlySet<string>,
  anchors: ReadonlySet<string>,
  titles: ReadonlySet<string>,
): boolean {
  if (ids.has(String(chart.getChartId()))) return true;
  const at = chart.getContainerInfo();
  if (!anchors.has(`${at.getAnchorRow()}:${at.getAnchorColumn()}`)) return false;
  return titles.has(String(chart.getOptions().get('title')));
}

export interface DashboardResult {
  readonly sheet: string;
  readonly charts: number;
}

/**
 * Rebuilds the Dashboard / 仪表板 sheet: writes the six small tables in one write to
 * the right of the charts (after clearing that band once), removes the charts the script made
 * before and inserts new ones from the chart builder. A constant number of Spreadsheet calls,
 * whatever the number of accounts.
 */
export function rebuildDashboard(
  store: GasWorkbookStore,
  read: WorkbookRead,
  metrics: readonly AccountMetrics[],
  today: Day,
  state: RunState,
): DashboardResult {
  const locale = read.locale;
  // After a refresh these are the tables its plan made from the same read (no recomputation).
  const tables = dashboardTablesOf(read, metrics, today);
  // The charts' titles in every language: a chart made before the language changed is ours too.
  const titles = new Set([
    ...tables.map((t) => t.title),
    ...LOCALES.flatMap((l) => dashboardTitles(read.parsed.model, l)),
  ]);

  const name = read.names.get('dashboard') ?? pick(sheetDef('dashboard'), locale);
  if (!store.sheetNames().includes(name)) store.createSheet(name);
  const sheet = store.sheet(name);

  // Yesterday's tables may have been longer: clear the whole band, then write today's at once.
  const band = Math.min(tablesWidth(tables), sheet.getMaxColumns() - TABLES_FIRST_COLUMN + 1);
  if (band > 0) sheet.getRange(1, TABLES_FIRST_COLUMN, sheet.getMaxRows(), band).clearContent();
  store.writeRange(name, 1, TABLES_FIRST_COLUMN, tablesGrid(tables));

  const placements = tablePlacements(tables);
  const anchors = new Set(placements.map((p) => `${p.anchorRow}:${p.anchorCol}`));
  const ids = recordedIds(state);
  const before = sheet.getCharts();
  const kept = new Set<string>();
  for (const chart of before) {
    if (isOurs(chart, ids, anchors, titles)) sheet.removeChart(chart);
    else kept.add(String(chart.getChartId()));
  }
  placements.forEach((p, i) => sheet.insertChart(buildChart(sheet, tables[i], p)));
  // Ids are read back from the sheet: a built chart has none until Sheets has placed it.
  const made = sheet
    .getCharts()
    .map((c) => String(c.getChartId()))
    .filter((id) => !kept.has(id));
  state.set(DASHBOARD_CHARTS_PROPERTY, JSON.stringify(made));
  return { sheet: name, charts: made.length };
}

/**
 * The refresh's `extraWrites`: the dashboard follows every refresh (a constant number of calls),
 * unless its tables would need cells past Sheets' limit (`ctx.refused`): then it stays as it was.
 */
export function dashboardAfterRefresh(
  store: GasWorkbookStore,
): (ctx: RefreshContext) => string | null {
  return (ctx) => {
    const name = ctx.read.names.get('dashboard') ?? pick(sheetDef('dashboard'), ctx.read.locale);
    if (ctx.refused.has(name)) return null;
    return rebuildDashboard(store, ctx.read, ctx.metrics, ctx.today, new GasDocumentState()).sheet;
  };
}

/** Menu: Rebuild dashboard. Reads and computes like a refresh, but writes only the dashboard. */
export function handleRebuildDashboard(): void {
  const ctx = gasContext(true);
  runJob(
    ctx,
    () => fallbackLocale(ctx.store.ss),
    true,
    () => {
      const today = ctx.clock.today();
      const read = readWorkbook(ctx.store, today);
      const metrics = computeMetrics(read.parsed.model, today);
      const result = rebuildDashboard(ctx.store, read, metrics, today, new GasDocumentState());
      ctx.notifier.done(
        text('dashboard.done', read.locale, { charts: result.charts, sheet: result.sheet }),
      );
    },
  );
}
