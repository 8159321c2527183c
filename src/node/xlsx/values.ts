import type { CellValue as XlsxValue } from 'exceljs';
import { isDateCell, isInstantCell, type CellValue, type DateCell } from '../../core/values/cell';

const MS_PER_DAY = 86_400_000;

/**
 * An .xlsx file has no time zone: a date cell is a serial day number, which ExcelJS hands over as
 * a `Date` at that wall-clock time read as UTC. So the calendar day is plain arithmetic on the
 * UTC value, the same on every machine whatever its TZ.
 */
export function dateCellOf(d: Date): DateCell {
  const ms = d.getTime();
  let day = Math.floor(ms / MS_PER_DAY);
  // Serial fractions carry float noise (…23:59:59.9996): round to the second, then carry over.
  let seconds = Math.round((ms - day * MS_PER_DAY) / 1000);
  if (seconds >= 86_400) {
    day += 1;
    seconds -= 86_400;
  }
  return { kind: 'date', day, seconds };
}

/** A `Date` whose UTC fields are the wall-clock time of `day` + `seconds`, as ExcelJS writes it. */
export function excelDate(day: number, seconds = 0): Date {
  return new Date(day * MS_PER_DAY + seconds * 1000);
}

/**
 * A time stamp written by the runner (`sent_at`, `detected_at`) in the machine's local time, the
 * zone whose calendar "today" comes from (docs/cli.md), so the cell shows the time a person saw.
 */
export function localWallClock(ms: number): Date {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Formulas count by their cached result, rich text and links by their text, errors as `#N/A`. */
export function fromXlsxValue(v: XlsxValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateCellOf(v);
  if (!isObject(v)) return null;
  if ('richText' in v && Array.isArray(v.richText))
    return v.richText.map((r) => r.text).join('') || null;
  if ('error' in v && typeof v.error === 'string') return v.error;
  if ('formula' in v || 'sharedFormula' in v) {
    const result = (v as { result?: XlsxValue }).result;
    return result === undefined ? null : fromXlsxValue(result);
  }
  if ('hyperlink' in v) {
    const text = (v as { text?: XlsxValue }).text;
    return text === undefined ? null : fromXlsxValue(text);
  }
  return null;
}

export interface XlsxWrite {
  readonly value: XlsxValue;
  /** The number format the cell needs to show the value as intended (dates), or null. */
  readonly numFmt: string | null;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * Core values → ExcelJS values. Strings stay strings whatever they start with: ExcelJS makes a
 * formula only from a `{ formula }` object, and a string cell is stored as text (`t="s"`), which
 * Excel, LibreOffice and Google Sheets all open as text, so `=HYPERLINK(…)` typed in a note is
 * never run (docs/looker.md). Non-finite numbers become blanks rather than #NUM!.
 */
export function toXlsxValue(v: CellValue): XlsxWrite {
  if (v === null || v === undefined) return { value: null, numFmt: null };
  if (typeof v === 'string') return { value: v === '' ? null : v, numFmt: null };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : null, numFmt: null };
  if (typeof v === 'boolean') return { value: v, numFmt: null };
  if (isDateCell(v))
    return {
      value: excelDate(v.day, v.seconds),
      numFmt: v.seconds === 0 ? DATE_FORMAT : DATETIME_FORMAT,
    };
  if (isInstantCell(v)) return { value: localWallClock(v.ms), numFmt: DATETIME_FORMAT };
  return { value: null, numFmt: null };
}

/** True when a number format shows a date (a `y` or `d` outside quotes and brackets). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[yd]/i.test(bare);
}
