import { dashboardTables, dashboardTitles, type ChartTable } from '../dashboard/tables';
import { computeMetrics } from '../engine/compute';
import { pick, type Bilingual, type Locale } from '../i18n/locale';
import type { DashboardContent, DashboardWriter, DashboardWritten } from '../ports/dashboard';
import type { Clock, Notifier } from '../ports/host';
import type { WorkbookStore } from '../ports/workbook';
import { sheetDef } from '../schema/sheets';
import { readWorkbook, type WorkbookRead } from './read';

const DONE: Bilingual = {
  en: 'Dashboard rebuilt: {charts} charts on "{sheet}".',
  zh: '仪表板已重建：「{sheet}」上共 {charts} 个图表。',
};

/** For a host without charts (.xlsx): `kam report` draws them from the same tables. */
const DONE_TABLES: Bilingual = {
  en: 'Dashboard rebuilt: chart tables on "{sheet}".',
  zh: '仪表板已重建：图表数据表在「{sheet}」上。',
};

/** The dashboard sheet's name in this workbook, or the name to create it under. */
export function dashboardSheetName(read: WorkbookRead): string {
  return read.names.get('dashboard') ?? pick(sheetDef('dashboard'), read.locale);
}

/** What a DashboardWriter gets: the tables of this read and the sheet they go on. */
export function dashboardContent(
  read: WorkbookRead,
  tables: readonly ChartTable[],
): DashboardContent {
  const other: Locale = read.locale === 'zh-CN' ? 'en' : 'zh-CN';
  return {
    sheet: dashboardSheetName(read),
    tables,
    locale: read.locale,
    otherTitles: dashboardTitles(read.parsed.model, other),
  };
}

export interface RebuildDashboardDeps {
  readonly store: WorkbookStore;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly dashboard: DashboardWriter;
}

export interface RebuildDashboardResult extends DashboardWritten {
  readonly locale: Locale;
}

/**
 * Rebuild dashboard (docs/looker.md): reads and computes like a refresh, but writes only the
 * dashboard sheet, so charts can be redrawn without touching any other output.
 */
export function rebuildDashboard(deps: RebuildDashboardDeps): RebuildDashboardResult {
  const today = deps.clock.today();
  const read = readWorkbook(deps.store, today);
  const metrics = computeMetrics(read.parsed.model, today);
  const tables = dashboardTables(read.parsed.model, metrics, today, read.locale);
  const written = deps.dashboard.write(dashboardContent(read, tables));
  const text = pick(written.charts === null ? DONE_TABLES : DONE, read.locale)
    .replace('{charts}', String(written.charts))
    .replace('{sheet}', written.sheet);
  deps.notifier.done(text);
  return { ...written, locale: read.locale };
}
