/**
 * Settings `bigquery_interactions_table`: the interactions come from a BigQuery table (the fake,
 * answered by DuckDB) instead of the Interactions sheet, parsed as the sheet is — the same
 * figures, the same problems found (named by table and value), and forms that would append to a
 * sheet nobody reads say where to add the interaction instead.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INTERACTION_KEYS, interactionsQuery } from '../../src/core/sql/interactions';
import { handleRefresh } from '../../src/gas/handlers';
import { addAction, logInteraction, sidebarData } from '../../src/gas/sidebar';
import { createFakeBigQuery, type FakeBigQueryControl } from '../fakes/bigquery';
import type { Gas } from '../fakes/index';
import { fixSystemTime } from '../support/clock';
import { installGas, runTime, shanghaiDate } from './seed';

fixSystemTime(() => runTime(2026, 11, 20));

const PROJECT = 'acme-crm-prod';
const TABLE = `${PROJECT}.kam.interactions`;

/** Interactions as a CRM export holds them: the column keys, ISO dates, text as typed. */
const ROWS: (string | number | null)[][] = [
  // date, account_id, type, owner_email, summary, next_step, satisfaction, complaint, complaint_status
  ['2026-11-01', 'A1', 'Visit', 'li@example.com', 'Quarterly review', 'Send quote', 4, null, null],
  ['2026-10-15', 'A1', 'Call', 'li@example.com', 'Price, again', '', 2, 'yes', 'Open'],
  ['2026-06-02', 'A2', 'Email', 'wang@example.com', '=cmd|calc', null, 5, null, null],
  ['2025-09-30', 'A2', 'Visit', null, 'Old visit', null, 3, 'yes', 'Closed'],
  ['2026-11-19', 'A3', 'Meeting', null, 'Kick-off', null, null, null, null],
  ['2026-12-25', 'A1', 'Visit', null, 'Planned (future)', null, null, null, null],
  ['2026-11-02', 'ZZ9', 'Call', null, 'Unknown account', null, 4, null, null],
  ['not a date', 'A2', 'Call', null, 'Bad date', null, 4, null, null],
  ['yesterday', 'A3', 'Call', null, 'Another bad date', null, 2, null, null],
  ['2026-11-03', 'A3', 'Call', null, 'Score out of range', null, 9, null, null],
];

function seed(gas: Gas, where: 'sheet' | 'bigquery'): void {
  gas.control.setSheetValues('Accounts', [
    ['Account ID', 'Account Name', 'Owner Email', 'Industry'],
    ['A1', 'Alpha', 'li@example.com', 'Machinery'],
    ['A2', 'Beta', 'wang@example.com', 'Retail'],
    ['A3', 'Gamma', 'li@example.com', 'Retail'],
  ]);
  gas.control.setSheetValues('Transactions', [
    ['Date', 'Account ID', 'Amount'],
    [shanghaiDate(2026, 10, 1), 'A1', 1200],
    [shanghaiDate(2026, 3, 1), 'A2', 300],
    [shanghaiDate(2025, 12, 1), 'A3', 50],
  ]);
  gas.control.setSheetValues('Settings', [
    ['setting', 'value'],
    ['bigquery_project', PROJECT],
    ['bigquery_dataset', 'kam'],
    ['bigquery_interactions_table', where === 'bigquery' ? 'interactions' : ''],
  ]);
  if (where === 'sheet')
    gas.control.setSheetValues('Interactions', [
      [
        'Date',
        'Account ID',
        'Type',
        'Recorded By',
        'Summary',
        'Next Step',
        'Satisfaction',
        'Complaint',
        'Complaint Status',
      ],
      ...ROWS.map((r) =>
        r.map((v, i) => {
          if (i !== 0 || typeof v !== 'string' || !/^\d{4}-/.test(v)) return v ?? '';
          const [y, m, d] = v.split('-').map(Number);
          return shanghaiDate(y, m, d);
        }),
      ),
    ]);
}

const issuesOf = (gas: Gas, sheet: string): unknown[][] =>
  gas.control.sheetValues('Data Issues').filter((r) => r[0] === sheet);

describe('interactions from BigQuery', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kam-bq-int-'));
  let bq: FakeBigQueryControl;
  let service: GoogleAppsScript.BigQuery;
  beforeAll(() => {
    ({ service, control: bq } = createFakeBigQuery());
    const csv = join(dir, 'interactions.csv');
    const field = (v: string | number | null): string =>
      v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);
    writeFileSync(
      csv,
      `${[INTERACTION_KEYS.join(','), ...ROWS.map((r) => r.map(field).join(','))].join('\n')}\n`,
    );
    bq.loadTable(TABLE, csv);
  });
  beforeEach(() => {
    (globalThis as { BigQuery?: unknown }).BigQuery = service;
  });
  afterAll(async () => {
    await bq.close();
    rmSync(dir, { recursive: true, force: true });
    delete (globalThis as { BigQuery?: unknown }).BigQuery;
  });

  it('a refresh reads them from the table: the same Summary and the same problems as from the sheet', () => {
    const sheet = installGas();
    seed(sheet, 'sheet');
    handleRefresh(true);
    const want = sheet.control.sheetValues('Summary');
    const sheetIssues = issuesOf(sheet, 'Interactions');

    const gas = installGas();
    seed(gas, 'bigquery');
    const before = bq.calls.query;
    handleRefresh(true);
    expect(bq.calls.query - before).toBe(1);
    expect(bq.queries.at(-1)?.sql).toBe(interactionsQuery('bigquery', `\`${TABLE}\``));
    expect(bq.queries.at(-1)?.parameters).toEqual([]);
    expect(gas.control.sheetValues('Summary')).toEqual(want);
    // Each problem found in the sheet is found in the table, named by table and value, no row.
    const tableIssues = issuesOf(gas, TABLE);
    expect(sheetIssues.length).toBeGreaterThanOrEqual(3);
    const key = (r: unknown[]): string => JSON.stringify(r);
    expect(tableIssues.map((r) => [r[1], r[2], r[3], r[4], r[5]]).sort()).toEqual(
      sheetIssues.map((r) => ['', r[2], r[3], String(r[4]).replace(/^Row \d+: /, ''), r[5]]).sort(),
    );
    expect(tableIssues.map(key)).not.toEqual([]);
    // No "Interactions sheet missing": the table takes its place.
    expect(issuesOf(gas, 'interactions')).toEqual([]);
  });

  it('Account 360 lists them; the forms that would write an interaction say where to add it', () => {
    const gas = installGas();
    seed(gas, 'bigquery');
    const view = sidebarData('A1');
    expect(view.ok).toBe(true);
    expect(view.view?.account?.interactions.map((i) => i.summary)).toEqual(
      expect.arrayContaining(['Quarterly review', 'Price, again']),
    );
    const reply = logInteraction({ account_id: 'A1', date: '2026-11-20', type: 'Visit' });
    expect(reply.ok).toBe(false);
    expect(reply.message).toBe(
      `Interactions are read from the BigQuery table ${TABLE} (Settings bigquery_interactions_table), so one logged here would not be seen. Add it to that table, or clear the setting to use the Interactions sheet.`,
    );
    expect(gas.globals.SpreadsheetApp.getActive().getSheetByName('Interactions')).toBeNull();
    // An action still goes to the Action Plan sheet, and the view keeps the table's interactions.
    gas.control.setSheetValues('Action Plan', [['Task', 'Account ID', 'Due Date', 'Status']]);
    const added = addAction({ account_id: 'A1', task: 'Call back', due_date: '2026-11-30' });
    expect(added.message).toBe('Action added on row 2.');
    expect(added.view?.account?.interactions).toEqual(view.view?.account?.interactions);
  });

  it('says what to do when the service is off, the project is blank, or BigQuery refuses', () => {
    delete (globalThis as { BigQuery?: unknown }).BigQuery;
    let gas = installGas();
    seed(gas, 'bigquery');
    handleRefresh(true);
    expect(gas.control.alerts.at(-1)?.prompt ?? gas.control.toasts.at(-1)?.msg).toContain(
      'Settings name bigquery_interactions_table, but this script was deployed without the BigQuery service',
    );

    (globalThis as { BigQuery?: unknown }).BigQuery = service;
    gas = installGas();
    seed(gas, 'bigquery');
    gas.control.setSheetValues('Settings', [
      ['setting', 'value'],
      ['bigquery_dataset', 'kam'],
      ['bigquery_interactions_table', 'interactions'],
    ]);
    handleRefresh(true);
    expect(gas.control.alerts.at(-1)?.prompt ?? gas.control.toasts.at(-1)?.msg).toBe(
      'Settings name bigquery_interactions_table: fill in bigquery_project (docs/outgrow.md), or clear bigquery_interactions_table to read the Interactions sheet.',
    );

    gas = installGas();
    seed(gas, 'bigquery');
    bq.failNext = 'Access Denied: Table acme-crm-prod:kam.interactions';
    handleRefresh(true);
    expect(gas.control.alerts.at(-1)?.prompt ?? gas.control.toasts.at(-1)?.msg).toContain(
      `BigQuery refused the query on ${TABLE}: Access Denied`,
    );
    // Nothing was written: the refresh stopped before its writes.
    expect(gas.globals.SpreadsheetApp.getActive().getSheetByName('Summary')).toBeNull();

    // A table without a column the sheet has, or with a TIMESTAMP date: said, nothing written.
    const table = bq.tables.get(TABLE);
    const fields = structuredClone(table?.fields ?? []);
    try {
      (table as { fields: unknown[] }).fields = fields.filter((f) => f.name !== 'next_step');
      gas = installGas();
      seed(gas, 'bigquery');
      handleRefresh(true);
      expect(gas.control.alerts.at(-1)?.prompt ?? gas.control.toasts.at(-1)?.msg).toBe(
        `BigQuery table ${TABLE} has no column next_step, which the interactions table needs (docs/outgrow.md): add it (it may stay empty), or clear bigquery_interactions_table.`,
      );
      (table as { fields: unknown[] }).fields = fields.map((f) =>
        f.name === 'date' ? { ...f, type: 'TIMESTAMP' } : f,
      );
      gas = installGas();
      seed(gas, 'bigquery');
      handleRefresh(true);
      expect(gas.control.alerts.at(-1)?.prompt ?? gas.control.toasts.at(-1)?.msg).toContain(
        `BigQuery table ${TABLE}: its date column is a TIMESTAMP; interactions need a DATE`,
      );
      expect(gas.globals.SpreadsheetApp.getActive().getSheetByName('Summary')).toBeNull();
    } finally {
      (table as { fields: unknown[] }).fields = fields;
    }
  });
});
