/**
 * The in-memory spreadsheet: Spreadsheet, Sheet, Range and the objects hanging off them
 * (protections, named ranges, data validation, conditional formats, charts).
 *
 * Storage: each sheet keeps `rows: (unknown[] | undefined)[]`, one array per row that has ever
 * held content, only as long as its last written cell; blank cells are `undefined` inside and
 * `""` outside. Formulas live in a separate map. Formatting is a list of rectangles per property
 * (last write wins), so formatting a whole column of a million rows costs one entry.
 *
 * Every public method counts as one call (`Range.getValues`, `Sheet.getRange`, …); methods
 * starting with `_` are the fake's own plumbing and are never counted.
 */
/* eslint-disable prefer-rest-params -- every fake method hands its own `arguments` to the call tracker, keeping the real parameter lists for the shape checks */
import { GridRect, parseA1, splitSheetPrefix, toA1 } from './a1';
import { Clock, Tracker, gasError, isDate, signatureError } from './core';
import { formatDate, zonedParts } from './dates';
import {
  CurrencyInput,
  FormulaInput,
  ParseContext,
  localeUsesDecimalComma,
  parseTyped,
} from './values';

export interface SpreadsheetEnv {
  readonly tracker: Tracker;
  readonly clock: Clock;
  readonly toasts: ToastRecord[];
  /** Constructor of the Dates handed out (the vm context's own `Date` for bundle tests). */
  readonly Date: DateConstructor;
}

export interface ToastRecord {
  msg: string;
  title: string | undefined;
  timeoutSeconds: number | null | undefined;
}

// Apps Script enum values print as their name; strings behave the same in logs and `===`.
export const ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' } as const;

export const DataValidationCriteria = {
  CHECKBOX: 'CHECKBOX',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_BETWEEN: 'DATE_BETWEEN',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  DATE_IS_VALID_DATE: 'DATE_IS_VALID_DATE',
  DATE_NOT_BETWEEN: 'DATE_NOT_BETWEEN',
  DATE_ON_OR_AFTER: 'DATE_ON_OR_AFTER',
  DATE_ON_OR_BEFORE: 'DATE_ON_OR_BEFORE',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_IS_VALID_EMAIL: 'TEXT_IS_VALID_EMAIL',
  TEXT_IS_VALID_URL: 'TEXT_IS_VALID_URL',
  VALUE_IN_LIST: 'VALUE_IN_LIST',
  VALUE_IN_RANGE: 'VALUE_IN_RANGE',
} as const;

export const BooleanCriteria = {
  CELL_EMPTY: 'CELL_EMPTY',
  CELL_NOT_EMPTY: 'CELL_NOT_EMPTY',
  CUSTOM_FORMULA: 'CUSTOM_FORMULA',
  DATE_AFTER: 'DATE_AFTER',
  DATE_BEFORE: 'DATE_BEFORE',
  DATE_EQUAL_TO: 'DATE_EQUAL_TO',
  NUMBER_BETWEEN: 'NUMBER_BETWEEN',
  NUMBER_EQUAL_TO: 'NUMBER_EQUAL_TO',
  NUMBER_GREATER_THAN: 'NUMBER_GREATER_THAN',
  NUMBER_GREATER_THAN_OR_EQUAL_TO: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  NUMBER_LESS_THAN: 'NUMBER_LESS_THAN',
  NUMBER_LESS_THAN_OR_EQUAL_TO: 'NUMBER_LESS_THAN_OR_EQUAL_TO',
  NUMBER_NOT_BETWEEN: 'NUMBER_NOT_BETWEEN',
  NUMBER_NOT_EQUAL_TO: 'NUMBER_NOT_EQUAL_TO',
  TEXT_CONTAINS: 'TEXT_CONTAINS',
  TEXT_DOES_NOT_CONTAIN: 'TEXT_DOES_NOT_CONTAIN',
  TEXT_ENDS_WITH: 'TEXT_ENDS_WITH',
  TEXT_EQUAL_TO: 'TEXT_EQUAL_TO',
  TEXT_STARTS_WITH: 'TEXT_STARTS_WITH',
} as const;

export const WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;

export const ChartType = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;

/** New sheets are 1000 rows x 26 columns, as in Sheets. */
export const DEFAULT_MAX_ROWS = 1000;
export const DEFAULT_MAX_COLUMNS = 26;
/** Google Sheets: at most 10 million cells per spreadsheet, empty cells included. */
export const CELL_LIMIT = 10_000_000;
/** Formula keys: row * KEY + column (columns never reach 65536). */
const KEY = 65536;

// ---------------------------------------------------------------------------------------------
// Formatting layers

interface Op<T> {
  r: number;
  c: number;
  nr: number;
  nc: number;
  v: T | undefined;
}

/** One formatting property as a list of rectangles; the last one covering a cell wins. */
export class Layer<T> {
  ops: Op<T>[] = [];

  set(r: number, c: number, nr: number, nc: number, v: T | undefined): void {
    this.dropCovered(r, c, nr, nc);
    if (v !== undefined || this.ops.length > 0) this.ops.push({ r, c, nr, nc, v });
  }

  /** A grid of values: vertical runs of equal values become one rectangle each. */
  setGrid(r: number, c: number, grid: readonly (readonly (T | undefined)[])[]): void {
    const nr = grid.length;
    if (nr === 0) return;
    const nc = grid[0].length;
    this.dropCovered(r, c, nr, nc);
    for (let j = 0; j < nc; j++) {
      let start = 0;
      for (let i = 1; i <= nr; i++) {
        if (i === nr || grid[i][j] !== grid[start][j]) {
          const v = grid[start][j];
          if (v !== undefined || this.ops.length > 0) {
            this.ops.push({ r: r + start, c: c + j, nr: i - start, nc: 1, v });
          }
          start = i;
        }
      }
    }
  }

  get(row: number, col: number): T | undefined {
    const ops = this.ops;
    for (let i = ops.length - 1; i >= 0; i--) {
      const o = ops[i];
      if (row >= o.r && row < o.r + o.nr && col >= o.c && col < o.c + o.nc) return o.v;
    }
    return undefined;
  }

  clone(): Layer<T> {
    const copy = new Layer<T>();
    copy.ops = this.ops.map((o) => ({ ...o }));
    return copy;
  }

  insert(axis: 'r' | 'c', after: number, n: number): void {
    const size = axis === 'r' ? 'nr' : 'nc';
    for (const o of this.ops) {
      if (o[axis] > after) o[axis] += n;
      else if (o[axis] + o[size] - 1 > after) o[size] += n;
    }
  }

  remove(axis: 'r' | 'c', start: number, n: number): void {
    const size = axis === 'r' ? 'nr' : 'nc';
    const end = start + n - 1;
    this.ops = this.ops.filter((o) => {
      const oEnd = o[axis] + o[size] - 1;
      if (oEnd < start) return true;
      if (o[axis] > end) {
        o[axis] -= n;
        return true;
      }
      const kept = Math.max(0, start - o[axis]) + Math.max(0, oEnd - end);
      if (kept === 0) return false;
      o[axis] = Math.min(o[axis], start);
      o[size] = kept;
      return true;
    });
  }

  private dropCovered(r: number, c: number, nr: number, nc: number): void {
    if (this.ops.length === 0) return;
    this.ops = this.ops.filter(
      (o) => !(o.r >= r && o.c >= c && o.r + o.nr <= r + nr && o.c + o.nc <= c + nc),
    );
  }
}

/** What Range.getX returns for a cell never formatted. */
const FORMAT_DEFAULTS = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: 10,
  fontFamily: 'Arial',
  numberFormat: '0.###############',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: false,
  note: '',
  dataValidation: null,
} as const;

export type FormatProperty = keyof typeof FORMAT_DEFAULTS;
const FORMAT_PROPERTIES = Object.keys(FORMAT_DEFAULTS) as FormatProperty[];

function newLayers(): Record<FormatProperty, Layer<unknown>> {
  const layers = {} as Record<FormatProperty, Layer<unknown>>;
  for (const p of FORMAT_PROPERTIES) layers[p] = new Layer<unknown>();
  return layers;
}

// ---------------------------------------------------------------------------------------------
// Helpers

/*
 * Arguments that are Apps Script objects are typed "fake or real" so the fake's methods accept
 * what the real ones do (see shape.ts); at run time only the fake's own objects are accepted.
 */
export type SheetArg = FakeSheet | GoogleAppsScript.Spreadsheet.Sheet;
export type RangeArg = FakeRange | GoogleAppsScript.Spreadsheet.Range;
export type DateArg = Date | GoogleAppsScript.Base.Date;
export type DataValidationArg = FakeDataValidation | GoogleAppsScript.Spreadsheet.DataValidation;
export type ConditionalFormatRuleArg =
  FakeConditionalFormatRule | GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
export type EmbeddedChartArg = FakeEmbeddedChart | GoogleAppsScript.Spreadsheet.EmbeddedChart;

export function fake<T>(
  cls: abstract new (...args: never[]) => T,
  value: unknown,
  method: string,
): T {
  if (value instanceof cls) return value;
  throw signatureError(method, [value]);
}

export function dateArg(value: unknown, method: string): Date {
  if (isDate(value)) return value;
  throw signatureError(method, [value]);
}

function intArg(n: unknown): number {
  return typeof n === 'number' ? Math.trunc(n) : NaN;
}

/** Apps Script's check on any grid argument (setValues, setNumberFormats, …). */
function checkGrid(grid: unknown, numRows: number, numCols: number, method: string): unknown[][] {
  if (!Array.isArray(grid)) throw signatureError(method, [grid]);
  if (grid.length !== numRows) {
    throw gasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${grid.length} but the range has ${numRows}.`,
    );
  }
  for (const row of grid) {
    if (!Array.isArray(row)) throw signatureError(method, [grid]);
    if (row.length !== numCols) {
      throw gasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
      );
    }
  }
  return grid as unknown[][];
}

function rawValue(v: unknown): unknown {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v === 'object' && isDate(v)) return new Date(v.getTime());
  return v;
}

/** Stored objects are always Dates; hand out a fresh one of the caller's realm. */
function outValue(v: unknown, D: DateConstructor): unknown {
  if (v === undefined) return '';
  if (typeof v === 'object' && v !== null) return new D((v as Date).getTime());
  return v;
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet

export interface NamedRangeEntry {
  name: string;
  range: FakeRange;
}

export class FakeSpreadsheet {
  _sheets: FakeSheet[] = [];
  _active: FakeSheet | null = null;
  _activeRange: FakeRange | null = null;
  _namedRanges = new Map<string, NamedRangeEntry>();
  _protections: FakeProtection[] = [];
  _parse: ParseContext;
  _url: string | undefined = undefined;
  private nextSheetId = 0;
  private nextChartId = 1;

  constructor(
    readonly _env: SpreadsheetEnv,
    public _id: string,
    public _name: string,
    public _timeZone: string,
    public _locale: string,
    sheetNames: readonly string[],
  ) {
    this._parse = {
      timeZone: _timeZone,
      locale: _locale,
      decimalComma: localeUsesDecimalComma(_locale),
      year: () => zonedParts(this._env.clock.now(), this._timeZone).year,
    };
    for (const name of sheetNames) this._addSheet(name, this._sheets.length);
    this._active = this._sheets[0] ?? null;
  }

  private t(method: string, args: ArrayLike<unknown>): void {
    this._env.tracker.track(`Spreadsheet.${method}`, args);
  }

  // --- plumbing -------------------------------------------------------------------------------

  _addSheet(name: string, index: number): FakeSheet {
    const sheet = new FakeSheet(
      this,
      name,
      this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId,
    );
    this.nextSheetId += 1;
    this._sheets.splice(Math.max(0, Math.min(index, this._sheets.length)), 0, sheet);
    return sheet;
  }

  _sheet(name: string): FakeSheet | null {
    return this._sheets.find((s) => s._name === name) ?? null;
  }

  _activeSheet(): FakeSheet {
    if (this._active === null || !this._sheets.includes(this._active))
      this._active = this._sheets[0];
    return this._active;
  }

  _chartId(): number {
    return this.nextChartId++;
  }

  _assertNewName(name: string, except?: FakeSheet): void {
    if (this._sheets.some((s) => s !== except && s._name === name)) {
      throw gasError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  _setTimeZone(tz: string): void {
    this._timeZone = tz;
    this._parse = { ...this._parse, timeZone: tz };
  }

  _setLocale(locale: string): void {
    this._locale = locale;
    this._parse = { ...this._parse, locale, decimalComma: localeUsesDecimalComma(locale) };
  }

  /** Resolves `Sheet!A1:B2` / `A1:B2` (active sheet) without counting a call. */
  _rangeFromA1(a1: string, defaultSheet: FakeSheet): FakeRange {
    const { sheetName, ref } = splitSheetPrefix(String(a1));
    const sheet = sheetName === null ? defaultSheet : this._sheet(sheetName);
    if (sheet === null) throw gasError('Range not found');
    const rect = parseA1(ref, sheet._maxRows, sheet._maxCols);
    return sheet._checkedRange(rect.row, rect.col, rect.numRows, rect.numCols);
  }

  // --- Spreadsheet API -------------------------------------------------------------------------

  getId(): string {
    this.t('getId', arguments);
    return this._id;
  }

  getUrl(): string {
    this.t('getUrl', arguments);
    return this._url ?? `https://docs.google.com/spreadsheets/d/${this._id}/edit`;
  }

  getName(): string {
    this.t('getName', arguments);
    return this._name;
  }

  rename(newName: string): void {
    this.t('rename', arguments);
    this._name = String(newName);
  }

  getSpreadsheetTimeZone(): string {
    this.t('getSpreadsheetTimeZone', arguments);
    return this._timeZone;
  }

  setSpreadsheetTimeZone(timezone: string): void {
    this.t('setSpreadsheetTimeZone', arguments);
    this._setTimeZone(timezone);
  }

  getSpreadsheetLocale(): string {
    this.t('getSpreadsheetLocale', arguments);
    return this._locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.t('setSpreadsheetLocale', arguments);
    this._setLocale(locale);
  }

  getSheets(): FakeSheet[] {
    this.t('getSheets', arguments);
    return this._sheets.slice();
  }

  getNumSheets(): number {
    this.t('getNumSheets', arguments);
    return this._sheets.length;
  }

  /** Exact, case-sensitive match; the leftmost sheet if several match; `null` if none. */
  getSheetByName(name: string): FakeSheet | null {
    this.t('getSheetByName', arguments);
    return this._sheet(name);
  }

  getSheetById(id: number): FakeSheet | null {
    this.t('getSheetById', arguments);
    return this._sheets.find((s) => s._id === id) ?? null;
  }

  getSheetName(): string {
    this.t('getSheetName', arguments);
    return this._activeSheet()._name;
  }

  /**
   * insertSheet(), (index), (index, options), (options), (name), (name, index),
   * (name, index, options), (name, options). `index` is 0-based; the new sheet becomes active.
   */
  insertSheet(
    a?: string | number | { template?: unknown },
    b?: number | { template?: unknown },
    c?: { template?: unknown },
  ): FakeSheet {
    this.t('insertSheet', arguments);
    let name: string | undefined;
    let index = this._sheets.length;
    let options: { template?: unknown } | undefined;
    const rest: unknown[] = [a, b, c];
    if (typeof rest[0] === 'string') name = rest.shift() as string;
    if (typeof rest[0] === 'number') index = rest.shift() as number;
    if (rest[0] !== undefined && typeof rest[0] === 'object' && rest[0] !== null) {
      options = rest.shift() as { template?: unknown };
    }
    if (rest.some((x) => x !== undefined))
      throw signatureError('SpreadsheetApp.Spreadsheet.insertSheet', [a, b, c]);
    if (name === undefined) {
      let n = this._sheets.length + 1;
      while (this._sheet(`Sheet${n}`) !== null) n += 1;
      name = `Sheet${n}`;
    }
    this._assertNewName(name);
    const template = options?.template;
    const size =
      template instanceof FakeSheet
        ? template._maxRows * template._maxCols
        : DEFAULT_MAX_ROWS * DEFAULT_MAX_COLUMNS;
    this._sheets[0]?._checkGrowth(size);
    const sheet = this._addSheet(name, index);
    if (template instanceof FakeSheet) sheet._copyFrom(template);
    this._active = sheet;
    return sheet;
  }

  deleteSheet(sheetArg: SheetArg): void {
    this.t('deleteSheet', arguments);
    const sheet = fake(FakeSheet, sheetArg, 'SpreadsheetApp.Spreadsheet.deleteSheet');
    const i = this._sheets.indexOf(sheet);
    if (i < 0) throw gasError('Sheet not found');
    if (this._sheets.length === 1) throw gasError("You can't remove all the sheets in a document.");
    this._sheets.splice(i, 1);
    this._protections = this._protections.filter((p) => p._sheet !== sheet);
    for (const [name, entry] of this._namedRanges) {
      if (entry.range._sheet === sheet) this._namedRanges.delete(name);
    }
    sheet._deleted = true;
    if (this._active === sheet) this._active = this._sheets[0];
  }

  getActiveSheet(): FakeSheet {
    this.t('getActiveSheet', arguments);
    return this._activeSheet();
  }

  setActiveSheet(sheetArg: SheetArg, restoreSelection?: boolean): FakeSheet {
    this.t('setActiveSheet', arguments);
    void restoreSelection;
    const sheet = fake(FakeSheet, sheetArg, 'SpreadsheetApp.Spreadsheet.setActiveSheet');
    this._active = sheet;
    return sheet;
  }

  /** The selection; A1 of the active sheet when nothing was activated. */
  getActiveRange(): FakeRange {
    this.t('getActiveRange', arguments);
    const sheet = this._activeSheet();
    if (this._activeRange !== null && this._activeRange._sheet === sheet) return this._activeRange;
    return new FakeRange(sheet, 1, 1, 1, 1);
  }

  getRange(a1Notation: string): FakeRange {
    this.t('getRange', arguments);
    return this._rangeFromA1(a1Notation, this._activeSheet());
  }

  getRangeByName(name: string): FakeRange | null {
    this.t('getRangeByName', arguments);
    return this._namedRanges.get(name)?.range ?? null;
  }

  setNamedRange(name: string, rangeArg: RangeArg): void {
    this.t('setNamedRange', arguments);
    const range = fake(FakeRange, rangeArg, 'SpreadsheetApp.Spreadsheet.setNamedRange');
    if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name)) {
      throw gasError(`Invalid argument: name`);
    }
    this._namedRanges.set(name, { name, range });
  }

  getNamedRanges(): FakeNamedRange[] {
    this.t('getNamedRanges', arguments);
    return [...this._namedRanges.values()].map((e) => new FakeNamedRange(this, e));
  }

  removeNamedRange(name: string): void {
    this.t('removeNamedRange', arguments);
    this._namedRanges.delete(name);
  }

  getProtections(type: unknown): FakeProtection[] {
    this.t('getProtections', arguments);
    return this._protections.filter((p) => p._type === String(type));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.t('toast', arguments);
    this._env.toasts.push({ msg: String(msg), title, timeoutSeconds });
  }
}

// ---------------------------------------------------------------------------------------------
// Sheet

export class FakeSheet {
  _rows: (unknown[] | undefined)[] = [];
  _formulas = new Map<number, string>();
  _formats = newLayers();
  _maxRows = DEFAULT_MAX_ROWS;
  _maxCols = DEFAULT_MAX_COLUMNS;
  _frozenRows = 0;
  _frozenCols = 0;
  _hidden = false;
  _tabColor: string | null = null;
  _columnWidths = new Map<number, number>();
  _autoResized = new Set<number>();
  _conditionalFormatRules: FakeConditionalFormatRule[] = [];
  _charts: FakeEmbeddedChart[] = [];
  _deleted = false;
  private dirty = true;
  private lastRow = 0;
  private lastCol = 0;

  constructor(
    readonly _parent: FakeSpreadsheet,
    public _name: string,
    readonly _id: number,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this._parent._env.tracker.track(`Sheet.${method}`, args);
  }

  // --- plumbing -------------------------------------------------------------------------------

  _checkedRange(row: number, col: number, numRows: number, numCols: number): FakeRange {
    if (!(row >= 1)) throw gasError('The starting row of the range is too small.');
    if (!(col >= 1)) throw gasError('The starting column of the range is too small.');
    if (!(numRows >= 1)) throw gasError('The number of rows in the range must be at least 1.');
    if (!(numCols >= 1)) throw gasError('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this._maxRows || col + numCols - 1 > this._maxCols) {
      throw gasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, numRows, numCols);
  }

  private extent(): void {
    if (!this.dirty) return;
    const rows = this._rows;
    let lastRow = 0;
    let lastCol = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === undefined) continue;
      let k = row.length - 1;
      while (k >= 0 && row[k] === undefined) k--;
      if (k < 0) {
        rows[i] = undefined;
        continue;
      }
      if (row.length !== k + 1) row.length = k + 1;
      lastRow = i + 1;
      if (k + 1 > lastCol) lastCol = k + 1;
    }
    rows.length = lastRow;
    for (const key of this._formulas.keys()) {
      const r = Math.floor(key / KEY);
      const c = key % KEY;
      if (r > lastRow) lastRow = r;
      if (c > lastCol) lastCol = c;
    }
    this.lastRow = lastRow;
    this.lastCol = lastCol;
    this.dirty = false;
  }

  _lastRow(): number {
    this.extent();
    return this.lastRow;
  }

  _lastColumn(): number {
    this.extent();
    return this.lastCol;
  }

  _isPlainText(row: number, col: number): boolean {
    return this._formats.numberFormat.get(row, col) === '@';
  }

  /** The stored form of a value written through the API (see values.ts). */
  _toStored(v: unknown, row: number, col: number): unknown {
    if (v === null || v === undefined) return undefined;
    switch (typeof v) {
      case 'number':
      case 'boolean':
        return v;
      case 'string': {
        const parsed = parseTyped(v, this._parent._parse);
        if (parsed === v) return v;
        if (parsed !== undefined && this._isPlainText(row, col)) return v;
        return parsed;
      }
      case 'object':
        return isDate(v) ? new Date(v.getTime()) : String(v);
      default:
        return String(v);
    }
  }

  _clearFormulas(row: number, col: number, numRows: number, numCols: number): void {
    const formulas = this._formulas;
    if (formulas.size === 0) return;
    if (formulas.size <= numRows * numCols) {
      for (const key of [...formulas.keys()]) {
        const r = Math.floor(key / KEY);
        const c = key % KEY;
        if (r >= row && r < row + numRows && c >= col && c < col + numCols) formulas.delete(key);
      }
    } else {
      for (let r = row; r < row + numRows; r++) {
        for (let c = col; c < col + numCols; c++) formulas.delete(r * KEY + c);
      }
    }
  }

  /**
   * Writes a block at (row, col). `convert`: parse like typed input (API writes) or store as
   * given (test seeding). Rows may be ragged only when not converting.
   */
  _write(
    row: number,
    col: number,
    values: readonly (readonly unknown[])[],
    convert: boolean,
  ): void {
    const nr = values.length;
    if (nr === 0) return;
    let width = 0;
    for (const v of values) if (v.length > width) width = v.length;
    this._clearFormulas(row, col, nr, width);
    const rows = this._rows;
    while (rows.length < row - 1 + nr) rows.push(undefined);
    const c0 = col - 1;
    for (let i = 0; i < nr; i++) {
      const src = values[i];
      const len = src.length;
      const ri = row - 1 + i;
      let dst = rows[ri];
      if (dst === undefined && c0 === 0) {
        // One native copy, then fix up in place: far less garbage than growing an array.
        dst = src.slice();
        rows[ri] = dst;
        for (let j = 0; j < len; j++) {
          const v = dst[j];
          if (convert) {
            if (typeof v !== 'number' && typeof v !== 'boolean')
              this.store(dst, j, v, ri + 1, col + j);
          } else if (v === null || v === '') {
            dst[j] = undefined;
          } else if (typeof v === 'object' && isDate(v)) {
            dst[j] = new Date(v.getTime());
          }
        }
        continue;
      }
      if (dst === undefined) {
        dst = [];
        rows[ri] = dst;
      }
      while (dst.length < c0) dst.push(undefined);
      for (let j = 0; j < len; j++) {
        if (convert) this.store(dst, c0 + j, src[j], ri + 1, col + j);
        else dst[c0 + j] = rawValue(src[j]);
      }
    }
    this.dirty = true;
  }

  private store(dst: unknown[], index: number, input: unknown, row: number, col: number): void {
    const v = this._toStored(input, row, col);
    if (v instanceof FormulaInput) {
      this._formulas.set(row * KEY + col, v.text);
      dst[index] = undefined;
    } else if (v instanceof CurrencyInput) {
      dst[index] = v.value;
      this._formats.numberFormat.set(row, col, 1, 1, v.numberFormat);
    } else {
      dst[index] = v;
    }
  }

  _read(row: number, col: number, numRows: number, numCols: number): unknown[][] {
    const out = new Array<unknown[]>(numRows);
    const rows = this._rows;
    const D = this._parent._env.Date;
    const c0 = col - 1;
    const c1 = c0 + numCols;
    for (let i = 0; i < numRows; i++) {
      const src = rows[row - 1 + i];
      let line: unknown[];
      if (src === undefined || src.length <= c0) {
        line = new Array<unknown>(numCols).fill('');
      } else {
        line = src.slice(c0, c1);
        const len = line.length;
        for (let k = 0; k < len; k++) {
          const v = line[k];
          if (v === undefined) line[k] = '';
          else if (typeof v === 'object' && v !== null) line[k] = new D((v as Date).getTime());
        }
        for (let k = len; k < numCols; k++) line.push('');
      }
      out[i] = line;
    }
    return out;
  }

  _cell(row: number, col: number): unknown {
    const line = this._rows[row - 1];
    return line === undefined ? undefined : line[col - 1];
  }

  _formula(row: number, col: number): string {
    return this._formulas.get(row * KEY + col) ?? '';
  }

  _clearContent(row: number, col: number, numRows: number, numCols: number): void {
    this._clearFormulas(row, col, numRows, numCols);
    const rows = this._rows;
    const end = Math.min(rows.length, row - 1 + numRows);
    for (let ri = row - 1; ri < end; ri++) {
      const line = rows[ri];
      if (line === undefined) continue;
      const stop = Math.min(line.length, col - 1 + numCols);
      for (let k = col - 1; k < stop; k++) line[k] = undefined;
    }
    this.dirty = true;
  }

  _clearFormats(
    row: number,
    col: number,
    numRows: number,
    numCols: number,
    props = FORMAT_PROPERTIES,
  ): void {
    for (const p of props) {
      if (this._formats[p].ops.length > 0)
        this._formats[p].set(row, col, numRows, numCols, undefined);
    }
  }

  _format(prop: FormatProperty, row: number, col: number): unknown {
    const v = this._formats[prop].get(row, col);
    return v === undefined ? FORMAT_DEFAULTS[prop] : v;
  }

  /** Replaces all content with `rows` from A1, growing the grid to fit (test seeding). */
  _replaceAll(values: readonly (readonly unknown[])[]): void {
    this._rows = [];
    this._formulas.clear();
    let width = 0;
    for (const v of values) if (v.length > width) width = v.length;
    this._maxRows = Math.max(this._maxRows, values.length);
    this._maxCols = Math.max(this._maxCols, width);
    this._write(1, 1, values, false);
  }

  _copyFrom(template: FakeSheet): void {
    this._rows = template._rows.map((r) => (r === undefined ? undefined : r.map(rawValue)));
    this._formulas = new Map(template._formulas);
    for (const p of FORMAT_PROPERTIES) this._formats[p] = template._formats[p].clone();
    this._maxRows = template._maxRows;
    this._maxCols = template._maxCols;
    this._frozenRows = template._frozenRows;
    this._frozenCols = template._frozenCols;
    this.dirty = true;
  }

  private shiftFormulas(axis: 'r' | 'c', start: number, n: number, deleting: boolean): void {
    if (this._formulas.size === 0) return;
    const next = new Map<number, string>();
    for (const [key, text] of this._formulas) {
      let r = Math.floor(key / KEY);
      let c = key % KEY;
      let p = axis === 'r' ? r : c;
      if (deleting) {
        if (p >= start && p < start + n) continue;
        if (p >= start + n) p -= n;
      } else if (p > start) {
        p += n;
      }
      if (axis === 'r') r = p;
      else c = p;
      next.set(r * KEY + c, text);
    }
    this._formulas = next;
  }

  /**
   * Sheets refuses a change that takes the spreadsheet past 10 million cells (empty ones of every
   * grid included), with this message; the grid is left as it was.
   */
  _checkGrowth(cells: number): void {
    const total = this._parent._sheets.reduce((n, s) => n + s._maxRows * s._maxCols, 0);
    if (cells > 0 && total + cells > CELL_LIMIT)
      throw gasError(
        `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
  }

  _insertRows(after: number, n: number): void {
    this._checkGrowth(n * this._maxCols);
    const rows = this._rows;
    if (after < rows.length) {
      const tail = rows.splice(after);
      for (let i = 0; i < n; i++) rows.push(undefined);
      for (const r of tail) rows.push(r);
    }
    this.shiftFormulas('r', after, n, false);
    for (const p of FORMAT_PROPERTIES) this._formats[p].insert('r', after, n);
    this._maxRows += n;
    this.dirty = true;
  }

  _deleteRows(start: number, n: number): void {
    if (start - 1 < this._rows.length) this._rows.splice(start - 1, n);
    this.shiftFormulas('r', start, n, true);
    for (const p of FORMAT_PROPERTIES) this._formats[p].remove('r', start, n);
    this._maxRows -= n;
    this.dirty = true;
  }

  _insertColumns(after: number, n: number): void {
    this._checkGrowth(n * this._maxRows);
    for (const line of this._rows) {
      if (line === undefined || line.length <= after) continue;
      const tail = line.splice(after);
      for (let i = 0; i < n; i++) line.push(undefined);
      for (const v of tail) line.push(v);
    }
    this.shiftFormulas('c', after, n, false);
    for (const p of FORMAT_PROPERTIES) this._formats[p].insert('c', after, n);
    this._maxCols += n;
    this.dirty = true;
  }

  _deleteColumns(start: number, n: number): void {
    for (const line of this._rows) if (line !== undefined) line.splice(start - 1, n);
    this.shiftFormulas('c', start, n, true);
    for (const p of FORMAT_PROPERTIES) this._formats[p].remove('c', start, n);
    this._maxCols -= n;
    this.dirty = true;
  }

  // --- Sheet API -------------------------------------------------------------------------------

  getName(): string {
    this.t('getName', arguments);
    return this._name;
  }

  getSheetName(): string {
    this.t('getSheetName', arguments);
    return this._name;
  }

  setName(name: string): FakeSheet {
    this.t('setName', arguments);
    this._parent._assertNewName(name, this);
    this._name = String(name);
    return this;
  }

  getSheetId(): number {
    this.t('getSheetId', arguments);
    return this._id;
  }

  /** 1-based position among the spreadsheet's sheets. */
  getIndex(): number {
    this.t('getIndex', arguments);
    return this._parent._sheets.indexOf(this) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.t('getParent', arguments);
    return this._parent;
  }

  /** getRange(row, column[, numRows[, numColumns]]) or getRange(a1Notation). */
  getRange(a: number | string, b?: number, c?: number, d?: number): FakeRange {
    this.t('getRange', arguments);
    if (typeof a === 'string' && arguments.length === 1) {
      return this._parent._rangeFromA1(a, this);
    }
    if (typeof a !== 'number' || typeof b !== 'number' || arguments.length > 4) {
      throw signatureError('SpreadsheetApp.Sheet.getRange', Array.from(arguments));
    }
    if ((c !== undefined && typeof c !== 'number') || (d !== undefined && typeof d !== 'number')) {
      throw signatureError('SpreadsheetApp.Sheet.getRange', Array.from(arguments));
    }
    return this._checkedRange(
      intArg(a),
      intArg(b),
      c === undefined ? 1 : intArg(c),
      d === undefined ? 1 : intArg(d),
    );
  }

  /**
   * "Returns the RangeList collection representing the ranges in the same sheet specified by a
   * non-empty list of A1 notations." A notation naming another sheet is refused, as an empty list.
   */
  getRangeList(a1Notations: string[]): FakeRangeList {
    this.t('getRangeList', arguments);
    if (!Array.isArray(a1Notations) || a1Notations.length === 0)
      throw signatureError('SpreadsheetApp.Sheet.getRangeList', Array.from(arguments));
    const ranges = a1Notations.map((a1) => {
      const r = this._parent._rangeFromA1(String(a1), this);
      if (r._sheet !== this) throw gasError(`Range not found: ${a1}`);
      return r;
    });
    return new FakeRangeList(this, ranges);
  }

  /** A1 to (last row, last column) with content; at least A1. */
  getDataRange(): FakeRange {
    this.t('getDataRange', arguments);
    return new FakeRange(this, 1, 1, Math.max(1, this._lastRow()), Math.max(1, this._lastColumn()));
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    this.t('getSheetValues', arguments);
    const r = this._checkedRange(
      intArg(startRow),
      intArg(startColumn),
      intArg(numRows),
      intArg(numColumns),
    );
    return this._read(r._row, r._col, r._numRows, r._numCols);
  }

  /** Last row with content (values or formulas; formatting alone does not count); 0 if none. */
  getLastRow(): number {
    this.t('getLastRow', arguments);
    return this._lastRow();
  }

  getLastColumn(): number {
    this.t('getLastColumn', arguments);
    return this._lastColumn();
  }

  getMaxRows(): number {
    this.t('getMaxRows', arguments);
    return this._maxRows;
  }

  getMaxColumns(): number {
    this.t('getMaxColumns', arguments);
    return this._maxCols;
  }

  private checkRowPosition(position: number, howMany: number): void {
    if (!(position >= 1 && position <= this._maxRows) || !(howMany >= 1)) {
      throw gasError('Those rows are out of bounds.');
    }
  }

  private checkColumnPosition(position: number, howMany: number): void {
    if (!(position >= 1 && position <= this._maxCols) || !(howMany >= 1)) {
      throw gasError('Those columns are out of bounds.');
    }
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.t('insertRowsAfter', arguments);
    this.checkRowPosition(intArg(afterPosition), intArg(howMany));
    this._insertRows(intArg(afterPosition), intArg(howMany));
    return this;
  }

  insertRowAfter(afterPosition: number): FakeSheet {
    this.t('insertRowAfter', arguments);
    this.checkRowPosition(intArg(afterPosition), 1);
    this._insertRows(intArg(afterPosition), 1);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.t('insertRowsBefore', arguments);
    this.checkRowPosition(intArg(beforePosition), intArg(howMany));
    this._insertRows(intArg(beforePosition) - 1, intArg(howMany));
    return this;
  }

  insertRowBefore(beforePosition: number): FakeSheet {
    this.t('insertRowBefore', arguments);
    this.checkRowPosition(intArg(beforePosition), 1);
    this._insertRows(intArg(beforePosition) - 1, 1);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.t('insertColumnsAfter', arguments);
    this.checkColumnPosition(intArg(afterPosition), intArg(howMany));
    this._insertColumns(intArg(afterPosition), intArg(howMany));
    return this;
  }

  insertColumnAfter(afterPosition: number): FakeSheet {
    this.t('insertColumnAfter', arguments);
    this.checkColumnPosition(intArg(afterPosition), 1);
    this._insertColumns(intArg(afterPosition), 1);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): FakeSheet {
    this.t('insertColumnsBefore', arguments);
    this.checkColumnPosition(intArg(beforePosition), intArg(howMany));
    this._insertColumns(intArg(beforePosition) - 1, intArg(howMany));
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.t('deleteRows', arguments);
    const start = intArg(rowPosition);
    const n = intArg(howMany);
    this.checkRowPosition(start, n);
    if (start + n - 1 > this._maxRows) throw gasError('Those rows are out of bounds.');
    if (n >= this._maxRows - this._frozenRows && start <= this._frozenRows + 1) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this._deleteRows(start, n);
  }

  deleteRow(rowPosition: number): FakeSheet {
    this.t('deleteRow', arguments);
    const start = intArg(rowPosition);
    this.checkRowPosition(start, 1);
    if (this._maxRows - this._frozenRows <= 1) {
      throw gasError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    this._deleteRows(start, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.t('deleteColumns', arguments);
    const start = intArg(columnPosition);
    const n = intArg(howMany);
    this.checkColumnPosition(start, n);
    if (start + n - 1 > this._maxCols) throw gasError('Those columns are out of bounds.');
    if (n >= this._maxCols - this._frozenCols && start <= this._frozenCols + 1) {
      throw gasError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this._deleteColumns(start, n);
  }

  deleteColumn(columnPosition: number): FakeSheet {
    this.t('deleteColumn', arguments);
    const start = intArg(columnPosition);
    this.checkColumnPosition(start, 1);
    if (this._maxCols - this._frozenCols <= 1) {
      throw gasError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    this._deleteColumns(start, 1);
    return this;
  }

  /** Writes after getLastRow(), adding a row (and columns) when the grid is full. */
  appendRow(rowContents: unknown[]): FakeSheet {
    this.t('appendRow', arguments);
    if (!Array.isArray(rowContents))
      throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this._lastRow() + 1;
    this._checkGrowth(
      Math.max(row, this._maxRows) * Math.max(rowContents.length, this._maxCols) -
        this._maxRows * this._maxCols,
    );
    if (row > this._maxRows) this._maxRows = row;
    if (rowContents.length > this._maxCols) this._maxCols = rowContents.length;
    this._write(row, 1, [rowContents], true);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.t('setFrozenRows', arguments);
    this._frozenRows = intArg(rows);
  }

  getFrozenRows(): number {
    this.t('getFrozenRows', arguments);
    return this._frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.t('setFrozenColumns', arguments);
    this._frozenCols = intArg(columns);
  }

  getFrozenColumns(): number {
    this.t('getFrozenColumns', arguments);
    return this._frozenCols;
  }

  activate(): FakeSheet {
    this.t('activate', arguments);
    this._parent._active = this;
    return this;
  }

  hideSheet(): FakeSheet {
    this.t('hideSheet', arguments);
    this._hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this.t('showSheet', arguments);
    this._hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.t('isSheetHidden', arguments);
    return this._hidden;
  }

  setTabColor(color: string | null): FakeSheet {
    this.t('setTabColor', arguments);
    this._tabColor = color;
    return this;
  }

  getTabColor(): string | null {
    this.t('getTabColor', arguments);
    return this._tabColor;
  }

  autoResizeColumns(startColumn: number, numColumns: number): FakeSheet {
    this.t('autoResizeColumns', arguments);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._autoResized.add(c);
    return this;
  }

  autoResizeColumn(columnPosition: number): FakeSheet {
    this.t('autoResizeColumn', arguments);
    this._autoResized.add(columnPosition);
    return this;
  }

  setColumnWidth(columnPosition: number, width: number): FakeSheet {
    this.t('setColumnWidth', arguments);
    this._columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.t('setColumnWidths', arguments);
    for (let c = startColumn; c < startColumn + numColumns; c++) this._columnWidths.set(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.t('getColumnWidth', arguments);
    return this._columnWidths.get(columnPosition) ?? 100;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.t('getConditionalFormatRules', arguments);
    return this._conditionalFormatRules.slice();
  }

  setConditionalFormatRules(rules: ConditionalFormatRuleArg[]): void {
    this.t('setConditionalFormatRules', arguments);
    const method = 'SpreadsheetApp.Sheet.setConditionalFormatRules';
    if (!Array.isArray(rules)) throw signatureError(method, [rules]);
    this._conditionalFormatRules = rules.map((r) => fake(FakeConditionalFormatRule, r, method));
  }

  clearConditionalFormatRules(): void {
    this.t('clearConditionalFormatRules', arguments);
    this._conditionalFormatRules = [];
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.t('newChart', arguments);
    return new FakeEmbeddedChartBuilder(this, null);
  }

  insertChart(chartArg: EmbeddedChartArg): void {
    this.t('insertChart', arguments);
    const chart = fake(FakeEmbeddedChart, chartArg, 'SpreadsheetApp.Sheet.insertChart');
    if (chart._id === null) chart._id = this._parent._chartId();
    this._charts.push(chart);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.t('getCharts', arguments);
    return this._charts.slice();
  }

  removeChart(chartArg: EmbeddedChartArg): void {
    this.t('removeChart', arguments);
    const chart = fake(FakeEmbeddedChart, chartArg, 'SpreadsheetApp.Sheet.removeChart');
    this._charts = this._charts.filter((c) => c._id !== chart._id);
  }

  updateChart(chartArg: EmbeddedChartArg): void {
    this.t('updateChart', arguments);
    const chart = fake(FakeEmbeddedChart, chartArg, 'SpreadsheetApp.Sheet.updateChart');
    const i = this._charts.findIndex((c) => c._id === chart._id);
    if (i < 0) throw gasError('Chart not found.');
    this._charts[i] = chart;
  }

  getProtections(type: unknown): FakeProtection[] {
    this.t('getProtections', arguments);
    return this._parent._protections.filter((p) => p._type === String(type) && p._sheet === this);
  }

  /** A sheet has at most one sheet protection: protecting again returns it. */
  protect(): FakeProtection {
    this.t('protect', arguments);
    const existing = this._parent._protections.find(
      (p) => p._type === ProtectionType.SHEET && p._sheet === this,
    );
    if (existing !== undefined) return existing;
    const protection = new FakeProtection(this, ProtectionType.SHEET, null);
    this._parent._protections.push(protection);
    return protection;
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): FakeSheet {
    this.t('clear', arguments);
    const all = options === undefined || (!options.formatOnly && !options.contentsOnly);
    if (all || options?.contentsOnly) this._clearContent(1, 1, this._maxRows, this._maxCols);
    if (all || options?.formatOnly) this._clearFormats(1, 1, this._maxRows, this._maxCols);
    return this;
  }

  clearContents(): FakeSheet {
    this.t('clearContents', arguments);
    this._clearContent(1, 1, this._maxRows, this._maxCols);
    return this;
  }

  clearFormats(): FakeSheet {
    this.t('clearFormats', arguments);
    this._clearFormats(1, 1, this._maxRows, this._maxCols);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Range

type ClearOptions = {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
};

const NON_VALIDATION_FORMATS = FORMAT_PROPERTIES.filter(
  (p) => p !== 'dataValidation' && p !== 'note',
);

export class FakeRange {
  constructor(
    readonly _sheet: FakeSheet,
    readonly _row: number,
    readonly _col: number,
    readonly _numRows: number,
    readonly _numCols: number,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this._sheet._parent._env.tracker.track(`Range.${method}`, args);
  }

  private grid<T>(value: T): T[][] {
    const out = new Array<T[]>(this._numRows);
    for (let i = 0; i < this._numRows; i++) out[i] = new Array<T>(this._numCols).fill(value);
    return out;
  }

  private map<T>(fn: (row: number, col: number) => T): T[][] {
    const out = new Array<T[]>(this._numRows);
    for (let i = 0; i < this._numRows; i++) {
      const line = new Array<T>(this._numCols);
      for (let j = 0; j < this._numCols; j++) line[j] = fn(this._row + i, this._col + j);
      out[i] = line;
    }
    return out;
  }

  /** Plumbing (untracked): one format on every cell of the range. */
  _setFormat(prop: FormatProperty, value: unknown): FakeRange {
    this._sheet._formats[prop].set(
      this._row,
      this._col,
      this._numRows,
      this._numCols,
      value ?? undefined,
    );
    return this;
  }

  private setFormatGrid(prop: FormatProperty, grid: unknown, method: string): FakeRange {
    const checked = checkGrid(grid, this._numRows, this._numCols, method);
    this._sheet._formats[prop].setGrid(
      this._row,
      this._col,
      checked.map((line) => line.map((v) => v ?? undefined)),
    );
    return this;
  }

  private getFormat(prop: FormatProperty): unknown {
    return this._sheet._format(prop, this._row, this._col);
  }

  private getFormats(prop: FormatProperty): unknown[][] {
    return this.map((r, c) => this._sheet._format(prop, r, c));
  }

  // --- values ----------------------------------------------------------------------------------

  /** Numbers, strings, booleans and Dates (fresh copies); "" for blank cells and formulas. */
  getValues(): unknown[][] {
    this.t('getValues', arguments);
    return this._sheet._read(this._row, this._col, this._numRows, this._numCols);
  }

  getValue(): unknown {
    this.t('getValue', arguments);
    return outValue(this._sheet._cell(this._row, this._col), this._sheet._parent._env.Date);
  }

  setValues(values: unknown[][]): FakeRange {
    this.t('setValues', arguments);
    const checked = checkGrid(
      values,
      this._numRows,
      this._numCols,
      'SpreadsheetApp.Range.setValues',
    );
    this._sheet._write(this._row, this._col, checked, true);
    return this;
  }

  /** Sets every cell of the range. */
  setValue(value: unknown): FakeRange {
    this.t('setValue', arguments);
    this._sheet._write(this._row, this._col, this.grid(value), true);
    return this;
  }

  private display(row: number, col: number): string {
    const v = this._sheet._cell(row, col);
    if (v === undefined) return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    if (isDate(v)) {
      const tz = this._sheet._parent._timeZone;
      const p = zonedParts(v, tz);
      return formatDate(
        v,
        tz,
        p.hour || p.minute || p.second ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd',
      );
    }
    return String(v);
  }

  /** Strings: numbers via String(), booleans TRUE/FALSE, dates yyyy-MM-dd[ HH:mm:ss] (number formats are ignored). */
  getDisplayValues(): string[][] {
    this.t('getDisplayValues', arguments);
    return this.map((r, c) => this.display(r, c));
  }

  getDisplayValue(): string {
    this.t('getDisplayValue', arguments);
    return this.display(this._row, this._col);
  }

  getFormulas(): string[][] {
    this.t('getFormulas', arguments);
    return this.map((r, c) => this._sheet._formula(r, c));
  }

  getFormula(): string {
    this.t('getFormula', arguments);
    return this._sheet._formula(this._row, this._col);
  }

  /** Stores the same text in every cell (the fake does not shift relative references). */
  setFormula(formula: string): FakeRange {
    this.t('setFormula', arguments);
    const text = String(formula);
    this._sheet._write(
      this._row,
      this._col,
      this.grid(text.startsWith('=') ? text : `=${text}`),
      true,
    );
    return this;
  }

  setFormulas(formulas: string[][]): FakeRange {
    this.t('setFormulas', arguments);
    const checked = checkGrid(
      formulas,
      this._numRows,
      this._numCols,
      'SpreadsheetApp.Range.setFormulas',
    );
    this._sheet._write(this._row, this._col, checked, true);
    return this;
  }

  isBlank(): boolean {
    this.t('isBlank', arguments);
    for (let r = this._row; r < this._row + this._numRows; r++) {
      for (let c = this._col; c < this._col + this._numCols; c++) {
        if (this._sheet._cell(r, c) !== undefined || this._sheet._formula(r, c) !== '')
          return false;
      }
    }
    return true;
  }

  clearContent(): FakeRange {
    this.t('clearContent', arguments);
    this._sheet._clearContent(this._row, this._col, this._numRows, this._numCols);
    return this;
  }

  /** clear(): contents and formats; clear(options) as documented. */
  clear(options?: ClearOptions): FakeRange {
    this.t('clear', arguments);
    const o = options ?? {};
    const any = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
    const { _row: r, _col: c, _numRows: nr, _numCols: nc } = this;
    if (!any || o.contentsOnly) this._sheet._clearContent(r, c, nr, nc);
    if (!any || o.formatOnly) this._sheet._clearFormats(r, c, nr, nc, NON_VALIDATION_FORMATS);
    if (o.validationsOnly) this._sheet._clearFormats(r, c, nr, nc, ['dataValidation']);
    if (o.commentsOnly) this._sheet._clearFormats(r, c, nr, nc, ['note']);
    return this;
  }

  clearFormat(): FakeRange {
    this.t('clearFormat', arguments);
    this._sheet._clearFormats(
      this._row,
      this._col,
      this._numRows,
      this._numCols,
      NON_VALIDATION_FORMATS,
    );
    return this;
  }

  clearDataValidations(): FakeRange {
    this.t('clearDataValidations', arguments);
    return this._setFormat('dataValidation', undefined);
  }

  clearNote(): FakeRange {
    this.t('clearNote', arguments);
    return this._setFormat('note', undefined);
  }

  // --- geometry --------------------------------------------------------------------------------

  getA1Notation(): string {
    this.t('getA1Notation', arguments);
    return toA1(this._rect());
  }

  _rect(): GridRect {
    return { row: this._row, col: this._col, numRows: this._numRows, numCols: this._numCols };
  }

  getRow(): number {
    this.t('getRow', arguments);
    return this._row;
  }

  getRowIndex(): number {
    this.t('getRowIndex', arguments);
    return this._row;
  }

  getColumn(): number {
    this.t('getColumn', arguments);
    return this._col;
  }

  getLastRow(): number {
    this.t('getLastRow', arguments);
    return this._row + this._numRows - 1;
  }

  getLastColumn(): number {
    this.t('getLastColumn', arguments);
    return this._col + this._numCols - 1;
  }

  getNumRows(): number {
    this.t('getNumRows', arguments);
    return this._numRows;
  }

  getNumColumns(): number {
    this.t('getNumColumns', arguments);
    return this._numCols;
  }

  getSheet(): FakeSheet {
    this.t('getSheet', arguments);
    return this._sheet;
  }

  getGridId(): number {
    this.t('getGridId', arguments);
    return this._sheet._id;
  }

  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    this.t('offset', arguments);
    return this._sheet._checkedRange(
      this._row + intArg(rowOffset),
      this._col + intArg(columnOffset),
      numRows === undefined ? this._numRows : intArg(numRows),
      numColumns === undefined ? this._numCols : intArg(numColumns),
    );
  }

  activate(): FakeRange {
    this.t('activate', arguments);
    this._sheet._parent._active = this._sheet;
    this._sheet._parent._activeRange = this;
    return this;
  }

  // --- formatting ------------------------------------------------------------------------------

  setBackground(color: string | null): FakeRange {
    this.t('setBackground', arguments);
    return this._setFormat('background', color);
  }

  setBackgrounds(color: (string | null)[][]): FakeRange {
    this.t('setBackgrounds', arguments);
    return this.setFormatGrid('background', color, 'SpreadsheetApp.Range.setBackgrounds');
  }

  getBackground(): string {
    this.t('getBackground', arguments);
    return this.getFormat('background') as string;
  }

  getBackgrounds(): string[][] {
    this.t('getBackgrounds', arguments);
    return this.getFormats('background') as string[][];
  }

  setFontColor(color: string | null): FakeRange {
    this.t('setFontColor', arguments);
    return this._setFormat('fontColor', color);
  }

  getFontColor(): string {
    this.t('getFontColor', arguments);
    return this.getFormat('fontColor') as string;
  }

  setFontWeight(fontWeight: unknown): FakeRange {
    this.t('setFontWeight', arguments);
    return this._setFormat('fontWeight', fontWeight);
  }

  setFontWeights(fontWeights: unknown[][]): FakeRange {
    this.t('setFontWeights', arguments);
    return this.setFormatGrid('fontWeight', fontWeights, 'SpreadsheetApp.Range.setFontWeights');
  }

  getFontWeight(): string {
    this.t('getFontWeight', arguments);
    return this.getFormat('fontWeight') as string;
  }

  getFontWeights(): string[][] {
    this.t('getFontWeights', arguments);
    return this.getFormats('fontWeight') as string[][];
  }

  setFontStyle(fontStyle: unknown): FakeRange {
    this.t('setFontStyle', arguments);
    return this._setFormat('fontStyle', fontStyle);
  }

  setFontSize(size: number): FakeRange {
    this.t('setFontSize', arguments);
    return this._setFormat('fontSize', size);
  }

  setFontFamily(fontFamily: string | null): FakeRange {
    this.t('setFontFamily', arguments);
    return this._setFormat('fontFamily', fontFamily);
  }

  setNumberFormat(numberFormat: string): FakeRange {
    this.t('setNumberFormat', arguments);
    return this._setFormat('numberFormat', numberFormat);
  }

  setNumberFormats(numberFormats: (string | null)[][]): FakeRange {
    this.t('setNumberFormats', arguments);
    return this.setFormatGrid(
      'numberFormat',
      numberFormats,
      'SpreadsheetApp.Range.setNumberFormats',
    );
  }

  getNumberFormat(): string {
    this.t('getNumberFormat', arguments);
    return this.getFormat('numberFormat') as string;
  }

  getNumberFormats(): string[][] {
    this.t('getNumberFormats', arguments);
    return this.getFormats('numberFormat') as string[][];
  }

  setHorizontalAlignment(alignment: unknown): FakeRange {
    this.t('setHorizontalAlignment', arguments);
    return this._setFormat('horizontalAlignment', alignment);
  }

  getHorizontalAlignment(): string {
    this.t('getHorizontalAlignment', arguments);
    return this.getFormat('horizontalAlignment') as string;
  }

  setVerticalAlignment(alignment: unknown): FakeRange {
    this.t('setVerticalAlignment', arguments);
    return this._setFormat('verticalAlignment', alignment);
  }

  setWrap(isWrapEnabled: boolean): FakeRange {
    this.t('setWrap', arguments);
    return this._setFormat('wrap', Boolean(isWrapEnabled));
  }

  getWrap(): boolean {
    this.t('getWrap', arguments);
    return this.getFormat('wrap') as boolean;
  }

  setNote(note: string | null): FakeRange {
    this.t('setNote', arguments);
    return this._setFormat('note', note === null || note === '' ? undefined : String(note));
  }

  setNotes(notes: (string | null)[][]): FakeRange {
    this.t('setNotes', arguments);
    const checked = checkGrid(notes, this._numRows, this._numCols, 'SpreadsheetApp.Range.setNotes');
    this._sheet._formats.note.setGrid(
      this._row,
      this._col,
      checked.map((line) => line.map((n) => (n === null || n === '' ? undefined : String(n)))),
    );
    return this;
  }

  getNote(): string {
    this.t('getNote', arguments);
    return this.getFormat('note') as string;
  }

  getNotes(): string[][] {
    this.t('getNotes', arguments);
    return this.getFormats('note') as string[][];
  }

  private checkValidation(rule: unknown): void {
    if (rule === null || rule === undefined) return;
    if (!(rule instanceof FakeDataValidation)) {
      throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    }
    const list = rule._values[0];
    if (
      rule._criteria === DataValidationCriteria.VALUE_IN_LIST &&
      Array.isArray(list) &&
      list.length > 500
    ) {
      throw gasError(
        'The data validation rule has more items than the limit of 500. Use the ‘List from a range’ criteria instead.',
      );
    }
  }

  setDataValidation(rule: DataValidationArg | null): FakeRange {
    this.t('setDataValidation', arguments);
    this.checkValidation(rule);
    return this._setFormat('dataValidation', rule);
  }

  setDataValidations(rules: (DataValidationArg | null)[][]): FakeRange {
    this.t('setDataValidations', arguments);
    const checked = checkGrid(
      rules,
      this._numRows,
      this._numCols,
      'SpreadsheetApp.Range.setDataValidations',
    );
    for (const line of checked) for (const rule of line) this.checkValidation(rule);
    return this.setFormatGrid('dataValidation', checked, 'SpreadsheetApp.Range.setDataValidations');
  }

  getDataValidation(): FakeDataValidation | null {
    this.t('getDataValidation', arguments);
    return this.getFormat('dataValidation') as FakeDataValidation | null;
  }

  getDataValidations(): (FakeDataValidation | null)[][] {
    this.t('getDataValidations', arguments);
    return this.getFormats('dataValidation') as (FakeDataValidation | null)[][];
  }

  /** Checkbox validation, and every cell set to the unchecked value (false by default). */
  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): FakeRange {
    this.t('insertCheckboxes', arguments);
    const values =
      checkedValue === undefined
        ? []
        : uncheckedValue === undefined
          ? [checkedValue]
          : [checkedValue, uncheckedValue];
    const rule = new FakeDataValidation(
      this._sheet._parent._env,
      DataValidationCriteria.CHECKBOX,
      values,
      true,
      null,
    );
    this._setFormat('dataValidation', rule);
    const unchecked =
      checkedValue === undefined ? false : uncheckedValue === undefined ? '' : uncheckedValue;
    this._sheet._write(this._row, this._col, this.grid(unchecked), true);
    return this;
  }

  protect(): FakeProtection {
    this.t('protect', arguments);
    const protection = new FakeProtection(this._sheet, ProtectionType.RANGE, this);
    this._sheet._parent._protections.push(protection);
    return protection;
  }
}

// ---------------------------------------------------------------------------------------------
// Protection and named ranges

export class FakeProtection {
  _description = '';
  _warningOnly = false;
  _editors: string[] = [];
  _domainEdit = true;
  _unprotected: FakeRange[] = [];

  constructor(
    readonly _sheet: FakeSheet,
    readonly _type: string,
    public _range: FakeRange | null,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this._sheet._parent._env.tracker.track(`Protection.${method}`, args);
  }

  getProtectionType(): string {
    this.t('getProtectionType', arguments);
    return this._type;
  }

  getRange(): FakeRange {
    this.t('getRange', arguments);
    return (
      this._range ?? new FakeRange(this._sheet, 1, 1, this._sheet._maxRows, this._sheet._maxCols)
    );
  }

  setRange(range: RangeArg): FakeProtection {
    this.t('setRange', arguments);
    this._range = fake(FakeRange, range, 'SpreadsheetApp.Protection.setRange');
    return this;
  }

  getDescription(): string {
    this.t('getDescription', arguments);
    return this._description;
  }

  setDescription(description: string): FakeProtection {
    this.t('setDescription', arguments);
    this._description = String(description);
    return this;
  }

  isWarningOnly(): boolean {
    this.t('isWarningOnly', arguments);
    return this._warningOnly;
  }

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.t('setWarningOnly', arguments);
    this._warningOnly = Boolean(warningOnly);
    return this;
  }

  canEdit(): boolean {
    this.t('canEdit', arguments);
    return true;
  }

  canDomainEdit(): boolean {
    this.t('canDomainEdit', arguments);
    return this._domainEdit;
  }

  setDomainEdit(editable: boolean): FakeProtection {
    this.t('setDomainEdit', arguments);
    this._domainEdit = Boolean(editable);
    return this;
  }

  addEditor(emailAddress: string | { getEmail(): string }): FakeProtection {
    this.t('addEditor', arguments);
    const email = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    if (!this._editors.includes(email)) this._editors.push(email);
    return this;
  }

  addEditors(emailAddresses: string[]): FakeProtection {
    this.t('addEditors', arguments);
    for (const e of emailAddresses) if (!this._editors.includes(e)) this._editors.push(e);
    return this;
  }

  removeEditors(emailAddresses: (string | { getEmail(): string })[]): FakeProtection {
    this.t('removeEditors', arguments);
    const gone = new Set(emailAddresses.map((e) => (typeof e === 'string' ? e : e.getEmail())));
    this._editors = this._editors.filter((e) => !gone.has(e));
    return this;
  }

  getEditors(): { getEmail(): string }[] {
    this.t('getEditors', arguments);
    return this._editors.map((email) => ({ getEmail: () => email }));
  }

  setUnprotectedRanges(ranges: RangeArg[]): FakeProtection {
    this.t('setUnprotectedRanges', arguments);
    this._unprotected = ranges.map((r) =>
      fake(FakeRange, r, 'SpreadsheetApp.Protection.setUnprotectedRanges'),
    );
    return this;
  }

  getUnprotectedRanges(): FakeRange[] {
    this.t('getUnprotectedRanges', arguments);
    return this._unprotected.slice();
  }

  remove(): void {
    this.t('remove', arguments);
    const ss = this._sheet._parent;
    ss._protections = ss._protections.filter((p) => p !== this);
  }
}

/** Sheet.getRangeList(): the same operation on each range, one service call. */
export class FakeRangeList {
  constructor(
    private readonly sheet: FakeSheet,
    private readonly ranges: FakeRange[],
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this.sheet._parent._env.tracker.track(`RangeList.${method}`, args);
  }

  getRanges(): FakeRange[] {
    this.t('getRanges', arguments);
    return this.ranges.slice();
  }

  setNumberFormat(numberFormat: string): FakeRangeList {
    this.t('setNumberFormat', arguments);
    // Through the ranges' own plumbing, without counting a Range call per range.
    for (const r of this.ranges) r._setFormat('numberFormat', numberFormat);
    return this;
  }
}

export class FakeNamedRange {
  constructor(
    private readonly ss: FakeSpreadsheet,
    private readonly entry: NamedRangeEntry,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this.ss._env.tracker.track(`NamedRange.${method}`, args);
  }

  getName(): string {
    this.t('getName', arguments);
    return this.entry.name;
  }

  getRange(): FakeRange {
    this.t('getRange', arguments);
    return this.entry.range;
  }

  setName(name: string): FakeNamedRange {
    this.t('setName', arguments);
    this.ss._namedRanges.delete(this.entry.name);
    this.entry.name = name;
    this.ss._namedRanges.set(name, this.entry);
    return this;
  }

  setRange(range: RangeArg): FakeNamedRange {
    this.t('setRange', arguments);
    this.entry.range = fake(FakeRange, range, 'SpreadsheetApp.NamedRange.setRange');
    return this;
  }

  remove(): void {
    this.t('remove', arguments);
    if (this.ss._namedRanges.get(this.entry.name) === this.entry)
      this.ss._namedRanges.delete(this.entry.name);
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation

export class FakeDataValidation {
  constructor(
    private readonly env: SpreadsheetEnv,
    readonly _criteria: string,
    readonly _values: readonly unknown[],
    readonly _allowInvalid: boolean,
    readonly _helpText: string | null,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this.env.tracker.track(`DataValidation.${method}`, args);
  }

  getCriteriaType(): string {
    this.t('getCriteriaType', arguments);
    return this._criteria;
  }

  getCriteriaValues(): unknown[] {
    this.t('getCriteriaValues', arguments);
    return this._values.slice();
  }

  getAllowInvalid(): boolean {
    this.t('getAllowInvalid', arguments);
    return this._allowInvalid;
  }

  getHelpText(): string | null {
    this.t('getHelpText', arguments);
    return this._helpText;
  }

  copy(): FakeDataValidationBuilder {
    this.t('copy', arguments);
    const b = new FakeDataValidationBuilder(this.env);
    b._criteria = this._criteria;
    b._values = this._values.slice();
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return b;
  }
}

export class FakeDataValidationBuilder {
  _criteria: string | null = null;
  _values: unknown[] = [];
  _allowInvalid = true;
  _helpText: string | null = null;

  constructor(private readonly env: SpreadsheetEnv) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this.env.tracker.track(`DataValidationBuilder.${method}`, args);
  }

  private set(criteria: string, values: unknown[]): FakeDataValidationBuilder {
    this._criteria = criteria;
    this._values = values;
    return this;
  }

  requireValueInList(values: string[], showDropdown?: boolean): FakeDataValidationBuilder {
    this.t('requireValueInList', arguments);
    return this.set(DataValidationCriteria.VALUE_IN_LIST, [values.slice(), showDropdown ?? true]);
  }

  requireValueInRange(range: RangeArg, showDropdown?: boolean): FakeDataValidationBuilder {
    this.t('requireValueInRange', arguments);
    const r = fake(FakeRange, range, 'SpreadsheetApp.DataValidationBuilder.requireValueInRange');
    return this.set(DataValidationCriteria.VALUE_IN_RANGE, [r, showDropdown ?? true]);
  }

  requireCheckbox(checkedValue?: unknown, uncheckedValue?: unknown): FakeDataValidationBuilder {
    this.t('requireCheckbox', arguments);
    return this.set(
      DataValidationCriteria.CHECKBOX,
      [checkedValue, uncheckedValue].filter((v) => v !== undefined),
    );
  }

  requireDate(): FakeDataValidationBuilder {
    this.t('requireDate', arguments);
    return this.set(DataValidationCriteria.DATE_IS_VALID_DATE, []);
  }

  requireDateAfter(date: DateArg): FakeDataValidationBuilder {
    this.t('requireDateAfter', arguments);
    return this.set(DataValidationCriteria.DATE_AFTER, [
      dateArg(date, 'SpreadsheetApp.DataValidationBuilder.requireDateAfter'),
    ]);
  }

  requireDateBefore(date: DateArg): FakeDataValidationBuilder {
    this.t('requireDateBefore', arguments);
    return this.set(DataValidationCriteria.DATE_BEFORE, [
      dateArg(date, 'SpreadsheetApp.DataValidationBuilder.requireDateBefore'),
    ]);
  }

  requireDateOnOrAfter(date: DateArg): FakeDataValidationBuilder {
    this.t('requireDateOnOrAfter', arguments);
    return this.set(DataValidationCriteria.DATE_ON_OR_AFTER, [
      dateArg(date, 'SpreadsheetApp.DataValidationBuilder.requireDateOnOrAfter'),
    ]);
  }

  requireDateOnOrBefore(date: DateArg): FakeDataValidationBuilder {
    this.t('requireDateOnOrBefore', arguments);
    return this.set(DataValidationCriteria.DATE_ON_OR_BEFORE, [
      dateArg(date, 'SpreadsheetApp.DataValidationBuilder.requireDateOnOrBefore'),
    ]);
  }

  requireDateBetween(start: DateArg, end: DateArg): FakeDataValidationBuilder {
    this.t('requireDateBetween', arguments);
    const method = 'SpreadsheetApp.DataValidationBuilder.requireDateBetween';
    return this.set(DataValidationCriteria.DATE_BETWEEN, [
      dateArg(start, method),
      dateArg(end, method),
    ]);
  }

  requireDateEqualTo(date: DateArg): FakeDataValidationBuilder {
    this.t('requireDateEqualTo', arguments);
    return this.set(DataValidationCriteria.DATE_EQUAL_TO, [
      dateArg(date, 'SpreadsheetApp.DataValidationBuilder.requireDateEqualTo'),
    ]);
  }

  requireNumberBetween(start: number, end: number): FakeDataValidationBuilder {
    this.t('requireNumberBetween', arguments);
    return this.set(DataValidationCriteria.NUMBER_BETWEEN, [start, end]);
  }

  requireNumberNotBetween(start: number, end: number): FakeDataValidationBuilder {
    this.t('requireNumberNotBetween', arguments);
    return this.set(DataValidationCriteria.NUMBER_NOT_BETWEEN, [start, end]);
  }

  requireNumberEqualTo(number: number): FakeDataValidationBuilder {
    this.t('requireNumberEqualTo', arguments);
    return this.set(DataValidationCriteria.NUMBER_EQUAL_TO, [number]);
  }

  requireNumberNotEqualTo(number: number): FakeDataValidationBuilder {
    this.t('requireNumberNotEqualTo', arguments);
    return this.set(DataValidationCriteria.NUMBER_NOT_EQUAL_TO, [number]);
  }

  requireNumberGreaterThan(number: number): FakeDataValidationBuilder {
    this.t('requireNumberGreaterThan', arguments);
    return this.set(DataValidationCriteria.NUMBER_GREATER_THAN, [number]);
  }

  requireNumberGreaterThanOrEqualTo(number: number): FakeDataValidationBuilder {
    this.t('requireNumberGreaterThanOrEqualTo', arguments);
    return this.set(DataValidationCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }

  requireNumberLessThan(number: number): FakeDataValidationBuilder {
    this.t('requireNumberLessThan', arguments);
    return this.set(DataValidationCriteria.NUMBER_LESS_THAN, [number]);
  }

  requireNumberLessThanOrEqualTo(number: number): FakeDataValidationBuilder {
    this.t('requireNumberLessThanOrEqualTo', arguments);
    return this.set(DataValidationCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [number]);
  }

  requireTextContains(text: string): FakeDataValidationBuilder {
    this.t('requireTextContains', arguments);
    return this.set(DataValidationCriteria.TEXT_CONTAINS, [text]);
  }

  requireTextDoesNotContain(text: string): FakeDataValidationBuilder {
    this.t('requireTextDoesNotContain', arguments);
    return this.set(DataValidationCriteria.TEXT_DOES_NOT_CONTAIN, [text]);
  }

  requireTextEqualTo(text: string): FakeDataValidationBuilder {
    this.t('requireTextEqualTo', arguments);
    return this.set(DataValidationCriteria.TEXT_EQUAL_TO, [text]);
  }

  requireTextIsEmail(): FakeDataValidationBuilder {
    this.t('requireTextIsEmail', arguments);
    return this.set(DataValidationCriteria.TEXT_IS_VALID_EMAIL, []);
  }

  requireTextIsUrl(): FakeDataValidationBuilder {
    this.t('requireTextIsUrl', arguments);
    return this.set(DataValidationCriteria.TEXT_IS_VALID_URL, []);
  }

  requireFormulaSatisfied(formula: string): FakeDataValidationBuilder {
    this.t('requireFormulaSatisfied', arguments);
    return this.set(DataValidationCriteria.CUSTOM_FORMULA, [formula]);
  }

  withCriteria(criteria: unknown, args: unknown[]): FakeDataValidationBuilder {
    this.t('withCriteria', arguments);
    return this.set(String(criteria), args.slice());
  }

  setAllowInvalid(allowInvalidData: boolean): FakeDataValidationBuilder {
    this.t('setAllowInvalid', arguments);
    this._allowInvalid = Boolean(allowInvalidData);
    return this;
  }

  setHelpText(helpText: string): FakeDataValidationBuilder {
    this.t('setHelpText', arguments);
    this._helpText = helpText;
    return this;
  }

  getCriteriaType(): string | null {
    this.t('getCriteriaType', arguments);
    return this._criteria;
  }

  getCriteriaValues(): unknown[] {
    this.t('getCriteriaValues', arguments);
    return this._values.slice();
  }

  getAllowInvalid(): boolean {
    this.t('getAllowInvalid', arguments);
    return this._allowInvalid;
  }

  getHelpText(): string | null {
    this.t('getHelpText', arguments);
    return this._helpText;
  }

  copy(): FakeDataValidationBuilder {
    this.t('copy', arguments);
    const b = new FakeDataValidationBuilder(this.env);
    b._criteria = this._criteria;
    b._values = this._values.slice();
    b._allowInvalid = this._allowInvalid;
    b._helpText = this._helpText;
    return b;
  }

  build(): FakeDataValidation {
    this.t('build', arguments);
    if (this._criteria === null) throw gasError('Data validation rule must have criteria.');
    return new FakeDataValidation(
      this.env,
      this._criteria,
      this._values.slice(),
      this._allowInvalid,
      this._helpText,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formatting

interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

export class FakeBooleanCondition {
  constructor(
    private readonly env: SpreadsheetEnv,
    readonly _criteria: string,
    readonly _values: readonly unknown[],
    readonly _format: Readonly<RuleFormat>,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this.env.tracker.track(`BooleanCondition.${method}`, args);
  }

  getCriteriaType(): string {
    this.t('getCriteriaType', arguments);
    return this._criteria;
  }

  getCriteriaValues(): unknown[] {
    this.t('getCriteriaValues', arguments);
    return this._values.slice();
  }

  getBackground(): string | null {
    this.t('getBackground', arguments);
    return this._format.background;
  }

  getFontColor(): string | null {
    this.t('getFontColor', arguments);
    return this._format.fontColor;
  }

  getBold(): boolean | null {
    this.t('getBold', arguments);
    return this._format.bold;
  }

  getItalic(): boolean | null {
    this.t('getItalic', arguments);
    return this._format.italic;
  }

  getStrikethrough(): boolean | null {
    this.t('getStrikethrough', arguments);
    return this._format.strikethrough;
  }

  getUnderline(): boolean | null {
    this.t('getUnderline', arguments);
    return this._format.underline;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly env: SpreadsheetEnv,
    readonly _criteria: string | null,
    readonly _values: readonly unknown[],
    readonly _format: Readonly<RuleFormat>,
    readonly _ranges: readonly FakeRange[],
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this.env.tracker.track(`ConditionalFormatRule.${method}`, args);
  }

  getRanges(): FakeRange[] {
    this.t('getRanges', arguments);
    return this._ranges.slice();
  }

  getBooleanCondition(): FakeBooleanCondition | null {
    this.t('getBooleanCondition', arguments);
    return this._criteria === null
      ? null
      : new FakeBooleanCondition(this.env, this._criteria, this._values, this._format);
  }

  getGradientCondition(): null {
    this.t('getGradientCondition', arguments);
    return null;
  }

  copy(): FakeConditionalFormatRuleBuilder {
    this.t('copy', arguments);
    const b = new FakeConditionalFormatRuleBuilder(this.env);
    b._criteria = this._criteria;
    b._values = this._values.slice();
    b._format = { ...this._format };
    b._ranges = this._ranges.slice();
    return b;
  }
}

export class FakeConditionalFormatRuleBuilder {
  _criteria: string | null = null;
  _values: unknown[] = [];
  _format: RuleFormat = {
    background: null,
    fontColor: null,
    bold: null,
    italic: null,
    strikethrough: null,
    underline: null,
  };
  _ranges: FakeRange[] = [];

  constructor(private readonly env: SpreadsheetEnv) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this.env.tracker.track(`ConditionalFormatRuleBuilder.${method}`, args);
  }

  private when(criteria: string, values: unknown[]): FakeConditionalFormatRuleBuilder {
    this._criteria = criteria;
    this._values = values;
    return this;
  }

  whenFormulaSatisfied(formula: string): FakeConditionalFormatRuleBuilder {
    this.t('whenFormulaSatisfied', arguments);
    return this.when(BooleanCriteria.CUSTOM_FORMULA, [formula]);
  }

  whenCellEmpty(): FakeConditionalFormatRuleBuilder {
    this.t('whenCellEmpty', arguments);
    return this.when(BooleanCriteria.CELL_EMPTY, []);
  }

  whenCellNotEmpty(): FakeConditionalFormatRuleBuilder {
    this.t('whenCellNotEmpty', arguments);
    return this.when(BooleanCriteria.CELL_NOT_EMPTY, []);
  }

  whenTextContains(text: string): FakeConditionalFormatRuleBuilder {
    this.t('whenTextContains', arguments);
    return this.when(BooleanCriteria.TEXT_CONTAINS, [text]);
  }

  whenTextDoesNotContain(text: string): FakeConditionalFormatRuleBuilder {
    this.t('whenTextDoesNotContain', arguments);
    return this.when(BooleanCriteria.TEXT_DOES_NOT_CONTAIN, [text]);
  }

  whenTextEqualTo(text: string): FakeConditionalFormatRuleBuilder {
    this.t('whenTextEqualTo', arguments);
    return this.when(BooleanCriteria.TEXT_EQUAL_TO, [text]);
  }

  whenTextStartsWith(text: string): FakeConditionalFormatRuleBuilder {
    this.t('whenTextStartsWith', arguments);
    return this.when(BooleanCriteria.TEXT_STARTS_WITH, [text]);
  }

  whenTextEndsWith(text: string): FakeConditionalFormatRuleBuilder {
    this.t('whenTextEndsWith', arguments);
    return this.when(BooleanCriteria.TEXT_ENDS_WITH, [text]);
  }

  whenNumberGreaterThan(number: number): FakeConditionalFormatRuleBuilder {
    this.t('whenNumberGreaterThan', arguments);
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN, [number]);
  }

  whenNumberGreaterThanOrEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    this.t('whenNumberGreaterThanOrEqualTo', arguments);
    return this.when(BooleanCriteria.NUMBER_GREATER_THAN_OR_EQUAL_TO, [number]);
  }

  whenNumberLessThan(number: number): FakeConditionalFormatRuleBuilder {
    this.t('whenNumberLessThan', arguments);
    return this.when(BooleanCriteria.NUMBER_LESS_THAN, [number]);
  }

  whenNumberLessThanOrEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    this.t('whenNumberLessThanOrEqualTo', arguments);
    return this.when(BooleanCriteria.NUMBER_LESS_THAN_OR_EQUAL_TO, [number]);
  }

  whenNumberBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    this.t('whenNumberBetween', arguments);
    return this.when(BooleanCriteria.NUMBER_BETWEEN, [start, end]);
  }

  whenNumberNotBetween(start: number, end: number): FakeConditionalFormatRuleBuilder {
    this.t('whenNumberNotBetween', arguments);
    return this.when(BooleanCriteria.NUMBER_NOT_BETWEEN, [start, end]);
  }

  whenNumberEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    this.t('whenNumberEqualTo', arguments);
    return this.when(BooleanCriteria.NUMBER_EQUAL_TO, [number]);
  }

  whenNumberNotEqualTo(number: number): FakeConditionalFormatRuleBuilder {
    this.t('whenNumberNotEqualTo', arguments);
    return this.when(BooleanCriteria.NUMBER_NOT_EQUAL_TO, [number]);
  }

  whenDateAfter(date: unknown): FakeConditionalFormatRuleBuilder {
    this.t('whenDateAfter', arguments);
    return this.when(BooleanCriteria.DATE_AFTER, [date]);
  }

  whenDateBefore(date: unknown): FakeConditionalFormatRuleBuilder {
    this.t('whenDateBefore', arguments);
    return this.when(BooleanCriteria.DATE_BEFORE, [date]);
  }

  whenDateEqualTo(date: unknown): FakeConditionalFormatRuleBuilder {
    this.t('whenDateEqualTo', arguments);
    return this.when(BooleanCriteria.DATE_EQUAL_TO, [date]);
  }

  setBackground(color: string | null): FakeConditionalFormatRuleBuilder {
    this.t('setBackground', arguments);
    this._format.background = color;
    return this;
  }

  setFontColor(color: string | null): FakeConditionalFormatRuleBuilder {
    this.t('setFontColor', arguments);
    this._format.fontColor = color;
    return this;
  }

  setBold(bold: boolean | null): FakeConditionalFormatRuleBuilder {
    this.t('setBold', arguments);
    this._format.bold = bold;
    return this;
  }

  setItalic(italic: boolean | null): FakeConditionalFormatRuleBuilder {
    this.t('setItalic', arguments);
    this._format.italic = italic;
    return this;
  }

  setStrikethrough(strikethrough: boolean | null): FakeConditionalFormatRuleBuilder {
    this.t('setStrikethrough', arguments);
    this._format.strikethrough = strikethrough;
    return this;
  }

  setUnderline(underline: boolean | null): FakeConditionalFormatRuleBuilder {
    this.t('setUnderline', arguments);
    this._format.underline = underline;
    return this;
  }

  setRanges(ranges: RangeArg[]): FakeConditionalFormatRuleBuilder {
    this.t('setRanges', arguments);
    this._ranges = ranges.map((r) =>
      fake(FakeRange, r, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges'),
    );
    return this;
  }

  getRanges(): FakeRange[] {
    this.t('getRanges', arguments);
    return this._ranges.slice();
  }

  getBooleanCondition(): FakeBooleanCondition | null {
    this.t('getBooleanCondition', arguments);
    return this._criteria === null
      ? null
      : new FakeBooleanCondition(this.env, this._criteria, this._values.slice(), {
          ...this._format,
        });
  }

  getGradientCondition(): null {
    this.t('getGradientCondition', arguments);
    return null;
  }

  copy(): FakeConditionalFormatRuleBuilder {
    this.t('copy', arguments);
    const b = new FakeConditionalFormatRuleBuilder(this.env);
    b._criteria = this._criteria;
    b._values = this._values.slice();
    b._format = { ...this._format };
    b._ranges = this._ranges.slice();
    return b;
  }

  build(): FakeConditionalFormatRule {
    this.t('build', arguments);
    return new FakeConditionalFormatRule(
      this.env,
      this._criteria,
      this._values.slice(),
      { ...this._format },
      this._ranges.slice(),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Charts

interface ChartPosition {
  anchorRow: number;
  anchorColumn: number;
  offsetX: number;
  offsetY: number;
}

export class FakeEmbeddedChart {
  constructor(
    readonly _sheet: FakeSheet,
    public _id: number | null,
    readonly _type: string | null,
    readonly _ranges: readonly FakeRange[],
    readonly _options: ReadonlyMap<string, unknown>,
    readonly _position: Readonly<ChartPosition>,
    readonly _numHeaders: number,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this._sheet._parent._env.tracker.track(`EmbeddedChart.${method}`, args);
  }

  /** null until the chart is inserted into a sheet. */
  getChartId(): number | null {
    this.t('getChartId', arguments);
    return this._id;
  }

  getOptions(): { get(option: string): unknown } {
    this.t('getOptions', arguments);
    const options = new Map(this._options);
    return { get: (option: string) => (options.has(option) ? options.get(option) : null) };
  }

  getRanges(): FakeRange[] {
    this.t('getRanges', arguments);
    return this._ranges.slice();
  }

  getNumHeaders(): number {
    this.t('getNumHeaders', arguments);
    return this._numHeaders;
  }

  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    this.t('getContainerInfo', arguments);
    const p = { ...this._position };
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }

  modify(): FakeEmbeddedChartBuilder {
    this.t('modify', arguments);
    const b = new FakeEmbeddedChartBuilder(this._sheet, this._id);
    b._type = this._type;
    b._ranges = this._ranges.slice();
    b._options = new Map(this._options);
    b._position = { ...this._position };
    b._numHeaders = this._numHeaders;
    return b;
  }
}

export class FakeEmbeddedChartBuilder {
  _type: string | null = null;
  _ranges: FakeRange[] = [];
  _options = new Map<string, unknown>();
  _position: ChartPosition = { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 };
  _numHeaders = -1;

  constructor(
    readonly _sheet: FakeSheet,
    readonly _id: number | null,
  ) {}

  private t(method: string, args: ArrayLike<unknown>): void {
    this._sheet._parent._env.tracker.track(`EmbeddedChartBuilder.${method}`, args);
  }

  setChartType(type: unknown): FakeEmbeddedChartBuilder {
    this.t('setChartType', arguments);
    this._type = String(type);
    return this;
  }

  getChartType(): string | null {
    this.t('getChartType', arguments);
    return this._type;
  }

  private as(type: string): FakeEmbeddedChartBuilder {
    this._type = type;
    return this;
  }

  asAreaChart(): FakeEmbeddedChartBuilder {
    this.t('asAreaChart', arguments);
    return this.as(ChartType.AREA);
  }

  asBarChart(): FakeEmbeddedChartBuilder {
    this.t('asBarChart', arguments);
    return this.as(ChartType.BAR);
  }

  asColumnChart(): FakeEmbeddedChartBuilder {
    this.t('asColumnChart', arguments);
    return this.as(ChartType.COLUMN);
  }

  asLineChart(): FakeEmbeddedChartBuilder {
    this.t('asLineChart', arguments);
    return this.as(ChartType.LINE);
  }

  asPieChart(): FakeEmbeddedChartBuilder {
    this.t('asPieChart', arguments);
    return this.as(ChartType.PIE);
  }

  asTableChart(): FakeEmbeddedChartBuilder {
    this.t('asTableChart', arguments);
    return this.as(ChartType.TABLE);
  }

  addRange(range: RangeArg): FakeEmbeddedChartBuilder {
    this.t('addRange', arguments);
    this._ranges.push(fake(FakeRange, range, 'SpreadsheetApp.EmbeddedChartBuilder.addRange'));
    return this;
  }

  removeRange(rangeArg: RangeArg): FakeEmbeddedChartBuilder {
    this.t('removeRange', arguments);
    const range = fake(FakeRange, rangeArg, 'SpreadsheetApp.EmbeddedChartBuilder.removeRange');
    this._ranges = this._ranges.filter(
      (r) => !(r._sheet === range._sheet && toA1(r._rect()) === toA1(range._rect())),
    );
    return this;
  }

  clearRanges(): FakeEmbeddedChartBuilder {
    this.t('clearRanges', arguments);
    this._ranges = [];
    return this;
  }

  getRanges(): FakeRange[] {
    this.t('getRanges', arguments);
    return this._ranges.slice();
  }

  setOption(option: string, value: unknown): FakeEmbeddedChartBuilder {
    this.t('setOption', arguments);
    this._options.set(option, value);
    return this;
  }

  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): FakeEmbeddedChartBuilder {
    this.t('setPosition', arguments);
    this._position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }

  setNumHeaders(headers: number): FakeEmbeddedChartBuilder {
    this.t('setNumHeaders', arguments);
    this._numHeaders = headers;
    return this;
  }

  build(): FakeEmbeddedChart {
    this.t('build', arguments);
    return new FakeEmbeddedChart(
      this._sheet,
      this._id,
      this._type,
      this._ranges.slice(),
      new Map(this._options),
      { ...this._position },
      this._numHeaders,
    );
  }
}
