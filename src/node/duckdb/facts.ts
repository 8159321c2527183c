import { extname } from 'node:path';
import {
  DATE,
  DuckDBInstance,
  VARCHAR,
  dateValue,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Day } from '../../core/calendar/day';
import type { TransactionFacts } from '../../core/engine/facts';
import type { DataIssue } from '../../core/issues/issue';
import type { KamModel } from '../../core/model/records';
import { DUCKDB, DUCKDB_RELATIONS } from '../../core/sql/dialect';
import {
  factsFromResults,
  sqlInputs,
  type Columns,
  type QueryResults,
  type SqlInputs,
} from '../../core/sql/results';
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

async function loadInputs(c: DuckDBConnection, inputs: SqlInputs): Promise<void> {
  await c.run(
    `CREATE TABLE ${DUCKDB_RELATIONS.accounts} (account_id VARCHAR, idx INTEGER, period_first DATE)`,
  );
  const a = await c.createAppender(DUCKDB_RELATIONS.accounts);
  for (const x of inputs.accounts) {
    a.appendVarchar(x.account_id);
    a.appendInteger(x.idx);
    if (x.period_first === null) a.appendNull();
    else a.appendDate(dateValue(x.period_first));
    a.endRow();
  }
  a.closeSync();
  await c.run(`CREATE TABLE ${DUCKDB_RELATIONS.rates} (currency VARCHAR, rate DOUBLE)`);
  const r = await c.createAppender(DUCKDB_RELATIONS.rates);
  for (const x of inputs.rates) {
    r.appendVarchar(x.currency);
    r.appendDouble(x.rate);
    r.endRow();
  }
  r.closeSync();
}

/**
 * Runs the six queries of the definition (DuckDB rendering) on a connection that holds
 * `kam_transactions`, binding only the parameters each text names; results by column.
 */
export async function runQueries(c: DuckDBConnection, inputs: SqlInputs): Promise<QueryResults> {
  await loadInputs(c, inputs);
  const { params } = inputs;
  const values: Record<string, DuckDBValue> = {
    today: dateValue(params.today),
    win_start: dateValue(params.win_start),
    prev_start: dateValue(params.prev_start),
    prev_end: dateValue(params.prev_end),
    last90_start: dateValue(params.last90_start),
    prev90_start: dateValue(params.prev90_start),
    home: params.home,
  };
  const read = async (sql: string): Promise<Columns> => {
    const used = Object.keys(values).filter((k) => sql.includes(`$${k}`));
    const bound = Object.fromEntries(used.map((k) => [k, values[k]]));
    const types = Object.fromEntries(used.map((k) => [k, k === 'home' ? VARCHAR : DATE]));
    return (await c.runAndReadAll(sql, bound, types)).getColumnsObject();
  };
  const q = transactionQueries(DUCKDB);
  return {
    issues: await read(q.issues),
    accounts: await read(q.accounts),
    positiveDays: await read(q.positiveDays),
    products: await read(q.products),
    months: await read(q.months),
    productMonths: await read(q.productMonths),
  };
}

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
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const c = await instance.connect();
  try {
    const rows = await loadTransactions(c, path);
    const results = await runQueries(c, sqlInputs(model, today));
    return { rows, ...factsFromResults(model.accounts.length, results, sheetName) };
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
