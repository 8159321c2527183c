import { firstDayOfMonthIndex, monthIndexOfDay, type Day } from '../calendar/day';
import type { AccountMetrics } from '../model/metrics';
import type { KamModel, TransactionRecord } from '../model/records';
import { dateCell, type DateCell, type Grid } from '../values/cell';

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The first day of the day's month: Looker reads a date column and groups it by month itself. */
export function monthStart(day: Day): Day {
  return firstDayOfMonthIndex(monthIndexOfDay(day));
}

/**
 * The (month, account) cells that have transactions, each numbered
 * `(month - first month) * accounts + account rank`, in ascending order, with their sums.
 */
interface Cells {
  readonly keys: ArrayLike<number>;
  readonly revenue: ArrayLike<number>;
  readonly orders: ArrayLike<number>;
}

/** How many cells per transaction a dense table may have before a Map is the smaller choice. */
const DENSE_CELLS_PER_TRANSACTION = 2;
/** Below this many cells a dense table is small whatever the number of transactions. */
const DENSE_CELLS_ANYWAY = 1 << 16;

/**
 * The refresh case: a few years of history, so months × accounts is about the number of
 * transactions. One slot per possible cell, in row order: no hashing, no sort.
 */
function denseCells(
  transactions: readonly TransactionRecord[],
  today: Day,
  rank: ReadonlyMap<string, number>,
  firstMonth: number,
  size: number,
): Cells {
  const n = rank.size;
  const revenue = new Float64Array(size);
  const orders = new Int32Array(size);
  const seen = new Uint8Array(size);
  for (const t of transactions) {
    if (t.date > today) continue;
    const r = rank.get(t.accountId);
    if (r === undefined) continue;
    const k = (monthIndexOfDay(t.date) - firstMonth) * n + r;
    // Summed in transaction order per cell, as a sum per cell object would be: same rounding.
    revenue[k] += t.amount;
    seen[k] = 1;
    if (t.amount > 0) orders[k] += 1;
  }
  let count = 0;
  for (let k = 0; k < size; k++) count += seen[k];
  const out = {
    keys: new Float64Array(count),
    revenue: new Float64Array(count),
    orders: new Int32Array(count),
  };
  for (let k = 0, i = 0; k < size; k++) {
    if (seen[k] === 0) continue;
    out.keys[i] = k;
    out.revenue[i] = revenue[k];
    out.orders[i] = orders[k];
    i++;
  }
  return out;
}

/**
 * A long, sparse history (a date typed decades too early, say): cells found through a Map keyed
 * by their number, so memory follows the cells that exist, then sorted by number.
 */
function sparseCells(
  transactions: readonly TransactionRecord[],
  today: Day,
  rank: ReadonlyMap<string, number>,
  firstMonth: number,
): Cells {
  const n = rank.size;
  const slotOf = new Map<number, number>();
  const keys: number[] = [];
  const revenue: number[] = [];
  const orders: number[] = [];
  for (const t of transactions) {
    if (t.date > today) continue;
    const r = rank.get(t.accountId);
    if (r === undefined) continue;
    const key = (monthIndexOfDay(t.date) - firstMonth) * n + r;
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = keys.length;
      slotOf.set(key, slot);
      keys.push(key);
      revenue.push(0);
      orders.push(0);
    }
    revenue[slot] += t.amount;
    if (t.amount > 0) orders[slot] += 1;
  }
  // Distinct non-negative integers, so a numeric sort of them is the row order.
  const sorted = Float64Array.from(keys).sort();
  const slots = Array.from(sorted, (k) => slotOf.get(k) as number);
  return {
    keys: sorted,
    revenue: slots.map((s) => revenue[s]),
    orders: slots.map((s) => orders[s]),
  };
}

/**
 * The body of `monthly` (docs/workbook.md): one row per account and month that has at least one
 * transaction, over the whole transaction history up to today, oldest month first, then by
 * account ID. `revenue` is the sum of amounts in the home currency (returns included, like
 * `revenue_12m`), `orders` counts positive-amount transactions. `owner_email` and `abc_class`
 * are the account's current ones, so a filter by owner or class matches the summary.
 * Months without transactions are left out rather than written as zero rows, which would make
 * the sheet grow with accounts × months.
 */
export function monthlyRows(model: KamModel, metrics: readonly AccountMetrics[], today: Day): Grid {
  const owner = new Map(model.accounts.map((a) => [a.id, a.ownerEmail]));
  const abc = new Map(metrics.map((m) => [m.accountId, m.abcClass]));
  // Accounts ranked in the order rows list them, so a cell's number sorts like (month, account
  // ID): a million transactions then cost integer arithmetic each, not a string key built and
  // hashed each.
  const ids = [...owner.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rank = new Map(ids.map((id, i) => [id, i]));
  if (model.facts) return rowsOf(factCells(model, rank, today), ids, owner, abc);
  // The first month counted from; a transaction of an unknown account may lower it, which only
  // leaves unused numbers below the first row.
  let firstDay = Infinity;
  for (const t of model.transactions) if (t.date <= today && t.date < firstDay) firstDay = t.date;
  if (firstDay === Infinity) return [];
  const firstMonth = monthIndexOfDay(firstDay);
  const n = ids.length;
  const size = (monthIndexOfDay(today) - firstMonth + 1) * n;
  const cells =
    size <= Math.max(DENSE_CELLS_ANYWAY, DENSE_CELLS_PER_TRANSACTION * model.transactions.length)
      ? denseCells(model.transactions, today, rank, firstMonth, size)
      : sparseCells(model.transactions, today, rank, firstMonth);
  return rowsOf({ ...cells, firstMonth }, ids, owner, abc);
}

/** The cells a SQL engine summed (engine/facts.ts), numbered and ordered as denseCells does. */
function factCells(
  model: KamModel,
  rank: ReadonlyMap<string, number>,
  today: Day,
): Cells & { firstMonth: number } {
  const facts = model.facts;
  const last = monthIndexOfDay(today);
  const cells = (facts?.months ?? []).filter((c) => c.month <= last);
  const firstMonth = cells.reduce((m, c) => Math.min(m, c.month), last);
  const n = rank.size;
  const keyed = cells.map((c) => ({
    key: (c.month - firstMonth) * n + (rank.get(model.accounts[c.account].id) as number),
    c,
  }));
  keyed.sort((x, y) => x.key - y.key);
  return {
    firstMonth,
    keys: keyed.map((k) => k.key),
    revenue: keyed.map((k) => k.c.revenue),
    orders: keyed.map((k) => k.c.orders),
  };
}

/** The `monthly` rows of numbered cells. */
function rowsOf(
  cells: Cells & { firstMonth: number },
  ids: readonly string[],
  owner: ReadonlyMap<string, string | null>,
  abc: ReadonlyMap<string, string>,
): Grid {
  const { firstMonth } = cells;
  const n = ids.length;
  // Per account once, not per row: there are several rows (months) per account.
  const ownerOf = ids.map((id) => owner.get(id) || null);
  const abcOf = ids.map((id) => abc.get(id) ?? null);
  const rows: Grid = new Array(cells.keys.length);
  // Rows come month by month, so each month's date cell is made once and shared by its rows
  // (cells are values, never modified).
  let month: DateCell | null = null;
  let monthOffset = -1;
  for (let i = 0; i < rows.length; i++) {
    const key = cells.keys[i];
    const offset = Math.floor(key / n);
    if (offset !== monthOffset || month === null) {
      monthOffset = offset;
      month = dateCell(firstDayOfMonthIndex(firstMonth + offset));
    }
    const r = key - offset * n;
    rows[i] = [month, ids[r], ownerOf[r], abcOf[r], round2(cells.revenue[i]), cells.orders[i]];
  }
  return rows;
}
