import type { Grid } from '../values/cell';
import type { SheetLayout } from '../setup/layout';

/**
 * The workbook as the jobs see it. `GasWorkbookStore` moves these calls to SpreadsheetApp in
 * batches, `XlsxWorkbookStore` to an ExcelJS workbook. Rows and columns are 1-based, as users
 * see them. A store reads each sheet at most once per job: callers keep what they read.
 */
export interface WorkbookStore {
  /** Sheet names in tab order. */
  sheetNames(): readonly string[];
  /** Every value of the sheet's data range, header row first; [] for an empty sheet. */
  readSheet(name: string): Grid;
  /** Writes a rectangle whose top-left cell is (row, col), growing the sheet when needed. */
  writeRange(name: string, row: number, col: number, values: Grid): void;
  /**
   * Replaces a script sheet's body: writes `rows` from row 2 (one write) and clears whatever the
   * sheet held below them (one clear), leaving the header row and any user columns right of
   * `width` alone.
   */
  replaceBody(name: string, rows: Grid, width: number): void;
  /** Appends rows after the last row with content (one write). */
  appendRows(name: string, rows: Grid, width: number): void;
  /** Inserts blank rows after `afterRow` (used only when Settings needs room for a new row). */
  insertRowsAfter(name: string, afterRow: number, count: number): void;
  /** Creates an empty sheet at the end of the tabs. */
  createSheet(name: string): void;
  /** Applies formats, validation, protection and named ranges; idempotent. */
  applyLayout(name: string, layout: SheetLayout): void;
  /** The host's sheet id (Apps Script `gid`), for links to a row. */
  sheetId(name: string): number;
  /** Link to a cell of a sheet, e.g. `…/edit#gid=123&range=A5`. */
  rowLink(name: string, row: number): string;
  /** Spreadsheet locale as the host reports it (`zh_CN`, `en_US`). */
  locale(): string;
  /** Spreadsheet display name and URL. */
  title(): string;
  url(): string;
}
