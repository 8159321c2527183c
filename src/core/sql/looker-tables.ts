import { formatDay, type Day } from '../calendar/day';
import type { ColumnType } from '../schema/types';
import { SUMMARY_COLUMNS } from '../schema/sheets';
import { isDateCell, type CellValue, type Grid } from '../values/cell';
import { csvField } from './load';

/**
 * The Looker tables in BigQuery (docs/outgrow.md): `summary` rewritten whole by each refresh,
 * `history` one partition per `snapshot_date`, the day's partition replaced by each refresh of
 * that day. Both have the columns of the Summary sheet (docs/looker.md), typed.
 */
export interface BigQueryField {
  readonly name: string;
  readonly type: 'DATE' | 'STRING' | 'FLOAT64' | 'INT64' | 'BOOL';
  readonly mode: 'NULLABLE';
}

const TYPE: Partial<Record<ColumnType, BigQueryField['type']>> = {
  date: 'DATE',
  number: 'FLOAT64',
  integer: 'INT64',
  boolean: 'BOOL',
};

/**
 * SUMMARY_COLUMNS as BigQuery fields. Every field is NULLABLE: a later version that adds a
 * summary column can then add it to an existing history table (ALLOW_FIELD_ADDITION only adds
 * NULLABLE fields).
 */
export const LOOKER_TABLE_SCHEMA: readonly BigQueryField[] = SUMMARY_COLUMNS.map((c) => ({
  name: c.key,
  type: TYPE[c.type] ?? 'STRING',
  mode: 'NULLABLE',
}));

/** The field history is partitioned by: one partition per day of snapshots. */
export const PARTITION_FIELD = 'snapshot_date';

/** The partition decorator of a day: `kam_history$20261205`, the load target of that day. */
export function historyPartition(table: string, today: Day): string {
  return `${table}$${formatDay(today).replace(/-/g, '')}`;
}

/** One value as its BigQuery field reads it in a CSV load: '' (NULL) when blank or not of its type. */
function csvValue(v: CellValue, type: BigQueryField['type']): string {
  if (v === null || v === '') return '';
  switch (type) {
    case 'DATE':
      return isDateCell(v) ? formatDay(v.day) : '';
    case 'FLOAT64':
      return typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
    case 'INT64':
      return typeof v === 'number' && Number.isInteger(v) ? String(v) : '';
    case 'BOOL':
      return typeof v === 'boolean' ? String(v) : '';
    default:
      return csvField(isDateCell(v) ? formatDay(v.day) : typeof v === 'object' ? '' : String(v));
  }
}

/**
 * Summary rows (SUMMARY_COLUMNS order, as `summaryRows` makes them) as the CSV of a load job: a
 * header of the keys, then one line per row. A blank is an empty field, which BigQuery loads as
 * NULL (the summary never holds an empty text: blanks are null there); a line break inside a
 * value stays inside its quoted field (the job allows quoted newlines). CSV, not JSON: the keys
 * repeated on every JSON line would triple the size (50k accounts: 49 MB as JSON, near what one
 * Apps Script request may carry). Text goes as typed: nothing here is ever run as a formula.
 */
export function lookerCsv(rows: Grid): string {
  const parts: string[] = [LOOKER_TABLE_SCHEMA.map((f) => f.name).join(',')];
  for (const row of rows)
    parts.push(LOOKER_TABLE_SCHEMA.map((f, i) => csvValue(row[i] ?? null, f.type)).join(','));
  return `${parts.join('\n')}\n`;
}

/**
 * The largest load the refresh sends in one request (Apps Script caps a request, and a blob, at
 * 50 MB): about 135,000 accounts of summary (50,000 make 14.5 MB, npm run bench).
 */
export const MAX_LOAD_BYTES = 40 * 1024 * 1024;

/** The label keys that mark a table the refresh made: which Looker table, for which workbook. */
export const TABLE_LABEL = 'kam-sheets';
export const WORKBOOK_LABEL = 'kam-workbook';

/**
 * A spreadsheet ID as a BigQuery label value (lowercase letters, digits, `_` and `-`, at most 63
 * characters). Two IDs that differ only in case would share it; Google's IDs are random enough.
 */
export function workbookLabel(spreadsheetId: string): string {
  return spreadsheetId
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '_')
    .slice(0, 63);
}

/** The labels the refresh gives a Looker table it makes. */
export function lookerLabels(key: 'summary' | 'history', workbook: string): Record<string, string> {
  return { [TABLE_LABEL]: key, [WORKBOOK_LABEL]: workbook };
}

/**
 * Is an existing table the one the refresh made for this Looker table of this workbook? Only its
 * labels say so: a team's own table, another workbook's, or this workbook's history named as its
 * summary is not, however alike its columns, and the refresh must not replace it.
 */
export function isOurTable(
  labels: Readonly<Record<string, string>> | undefined,
  key: 'summary' | 'history',
  workbook: string,
): boolean {
  return labels?.[TABLE_LABEL] === key && labels?.[WORKBOOK_LABEL] === workbook;
}
