import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { columnLetter } from '../../core/schema/match';
import {
  formatRuns,
  SCRIPT_HEADER_BACKGROUND,
  USER_HEADER_BACKGROUND,
  type LayoutColumn,
  type SheetLayout,
  type Validation,
} from '../../core/setup/layout';
import { setRangeName } from './names';
import type { StyleCache } from './styles';
import { validationModel, type ValidationModel } from './validations';

/** Rows covered by validation, formats and the named range when a sheet is small, as in Sheets' default 1000-row grid. */
const MIN_LAYOUT_ROWS = 1000;

/** Our conditional rules carry the same no-op term as in Sheets, so a rebuild replaces only them. */
const RULE_TAG = 'N("kam-sheets")=0';

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/**
 * The xlsx form of a Sheets validation. Invalid values are allowed with a warning (errorStyle
 * `warning`), like `setAllowInvalid(true)`, because the other language's labels are accepted.
 * Email has no built-in rule in xlsx: a formula looks for an `@`, relative to the first body cell.
 */
function toDataValidation(v: Validation, firstCell: string): DataValidation {
  const base = {
    allowBlank: true,
    showInputMessage: true,
    prompt: v.help,
    showErrorMessage: true,
    errorStyle: 'warning',
    error: v.help,
  };
  switch (v.kind) {
    case 'list':
      return { ...base, type: 'list', formulae: [`"${v.values.join(',')}"`] };
    case 'date':
      return {
        ...base,
        type: 'date',
        operator: 'greaterThan',
        formulae: [new Date(Date.UTC(1900, 0, 1))],
      };
    case 'email':
      return { ...base, type: 'custom', formulae: [`ISNUMBER(FIND("@",${firstCell}))`] };
    case 'number':
      if (v.min !== null && v.max !== null)
        return { ...base, type: 'decimal', operator: 'between', formulae: [v.min, v.max] };
      if (v.min !== null)
        return { ...base, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [v.min] };
      return { ...base, type: 'decimal', operator: 'between', formulae: [-1e15, 1e15] };
  }
}

/** Replaces whatever validation the body of column `col` had with ours, over rows 2..`bottom`. */
function setColumnValidation(
  model: ValidationModel,
  col: number,
  bottom: number,
  dv: DataValidation | null,
): void {
  const letter = columnLetter(col - 1);
  const single = new RegExp(`^${letter}(\\d+)$`);
  const ranged = new RegExp(`^${letter}(\\d+):${letter}(\\d+)$`);
  for (const key of Object.keys(model)) {
    const m = single.exec(key);
    if (m && Number(m[1]) >= 2 && Number(m[1]) <= bottom) delete model[key];
    else if (ranged.test(key)) delete model[key];
  }
  if (dv) model[`${letter}2:${letter}${bottom}`] = dv;
}

function styleHeader(ws: Worksheet, c: LayoutColumn, styles: StyleCache): void {
  const cell = ws.getRow(1).getCell(c.col);
  const color = c.owner === 'script' ? SCRIPT_HEADER_BACKGROUND : USER_HEADER_BACKGROUND;
  // A new style object: the old one may be shared with other cells (styles.ts).
  cell.style = styles.canonical({
    ...cell.style,
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(color) } },
    font: { ...(cell.style?.font ?? {}), bold: true },
  });
  const column = ws.getColumn(c.col);
  // A readable width for new sheets only; a width the user set is theirs.
  if (column.width === undefined) {
    const text = typeof cell.value === 'string' ? cell.value : '';
    const wide = [...text].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
    column.width = Math.min(40, Math.max(10, wide + 3));
  }
}

/**
 * The number format of a column's body: on the column (so cells typed later get it) and on the
 * body cells that exist, each given a new style rather than changed in place (styles.ts).
 */
/**
 * The column's number format for new cells, and on existing body cells except those the user
 * already filled (`keepFormatRows`: a date format would turn a number they typed into a date).
 */
function formatColumn(
  ws: Worksheet,
  c: LayoutColumn,
  numFmt: string,
  lastRow: number,
  styles: StyleCache,
): void {
  const column = ws.getColumn(c.col);
  column.style = { ...column.style, numFmt };
  for (const [from, count] of formatRuns(c, lastRow))
    for (let r = from; r < from + count; r++) {
      const cell = ws.findCell(r, c.col);
      if (cell) cell.style = styles.withNumFmt(cell.style, numFmt);
    }
}

/** Drops our rules (tagged) and adds the layout's, leaving the user's conditional formats alone. */
function setConditionalRules(ws: Worksheet, layout: SheetLayout, bottom: number): void {
  ws.removeConditionalFormatting(
    (cf: { rules: { formulae?: unknown[] }[] }) =>
      !cf.rules.some((r) => (r.formulae ?? []).some((f) => String(f).includes(RULE_TAG))),
  );
  layout.conditional.forEach((c, i) => {
    const ref = `${columnLetter(c.firstCol - 1)}2:${columnLetter(c.firstCol + c.numCols - 2)}${bottom}`;
    const font = c.fontColor ? { font: { color: { argb: argb(c.fontColor) } } } : {};
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [`AND(${RULE_TAG},${c.formula.slice(1)})`],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(c.background) } },
            ...font,
          },
        },
      ],
    });
  });
}

/**
 * The xlsx counterpart of src/gas/layout.ts, so a workbook made by `kam init` works the same when
 * uploaded to Google Sheets: frozen header, header colours, validation dropdowns and number
 * formats on the body, the script's conditional rules and the named range. The warning-only
 * protection of script columns has no xlsx equivalent (sheet protection is all-or-nothing), so
 * the grey header is the only mark; Set up workbook adds the protection once in Sheets.
 * Idempotent: every step sets the same state again.
 */
export function applyXlsxLayout(
  wb: Workbook,
  ws: Worksheet,
  layout: SheetLayout,
  lastRow: number,
  styles: StyleCache,
): void {
  const view = (ws.views ?? [])[0] as { state?: string; ySplit?: number } | null | undefined;
  const frozen = view?.state === 'frozen' ? (view.ySplit ?? 0) : 0;
  if (frozen !== layout.frozenRows)
    ws.views =
      layout.frozenRows > 0 ? [{ state: 'frozen', ySplit: layout.frozenRows, xSplit: 0 }] : [];
  if (layout.width === 0) return;
  const bottom = Math.max(MIN_LAYOUT_ROWS, lastRow);
  const validations = validationModel(ws);
  for (const c of layout.columns) {
    styleHeader(ws, c, styles);
    const letter = columnLetter(c.col - 1);
    if (c.validation)
      setColumnValidation(validations, c.col, bottom, toDataValidation(c.validation, `${letter}2`));
    if (c.numberFormat) formatColumn(ws, c, c.numberFormat, lastRow, styles);
  }
  setConditionalRules(ws, layout, bottom);
  if (layout.namedRange) {
    const sheet = `'${ws.name.replace(/'/g, "''")}'`;
    setRangeName(
      wb,
      layout.namedRange,
      `${sheet}!$A$1:$${columnLetter(layout.width - 1)}$${bottom}`,
    );
  }
}
