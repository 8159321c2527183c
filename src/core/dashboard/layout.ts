import type { CellValue, Grid } from '../values/cell';
import type { ChartId, ChartTable } from './tables';

/**
 * Where the dashboard puts things. Charts sit in a two-wide grid at the top left, where a
 * person opening the sheet looks first; the small tables they are drawn from sit side by side
 * to the right of them (from column P), each with its title on row 1 and its header on row 2,
 * so tables of different lengths never overlap and the layout is the same every day.
 */
export const TABLES_FIRST_COLUMN = 16;
export const TITLE_ROW = 1;
export const HEADER_ROW = 2;
/** A blank column between tables keeps them readable and separate ranges for the charts. */
const GAP = 1;

/** Slice colours of a pie, in row order: the health bands green, yellow, red (both hosts). */
export const PIE_COLORS: readonly string[] = ['#34a853', '#fbbc04', '#ea4335'];

export const CHART_WIDTH_PX = 600;
export const CHART_HEIGHT_PX = 380;
/** Anchor cells of the six charts: 7 columns (700 px) apart, 20 rows (420 px) apart. */
const CHART_COLUMNS = [1, 8] as const;
const CHART_ROW_STEP = 20;

export interface TablePlacement {
  readonly id: ChartId;
  /** First column of the table (its domain column). */
  readonly col: number;
  readonly width: number;
  /** Header row plus data rows. */
  readonly height: number;
  /** Anchor cell of the chart drawn from this table. */
  readonly anchorRow: number;
  readonly anchorCol: number;
}

export function tablePlacements(tables: readonly ChartTable[]): TablePlacement[] {
  let col = TABLES_FIRST_COLUMN;
  return tables.map((t, i) => {
    const p: TablePlacement = {
      id: t.id,
      col,
      width: t.header.length,
      height: 1 + t.rows.length,
      anchorRow: 1 + Math.floor(i / CHART_COLUMNS.length) * CHART_ROW_STEP,
      anchorCol: CHART_COLUMNS[i % CHART_COLUMNS.length],
    };
    col += t.header.length + GAP;
    return p;
  });
}

/** The band of columns the tables use, from TABLES_FIRST_COLUMN. */
export function tablesWidth(tables: readonly ChartTable[]): number {
  return tables.reduce((w, t) => w + t.header.length + GAP, 0) - GAP;
}

/** Title row, header row and the longest table's rows. */
export function tablesHeight(tables: readonly ChartTable[]): number {
  return 2 + tables.reduce((h, t) => Math.max(h, t.rows.length), 0);
}

/**
 * Every table in one rectangle starting at (TITLE_ROW, TABLES_FIRST_COLUMN), blanks between
 * and below them, so the host writes the whole band in one call.
 */
export function tablesGrid(tables: readonly ChartTable[]): Grid {
  const width = tablesWidth(tables);
  const height = tablesHeight(tables);
  const grid: Grid = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  tablePlacements(tables).forEach((p, i) => {
    const t = tables[i];
    const c0 = p.col - TABLES_FIRST_COLUMN;
    grid[TITLE_ROW - 1][c0] = t.title;
    t.header.forEach((h, c) => (grid[HEADER_ROW - 1][c0 + c] = h));
    t.rows.forEach((row, r) => row.forEach((v, c) => (grid[HEADER_ROW + r][c0 + c] = v)));
  });
  return grid;
}

/** The least grid the dashboard sheet needs (for the cell budget). */
export function dashboardGridSize(tables: readonly ChartTable[]): { rows: number; cols: number } {
  return { rows: tablesHeight(tables), cols: TABLES_FIRST_COLUMN - 1 + tablesWidth(tables) };
}
