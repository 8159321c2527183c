import type { ColumnDef, ColumnType } from '../schema/types';
import { isDateCell, isInstantCell, type CellValue } from '../values/cell';

/** One reason a table would arrive in Looker Studio with a wrong name, type or value. */
export interface LookerProblem {
  /** 1-based row as in the sheet (1 = header); null for the whole table. */
  readonly row: number | null;
  /** The column's header, or '' for a row-level problem. */
  readonly column: string;
  readonly problem: string;
}

export interface LookerReadyOptions {
  /**
   * The declared columns, in order: the header must equal their keys and each cell must hold the
   * declared type (an `rfm_score` of "545" stored as the number 545 is then caught).
   */
  readonly columns?: readonly ColumnDef[];
  /**
   * The formulas of the same cells, as a sheet reports them (`getFormulas`: '' where none).
   * When given, the values are what the sheet stores, so only a real formula is a problem and
   * text such as "=not a formula" is fine (it was written as text). When absent, the rows are
   * what a script is about to write, and text starting with = + - @ is a problem, because a
   * writer that does not mark it as text would turn it into a formula.
   */
  readonly formulas?: readonly (readonly string[])[];
}

type Kind = 'text' | 'number' | 'boolean' | 'date' | 'datetime';

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const FORMULA_START = /^[=+\-@]/;

function kindOf(v: CellValue): Kind | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (isDateCell(v)) return 'date';
  if (isInstantCell(v)) return 'datetime';
  return null;
}

const DECLARED: Partial<Record<ColumnType, Kind>> = {
  text: 'text',
  email: 'text',
  enum: 'text',
  number: 'number',
  integer: 'number',
  date: 'date',
  datetime: 'datetime',
  boolean: 'boolean',
};

/**
 * Checks a table the way Looker Studio will read it (docs/looker.md): exactly one header row of unique
 * snake_case names, no blank rows, one type per column, numbers finite, dates without a time of
 * day, and no formula. Returns every problem found; [] means the table is Looker-ready.
 */
export function lookerReady(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  options: LookerReadyOptions = {},
): LookerProblem[] {
  const problems: LookerProblem[] = [];
  const names = header.map((h) => (typeof h === 'string' ? h : String(h ?? '')));
  const seen = new Set<string>();
  names.forEach((name, i) => {
    if (!SNAKE.test(name))
      problems.push({
        row: 1,
        column: name,
        problem: `header ${i + 1} "${name}" is not a snake_case name`,
      });
    if (seen.has(name))
      problems.push({ row: 1, column: name, problem: `header "${name}" appears twice` });
    seen.add(name);
  });
  const { columns, formulas } = options;
  if (columns) {
    const expected = columns.map((c) => c.key);
    if (expected.join(',') !== names.join(','))
      problems.push({
        row: 1,
        column: '',
        problem: `header is [${names.join(', ')}], expected [${expected.join(', ')}]`,
      });
  }

  const kinds: (Kind | null)[] = names.map((_, c) => {
    const t = columns?.[c]?.type;
    return t ? (DECLARED[t] ?? null) : null;
  });
  const integer = names.map((_, c) => columns?.[c]?.type === 'integer');
  rows.forEach((row, r) => {
    const sheetRow = r + 2;
    if (row.every((v) => kindOf(v) === null)) {
      problems.push({ row: sheetRow, column: '', problem: 'blank row' });
      return;
    }
    row.forEach((v, c) => {
      const kind = kindOf(v);
      if (kind === null) return;
      const column = names[c] ?? '';
      if (c >= names.length) {
        problems.push({
          row: sheetRow,
          column: '',
          problem: `value in column ${c + 1}, which has no header`,
        });
        return;
      }
      const expected = kinds[c];
      if (expected === null) kinds[c] = kind;
      else if (expected !== kind)
        problems.push({ row: sheetRow, column, problem: `${kind} in a ${expected} column` });
      if (typeof v === 'number' && !Number.isFinite(v))
        problems.push({ row: sheetRow, column, problem: 'number is not finite' });
      if (typeof v === 'number' && integer[c] && !Number.isInteger(v))
        problems.push({ row: sheetRow, column, problem: 'not a whole number' });
      if (isDateCell(v) && v.seconds !== 0)
        problems.push({ row: sheetRow, column, problem: 'date holds a time of day' });
      if (formulas) {
        if ((formulas[r + 1]?.[c] ?? '') !== '')
          problems.push({ row: sheetRow, column, problem: 'formula' });
      } else if (typeof v === 'string' && FORMULA_START.test(v)) {
        problems.push({
          row: sheetRow,
          column,
          problem: `text "${v}" would be read as a formula if written raw`,
        });
      }
    });
  });
  if (formulas && (formulas[0] ?? []).some((f) => f !== ''))
    problems.push({ row: 1, column: '', problem: 'formula in the header' });
  return problems;
}
