import { sameAmount } from '../amounts';

/**
 * `revenue_drop` (docs/rules.md "Risk flags"): `revenue_prev_12m` > 0 and
 * `revenue_12m` < (1 − `revenue_drop_pct`) × `revenue_prev_12m`. Revenue exactly at the line is
 * not a drop; amounts within the engine's rounding tolerance of the line count as at it.
 */
export function revenueDropFlag(
  revenue12m: number,
  revenuePrev12m: number,
  dropPct: number,
): boolean {
  if (!(revenuePrev12m > 0)) return false;
  const line = (1 - dropPct) * revenuePrev12m;
  return revenue12m < line && !sameAmount(revenue12m, line);
}
