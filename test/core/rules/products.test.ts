import fc from 'fast-check';
import { ymdFromDay } from '../../../src/core/calendar/day';
import { computeMetrics } from '../../../src/core/engine/compute';
import { productRows } from '../../../src/core/outputs/products';
import { revenueByMonthOfYear, topProducts } from '../../../src/core/rules/products';
import { PRODUCTS_COLUMNS } from '../../../src/core/schema/sheets';
import { dateCell } from '../../../src/core/values/cell';
import { account, D, modelOf, tx } from './model-builders';

const today = D('2026-05-15'); // window [2025-05-15, 2026-05-15]
const day = D('2026-02-10');

describe('products (docs/looker.md "products")', () => {
  const model = modelOf(
    [account('A'), account('B')],
    [
      tx('A', day, 100, 'Valve'),
      tx('A', D('2026-04-01'), 50, 'Valve'),
      tx('A', D('2026-04-02'), -30, 'Valve'), // a return: in revenue, not an order
      tx('A', D('2025-05-14'), 999, 'Pump'), // one day before the window: no row
      tx('A', day, 70, 'Seal'),
      tx('A', day, 5, ''), // no product: in revenue_12m, in no product row
      tx('B', D('2026-03-03'), -20, 'Pump'), // only a return in the window: a row, no order
      tx('B', D('2024-01-01'), 10, 'Pump'),
    ],
  );
  const metrics = computeMetrics(model, today);

  it('one row per account and product with transactions in the window, largest first', () => {
    const rows = productRows(metrics, today);
    expect(rows.every((r) => r.length === PRODUCTS_COLUMNS.length)).toBe(true);
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['A', 'Valve', 120, 2, dateCell(D('2026-04-01'))],
      ['A', 'Seal', 70, 1, dateCell(D('2026-02-10'))],
      ['B', 'Pump', -20, 0, dateCell(D('2024-01-01'))],
    ]);
    expect(metrics[0].revenue12m).toBe(195);
  });
});

describe('cross-sell (docs/rules.md "Cross-sell")', () => {
  // Chemicals: six accounts. Alpha and Beta: 3 buyers each (50 %), a tie broken by name;
  // Gamma and Zeta: 2 each (33 %); Delta: 1 (17 %, under 30 %); Eps: returns only (not bought).
  const chem = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6'];
  const bought: Record<string, string[]> = {
    C1: ['Beta', 'Alpha', 'Zeta'],
    C2: ['Alpha', 'Beta', 'Zeta'],
    C3: ['Alpha', 'Beta'],
    C4: ['Gamma'],
    C5: ['Gamma'],
    C6: ['Delta'],
  };
  const accounts = [
    ...chem.map((id, i) => account(id, { industry: i === 2 ? '  chemicals ' : 'Chemicals' })),
    // Four food accounts: under whitespace_min_accounts (5), so no suggestions there.
    ...['F1', 'F2', 'F3', 'F4'].map((id) => account(id, { industry: 'Food' })),
    account('N', { industry: '' }),
  ];
  const txs = [
    ...chem.flatMap((id) => bought[id].map((p) => tx(id, day, 10, p))),
    tx('C1', day, -5, 'Eps'),
    tx('C2', day, -5, 'Eps'),
    tx('C6', D('2024-06-01'), 10, 'Alpha'), // bought before the window: still suggested
    ...['F1', 'F2', 'F3'].map((id) => tx(id, day, 10, 'Flour')),
  ];
  const suggestions = (over = {}) =>
    Object.fromEntries(
      computeMetrics(modelOf(accounts, txs, over), today).map((m) => [m.accountId, m.crossSell]),
    );

  it('suggests up to three products most of the industry buys, ties by name', () => {
    const s = suggestions();
    expect(s.C6).toEqual(['Alpha', 'Beta', 'Gamma']); // Zeta cut: three at most
    expect(s.C4).toEqual(['Alpha', 'Beta', 'Zeta']);
    expect(s.C1).toEqual(['Gamma']);
    expect(s.C3).toEqual(['Gamma', 'Zeta']); // industry matched ignoring case and spaces
    expect(s.F4).toEqual([]);
    expect(s.N).toEqual([]);
  });

  it('follows whitespace_min_share and whitespace_min_accounts', () => {
    const half = suggestions({ whitespaceMinShare: 0.5 });
    expect(half.C6).toEqual(['Alpha', 'Beta']);
    expect(half.C1).toEqual([]);
    // 2 of 6 is 0.333…: at exactly the share a product counts (3 of 10 at 0.3 is in).
    expect(suggestions({ whitespaceMinShare: 2 / 6 }).C1).toEqual(['Gamma']);
    const food = suggestions({ whitespaceMinAccounts: 4 });
    expect(food.F4).toEqual(['Flour']);
    expect(food.F1).toEqual([]);
    expect(suggestions({ whitespaceMinAccounts: 7 }).C6).toEqual([]);
  });

  it('writes cross_sell joined by ", " in the summary', () => {
    const m = computeMetrics(modelOf(accounts, txs), today);
    expect(m.find((x) => x.accountId === 'C6')?.crossSell.join(', ')).toBe('Alpha, Beta, Gamma');
  });
});

describe('seasonality (docs/rules.md "Seasonality")', () => {
  it('top five products by revenue in the window, then revenue per calendar month', () => {
    const model = modelOf(
      [account('A'), account('B')],
      [
        ...['P1', 'P2', 'P3', 'P4', 'P5', 'P6'].map((p, i) => tx('A', day, 100 - i, p)),
        tx('B', D('2025-12-20'), 40, 'P6'), // P6: 95 + 40 = 135, the largest
        tx('B', D('2025-05-20'), 7, 'P1'), // May of last year, in the window
        tx('B', D('2026-05-02'), 3, 'P1'), // May of this year: the same month of year
        tx('B', D('2025-05-01'), 1000, 'P7'), // before the window
        tx('B', day, -500, 'P8'), // negative total: never a top product
      ],
    );
    const metrics = computeMetrics(model, today);
    const top = topProducts(metrics.map((m) => m.products));
    expect(top).toEqual(['P6', 'P1', 'P2', 'P3', 'P4']);
    const sums = revenueByMonthOfYear(
      model.transactions,
      top,
      today,
      D('2025-05-15'),
      (d) => ymdFromDay(d).m,
    );
    expect(sums[1]).toEqual([95, 100, 99, 98, 97]); // February
    expect(sums[4]).toEqual([0, 10, 0, 0, 0]); // May: both years
    expect(sums[11]).toEqual([40, 0, 0, 0, 0]); // December
  });
});

describe('products: property', () => {
  it('products revenue per account equals revenue_12m when every transaction names a product', () => {
    const arb = fc.array(
      fc.record({
        account: fc.constantFrom('A', 'B', 'C'),
        product: fc.constantFrom('p', 'q', 'r', 'Valve 阀门', ''),
        cents: fc.integer({ min: -100_000, max: 10_000_000 }),
        offset: fc.integer({ min: -800, max: 0 }),
      }),
      { maxLength: 60 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const model = modelOf(
          [account('A'), account('B'), account('C')],
          rows.map((r) => tx(r.account, today + r.offset, r.cents / 100, r.product)),
        );
        for (const m of computeMetrics(model, today)) {
          const named = rows.filter((r) => r.account === m.accountId).every((r) => r.product);
          const sum = m.products.reduce((s, p) => s + p.revenue12m, 0);
          if (named) expect(Math.abs(sum - m.revenue12m)).toBeLessThan(1e-6);
          const orders = m.products.reduce((s, p) => s + p.orders12m, 0);
          if (named) expect(orders).toBe(m.orders12m);
          expect(new Set(m.products.map((p) => p.product)).size).toBe(m.products.length);
        }
      }),
      { numRuns: 500 },
    );
  });
});
