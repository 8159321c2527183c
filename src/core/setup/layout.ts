import { text } from '../i18n/catalogue';
import { pick, type Locale } from '../i18n/locale';
import { columnLetter } from '../schema/match';
import type { ColumnDef, SheetDef } from '../schema/types';
import { isBlank, type Grid } from '../values/cell';

export type Validation =
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly help: string }
  | { readonly kind: 'date'; readonly help: string }
  | { readonly kind: 'email'; readonly help: string }
  | {
      readonly kind: 'number';
      readonly min: number | null;
      readonly max: number | null;
      readonly help: string;
    };

export interface LayoutColumn {
  /** 1-based column of the header in the sheet. */
  readonly col: number;
  readonly key: string;
  readonly owner: 'user' | 'script';
  readonly validation: Validation | null;
  readonly numberFormat: string | null;
  /**
   * Body rows (1-based, ascending) of a user column that already hold something: they keep
   * their own number format. A date format on a number the user typed would turn 45000 into
   * 2023-03-15 (and make a data issue vanish); a user's own date display is theirs to choose.
   * Empty for script columns, whose every cell the script owns.
   */
  readonly keepFormatRows: readonly number[];
}

/** A conditional-format rule the script owns; `formula` is relative to the first body row. */
export interface ConditionalRule {
  readonly firstCol: number;
  readonly numCols: number;
  readonly formula: string;
  readonly background: string;
  readonly fontColor: string | null;
}

/** Everything `Set up workbook` applies to one sheet besides cell values (idempotent). */
export interface SheetLayout {
  readonly frozenRows: number;
  /** Number of header columns the script knows about (the table's width). */
  readonly width: number;
  readonly columns: readonly LayoutColumn[];
  readonly conditional: readonly ConditionalRule[];
  /** Named range over the table (`kam_accounts`), or null. */
  readonly namedRange: string | null;
  /** The marker the host uses to recognise its own protections and rules. */
  readonly marker: string;
}

export const SCRIPT_HEADER_BACKGROUND = '#d9d9d9';
export const USER_HEADER_BACKGROUND = '#e8f0fe';
export const LAYOUT_MARKER = 'kam-sheets';

function validationFor(col: ColumnDef, locale: Locale): Validation | null {
  if (col.owner !== 'user') return null;
  switch (col.type) {
    case 'enum':
      return {
        kind: 'list',
        values: (col.options ?? []).map((o) => pick(o, locale)),
        help: text('setup.help_list', locale),
      };
    case 'yesno':
      return {
        kind: 'list',
        values: [text('ui.yes', locale), text('ui.no', locale)],
        help: text('setup.help_list', locale),
      };
    case 'date':
      // Birthdays may be written without a year (MM-DD), which a date rule would flag.
      return col.key === 'birthday'
        ? null
        : { kind: 'date', help: text('setup.help_date', locale) };
    case 'email':
      return { kind: 'email', help: text('setup.help_email', locale) };
    case 'number':
    case 'integer': {
      const min = col.min ?? null;
      const max = col.max ?? null;
      const help =
        min !== null && max !== null
          ? text('setup.help_range', locale, { min, max })
          : min !== null
            ? text('setup.help_min', locale, { min })
            : text('setup.help_number', locale);
      return { kind: 'number', min, max, help };
    }
    default:
      return null;
  }
}

/** 1-based body rows whose cell in column `c` (0-based) holds something. */
function filledRows(grid: Grid, c: number): number[] {
  const rows: number[] = [];
  for (let r = 1; r < grid.length; r++) if (!isBlank(grid[r][c])) rows.push(r + 1);
  return rows;
}

function formatFor(col: ColumnDef): string | null {
  switch (col.type) {
    case 'date':
      return col.key === 'birthday' ? null : 'yyyy-mm-dd';
    case 'datetime':
      return 'yyyy-mm-dd hh:mm';
    case 'number':
      return col.owner === 'script' ? '#,##0.00' : null;
    case 'integer':
      return col.owner === 'script' ? '0' : null;
    default:
      return null;
  }
}

/**
 * The layout of a sheet whose known columns sit at `positions` (key → 1-based column); `grid`
 * is the sheet as read (header first), for the cells whose number format is left alone.
 * Conditional rules use English function names and commas, as the Sheets API expects in
 * every locale.
 */
export function buildLayout(
  def: SheetDef,
  positions: ReadonlyMap<string, number>,
  width: number,
  locale: Locale,
  grid: Grid = [],
): SheetLayout {
  const columns: LayoutColumn[] = [];
  for (const col of def.columns) {
    const at = positions.get(col.key);
    if (at === undefined) continue;
    const numberFormat = formatFor(col);
    columns.push({
      col: at,
      key: col.key,
      owner: col.owner,
      validation: validationFor(col, locale),
      numberFormat,
      keepFormatRows: numberFormat !== null && col.owner === 'user' ? filledRows(grid, at - 1) : [],
    });
  }
  const letter = (key: string): string | null => {
    const at = positions.get(key);
    return at === undefined ? null : columnLetter(at - 1);
  };
  const conditional: ConditionalRule[] = [];
  if (def.key === 'accounts') {
    const stale = letter('stale');
    if (stale)
      conditional.push({
        firstCol: 1,
        numCols: width,
        formula: `=$${stale}2=TRUE`,
        background: '#fce8e6',
        fontColor: null,
      });
    // Accounts with risk flags (docs/rules.md "Risk flags"); a stale row keeps the stale colour.
    const risk = letter('risk_flags');
    if (risk)
      conditional.push({
        firstCol: 1,
        numCols: width,
        formula: `=$${risk}2<>""`,
        background: '#fde7c8',
        fontColor: null,
      });
    const abc = positions.get('abc_class');
    if (abc !== undefined) {
      const l = columnLetter(abc - 1);
      conditional.push({
        firstCol: abc,
        numCols: 1,
        formula: `=$${l}2="A"`,
        background: '#b7e1cd',
        fontColor: null,
      });
      conditional.push({
        firstCol: abc,
        numCols: 1,
        formula: `=$${l}2="B"`,
        background: '#fce8b2',
        fontColor: null,
      });
      conditional.push({
        firstCol: abc,
        numCols: 1,
        formula: `=$${l}2="C"`,
        background: '#efefef',
        fontColor: null,
      });
    }
  }
  if (def.key === 'actions') {
    const due = letter('due_date');
    const status = letter('status');
    if (due && status)
      conditional.push({
        firstCol: 1,
        numCols: width,
        formula: `=AND($${due}2<>"",$${due}2<TODAY(),$${status}2<>"Done",$${status}2<>"已完成",$${status}2<>"done")`,
        background: '#f4c7c3',
        fontColor: '#a50e0e',
      });
  }
  const userTable = def.kind === 'user' || def.kind === 'script' || def.kind === 'log';
  return {
    frozenRows: def.kind === 'dashboard' ? 0 : 1,
    width,
    columns,
    conditional,
    namedRange: userTable ? `kam_${def.key}` : null,
    marker: LAYOUT_MARKER,
  };
}

/**
 * The runs of body rows (2 … `lastRow`) that get a column's number format: every row except
 * `keepFormatRows`, as `[firstRow, rowCount]` pairs. One run when the column is empty.
 */
export function formatRuns(column: LayoutColumn, lastRow: number): [number, number][] {
  const runs: [number, number][] = [];
  let from = 2;
  for (const keep of column.keepFormatRows) {
    if (keep > lastRow) break;
    if (keep > from) runs.push([from, keep - from]);
    from = Math.max(from, keep + 1);
  }
  if (lastRow >= from) runs.push([from, lastRow - from + 1]);
  return runs;
}
