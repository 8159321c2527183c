/**
 * The CSV the refresh sends to BigQuery for the Looker tables (core/sql/looker-tables.ts), read
 * by an independent CSV reader with the same typed schema: DuckDB's read_csv, with BigQuery's
 * settings for a load job (header skipped, quoted newlines, empty = NULL). Every row comes back
 * with the values the summary holds — text with commas, quotes, line breaks, `=`, Chinese.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { dayFromYmd, formatDay } from '../../src/core/calendar/day';
import { SUMMARY_COLUMNS } from '../../src/core/schema/sheets';
import { LOOKER_TABLE_SCHEMA, lookerCsv } from '../../src/core/sql/looker-tables';
import { dateCell, isDateCell, type CellValue } from '../../src/core/values/cell';

const DUCK: Record<string, string> = {
  DATE: 'DATE',
  STRING: 'VARCHAR',
  FLOAT64: 'DOUBLE',
  INT64: 'BIGINT',
  BOOL: 'BOOLEAN',
};

const NAMES = [
  'Acme, Inc.',
  'He said "hi"',
  '第一行\n第二行',
  '=HYPERLINK("x")',
  '  padded  ',
  '上海机电',
];

/** Summary-shaped rows: every type, blanks, awkward text. */
function rows(n: number): CellValue[][] {
  const today = dayFromYmd(2026, 12, 5);
  return Array.from({ length: n }, (_, i) =>
    SUMMARY_COLUMNS.map((c, k): CellValue => {
      if ((i + k) % 7 === 0 && c.key !== 'snapshot_date' && c.key !== 'account_id') return null;
      switch (c.type) {
        case 'date':
          return dateCell(today - ((i * 31 + k) % 900));
        case 'number':
          return Math.round(((i * 7919 + k * 13) % 1_000_000) * 100) / 100 - 5000;
        case 'integer':
          return (i * 3 + k) % 101;
        case 'boolean':
          return (i + k) % 2 === 0;
        default:
          return c.key === 'account_id' ? `A${i}` : NAMES[(i + k) % NAMES.length];
      }
    }),
  );
}

describe('the Looker CSV, read back by DuckDB with the typed schema', () => {
  it('gives back every value, typed, blanks as NULL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-looker-csv-'));
    try {
      const data = rows(300);
      const file = join(dir, 'summary.csv');
      writeFileSync(file, lookerCsv(data));
      const db = await DuckDBInstance.create(':memory:', { threads: '1' });
      const c = await db.connect();
      const columns = LOOKER_TABLE_SCHEMA.map((f) => `'${f.name}': '${DUCK[f.type]}'`).join(', ');
      const reader = await c.runAndReadAll(
        `SELECT * FROM read_csv('${file}', header = true, quote = '"', escape = '"', nullstr = '', columns = {${columns}}, strict_mode = true)`,
      );
      const got = reader.getRowObjectsJS();
      expect(got).toHaveLength(data.length);
      got.forEach((row, i) => {
        const want = Object.fromEntries(
          SUMMARY_COLUMNS.map((col, k) => {
            const v = data[i][k];
            return [col.key, isDateCell(v) ? formatDay(v.day) : v];
          }),
        );
        const seen = Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            v instanceof Date
              ? v.toISOString().slice(0, 10)
              : typeof v === 'bigint'
                ? Number(v)
                : v,
          ]),
        );
        expect(seen).toEqual(want);
      });
      c.closeSync();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
