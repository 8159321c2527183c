import { isDateCell, isInstantCell, type CellValue } from '../../../core/values/cell';
import { dateCellOf, localWallClock } from '../values';

const MS_PER_DAY = 86_400_000;
/** Serial day of 1970-01-01 in the 1900 date system; the 1904 system counts 1,462 days fewer. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;

/** A 1-based column number from a cell reference (`AB12` → 28); 0 when there is none. */
export function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
  }
  return col;
}

export function rowOf(ref: string): number {
  const m = /\d+/.exec(ref);
  return m ? Number(m[0]) : 0;
}

export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A date cell from a serial number, as the workbook's date system counts. */
export function dateFromSerial(serial: number, date1904: boolean): CellValue {
  const days = serial - UNIX_EPOCH_SERIAL + (date1904 ? DAYS_1904 : 0);
  return dateCellOf(new Date(Math.round(days * MS_PER_DAY)));
}

/** The serial number Excel stores for a date or instant cell, in the workbook's date system. */
export function serialOf(v: CellValue, date1904: boolean): number | null {
  const shift = UNIX_EPOCH_SERIAL - (date1904 ? DAYS_1904 : 0);
  if (isDateCell(v)) return v.day + v.seconds / 86_400 + shift;
  if (isInstantCell(v)) return localWallClock(v.ms).getTime() / MS_PER_DAY + shift;
  return null;
}

/** A `t="d"` cell: an ISO 8601 date or date-time, read as wall-clock time. */
export function dateFromIso(text: string): CellValue {
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`;
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(ms) ? null : dateCellOf(new Date(ms));
}
