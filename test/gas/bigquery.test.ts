/**
 * Sheets with `data_source` = bigquery: menu → refresh → BigQuery (the fake, answered by DuckDB)
 * → sheets, against the same transactions in a Transactions sheet.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRANSACTION_KEYS } from '../../src/core/sql/transactions';
import { handleRefresh } from '../../src/gas/handlers';
import { handleLoadToBigQuery } from '../../src/gas/load-bigquery';
import { addAction, sidebarData } from '../../src/gas/sidebar';
import { createFakeBigQuery, type FakeBigQueryControl } from '../fakes/bigquery';
import type { Gas } from '../fakes/index';
import { fixSystemTime } from '../support/clock';
import { installGas, runTime } from './seed';

fixSystemTime(() => runTime(2026, 5, 15));

/** Midnight in Shanghai (the fake's zone) of a YYYY-MM-DD day: a date cell. */
const cell = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - 8 * 3_600_000);
};
const shift = (iso: string, days: number): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** Transactions as the BigQuery table holds them (the column keys), and as a sheet would. */
function transactions(): (string | number | null)[][] {
  const ids = ['G1', 'G1-a', 'S1', 'S2', 'S3'];
  const products = ['Valve', 'Pump', 'Seal', ''];
  const out: (string | number | null)[][] = [];
  for (let k = 0; k < 150; k++) {
    const date = shift('2026-05-15', -((k * 37) % 700));
    const due = k % 3 === 0 ? shift(date, 30) : null;
    out.push([
      date,
      ids[k % ids.length],
      products[k % products.length],
      k % 9 === 0 ? -((k * 13) % 300) : ((k * 7919) % 50000) / 100 + 5,
      k % 7 === 0 ? 'USD' : null,
      due,
      due !== null && k % 2 === 0 ? shift(date, 20 + (k % 30)) : null,
    ]);
  }
  return out;
}

function seed(gas: Gas, source: 'sheet' | 'bigquery', extra: [string, string][] = []): void {
  gas.control.setSheetValues('Accounts', [
    ['Account ID', 'Account Name', 'Parent Account ID', 'Industry', 'Owner Email'],
    ['G1', 'Group One', '', 'Machinery', 'a@example.com'],
    ['G1-a', 'Group One East', 'G1', 'Machinery', 'b@example.com'],
    ['S1', 'Solo One', '', 'Machinery', 'c@example.com'],
    ['S2', 'Solo Two', '', 'Retail', 'c@example.com'],
    ['S3', 'Solo Three', '', 'Retail', 'c@example.com'],
  ]);
  gas.control.setSheetValues('Settings', [
    ['setting', 'value'],
    ['home_currency', 'CNY'],
    ['data_source', source],
    ['bigquery_project', 'acme-erp-prod'],
    ['bigquery_dataset', 'kam'],
    ...extra,
    [],
    ['Currency', 'Rate to Home Currency'],
    ['USD', 7.1],
  ]);
  if (source === 'sheet')
    gas.control.setSheetValues('Transactions', [
      ['Date', 'Account ID', 'Product', 'Amount', 'Currency', 'Payment Due Date', 'Paid Date'],
      ...transactions().map((r) =>
        r.map((v, i) => (v !== null && [0, 5, 6].includes(i) ? cell(String(v)) : v)),
      ),
    ]);
}

const LOOKER = ['Summary', 'Monthly', 'Products', 'Groups'];

describe('Sheets with a BigQuery source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kam-bq-'));
  let bq: FakeBigQueryControl;
  let service: GoogleAppsScript.BigQuery;
  beforeAll(() => {
    ({ service, control: bq } = createFakeBigQuery());
    const csv = join(dir, 'transactions.csv');
    const keys = [
      'date',
      'account_id',
      'product',
      'amount',
      'currency',
      'payment_due_date',
      'paid_date',
    ];
    const all = TRANSACTION_KEYS;
    const lines = [all.join(',')];
    for (const r of transactions()) {
      const byKey = new Map(keys.map((k, i) => [k, r[i]]));
      lines.push(all.map((k) => String(byKey.get(k) ?? '')).join(','));
    }
    writeFileSync(csv, `${lines.join('\n')}\n`);
    bq.loadTable('acme-erp-prod.kam.transactions', csv);
  });
  afterAll(async () => {
    await bq.close();
    rmSync(dir, { recursive: true, force: true });
    delete (globalThis as { BigQuery?: unknown }).BigQuery;
  });

  it('a refresh reads the transactions from BigQuery and writes the same sheets as the Transactions sheet', () => {
    const sheet = installGas();
    seed(sheet, 'sheet');
    handleRefresh(true);
    const want = Object.fromEntries(LOOKER.map((n) => [n, sheet.control.sheetValues(n)]));

    const gas = installGas();
    (globalThis as { BigQuery?: unknown }).BigQuery = service;
    bq.pageSize = 7; // several pages per result
    bq.slowJobs = true; // each job answers "not complete" first
    seed(gas, 'bigquery');
    const before = { ...bq.calls };
    handleRefresh(true);
    expect(bq.calls.query - before.query).toBe(6);
    // Each job was polled twice before it completed, and results came in pages of seven rows.
    expect(bq.calls.getQueryResults - before.getQueryResults).toBeGreaterThan(6 * 2 + 10);
    for (const n of LOOKER) expect(gas.control.sheetValues(n)).toEqual(want[n]);
    const sent = bq.queries.slice(-6);
    expect(new Set(sent.map((q) => q.project))).toEqual(new Set(['acme-erp-prod']));
    // Values travel as typed parameters only.
    const accounts = sent[1].parameters.find((p) => p.name === 'accounts');
    expect(accounts?.parameterType?.arrayType?.type).toBe('STRUCT');
    expect(accounts?.parameterValue?.arrayValues).toHaveLength(5);
    expect(sent[1].parameters.find((p) => p.name === 'today')?.parameterValue?.value).toBe(
      '2026-05-15',
    );
    // No "Transactions sheet missing": BigQuery takes its place.
    expect(gas.control.sheetValues('Data Issues').filter((r) => r[0] === 'transactions')).toEqual(
      [],
    );
  });

  it('Account 360 shows the figures from BigQuery, also in the view a form gives back', () => {
    const sheet = installGas();
    seed(sheet, 'sheet');
    const want = sidebarData('S1').view?.account?.revenue12m;
    expect(want).toBeGreaterThan(0);

    const gas = installGas();
    (globalThis as { BigQuery?: unknown }).BigQuery = service;
    seed(gas, 'bigquery');
    gas.control.setSheetValues('Action Plan', [['Task', 'Account ID', 'Due Date', 'Status']]);
    expect(sidebarData('S1').view?.account?.revenue12m).toBe(want);
    const added = addAction({ account_id: 'S1', task: 'Call back', due_date: '2026-05-30' });
    expect(added.message).toBe('Action added on row 2.');
    expect(added.view?.account?.revenue12m).toBe(want);
  });

  it('says what to do when the service is off, a setting is blank, or BigQuery refuses', () => {
    delete (globalThis as { BigQuery?: unknown }).BigQuery;
    let gas = installGas();
    seed(gas, 'bigquery');
    handleRefresh(true);
    expect(gas.control.toasts.at(-1)?.msg ?? gas.control.alerts.at(-1)?.prompt).toContain(
      'deployed without the BigQuery service',
    );

    (globalThis as { BigQuery?: unknown }).BigQuery = service;
    gas = installGas();
    seed(gas, 'bigquery', [['bigquery_dataset', ' ']]);
    gas.control.setSheetValues('Settings', [
      ['setting', 'value'],
      ['data_source', 'bigquery'],
      ['bigquery_project', 'acme-erp-prod'],
    ]);
    handleRefresh(true);
    expect(gas.control.toasts.at(-1)?.msg ?? gas.control.alerts.at(-1)?.prompt).toContain(
      'fill in bigquery_dataset',
    );

    // A query BigQuery keeps working on: the job stops after four minutes of polls, before any
    // write, and says to run again.
    gas = installGas();
    seed(gas, 'bigquery');
    bq.slowJobs = true;
    bq.slowPolls = 1000;
    const polls = bq.calls.getQueryResults;
    try {
      handleRefresh(true);
    } finally {
      bq.slowJobs = false;
      bq.slowPolls = 1;
    }
    expect(bq.calls.getQueryResults - polls).toBe(8);
    expect(gas.control.toasts.at(-1)?.msg ?? gas.control.alerts.at(-1)?.prompt).toBe(
      'BigQuery had not answered the queries on acme-erp-prod.kam.transactions after 4 minutes, so nothing was written. Run it again: BigQuery keeps a query result for 24 hours, so the next run is quick. If it keeps happening, see docs/outgrow.md (quotas and limits).',
    );
    expect(gas.globals.SpreadsheetApp.getActive().getSheetByName('Summary')).toBeNull();

    gas = installGas();
    seed(gas, 'bigquery');
    bq.failNext = 'Not found: Table acme-erp-prod:kam.transactions';
    handleRefresh(true);
    expect(gas.control.toasts.at(-1)?.msg ?? gas.control.alerts.at(-1)?.prompt).toContain(
      'BigQuery refused the query on acme-erp-prod.kam.transactions: Not found',
    );
  });

  it('Load to BigQuery moves the Transactions sheet into a new table; the next refresh from BigQuery matches', () => {
    const gas = installGas();
    (globalThis as { BigQuery?: unknown }).BigQuery = service;
    seed(gas, 'sheet', [['bigquery_transactions_table', 'migrated']]);
    handleRefresh(true);
    const want = Object.fromEntries(LOOKER.map((n) => [n, gas.control.sheetValues(n)]));
    const sheetBefore = gas.control.sheetValues('Transactions');

    handleLoadToBigQuery();
    expect(gas.control.toasts.at(-1)?.msg ?? gas.control.alerts.at(-1)?.prompt).toBe(
      'Loaded 150 rows of "Transactions" into acme-erp-prod.kam.migrated. Set data_source to bigquery in Settings to read them from there; the sheet is left as it is.',
    );
    const load = bq.loads.at(-1);
    expect(load?.csv.split('\n')[0]).toBe(
      'date,account_id,product,quantity,unit_price,amount,currency,payment_due_date,paid_date,notes',
    );
    expect(gas.control.sheetValues('Transactions')).toEqual(sheetBefore);
    expect(bq.calls.get).toBeGreaterThan(0); // the job was polled until DONE

    // Read from BigQuery now: the same figures as from the sheet.
    const settings = gas.control
      .sheetValues('Settings')
      .map((r) => (r[0] === 'data_source' ? ['data_source', 'bigquery'] : r));
    gas.control.setSheetValues('Settings', settings);
    handleRefresh(true);
    for (const n of LOOKER) expect(gas.control.sheetValues(n)).toEqual(want[n]);

    // A second load is refused by BigQuery (WRITE_EMPTY): nothing is appended.
    handleLoadToBigQuery();
    expect(gas.control.alerts.at(-1)?.prompt).toMatch(
      /^BigQuery did not load "Transactions" into acme-erp-prod\.kam\.migrated: Already Exists: .*Nothing was loaded\.$/,
    );
    handleRefresh(true);
    for (const n of LOOKER) expect(gas.control.sheetValues(n)).toEqual(want[n]);

    // A load BigQuery is still busy with after four minutes: said, with the job to look at.
    const g2 = installGas();
    seed(g2, 'sheet', [['bigquery_transactions_table', 'slow_load']]);
    bq.runningPolls = 10_000;
    const gets = bq.calls.get;
    try {
      handleLoadToBigQuery();
    } finally {
      bq.runningPolls = 0;
    }
    expect(bq.calls.get - gets).toBe(240);
    expect(g2.control.alerts.at(-1)?.prompt).toMatch(
      /^BigQuery was still loading "Transactions" into acme-erp-prod\.kam\.slow_load after 4 minutes \(job load_\d+\)\. The job finishes on its own/,
    );
  });
});
