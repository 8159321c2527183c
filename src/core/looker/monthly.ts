import { dayFromYmd, ymdFromDay, type Day } from '../calendar/day';
import type { AccountMetrics } from '../model/metrics';
import type { KamModel } from '../model/records';
import { dateCell, type Grid } from '../values/cell';

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The first day of the day's month: Looker reads a date column and groups it by month itself. */
export function monthStart(day: Day): Day {
  const { y, m } = ymdFromDay(day);
  return dayFromYmd(y, m, 1);
}

/**
 * The body of `monthly` (SPEC §2.8): one row per account and month that has at least one
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
  const cells = new Map<
    string,
    { month: Day; accountId: string; revenue: number; orders: number }
  >();
  for (const t of model.transactions) {
    if (t.date > today || !owner.has(t.accountId)) continue;
    const month = monthStart(t.date);
    const key = `${month}\u0000${t.accountId}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { month, accountId: t.accountId, revenue: 0, orders: 0 };
      cells.set(key, cell);
    }
    cell.revenue += t.amount;
    if (t.amount > 0) cell.orders += 1;
  }
  return [...cells.values()]
    .sort(
      (a, b) =>
        a.month - b.month || (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0),
    )
    .map((c) => [
      dateCell(c.month),
      c.accountId,
      owner.get(c.accountId) || null,
      abc.get(c.accountId) ?? null,
      round2(c.revenue),
      c.orders,
    ]);
}
