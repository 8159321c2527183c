import type { Day } from '../calendar/day';
import type { AccountMetrics } from '../model/metrics';
import { dateCell, type Grid } from '../values/cell';

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The body of `products` (docs/looker.md): one row per account and product with transactions in
 * the analysis window, accounts in sheet order and each account's products largest first.
 * Columns: snapshot_date, account_id, product, revenue_12m, orders_12m, last_order_date.
 */
export function productRows(metrics: readonly AccountMetrics[], today: Day): Grid {
  const snapshot = dateCell(today);
  const rows: Grid = [];
  for (const m of metrics)
    for (const p of m.products)
      rows.push([
        snapshot,
        m.accountId,
        p.product,
        round2(p.revenue12m),
        p.orders12m,
        p.lastOrderDate === null ? null : dateCell(p.lastOrderDate),
      ]);
  return rows;
}
