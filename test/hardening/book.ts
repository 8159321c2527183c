/**
 * The Apps Script side of the hardening suite: seeds a generated workbook into the fake, runs
 * the bundle's menu items, and reads back what the script wrote.
 */
import type { GasControl } from '../fakes';
import type { Cell, GeneratedWorkbook, Ymd } from './generate';
import { toHostDate } from './generate';
import { bundleRun, type BundleRun } from './harness';
import { instantOf } from './zones';

export const ZONES = [
  'UTC',
  'Asia/Shanghai',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Pacific/Auckland',
] as const;

export { ACCOUNT_SCRIPT_HEADERS, SCRIPT_SHEETS } from './checks';

export interface Scenario {
  readonly spreadsheetZone: string;
  readonly scriptZone: string;
  /** Wall time of the run in the spreadsheet's zone, on `today`. */
  readonly at: readonly [number, number, number];
}

/** The instant of a run: `today` at `at` in the spreadsheet's zone. */
export function runInstant(today: Ymd, s: Scenario): number {
  return instantOf(s.spreadsheetZone, today.y, today.m, today.d, s.at[0], s.at[1], s.at[2]);
}

export function hostCell(v: Cell, zone: string): unknown {
  if (v === null) return '';
  if (v instanceof Date)
    return toHostDate(v, (y, m, d, h, mi, s) => instantOf(zone, y, m, d, h, mi, s));
  return v;
}

/** A fresh fake with the workbook typed in; nothing run yet. */
export function seeded(
  wb: GeneratedWorkbook,
  s: Scenario,
  extra: { mailQuota?: number } = {},
): BundleRun {
  const run = bundleRun({
    nowMs: runInstant(wb.today, s),
    spreadsheetTimeZone: s.spreadsheetZone,
    scriptTimeZone: s.scriptZone,
    locale: wb.locale,
    activeUser: 'owner@example.com',
    mailQuota: extra.mailQuota ?? 1500,
    spreadsheetName: 'KAM <b>book</b> & "co"',
  });
  for (const sheet of wb.sheets)
    run.control.setSheetValues(
      sheet.name,
      sheet.rows.map((r) => r.map((v) => hostCell(v, s.spreadsheetZone))),
    );
  return run;
}

export function sheetNames(control: GasControl): string[] {
  return control.spreadsheet._sheets.map((sh) => sh._name);
}

export function findSheet(control: GasControl, names: readonly string[]): string | null {
  const all = sheetNames(control);
  return names.find((n) => all.includes(n)) ?? null;
}

export function values(control: GasControl, names: readonly string[]): unknown[][] {
  const name = findSheet(control, names);
  return name === null ? [] : control.sheetValues(name);
}

export { plain, plainGrid } from './checks';
import { plainGrid } from './checks';

const FORMAT_PROPS = [
  'background',
  'fontColor',
  'fontWeight',
  'numberFormat',
  'note',
  'dataValidation',
] as const;

function rangeText(r: {
  _sheet: { _name: string };
  _row: number;
  _col: number;
  _numRows: number;
  _numCols: number;
}): string {
  return `${r._sheet._name}!R${r._row}C${r._col}:R${r._row + r._numRows - 1}C${r._col + r._numCols - 1}`;
}

/**
 * What a person could see, for "a second run changes nothing": like test/support/snapshot.ts but
 * with formats sampled on the header, the first body row and the last row only (the suite takes
 * this thousands of times). Ranges are clamped to their sheet's grid, because Sheets shrinks
 * named ranges and protections when rows are deleted and the fake does not.
 */
export function quickSnapshot(control: GasControl): string {
  const ss = control.spreadsheet;
  const rowsOf = new Map(ss._sheets.map((s) => [s._name, s._maxRows]));
  const range = (r: Parameters<typeof rangeText>[0]): string => {
    const max = rowsOf.get(r._sheet._name) ?? Infinity;
    return rangeText({ ...r, _numRows: Math.min(r._row + r._numRows - 1, max) - r._row + 1 });
  };
  return JSON.stringify(
    {
      sheets: ss._sheets.map((sheet) => ({
        name: sheet._name,
        size: [sheet._maxRows, sheet._maxCols],
        frozen: sheet._frozenRows,
        values: plainGrid(control.sheetValues(sheet._name)),
        formulas: control.sheetFormulas(sheet._name),
        formats: [1, 2, sheet._maxRows].map((r) =>
          Array.from({ length: sheet._maxCols }, (_, c) =>
            FORMAT_PROPS.map((p) => sheet._format(p, r, c + 1)),
          ),
        ),
        rules: sheet._conditionalFormatRules.map((rule) => [
          rule._criteria,
          plainGrid([rule._values])[0],
          rule._format,
          rule._ranges.map(range),
        ]),
        charts: sheet._charts.length,
      })),
      protections: ss._protections.map((p) => [
        p._sheet._name,
        p._range ? range(p._range) : null,
        p._description,
        p._warningOnly,
      ]),
      namedRanges: [...ss._namedRanges.values()].map((n) => [n.name, range(n.range)]),
    },
    (_, v) =>
      v !== null && typeof v === 'object' && '_criteria' in v
        ? JSON.stringify([v._criteria, v._values, v._allowInvalid, v._helpText])
        : v,
  );
}
