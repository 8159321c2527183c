import type { DataIssue } from '../issues/issue';
import { displayValue } from '../values/parse';
import type { CellValue } from '../values/cell';
import { normalizeName } from './normalize';
import { SHEETS } from './sheets';
import type { ColumnDef, SheetDef, SheetKey } from './types';

/** Every spelling a sheet or column answers to: its key, English and Chinese names. */
function aliases(item: { key: string; en: string; zh: string }): string[] {
  return [item.key, item.en, item.zh].map(normalizeName);
}

/**
 * Which of the workbook's sheets is which (SPEC §2): a sheet matches when its name equals, case-,
 * space- and punctuation-insensitively, the key, English or Chinese name. When two sheets match
 * the same key the first (leftmost) wins and the other is reported.
 */
export function resolveSheets(names: readonly string[]): {
  sheets: Map<SheetKey, string>;
  issues: DataIssue[];
} {
  const byAlias = new Map<string, SheetKey>();
  for (const def of SHEETS) for (const a of aliases(def)) byAlias.set(a, def.key);
  const sheets = new Map<SheetKey, string>();
  const issues: DataIssue[] = [];
  for (const name of names) {
    const key = byAlias.get(normalizeName(name));
    if (!key) continue;
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

export interface HeaderMap {
  /** Column key → 0-based index in the sheet's rows. */
  readonly index: ReadonlyMap<string, number>;
  /** Column key → the header text as the user wrote it. */
  readonly label: ReadonlyMap<string, string>;
  /** Known columns with no header in the sheet. */
  readonly missing: readonly ColumnDef[];
  readonly issues: readonly DataIssue[];
}

/**
 * Maps a header row to column keys, in any order, ignoring the user's own extra columns.
 * A duplicated header or a missing required one is an error naming the sheet and header.
 */
export function matchHeaders(
  sheetName: string,
  columns: readonly ColumnDef[],
  headerRow: readonly CellValue[],
  headerRowNumber = 1,
): HeaderMap {
  const byAlias = new Map<string, ColumnDef>();
  for (const col of columns) for (const a of aliases(col)) if (!byAlias.has(a)) byAlias.set(a, col);
  const index = new Map<string, number>();
  const label = new Map<string, string>();
  const issues: DataIssue[] = [];
  headerRow.forEach((cell, i) => {
    const text = displayValue(cell).trim();
    if (text === '') return;
    const col = byAlias.get(normalizeName(text));
    if (!col) return;
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
  });
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
  return { index, label, missing, issues };
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
