import { dayFromYmd, daysInMonth, isValidYmd, type Day } from '../../calendar/day';

/** A plan period: its first and last calendar day, both included. */
export interface Period {
  readonly first: Day;
  readonly last: Day;
  /** The period as written the usual way (`2026`, `2026-Q4`, `2026-03`), for messages. */
  readonly label: string;
}

/**
 * Reads a plan's `period` (docs/rules.md "Risk flags"): `YYYY` (the calendar year), `YYYY-Qn`
 * (quarter n = 1–4; `q` in either case) or `YYYY-MM` (month 01–12), spaces around it ignored.
 * null for anything else, so a plan with another period text never has a current target.
 */
export function parsePeriod(text: string): Period | null {
  const s = text.trim();
  let m = /^(\d{4})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    return { first: dayFromYmd(y, 1, 1), last: dayFromYmd(y, 12, 31), label: m[1] };
  }
  m = /^(\d{4})-[Qq]([1-4])$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const firstMonth = (Number(m[2]) - 1) * 3 + 1;
    const lastMonth = firstMonth + 2;
    return {
      first: dayFromYmd(y, firstMonth, 1),
      last: dayFromYmd(y, lastMonth, daysInMonth(y, lastMonth)),
      label: `${m[1]}-Q${m[2]}`,
    };
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (!isValidYmd(y, mo, 1)) return null;
    return {
      first: dayFromYmd(y, mo, 1),
      last: dayFromYmd(y, mo, daysInMonth(y, mo)),
      label: `${m[1]}-${m[2]}`,
    };
  }
  return null;
}

/** Days in the period, both ends included. */
export function periodLength(p: Period): number {
  return p.last - p.first + 1;
}

export function periodContains(p: Period, day: Day): boolean {
  return day >= p.first && day <= p.last;
}

/**
 * The elapsed share of the period on `today`: (today − first day + 1) ÷ days in the period, so
 * the first day counts as one day elapsed and the last day gives 1. Clamped to 0…1 for a day
 * outside the period.
 */
export function elapsedShare(p: Period, today: Day): number {
  if (today < p.first) return 0;
  if (today >= p.last) return 1;
  return (today - p.first + 1) / periodLength(p);
}
