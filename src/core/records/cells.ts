import type { Day } from '../calendar/day';
import type { IssueCode } from '../issues/texts';
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
 * Reads one cell by its column's type. Blank → null. Dates are Day numbers, enums their codes,
 * yes/no booleans, emails lower-cased. A `birthday` column accepts a month and day alone.
 */
export function readCell(col: ColumnDef, v: CellValue): CellResult {
  if (isBlank(v)) return BLANK;
  switch (col.type) {
    case 'text':
      return { ok: true, value: readText(v) };
    case 'email': {
      const e = readEmail(v);
      return e === undefined ? { ok: false, problem: { code: 'not_an_email' } } : { ok: true, value: e };
    }
    case 'date':
    case 'datetime': {
      if (col.key === 'birthday') {
        const md = readMonthDay(v);
        return md === undefined
          ? { ok: false, problem: { code: 'not_a_birthday' } }
          : { ok: true, value: md };
      }
      const d = readDate(v);
      return d === undefined ? { ok: false, problem: { code: 'not_a_date' } } : { ok: true, value: d };
    }
    case 'number':
    case 'integer': {
      const n = col.type === 'integer' ? readInteger(v) : readNumber(v);
      if (n === undefined)
        return {
          ok: false,
          problem: { code: col.type === 'integer' && readNumber(v) !== undefined ? 'not_an_integer' : 'not_a_number' },
        };
      const p = bounds(col, n);
      return p ? { ok: false, problem: p } : { ok: true, value: n };
    }
    case 'enum': {
      const code = readEnum(v, col.options ?? []);
      return code === undefined
        ? {
            ok: false,
            problem: {
              code: 'not_in_list',
              params: { options: (col.options ?? []).map((o) => `${o.en}/${o.zh}`).join(', ') },
            },
          }
        : { ok: true, value: code };
    }
    case 'yesno':
    case 'boolean': {
      const b = readYesNo(v);
      return b === undefined ? { ok: false, problem: { code: 'not_yes_no' } } : { ok: true, value: b };
    }
  }
}
