import { TABLES_FIRST_COLUMN, tablesGrid } from '../../core/dashboard/layout';
import { dashboardTables } from '../../core/dashboard/tables';
import { pick } from '../../core/i18n/locale';
import type { RefreshContext } from '../../core/jobs/refresh';
import { sheetDef } from '../../core/schema/sheets';
import type { CellValue, Grid } from '../../core/values/cell';
import type { WorkbookStore } from '../../core/ports/workbook';

/**
 * The refresh's `extraWrites` for .xlsx: the dashboard tables at the same cells as in Sheets
 * (from column P), so a workbook uploaded to Google Sheets is ready for Rebuild dashboard. ExcelJS
 * cannot draw charts; `kam report` draws them from the same tables.
 */
export function writeDashboardTables(store: WorkbookStore): (ctx: RefreshContext) => string | null {
  return (ctx) => {
    const { read, metrics, today } = ctx;
    const tables = dashboardTables(read.parsed.model, metrics, today, read.locale);
    const name = read.names.get('dashboard') ?? pick(sheetDef('dashboard'), read.locale);
    if (!store.sheetNames().includes(name)) store.createSheet(name);
    const grid = tablesGrid(tables);
    // Yesterday's tables may have been longer or wider: blank the old band first.
    const old = store.readSheet(name);
    const width = Math.max(grid[0]?.length ?? 0, (old[0]?.length ?? 0) - TABLES_FIRST_COLUMN + 1);
    const height = Math.max(grid.length, old.length);
    if (width > 0 && height > 0) {
      const blank: Grid = Array.from({ length: height }, () =>
        new Array<CellValue>(width).fill(null),
      );
      store.writeRange(name, 1, TABLES_FIRST_COLUMN, blank);
    }
    store.writeRange(name, 1, TABLES_FIRST_COLUMN, grid);
    return name;
  };
}
