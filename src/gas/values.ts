import { isDateCell, isInstantCell, type CellValue, type Grid } from '../core/values/cell';
import type { SpreadsheetDates } from './dates';

type SheetValue = string | number | boolean | Date;

/**
 * Sheets would turn these strings into formulas, numbers, dates or booleans on write, or eat
 * their leading apostrophe (`'007` would be stored as `007`). Leading white space does not stop
 * Sheets from reading ` -5` or ` TRUE ` as a number or boolean. Currency (`$2.99`, `(¥5)`) and
 * English month names (`May 1`, `Dec 2026`, `Sept. 3`) are read as numbers and dates too.
 */
const MONTHS = [
  'jan(uary)?',
  'feb(ruary)?',
  'mar(ch)?',
  'apr(il)?',
  'may',
  'june?',
  'july?',
  'aug(ust)?',
  'sep(t(ember)?)?',
  'oct(ober)?',
  'nov(ember)?',
  'dec(ember)?',
];
const COERCED = new RegExp(
  [
    /^\s*[=+\-@'\d.,($¥￥€£₩₹]/.source,
    /^\s*(true|false)\s*$/.source,
    `^\\s*(${MONTHS.join('|')})(?![a-z])`,
  ].join('|'),
  'i',
);

/**
 * Core values → what `setValues` takes. Text that Sheets would reinterpret (a formula prefix
 * `= + - @`, something that looks like a number, an amount or a date, TRUE/FALSE) gets a leading
 * apostrophe, which Sheets keeps as "this is text" and does not show: an account ID `00123`, a
 * note `May 1` or `=HYPERLINK(…)` is written as the text it is, never a date and never run.
 */
export function toSheetValue(v: CellValue, dates: SpreadsheetDates): SheetValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v !== '' && COERCED.test(v) ? `'${v}` : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  if (typeof v === 'boolean') return v;
  if (isDateCell(v))
    return v.seconds > 0 ? dates.wallTimeOf(v.day, v.seconds) : dates.midnightOf(v.day);
  if (isInstantCell(v)) return new Date(v.ms);
  return '';
}

export function toSheetGrid(values: Grid, dates: SpreadsheetDates): SheetValue[][] {
  return values.map((row) => row.map((v) => toSheetValue(v, dates)));
}

/** `getValues` output → core values: `""` → null, `Date` → calendar day in the sheet's zone. */
export function fromSheetGrid(values: unknown[][], dates: SpreadsheetDates): Grid {
  const out: Grid = new Array(values.length);
  for (let r = 0; r < values.length; r++) {
    const src = values[r];
    const row: CellValue[] = new Array(src.length);
    for (let c = 0; c < src.length; c++) {
      const v = src[c];
      if (v === '' || v === null || v === undefined) row[c] = null;
      else if (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]') {
        const { day, seconds } = dates.dayOf(v as Date);
        row[c] = { kind: 'date', day, seconds };
      } else row[c] = v as CellValue;
    }
    out[r] = row;
  }
  return out;
}
