import type { ColumnMap } from '../schema/column-map';
import { headerRowIndex, MAX_TITLE_ROWS } from '../schema/header-row';
import { columnLetter, matchHeaders } from '../schema/match';
import { sheetDef } from '../schema/sheets';
import { instantCell, type CellValue, type Grid } from '../values/cell';
import { displayValue } from '../values/parse';

/** Columns whose edits are written to `change_log` (docs/workbook.md). */
export const WATCHED_COLUMNS: readonly string[] = ['owner_email', 'tier', 'status', 'credit_limit'];

/** How many rows of the accounts sheet the host reads to find its header row. */
export const EDIT_TOP_ROWS = MAX_TITLE_ROWS + 1;

export interface EditInput {
  readonly sheetName: string;
  /**
   * The first rows of the accounts sheet, read once by the host: the header row, or a title
   * block and the header below it (at most EDIT_TOP_ROWS rows).
   */
  readonly top: readonly (readonly CellValue[])[];
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
  /** New values of the edited range; only needed when a watched column was edited. */
  readonly newValues: () => Grid;
  /** Previous value, known to the host only for single-cell edits. */
  readonly oldValue: CellValue | undefined;
  readonly user: string;
  readonly nowMs: number;
  /** The workbook's column_map rows, when it has any. */
  readonly map?: ColumnMap;
}

export interface EditPlan {
  /** Stamps as writes: (row, col, values) rectangles; adjacent stamp columns share one write. */
  readonly stamps: readonly { row: number; col: number; values: Grid }[];
  readonly changeLog: Grid;
}

/**
 * What an edit of the accounts sheet writes (pure): `updated_at` / `updated_by` on every edited
 * body row, and one `change_log` row per edited cell of a watched column. Edits of the header
 * (row 1, or the row below a title block), of the stamp columns themselves, or outside the table
 * write nothing.
 */
export function planEdit(input: EditInput): EditPlan {
  const def = sheetDef('accounts');
  const at = headerRowIndex(input.sheetName, input.top, def.columns, input.map);
  const header = matchHeaders(input.sheetName, def.columns, input.top[at] ?? [], at + 1, input.map);
  const atCol = header.index.get('updated_at');
  const byCol = header.index.get('updated_by');
  // Edits of the header row or of a title block above it are not rows of the table.
  const firstRow = Math.max(input.row, at + 2);
  const lastRow = input.row + input.numRows - 1;
  const none: EditPlan = { stamps: [], changeLog: [] };
  if (lastRow < firstRow) return none;
  const editedCols: number[] = [];
  for (let c = input.col; c < input.col + input.numCols; c++) editedCols.push(c);
  const stampCols = new Set(
    [atCol, byCol].filter((c): c is number => c !== undefined).map((c) => c + 1),
  );
  if (editedCols.every((c) => stampCols.has(c))) return none;

  const n = lastRow - firstRow + 1;
  const stamps: { row: number; col: number; values: Grid }[] = [];
  const now = instantCell(input.nowMs);
  if (atCol !== undefined && byCol !== undefined && Math.abs(atCol - byCol) === 1) {
    const left = Math.min(atCol, byCol);
    const pair = (): CellValue[] => (left === atCol ? [now, input.user] : [input.user, now]);
    stamps.push({ row: firstRow, col: left + 1, values: Array.from({ length: n }, pair) });
  } else {
    if (atCol !== undefined)
      stamps.push({
        row: firstRow,
        col: atCol + 1,
        values: Array.from({ length: n }, () => [now]),
      });
    if (byCol !== undefined)
      stamps.push({
        row: firstRow,
        col: byCol + 1,
        values: Array.from({ length: n }, () => [input.user]),
      });
  }

  const watched: { col: number; label: string }[] = [];
  for (const key of WATCHED_COLUMNS) {
    const at = header.index.get(key);
    if (at !== undefined && at + 1 >= input.col && at + 1 < input.col + input.numCols)
      watched.push({ col: at + 1, label: header.label.get(key) as string });
  }
  const changeLog: Grid = [];
  if (watched.length > 0) {
    const single = input.numRows === 1 && input.numCols === 1;
    const values = input.newValues();
    for (let r = firstRow; r <= lastRow; r++) {
      for (const w of watched) {
        const v = values[r - input.row]?.[w.col - input.col] ?? null;
        changeLog.push([
          now,
          input.user,
          input.sheetName,
          `${columnLetter(w.col - 1)}${r}`,
          w.label,
          single ? displayValue(input.oldValue ?? null) : '',
          displayValue(v),
        ]);
      }
    }
  }
  return { stamps, changeLog };
}
