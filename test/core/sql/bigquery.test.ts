/**
 * The BigQuery rendering of the SQL definition (core/sql/transactions.ts): every query parses in
 * a maintained parser that knows BigQuery's dialect (datafusion-sqlparser-rs, BigQueryDialect),
 * names only parameters for values, and no value a user typed can reach the SQL text.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import {
  bigQueryDialect,
  bigQueryTable,
  DUCKDB,
  TableNameError,
} from '../../../src/core/sql/dialect';
import { interactionsQuery } from '../../../src/core/sql/interactions';
import { TRANSACTION_PARAMS, transactionQueries } from '../../../src/core/sql/transactions';

/** What the BigQuery-dialect parser says of each text (test/support/bigquery-parse.mjs). */
function parsed(
  texts: readonly string[],
): { ok: boolean; statements: number; error: string | null }[] {
  const r = spawnSync(
    process.execPath,
    [join(__dirname, '..', '..', 'support', 'bigquery-parse.mjs')],
    {
      input: JSON.stringify(texts),
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`bigquery-parse failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

const BQ = bigQueryDialect('acme-erp-prod', 'kam', 'transactions');
const queries = Object.entries(transactionQueries(BQ));
const INTERACTIONS = interactionsQuery(
  'bigquery',
  bigQueryTable('acme-erp-prod', 'kam', 'crm_interactions', 'bigquery_interactions_table'),
);

describe('BigQuery rendering', () => {
  it('every query parses as one BigQuery Standard SQL statement', () => {
    const results = parsed(queries.map(([, sql]) => sql));
    expect(results.map((r, i) => [queries[i][0], r.error, r.statements])).toEqual(
      queries.map(([name]) => [name, null, 1]),
    );
  });

  it('the interactions query parses too, and names no parameter and no value', () => {
    expect(parsed([INTERACTIONS])).toEqual([{ ok: true, statements: 1, error: null }]);
    expect(INTERACTIONS).not.toMatch(/@|'|\$|VARCHAR/);
    expect(INTERACTIONS).toContain('FROM `acme-erp-prod.kam.crm_interactions` ORDER BY');
  });

  it('the parser is not lenient: broken BigQuery is refused', () => {
    const [bad, duck] = parsed([
      'SELECT idx, FROM WHERE GROUP',
      transactionQueries(DUCKDB).issues.replace('FROM kam_transactions', 'FROM (SELECT'),
    ]);
    expect(bad.ok).toBe(false);
    expect(duck.ok).toBe(false);
  });

  it.each(queries)('%s uses named parameters only for values', (_name, sql) => {
    const named = new Set([...sql.matchAll(/@([a-z_0-9]+)/g)].map((m) => m[1]));
    for (const p of named) expect([...TRANSACTION_PARAMS, 'accounts', 'rates']).toContain(p);
    // No DuckDB syntax leaks into the BigQuery text.
    expect(sql).not.toMatch(/\$[a-z]|TRY_CAST|VARCHAR|isfinite|rowid/);
    expect(sql).toContain('`acme-erp-prod.kam.transactions`');
  });

  it('the DuckDB rendering of the same definition differs only where the dialects do', () => {
    const duck = transactionQueries(DUCKDB);
    expect(Object.keys(duck)).toEqual(queries.map(([k]) => k));
    expect(duck.accounts).toContain('$win_start');
    expect(duck.accounts).not.toContain('@win_start');
  });
});

describe('injection', () => {
  it.each([
    ['bigquery_project', () => bigQueryDialect("x'; DROP TABLE t; --", 'kam', 'transactions')],
    ['bigquery_project', () => bigQueryDialect('acme`.evil.t` --', 'kam', 'transactions')],
    [
      'bigquery_dataset',
      () => bigQueryDialect('acme-erp-prod', 'kam.transactions` WHERE 1=1 --', 't'),
    ],
    [
      'bigquery_transactions_table',
      () => bigQueryDialect('acme-erp-prod', 'kam', 't`; SELECT 1; --'),
    ],
    ['bigquery_transactions_table', () => bigQueryDialect('acme-erp-prod', 'kam', '')],
    [
      'bigquery_interactions_table',
      () =>
        bigQueryTable(
          'acme-erp-prod',
          'kam',
          'i` UNION ALL SELECT 1 --',
          'bigquery_interactions_table',
        ),
    ],
  ])('a %s that is not a BigQuery name is refused before any SQL is written', (setting, make) => {
    expect(make).toThrow(TableNameError);
    try {
      make();
    } catch (e) {
      expect((e as TableNameError).setting).toBe(setting);
    }
  });

  it('account IDs, currencies and the home currency never appear in the SQL text', () => {
    const texts = Object.values(transactionQueries(BQ)).join('\n');
    for (const hostile of ["A1' OR '1'='1", 'CNY"; DROP', 'Robert); --'])
      expect(texts).not.toContain(hostile);
    // The only text literals are the definition's own (issue codes, column keys, blanks).
    const literals = [...texts.matchAll(/'([^']*)'/g)].map((m) => m[1]);
    expect(new Set(literals)).toEqual(
      new Set([
        '',
        'required_missing',
        'date',
        'error',
        'not_a_date',
        'account_id',
        'unknown_account',
        'not_a_number',
        'amount',
        'quantity',
        'unit_price',
        'payment_due_date',
        'paid_date',
        'amount_missing',
        'unknown_currency',
        'currency',
        'future_date',
        'warning',
      ]),
    );
  });
});
