import type { Dialect } from './dialect';

/**
 * One SQL definition of the heavy part of the rules: everything engine/facts.ts holds, summed
 * from a transactions table with the column keys of docs/workbook.md (`date`, `account_id`,
 * `product`, `quantity`, `unit_price`, `amount`, `currency`, `payment_due_date`, `paid_date`),
 * rendered for DuckDB and for BigQuery (core/sql/dialect.ts). The rules that rank and classify
 * (ABC, RFM, churn, credit rating, health, risk) finish in core from these sums, exactly as on
 * the in-sheet path (engine/compute.ts `accountFacts` is the same definition in TypeScript; the
 * parity tests hold the two together).
 *
 * Parameters (never text in the SQL): `today`, `win_start`, `prev_start`, `prev_end`,
 * `last90_start`, `prev90_start` (DATE) and `home` (the home currency code). Relations:
 * the accounts (`account_id`, `idx`: position in Accounts, `period_first`: first day of the
 * current plan period, DATE) and the exchange rates (`currency`, `rate`).
 */
export interface TransactionQueries {
  /** One row per problem: `src_row`, `code`, `column_key`, `value`, `severity`. */
  readonly issues: string;
  /** One row per account with transactions: the sums of engine/facts.ts AccountFacts. */
  readonly accounts: string;
  /** Distinct (account, day) with a positive amount, up to today. */
  readonly positiveDays: string;
  /** One row per account and product with a transaction in the window. */
  readonly products: string;
  /** One row per account and calendar month (months since year 0). */
  readonly months: string;
  /** Revenue per product and month of year (1–12) in the window. */
  readonly productMonths: string;
}

/** Parameter names, in one place for the callers that bind them. */
export const TRANSACTION_PARAMS = [
  'today',
  'win_start',
  'prev_start',
  'prev_end',
  'last90_start',
  'prev90_start',
  'home',
] as const;

/** The columns a transactions source has, in this order (docs/workbook.md `transactions`). */
export const TRANSACTION_KEYS = [
  'date',
  'account_id',
  'product',
  'quantity',
  'unit_price',
  'amount',
  'currency',
  'payment_due_date',
  'paid_date',
  'notes',
] as const;

/** Each source row read once: typed values beside the text, for the checks. */
function readRows(q: Dialect): string {
  const blankable = (key: string): string => `NULLIF(TRIM(${q.text(key)}), '')`;
  return `src AS (
  SELECT
    ${q.rowNumber} AS src_row,
    ${blankable('date')} AS date_text,
    ${q.tryDate('date')} AS d,
    ${blankable('account_id')} AS account_id,
    COALESCE(${blankable('product')}, '') AS product,
    ${blankable('amount')} AS amount_text,
    ${q.tryNumber('amount')} AS amount_n,
    ${blankable('quantity')} AS quantity_text,
    ${q.tryNumber('quantity')} AS quantity_n,
    ${blankable('unit_price')} AS price_text,
    ${q.tryNumber('unit_price')} AS price_n,
    UPPER(COALESCE(${blankable('currency')}, ${q.param('home')})) AS currency,
    ${blankable('payment_due_date')} AS due_text,
    ${q.tryDate('payment_due_date')} AS due,
    ${blankable('paid_date')} AS paid_text,
    ${q.tryDate('paid_date')} AS paid
  FROM ${q.transactions}
)`;
}

/** Rows joined to their account and rate, with what the checks need. */
function joined(q: Dialect): string {
  return `joined AS (
  SELECT s.*, a.idx, a.period_first, r.rate,
    (s.amount_text IS NOT NULL AND s.amount_n IS NULL)
      OR (s.quantity_text IS NOT NULL AND s.quantity_n IS NULL)
      OR (s.price_text IS NOT NULL AND s.price_n IS NULL) AS bad_number,
    (s.amount_text IS NOT NULL AND s.amount_n IS NULL) AS bad_amount
  FROM src AS s
  LEFT JOIN ${q.accounts} AS a ON a.account_id = s.account_id
  LEFT JOIN ${q.rates} AS r ON r.currency = s.currency
)`;
}

/**
 * The rows the rules count, as the in-sheet parser keeps them (core/parse/workbook.ts): a date
 * and a known account, a readable amount (or quantity × unit price), a known currency, not after
 * today; the amount in the home currency. A due or paid date that is not a date counts as blank.
 */
function validRows(q: Dialect): string {
  return `valid AS (
  SELECT src_row, idx, period_first, product, d,
    COALESCE(amount_n, quantity_n * price_n) * rate AS amt,
    due, paid
  FROM joined
  WHERE d IS NOT NULL AND idx IS NOT NULL AND NOT bad_amount
    AND (amount_n IS NOT NULL OR (quantity_n IS NOT NULL AND price_n IS NOT NULL))
    AND rate IS NOT NULL AND d <= ${q.param('today')}
    AND ${q.finite('COALESCE(amount_n, quantity_n * price_n) * rate')}
),
credit AS (
  SELECT v.*,
    (paid IS NULL OR paid > ${q.param('today')}) AS unpaid_now,
    CASE
      WHEN due IS NULL THEN NULL
      WHEN paid IS NULL OR paid > ${q.param('today')}
        THEN GREATEST(0, ${q.daysBetween(q.param('today'), 'due')})
      WHEN paid >= ${q.param('win_start')} THEN GREATEST(0, ${q.daysBetween('paid', 'due')})
      ELSE NULL
    END AS overdue
  FROM valid AS v
)`;
}

function withClause(q: Dialect): string {
  return `WITH ${readRows(q)},\n${joined(q)},\n${validRows(q)}\n`;
}

export function transactionQueries(q: Dialect): TransactionQueries {
  const p = (name: (typeof TRANSACTION_PARAMS)[number]): string => q.param(name);
  const head = withClause(q);
  const issue = (code: string, column: string, value: string, severity: string, where: string) =>
    `SELECT src_row, '${code}' AS code, '${column}' AS column_key, ${value} AS value, '${severity}' AS severity FROM joined WHERE ${where}`;
  const issues = [
    issue('required_missing', 'date', "''", 'error', 'date_text IS NULL'),
    issue('not_a_date', 'date', 'date_text', 'error', 'date_text IS NOT NULL AND d IS NULL'),
    issue('required_missing', 'account_id', "''", 'error', 'account_id IS NULL'),
    issue(
      'unknown_account',
      'account_id',
      'account_id',
      'error',
      'd IS NOT NULL AND account_id IS NOT NULL AND idx IS NULL',
    ),
    issue(
      'not_a_number',
      'amount',
      'amount_text',
      'error',
      'amount_text IS NOT NULL AND amount_n IS NULL',
    ),
    issue(
      'not_a_number',
      'quantity',
      'quantity_text',
      'error',
      'quantity_text IS NOT NULL AND quantity_n IS NULL',
    ),
    issue(
      'not_a_number',
      'unit_price',
      'price_text',
      'error',
      'price_text IS NOT NULL AND price_n IS NULL',
    ),
    issue(
      'not_a_date',
      'payment_due_date',
      'due_text',
      'error',
      'due_text IS NOT NULL AND due IS NULL',
    ),
    issue(
      'not_a_date',
      'paid_date',
      'paid_text',
      'error',
      'paid_text IS NOT NULL AND paid IS NULL',
    ),
    issue(
      'amount_missing',
      'amount',
      "''",
      'error',
      'd IS NOT NULL AND idx IS NOT NULL AND amount_text IS NULL AND NOT bad_number AND (quantity_n IS NULL OR price_n IS NULL)',
    ),
    issue(
      'unknown_currency',
      'currency',
      'currency',
      'error',
      'd IS NOT NULL AND idx IS NOT NULL AND NOT bad_amount AND rate IS NULL',
    ),
    issue(
      'future_date',
      'date',
      'date_text',
      'warning',
      `d > ${p('today')} AND idx IS NOT NULL AND rate IS NOT NULL AND NOT bad_amount`,
    ),
  ];
  return {
    issues: `${head}${issues.join('\nUNION ALL\n')}\nORDER BY src_row, code, column_key`,
    accounts: `${head}, facts AS (SELECT * FROM credit)
SELECT idx,
  COALESCE(SUM(CASE WHEN d >= ${p('win_start')} THEN amt END), 0) AS revenue_12m,
  COALESCE(SUM(CASE WHEN d >= ${p('prev_start')} AND d <= ${p('prev_end')} THEN amt END), 0) AS revenue_prev_12m,
  COALESCE(SUM(CASE WHEN d >= ${p('last90_start')} THEN amt END), 0) AS revenue_90,
  COALESCE(SUM(CASE WHEN d >= ${p('prev90_start')} AND d < ${p('last90_start')} THEN amt END), 0) AS revenue_prev_90,
  COALESCE(SUM(CASE WHEN period_first IS NOT NULL AND d >= period_first THEN amt END), 0) AS period_revenue,
  COALESCE(SUM(CASE WHEN overdue IS NOT NULL AND unpaid_now THEN amt END), 0) AS unpaid,
  COUNT(CASE WHEN d >= ${p('win_start')} AND amt > 0 THEN 1 END) AS orders_12m,
  MAX(CASE WHEN amt > 0 THEN ${q.dayNumber('d')} END) AS last_order,
  MAX(${q.dayNumber('d')}) AS last_transaction,
  COALESCE(MAX(overdue), -1) AS max_overdue
FROM facts
GROUP BY idx
ORDER BY idx`,
    positiveDays: `${head}SELECT DISTINCT idx, ${q.dayNumber('d')} AS day
FROM valid
WHERE amt > 0
ORDER BY idx, day`,
    products: `${head}SELECT idx, product,
  COALESCE(SUM(CASE WHEN d >= ${p('win_start')} THEN amt END), 0) AS revenue_12m,
  COUNT(CASE WHEN d >= ${p('win_start')} AND amt > 0 THEN 1 END) AS orders_12m,
  MAX(CASE WHEN amt > 0 THEN ${q.dayNumber('d')} END) AS last_order
FROM valid
WHERE product <> ''
GROUP BY idx, product
HAVING MAX(d) >= ${p('win_start')}
ORDER BY idx, product`,
    months: `${head}SELECT idx,
  CAST(EXTRACT(YEAR FROM d) * 12 + EXTRACT(MONTH FROM d) - 1 AS INTEGER) AS month,
  SUM(amt) AS revenue,
  COUNT(CASE WHEN amt > 0 THEN 1 END) AS orders
FROM valid
GROUP BY idx, month
ORDER BY month, idx`,
    productMonths: `${head}SELECT product,
  CAST(EXTRACT(MONTH FROM d) AS INTEGER) AS month,
  SUM(amt) AS revenue
FROM valid
WHERE product <> '' AND d >= ${p('win_start')}
GROUP BY product, month
ORDER BY product, month`,
  };
}
