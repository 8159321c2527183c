import type { CellValue, Grid } from '../../core/values/cell';

/** What both .xlsx stores give the body writes: the end of a sheet, and one rectangle write. */
export interface RectangleWriter {
  lastRow(name: string): number;
  writeRange(name: string, row: number, col: number, values: Grid): void;
}

/**
 * `WorkbookStore.replaceBody` on a file: the header (when given) and the rows from row 2, then
 * blanks over what the sheet held below them. An .xlsx has no grid to shrink, so the blanks
 * are what clears the old rows.
 */
export function replaceBody(
  store: RectangleWriter,
  name: string,
  rows: Grid,
  width: number,
  header?: readonly CellValue[],
): void {
  const last = store.lastRow(name);
  if (header) store.writeRange(name, 1, 1, [[...header]]);
  if (rows.length > 0) store.writeRange(name, 2, 1, rows);
  const stale = last - 1 - rows.length;
  if (stale > 0) {
    const blank: Grid = Array.from({ length: stale }, () => new Array<CellValue>(width).fill(null));
    store.writeRange(name, rows.length + 2, 1, blank);
  }
}

/** `WorkbookStore.appendRows` on a file: right after the last row holding a value. */
export function appendRows(store: RectangleWriter, name: string, rows: Grid): void {
  if (rows.length === 0) return;
  store.writeRange(name, store.lastRow(name) + 1, 1, rows);
}
