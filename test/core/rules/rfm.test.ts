import fc from 'fast-check';
import { mulberry32, shuffled } from '../../../src/core/sample-data/random';
import {
  competitionRanks,
  percentRankScore,
  rfmSegment,
  scoreRfm,
  type RfmInput,
} from '../../../src/core/rules/rfm';

/** docs/rules.md grid, copied independently of the implementation: rows R5…R1, columns F1…F5. */
// prettier-ignore
const SPEC_GRID: Record<number, string[]> = {
  5: ['new_customers', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
  4: ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal_customers', 'loyal_customers'],
  3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal_customers', 'loyal_customers'],
  2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
  1: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose_them'],
};

const item = (id: string, recencyDays: number, frequency: number, monetary: number): RfmInput => ({
  id,
  recencyDays,
  frequency,
  monetary,
});

describe('percentRankScore', () => {
  it('maps ranks to 1 + floor(5 × (rank − 1)/(n − 1)), capped at 5', () => {
    // n = 5: percent ranks 0, .25, .5, .75, 1 → 1 + floor(0, 1.25, 2.5, 3.75, 5) = 1, 2, 3, 4, 6→5.
    expect([1, 2, 3, 4, 5].map((r) => percentRankScore(r, 5))).toEqual([1, 2, 3, 4, 5]);
    // n = 6: 5 × (rank − 1)/5 = rank − 1 exactly → 1, 2, 3, 4, 5, 6→5.
    expect([1, 2, 3, 4, 5, 6].map((r) => percentRankScore(r, 6))).toEqual([1, 2, 3, 4, 5, 5]);
    // n = 11, rank 3: 5 × 2/10 = 1 exactly → 2 (no floating-point slip to 1).
    expect(percentRankScore(3, 11)).toBe(2);
    // n = 1: percent rank is 0 → 1.
    expect(percentRankScore(1, 1)).toBe(1);
  });
});

describe('competitionRanks', () => {
  it('gives ties the lowest rank and skips the next ones', () => {
    expect(Array.from(competitionRanks([10, 20, 20, 30]))).toEqual([1, 2, 2, 4]);
    expect(Array.from(competitionRanks([5, 5, 5]))).toEqual([1, 1, 1]);
    expect(Array.from(competitionRanks([3, 1, 2]))).toEqual([3, 1, 2]);
  });
});

describe('scoreRfm', () => {
  it('scores a single account 111 (hibernating)', () => {
    const s = scoreRfm([item('a', 3, 10, 1e6)]).get('a');
    expect(s).toEqual({
      recencyDays: 3,
      frequency: 10,
      monetary: 1e6,
      r: 1,
      f: 1,
      m: 1,
      score: '111',
    });
    expect(rfmSegment(1, 1)).toBe('hibernating');
  });

  it('scores all-equal values 1 (everyone shares rank 1)', () => {
    const got = scoreRfm([item('a', 5, 2, 100), item('b', 5, 2, 100), item('c', 5, 2, 100)]);
    for (const id of ['a', 'b', 'c']) expect(got.get(id)?.score).toBe('111');
  });

  it('ranks with ties; recency ranks most days first', () => {
    // Frequency 10, 20, 20, 30 → ranks 1, 2, 2, 4 of n = 4 → 1 + floor(5 × (0, 1/3, 1/3, 1))
    // = 1, 2, 2, 6→5. Monetary the same. Recency 100, 10, 10, 50 days: goodness ascending =
    // days descending → 100 rank 1, 50 rank 2, the two 10s rank 3 → 1, 1 + floor(5/3) = 2,
    // 1 + floor(10/3) = 4.
    const got = scoreRfm([
      item('a', 100, 10, 10),
      item('b', 10, 20, 20),
      item('c', 10, 20, 20),
      item('d', 50, 30, 30),
    ]);
    expect(['a', 'b', 'c', 'd'].map((id) => got.get(id)?.score)).toEqual([
      '111',
      '422',
      '422',
      '255',
    ]);
  });
});

describe('rfmSegment', () => {
  it('maps every R×F cell exactly to the SPEC table', () => {
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) expect(rfmSegment(r, f)).toBe(SPEC_GRID[r][f - 1]);
  });

  it('rejects scores outside 1–5', () => {
    expect(() => rfmSegment(0, 3)).toThrow(RangeError);
    expect(() => rfmSegment(3, 6)).toThrow(RangeError);
    expect(() => rfmSegment(2.5, 3)).toThrow(RangeError);
  });

  it('reaches every cell of the grid from real inputs', () => {
    // Five accounts with recency 50, 40, 30, 20, 10 days score R = 1…5; giving them frequencies
    // that are a permutation of 1…5 scores F = that permutation. Account k gets R = k + 1, and
    // the frequency permutation is chosen so that account r−1 gets frequency f.
    for (let r = 1; r <= 5; r++) {
      for (let f = 1; f <= 5; f++) {
        const freqs = [1, 2, 3, 4, 5].filter((x) => x !== f);
        freqs.splice(r - 1, 0, f);
        const items = [50, 40, 30, 20, 10].map((days, k) => item(`k${k}`, days, freqs[k], 1));
        const s = scoreRfm(items).get(`k${r - 1}`);
        expect([s?.r, s?.f]).toEqual([r, f]);
        expect(rfmSegment(s?.r as number, s?.f as number)).toBe(SPEC_GRID[r][f - 1]);
      }
    }
  });
});

const itemsArb = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    recencyDays: fc.integer({ min: 0, max: 30 }),
    frequency: fc.integer({ min: 1, max: 8 }),
    monetary: fc.integer({ min: -100, max: 300 }),
  }),
  { selector: (x) => x.id, minLength: 1, maxLength: 40 },
);

describe('scoreRfm properties', () => {
  it('scores every account 1–5 with a three-digit score and one segment', () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const got = scoreRfm(items);
        expect(got.size).toBe(items.length);
        for (const s of got.values()) {
          for (const v of [s.r, s.f, s.m])
            expect(v >= 1 && v <= 5 && Number.isInteger(v)).toBe(true);
          expect(s.score).toBe(`${s.r}${s.f}${s.m}`);
          expect(Object.values(SPEC_GRID).flat()).toContain(rfmSegment(s.r, s.f));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(itemsArb, fc.integer(), (items, seed) => {
        expect(scoreRfm(shuffled(mulberry32(seed), items))).toEqual(scoreRfm(items));
      }),
      { numRuns: 200 },
    );
  });

  it('is unchanged when every amount is multiplied by one rate', () => {
    fc.assert(
      fc.property(itemsArb, fc.constantFrom(7.1, 0.1375, 0.1, 1 / 3, 1e-4), (items, rate) => {
        const base = scoreRfm(items);
        const scaled = scoreRfm(items.map((x) => ({ ...x, monetary: x.monetary * rate })));
        for (const x of items) expect(scaled.get(x.id)?.score).toBe(base.get(x.id)?.score);
      }),
      { numRuns: 200 },
    );
  });
});
