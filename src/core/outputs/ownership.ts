import { TABLES_FIRST_COLUMN } from '../dashboard/layout';
import { isDashboardTitleRow } from '../dashboard/tables';
import type { DataIssue } from '../issues/issue';
import { normalizeName } from '../schema/normalize';
import { sheetDef } from '../schema/sheets';
import type { SheetKey } from '../schema/types';
import type { CellValue } from '../values/cell';
import { displayValue } from '../values/parse';

/**
 * The data issue for a sheet that carries the name of one the script writes but holds a team's
 * own data: named by its first filled cell of row 1, so the person recognises it.
 */
export function notOursIssue(name: string, key: string, row: readonly CellValue[]): DataIssue {
  const first = displayValue(row.find((v) => displayValue(v ?? null).trim() !== '') ?? null);
  return {
    sheet: name,
    row: 1,
    column: '',
    value: first,
    code: 'sheet_not_ours',
    params: { name, key, first },
    severity: 'error',
  };
}

/**
 * Is a sheet's first row a header the script wrote: blank, or its first cell the key of the
 * Looker sheet's first column (or that column's English or Chinese name, as older versions
 * wrote)? A sheet of a team's own that happens to carry one of our names ("Products", "集团")
 * is not, and the refresh must not rewrite it.
 */
export function ownHeader(row: readonly CellValue[], key: SheetKey): boolean {
  const texts = row.map((v) => displayValue(v).trim());
  if (texts.every((t) => t === '')) return true;
  const first = sheetDef(key).columns[0];
  const cell = normalizeName(texts[0]);
  return [first.key, first.en, first.zh].some((n) => normalizeName(n) === cell);
}

/** The Looker sheets whose first row says whether a sheet of that name is the script's. */
const LOOKER_KEYS: ReadonlySet<SheetKey> = new Set<SheetKey>([
  'summary',
  'history',
  'monthly',
  'pipeline',
  'groups',
  'products',
]);

/**
 * Is an existing sheet under the name of one the script writes the script's own? A Looker sheet
 * by its first row (`ownHeader`); the dashboard by its first chart title in column P, or by
 * being empty (`empty` is asked only then: it may cost a call). Other sheets are adopted as
 * they are (the input sheets are the team's by design).
 */
export function ownSheet(key: SheetKey, row: readonly CellValue[], empty: () => boolean): boolean {
  if (key === 'dashboard')
    return (
      isDashboardTitleRow(row, TABLES_FIRST_COLUMN) ||
      (row.every((v) => displayValue(v).trim() === '') && empty())
    );
  return !LOOKER_KEYS.has(key) || ownHeader(row, key);
}
