/**
 * How a value written by `setValue(s)`/`appendRow` is stored. Apps Script writes like a user
 * typing into the cell: `=…` is a formula, a leading `'` forces text, and text that looks like
 * a number, percentage, boolean or date becomes one — unless the cell's number format is `@`
 * (plain text). Supported conversions (a subset of Sheets' parser):
 *   "123", "-4.5", "1e3", " 7 "      → number
 *   "1,234.5" (locales with "." decimals) / "1,5" (locales with "," decimals) → number
 *   "50%"                            → 0.5
 *   "true" / "FALSE"                 → boolean
 *   "$2.99", "-$1,234.50", "¥5" (in any locale "$"; also the locale's own symbol)
 *                                    → number, and the cell gets a currency number format
 *   "2024-01-31", "2024/1/31", "2024-01-31 13:45[:10]", and "1/31/2024" in en_US
 *                                    → Date at that wall time in the spreadsheet's time zone
 *   in English locales, month names: "May 1", "May 1, 2026", "1 May 2026", "1-May", "Jan 2026"
 *                                    → Date (this year when the year is left out; day 1 when
 *                                      the day is)
 * Not converted (stay text): other date orders, times alone, Chinese dates such as "5月1日".
 */
import { wallTimeToDate } from './dates';

/** A formula to store; the fake cannot evaluate it, so its value reads as "". */
export class FormulaInput {
  constructor(readonly text: string) {}
}

/** A number typed with a currency symbol: Sheets stores the number and formats the cell. */
export class CurrencyInput {
  constructor(
    readonly value: number,
    readonly numberFormat: string,
  ) {}
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const CURRENCY = /^([+-]?)\s*([$¥￥€£])\s*([+-]?)\s*(\d[\d,]*(?:\.\d+)?|\.\d+)$/;
const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
/** "May 1", "May 1, 2026", "May 1 2026", "May-1". */
const MONTH_DAY = new RegExp(`^${MONTH}[\\s-]+(\\d{1,2})(?:(?:,\\s*|\\s+|-)(\\d{4}))?$`, 'i');
/** "1 May", "1 May 2026", "1-May", "1-May-2026". */
const DAY_MONTH = new RegExp(`^(\\d{1,2})[\\s-]+${MONTH}(?:[\\s,-]+(\\d{4}))?$`, 'i');
/** "May 2026", "Jan-2026": the first of that month. */
const MONTH_YEAR = new RegExp(`^${MONTH}[\\s,-]+(\\d{4})$`, 'i');

/** Locale → its own currency symbol, besides "$" which Sheets reads in any locale. */
const LOCALE_CURRENCY: Readonly<Record<string, string>> = {
  zh: '¥￥',
  ja: '¥￥',
  en_GB: '£',
  de: '€',
  fr: '€',
  es: '€',
  it: '€',
  nl: '€',
  pt_PT: '€',
};

export interface ParseContext {
  timeZone: string;
  locale: string;
  decimalComma: boolean;
  /** The current year in the spreadsheet's zone, for dates typed without one ("May 1"). */
  year: () => number;
}

function validDate(y: number, m: number, d: number, h: number, mi: number, s: number): boolean {
  if (m < 1 || m > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  // Days in the month; not from a December + 1 date, which would wrap to January of `y`.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

/** Cheap pre-check on the first character so ordinary text skips the regexes. */
function mightConvert(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // digit
    code === 43 || // +
    code === 45 || // -
    code === 46 || // .
    code === 32 || // space
    code === 9 ||
    code === 61 || // =
    code === 39 || // '
    code === 116 || // t
    code === 84 || // T
    code === 102 || // f
    code === 70 || // F
    code === 36 || // $
    code === 165 || // ¥
    code === 65509 || // ￥
    code === 8364 || // €
    code === 163 || // £
    MONTH_INITIAL.has(code)
  );
}

/** First letters of English month names, either case. */
const MONTH_INITIAL = new Set([...'jfmasondJFMASOND'].map((c) => c.charCodeAt(0)));

function currencySymbols(locale: string): string {
  return `$${LOCALE_CURRENCY[locale] ?? LOCALE_CURRENCY[locale.split('_')[0]] ?? ''}`;
}

function parseCurrency(t: string, ctx: ParseContext): CurrencyInput | undefined {
  const m = CURRENCY.exec(t);
  if (m === null || !currencySymbols(ctx.locale).includes(m[2])) return undefined;
  if (m[1] !== '' && m[3] !== '') return undefined;
  const digits = m[4];
  if (digits.includes(',') && (ctx.decimalComma || !/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)))
    return undefined;
  const sign = m[1] === '-' || m[3] === '-' ? -1 : 1;
  const symbol = m[2] === '￥' ? '¥' : m[2];
  return new CurrencyInput(sign * Number(digits.replace(/,/g, '')), `"${symbol}"#,##0.00`);
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase() as (typeof MONTHS)[number]) + 1;
}

/** English month-name dates, as Sheets reads them in English locales. */
function parseMonthName(t: string, ctx: ParseContext): Date | undefined {
  if (!ctx.locale.startsWith('en')) return undefined;
  let y: number;
  let m: number;
  let d: number;
  let hit = MONTH_DAY.exec(t);
  if (hit !== null) {
    [m, d, y] = [monthIndex(hit[1]), Number(hit[2]), hit[3] ? Number(hit[3]) : ctx.year()];
  } else if ((hit = DAY_MONTH.exec(t)) !== null) {
    [d, m, y] = [Number(hit[1]), monthIndex(hit[2]), hit[3] ? Number(hit[3]) : ctx.year()];
  } else if ((hit = MONTH_YEAR.exec(t)) !== null) {
    [m, d, y] = [monthIndex(hit[1]), 1, Number(hit[2])];
  } else {
    return undefined;
  }
  return validDate(y, m, d, 0, 0, 0) ? wallTimeToDate(ctx.timeZone, y, m, d) : undefined;
}

/**
 * The stored form of typed text: the same string when nothing applies, `undefined` for blank,
 * a FormulaInput, a CurrencyInput, or the converted number/boolean/Date/text.
 */
export function parseTyped(text: string, ctx: ParseContext): unknown {
  if (text === '') return undefined;
  if (!mightConvert(text.charCodeAt(0))) return text;
  if (text[0] === '=' && text.length > 1) return new FormulaInput(text);
  if (text[0] === "'") return text.length === 1 ? undefined : text.slice(1);
  const t = text.trim();
  if (t === '') return text;
  const first = t.charCodeAt(0) | 32;
  if (first >= 97 && first <= 122) {
    // Ordinary words (account names, notes) start with a letter: only booleans and month names.
    const lower = t.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    return parseMonthName(t, ctx) ?? text;
  }
  if (NUMBER.test(t)) return Number(t);
  if (ctx.decimalComma) {
    if (COMMA_DECIMAL.test(t)) return Number(t.replace(',', '.'));
  } else if (GROUPED.test(t)) {
    return Number(t.replace(/,/g, ''));
  }
  const pct = PERCENT.exec(t);
  if (pct !== null) return Number(pct[1]) / 100;
  const lower = t.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  const iso = ISO_DATE.exec(t);
  if (iso !== null) {
    const [y, m, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) =>
      iso[i] === undefined ? 0 : Number(iso[i]),
    );
    if (validDate(y, m, d, h, mi, s)) return wallTimeToDate(ctx.timeZone, y, m, d, h, mi, s);
    return text;
  }
  const money = parseCurrency(t, ctx);
  if (money !== undefined) return money;
  const named = parseMonthName(t, ctx);
  if (named !== undefined) return named;
  if (ctx.locale === 'en_US') {
    const us = US_DATE.exec(t);
    if (us !== null) {
      const m = Number(us[1]);
      const d = Number(us[2]);
      const y = Number(us[3]);
      if (validDate(y, m, d, 0, 0, 0)) return wallTimeToDate(ctx.timeZone, y, m, d);
    }
  }
  return text;
}

/** Whether the locale writes decimals with a comma (then "1,5" is 1.5 and "1,234" is text). */
export function localeUsesDecimalComma(locale: string): boolean {
  try {
    const parts = new Intl.NumberFormat(locale.replace('_', '-')).formatToParts(1.5);
    return parts.find((p) => p.type === 'decimal')?.value === ',';
  } catch {
    return false;
  }
}
