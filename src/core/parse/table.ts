import type { IssueList } from '../issues/issue';
import { EMPTY_COLUMN_MAP, type ColumnMap } from '../schema/column-map';
import { matchHeaders, type HeaderMap } from '../schema/match';
import type { ColumnDef } from '../schema/types';
import { isBlank, type CellValue } from '../values/cell';
import { displayValue } from '../values/parse';
import { readFilledCell, Unreadable, type FieldValue } from './cells';

/** A sheet as read by a host: its name and every value of its data range, header row first. */
export interface SheetGrid {
  readonly name: string;
  readonly values: readonly (readonly CellValue[])[];
  /** The workbook's column_map rows, so whoever matches this sheet's headers honours them. */
  readonly map?: ColumnMap;
}

export interface TableRow {
  /** Row number as the user sees it. */
  readonly row: number;
  /** Column key → value; absent columns and blank cells are null. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Keys of cells that could not be read (already reported). */
  readonly bad: ReadonlySet<string> | null;
}

export interface Table {
  readonly name: string;
  /** 1-based row of the header (below any title rows). */
  readonly headerRow: number;
  readonly header: HeaderMap;
  readonly rows: readonly TableRow[];
}

/**
 * Reads a table whose header is at `headerIndex` (0-based) and whose body runs to `endIndex`
 * (exclusive): every non-blank row becomes typed fields, every unreadable cell one data issue.
 * Rows that are blank in every known column are skipped silently.
 */
export function readTable(
  grid: SheetGrid,
  columns: readonly ColumnDef[],
  issues: IssueList,
  headerIndex = 0,
  endIndex = grid.values.length,
  map: ColumnMap = grid.map ?? EMPTY_COLUMN_MAP,
): Table {
  const header = matchHeaders(
    grid.name,
    columns,
    grid.values[headerIndex] ?? [],
    headerIndex + 1,
    map,
  );
  header.issues.forEach((i) => issues.add(i));
  // In a sheet people fill in, the script columns are the script's output, not input: a refresh
  // overwrites them, so what is in them (last run's scores, something typed over a grey cell) is
  // neither read nor reported, and a row holding only script values (its user cells cleared) is
  // not a row of data. A log sheet (script columns only) is the record the script reads back.
  const input = columns.some((c) => c.owner === 'user');
  const present = columns
    .filter((c) => !(input && c.owner === 'script') && header.index.has(c.key))
    .map((c) => ({
      col: c,
      at: header.index.get(c.key) as number,
      label: header.label.get(c.key) as string,
    }));
  // Every row's fields object gets the same keys in the same order (the columns found, then the
  // missing ones as null), cloned from one template: one hidden class for the whole table, where
  // adding keys row by row pushed wide sheets (Accounts has 26 columns) into slow,
  // several-times-larger dictionary objects, and a second pass filled in the missing keys.
  const template: Record<string, FieldValue> = Object.fromEntries([
    ...present.map((p) => [p.col.key, null]),
    ...columns.filter((c) => !header.index.has(c.key)).map((c) => [c.key, null]),
  ]);
  const rows: TableRow[] = [];
  for (let r = headerIndex + 1; r < endIndex; r++) {
    const cells = grid.values[r];
    if (!cells) continue;
    // Made at the first filled cell: a row blank in every known column is skipped silently.
    let fields: Record<string, FieldValue> | null = null;
    let bad: Set<string> | null = null;
    for (const p of present) {
      const v = cells[p.at] ?? null;
      if (isBlank(v)) continue;
      fields ??= { ...template };
      const value = readFilledCell(p.col, v);
      if (!(value instanceof Unreadable)) {
        fields[p.col.key] = value;
        continue;
      }
      (bad ??= new Set()).add(p.col.key);
      issues.add({
        sheet: grid.name,
        row: r + 1,
        column: p.label,
        value: displayValue(v),
        code: value.problem.code,
        params: value.problem.params,
        severity: 'error',
      });
    }
    if (fields !== null) rows.push({ row: r + 1, fields, bad });
  }
  return { name: grid.name, headerRow: headerIndex + 1, header, rows };
}

/** Reports required fields that are blank (unreadable ones were reported already). */
export function hasRequired(
  table: Table,
  row: TableRow,
  keys: readonly { key: string; en: string; zh: string }[],
  issues: IssueList,
): boolean {
  let ok = true;
  for (const c of keys) {
    if (row.fields[c.key] !== null && row.fields[c.key] !== '') continue;
    ok = false;
    if (row.bad?.has(c.key)) continue;
    issues.add({
      sheet: table.name,
      row: row.row,
      column: table.header.label.get(c.key) ?? c.en,
      value: '',
      code: 'required_missing',
      params: { name: { en: c.en, zh: c.zh } },
      severity: 'error',
    });
  }
  return ok;
}
