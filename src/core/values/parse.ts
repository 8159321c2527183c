import { dayFromYmd, isValidYmd, type Day } from '../calendar/day';
import { normalizeName } from '../schema/normalize';
import type { EnumOption } from '../schema/types';
import { isDateCell, isInstantCell, type CellValue } from './cell';

/**
 * Readers for the value types of docs/rules.md "Reading values". Each returns the value, or
 * `undefined` when the cell holds something that is not that type (the caller reports it).
 * Blank cells are handled by the caller before these are called.
 */

const DATE_PATTERNS: readonly RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/,
];

export function readDate(v: CellValue): Day | undefined {
  if (isDateCell(v)) return v.day;
  if (typeof v !== 'string') return undefined;
  const text = v.trim();
  for (const re of DATE_PATTERNS) {
    const m = re.exec(text);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return isValidYmd(y, mo, d) ? dayFromYmd(y, mo, d) : undefined;
    }
  }
  return undefined;
}

/** Month and day, with the year when known: full dates, `MM-DD`, `M/D`, `M月D日`, `--MM-DD`. */
export function readMonthDay(
  v: CellValue,
): { month: number; day: number; year: number | null } | undefined {
  const full = readDate(v);
  if (full !== undefined) {
    const dt = new Date(full * 86_400_000);
    return { month: dt.getUTCMonth() + 1, day: dt.getUTCDate(), year: dt.getUTCFullYear() };
  }
  if (typeof v !== 'string') return undefined;
  const m =
    /^(?:--)?(\d{1,2})[-/](\d{1,2})$/.exec(v.trim()) ??
    /^(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(v.trim());
  if (!m) return undefined;
  const [month, day] = [Number(m[1]), Number(m[2])];
  // 2000 is a leap year, so 29 February is accepted when the year is unknown.
  return isValidYmd(2000, month, day) ? { month, day, year: null } : undefined;
}

const CURRENCY_SIGNS = /[¥￥$€£₩₹元]/g;
/** ISO-style codes (and RMB) before or after the number: `USD 1,200`, `1 200 EUR`. */
const CURRENCY_CODE = /^[A-Z]{3}(?![A-Za-z])|(?<![A-Za-z])[A-Z]{3}$/g;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** Numbers, or text of a number with thousands separators, spaces and a currency sign or code. */
export function readNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  let text = v.normalize('NFKC').trim();
  if (text === '') return undefined;
  text = text.replace(CURRENCY_CODE, '').replace(CURRENCY_SIGNS, '');
  // Thousands separators: commas between digit groups, and (narrow) spaces.
  text = text.replace(/[\s\u00a0\u202f]/g, '');
  if (/,/.test(text)) {
    if (!/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return undefined;
    text = text.replace(/,/g, '');
  }
  if (!PLAIN_NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export function readInteger(v: CellValue): number | undefined {
  const n = readNumber(v);
  return n !== undefined && Number.isInteger(n) ? n : undefined;
}

/** Index of an enum by every accepted spelling: the code and both labels, normalized. */
export type EnumIndex = ReadonlyMap<string, string>;

const enumIndexes = new WeakMap<readonly EnumOption[], EnumIndex>();

export function enumIndex(options: readonly EnumOption[]): EnumIndex {
  let idx = enumIndexes.get(options);
  if (!idx) {
    const map = new Map<string, string>();
    for (const o of options) {
      for (const label of [o.code, o.en, o.zh]) map.set(normalizeName(label), o.code);
    }
    enumIndexes.set(options, map);
    idx = map;
  }
  return idx;
}

export function readEnum(v: CellValue, options: readonly EnumOption[]): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  return enumIndex(options).get(normalizeName(String(v)));
}

const YES = new Set(['yes', 'y', 'true', '1', '是', '有', 'x', '✓', '✔']);
const NO = new Set(['no', 'n', 'false', '0', '否', '无', '没有']);

export function readYesNo(v: CellValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const key = normalizeName(v) || v.trim();
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

const EMAIL = /^[^\s@,;<>()[\]"]+@[^\s@,;<>()[\]"]+\.[^\s@,;<>()[\]".]{2,}$/;

/** A single address, lower-cased; `mailto:` and surrounding spaces are tolerated. */
export function readEmail(v: CellValue): string | undefined {
  if (typeof v !== 'string') return undefined;
  const text = v.trim().replace(/^mailto:/i, '');
  return EMAIL.test(text) ? text.toLowerCase() : undefined;
}

/** Text of any cell, trimmed; dates become YYYY-MM-DD-free display via the caller. */
export function readText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isDateCell(v) || isInstantCell(v)) return displayValue(v);
  return '';
}

/** How a value is shown in a data issue or a log: dates as YYYY-MM-DD. */
export function displayValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (isDateCell(v)) {
    const dt = new Date(v.day * 86_400_000);
    return dt.toISOString().slice(0, 10);
  }
  if (isInstantCell(v)) return new Date(v.ms).toISOString();
  return String(v);
}
