import fc from 'fast-check';
import { classifyAbc } from '../../../src/core/rules/abc';
import { mulberry32, shuffled } from '../../../src/core/sample-data/random';

const classes = (items: { id: string; revenue: number }[], a = 0.8, b = 0.95) =>
  Object.fromEntries(classifyAbc(items, a, b));

describe('classifyAbc', () => {
  it('keeps the account that crosses the A cut-off in A', () => {
    // total 100; before: x 0 → A, y 70/100 = 0.70 < 0.80 → A (it crosses to 0.90),
    // z 90/100 = 0.90 < 0.95 → B.
    expect(
      classes([
        { id: 'z', revenue: 10 },
        { id: 'x', revenue: 70 },
        { id: 'y', revenue: 20 },
      ]),
    ).toEqual({ x: 'A', y: 'A', z: 'B' });
  });

  it('breaks revenue ties by account id ascending (code-unit order)', () => {
    // a and b both 100, total 200, cut-offs 0.5/0.95: a is ranked first (before 0 → A),
    // b second (before 100/200 = 0.5, not < 0.5 → B), whatever the input order.
    expect(
      classes(
        [
          { id: 'b', revenue: 100 },
          { id: 'a', revenue: 100 },
        ],
        0.5,
        0.95,
      ),
    ).toEqual({ a: 'A', b: 'B' });
    // Code-unit order: 'B' (0x42) < 'a' (0x61), and '10' < '9'.
    expect(
      classes(
        [
          { id: 'a', revenue: 1 },
          { id: 'B', revenue: 1 },
        ],
        0.5,
        0.95,
      ),
    ).toEqual({ B: 'A', a: 'B' });
    expect(
      classes(
        [
          { id: '9', revenue: 1 },
          { id: '10', revenue: 1 },
        ],
        0.5,
        0.95,
      ),
    ).toEqual({ '10': 'A', '9': 'B' });
  });

  it('splits ten equal revenues 8 A / 2 B', () => {
    // Ten accounts of 10, total 100: before = 0, 0.1, …, 0.9. Below 0.8 → A (8 accounts);
    // 0.8 and 0.9 are < 0.95 → B; none C.
    const items = Array.from({ length: 10 }, (_, i) => ({ id: `A${i}`, revenue: 10 }));
    const got = [...classifyAbc(items, 0.8, 0.95).values()];
    expect(got.filter((c) => c === 'A')).toHaveLength(8);
    expect(got.filter((c) => c === 'B')).toHaveLength(2);
  });

  it('puts zero and negative revenue in C and leaves them out of the total', () => {
    // Positive total = 60 + 40 = 100 (the −1000 return does not reduce it): p1 before 0 → A,
    // p2 before 0.6 → A; zero and negative → C.
    expect(
      classes([
        { id: 'n', revenue: -1000 },
        { id: 'p1', revenue: 60 },
        { id: 'z', revenue: 0 },
        { id: 'p2', revenue: 40 },
      ]),
    ).toEqual({ n: 'C', p1: 'A', p2: 'A', z: 'C' });
    expect(
      classes([
        { id: 'a', revenue: 0 },
        { id: 'b', revenue: -5 },
      ]),
    ).toEqual({ a: 'C', b: 'C' });
    expect(classes([])).toEqual({});
  });

  it('treats a share exactly on a cut-off the same at any exchange rate', () => {
    // 80 + 15 + 5 = 100: b has before = 0.80 exactly, not < 0.80 → B; c has before = 0.95
    // exactly, not < 0.95 → C. Converted with 0.1375 or 7.1 the products round (0.8 × 13.75 is
    // not exactly 11 in binary); the classes must not move.
    for (const rate of [1, 7.1, 0.1375, 0.1, 1 / 3]) {
      expect(
        classes(
          [
            { id: 'a', revenue: 80 * rate },
            { id: 'b', revenue: 15 * rate },
            { id: 'c', revenue: 5 * rate },
          ],
          0.8,
          0.95,
        ),
      ).toEqual({
        a: 'A',
        b: 'B',
        c: 'C',
      });
    }
    // Five equal accounts, cut-offs 0.2 / 0.6: before = 0, 0.2, 0.4, 0.6, 0.8 → A B B C C.
    // At 7.1 each, a naive `before < 0.2 × total` reads 7.1 < 0.2 × 35.5 = 7.1000000000000005
    // as true and would give A A B B C.
    const five = (v: number) => ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, revenue: v }));
    expect(classes(five(1), 0.2, 0.6)).toEqual({ a: 'A', b: 'B', c: 'B', d: 'C', e: 'C' });
    expect(classes(five(7.1), 0.2, 0.6)).toEqual({ a: 'A', b: 'B', c: 'B', d: 'C', e: 'C' });
    // Sums that differ only by rounding noise (0.1 + 0.2 vs 0.3) are ties, broken by id.
    expect(
      classes(
        [
          { id: 'b', revenue: 0.1 + 0.2 },
          { id: 'a', revenue: 0.3 },
        ],
        0.5,
        0.95,
      ),
    ).toEqual({ a: 'A', b: 'B' });
  });
});

const itemsArb = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    revenue: fc.integer({ min: -50, max: 60 }),
  }),
  {
    selector: (x) => x.id,
    minLength: 1,
    maxLength: 40,
  },
);
const cutsArb = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
  .map(([x, y]) => [Math.min(x, y) / 100, Math.max(x, y) / 100] as const);

describe('classifyAbc properties', () => {
  it('gives every account exactly one class, better classes to higher revenue', () => {
    fc.assert(
      fc.property(itemsArb, cutsArb, (items, [a, b]) => {
        const got = classifyAbc(items, a, b);
        expect(got.size).toBe(items.length);
        for (const x of items) expect(['A', 'B', 'C']).toContain(got.get(x.id));
        for (const x of items) {
          if (x.revenue <= 0) expect(got.get(x.id)).toBe('C');
          for (const y of items) {
            if (x.revenue > y.revenue)
              expect((got.get(x.id) as string) <= (got.get(y.id) as string)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('does not depend on input order', () => {
    fc.assert(
      fc.property(itemsArb, cutsArb, fc.integer(), (items, [a, b], seed) => {
        expect(classifyAbc(shuffled(mulberry32(seed), items), a, b)).toEqual(
          classifyAbc(items, a, b),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('is unchanged when every amount is multiplied by one rate', () => {
    fc.assert(
      fc.property(
        itemsArb,
        cutsArb,
        fc.constantFrom(7.1, 0.1375, 0.1, 1 / 3, 1e-4, 12345.678),
        (items, [a, b], rate) => {
          const scaled = items.map((x) => ({ id: x.id, revenue: x.revenue * rate }));
          expect(classifyAbc(scaled, a, b)).toEqual(classifyAbc(items, a, b));
        },
      ),
      { numRuns: 200 },
    );
  });
});
