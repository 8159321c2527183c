import type { ProductFigures } from '../rules/products';

/**
 * Everything the rules take from the transactions, already summed per account (and per account
 * and month, and per product and month): the heavy part of a refresh, the part that grows with
 * the rows. The in-sheet path computes it from `model.transactions` (engine/compute.ts); the
 * SQL path (core/sql, run by DuckDB for `kam refresh --transactions`) computes the same from a
 * file, and the rules finish from here the same way on both paths. Arrays are indexed by the
 * account's position in `model.accounts`.
 */
export interface AccountFacts {
  /** Amounts in the analysis window (returns included), the previous window, the last 90 days,
   * the 90 before them, and from the current plan period's first day (see periodFirstDays). */
  readonly revenue12m: Float64Array;
  readonly revenuePrev12m: Float64Array;
  readonly revenue90: Float64Array;
  readonly revenuePrev90: Float64Array;
  readonly periodRevenue: Float64Array;
  /** Unpaid invoice amounts among the invoices the credit rule counts. */
  readonly unpaid: Float64Array;
  /** Positive-amount transactions in the window. */
  readonly orders12m: Int32Array;
  /** Latest positive-amount date, latest transaction date, largest days overdue; NO_DAY / −1. */
  readonly lastOrder: Int32Array;
  readonly lastTransaction: Int32Array;
  readonly maxOverdue: Int32Array;
  /** Each account's positive-amount dates up to today (repeats and order do not matter):
   * account a's are `positiveDates[positiveStart[a] .. positiveStart[a + 1])`. */
  readonly positiveStart: Int32Array;
  readonly positiveDates: Int32Array;
  /** rules/products.ts productMix. */
  readonly products: ProductFigures[][];
}

/**
 * What a SQL engine hands the rules in place of the transactions (`KamModel.facts`): the
 * account facts, and the sums the `monthly` sheet and the dashboard would otherwise take from
 * every transaction.
 */
export interface TransactionFacts extends AccountFacts {
  /** Sums per account and calendar month, every transaction up to today. */
  readonly months: readonly MonthCell[];
  /** Revenue per product and calendar month of year (1–12) in the analysis window. */
  readonly productMonths: readonly ProductMonth[];
}

export interface MonthCell {
  /** Months since year 0 (calendar/day.ts monthIndexOfDay). */
  readonly month: number;
  readonly account: number;
  readonly revenue: number;
  readonly orders: number;
}

export interface ProductMonth {
  readonly product: string;
  /** 1 = January. */
  readonly month: number;
  readonly revenue: number;
}

/** "No date" in the Int32Array facts: below every real Day. */
export const NO_DAY = -0x80000000;
