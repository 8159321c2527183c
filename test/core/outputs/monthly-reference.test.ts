import fc from 'fast-check';
import { dayFromYmd, ymdFromDay, type Day } from '../../../src/core/calendar/day';
import { dashboardTables, dashboardTitles } from '../../../src/core/dashboard/tables';
import { computeMetrics } from '../../../src/core/engine/compute';
import { generateModel } from '../../../src/core/sample-data/generate-model';
import { monthlyRows } from '../../../src/core/outputs/monthly';
import type { AccountMetrics } from '../../../src/core/model/metrics';
import type { KamModel, TransactionRecord } from '../../../src/core/model/records';
import { dateCell, type Grid } from '../../../src/core/values/cell';

const TODAY = dayFromYmd(2026, 11, 23);
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The first implementation of `monthlyRows` (a Date per transaction, a string key per cell),
 * kept as the definition the faster one must match row for row and digit for digit.
 */
function reference(model: KamModel, metrics: readonly AccountMetrics[], today: Day): Grid {
  const monthStart = (day: Day): Day => {
    const { y, m } = ymdFromDay(day);
    return dayFromYmd(y, m, 1);
  };
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

/** Generated data bent the ways real sheets are: odd amounts, unknown accounts, far dates. */
const arbitraryCase = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  // Up to 60 accounts: with a date in 1900, months × accounts passes the dense table's limit.
  accounts: fc.integer({ min: 0, max: 60 }),
  transactions: fc.integer({ min: 0, max: 300 }),
  extra: fc.array(
    fc.record({
      date: fc.integer({ min: dayFromYmd(1900, 1, 1), max: dayFromYmd(2100, 12, 31) }),
      account: fc.oneof(fc.constant('NOPE'), fc.constant('A0001'), fc.string({ maxLength: 3 })),
      amount: fc.oneof(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.constant(0),
        fc.constant(-0),
      ),
    }),
    { maxLength: 12 },
  ),
});

type CaseOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

function build(c: CaseOf<typeof arbitraryCase>): KamModel {
  const model = generateModel({
    accounts: c.accounts,
    transactions: c.transactions,
    seed: c.seed,
    today: TODAY,
  });
  const extra: TransactionRecord[] = c.extra.map((e, i) => ({
    row: 10_000 + i,
    date: e.date,
    accountId: e.account,
    product: '',
    amount: e.amount,
    currency: 'CNY',
    paymentDueDate: null,
    paidDate: null,
  }));
  // A duplicate account ID (a model not from parseWorkbook may have one): the last owner wins.
  const accounts =
    model.accounts.length > 1
      ? [...model.accounts, { ...model.accounts[0], ownerEmail: null }]
      : model.accounts;
  return { ...model, accounts, transactions: [...model.transactions, ...extra] };
}

describe('monthlyRows against its first implementation', () => {
  it('gives the same rows, dense (a few years) or sparse (a date decades away) alike', () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const model = build(c);
        const metrics = computeMetrics(model, TODAY);
        expect(monthlyRows(model, metrics, TODAY)).toEqual(reference(model, metrics, TODAY));
      }),
      { numRuns: 150 },
    );
  });

  it('matches when one date typo makes the history a century long (the sparse table)', () => {
    const model = generateModel({ accounts: 300, transactions: 3_000, seed: 11, today: TODAY });
    const typo = { ...model.transactions[7], date: dayFromYmd(1926, 11, 2) };
    const withTypo = { ...model, transactions: [...model.transactions, typo] };
    const metrics = computeMetrics(withTypo, TODAY);
    expect(monthlyRows(withTypo, metrics, TODAY)).toEqual(reference(withTypo, metrics, TODAY));
  });

  it('matches on a large generated workbook, where the dense table is used', () => {
    const model = generateModel({ accounts: 400, transactions: 20_000, seed: 3, today: TODAY });
    const metrics = computeMetrics(model, TODAY);
    expect(monthlyRows(model, metrics, TODAY)).toEqual(reference(model, metrics, TODAY));
  });
});

describe('dashboardTitles', () => {
  it('are the titles dashboardTables gives, in order, in both languages', () => {
    const model = generateModel({ accounts: 30, transactions: 400, seed: 5, today: TODAY });
    const metrics = computeMetrics(model, TODAY);
    for (const locale of ['en', 'zh-CN'] as const)
      expect(dashboardTitles(model, locale)).toEqual(
        dashboardTables(model, metrics, TODAY, locale).map((t) => t.title),
      );
  });
});
