import type { Day } from '../calendar/day';
import type { IssueCode } from '../issues/issue';
import type { MonthDay } from '../model/records';
import type { ColumnDef } from '../schema/types';
import { isBlank, type CellValue } from '../values/cell';
import {
  readDate,
  readEmail,
  readEnum,
  readInteger,
  readMonthDay,
  readNumber,
  readText,
  readYesNo,
} from '../values/parse';

export type FieldValue = string | number | boolean | Day | MonthDay | null;

export interface CellProblem {
  readonly code: IssueCode;
  readonly params?: Record<string, string | number>;
}

export type CellResult = { ok: true; value: FieldValue } | { ok: false; problem: CellProblem };

const BLANK: CellResult = { ok: true, value: null };

function bounds(col: ColumnDef, n: number): CellProblem | null {
  const { min, max } = col;
  if (min !== undefined && max !== undefined && (n < min || n > max))
    return { code: 'out_of_range', params: { min, max } };
  if (min !== undefined && n < min) return { code: 'below_minimum', params: { min } };
  return null;
}

/**
 * What `readFilledCell` gives for a cell it cannot read. A class, so that no value can be taken
 * for it, and only the rare unreadable cell allocates one.
 */
export class Unreadable {
  constructor(readonly problem: CellProblem) {}
}

// Shared by every cell with that problem; frozen, as they carry no cell-specific detail.
const NOT_AN_EMAIL = new Unreadable(Object.freeze({ code: 'not_an_email' }));
const NOT_A_BIRTHDAY = new Unreadable(Object.freeze({ code: 'not_a_birthday' }));
const NOT_A_DATE = new Unreadable(Object.freeze({ code: 'not_a_date' }));
const NOT_YES_NO = new Unreadable(Object.freeze({ code: 'not_yes_no' }));

/**
 * Reads one cell that is not blank by its column's type: the value, never null, or Unreadable.
 * A table read calls it for each of millions of cells, so the value comes back bare rather than
 * in a result object per cell. Dates are Day numbers, enums their codes, yes/no booleans, emails
 * lower-cased. A `birthday` column accepts a month and day alone.
 */
export function readFilledCell(col: ColumnDef, v: CellValue): FieldValue | Unreadable {
  switch (col.type) {
    case 'text':
      return readText(v);
    case 'email': {
      const e = readEmail(v);
      return e === undefined ? NOT_AN_EMAIL : e;
    }
    case 'date':
    case 'datetime': {
      if (col.key === 'birthday') {
        const md = readMonthDay(v);
        return md === undefined ? NOT_A_BIRTHDAY : md;
      }
      const d = readDate(v);
      return d === undefined ? NOT_A_DATE : d;
    }
    case 'number':
    case 'integer': {
      const n = col.type === 'integer' ? readInteger(v) : readNumber(v);
      if (n === undefined)
        return new Unreadable({
          code:
            col.type === 'integer' && readNumber(v) !== undefined
              ? 'not_an_integer'
              : 'not_a_number',
        });
      const p = bounds(col, n);
      return p ? new Unreadable(p) : n;
    }
    case 'enum': {
      const code = readEnum(v, col.options ?? []);
      return code === undefined
        ? new Unreadable({
            code: 'not_in_list',
            params: { options: (col.options ?? []).map((o) => `${o.en}/${o.zh}`).join(', ') },
          })
        : code;
    }
    case 'yesno':
    case 'boolean': {
      const b = readYesNo(v);
      return b === undefined ? NOT_YES_NO : b;
    }
  }
}

/**
 * Reads one cell by its column's type. Blank → null. Dates are Day numbers, enums their codes,
 * yes/no booleans, emails lower-cased. A `birthday` column accepts a month and day alone.
 */
export function readCell(col: ColumnDef, v: CellValue): CellResult {
  if (isBlank(v)) return BLANK;
  const value = readFilledCell(col, v);
  return value instanceof Unreadable ? { ok: false, problem: value.problem } : { ok: true, value };
}
