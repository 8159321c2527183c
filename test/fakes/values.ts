/**
 * How a value written by `setValue(s)`/`appendRow` is stored. Apps Script writes like a user
 * typing into the cell: `=…` is a formula, a leading `'` forces text, and text that looks like
 * a number, percentage, boolean or date becomes one — unless the cell's number format is `@`
 * (plain text). Supported conversions (a subset of Sheets' parser):
 *   "123", "-4.5", "1e3", " 7 "      → number
 *   "1,234.5" (locales with "." decimals) / "1,5" (locales with "," decimals) → number
 *   "50%"                            → 0.5
 *   "true" / "FALSE"                 → boolean
 *   "2024-01-31", "2024/1/31", "2024-01-31 13:45[:10]", and "1/31/2024" in en_US
 *                                    → Date at that wall time in the spreadsheet's time zone
 * Not converted (stay text): currency ("$2.99"), other date orders, times alone.
 */
import { utcMillis, wallTimeToDate } from './dates';

/** A formula to store; the fake cannot evaluate it, so its value reads as "". */
export class FormulaInput {
  constructor(readonly text: string) {}
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/;
const PERCENT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export interface ParseContext {
  timeZone: string;
  locale: string;
  decimalComma: boolean;
}

function validDate(y: number, m: number, d: number, h: number, mi: number, s: number): boolean {
  if (m < 1 || m > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const days = Math.round((utcMillis(y, m + 1, 1) - utcMillis(y, m, 1)) / 86400000);
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
    code === 70 // F
  );
}

/**
 * The stored form of typed text: the same string when nothing applies, `undefined` for blank,
 * a FormulaInput, or the converted number/boolean/Date/text.
 */
export function parseTyped(text: string, ctx: ParseContext): unknown {
  if (text === '') return undefined;
  if (!mightConvert(text.charCodeAt(0))) return text;
  if (text[0] === '=' && text.length > 1) return new FormulaInput(text);
  if (text[0] === "'") return text.length === 1 ? undefined : text.slice(1);
  const t = text.trim();
  if (t === '') return text;
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
