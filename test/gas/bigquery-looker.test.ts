/**
 * The Looker tables in BigQuery (docs/outgrow.md): Settings name a summary table and a history
 * table; the refresh rewrites the summary and replaces today's partition of the history, typed,
 * from the same rows as the Summary sheet. Tables of the same name that are not the script's are
 * never touched, and every problem is a data issue, not a failed refresh.
 */
import { dayFromYmd } from '../../src/core/calendar/day';
import { issueText } from '../../src/core/issues/issue';
import { SUMMARY_COLUMNS } from '../../src/core/schema/sheets';
import { DEFAULT_SETTINGS } from '../../src/core/settings/model';
import { handleRefresh } from '../../src/gas/handlers';
import { BigQueryLookerWarehouse } from '../../src/gas/looker-bigquery';
import { LOOKER_TABLE_SCHEMA, workbookLabel } from '../../src/core/sql/looker-tables';
import { createFakeBigQuery, type FakeBigQueryControl } from '../fakes/bigquery';
import type { Gas } from '../fakes/index';
import { fixSystemTime } from '../support/clock';
import { installGas, runTime, seedMessy } from './seed';

const PROJECT = 'acme-erp-prod';
const SUMMARY = `${PROJECT}.kam.kam_summary`;
const HISTORY = `${PROJECT}.kam.kam_history`;

fixSystemTime(() => runTime(2026, 11, 20));

/** The messy workbook, with Settings naming the BigQuery tables (and more rows, if given). */
function seed(gas: Gas, extra: [string, string][] = []): void {
  seedMessy(gas);
  const settings = gas.control.sheetValues('Settings');
  const named = new Map<string, string>([
    ['bigquery_project', PROJECT],
    ['bigquery_dataset', 'kam'],
    ['bigquery_summary_table', 'kam_summary'],
    ['bigquery_history_table', 'kam_history'],
    ...extra,
  ]);
  gas.control.setSheetValues('Settings', [
    settings[0],
    ...[...named].map(([k, v]) => [k, v, '']),
    ...settings.slice(1),
  ]);
}

/** A Summary sheet value as BigQuery holds it: dates as YYYY-MM-DD (Shanghai), blanks as null. */
function typed(v: unknown): unknown {
  if (v instanceof Date) return new Date(v.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return v === '' ? null : v;
}

const summarySheet = (gas: Gas): Record<string, unknown>[] => {
  const [header, ...body] = gas.control.sheetValues('Summary');
  return body.map((r) => Object.fromEntries(header.map((k, i) => [String(k), typed(r[i])])));
};

/** This workbook's label value (the fake spreadsheet's ID, as a label). */
const mine = (): string => workbookLabel(SpreadsheetApp.getActive().getId());

const bigQueryIssues = (gas: Gas): unknown[][] =>
  gas.control.sheetValues('Data Issues').filter((r) => r[0] === 'BigQuery');

describe('Looker tables in BigQuery', () => {
  let bq: FakeBigQueryControl;
  let service: GoogleAppsScript.BigQuery;
  beforeAll(() => {
    ({ service, control: bq } = createFakeBigQuery());
  });
  beforeEach(() => {
    bq.tables.clear();
    (globalThis as { BigQuery?: unknown }).BigQuery = service;
  });
  afterAll(async () => {
    await bq.close();
    delete (globalThis as { BigQuery?: unknown }).BigQuery;
  });

  it('writes the summary and today’s history partition, typed, equal to the Summary sheet', () => {
    const gas = installGas();
    seed(gas);
    const before = { ...bq.calls };
    handleRefresh(true);
    const calls = Object.fromEntries(
      Object.entries(bq.calls).map(([k, v]) => [k, v - before[k as keyof typeof before]]),
    );
    // Two lookups, two tables made (history partitioned), two load jobs, each polled once.
    expect(calls).toEqual({
      query: 0,
      getQueryResults: 0,
      tablesGet: 2,
      tablesInsert: 2,
      insert: 2,
      get: 2,
    });
    const want = summarySheet(gas);
    expect(want.length).toBeGreaterThan(2);
    const summary = bq.tables.get(SUMMARY);
    expect(summary?.rows).toEqual(want);
    // The labels that say whose the tables are: which Looker table, which workbook.
    const workbook = mine();
    expect(summary?.labels).toEqual({ 'kam-sheets': 'summary', 'kam-workbook': workbook });
    expect(bq.tables.get(HISTORY)?.labels).toEqual({
      'kam-sheets': 'history',
      'kam-workbook': workbook,
    });
    expect(summary?.fields.map((f) => [f.name, f.type])).toEqual(
      LOOKER_TABLE_SCHEMA.map((f) => [f.name, f.type]),
    );
    // Text that Sheets would take for a formula reaches BigQuery as typed.
    expect(summary?.rows.map((r) => r.account_name)).toContain('=HYPERLINK("http://evil")');
    expect(typeof summary?.rows[0].revenue_12m).toBe('number');
    expect(typeof summary?.rows[0].is_stale).toBe('boolean');

    const history = bq.tables.get(HISTORY);
    // Partitioned by day on snapshot_date; no expiration: BigQuery keeps every day.
    expect(history?.timePartitioning).toEqual({ type: 'DAY', field: 'snapshot_date' });
    expect(history?.rows).toEqual(want);
    expect(bq.loads.at(-1)?.table).toBe(`${HISTORY}$20261120`);
    expect(bigQueryIssues(gas)).toEqual([]);

    // Again the same day: the day's partition is replaced, not doubled; the table is not re-made.
    const again = { ...bq.calls };
    handleRefresh(true);
    expect(bq.calls.tablesInsert - again.tablesInsert).toBe(0);
    expect(bq.tables.get(HISTORY)?.rows).toHaveLength(want.length);

    // The next day: summary holds that day only, history both days.
    jest.setSystemTime(runTime(2026, 11, 21));
    handleRefresh(true);
    const next = summarySheet(gas);
    expect(bq.tables.get(SUMMARY)?.rows).toEqual(next);
    const days = bq.tables.get(HISTORY)?.rows.map((r) => r.snapshot_date);
    expect(new Set(days)).toEqual(new Set(['2026-11-20', '2026-11-21']));
    expect(days).toHaveLength(want.length + next.length);
  });

  it('leaves a table it did not make alone, however alike, and says so', () => {
    const notOurs = (table: string, setting: string, key: string): string =>
      `BigQuery table ${table} already exists and was not made by this workbook's refresh for its ${key} (the tables it makes carry the labels kam-sheets and kam-workbook), so it was left as it is and the ${key} was not written there. Name another table in ${setting}; the refresh creates it.`;
    // A team's own snapshot table with our first columns, and the ERP transactions table.
    const own = {
      fields: [
        { name: 'snapshot_date', type: 'DATE', mode: 'NULLABLE' },
        { name: 'account_id', type: 'STRING', mode: 'NULLABLE' },
        { name: 'quota', type: 'FLOAT64', mode: 'NULLABLE' },
      ],
      rows: [{ snapshot_date: '2026-01-01', account_id: 'A1', quota: 5 }],
    };
    bq.tables.set(SUMMARY, structuredClone(own));
    const erp = {
      fields: [
        { name: 'date', type: 'DATE', mode: 'NULLABLE' },
        { name: 'account_id', type: 'STRING', mode: 'NULLABLE' },
      ],
      rows: [{ date: '2026-01-01', account_id: 'A1' }],
    };
    bq.tables.set(`${PROJECT}.kam.transactions`, structuredClone(erp));
    let gas = installGas();
    seed(gas, [['bigquery_history_table', 'transactions']]);
    handleRefresh(true);
    expect(bq.tables.get(SUMMARY)).toEqual(own);
    expect(bq.tables.get(`${PROJECT}.kam.transactions`)).toEqual(erp);
    const rows = bigQueryIssues(gas);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['BigQuery', '', 'bigquery_summary_table', SUMMARY],
      ['BigQuery', '', 'bigquery_history_table', `${PROJECT}.kam.transactions`],
    ]);
    expect(rows.map((r) => [r[4], r[5]])).toEqual([
      [notOurs(SUMMARY, 'bigquery_summary_table', 'summary'), 'error'],
      [notOurs(`${PROJECT}.kam.transactions`, 'bigquery_history_table', 'history'), 'error'],
    ]);
    // The refresh itself is done: the sheets are written.
    expect(gas.control.toasts.at(-1)?.msg).toMatch(/^Refreshed/);

    // This workbook's history named as its summary later: the history keeps every day.
    bq.tables.clear();
    gas = installGas();
    seed(gas, [['bigquery_summary_table', '']]);
    handleRefresh(true);
    jest.setSystemTime(runTime(2026, 11, 21));
    handleRefresh(true);
    const history = structuredClone(bq.tables.get(HISTORY));
    expect(new Set(history?.rows.map((r) => r.snapshot_date)).size).toBe(2);
    seed(gas, [
      ['bigquery_summary_table', 'kam_history'],
      ['bigquery_history_table', 'kam_history2'],
    ]);
    handleRefresh(true);
    expect(bq.tables.get(HISTORY)).toEqual(history);
    expect(bigQueryIssues(gas).map((r) => r[4])).toContain(
      notOurs(HISTORY, 'bigquery_summary_table', 'summary'),
    );

    // Another workbook's history in a shared dataset: not this one's either.
    const other = installGas();
    seed(other, [['bigquery_summary_table', '']]);
    (other.globals.SpreadsheetApp.getActive() as unknown as { _id: string })._id = 'another-book';
    handleRefresh(true);
    expect(bq.tables.get(HISTORY)).toEqual(history);
    expect(bigQueryIssues(other).map((r) => r[4])).toEqual([
      notOurs(HISTORY, 'bigquery_history_table', 'history'),
    ]);
  });

  it('a control character pasted into a name is kept, not a failed load', () => {
    const gas = installGas();
    seed(gas);
    const accounts = gas.control.sheetValues('Accounts');
    accounts[2][0] = 'Beta\u000bLtd\u0007';
    gas.control.setSheetValues('Accounts', accounts);
    handleRefresh(true);
    expect(bigQueryIssues(gas)).toEqual([]);
    expect(bq.tables.get(SUMMARY)?.rows.map((r) => r.account_name)).toContain(
      'Beta\u000bLtd\u0007',
    );
  });

  it('a history table that is not partitioned by day on snapshot_date is left as it was', () => {
    const gas = installGas();
    seed(gas);
    const flat = {
      fields: LOOKER_TABLE_SCHEMA.map((f) => ({ ...f })),
      labels: { 'kam-sheets': 'history', 'kam-workbook': mine() },
      rows: [{ snapshot_date: '2026-01-01', account_id: 'old' }],
    };
    bq.tables.set(HISTORY, structuredClone(flat));
    handleRefresh(true);
    expect(bq.tables.get(HISTORY)).toEqual(flat);
    expect(bigQueryIssues(gas).map((r) => r[4])).toEqual([
      `BigQuery table ${HISTORY} is not partitioned by day on snapshot_date, so today's snapshot was not written there (the other days are as they were). Name a new table in bigquery_history_table; the refresh creates it partitioned.`,
    ]);
  });

  it('history and summary in one table: the summary is written, the history is not, and says why', () => {
    const gas = installGas();
    seed(gas, [['bigquery_history_table', 'kam_summary']]);
    handleRefresh(true);
    expect(bq.tables.get(SUMMARY)?.timePartitioning).toBeUndefined();
    expect(bq.tables.get(SUMMARY)?.rows).toEqual(summarySheet(gas));
    expect(bigQueryIssues(gas).map((r) => [r[2], r[4]])).toEqual([
      [
        'bigquery_history_table',
        `bigquery_history_table names the same table as bigquery_summary_table (${SUMMARY}): the summary is replaced whole by each refresh, so the history cannot live there and was not written. Name another table in bigquery_history_table.`,
      ],
    ]);
  });

  it('a refused load leaves the table as it was and is a data issue; the next refresh writes it', () => {
    const gas = installGas();
    seed(gas, [['bigquery_history_table', '']]);
    handleRefresh(true);
    const first = structuredClone(bq.tables.get(SUMMARY));
    jest.setSystemTime(runTime(2026, 11, 22));
    bq.failNextLoad = 'Access Denied: Table acme-erp-prod:kam.kam_summary: Permission denied';
    handleRefresh(true);
    expect(bq.tables.get(SUMMARY)).toEqual(first);
    expect(bigQueryIssues(gas).map((r) => [r[4], r[5]])).toEqual([
      [
        `BigQuery did not write ${SUMMARY}: Access Denied: Table acme-erp-prod:kam.kam_summary: Permission denied. The table is as it was; the next refresh tries again.`,
        'error',
      ],
    ]);
    handleRefresh(true);
    expect(bq.tables.get(SUMMARY)?.rows[0].snapshot_date).toBe('2026-11-22');
    expect(bigQueryIssues(gas)).toEqual([]);
  });

  it('a load still running when the wait ends is a warning naming the job; polling is bounded', () => {
    const gas = installGas();
    seed(gas, [['bigquery_summary_table', '']]);
    bq.runningPolls = 10_000;
    const before = bq.calls.get;
    try {
      handleRefresh(true);
    } finally {
      bq.runningPolls = 0;
    }
    // At most two minutes of one-second polls.
    expect(bq.calls.get - before).toBe(120);
    const rows = bigQueryIssues(gas);
    expect(rows.map((r) => r[5])).toEqual(['warning']);
    expect(rows[0][4]).toMatch(
      new RegExp(
        `^BigQuery had not finished writing ${HISTORY.replace(/\./g, '\\.')} when the refresh ended \\(job load_\\d+\\)`,
      ),
    );
  });

  it('without the service, or without a project, the tables are a data issue and the refresh is done', () => {
    delete (globalThis as { BigQuery?: unknown }).BigQuery;
    let gas = installGas();
    seed(gas);
    handleRefresh(true);
    expect(gas.control.toasts.at(-1)?.msg).toMatch(/^Refreshed/);
    expect(bigQueryIssues(gas).map((r) => r[4])).toEqual([
      `Settings name the BigQuery table ${SUMMARY} (bigquery_summary_table) for Looker Studio, but this script was deployed without the BigQuery service, so it was not written. Deploy with \`npm run deploy -- --with-bigquery\` (docs/outgrow.md), or clear bigquery_summary_table.`,
      `Settings name the BigQuery table ${HISTORY} (bigquery_history_table) for Looker Studio, but this script was deployed without the BigQuery service, so it was not written. Deploy with \`npm run deploy -- --with-bigquery\` (docs/outgrow.md), or clear bigquery_history_table.`,
    ]);

    (globalThis as { BigQuery?: unknown }).BigQuery = service;
    gas = installGas();
    seed(gas, [['bigquery_project', '']]);
    const before = { ...bq.calls };
    handleRefresh(true);
    expect(bq.calls).toEqual(before);
    expect(bigQueryIssues(gas).map((r) => r[4])[0]).toContain('fill in bigquery_project');
  });

  it('a summary larger than one load request carries is not sent, and says so', () => {
    const before = { ...bq.calls };
    const settings = {
      ...DEFAULT_SETTINGS,
      bigQuery: {
        ...DEFAULT_SETTINGS.bigQuery,
        project: PROJECT,
        dataset: 'kam',
        summaryTable: 'kam_summary',
      },
    };
    const rows = [SUMMARY_COLUMNS.map((c) => (c.key === 'account_id' ? 'A'.repeat(200) : null))];
    const out = new BigQueryLookerWarehouse({
      service,
      sleep: () => undefined,
      maxBytes: 100,
      workbookId: () => 'book',
    }).write({
      rows,
      today: dayFromYmd(2026, 11, 20),
      settings,
      locale: 'zh-CN',
      remainingMs: 300_000,
    });
    expect(out.written).toEqual([]);
    expect(out.issues.map((i) => issueText(i, 'zh-CN'))).toEqual([
      `今天的摘要有 0.0 MB，超过 Apps Script 单次 BigQuery 加载能携带的大小（0.0 MB），因此未写入 ${SUMMARY}。请改用 \`bq load\` 加载摘要表（见 docs/outgrow.zh-CN.md）。`,
    ]);
    expect(bq.calls).toEqual(before);
  });

  it('without the table settings nothing is asked of BigQuery', () => {
    const gas = installGas();
    seed(gas, [
      ['bigquery_summary_table', ''],
      ['bigquery_history_table', ''],
    ]);
    const before = { ...bq.calls };
    handleRefresh(true);
    expect(bq.calls).toEqual(before);
    expect(bigQueryIssues(gas)).toEqual([]);
  });
});
