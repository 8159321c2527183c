import { parseIsoDay, type Day } from '../../../src/core/calendar/day';
import { creditRating, type Invoice } from '../../../src/core/rules/credit';

const D = (s: string): Day => parseIsoDay(s) as Day;
const today = D('2026-05-15');
const windowStart = D('2025-05-15');
const unpaidDue = (daysAgo: number, amount = 100): Invoice => ({
  amount,
  dueDate: today - daysAgo,
  paidDate: null,
});
const rate = (invoices: Invoice[], limit: number | null = null) =>
  creditRating(invoices, limit, today, windowStart);

describe('creditRating: days overdue', () => {
  it('rates 0 → A, 1–30 → B, 31–60 → C, > 60 → D', () => {
    expect(rate([unpaidDue(0)])).toBe('A');
    expect(rate([unpaidDue(-10)])).toBe('A'); // not due yet: floored at 0
    expect(rate([unpaidDue(1)])).toBe('B');
    expect(rate([unpaidDue(30)])).toBe('B');
    expect(rate([unpaidDue(31)])).toBe('C');
    expect(rate([unpaidDue(60)])).toBe('C');
    expect(rate([unpaidDue(61)])).toBe('D');
    // The maximum counts.
    expect(rate([unpaidDue(0), unpaidDue(45), unpaidDue(5)])).toBe('C');
  });

  it('measures paid invoices to the paid date, within the window only', () => {
    const due = D('2025-06-01');
    // Paid 61 days late, inside the window → D.
    expect(rate([{ amount: 100, dueDate: due, paidDate: due + 61 }])).toBe('D');
    // Paid on the window start → counted: due 2025-04-14, paid 2025-05-15 = 31 days → C.
    expect(rate([{ amount: 100, dueDate: D('2025-04-14'), paidDate: windowStart }])).toBe('C');
    // Paid the day before the window → not counted; nothing else, no limit → blank.
    expect(rate([{ amount: 100, dueDate: D('2025-03-01'), paidDate: windowStart - 1 }])).toBeNull();
    // A paid date after today is not a payment yet: unpaid, 20 days overdue → B.
    expect(rate([{ amount: 100, dueDate: today - 20, paidDate: today + 3 }])).toBe('B');
  });
});

describe('creditRating: utilisation', () => {
  it('rates unpaid ÷ limit ≤ 0.8 → A, ≤ 1.0 → B, > 1.0 → C', () => {
    expect(rate([unpaidDue(0, 800)], 1000)).toBe('A'); // exactly 0.8
    expect(rate([unpaidDue(0, 800.01)], 1000)).toBe('B');
    expect(rate([unpaidDue(0, 1000)], 1000)).toBe('B'); // exactly 1.0
    expect(rate([unpaidDue(0, 1000.01)], 1000)).toBe('C');
    // 0.28 of 0.35 is exactly 0.8, but 0.28 / 0.35 = 0.8000000000000002 in binary: still A.
    expect(rate([unpaidDue(0, 0.28)], 0.35)).toBe('A');
    // 0.01 + 0.55 = 0.56 of 0.7, also 0.8000000000000002 → A.
    expect(rate([unpaidDue(0, 0.01), unpaidDue(0, 0.55)], 0.7)).toBe('A');
    // Paid invoices do not use the limit.
    expect(rate([{ amount: 5000, dueDate: today - 5, paidDate: today - 5 }], 1000)).toBe('A');
  });

  it('takes the worse of overdue and utilisation', () => {
    // 10 days overdue (B) and 1200/1000 = 1.2 (C) → C.
    expect(rate([unpaidDue(10, 1200)], 1000)).toBe('C');
    // 61 days overdue (D) and 0.1 (A) → D.
    expect(rate([unpaidDue(61, 100)], 1000)).toBe('D');
  });

  it('reads a blank or zero limit as no limit', () => {
    expect(rate([], null)).toBeNull();
    expect(rate([], 0)).toBeNull();
    // Huge unpaid amount, no limit: days overdue alone (5 → B).
    expect(rate([unpaidDue(5, 1e9)], 0)).toBe('B');
    expect(rate([unpaidDue(5, 1e9)], null)).toBe('B');
    // A limit and no invoices: utilisation 0 → A.
    expect(rate([], 1000)).toBe('A');
  });
});
