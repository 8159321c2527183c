import {
  formatRuns,
  SCRIPT_HEADER_BACKGROUND,
  USER_HEADER_BACKGROUND,
  type LayoutColumn,
  type SheetLayout,
  type Validation,
} from '../core/setup/layout';
import { contiguousBlocks } from '../core/jobs/refresh';
import { columnLetter } from '../core/schema/match';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function rule(v: Validation): GoogleAppsScript.Spreadsheet.DataValidation {
  const b = SpreadsheetApp.newDataValidation().setHelpText(v.help);
  switch (v.kind) {
    case 'list':
      // Invalid values are allowed with a warning: the other language's labels are accepted too.
      return b
        .requireValueInList([...v.values], true)
        .setAllowInvalid(true)
        .build();
    case 'date':
      return b.requireDate().setAllowInvalid(true).build();
    case 'email':
      return b.requireTextIsEmail().setAllowInvalid(true).build();
    case 'number':
      if (v.min !== null && v.max !== null)
        return b.requireNumberBetween(v.min, v.max).setAllowInvalid(true).build();
      if (v.min !== null)
        return b.requireNumberGreaterThanOrEqualTo(v.min).setAllowInvalid(true).build();
      return b.requireNumberBetween(-1e15, 1e15).setAllowInvalid(true).build();
  }
}

/** Our conditional rules carry this no-op term so a rebuild can find and replace only them. */
const RULE_TAG = 'N("kam-sheets")=0';

/**
 * A column's number format on its body, except on the cells the user already filled (see
 * `keepFormatRows`): one call on the whole body, or one on a RangeList of the blank runs.
 */
function setBodyFormat(
  sheet: Sheet,
  body: GoogleAppsScript.Spreadsheet.Range,
  c: LayoutColumn,
  maxRows: number,
): void {
  const format = c.numberFormat as string;
  if (c.keepFormatRows.length === 0) {
    body.setNumberFormat(format);
    return;
  }
  const letter = columnLetter(c.col - 1);
  const a1 = formatRuns(c, maxRows).map(
    ([row, count]) => `${letter}${row}:${letter}${row + count - 1}`,
  );
  if (a1.length > 0) sheet.getRangeList(a1).setNumberFormat(format);
}

function isOurRule(r: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  const c = r.getBooleanCondition();
  return !!c && c.getCriteriaValues().some((v) => String(v).includes(RULE_TAG));
}

/**
 * Applies a sheet layout: frozen header, header colours (grey for script columns), validation
 * and number formats on the body of known columns, warning-only protection of script columns,
 * the script's conditional-format rules, and a named range. Every step sets the same state each
 * time, and only the script's own protections and rules are replaced, so it is idempotent and
 * leaves the user's formats, rules and protections alone.
 */
export function applyLayout(ss: Spreadsheet, sheet: Sheet, layout: SheetLayout): void {
  if (sheet.getFrozenRows() !== layout.frozenRows) sheet.setFrozenRows(layout.frozenRows);
  if (layout.width === 0) return;
  const maxRows = sheet.getMaxRows();
  const bodyRows = Math.max(maxRows - 1, 1);

  const header = sheet.getRange(1, 1, 1, layout.width);
  const backgrounds = header.getBackgrounds();
  const weights = header.getFontWeights();
  for (const c of layout.columns) {
    backgrounds[0][c.col - 1] =
      c.owner === 'script' ? SCRIPT_HEADER_BACKGROUND : USER_HEADER_BACKGROUND;
    weights[0][c.col - 1] = 'bold';
  }
  header.setBackgrounds(backgrounds);
  header.setFontWeights(weights);

  for (const c of layout.columns) {
    const body = sheet.getRange(2, c.col, bodyRows, 1);
    if (c.validation) body.setDataValidation(rule(c.validation));
    if (c.numberFormat) setBodyFormat(sheet, body, c, maxRows);
  }

  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription() === layout.marker) p.remove();
  }
  const scriptCols = layout.columns.filter((c) => c.owner === 'script').map((c) => c.col);
  for (const block of contiguousBlocks(scriptCols)) {
    sheet
      .getRange(1, block[0], maxRows, block.length)
      .protect()
      .setDescription(layout.marker)
      .setWarningOnly(true);
  }

  const rules = sheet.getConditionalFormatRules().filter((r) => !isOurRule(r));
  for (const c of layout.conditional) {
    const formula = `=AND(${RULE_TAG},${c.formula.slice(1)})`;
    let b = SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(formula)
      .setBackground(c.background)
      .setRanges([sheet.getRange(2, c.firstCol, bodyRows, c.numCols)]);
    if (c.fontColor) b = b.setFontColor(c.fontColor);
    rules.push(b.build());
  }
  sheet.setConditionalFormatRules(rules);

  if (layout.namedRange)
    ss.setNamedRange(layout.namedRange, sheet.getRange(1, 1, maxRows, layout.width));
}
