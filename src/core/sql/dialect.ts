/**
 * The two SQL dialects the transaction rules are rendered for (core/sql/transactions.ts): DuckDB
 * (`kam refresh --transactions`, and the Apps Script fake's BigQuery) and BigQuery Standard SQL
 * (the Apps Script host's BigQuery source). Only what differs between them lives here; every
 * value a user typed reaches the SQL as a query parameter, never as text (parameters are named
 * below by fixed identifiers only).
 */
export type DialectName = 'duckdb' | 'bigquery';

export interface Dialect {
  readonly name: DialectName;
  /** A named query parameter. */
  param(name: string): string;
  /** A value as DATE, or NULL when it is not one. */
  tryDate(expr: string): string;
  /** A value as a double, or NULL when it is not a number. */
  tryNumber(expr: string): string;
  /** A value as text. */
  text(expr: string): string;
  /** Days from b to a (a − b), as an integer. */
  daysBetween(a: string, b: string): string;
  /** Days since 1970-01-01: the engine's `Day`. */
  dayNumber(expr: string): string;
  /** True when a double is neither infinite nor NaN. */
  finite(expr: string): string;
  /** The transactions' source, given the relation the caller names. */
  readonly transactions: string;
  /** The accounts table (`account_id`, `idx`, `period_first`) and the rates (`currency`, `rate`). */
  readonly accounts: string;
  readonly rates: string;
  /** The source row number (1 = header, as a sheet or file shows it), or NULL where rows have none. */
  readonly rowNumber: string;
}

/** Identifiers of the relations DuckDB registers before it runs the queries. */
export const DUCKDB_RELATIONS = {
  transactions: 'kam_transactions',
  accounts: 'kam_accounts',
  rates: 'kam_rates',
} as const;

export const DUCKDB: Dialect = {
  name: 'duckdb',
  param: (name) => `$${name}`,
  tryDate: (e) => `TRY_CAST(${e} AS DATE)`,
  tryNumber: (e) => `TRY_CAST(${e} AS DOUBLE)`,
  text: (e) => `CAST(${e} AS VARCHAR)`,
  daysBetween: (a, b) => `CAST((${a}) - (${b}) AS INTEGER)`,
  dayNumber: (e) => `CAST((${e}) - DATE '1970-01-01' AS INTEGER)`,
  finite: (e) => `isfinite(${e})`,
  transactions: DUCKDB_RELATIONS.transactions,
  accounts: DUCKDB_RELATIONS.accounts,
  rates: DUCKDB_RELATIONS.rates,
  // The table keeps the file's row order: rowid 0 is the file's second line.
  rowNumber: 'CAST(rowid AS INTEGER) + 2',
};

/** A BigQuery project ID, and a dataset or table name, as BigQuery allows them: never SQL. */
export const BIGQUERY_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
export const BIGQUERY_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,1023}$/;
const PROJECT = BIGQUERY_PROJECT;
const NAME = BIGQUERY_NAME;

export class TableNameError extends Error {
  constructor(
    readonly setting: string,
    readonly value: string,
  ) {
    super(`Setting ${setting}: "${value}" is not a BigQuery name.`);
  }
}

/**
 * BigQuery: the table name comes from Settings and cannot be a query parameter, so it is checked
 * against BigQuery's own naming rules (letters, digits, `_`, and `-` in project IDs) and quoted;
 * anything else is refused before a query is written.
 */
export function bigQueryDialect(project: string, dataset: string, table: string): Dialect {
  const transactions = bigQueryTable(project, dataset, table, 'bigquery_transactions_table');
  return {
    name: 'bigquery',
    param: (name) => `@${name}`,
    tryDate: (e) => `SAFE_CAST(${e} AS DATE)`,
    tryNumber: (e) => `SAFE_CAST(${e} AS FLOAT64)`,
    text: (e) => `CAST(${e} AS STRING)`,
    daysBetween: (a, b) => `DATE_DIFF(${a}, ${b}, DAY)`,
    dayNumber: (e) => `UNIX_DATE(${e})`,
    finite: (e) => `NOT IS_INF(${e}) AND NOT IS_NAN(${e})`,
    transactions,
    accounts: 'UNNEST(@accounts)',
    rates: 'UNNEST(@rates)',
    rowNumber: 'CAST(NULL AS INT64)',
  };
}

/**
 * A BigQuery table Settings name, checked (BigQuery's naming rules) and quoted for a FROM clause;
 * `setting` names the setting in the error.
 */
export function bigQueryTable(
  project: string,
  dataset: string,
  table: string,
  setting: string,
): string {
  if (!PROJECT.test(project)) throw new TableNameError('bigquery_project', project);
  if (!NAME.test(dataset)) throw new TableNameError('bigquery_dataset', dataset);
  if (!NAME.test(table)) throw new TableNameError(setting, table);
  return `\`${project}.${dataset}.${table}\``;
}
