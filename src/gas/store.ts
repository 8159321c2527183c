import { workbookLocale } from '../core/i18n/workbook-locale';
import { formatCount, message } from '../core/i18n/messages';
import { UserFacingError } from '../core/jobs/errors';
import type { SheetSize, WorkbookStore } from '../core/ports/workbook';
import type { SheetLayout } from '../core/setup/layout';
import type { CellValue, Grid } from '../core/values/cell';
import { SpreadsheetDates } from './dates';
import { bigQueryInteractions, bigQueryTransactions, newWait, type QueryWait } from './bigquery';
import type { Day } from '../core/calendar/day';
import type { ExternalTransactions } from '../core/jobs/read';
import type { KamModel } from '../core/model/records';
import type { Settings } from '../core/settings/model';
import { applyLayout } from './layout';
import { fromSheetGrid, toSheetGrid } from './values';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Sheets' refusal to grow a workbook past its cell limit. */
const CELL_LIMIT_REFUSAL = /above the limit of [\d,]+ cells/;

/** Sheets' refusal to grow a grid past the workbook's 10,000,000 cells. */
export function isCellLimitRefusal(e: unknown): boolean {
  const text = (e as { message?: unknown } | null)?.message;
  return typeof text === 'string' && CELL_LIMIT_REFUSAL.test(text);
}
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The workbook port over SpreadsheetApp. Sheets are listed once per job; each read is one
 * `getDataRange().getValues()` and each write one `setValues`, so the number of service calls
 * does not grow with the number of rows (docs/design.md "Sheet I/O").
 */
export class GasWorkbookStore implements WorkbookStore {
  readonly dates: SpreadsheetDates;
  private sheets: Map<string, Sheet> | null = null;
  private readonly ids = new Map<string, number>();
  private cachedUrl: string | null = null;

  constructor(readonly ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {
    this.dates = new SpreadsheetDates(ss.getSpreadsheetTimeZone());
  }

  private all(): Map<string, Sheet> {
    if (!this.sheets) {
      this.sheets = new Map();
      for (const s of this.ss.getSheets()) this.sheets.set(s.getName(), s);
    }
    return this.sheets;
  }

  sheet(name: string): Sheet {
    const s = this.all().get(name);
    if (!s) throw new Error(`Sheet "${name}" not found`);
    return s;
  }

  sheetNames(): readonly string[] {
    return [...this.all().keys()];
  }

  readSheet(name: string): Grid {
    const sheet = this.sheet(name);
    const values = sheet.getDataRange().getValues();
    // An empty sheet's data range is A1 alone, holding "".
    if (values.length === 1 && values[0].length === 1 && values[0][0] === '') return [];
    return fromSheetGrid(values, this.dates);
  }

  /**
   * Settings `data_source` = bigquery: the transactions' sums come from BigQuery (gas/bigquery.ts)
   * for every job that computes figures.
   */
  externalTransactions(model: KamModel, today: Day): ExternalTransactions | undefined {
    if (model.settings.dataSource !== 'bigquery') return undefined;
    const locale = workbookLocale({
      setting: model.settings.language,
      spreadsheetLocale: this.locale(),
    });
    return bigQueryTransactions(model, today, locale, undefined, this.bigQueryWait());
  }

  /**
   * Settings `bigquery_interactions_table`: the interactions come from BigQuery (gas/bigquery.ts)
   * for every job that computes figures, in place of the Interactions sheet.
   */
  externalInteractions(settings: Settings): { name: string; values: Grid } | undefined {
    if (settings.bigQuery.interactionsTable === '') return undefined;
    const locale = workbookLocale({
      setting: settings.language,
      spreadsheetLocale: this.locale(),
    });
    return bigQueryInteractions(settings, locale, undefined, this.bigQueryWait());
  }

  private wait: QueryWait | undefined;

  /** One budget for every BigQuery query of this job (a store lives for one job). */
  private bigQueryWait(): QueryWait {
    this.wait ??= newWait();
    return this.wait;
  }

  /** Two calls: the whole of row 1 (A1 notation `1:1` spans every column). */
  readHeader(name: string): readonly CellValue[] {
    const row = this.sheet(name).getRange('1:1').getValues();
    return fromSheetGrid(row, this.dates)[0] ?? [];
  }

  /**
   * Grows the grid first: writing past the last row or column of a sheet fails in Sheets. At
   * the 10-million-cell limit Sheets refuses to grow it; the job then stops with a message that
   * names the sheet and what to do (the refresh plans its writes so it never gets here).
   */
  private ensureSize(sheet: Sheet, lastRow: number, lastCol: number): void {
    const maxRows = sheet.getMaxRows();
    try {
      if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
      const maxCols = sheet.getMaxColumns();
      if (lastCol > maxCols) sheet.insertColumnsAfter(maxCols, lastCol - maxCols);
    } catch (e) {
      if (!isCellLimitRefusal(e)) throw e;
      throw new UserFacingError(
        message(
          'cell_limit_write',
          workbookLocale({ spreadsheetLocale: this.ss.getSpreadsheetLocale() }),
          {
            sheet: sheet.getName(),
            rows: formatCount(Math.max(lastRow - maxRows, 0)),
          },
        ),
      );
    }
  }

  writeRange(name: string, row: number, col: number, values: Grid): void {
    if (values.length === 0 || values[0].length === 0) return;
    const sheet = this.sheet(name);
    this.ensureSize(sheet, row + values.length - 1, col + values[0].length - 1);
    sheet
      .getRange(row, col, values.length, values[0].length)
      .setValues(toSheetGrid(values, this.dates));
  }

  replaceBody(name: string, rows: Grid, width: number, header?: readonly CellValue[]): void {
    const sheet = this.sheet(name);
    const lastRow = sheet.getLastRow();
    if (header) this.writeRange(name, 1, 1, [[...header], ...rows]);
    else if (rows.length > 0) this.writeRange(name, 2, 1, rows);
    const stale = lastRow - 1 - rows.length;
    if (stale > 0) sheet.getRange(rows.length + 2, 1, stale, width).clearContent();
  }

  deleteRowsBelow(name: string, lastRow: number): void {
    const sheet = this.sheet(name);
    const keep = Math.max(2, lastRow);
    const maxRows = sheet.getMaxRows();
    if (maxRows > keep) sheet.deleteRows(keep + 1, maxRows - keep);
  }

  /** Two calls per sheet, however many rows it holds. */
  sheetSizes(): readonly SheetSize[] {
    return [...this.all()].map(([name, sheet]) => ({
      name,
      rows: sheet.getMaxRows(),
      cols: sheet.getMaxColumns(),
    }));
  }

  lastRow(name: string): number {
    return this.sheet(name).getLastRow();
  }

  appendRows(name: string, rows: Grid, _width: number): void {
    if (rows.length === 0) return;
    this.writeRange(name, this.lastRow(name) + 1, 1, rows);
  }

  insertRowsAfter(name: string, afterRow: number, count: number): void {
    this.sheet(name).insertRowsAfter(afterRow, count);
  }

  createSheet(name: string, width?: number): void {
    const sheet = this.ss.insertSheet(name, this.ss.getSheets().length);
    this.all().set(name, sheet);
    // A new sheet has 26 columns; Monthly needs 6, and every row it grows costs all 26 cells.
    if (width !== undefined && width > 0) {
      const max = sheet.getMaxColumns();
      if (max > width) sheet.deleteColumns(width + 1, max - width);
    }
  }

  applyLayout(name: string, layout: SheetLayout): void {
    applyLayout(this.ss, this.sheet(name), layout);
  }

  sheetId(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.sheet(name).getSheetId();
      this.ids.set(name, id);
    }
    return id;
  }

  rowLink(name: string, row: number): string {
    return `${this.url()}#gid=${this.sheetId(name)}&range=A${row}`;
  }

  locale(): string {
    return this.ss.getSpreadsheetLocale();
  }

  title(): string {
    return this.ss.getName();
  }

  url(): string {
    this.cachedUrl ??= this.ss.getUrl();
    return this.cachedUrl;
  }
}
