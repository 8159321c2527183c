import type { RfmScore, SegmentCode } from '../model/metrics';
import { snapNearTies } from './amounts';

export interface RfmInput {
  readonly id: string;
  /** Days since the last positive-amount transaction in the window. */
  readonly recencyDays: number;
  /** Distinct dates with a positive amount in the window. */
  readonly frequency: number;
  /** revenue_12m (returns included). */
  readonly monetary: number;
}

/**
 * `min(5, 1 + floor(5 × percent_rank))` with `percent_rank = (rank − 1) / (n − 1)`, 0 when n = 1
 * (docs/rules.md). `rank` is 1-based. The quotient of two integers is correctly rounded, so an exact
 * multiple of 1/5 never falls just below its floor.
 */
export function percentRankScore(rank: number, n: number): number {
  if (n <= 1) return 1;
  return Math.min(5, 1 + Math.floor((5 * (rank - 1)) / (n - 1)));
}

/**
 * Competition ranks (1-based; ties share the lowest rank) of `keys[0..count)` in ascending order.
 */
export function competitionRanks(keys: ArrayLike<number>, count: number = keys.length): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  order.sort((a, b) => keys[a] - keys[b] || a - b);
  const ranks = new Int32Array(count);
  let rank = 1;
  for (let k = 0; k < count; k++) {
    const i = order[k];
    if (k > 0 && keys[i] !== keys[order[k - 1]]) rank = k + 1;
    ranks[i] = rank;
  }
  return ranks;
}

/** Scores 1–5 of one metric over `count` accounts, `keys` ascending in goodness. */
function scoresOf(keys: ArrayLike<number>, count: number): Uint8Array {
  const ranks = competitionRanks(keys, count);
  const out = new Uint8Array(count);
  for (let i = 0; i < count; i++) out[i] = percentRankScore(ranks[i], count);
  return out;
}

export interface RfmScores {
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
}

/**
 * RFM scores by index over `count` scored accounts (docs/rules.md). Goodness ascends with frequency and
 * monetary and descends with recency days (rank 1 = most days). Monetary values equal up to
 * rounding noise are ties (amounts.ts), so converting every amount with one rate changes nothing.
 */
export function scoreRfmIndexed(
  recencyDays: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  count: number,
): RfmScores {
  const negRecency = new Float64Array(count);
  for (let i = 0; i < count; i++) negRecency[i] = -recencyDays[i];
  return {
    r: scoresOf(negRecency, count),
    f: scoresOf(frequency, count),
    m: scoresOf(snapNearTies(monetary, count), count),
  };
}

/** RFM score of every scored account, keyed by id (ids are expected to be unique). */
export function scoreRfm(items: readonly RfmInput[]): Map<string, RfmScore> {
  const n = items.length;
  const rec = new Float64Array(n);
  const freq = new Float64Array(n);
  const mon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    rec[i] = items[i].recencyDays;
    freq[i] = items[i].frequency;
    mon[i] = items[i].monetary;
  }
  const s = scoreRfmIndexed(rec, freq, mon, n);
  const out = new Map<string, RfmScore>();
  for (let i = 0; i < n; i++) {
    const x = items[i];
    out.set(x.id, rfmScore(x.recencyDays, x.frequency, x.monetary, s.r[i], s.f[i], s.m[i]));
  }
  return out;
}

export function rfmScore(
  recencyDays: number,
  frequency: number,
  monetary: number,
  r: number,
  f: number,
  m: number,
): RfmScore {
  return { recencyDays, frequency, monetary, r, f, m, score: `${r}${f}${m}` };
}

/**
 * The R×F grid of docs/rules.md, row R = 5 first, columns F = 1…5. M is shown, not used.
 */
// prettier-ignore
export const RFM_GRID: readonly (readonly SegmentCode[])[] = [
  /* R5 */ ['new_customers', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
  /* R4 */ ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal_customers', 'loyal_customers'],
  /* R3 */ ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal_customers', 'loyal_customers'],
  /* R2 */ ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
  /* R1 */ ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
];

/** Segment of an R and F score (each an integer 1–5). */
export function rfmSegment(r: number, f: number): SegmentCode {
  if (!Number.isInteger(r) || !Number.isInteger(f) || r < 1 || r > 5 || f < 1 || f > 5) {
    throw new RangeError(`RFM scores must be integers 1-5, got R=${r} F=${f}`);
  }
  return RFM_GRID[5 - r][f - 1];
}
