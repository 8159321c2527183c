import type { DataIssue } from '../issues/issue';
import { displayValue } from '../values/parse';
import type { CellValue } from '../values/cell';
import { EMPTY_COLUMN_MAP, isIgnore, type ColumnMap } from './column-map';
import { normalizeName } from './normalize';
import { SHEETS } from './sheets';
import type { ColumnDef, SheetDef, SheetKey } from './types';

/** The names a sheet or column answers to before aliases: its key, English and Chinese names. */
function names(item: { key: string; en: string; zh: string }): string[] {
  return [item.key, item.en, item.zh].map(normalizeName);
}

function aliasesOf(item: { aliases?: readonly string[] }): string[] {
  return (item.aliases ?? []).map(normalizeName);
}

/** The sheet a `column_map` target names (its key, English or Chinese name). */
export function sheetByName(target: string): SheetDef | null {
  const t = normalizeName(target);
  return SHEETS.find((d) => names(d).includes(t)) ?? null;
}

/**
 * Which of the workbook's sheets is which: first the `column_map` rows with a blank header,
 * then, case-, space- and punctuation-insensitively, the key, English or Chinese name, then the
 * built-in aliases. When two sheets match the same key the one found first (by that order, then
 * leftmost) wins and the other is reported. A sheet mapped to `ignore` is never matched.
 */
export function resolveSheets(
  sheetNames: readonly string[],
  map: ColumnMap = EMPTY_COLUMN_MAP,
): {
  sheets: Map<SheetKey, string>;
  issues: DataIssue[];
} {
  const byName = new Map<string, SheetKey>();
  const byAlias = new Map<string, SheetKey>();
  for (const def of SHEETS) for (const a of names(def)) byName.set(a, def.key);
  for (const def of SHEETS)
    for (const a of aliasesOf(def)) if (!byAlias.has(a) && !byName.has(a)) byAlias.set(a, def.key);
  const sheets = new Map<SheetKey, string>();
  const issues: DataIssue[] = [];
  const done = new Set<string>();
  const levels: ((n: string) => SheetKey | null | undefined)[] = [
    (n) => {
      const e = map.sheets.get(n);
      if (!e) return undefined;
      return isIgnore(e.target) ? null : (sheetByName(e.target)?.key ?? undefined);
    },
    (n) => byName.get(n),
    (n) => byAlias.get(n),
  ];
  for (const level of levels)
    for (const name of sheetNames) {
      if (done.has(name) || name === map.sheetName) continue;
      const key = level(normalizeName(name));
      if (key === undefined) continue;
      done.add(name);
      if (key === null) continue;
      const used = sheets.get(key);
      if (used === undefined) sheets.set(key, name);
      else
        issues.push({
          sheet: name,
          row: null,
          column: '',
          value: '',
          code: 'sheet_duplicate',
          params: { name: key, used },
          severity: 'warning',
        });
    }
  return { sheets, issues };
}

/** A header that is not one of ours: where it is, as written. */
export interface UnknownHeader {
  readonly index: number;
  readonly text: string;
  /** Columns whose aliases it equals, when more than one (so it was not matched). */
  readonly ambiguous: readonly ColumnDef[];
}

export interface HeaderMap {
  /** Column key → 0-based index in the sheet's rows. */
  readonly index: ReadonlyMap<string, number>;
  /** Column key → the header text as the user wrote it. */
  readonly label: ReadonlyMap<string, string>;
  /** Known columns with no header in the sheet. */
  readonly missing: readonly ColumnDef[];
  readonly issues: readonly DataIssue[];
  /** Headers that are neither ours nor mapped to `ignore`. */
  readonly unknown: readonly UnknownHeader[];
}

/**
 * Maps a header row to column keys, in any order, ignoring the user's own extra columns.
 * Matching order: the `column_map` rows for this sheet, then each column's key, English and
 * Chinese names, then its aliases; a column already matched at an earlier level makes a later
 * header for it a duplicate. A header equal to aliases of two columns is reported and not read.
 * A duplicated header or a missing required one is an error naming the sheet and header.
 */
export function matchHeaders(
  sheetName: string,
  columns: readonly ColumnDef[],
  headerRow: readonly CellValue[],
  headerRowNumber = 1,
  map: ColumnMap = EMPTY_COLUMN_MAP,
): HeaderMap {
  const byName = new Map<string, ColumnDef>();
  for (const col of columns) for (const a of names(col)) if (!byName.has(a)) byName.set(a, col);
  const byAlias = new Map<string, ColumnDef[]>();
  for (const col of columns)
    for (const a of aliasesOf(col)) {
      if (byName.has(a)) continue;
      const list = byAlias.get(a) ?? [];
      if (!list.includes(col)) list.push(col);
      byAlias.set(a, list);
    }
  const mapped = map.headers.get(normalizeName(sheetName));
  const index = new Map<string, number>();
  const label = new Map<string, string>();
  const issues: DataIssue[] = [];
  const cells = headerRow.map((cell) => displayValue(cell).trim());
  const settled = new Set<number>();
  const unknown: UnknownHeader[] = [];
  const take = (col: ColumnDef, i: number): void => {
    settled.add(i);
    const text = cells[i];
    const first = index.get(col.key);
    if (first !== undefined) {
      issues.push({
        sheet: sheetName,
        row: headerRowNumber,
        column: text,
        value: text,
        code: 'header_duplicate',
        params: { name: text, first: columnLetter(first), second: columnLetter(i) },
        severity: 'error',
      });
      return;
    }
    index.set(col.key, i);
    label.set(col.key, text);
  };
  if (mapped)
    cells.forEach((text, i) => {
      const entry = text === '' ? undefined : mapped.get(normalizeName(text));
      if (!entry) return;
      settled.add(i);
      if (isIgnore(entry.target)) return;
      const t = normalizeName(entry.target);
      const col = columns.find((c) => names(c).includes(t));
      if (col) take(col, i);
      else
        issues.push({
          sheet: map.sheetName ?? '',
          row: entry.row,
          column: text,
          value: entry.target,
          code: 'map_unknown_target',
          params: { target: entry.target, sheet: sheetName },
          severity: 'warning',
        });
    });
  cells.forEach((text, i) => {
    if (text === '' || settled.has(i)) return;
    const col = byName.get(normalizeName(text));
    if (col) take(col, i);
  });
  cells.forEach((text, i) => {
    if (text === '' || settled.has(i)) return;
    const cols = byAlias.get(normalizeName(text)) ?? [];
    if (cols.length === 1) return take(cols[0], i);
    unknown.push({ index: i, text, ambiguous: cols });
    if (cols.length > 1)
      issues.push({
        sheet: sheetName,
        row: headerRowNumber,
        column: text,
        value: text,
        code: 'header_ambiguous',
        params: {
          name: text,
          a: { en: cols[0].en, zh: cols[0].zh },
          b: { en: cols[1].en, zh: cols[1].zh },
        },
        severity: 'warning',
      });
  });
  for (const col of columns) {
    if (!col.fallback || index.has(col.key)) continue;
    const spellings = col.fallback.map(normalizeName);
    const at = unknown.findIndex((u) => spellings.includes(normalizeName(u.text)));
    if (at !== -1) take(col, unknown.splice(at, 1)[0].index);
  }
  const missing = columns.filter((c) => !index.has(c.key));
  for (const col of missing) {
    if (!col.required) continue;
    issues.push({
      sheet: sheetName,
      row: headerRowNumber,
      column: col.en,
      value: '',
      code: 'header_missing',
      params: { name: { en: col.en, zh: col.zh } },
      severity: 'error',
    });
  }
  return { index, label, missing, issues, unknown };
}

/** A1-style column letters for a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function sheetDisplayName(def: SheetDef, zh: boolean): string {
  return zh ? def.zh : def.en;
}
