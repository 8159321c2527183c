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

/**
 * Days a `Date` can hold either side of 1970-01-01 (±8.64e15 ms). Beyond it `ymdFromDay` gives
 * NaN; the arithmetic below would not, so it checks the range to give the same answer.
 */
const MAX_DATE_DAY = 100_000_000;

/**
 * Months since January of year 0 (`y * 12 + (m - 1)` of `ymdFromDay(day)`), so consecutive
 * months are consecutive integers. Pure integer arithmetic (the civil-from-days algorithm of
 * H. Hinnant, on 400-year eras that start on 1 March) rather than a `Date`: the refresh calls it
 * once per transaction, and a `Date` per call was most of the monthly table's time.
 */
export function monthIndexOfDay(day: Day): number {
  if (!(Math.abs(day) <= MAX_DATE_DAY)) return NaN;
  // A fractional day lies within the day it starts in, as in `ymdFromDay`.
  const z = Math.floor(day) + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097; // day of the era, 0–146096
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)); // from 1 March, 0–365
  const mp = Math.floor((5 * doy + 2) / 153); // month from March, 0–11
  // The year above starts in March: January and February (mp 10, 11) belong to the next one.
  return (yoe + era * 400) * 12 + mp + 2;
}

/** The day number of the first of the month `monthIndexOfDay` numbers `index`. */
export function firstDayOfMonthIndex(index: number): Day {
  // Count years from March, as monthIndexOfDay does, so February's length never matters.
  const march = index - 2; // months since 0000-03
  const y = Math.floor(march / 12);
  const mp = march - y * 12; // month from March, 0–11
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doe =
    yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + Math.floor((153 * mp + 2) / 5);
  return era * 146_097 + doe - 719_468;
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
 * that month's last day: 2024-02-29 − 12 months = 2023-02-28 (docs/rules.md "Window").
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
