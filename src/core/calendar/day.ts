/**
 * Calendar days as plain integers: days since 1970-01-01 in a proleptic Gregorian calendar.
 * Every rule works in calendar days of the spreadsheet's time zone; the hosts convert their own
 * date values to a Day at the edge, so nothing here depends on the machine's TZ.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** True when y-m-d is a real calendar date (m 1–12, d within the month). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Day number of y-m-d (month 1–12). Uses Date.UTC, which is pure arithmetic in any TZ. */
export function dayFromYmd(y: number, m: number, d: number): Day {
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps the year as given.
  if (y >= 0 && y < 100) {
    const dt = new Date(ms);
    dt.setUTCFullYear(y);
    return Math.round(dt.getTime() / MS_PER_DAY);
  }
  return Math.round(ms / MS_PER_DAY);
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function ymdFromDay(day: Day): Ymd {
  const dt = new Date(day * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= width ? s : '0'.repeat(width - s.length) + s);
}

/** `YYYY-MM-DD`. */
export function formatDay(day: Day): string {
  const { y, m, d } = ymdFromDay(day);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** `YYYY-MM` of a day, the key of the monthly table. */
export function monthKey(day: Day): string {
  const { y, m } = ymdFromDay(day);
  return `${pad(y, 4)}-${pad(m, 2)}`;
}

/** Parses strict `YYYY-MM-DD` (as used by `--today`); null when it is not a real date. */
export function parseIsoDay(text: string): Day | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidYmd(y, m, d) ? dayFromYmd(y, m, d) : null;
}

/**
 * The same day of the month `months` months earlier (or later, for negative values), clamped to
 * that month's last day: 2024-02-29 − 12 months = 2023-02-28 (SPEC §3 "Window").
 */
export function addMonthsClamped(day: Day, months: number): Day {
  const { y, m, d } = ymdFromDay(day);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return dayFromYmd(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** Day of the year's month/day in a given year, clamping 29 Feb to 28 Feb in common years. */
export function anniversaryIn(year: number, m: number, d: number): Day {
  return dayFromYmd(year, m, Math.min(d, daysInMonth(year, m)));
}

/** Epoch milliseconds of a Day at UTC midnight; for hosts that need a timestamp. */
export function dayToUtcMs(day: Day): number {
  return day * MS_PER_DAY;
}

export function utcMsToDay(ms: number): Day {
  return Math.floor(ms / MS_PER_DAY);
}
