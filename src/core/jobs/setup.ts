import { pick, type Locale } from '../i18n/locale';
import { workbookLocale } from '../i18n/workbook-locale';
import { IssueList, type DataIssue } from '../issues/issue';
import type { WorkbookStore } from '../ports/workbook';
import { findRateHeader, parseSettings } from '../parse/settings-sheet';
import { matchHeaders } from '../schema/match';
import { normalizeName } from '../schema/normalize';
import { EXCHANGE_RATE_COLUMNS, SHEETS } from '../schema/sheets';
import { headerRowIndex } from '../schema/header-row';
import { recognize, resolveBook } from './recognize';
import type { SheetDef } from '../schema/types';
import { buildLayout } from '../setup/layout';
import { DEFAULT_RATES, SETTING_DEFS } from '../settings/definitions';
import { displayValue } from '../values/parse';
import type { CellValue, Grid } from '../values/cell';
import { notOursIssue, ownSheet } from '../outputs/ownership';

export interface SetupResult {
  readonly locale: Locale;
  readonly createdSheets: readonly string[];
  readonly addedColumns: readonly { sheet: string; headers: readonly string[] }[];
  readonly addedSettings: readonly string[];
  /** Header problems found (duplicates); setup reports them and leaves the cells alone. */
  readonly issues: readonly DataIssue[];
}

/** The header text the script writes for a column: keys for Looker sheets, else localized. */
export function headerText(
  def: SheetDef,
  col: { key: string; en: string; zh: string },
  locale: Locale,
): string {
  return def.keyHeaders ? col.key : pick(col, locale);
}

/** The width of a sheet only the script fills (summary, logs, …); undefined for the others. */
function scriptOnlyWidth(def: SheetDef): number | undefined {
  return def.kind === 'script' || def.kind === 'log' ? def.columns.length : undefined;
}

/** Index after the last column holding anything, so a new header never labels a user's data. */
function usedWidth(grid: Grid): number {
  let w = 0;
  for (const row of grid) {
    for (let c = row.length - 1; c >= w; c--) {
      if (displayValue(row[c] ?? null).trim() !== '') {
        w = c + 1;
        break;
      }
    }
  }
  return w;
}

function rowBlank(row: readonly CellValue[] | undefined): boolean {
  return !row || row.every((v) => displayValue(v ?? null).trim() === '');
}

/** Number of blank rows starting at 0-based index `from` (rows past the end are blank). */
function blankRun(grid: Grid, from: number): number {
  let r = from;
  while (r < grid.length && rowBlank(grid[r])) r++;
  return r < grid.length ? r - from : Number.MAX_SAFE_INTEGER;
}

/** 1-based number of the last row holding anything (0 when empty). */
function usedHeight(grid: Grid): number {
  for (let r = grid.length - 1; r >= 0; r--) if (!rowBlank(grid[r])) return r + 1;
  return 0;
}

/**
 * The sheet_not_ours issue for an existing sheet named like a Looker sheet or the dashboard that
 * holds a team's own data (outputs/ownership.ts `ownSheet`); null when the sheet is empty or the
 * script's.
 */
function foreignScriptSheet(def: SheetDef, name: string, grid: Grid): DataIssue | null {
  if (ownSheet(def.key, grid[0] ?? [], () => usedHeight(grid) === 0)) return null;
  return notOursIssue(name, def.key, grid[0] ?? []);
}

/**
 * `Set up workbook` (docs/workbook.md): creates missing sheets and columns in the workbook's language,
 * writes Settings defaults only where a setting is absent, and (re)applies formats, validation,
 * protection and named ranges. It never moves, clears or rewrites a cell that holds something,
 * so running it twice changes nothing the second time.
 */
export function setupWorkbook(store: WorkbookStore, forcedLocale?: Locale): SetupResult {
  const issues = new IssueList();
  const book = resolveBook(store);
  const { sheets: found, issues: sheetIssues } = book;
  sheetIssues.forEach((i) => issues.add(i));
  // A sheet of the team's that looks like one of ours is reported, and ours is not created
  // beside it: once mapped, it is the one set up. Header suggestions are left to the refresh
  // (data_issues), so running Set up on a workbook with the team's own columns stays quiet.
  const grids = new Map<string, Grid>();
  const recognition = recognize(store, book, grids);
  const lookalikes = new Set<string>();
  for (const s of recognition.suggestions)
    if (s.header === null && s.candidates[0]) lookalikes.add(s.candidates[0].key);
  recognition.issues.filter((i) => i.code === 'sheet_unrecognised').forEach((i) => issues.add(i));
  const settingsName = found.get('settings');
  const settingsGrid = settingsName ? store.readSheet(settingsName) : null;
  const settings =
    settingsName && settingsGrid
      ? parseSettings({ name: settingsName, values: settingsGrid }, new IssueList())
      : null;
  const locale =
    forcedLocale ??
    workbookLocale({ setting: settings?.language, spreadsheetLocale: store.locale() });
  const createdSheets: string[] = [];
  const addedColumns: { sheet: string; headers: string[] }[] = [];
  let addedSettings: string[] = [];

  for (const def of SHEETS) {
    let name = found.get(def.key);
    let grid: Grid = [];
    if (name === undefined && lookalikes.has(def.key)) continue;
    if (name === undefined) {
      name = pick(def, locale);
      store.createSheet(name, scriptOnlyWidth(def));
      createdSheets.push(name);
    } else {
      grid =
        def.key === 'settings' && settingsGrid
          ? settingsGrid
          : (grids.get(name) ?? store.readSheet(name));
    }
    // A team's own sheet that only shares the name of one the script writes (a price list called
    // Products, a KPI sheet called Dashboard) gets no header and no formats: said, left alone.
    const notOurs = createdSheets.includes(name) ? null : foreignScriptSheet(def, name, grid);
    if (notOurs !== null) {
      issues.add(notOurs);
      continue;
    }
    if (def.columns.length === 0) {
      store.applyLayout(name, buildLayout(def, new Map(), 0, locale));
      continue;
    }
    // A team sheet may open with a title block; its header row is the one set up.
    const at = def.kind === 'user' ? headerRowIndex(name, grid, def.columns, book.map) : 0;
    const header = matchHeaders(name, def.columns, grid[at] ?? [], at + 1, book.map);
    // A team keying its accounts by name gets an ID column only when it asks for IDs.
    const nameKeyed =
      def.key === 'accounts' && !header.index.has('account_id') && header.index.has('account_name');
    const missing = nameKeyed
      ? header.missing.filter((c) => c.key !== 'account_id')
      : header.missing;
    header.issues
      .filter((i) => i.code === 'header_duplicate' || i.code === 'header_ambiguous')
      .forEach((i) => issues.add(i));
    const positions = new Map<string, number>();
    header.index.forEach((i, key) => positions.set(key, i + 1));
    const newHeaders = missing.map((c) => headerText(def, c, locale));
    let width = Math.max(usedWidth(grid), ...[...positions.values()]);
    if (newHeaders.length > 0) {
      store.writeRange(name, at + 1, width + 1, [newHeaders]);
      missing.forEach((c, i) => positions.set(c.key, width + 1 + i));
      width += newHeaders.length;
      if (grid.length > 0) addedColumns.push({ sheet: name, headers: newHeaders });
    }
    if (def.key === 'settings') addedSettings = fillSettings(store, name, grid, positions, locale);
    // Formats, validation and the frozen header assume the header on row 1: a sheet with a
    // title block above its header keeps the team's own formatting.
    if (at === 0) store.applyLayout(name, buildLayout(def, positions, width, locale, grid));
  }
  return { locale, createdSheets, addedColumns, addedSettings, issues: issues.items };
}

/**
 * Adds the settings that are absent (key, default, description) after the last settings row,
 * and the exchange-rate table when there is none. Rows are inserted only when the rate table
 * leaves no room, which shifts it down without changing it.
 */
function fillSettings(
  store: WorkbookStore,
  name: string,
  grid: Grid,
  positions: ReadonlyMap<string, number>,
  locale: Locale,
): string[] {
  const keyCol = positions.get('setting') as number;
  const valueCol = positions.get('value') as number;
  const descCol = positions.get('description') as number;
  const rateAt = findRateHeader(grid); // 0-based row index, or -1
  const end = rateAt === -1 ? grid.length : rateAt;
  const present = new Set<string>();
  let lastSettingRow = 1; // 1-based row of the last settings row (header when none)
  for (let r = 1; r < end; r++) {
    const key = displayValue(grid[r]?.[keyCol - 1] ?? null).trim();
    if (key === '') continue;
    present.add(normalizeName(key));
    lastSettingRow = r + 1;
  }
  const missing = SETTING_DEFS.filter((d) => !present.has(normalizeName(d.key)));
  let inserted = 0;
  if (missing.length > 0) {
    const left = Math.min(keyCol, valueCol, descCol);
    const width = Math.max(keyCol, valueCol, descCol) - left + 1;
    const rows: CellValue[][] = missing.map((d) => {
      const row: CellValue[] = new Array<CellValue>(width).fill(null);
      row[keyCol - left] = d.key;
      row[valueCol - left] = d.default === '' ? null : d.default;
      row[descCol - left] = pick(d.description, locale);
      return row;
    });
    // Room below the last setting: blank rows only, keeping one blank row above the rate table.
    let room = blankRun(grid, lastSettingRow);
    if (rateAt !== -1) room = Math.min(room, rateAt - lastSettingRow) - 1;
    if (room < rows.length) {
      inserted = rows.length - Math.max(0, room);
      store.insertRowsAfter(name, lastSettingRow, inserted);
    }
    store.writeRange(name, lastSettingRow + 1, left, rows);
    lastSettingRow += rows.length;
  }
  if (rateAt === -1) {
    const header = EXCHANGE_RATE_COLUMNS.map((c) => pick(c, locale));
    const rates = DEFAULT_RATES.map((r) => [r.currency, r.rate] as CellValue[]);
    // Below everything the sheet holds, so no user cell is written over.
    const start = Math.max(lastSettingRow, usedHeight(grid) + inserted) + 2;
    store.writeRange(name, start, keyCol, [header, ...rates]);
  }
  return missing.map((d) => d.key);
}
