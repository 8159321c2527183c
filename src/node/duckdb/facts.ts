import { extname } from 'node:path';
import { DATE, DuckDBInstance, VARCHAR, dateValue, type DuckDBConnection } from '@duckdb/node-api';
import type { Day } from '../../core/calendar/day';
import { accountIndex, currentPlans } from '../../core/engine/compute';
import { NO_DAY, type TransactionFacts } from '../../core/engine/facts';
import type { DataIssue } from '../../core/issues/issue';
import type { KamModel } from '../../core/model/records';
import { roundSum } from '../../core/rules/amounts';
import type { ProductFigures } from '../../core/rules/products';
import { analysisWindow, previousWindow } from '../../core/rules/window';
import { DUCKDB, DUCKDB_RELATIONS } from '../../core/sql/dialect';
import { TRANSACTION_KEYS, transactionQueries } from '../../core/sql/transactions';
import { normalizeName } from '../../core/schema/normalize';

/** What `kam refresh --transactions` gets from DuckDB in place of a transactions sheet. */
export interface FileFacts {
  readonly facts: TransactionFacts;
  readonly issues: readonly DataIssue[];
  /** Data rows in the file. */
  readonly rows: number;
}

/** A file DuckDB cannot read as transactions: the message names the file and what is wrong. */
export class TransactionsFileError extends Error {}

const FORMATS: Readonly<Record<string, 'csv' | 'parquet'>> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/** A SQL string literal: the file path is the one piece of text that cannot be a parameter. */
const literal = (s: string): string => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;

function reader(path: string): string {
  const format = FORMATS[extname(path).toLowerCase()];
  if (format === undefined)
    throw new TransactionsFileError(
      `${path}: not a CSV or Parquet file (use .csv or .parquet as the extension)`,
    );
  // CSV: every column as text, so a value that is not a date or a number is reported, not guessed.
  return format === 'csv'
    ? `read_csv(${literal(path)}, header = true, all_varchar = true)`
    : `read_parquet(${literal(path)})`;
}

/**
 * Loads the file into DuckDB as `kam_transactions` with exactly the columns of
 * TRANSACTION_KEYS (a column the file lacks is NULL; headers match case- and space-insensitively),
 * in the file's row order (one thread: `rowid` is the row's place in the file).
 */
async function loadTransactions(c: DuckDBConnection, path: string): Promise<number> {
  const from = reader(path);
  let columns: string[];
  try {
    const described = await c.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
    columns = described.getRowObjects().map((r) => String(r.column_name));
  } catch (e) {
    throw new TransactionsFileError(`${path}: DuckDB cannot read it (${(e as Error).message})`);
  }
  const byKey = new Map(columns.map((name) => [normalizeName(name), name]));
  for (const required of ['date', 'account_id'])
    if (!byKey.has(normalizeName(required)))
      throw new TransactionsFileError(
        `${path}: no column "${required}" (the header row must use the column keys: ${TRANSACTION_KEYS.join(', ')})`,
      );
  const select = TRANSACTION_KEYS.map((key) => {
    const found = byKey.get(normalizeName(key));
    return found === undefined ? `NULL AS ${ident(key)}` : `${ident(found)} AS ${ident(key)}`;
  }).join(', ');
  await c.run(`CREATE TABLE ${DUCKDB_RELATIONS.transactions} AS SELECT ${select} FROM ${from}`);
  const count = await c.runAndReadAll(`SELECT COUNT(*) AS n FROM ${DUCKDB_RELATIONS.transactions}`);
  return Number(count.getRowObjects()[0].n);
}

async function loadAccounts(
  c: DuckDBConnection,
  model: KamModel,
  periodFirst: Int32Array,
  today: Day,
): Promise<void> {
  await c.run(
    `CREATE TABLE ${DUCKDB_RELATIONS.accounts} (account_id VARCHAR, idx INTEGER, period_first DATE)`,
  );
  const a = await c.createAppender(DUCKDB_RELATIONS.accounts);
  const index = accountIndex(model);
  for (const [id, i] of index) {
    a.appendVarchar(id);
    a.appendInteger(i);
    if (periodFirst[i] > today) a.appendNull();
    else a.appendDate(dateValue(periodFirst[i]));
    a.endRow();
  }
  a.closeSync();
  await c.run(`CREATE TABLE ${DUCKDB_RELATIONS.rates} (currency VARCHAR, rate DOUBLE)`);
  const r = await c.createAppender(DUCKDB_RELATIONS.rates);
  for (const [currency, rate] of model.settings.rates) {
    r.appendVarchar(currency);
    r.appendDouble(rate);
    r.endRow();
  }
  r.closeSync();
}

/** The template values of the issue texts the SQL checks raise (i18n catalogue `issue`). */
function issueParams(code: string, column: string, value: string): Record<string, string> {
  if (code === 'required_missing') return { name: column };
  if (code === 'unknown_account') return { id: value };
  if (code === 'unknown_currency') return { currency: value.toUpperCase() };
  return {};
}

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
const day = (v: unknown): number => (v === null || v === undefined ? NO_DAY : Number(v));
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The transaction facts (engine/facts.ts) of a CSV or Parquet file, summed by DuckDB with the
 * SQL definition of core/sql/transactions.ts, and the data issues of its rows (sheet = the file
 * name, row = the file's line). One thread, so every sum adds in file order, as the in-sheet path
 * does: the results are the same, not only close.
 */
export async function factsFromFile(
  path: string,
  sheetName: string,
  model: KamModel,
  today: Day,
): Promise<FileFacts> {
  const n = model.accounts.length;
  const index = accountIndex(model);
  const { periodFirst } = currentPlans(model, index, today);
  const months = model.settings.analysisWindowMonths;
  const win = analysisWindow(today, months);
  const prev = previousWindow(win, months);

  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await instance.connect();
  try {
    const rows = await loadTransactions(c, path);
    await loadAccounts(c, model, periodFirst, today);
    const q = transactionQueries(DUCKDB);
    const params = {
      today: dateValue(today),
      win_start: dateValue(win.start),
      prev_start: dateValue(prev.start),
      prev_end: dateValue(prev.end),
      last90_start: dateValue(today - 89),
      prev90_start: dateValue(today - 179),
      home: model.settings.homeCurrency,
    };
    const types = {
      today: DATE,
      win_start: DATE,
      prev_start: DATE,
      prev_end: DATE,
      last90_start: DATE,
      prev90_start: DATE,
      home: VARCHAR,
    };
    // Each query binds only the parameters its text names.
    const read = async (sql: string) => {
      const used = Object.keys(params).filter((k) => sql.includes(`$${k}`));
      const values = Object.fromEntries(used.map((k) => [k, params[k as keyof typeof params]]));
      const typed = Object.fromEntries(used.map((k) => [k, types[k as keyof typeof types]]));
      return c.runAndReadAll(sql, values, typed);
    };
    const run = async (sql: string) => (await read(sql)).getRowObjects();
    const columns = async (sql: string) => (await read(sql)).getColumnsObject();

    const revenue12m = new Float64Array(n);
    const revenuePrev12m = new Float64Array(n);
    const revenue90 = new Float64Array(n);
    const revenuePrev90 = new Float64Array(n);
    const periodRevenue = new Float64Array(n);
    const unpaid = new Float64Array(n);
    const orders12m = new Int32Array(n);
    const lastOrder = new Int32Array(n).fill(NO_DAY);
    const lastTransaction = new Int32Array(n).fill(NO_DAY);
    const maxOverdue = new Int32Array(n).fill(-1);
    for (const r of await run(q.accounts)) {
      const a = num(r.idx);
      revenue12m[a] = roundSum(num(r.revenue_12m));
      revenuePrev12m[a] = roundSum(num(r.revenue_prev_12m));
      revenue90[a] = roundSum(num(r.revenue_90));
      revenuePrev90[a] = roundSum(num(r.revenue_prev_90));
      periodRevenue[a] = roundSum(num(r.period_revenue));
      unpaid[a] = roundSum(num(r.unpaid));
      orders12m[a] = num(r.orders_12m);
      lastOrder[a] = day(r.last_order);
      lastTransaction[a] = day(r.last_transaction);
      maxOverdue[a] = num(r.max_overdue);
    }

    // Columns, not row objects: at 10 million transactions this is millions of rows.
    const days = await columns(q.positiveDays);
    const positiveStart = new Int32Array(n + 1);
    const positiveDates = Int32Array.from((days.day ?? []) as number[]);
    for (const a of (days.idx ?? []) as number[]) positiveStart[a + 1]++;
    for (let a = 0; a < n; a++) positiveStart[a + 1] += positiveStart[a];

    const products: ProductFigures[][] = Array.from({ length: n }, () => []);
    for (const r of await run(q.products)) {
      const last = day(r.last_order);
      products[num(r.idx)].push({
        product: String(r.product),
        revenue12m: roundSum(num(r.revenue_12m)),
        orders12m: num(r.orders_12m),
        lastOrderDate: last === NO_DAY ? null : last,
      });
    }
    for (const list of products)
      list.sort((x, y) => y.revenue12m - x.revenue12m || byName(x.product, y.product));

    const m = await columns(q.months);
    const monthCells = ((m.idx ?? []) as number[]).map((account, k) => ({
      month: num(m.month[k]),
      account,
      revenue: num(m.revenue[k]),
      orders: num(m.orders[k]),
    }));
    const productMonths = (await run(q.productMonths)).map((r) => ({
      product: String(r.product),
      month: num(r.month),
      revenue: num(r.revenue),
    }));

    const issues: DataIssue[] = (await run(q.issues)).map((r) => ({
      sheet: sheetName,
      row: r.src_row === null ? null : num(r.src_row),
      column: String(r.column_key),
      value: r.value === null ? '' : String(r.value),
      code: String(r.code) as DataIssue['code'],
      params: issueParams(String(r.code), String(r.column_key), String(r.value ?? '')),
      severity: r.severity === 'warning' ? 'warning' : 'error',
    }));

    return {
      rows,
      issues,
      facts: {
        revenue12m,
        revenuePrev12m,
        revenue90,
        revenuePrev90,
        periodRevenue,
        unpaid,
        orders12m,
        lastOrder,
        lastTransaction,
        maxOverdue,
        positiveStart,
        positiveDates,
        products,
        months: monthCells,
        productMonths,
      },
    };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
