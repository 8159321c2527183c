import { formatDay } from '../calendar/day';
import { IssueList } from '../issues/issue';
import { readTable, type SheetGrid } from '../parse/table';
import { EMPTY_COLUMN_MAP, type ColumnMap } from '../schema/column-map';
import { headerRowIndex } from '../schema/header-row';
import { sheetDef } from '../schema/sheets';
import { TRANSACTION_KEYS } from './transactions';

/** The BigQuery schema of a transactions table (docs/outgrow.md), in TRANSACTION_KEYS order. */
export const TRANSACTION_SCHEMA: readonly { name: string; type: string; mode: 'NULLABLE' }[] =
  TRANSACTION_KEYS.map((name) => ({
    name,
    type:
      name === 'date' || name === 'payment_due_date' || name === 'paid_date'
        ? 'DATE'
        : name === 'quantity' || name === 'unit_price' || name === 'amount'
          ? 'FLOAT64'
          : 'STRING',
    mode: 'NULLABLE',
  }));

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, or starts or
 * ends with a space (a reader that trims unquoted fields then still keeps it).
 */
export function csvField(v: string): string {
  return /[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The Transactions sheet as a CSV file for a BigQuery load job (Load to BigQuery): a header of
 * the column keys, then one line per row the sheet holds, each value as its column reads it
 * (dates as YYYY-MM-DD, numbers plain, text as typed). A cell that cannot be read (a date that
 * is not one) goes as blank: its row then shows up in Data Issues after the refresh reads
 * BigQuery, as it did on the sheet. Nothing in the sheet changes.
 */
export function transactionsCsv(
  grid: SheetGrid,
  map: ColumnMap = EMPTY_COLUMN_MAP,
): { csv: string; rows: number; blanked: number } {
  const columns = sheetDef('transactions').columns;
  const at = headerRowIndex(grid.name, grid.values, columns, map);
  const table = readTable(grid, columns, new IssueList(), at, grid.values.length, map);
  const lines = [TRANSACTION_KEYS.join(',')];
  let blanked = 0;
  for (const r of table.rows) {
    blanked += r.bad?.size ?? 0;
    lines.push(
      TRANSACTION_KEYS.map((key) => {
        const v = r.fields[key];
        if (v === null || v === undefined || r.bad?.has(key)) return '';
        const type = TRANSACTION_SCHEMA.find((c) => c.name === key)?.type;
        if (type === 'DATE') return formatDay(v as number);
        return csvField(String(v));
      }).join(','),
    );
  }
  return { csv: `${lines.join('\n')}\n`, rows: table.rows.length, blanked };
}
