import {
  CHART_HEIGHT_PX,
  CHART_WIDTH_PX,
  HEADER_ROW,
  PIE_COLORS,
  TABLES_FIRST_COLUMN,
  tablePlacements,
  tablesGrid,
  tablesWidth,
  type TablePlacement,
} from '../core/dashboard/layout';
import type { ChartTable } from '../core/dashboard/tables';
import { rebuildDashboard } from '../core/jobs/rebuild-dashboard';
import type { DashboardContent, DashboardWriter, DashboardWritten } from '../core/ports/dashboard';
import type { RunState } from '../core/ports/host';
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
    case 'pie':
      return Charts.ChartType.PIE;
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
      // Seasonality has a line per product: they need a legend and no single axis title.
      return {
        hAxis: { title: x },
        vAxis: { title: t.header.length > 2 ? '' : y },
        legend: { position: t.header.length > 2 ? 'bottom' : 'none' },
      };
    case 'column':
      // Pipeline by stage has two series (amount, weighted): they need a legend.
      return {
        hAxis: { title: x },
        vAxis: { title: t.header.length > 2 ? '' : y },
        legend: { position: t.header.length > 2 ? 'bottom' : 'none' },
      };
    case 'pie':
      // Health bands: green, yellow, red slices, whatever the theme's palette.
      return {
        legend: { position: 'right' },
        pieSliceText: 'value',
        slices: Object.fromEntries(PIE_COLORS.map((color, i) => [i, { color }])),
      };
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

/**
 * The dashboard in Sheets: writes the six small tables in one write to the right of the charts
 * (after clearing that band once), removes the charts the script made before and inserts new
 * ones from the chart builder. A constant number of Spreadsheet calls, whatever the number of
 * accounts.
 */
export class GasDashboardWriter implements DashboardWriter {
  /** `state` keeps the ids of the charts made (default: the document properties). */
  constructor(
    private readonly store: GasWorkbookStore,
    private readonly state?: RunState,
  ) {}

  write(content: DashboardContent): DashboardWritten {
    const state = this.state ?? new GasDocumentState();
    const { store } = this;
    const { sheet: name, tables } = content;
    const titles = new Set([...tables.map((t) => t.title), ...content.otherTitles]);
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
}

/** Menu: Rebuild dashboard. Reads and computes like a refresh, but writes only the dashboard. */
export function handleRebuildDashboard(): void {
  const ctx = gasContext(true);
  runJob(
    ctx,
    () => fallbackLocale(ctx.store.ss),
    true,
    () =>
      rebuildDashboard({
        store: ctx.store,
        clock: ctx.clock,
        notifier: ctx.notifier,
        dashboard: new GasDashboardWriter(ctx.store),
      }),
  );
}
