import type { AbcClass } from '../model/metrics';
import { AMOUNT_TOLERANCE, snapNearTies } from './amounts';

export const ABC_A = 0;
export const ABC_B = 1;
export const ABC_C = 2;
const ABC_CODES: readonly AbcClass[] = ['A', 'B', 'C'];

export function abcCode(cls: number): AbcClass {
  return ABC_CODES[cls];
}

/**
 * ABC classes (docs/rules.md), by index: sort by revenue descending, ties by id ascending (code-unit
 * order); `before` = revenue of the accounts ranked above ÷ total of positive revenues;
 * `before < cutA` → A, `< cutB` → B, else C; revenue ≤ 0 → C. Returns ABC_A/ABC_B/ABC_C.
 *
 * Floating point: revenues equal up to rounding noise are ties (see amounts.ts), and the
 * comparison is `before < (cut − ε) × total` with ε = AMOUNT_TOLERANCE, so a share exactly on a
 * cut-off (80 of 100 at 0.80) is never A whatever rate the amounts were converted with.
 */
export function classifyAbcIndexed(
  ids: readonly string[],
  revenue: ArrayLike<number>,
  cutoffA: number,
  cutoffB: number,
): Uint8Array {
  const n = ids.length;
  const rev = snapNearTies(revenue, n);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => {
    const d = rev[b] - rev[a];
    if (d !== 0) return d;
    const ia = ids[a];
    const ib = ids[b];
    return ia < ib ? -1 : ia > ib ? 1 : a - b;
  });
  let total = 0;
  for (let i = 0; i < n; i++) if (rev[i] > 0) total += rev[i];
  const limitA = (cutoffA - AMOUNT_TOLERANCE) * total;
  const limitB = (cutoffB - AMOUNT_TOLERANCE) * total;
  const out = new Uint8Array(n);
  let before = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const v = rev[i];
    if (!(v > 0)) {
      out[i] = ABC_C;
      continue;
    }
    out[i] = before < limitA ? ABC_A : before < limitB ? ABC_B : ABC_C;
    before += v;
  }
  return out;
}

/** ABC class of each account id (docs/rules.md); ids are expected to be unique. */
export function classifyAbc(
  items: readonly { readonly id: string; readonly revenue: number }[],
  cutoffA: number,
  cutoffB: number,
): Map<string, AbcClass> {
  const ids = items.map((x) => x.id);
  const revenue = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) revenue[i] = items[i].revenue;
  const classes = classifyAbcIndexed(ids, revenue, cutoffA, cutoffB);
  const out = new Map<string, AbcClass>();
  for (let i = 0; i < items.length; i++) out.set(ids[i], ABC_CODES[classes[i]]);
  return out;
}
