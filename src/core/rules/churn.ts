import type { Day } from '../calendar/day';
import type { ChurnCode } from '../model/metrics';

/**
 * Churn risk from `count` distinct positive-amount dates, sorted ascending, all ≤ today
 * (docs/rules.md). `scratch` must hold at least count − 1 numbers; the engine passes one buffer for all
 * accounts so the hot loop allocates nothing.
 */
export function churnFromSortedDates(
  dates: ArrayLike<number>,
  count: number,
  today: Day,
  scratch: Float64Array,
): ChurnCode {
  if (count < 3) return 'insufficient_history';
  const gaps = count - 1;
  for (let i = 1; i < count; i++) scratch[i - 1] = dates[i] - dates[i - 1];
  const sorted = scratch.subarray(0, gaps).sort();
  const mid = gaps >> 1;
  // Median of an even count = mean of the two middle gaps; gaps are ≥ 1 (dates are distinct).
  const median = gaps % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const since = today - dates[count - 1];
  // ratio = since / median, compared by multiplication: exact for whole and half days.
  if (since < median) return 'active';
  if (2 * since < 3 * median) return 'watch';
  if (since < 2 * median) return 'at_risk';
  return 'churn_warning';
}

/**
 * Churn risk of an account (docs/rules.md) from its positive-amount transaction dates, in any order and
 * possibly repeated; dates after today are ignored. ≥ 3 distinct dates: ratio = days since the
 * last ÷ median gap between consecutive dates: < 1 active, < 1.5 watch, < 2 at_risk, else
 * churn_warning; fewer: insufficient_history.
 */
export function churnRisk(positiveDates: readonly Day[], today: Day): ChurnCode {
  const sorted = Float64Array.from(positiveDates.filter((d) => d <= today)).sort();
  let count = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (count === 0 || sorted[i] !== sorted[count - 1]) sorted[count++] = sorted[i];
  }
  return churnFromSortedDates(sorted, count, today, new Float64Array(Math.max(0, count - 1)));
}
