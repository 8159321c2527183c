import type { CellValue } from '../values/cell';
import { displayValue } from '../values/parse';
import { EMPTY_COLUMN_MAP, type ColumnMap } from './column-map';
import { matchHeaders } from './match';
import type { ColumnDef } from './types';

/** How far down a title block may push the header row (a title, a subtitle, a blank row). */
export const MAX_TITLE_ROWS = 3;

function filled(row: readonly CellValue[] | undefined): number {
  return (row ?? []).filter((v) => displayValue(v ?? null).trim() !== '').length;
}

/**
 * The 0-based index of the header row: row 1, unless the sheet opens with title rows (a merged
 * title keeps its text in one cell; blank rows) and the first row with two or more cells below
 * them has two or more of our headers. Anything else keeps row 1, so a sheet whose first row is
 * a header of the team's own columns is never read from further down.
 */
export function headerRowIndex(
  name: string,
  values: readonly (readonly CellValue[])[],
  columns: readonly ColumnDef[],
  map: ColumnMap = EMPTY_COLUMN_MAP,
): number {
  const at = firstWideRow(values);
  if (at <= 0) return 0;
  return matchHeaders(name, columns, values[at] ?? [], at + 1, map).index.size >= 2 ? at : 0;
}

/** The first row with two or more filled cells within the title block, or -1. */
export function firstWideRow(values: readonly (readonly CellValue[])[]): number {
  for (let r = 0; r <= MAX_TITLE_ROWS && r < values.length; r++)
    if (filled(values[r]) >= 2) return r;
  return -1;
}
