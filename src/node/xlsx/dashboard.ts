import { TABLES_FIRST_COLUMN, tablesGrid } from '../../core/dashboard/layout';
import type {
  DashboardContent,
  DashboardWriter,
  DashboardWritten,
} from '../../core/ports/dashboard';
import type { WorkbookStore } from '../../core/ports/workbook';
import type { CellValue, Grid } from '../../core/values/cell';

/**
 * The dashboard in an .xlsx file: the tables at the same cells as in Sheets (from column P), so
 * a workbook uploaded to Google Sheets is ready for Rebuild dashboard. kam draws no charts of its
 * own in an .xlsx (the user's charts are kept); `kam report` draws them from the same tables.
 */
export class XlsxDashboardWriter implements DashboardWriter {
  constructor(private readonly store: WorkbookStore) {}

  write({ sheet: name, tables }: DashboardContent): DashboardWritten {
    const { store } = this;
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
    return { sheet: name, charts: null };
  }
}
