/**
 * Amounts are sums of converted floating-point money, so two accounts that bought the same
 * can differ in the last bit (0.1 + 0.2 vs 0.3), and multiplying every amount by one exchange
 * rate can move a ratio across a cut-off by one rounding step. The ranking rules treat amounts
 * whose relative difference is at most this as equal; no real money difference is that small.
 */
export const AMOUNT_TOLERANCE = 1e-9;

export function sameAmount(a: number, b: number): boolean {
  return Math.abs(a - b) <= AMOUNT_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Copies `values[0..count)` with near-equal amounts replaced by one shared value, so that sorting
 * and ranking see them as exact ties. Groups are built in ascending order, each anchored on its
 * smallest member (anchoring keeps the result a function of the multiset of values, whatever
 * their input order).
 */
export function snapNearTies(
  values: ArrayLike<number>,
  count: number = values.length,
): Float64Array {
  const order = ascendingOrder(values, count);
  const out = new Float64Array(count);
  let anchor = 0;
  for (let k = 0; k < count; k++) {
    const i = order[k];
    const v = values[i];
    if (k === 0 || !sameAmount(v, anchor)) anchor = v;
    out[i] = anchor;
  }
  return out;
}

/** Indices 0..count−1 sorted by value ascending (ties by index). */
export function ascendingOrder(values: ArrayLike<number>, count: number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => values[a] - values[b] || a - b);
  return order;
}

/**
 * A sum of amounts rounded to a millionth of the currency unit. Floating-point sums depend on the
 * order of the rows (a sheet sorted differently would give 99.99999999999999 instead of 100, or
 * 1e-14 instead of 0 after a full return); rounding far below a cent makes every figure a
 * function of the rows alone, and a fully returned order exactly 0.
 */
export function roundSum(x: number): number {
  const r = Math.round(x * 1e6) / 1e6;
  return r === 0 ? 0 : r; // no −0
}
