import { sheetDef } from '../schema/sheets';
import type { DialectName } from './dialect';

/** The column keys of an interactions table (docs/workbook.md), as the Interactions sheet has them. */
export const INTERACTION_KEYS: readonly string[] = sheetDef('interactions').columns.map(
  (c) => c.key,
);

/** The relation DuckDB registers for an interactions table (the fake BigQuery). */
export const DUCKDB_INTERACTIONS = 'kam_interactions';

/**
 * The interactions of a table, every column as text, for the same parsing as the Interactions
 * sheet (core/parse/workbook.ts: one home for what a valid interaction is). Interactions are
 * typed by people, so a table of them is the size of a sheet, not of an ERP export: the rows come
 * back whole, in a fixed order (date, then account) so "the latest interactions" are the same
 * on every run. `relation` is a checked, quoted table name (dialect.ts `bigQueryTable`) or
 * DuckDB's registered relation; the query has no value in it and takes no parameter.
 */
export function interactionsQuery(dialect: DialectName, relation: string): string {
  const text = dialect === 'bigquery' ? 'STRING' : 'VARCHAR';
  const columns = INTERACTION_KEYS.map((k) => `CAST(${k} AS ${text}) AS ${k}`).join(', ');
  return `SELECT ${columns} FROM ${relation} ORDER BY date, account_id`;
}
