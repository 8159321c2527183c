import type { Day } from '../calendar/day';
import type { CreditRating } from '../model/metrics';
import { AMOUNT_TOLERANCE } from './amounts';

export interface Invoice {
  readonly amount: number;
  readonly dueDate: Day;
  readonly paidDate: Day | null;
}

/** An invoice counts as unpaid today when it has no paid date or one after today. */
export function isUnpaid(paidDate: Day | null, today: Day): boolean {
  return paidDate === null || paidDate > today;
}

/**
 * Days overdue of one invoice (docs/rules.md): (paid date, or today if unpaid) − due date, floored at
 * 0; −1 when the invoice does not count (paid before the window started). A paid date after today
 * is not a payment yet: the invoice counts as unpaid.
 */
export function invoiceOverdueDays(
  dueDate: Day,
  paidDate: Day | null,
  today: Day,
  windowStart: Day,
): number {
  if (isUnpaid(paidDate, today)) return Math.max(0, today - dueDate);
  const paid = paidDate as Day;
  return paid >= windowStart ? Math.max(0, paid - dueDate) : -1;
}

export function overdueRating(maxOverdueDays: number): CreditRating {
  return maxOverdueDays <= 0 ? 'A' : maxOverdueDays <= 30 ? 'B' : maxOverdueDays <= 60 ? 'C' : 'D';
}

/** ≤ 0.8 A, ≤ 1.0 B, > 1.0 C; the bounds allow for rounding noise in the unpaid sum. */
export function utilisationRating(unpaid: number, creditLimit: number): CreditRating {
  const u = unpaid / creditLimit;
  return u <= 0.8 + AMOUNT_TOLERANCE ? 'A' : u <= 1 + AMOUNT_TOLERANCE ? 'B' : 'C';
}

/**
 * The rating from totals: `maxOverdueDays` is −1 when no invoice counts. A null, zero (or
 * negative) limit means no limit: days overdue alone, null when there is no invoice either.
 */
export function ratingFromTotals(
  maxOverdueDays: number,
  unpaid: number,
  creditLimit: number | null,
): CreditRating | null {
  const hasLimit = creditLimit !== null && creditLimit > 0;
  if (!hasLimit) return maxOverdueDays < 0 ? null : overdueRating(maxOverdueDays);
  const byUse = utilisationRating(unpaid, creditLimit as number);
  if (maxOverdueDays < 0) return byUse;
  const byOverdue = overdueRating(maxOverdueDays);
  return byOverdue > byUse ? byOverdue : byUse; // 'A' < 'B' < … : the worse is the larger
}

/**
 * Credit rating of an account (docs/rules.md) over its invoices (transactions with a payment due date)
 * that are unpaid or were paid within [windowStart, today]: the worse of the days-overdue rating
 * and the utilisation (unpaid amounts ÷ credit limit) rating.
 */
export function creditRating(
  invoices: readonly Invoice[],
  creditLimit: number | null,
  today: Day,
  windowStart: Day,
): CreditRating | null {
  let maxOverdue = -1;
  let unpaid = 0;
  for (const inv of invoices) {
    const od = invoiceOverdueDays(inv.dueDate, inv.paidDate, today, windowStart);
    if (od < 0) continue;
    if (od > maxOverdue) maxOverdue = od;
    if (isUnpaid(inv.paidDate, today)) unpaid += inv.amount;
  }
  return ratingFromTotals(maxOverdue, unpaid, creditLimit);
}
