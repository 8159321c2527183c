import type { Day } from '../calendar/day';
import type { AccountRecord, TransactionRecord } from '../model/records';
import type { Settings } from '../settings/model';
import { roundSum } from './amounts';

/** What one account bought of one product (docs/looker.md "products"). */
export interface ProductFigures {
  readonly product: string;
  /** Sum of the amounts in the analysis window, returns included. */
  readonly revenue12m: number;
  /** Positive-amount transactions in the window. */
  readonly orders12m: number;
  /** The latest positive-amount transaction of the product up to today; null when none. */
  readonly lastOrderDate: Day | null;
}

const NO_DAY = -0x80000000;

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each account's products, in the order of the accounts: one entry per product with at least one
 * transaction in the window `[windowStart, today]`, largest revenue first (ties by name).
 * Transactions without a product, dated after today or of an unknown account are not counted.
 * Names are compared as typed (trimmed by the parser): "Valve" and "valve" are two products.
 *
 * One pass over the transactions: names are interned to numbers and each (account, product) pair
 * is a slot found by one numeric map lookup, so the pass allocates only per new pair.
 */
export function productMix(
  transactions: readonly TransactionRecord[],
  index: ReadonlyMap<string, number>,
  accountCount: number,
  today: Day,
  windowStart: Day,
): ProductFigures[][] {
  const names: string[] = [];
  const nameId = new Map<string, number>();
  const slotOf = new Map<number, number>();
  const slotAccount: number[] = [];
  const slotProduct: number[] = [];
  const revenue: number[] = [];
  const orders: number[] = [];
  const last: number[] = [];
  const inWindow: boolean[] = [];
  // A product number is below 2^26 and an account index below 2^26: the key stays exact.
  const SHIFT = 0x4000000;
  for (const t of transactions) {
    if (t.product === '' || !(t.date <= today) || !Number.isFinite(t.amount)) continue;
    const a = index.get(t.accountId);
    if (a === undefined) continue;
    let p = nameId.get(t.product);
    if (p === undefined) {
      p = names.length;
      names.push(t.product);
      nameId.set(t.product, p);
    }
    const key = a * SHIFT + p;
    let s = slotOf.get(key);
    if (s === undefined) {
      s = slotAccount.length;
      slotOf.set(key, s);
      slotAccount.push(a);
      slotProduct.push(p);
      revenue.push(0);
      orders.push(0);
      last.push(NO_DAY);
      inWindow.push(false);
    }
    if (t.date >= windowStart) {
      inWindow[s] = true;
      revenue[s] += t.amount;
      if (t.amount > 0) orders[s]++;
    }
    if (t.amount > 0 && t.date > last[s]) last[s] = t.date;
  }
  const out: ProductFigures[][] = Array.from({ length: accountCount }, () => []);
  for (let s = 0; s < slotAccount.length; s++) {
    if (!inWindow[s]) continue;
    out[slotAccount[s]].push({
      product: names[slotProduct[s]],
      revenue12m: roundSum(revenue[s]),
      orders12m: orders[s],
      lastOrderDate: last[s] === NO_DAY ? null : last[s],
    });
  }
  for (const list of out)
    if (list.length > 1)
      list.sort((x, y) => y.revenue12m - x.revenue12m || byName(x.product, y.product));
  return out;
}

/** Industries compare as typed but for case and spacing ("Auto parts" = "auto  Parts"). */
export function industryKey(industry: string): string {
  return industry.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Most products the whitespace rule suggests per account (SPEC: up to 3). */
export const CROSS_SELL_MAX = 3;

/**
 * Whitespace (docs/rules.md "Cross-sell"): for each account, up to CROSS_SELL_MAX products
 * bought in the window (a positive-amount transaction) by at least `whitespace_min_share` of the
 * accounts of the same industry, when the industry has at least `whitespace_min_accounts`
 * accounts, and not bought in the window by this account; most buyers first, ties by name.
 * An account without an industry gets none.
 */
export function crossSell(
  accounts: readonly AccountRecord[],
  mix: readonly (readonly ProductFigures[])[],
  settings: Pick<Settings, 'whitespaceMinShare' | 'whitespaceMinAccounts'>,
): string[][] {
  const industries = new Map<string, number[]>();
  accounts.forEach((a, i) => {
    const key = industryKey(a.industry);
    if (key === '') return;
    const list = industries.get(key);
    if (list === undefined) industries.set(key, [i]);
    else list.push(i);
  });
  const out: string[][] = accounts.map(() => []);
  for (const members of industries.values()) {
    const size = members.length;
    if (size < settings.whitespaceMinAccounts) continue;
    const buyers = new Map<string, number>();
    for (const i of members)
      for (const p of mix[i])
        if (p.orders12m > 0) buyers.set(p.product, (buyers.get(p.product) ?? 0) + 1);
    const popular = [...buyers]
      .filter(([, count]) => count / size >= settings.whitespaceMinShare)
      .sort((x, y) => y[1] - x[1] || byName(x[0], y[0]))
      .map(([product]) => product);
    if (popular.length === 0) continue;
    for (const i of members) {
      const bought = new Set(mix[i].filter((p) => p.orders12m > 0).map((p) => p.product));
      const picks: string[] = [];
      for (const product of popular) {
        if (bought.has(product)) continue;
        picks.push(product);
        if (picks.length === CROSS_SELL_MAX) break;
      }
      out[i] = picks;
    }
  }
  return out;
}

/** Products in the seasonality chart (SPEC: the top 5). */
export const SEASONALITY_PRODUCTS = 5;

/**
 * The products with the most revenue in the window over all accounts (ties by name), at most
 * `count`; products whose total is not above 0 are left out.
 */
export function topProducts(
  mix: readonly (readonly ProductFigures[])[],
  count: number = SEASONALITY_PRODUCTS,
): string[] {
  const totals = new Map<string, number>();
  // Sum per product in account order; amounts are already rounded per account.
  for (const list of mix)
    for (const p of list) totals.set(p.product, (totals.get(p.product) ?? 0) + p.revenue12m);
  return [...totals]
    .map(([product, total]) => [product, roundSum(total)] as const)
    .filter(([, total]) => total > 0)
    .sort((x, y) => y[1] - x[1] || byName(x[0], y[0]))
    .slice(0, count)
    .map(([product]) => product);
}

/**
 * Revenue by calendar month of year (January first) of each of `products`, over the window
 * `[windowStart, today]`: `result[month][k]` is the revenue of `products[k]` in that month.
 * With a 12-month window each month of the year is counted once (the partial month at the start
 * and the current month together make one).
 */
export function revenueByMonthOfYear(
  transactions: readonly TransactionRecord[],
  products: readonly string[],
  today: Day,
  windowStart: Day,
  monthOf: (day: Day) => number,
): number[][] {
  const column = new Map(products.map((p, k) => [p, k]));
  const sums = Array.from({ length: 12 }, () => new Array<number>(products.length).fill(0));
  for (const t of transactions) {
    if (!(t.date >= windowStart && t.date <= today) || !Number.isFinite(t.amount)) continue;
    const k = column.get(t.product);
    if (k !== undefined) sums[monthOf(t.date) - 1][k] += t.amount;
  }
  return sums.map((row) => row.map(roundSum));
}
