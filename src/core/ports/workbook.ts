import type { Runner } from '../issues/hints';
import type { CellValue, Grid } from '../values/cell';
import type { Day } from '../calendar/day';
import type { KamModel } from '../model/records';
import type { Settings } from '../settings/model';
import type { ExternalTransactions } from '../jobs/read';
import type { SheetLayout } from '../setup/layout';

/** A sheet's grid: rows × columns, empty cells included. */
export interface SheetSize {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
}

/**
 * The workbook as the jobs see it. `GasWorkbookStore` moves these calls to SpreadsheetApp in
 * batches, `XlsxWorkbookStore` to an ExcelJS workbook. Rows and columns are 1-based, as users
 * see them. A store reads each sheet at most once per job: callers keep what they read.
 */
export interface WorkbookStore {
  /** Who runs the job, so messages name the fix the user can reach (default: Sheets). */
  readonly runner?: Runner;
  /** Sheet names in tab order. */
  sheetNames(): readonly string[];
  /** Every value of the sheet's data range, header row first; [] for an empty sheet. */
  readSheet(name: string): Grid;
  /**
   * Row 1 of a sheet, as wide as the sheet, in one read (the refresh checks that a Looker sheet
   * it is about to rewrite is its own). Without it, the first row of `readSheet` is used.
   */
  readHeader?(name: string): readonly CellValue[];
  /**
   * The transactions' sums from outside the workbook (Sheets with `data_source` = bigquery):
   * called once per full read, with the model the workbook gives; undefined = the sheet's.
   */
  externalTransactions?(model: KamModel, today: Day): ExternalTransactions | undefined;
  /**
   * The interactions from outside the workbook (Sheets with `bigquery_interactions_table`), as a
   * grid whose header row is the Interactions sheet's English headers, named for the issues
   * (`project.dataset.table`): called once per full read, with the workbook's settings;
   * undefined = the Interactions sheet.
   */
  externalInteractions?(settings: Settings): { name: string; values: Grid } | undefined;
  /** Writes a rectangle whose top-left cell is (row, col), growing the sheet when needed. */
  writeRange(name: string, row: number, col: number, values: Grid): void;
  /**
   * Replaces a script sheet's body: writes `rows` from row 2 (one write) and clears whatever the
   * sheet held below them (one clear), leaving the header row and any user columns right of
   * `width` alone. With `header`, row 1 is written in the same write (the Looker sheets are
   * rewritten whole, header included, so a renamed header never reaches Looker Studio).
   */
  replaceBody(name: string, rows: Grid, width: number, header?: readonly CellValue[]): void;
  /**
   * The last row with content as the sheet is now, which in Sheets may be below what the job
   * read: a person may have typed a row since. Optional: where nothing else changes the workbook
   * during a job (an .xlsx file under the runner's lock) the grid read says the same.
   */
  lastRow?(name: string): number;
  /** Appends rows after the last row with content (one write). */
  appendRows(name: string, rows: Grid, width: number): void;
  /**
   * Deletes the grid rows below `lastRow` (keeping at least two, as Sheets cannot delete every
   * row below a frozen header). Optional: only hosts with a cell limit need it; used on
   * `history` so a shorter retention really gives cells back.
   */
  deleteRowsBelow?(name: string, lastRow: number): void;
  /**
   * The grid size of every sheet (Sheets counts empty cells towards its 10-million-cell limit).
   * Optional: a host without such a limit may leave it out; a constant number of calls per sheet.
   */
  sheetSizes?(): readonly SheetSize[];
  /** Inserts blank rows after `afterRow` (used only when Settings needs room for a new row). */
  insertRowsAfter(name: string, afterRow: number, count: number): void;
  /**
   * Creates an empty sheet at the end of the tabs. `width`, for a sheet only the script fills
   * (summary, monthly, logs), is all the columns it needs: a host whose empty cells count
   * towards a limit (Sheets: 10 million) may drop the grid columns beyond it.
   */
  createSheet(name: string, width?: number): void;
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
