import { addMonthsClamped, type Day } from '../calendar/day';

/** An inclusive range of calendar days; empty when start > end. */
export interface DayWindow {
  readonly start: Day;
  readonly end: Day;
}

/**
 * The analysis window of docs/rules.md: [today − months, today], both ends included, where
 * "N months before" clamps to the month's last day (2024-02-29 − 12 months = 2023-02-28).
 */
export function analysisWindow(today: Day, months: number): DayWindow {
  return { start: addMonthsClamped(today, -months), end: today };
}

/**
 * The window of the same number of months just before `window` (for `revenue_prev_12m`):
 * [end − 2·months, start − 1 day]. It ends the day before the current window starts, so the two
 * never share a day, and it starts `2·months` before the current window's END rather than
 * `months` before its (already clamped) start, so clamping happens once and month ends do not
 * drift: for today 2024-03-31 and 1 month, the current window is [2024-02-29, 2024-03-31] and
 * this one is [2024-01-31, 2024-02-28] (from the start it would be [2024-01-29, …]).
 * The current window holds N months plus its first day, this one exactly N months.
 */
export function previousWindow(window: DayWindow, months: number): DayWindow {
  return { start: addMonthsClamped(window.end, -2 * months), end: window.start - 1 };
}

export function inWindow(day: Day, window: DayWindow): boolean {
  return day >= window.start && day <= window.end;
}
