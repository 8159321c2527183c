import type { Day } from '../calendar/day';
import { accountIndex, currentPlans } from '../engine/compute';
import { NO_DAY, type TransactionFacts } from '../engine/facts';
import type { DataIssue } from '../issues/issue';
import type { KamModel } from '../model/records';
import { roundSum } from '../rules/amounts';
import type { ProductFigures } from '../rules/products';
import { analysisWindow, previousWindow } from '../rules/window';
import type { TransactionQueries } from './transactions';

/**
 * What a SQL engine needs besides the transactions (core/sql/transactions.ts), the same for
 * DuckDB and BigQuery: the parameter values (dates as `Day`s) and the two small relations.
 */
export interface SqlInputs {
  readonly params: {
    readonly today: Day;
    readonly win_start: Day;
    readonly prev_start: Day;
    readonly prev_end: Day;
    readonly last90_start: Day;
    readonly prev90_start: Day;
    readonly home: string;
  };
  /** Every account by ID, its position in Accounts and its plan period's first day (or null). */
  readonly accounts: readonly { account_id: string; idx: number; period_first: Day | null }[];
  readonly rates: readonly { currency: string; rate: number }[];
}

export function sqlInputs(model: KamModel, today: Day): SqlInputs {
  const index = accountIndex(model);
  const { periodFirst } = currentPlans(model, index, today);
  const months = model.settings.analysisWindowMonths;
  const win = analysisWindow(today, months);
  const prev = previousWindow(win, months);
  return {
    params: {
      today,
      win_start: win.start,
      prev_start: prev.start,
      prev_end: prev.end,
      last90_start: today - 89,
      prev90_start: today - 179,
      home: model.settings.homeCurrency,
    },
    accounts: [...index].map(([account_id, idx]) => ({
      account_id,
      idx,
      period_first: periodFirst[idx] > today ? null : periodFirst[idx],
    })),
    rates: [...model.settings.rates].map(([currency, rate]) => ({ currency, rate })),
  };
}

/** A query's result by column: name → values (numbers, strings, bigints or null). */
export type Columns = Readonly<Record<string, readonly unknown[]>>;

export type QueryResults = { readonly [K in keyof TransactionQueries]: Columns };

const num = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
const day = (v: unknown): number => (v === null || v === undefined ? NO_DAY : Number(v));
const col = (c: Columns, name: string): readonly unknown[] => c[name] ?? [];
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The template values of the issue texts the SQL checks raise (i18n catalogue `issue`). */
function issueParams(code: string, column: string, value: string): Record<string, string> {
  if (code === 'required_missing') return { name: column };
  if (code === 'unknown_account') return { id: value };
  if (code === 'unknown_currency') return { currency: value.toUpperCase() };
  return {};
}

/**
 * The transaction facts (engine/facts.ts) and data issues of the six query results, for `n`
 * accounts. Sums are rounded as the in-sheet path rounds them (rules/amounts.ts roundSum) and
 * each account's products ordered as productMix orders them. `source` names the rows in the
 * issues (a file name, or a BigQuery table).
 */
export function factsFromResults(
  n: number,
  r: QueryResults,
  source: string,
): { facts: TransactionFacts; issues: DataIssue[] } {
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
  const a = r.accounts;
  col(a, 'idx').forEach((v, k) => {
    const i = num(v);
    revenue12m[i] = roundSum(num(col(a, 'revenue_12m')[k]));
    revenuePrev12m[i] = roundSum(num(col(a, 'revenue_prev_12m')[k]));
    revenue90[i] = roundSum(num(col(a, 'revenue_90')[k]));
    revenuePrev90[i] = roundSum(num(col(a, 'revenue_prev_90')[k]));
    periodRevenue[i] = roundSum(num(col(a, 'period_revenue')[k]));
    unpaid[i] = roundSum(num(col(a, 'unpaid')[k]));
    orders12m[i] = num(col(a, 'orders_12m')[k]);
    lastOrder[i] = day(col(a, 'last_order')[k]);
    lastTransaction[i] = day(col(a, 'last_transaction')[k]);
    maxOverdue[i] = num(col(a, 'max_overdue')[k]);
  });

  const positiveStart = new Int32Array(n + 1);
  const positiveDates = Int32Array.from(col(r.positiveDays, 'day'), num);
  for (const v of col(r.positiveDays, 'idx')) positiveStart[num(v) + 1]++;
  for (let i = 0; i < n; i++) positiveStart[i + 1] += positiveStart[i];

  const products: ProductFigures[][] = Array.from({ length: n }, () => []);
  const p = r.products;
  col(p, 'idx').forEach((v, k) => {
    const last = day(col(p, 'last_order')[k]);
    products[num(v)].push({
      product: String(col(p, 'product')[k]),
      revenue12m: roundSum(num(col(p, 'revenue_12m')[k])),
      orders12m: num(col(p, 'orders_12m')[k]),
      lastOrderDate: last === NO_DAY ? null : last,
    });
  });
  for (const list of products)
    list.sort((x, y) => y.revenue12m - x.revenue12m || byName(x.product, y.product));

  const m = r.months;
  const months = col(m, 'idx').map((v, k) => ({
    month: num(col(m, 'month')[k]),
    account: num(v),
    revenue: num(col(m, 'revenue')[k]),
    orders: num(col(m, 'orders')[k]),
  }));
  const pm = r.productMonths;
  const productMonths = col(pm, 'product').map((v, k) => ({
    product: String(v),
    month: num(col(pm, 'month')[k]),
    revenue: num(col(pm, 'revenue')[k]),
  }));

  const is = r.issues;
  const issues: DataIssue[] = col(is, 'code').map((code, k) => {
    const row = col(is, 'src_row')[k];
    const value = col(is, 'value')[k];
    const column = String(col(is, 'column_key')[k]);
    return {
      sheet: source,
      row: row === null || row === undefined ? null : num(row),
      column,
      value: value === null || value === undefined ? '' : String(value),
      code: String(code) as DataIssue['code'],
      params: issueParams(String(code), column, String(value ?? '')),
      severity: col(is, 'severity')[k] === 'warning' ? 'warning' : 'error',
    };
  });

  return {
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
      months,
      productMonths,
    },
  };
}
