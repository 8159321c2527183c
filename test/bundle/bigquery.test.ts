/**
 * The built dist/Code.js with `data_source` = bigquery: the menu's Load to BigQuery and Refresh
 * scores, through the fake BigQuery (answered by DuckDB), in the Apps Script global scope.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INTERACTION_KEYS } from '../../src/core/sql/interactions';
import { createFakeBigQuery, type FakeBigQueryControl } from '../fakes/bigquery';
import { loadBundle } from './load';

const NOW = new Date(Date.UTC(2026, 4, 15, 4)); // 2026-05-15 12:00 in Shanghai
const day = (iso: string): Date => {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) - 8 * 3_600_000);
};

describe('dist/Code.js with a BigQuery source', () => {
  let bq: FakeBigQueryControl;
  let service: GoogleAppsScript.BigQuery;
  beforeAll(() => ({ service, control: bq } = createFakeBigQuery()));
  afterAll(async () => bq.close());

  it('loads the sheet, then refreshes from BigQuery with the same summary', () => {
    const bundle = loadBundle({ now: () => new Date(NOW) });
    bundle.scope.BigQuery = service;
    bundle.control.setSheetValues('Accounts', [
      ['Account ID', 'Account Name', 'Owner Email'],
      ['A1', 'Alpha', 'a@example.com'],
      ['A2', 'Beta', 'b@example.com'],
    ]);
    bundle.control.setSheetValues('Transactions', [
      ['Date', 'Account ID', 'Product', 'Amount'],
      [day('2026-05-01'), 'A1', 'Valve', 1200.5],
      [day('2026-04-01'), 'A2', 'Pump', 300],
      [day('2025-11-11'), 'A1', 'Pump', -50.25],
      ['not a date', 'A2', 'Pump', 10],
    ]);
    bundle.control.setSheetValues('Settings', [
      ['setting', 'value'],
      ['bigquery_project', 'bundle-test-proj'],
      ['bigquery_dataset', 'kam'],
    ]);
    bundle.call('kamRefreshScores');
    const fromSheet = bundle.control.sheetValues('Summary');

    bundle.call('kamLoadToBigQuery');
    expect(bundle.control.toasts.at(-1)?.msg).toMatch(
      /^Loaded 4 rows of "Transactions" into bundle-test-proj\.kam\.transactions\./,
    );
    bundle.control.setSheetValues('Settings', [
      ['setting', 'value'],
      ['data_source', 'bigquery'],
      ['bigquery_project', 'bundle-test-proj'],
      ['bigquery_dataset', 'kam'],
    ]);
    bundle.call('kamRefreshScores');
    expect(bundle.control.sheetValues('Summary')).toEqual(fromSheet);
    // The bad date went as a blank: its row is reported, now against the table.
    const issues = bundle.control.sheetValues('Data Issues');
    expect(
      issues.some((r) => r[0] === 'bundle-test-proj.kam.transactions' && r[5] === 'error'),
    ).toBe(true);
    expect(bq.queries.filter((q) => q.project === 'bundle-test-proj')).toHaveLength(6);

    // Settings name the Looker tables: the refresh also writes them, from the same rows.
    bundle.control.setSheetValues('Settings', [
      ['setting', 'value'],
      ['data_source', 'bigquery'],
      ['bigquery_project', 'bundle-test-proj'],
      ['bigquery_dataset', 'kam'],
      ['bigquery_summary_table', 'kam_summary'],
      ['bigquery_history_table', 'kam_history'],
    ]);
    bundle.call('kamRefreshScores');
    const summary = bq.tables.get('bundle-test-proj.kam.kam_summary');
    const history = bq.tables.get('bundle-test-proj.kam.kam_history');
    expect(summary?.rows.map((r) => [r.snapshot_date, r.account_id, r.revenue_12m])).toEqual(
      fromSheet.slice(1).map((r) => ['2026-05-15', r[1], r[10]]),
    );
    expect(history?.timePartitioning).toEqual({ type: 'DAY', field: 'snapshot_date' });
    expect(history?.rows).toEqual(summary?.rows);
    expect(bundle.control.sheetValues('Data Issues').some((r) => r[0] === 'BigQuery')).toBe(false);

    // Interactions from a BigQuery table, in place of the Interactions sheet.
    const dir = mkdtempSync(join(tmpdir(), 'kam-bundle-bq-'));
    try {
      const csv = join(dir, 'interactions.csv');
      writeFileSync(csv, `${INTERACTION_KEYS.join(',')}\n2026-05-10,A2,Visit,,Site visit,,5,,\n`);
      bq.loadTable('bundle-test-proj.kam.crm', csv);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    bundle.control.setSheetValues('Settings', [
      ['setting', 'value'],
      ['data_source', 'bigquery'],
      ['bigquery_project', 'bundle-test-proj'],
      ['bigquery_dataset', 'kam'],
      ['bigquery_interactions_table', 'crm'],
    ]);
    bundle.call('kamRefreshScores');
    const header = bundle.control.sheetValues('Summary')[0];
    const a2 = bundle.control.sheetValues('Summary').find((r) => r[1] === 'A2') ?? [];
    expect(a2[header.indexOf('avg_satisfaction')]).toBe(5);
    expect(a2[header.indexOf('days_since_activity')]).toBe(5);
  });
});
