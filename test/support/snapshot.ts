import type { GasControl } from '../fakes';
import { toA1 } from '../fakes';
import type { FakeRange, FakeSheet } from '../fakes';

const PROPS = [
  'background',
  'fontColor',
  'fontWeight',
  'numberFormat',
  'note',
  'dataValidation',
] as const;

function rangeName(r: FakeRange): string {
  return `${r._sheet._name}!${toA1(r._rect())}`;
}

function ser(v: unknown): unknown {
  if (v === null || v === undefined) return v ?? null;
  if (Object.prototype.toString.call(v) === '[object Date]')
    return `Date(${(v as Date).toISOString()})`;
  if (Array.isArray(v)) return v.map(ser);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('_criteria' in o)
      return {
        criteria: o._criteria,
        values: ser(o._values),
        allowInvalid: o._allowInvalid ?? null,
        help: o._helpText ?? null,
        format: o._format ?? null,
      };
    if ('_rect' in o) return rangeName(v as FakeRange);
    return JSON.parse(JSON.stringify(o));
  }
  return v;
}

/** Body rows compared cell by cell: the top of the sheet and its last row (formats are ranges). */
function rowsToCheck(sheet: FakeSheet): number[] {
  const rows: number[] = [];
  for (let r = 1; r <= Math.min(sheet._maxRows, 40); r++) rows.push(r);
  rows.push(sheet._maxRows);
  return rows;
}

/**
 * Everything a person could see in the fake spreadsheet: sheets and their order, every value and
 * formula, the formats, validation, protections, conditional rules, named ranges and frozen
 * rows. Two equal snapshots mean nothing visible changed.
 */
export function snapshotSpreadsheet(control: GasControl): unknown {
  const ss = control.spreadsheet;
  return {
    sheets: ss._sheets.map((sheet) => ({
      name: sheet._name,
      size: [sheet._maxRows, sheet._maxCols],
      frozen: sheet._frozenRows,
      values: ser(control.sheetValues(sheet._name)),
      formulas: control.sheetFormulas(sheet._name),
      formats: rowsToCheck(sheet).map((r) =>
        Array.from({ length: sheet._maxCols }, (_, i) =>
          PROPS.map((p) => ser(sheet._format(p, r, i + 1))),
        ),
      ),
      rules: sheet._conditionalFormatRules.map((rule) => ({
        ...(ser(rule) as object),
        ranges: rule._ranges.map(rangeName),
      })),
      charts: sheet._charts.length,
    })),
    protections: ss._protections.map((p) => ({
      sheet: p._sheet._name,
      range: p._range ? rangeName(p._range) : null,
      description: p._description,
      warningOnly: p._warningOnly,
    })),
    namedRanges: [...ss._namedRanges.values()].map((n) => ({
      name: n.name,
      range: rangeName(n.range),
    })),
  };
}

/** Every non-blank cell of every sheet, keyed `sheet!row,col`, as stored. */
export function userCells(control: GasControl, sheets: readonly string[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const name of sheets) {
    control.sheetValues(name).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== '' && v !== null) out.set(`${name}!${r + 1},${c + 1}`, ser(v));
      }),
    );
  }
  return out;
}
