import type { Day } from '../calendar/day';
import type { CellValue, Grid } from '../values/cell';

/** Where an edit is: its top-left cell and size, 1-based. */
export interface EditedRange {
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
}

/**
 * One edit as the host's edit trigger reports it (Sheets' onEdit), and the few moves the edit
 * trail makes about it. It runs on every edit anyone makes, and each method may be a service
 * call: the job asks for each thing only when it needs it, and at most once.
 */
export interface SheetEdit {
  /** The workbook's sheet names, in tab order. */
  sheetNames(): readonly string[];
  /** Every value of a sheet (the Column Map); null when there is no such sheet. */
  readSheet(name: string): Grid | null;
  /** The name of the edited sheet. */
  sheetName(): string;
  range(): EditedRange;
  /** The first `rows` rows of the edited sheet, as wide as its content. */
  readTop(rows: number): Grid;
  /** The edited cells' new values. */
  newValues(): Grid;
  /** The value before the edit; the host knows it for a single-cell edit only. */
  readonly oldValue: CellValue | undefined;
  /** Who edited; '' when the host may not say (a simple trigger usually may not). */
  user(): string;
  /** Today in the spreadsheet's time zone (the stage-changed stamp). */
  today(): Day;
  /** Writes a rectangle on the edited sheet (the row stamps). */
  write(row: number, col: number, values: Grid): void;
  /**
   * Appends rows to a log sheet that several editors append to at the same moment, each row
   * once; nothing when there is no such sheet.
   */
  appendLog(name: string, rows: Grid): void;
}
