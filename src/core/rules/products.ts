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
 * `txAccount[t]` is the index of transaction t's account, or −1 to leave it out (unknown
 * account); transactions without a product or dated after today are not counted either. Names
 * are compared as typed (trimmed by the parser): "Valve" and "valve" are two products.
 *
 * Names are interned to numbers, the transactions grouped by account with a counting sort, and
 * each account's products summed in a scratch row indexed by product number: no map lookup per
 * transaction, and allocation only per (account, product) pair kept.
 */
export function productMix(
  transactions: readonly TransactionRecord[],
  txAccount: Int32Array,
  accountCount: number,
  today: Day,
  windowStart: Day,
): ProductFigures[][] {
  const m = transactions.length;
  const names: string[] = [];
  const nameId = new Map<string, number>();
  const pid = new Int32Array(m).fill(-1);
  const tDate = new Int32Array(m);
  const tAmount = new Float64Array(m);
  const start = new Int32Array(accountCount + 1);
  let previous = '';
  let previousId = -1;
  for (let t = 0; t < m; t++) {
    const tx = transactions[t];
    const a = txAccount[t];
    if (a < 0 || tx.product === '' || !(tx.date <= today) || !Number.isFinite(tx.amount)) continue;
    // Exports often list one product on consecutive rows: skip the lookup then.
    let p = tx.product === previous ? previousId : nameId.get(tx.product);
    if (p === undefined) {
      p = names.length;
      names.push(tx.product);
      nameId.set(tx.product, p);
    }
    previous = tx.product;
    previousId = p;
    pid[t] = p;
    tDate[t] = tx.date;
    tAmount[t] = tx.amount;
    start[a + 1]++;
  }
  for (let a = 0; a < accountCount; a++) start[a + 1] += start[a];
  // The kept transactions' product, date and amount, grouped by account in row order, so the
  // per-account pass reads three typed arrays front to back.
  const cursor = start.slice(0, accountCount);
  const kept = start[accountCount];
  const gProduct = new Int32Array(kept);
  const gDate = new Int32Array(kept);
  const gAmount = new Float64Array(kept);
  for (let t = 0; t < m; t++) {
    const p = pid[t];
    if (p < 0) continue;
    const c = cursor[txAccount[t]]++;
    gProduct[c] = p;
    gDate[c] = tDate[t];
    gAmount[c] = tAmount[t];
  }

  const P = names.length;
  const revenue = new Float64Array(P);
  const orders = new Int32Array(P);
  const last = new Int32Array(P);
  const state = new Uint8Array(P); // 0 = untouched, 1 = seen, 2 = seen in the window
  const touched: number[] = [];
  const out: ProductFigures[][] = new Array(accountCount);
  for (let a = 0; a < accountCount; a++) {
    touched.length = 0;
    for (let k = start[a]; k < start[a + 1]; k++) {
      const p = gProduct[k];
      const date = gDate[k];
      const amount = gAmount[k];
      if (state[p] === 0) {
        state[p] = 1;
        touched.push(p);
        revenue[p] = 0;
        orders[p] = 0;
        last[p] = NO_DAY;
      }
      if (date >= windowStart) {
        state[p] = 2;
        revenue[p] += amount;
        if (amount > 0) orders[p]++;
      }
      if (amount > 0 && date > last[p]) last[p] = date;
    }
    const list: ProductFigures[] = [];
    for (const p of touched) {
      if (state[p] === 2)
        list.push({
          product: names[p],
          revenue12m: roundSum(revenue[p]),
          orders12m: orders[p],
          lastOrderDate: last[p] === NO_DAY ? null : last[p],
        });
      state[p] = 0;
    }
    if (list.length > 1)
      list.sort((x, y) => y.revenue12m - x.revenue12m || byName(x.product, y.product));
    out[a] = list;
  }
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
      const own = mix[i];
      const picks: string[] = [];
      for (const product of popular) {
        // An account's own list is short: a scan beats building a set per account.
        if (own.some((p) => p.orders12m > 0 && p.product === product)) continue;
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

/** The same table from the sums a SQL engine made per product and month (engine/facts.ts). */
export function monthOfYearFromFacts(
  productMonths: readonly {
    readonly product: string;
    readonly month: number;
    readonly revenue: number;
  }[],
  products: readonly string[],
): number[][] {
  const column = new Map(products.map((p, k) => [p, k]));
  const sums = Array.from({ length: 12 }, () => new Array<number>(products.length).fill(0));
  for (const c of productMonths) {
    const k = column.get(c.product);
    if (k !== undefined) sums[c.month - 1][k] += c.revenue;
  }
  return sums.map((row) => row.map(roundSum));
}
