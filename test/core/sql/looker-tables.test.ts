import { dayFromYmd } from '../../../src/core/calendar/day';
import {
  historyPartition,
  isOurTable,
  lookerLabels,
  workbookLabel,
  LOOKER_TABLE_SCHEMA,
  lookerCsv,
} from '../../../src/core/sql/looker-tables';
import { SUMMARY_COLUMNS } from '../../../src/core/schema/sheets';
import { dateCell, type CellValue } from '../../../src/core/values/cell';

/** A summary row with `values` by key, the rest blank. */
const row = (values: Record<string, CellValue>): CellValue[] =>
  SUMMARY_COLUMNS.map((c) => (c.key in values ? values[c.key] : null));

describe('the Looker tables in BigQuery (docs/outgrow.md)', () => {
  it('types each summary column as BigQuery stores it', () => {
    const type = Object.fromEntries(LOOKER_TABLE_SCHEMA.map((f) => [f.name, f.type]));
    expect(LOOKER_TABLE_SCHEMA.map((f) => f.name)).toEqual(SUMMARY_COLUMNS.map((c) => c.key));
    expect(type).toMatchObject({
      snapshot_date: 'DATE',
      account_id: 'STRING',
      revenue_12m: 'FLOAT64',
      orders_12m: 'INT64',
      is_stale: 'BOOL',
      rfm_score: 'STRING',
      last_order_date: 'DATE',
    });
    expect(new Set(LOOKER_TABLE_SCHEMA.map((f) => f.mode))).toEqual(new Set(['NULLABLE']));
  });

  it('writes a CSV of the keys: dates as YYYY-MM-DD, blanks as empty fields, text as typed', () => {
    const day = dayFromYmd(2026, 12, 5);
    const csv = lookerCsv([
      row({
        snapshot_date: dateCell(day),
        account_id: '00123',
        account_name: '=HYPERLINK("x"), 第二行\n续',
        revenue_12m: 1234.5,
        orders_12m: 3,
        is_stale: false,
        last_order_date: null,
        region: '',
        industry: ' Machinery ',
      }),
      row({ snapshot_date: dateCell(day), account_id: 'A2', revenue_12m: Number.NaN }),
    ]);
    const at = (key: string): number => SUMMARY_COLUMNS.findIndex((c) => c.key === key);
    const [header, ...rest] = csv.split('\n');
    expect(header).toBe(SUMMARY_COLUMNS.map((c) => c.key).join(','));
    // The quoted name holds a comma and a line break: the first row spans two text lines.
    const first = `${rest[0]}\n${rest[1]}`;
    expect(first).toContain(',"=HYPERLINK(""x""), 第二行\n续",');
    const fields = first.replace(/"(?:[^"]|"")*"/, 'NAME').split(',');
    expect(fields).toHaveLength(SUMMARY_COLUMNS.length);
    expect(fields[at('snapshot_date')]).toBe('2026-12-05');
    expect(fields[at('account_id')]).toBe('00123');
    expect(fields[at('revenue_12m')]).toBe('1234.5');
    expect(fields[at('orders_12m')]).toBe('3');
    expect(fields[at('is_stale')]).toBe('false');
    expect(fields[at('last_order_date')]).toBe('');
    expect(fields[at('region')]).toBe('');
    expect(fields[at('industry')]).toBe('" Machinery "');
    // A value that does not fit its type goes blank (NULL), never as text BigQuery would refuse.
    expect(rest[2].split(',')[at('revenue_12m')]).toBe('');
    expect(rest[3]).toBe('');
  });

  it('names the partition of a day and knows its own tables by their first fields', () => {
    expect(historyPartition('kam_history', dayFromYmd(2026, 1, 9))).toBe('kam_history$20260109');
    const id = '1AbC-dEf_9xYz';
    const mine = workbookLabel(id);
    expect(mine).toBe('1abc-def_9xyz');
    expect(workbookLabel('x'.repeat(80))).toHaveLength(63);
    expect(isOurTable(lookerLabels('summary', mine), 'summary', mine)).toBe(true);
    // Another workbook's, the other Looker table, a table with no labels: not ours.
    expect(isOurTable(lookerLabels('summary', 'other'), 'summary', mine)).toBe(false);
    expect(isOurTable(lookerLabels('history', mine), 'summary', mine)).toBe(false);
    expect(isOurTable(undefined, 'history', mine)).toBe(false);
    expect(isOurTable({}, 'history', mine)).toBe(false);
  });
});
