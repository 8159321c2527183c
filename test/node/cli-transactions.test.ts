import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Workbook } from 'exceljs';
import { ensureBuilt, kam, readBook, sheetRows, tempDir } from './helpers';

const TODAY = '2026-05-15';
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** Six accounts (a group of three), transactions over two years with returns, currencies, invoices. */
function rows(): (string | number | null)[][] {
  const out: (string | number | null)[][] = [];
  const ids = ['G1', 'G1-a', 'G1-b', 'S1', 'S2', 'S3'];
  const products = ['Valve', 'Pump', 'Seal', ''];
  for (let k = 0; k < 240; k++) {
    const month = 1 + (k % 24);
    const y = month > 12 ? 2026 : 2025;
    const m = month > 12 ? month - 12 : month;
    if (y === 2026 && m > 5) continue;
    const date = `${y}-${String(m).padStart(2, '0')}-${String(1 + (k % 27)).padStart(2, '0')}`;
    const amount = k % 7 === 0 ? -((k * 37) % 500) - 0.25 : ((k * 7919) % 90000) / 100 + 10;
    const due = k % 3 === 0 ? `${y}-${String(m).padStart(2, '0')}-28` : null;
    out.push([
      date,
      ids[k % ids.length],
      products[k % products.length],
      k % 5 === 0 ? null : amount,
      k % 5 === 0 ? 3 : null,
      k % 5 === 0 ? 19.99 : null,
      k % 11 === 0 ? 'USD' : null,
      due,
      due !== null && k % 2 === 0 ? date : null,
    ]);
  }
  return out;
}
const KEYS = [
  'date',
  'account_id',
  'product',
  'amount',
  'quantity',
  'unit_price',
  'currency',
  'payment_due_date',
  'paid_date',
];

async function book(path: string, withTransactions: boolean): Promise<void> {
  const wb = new Workbook();
  wb.addWorksheet('Accounts').addRows([
    ['Account ID', 'Account Name', 'Parent Account ID', 'Industry', 'Owner Email'],
    ['G1', 'Group One', '', 'Machinery', 'a@example.com'],
    ['G1-a', 'Group One East', 'G1', 'Machinery', 'b@example.com'],
    ['G1-b', 'Group One Plant', 'G1-a', 'Machinery', 'b@example.com'],
    ['S1', 'Solo One', '', 'Machinery', 'c@example.com'],
    ['S2', 'Solo Two', '', 'Machinery', 'c@example.com'],
    ['S3', 'Solo Three', '', 'Retail', 'c@example.com'],
  ]);
  wb.addWorksheet('Settings').addRows([
    ['Setting', 'Value'],
    ['home_currency', 'CNY'],
    [],
    ['Currency', 'Rate to Home Currency'],
    ['USD', 7.1],
  ]);
  if (withTransactions)
    wb.addWorksheet('Transactions').addRows([
      [
        'Date',
        'Account ID',
        'Product',
        'Amount',
        'Quantity',
        'Unit Price',
        'Currency',
        'Payment Due Date',
        'Paid Date',
      ],
      ...rows().map((r) =>
        r.map((v, i) => (v !== null && [0, 7, 8].includes(i) ? utc(String(v)) : v)),
      ),
    ]);
  await wb.xlsx.writeFile(path);
}

function csv(path: string, extra: (string | number | null)[][] = []): void {
  const lines = [
    KEYS.join(','),
    ...[...rows(), ...extra].map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')),
  ];
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const LOOKER = ['Summary', 'Monthly', 'Products', 'Groups'];

describe('kam refresh --transactions FILE (DuckDB)', () => {
  const tmp = tempDir();
  beforeAll(() => ensureBuilt());
  afterAll(() => tmp.cleanup());

  it('CSV and Parquet give the same Summary, Monthly, Products and Groups as the Transactions sheet', async () => {
    const inSheet = join(tmp.dir, 'sheet.xlsx');
    await book(inSheet, true);
    expect((await kam(['refresh', inSheet, '--today', TODAY], tmp.dir)).code).toBe(0);
    const want = await readBook(inSheet);

    const file = join(tmp.dir, 'tx.csv');
    csv(file);
    const parquet = join(tmp.dir, 'tx.parquet');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(
      `COPY (SELECT CAST(date AS DATE) AS date, account_id, product, CAST(amount AS DOUBLE) AS amount, CAST(quantity AS DOUBLE) AS quantity, CAST(unit_price AS DOUBLE) AS unit_price, currency, CAST(payment_due_date AS DATE) AS payment_due_date, CAST(paid_date AS DATE) AS paid_date FROM read_csv('${file}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`,
    );
    c.closeSync();
    db.closeSync();

    for (const source of [file, parquet]) {
      const fromFile = join(tmp.dir, `file-${source.endsWith('.csv') ? 'csv' : 'pq'}.xlsx`);
      await book(fromFile, false);
      const r = await kam(
        ['refresh', fromFile, '--today', TODAY, '--transactions', source],
        tmp.dir,
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const got = await readBook(fromFile);
      for (const sheet of LOOKER) expect(sheetRows(got, sheet)).toEqual(sheetRows(want, sheet));
      // No "sheet missing" for Transactions: the file takes its place.
      expect(sheetRows(got, 'Data Issues').filter((x) => x[0] === 'transactions')).toEqual([]);
    }
  });

  it('reports the file’s bad rows by file name and line, and leaves them out', async () => {
    const path = join(tmp.dir, 'bad.xlsx');
    await book(path, false);
    const file = join(tmp.dir, 'bad.csv');
    csv(file, [
      ['2026/13/45', 'S1', 'Valve', 10, null, null, null, null, null],
      ['2026-01-02', 'NOPE', 'Valve', 10, null, null, null, null, null],
      ['2026-01-03', 'S1', 'Valve', 'twelve', null, null, null, null, null],
      ['2026-01-04', 'S1', 'Valve', 10, null, null, 'XYZ', null, null],
      ['2027-01-04', 'S1', 'Valve', 10, null, null, null, null, null],
    ]);
    const r = await kam(['refresh', path, '--today', TODAY, '--transactions', file], tmp.dir);
    expect(r.code).toBe(0);
    const line = rows().length + 2;
    const issues = sheetRows(await readBook(path), 'Data Issues').filter(
      (x) => x[0] === 'bad.csv' && Number(x[1]) >= line,
    );
    expect(issues.map((x) => [x[1], x[2], x[4]])).toEqual([
      [line, 'date', 'Not a date. Use a date cell or YYYY-MM-DD.'],
      [line + 1, 'account_id', 'Account ID NOPE is not in Accounts; the row is left out.'],
      [line + 2, 'amount', 'Not a number.'],
      [
        line + 3,
        'currency',
        'No exchange rate for XYZ in Settings; the row is left out of the figures.',
      ],
      [line + 4, 'date', 'Date is in the future; the row is ignored until then.'],
    ]);
  });

  it('a file it cannot use stops before anything is written (exit 2), naming the file', async () => {
    const path = join(tmp.dir, 'x.xlsx');
    await book(path, false);
    const noDate = join(tmp.dir, 'nodate.csv');
    writeFileSync(noDate, 'account_id,amount\nS1,5\n');
    const r = await kam(['refresh', path, '--today', TODAY, '--transactions', noDate], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nodate.csv: no column "date"');
    const other = await kam(
      ['refresh', path, '--today', TODAY, '--transactions', join(tmp.dir, 'tx.xlsx')],
      tmp.dir,
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('not a CSV or Parquet file');
    expect(sheetRows(await readBook(path), 'Accounts')[0]).toEqual([
      'Account ID',
      'Account Name',
      'Parent Account ID',
      'Industry',
      'Owner Email',
    ]);
  });
});
