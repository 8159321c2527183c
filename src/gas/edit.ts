import type { EditedRange, SheetEdit } from '../core/ports/edit';
import type { Day } from '../core/calendar/day';
import type { CellValue, Grid } from '../core/values/cell';
import { appendChangeLog } from './change-log';
import { SpreadsheetDates } from './dates';
import { fromSheetGrid, toSheetGrid } from './values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The SheetEdit port over an onEdit event. It talks to the event's spreadsheet directly rather
 * than through GasWorkbookStore: a simple trigger runs on every edit, so it skips the store's
 * grid checks (stamps land on rows the edit just had) and appends to the change log under the
 * script lock (change-log.ts). The sheet names and the time zone, which every edit needs, are
 * read up front; everything else when the job asks.
 */
export class GasSheetEdit implements SheetEdit {
  private readonly sheet: Sheet;
  private readonly ss: Spreadsheet;
  private readonly names: readonly string[];
  private readonly dates: SpreadsheetDates;
  private at: EditedRange | null = null;
  readonly oldValue: CellValue | undefined;

  constructor(private readonly e: GoogleAppsScript.Events.SheetsOnEdit) {
    this.sheet = e.range.getSheet();
    this.ss = e.source;
    this.names = this.ss.getSheets().map((s) => s.getName());
    this.dates = new SpreadsheetDates(this.ss.getSpreadsheetTimeZone());
    this.oldValue = e.oldValue as CellValue | undefined;
  }

  sheetNames(): readonly string[] {
    return this.names;
  }

  readSheet(name: string): Grid | null {
    const sheet = this.ss.getSheetByName(name);
    return sheet ? fromSheetGrid(sheet.getDataRange().getValues(), this.dates) : null;
  }

  sheetName(): string {
    return this.sheet.getName();
  }

  range(): EditedRange {
    const r = this.e.range;
    this.at ??= {
      row: r.getRow(),
      col: r.getColumn(),
      numRows: r.getNumRows(),
      numCols: r.getNumColumns(),
    };
    return this.at;
  }

  readTop(rows: number): Grid {
    const values = this.sheet.getRange(1, 1, rows, this.sheet.getLastColumn()).getValues();
    return fromSheetGrid(values, this.dates);
  }

  newValues(): Grid {
    const { numRows, numCols } = this.range();
    // A single cell's new value comes with the event: no read.
    return numRows === 1 && numCols === 1
      ? [[(this.e.value as CellValue | undefined) ?? null]]
      : fromSheetGrid(this.e.range.getValues(), this.dates);
  }

  user(): string {
    return (this.e.user && this.e.user.getEmail()) || Session.getActiveUser().getEmail() || '';
  }

  today(): Day {
    return this.dates.today(new Date());
  }

  write(row: number, col: number, values: Grid): void {
    this.sheet
      .getRange(row, col, values.length, values[0].length)
      .setValues(toSheetGrid(values, this.dates));
  }

  appendLog(name: string, rows: Grid): void {
    const log = this.ss.getSheetByName(name);
    if (log) appendChangeLog(log, toSheetGrid(rows, this.dates));
  }
}
