import { basename, extname } from 'node:path';
import { appendRows, replaceBody } from './body';
import { pathToFileURL } from 'node:url';
import type { Worksheet } from 'exceljs';
import { ValueType, type Workbook } from './exceljs';
import type { WorkbookStore } from '../../core/ports/workbook';
import { resolveSheets } from '../../core/schema/match';
import type { SheetLayout } from '../../core/setup/layout';
import type { CellValue, Grid } from '../../core/values/cell';
import { cutToCell, fitsInCell } from './cell-limit';
import { applyXlsxLayout } from './layout';
import { StyleCache } from './styles';
import { fromXlsxValue, isDateFormat, toXlsxValue } from './values';

/** What the runner knows of the workbook besides its cells. */
export interface XlsxBookInfo {
  /** Absolute path of the file (for links, the title and messages). */
  readonly path: string;
  /** Locale for a workbook that does not say (`LANG` of the machine, e.g. `zh_CN`). */
  readonly fallbackLocale: string;
}

/**
 * The workbook port over an ExcelJS workbook held in memory: the same port as GasWorkbookStore,
 * so refresh and remind are the very same core jobs. Reading and writing the file is separate
 * (xlsx/file.ts), so a job that fails leaves the file on disk as it was.
 */
export class XlsxWorkbookStore implements WorkbookStore {
  /** Last row holding a value, per sheet; kept up to date by the writes below. */
  private readonly lastRows = new Map<string, number>();
  readonly styles = new StyleCache();
  /** Cells whose text was cut to Excel's limit (`Sheet!A1`), for the run's message. */
  readonly truncatedCells: string[] = [];
  /** Messages name `kam` commands, not the Sheets menus. */
  readonly runner = 'cli' as const;

  constructor(
    readonly workbook: Workbook,
    readonly info: XlsxBookInfo,
  ) {}

  sheet(name: string): Worksheet {
    const ws =
      this.workbook.getWorksheet(name) ??
      (isReservedName(name) ? this.workbook.getWorksheet(xlsxSheetName(name)) : undefined);
    if (!ws) throw new Error(`Sheet "${name}" not found`);
    return ws;
  }

  sheetNames(): readonly string[] {
    return this.workbook.worksheets.map((ws) => ws.name);
  }

  readSheet(name: string): Grid {
    const ws = this.sheet(name);
    const rows: CellValue[][] = [];
    let width = 0;
    let last = 0;
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        // Only the top-left cell of a merge holds the value, as in Sheets' getValues.
        if (cell.type === ValueType.Merge) return;
        const v = fromXlsxValue(cell.value);
        if (v === null) return;
        out[c - 1] = v;
        if (c > width) width = c;
      });
      if (out.length > 0) {
        rows[r - 1] = out;
        last = r;
      }
    });
    this.lastRows.set(ws.name, last);
    // A rectangle like Sheets' data range: blanks are null, every row `width` long.
    const grid: Grid = new Array(last);
    for (let r = 0; r < last; r++) {
      const src = rows[r];
      const row: CellValue[] = new Array(width);
      for (let c = 0; c < width; c++) row[c] = src?.[c] ?? null;
      grid[r] = row;
    }
    return grid;
  }

  /** 1-based number of the last row with a value (0 for an empty sheet). */
  lastRow(name: string): number {
    const ws = this.sheet(name);
    let last = this.lastRows.get(ws.name);
    if (last === undefined) {
      let found = 0;
      ws.eachRow({ includeEmpty: false }, (row, r) => {
        if (row.hasValues) found = r;
      });
      last = found;
      this.lastRows.set(ws.name, last);
    }
    return last;
  }

  writeRange(name: string, row: number, col: number, values: Grid): void {
    if (values.length === 0 || values[0].length === 0) return;
    const ws = this.sheet(name);
    const last = this.lastRow(name);
    let written = 0; // last row of the block that received a value
    for (let r = 0; r < values.length; r++) {
      const src = values[r];
      const xRow = ws.getRow(row + r);
      let any = false;
      for (let c = 0; c < src.length; c++) {
        const cell = xRow.getCell(col + c);
        const { value, numFmt } = toXlsxValue(src[c]);
        // A merged cell is written through its master in ExcelJS; unmerge first so a script
        // column never writes into a neighbour the user merged it with.
        if (cell.isMerged) ws.unMergeCells(cell.address);
        // A text the cell already holds is the user's (a script column rewritten unchanged):
        // it is left as it is; new text over Excel's limit is cut.
        if (typeof value === 'string' && !fitsInCell(value) && cell.value !== value) {
          cell.value = cutToCell(value);
          this.truncatedCells.push(`${ws.name}!${cell.address}`);
        } else cell.value = value;
        cell.style =
          numFmt !== null && !isDateFormat(cell.style?.numFmt)
            ? this.styles.withNumFmt(cell.style, numFmt)
            : this.styles.canonical(cell.style);
        if (value !== null) any = true;
      }
      if (any) written = row + r;
    }
    if (written >= last) this.lastRows.set(ws.name, written);
    // Blanks written over the last row may move the end up: find it again when next needed.
    else if (row <= last && last <= row + values.length - 1) this.lastRows.delete(ws.name);
  }

  replaceBody(name: string, rows: Grid, width: number, header?: readonly CellValue[]): void {
    replaceBody(this, name, rows, width, header);
  }

  appendRows(name: string, rows: Grid, _width: number): void {
    appendRows(this, name, rows);
  }

  insertRowsAfter(name: string, afterRow: number, count: number): void {
    const blanks: unknown[][] = Array.from({ length: count }, () => []);
    const ws = this.sheet(name);
    ws.spliceRows(afterRow + 1, 0, ...blanks);
    this.lastRows.delete(ws.name);
  }

  createSheet(name: string): void {
    const ws = this.workbook.addWorksheet(xlsxSheetName(name));
    this.lastRows.set(ws.name, 0);
  }

  applyLayout(name: string, layout: SheetLayout): void {
    applyXlsxLayout(this.workbook, this.sheet(name), layout, this.lastRow(name), this.styles);
  }

  sheetId(name: string): number {
    return this.sheet(name).id;
  }

  /** `file:///…/book.xlsx#'Accounts'!A5`: Excel and LibreOffice open the file at that cell. */
  rowLink(name: string, row: number): string {
    return `${this.url()}#${encodeURIComponent(`'${name}'!A${row}`)}`;
  }

  /** The recorded `dc:language`, else what the sheet names say (see `localeOf`). */
  locale(): string {
    const language = (this.workbook as { language?: unknown }).language;
    return localeOf(
      typeof language === 'string' ? language : null,
      this.sheetNames(),
      this.info.fallbackLocale,
    );
  }

  /** The file name without `.xlsx`, as Sheets shows a spreadsheet's name. */
  title(): string {
    return bookTitle(this.info.path);
  }

  url(): string {
    return bookUrl(this.info.path);
  }
}

/**
 * An .xlsx has no spreadsheet locale. The runner records the language of the workbooks it
 * creates in the document's `dc:language` property; for others a Chinese Accounts sheet name
 * means Chinese, else the machine's locale decides.
 */
export function localeOf(
  language: string | null,
  names: readonly string[],
  fallback: string,
): string {
  if (language !== null && language.trim() !== '') return language.trim();
  // A team's own workbook may name its accounts sheet anything (mapped in Column Map): then
  // any sheet named in Chinese says the team works in Chinese.
  const accounts =
    resolveSheets(names).sheets.get('accounts') ?? names.find((n) => /[\u4e00-\u9fff]/.test(n));
  if (accounts !== undefined && /[\u4e00-\u9fff]/.test(accounts)) return 'zh_CN';
  return fallback;
}

/** The file name without `.xlsx`, as Sheets shows a spreadsheet's name. */
export function bookTitle(path: string): string {
  const name = basename(path);
  return name.slice(0, name.length - extname(name).length);
}

export function bookUrl(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * Excel reserves the sheet name "History" (in any case) and refuses a file that uses it, so the
 * history sheet is created as "History_", which still matches the `history` key (names are
 * compared without punctuation). Calls that name "History" reach it through `sheet()`.
 */
export function isReservedName(name: string): boolean {
  return name.trim().toLowerCase() === 'history';
}

export function xlsxSheetName(name: string): string {
  return isReservedName(name) ? `${name.trim()}_` : name;
}

/** Records the workbook language in the document properties (`dc:language`). */
export function setWorkbookLanguage(workbook: Workbook, locale: string): void {
  (workbook as { language?: string }).language = locale;
}
