import { dashboardTables, dashboardTitles, type ChartTable } from '../dashboard/tables';
import { computeMetrics } from '../engine/compute';
import { text } from '../i18n/catalogue';
import { LOCALES, pick, type Locale } from '../i18n/locale';
import type { DashboardContent, DashboardWriter, DashboardWritten } from '../ports/dashboard';
import type { Clock, Notifier } from '../ports/host';
import type { WorkbookStore } from '../ports/workbook';
import { sheetDef } from '../schema/sheets';
import { issueText, type DataIssue } from '../issues/issue';
import { UserFacingError } from './errors';
import { notOursIssue, ownSheet } from '../outputs/ownership';
import { readWorkbook, type WorkbookRead } from './read';

/** The dashboard sheet's name in this workbook, or the name to create it under. */
export function dashboardSheetName(read: WorkbookRead): string {
  return read.names.get('dashboard') ?? pick(sheetDef('dashboard'), read.locale);
}

/**
 * The issue when the dashboard sheet of this workbook is a team's own sheet that only shares the
 * name ("Dashboard", "仪表板", "看板"): the script's dashboard has its first table's title in
 * column P of row 1, or the sheet is empty. Null when the script may write it (or create it).
 * Writing a team's own dashboard would clear their cells from column P and add charts over it.
 */
export function foreignDashboard(store: WorkbookStore, read: WorkbookRead): DataIssue | null {
  const name = dashboardSheetName(read);
  if (!store.sheetNames().includes(name)) return null;
  const row = store.readHeader?.(name) ?? store.readSheet(name)[0] ?? [];
  const empty = (): boolean => (store.lastRow?.(name) ?? store.readSheet(name).length) === 0;
  if (ownSheet('dashboard', row, empty)) return null;
  return notOursIssue(name, 'dashboard', row);
}

/** What a DashboardWriter gets: the tables of this read and the sheet they go on. */
export function dashboardContent(
  read: WorkbookRead,
  tables: readonly ChartTable[],
): DashboardContent {
  const other: Locale = LOCALES.find((l) => l !== read.locale) ?? read.locale;
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
  const foreign = foreignDashboard(deps.store, read);
  if (foreign !== null)
    throw new UserFacingError(issueText(foreign, read.locale, deps.store.runner));
  const metrics = computeMetrics(read.parsed.model, today);
  const tables = dashboardTables(read.parsed.model, metrics, today, read.locale);
  const written = deps.dashboard.write(dashboardContent(read, tables));
  // A host without charts (.xlsx) says where the tables are: `kam report` draws them.
  deps.notifier.done(
    written.charts === null
      ? text('dashboard.done_tables', read.locale, { sheet: written.sheet })
      : text('dashboard.done', read.locale, { charts: written.charts, sheet: written.sheet }),
  );
  return { ...written, locale: read.locale };
}
