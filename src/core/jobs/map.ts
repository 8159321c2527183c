import { pick, type Locale } from '../i18n/locale';
import type { WorkbookStore } from '../ports/workbook';
import {
  COLUMN_MAP_COLUMNS,
  COLUMN_MAP_SHEET,
  isIgnore,
  type ColumnMap,
} from '../schema/column-map';
import { SHEETS } from '../schema/sheets';
import { normalizeName } from '../schema/normalize';
import { confidentCandidate, type Candidate } from '../schema/suggest';
import type { CellValue, Grid } from '../values/cell';
import { displayValue } from '../values/parse';
import { loadColumnMap, recognize, resolveBook, type Suggestion } from './recognize';

/** One row to append to column_map. `header` is '' for a whole sheet. */
export interface MapRow {
  readonly sheet: string;
  readonly header: string;
  readonly mapsTo: string;
  readonly candidate: Candidate;
}

export interface MappingPlan {
  /** The suggestions with one confident candidate, in the order they were found. */
  readonly rows: readonly MapRow[];
  /** Every candidate of each confident row's suggestion, by sheet and header. */
  readonly candidatesOf?: ReadonlyMap<string, Suggestion>;
  /** What is still unrecognised once those rows are in: for the user to decide. */
  readonly left: readonly Suggestion[];
}

function withRows(map: ColumnMap, rows: readonly MapRow[]): ColumnMap {
  const sheets = new Map(map.sheets);
  const headers = new Map([...map.headers].map(([k, v]) => [k, new Map(v)]));
  for (const r of rows) {
    const entry = { target: r.mapsTo, row: 0 };
    const sheet = normalizeName(r.sheet);
    if (r.header === '') sheets.set(sheet, entry);
    else {
      let m = headers.get(sheet);
      if (!m) headers.set(sheet, (m = new Map()));
      m.set(normalizeName(r.header), entry);
    }
  }
  return { sheetName: map.sheetName, sheets, headers };
}

/** The confident suggestions, leaving out any two that would claim the same sheet or column. */
function confidentRows(suggestions: readonly Suggestion[]): MapRow[] {
  const picked = suggestions.flatMap((s) => {
    const c = confidentCandidate(s.candidates);
    return c ? [{ sheet: s.sheet, header: s.header ?? '', mapsTo: c.key, candidate: c }] : [];
  });
  const claim = (r: MapRow): string => (r.header === '' ? r.mapsTo : `${r.sheet}\u0000${r.mapsTo}`);
  const counts = new Map<string, number>();
  for (const r of picked) counts.set(claim(r), (counts.get(claim(r)) ?? 0) + 1);
  return picked.filter((r) => counts.get(claim(r)) === 1);
}

/**
 * What `kam map --apply` writes: every suggestion with a single confident candidate. A sheet
 * mapped in one round has its headers looked at in the next, so one run maps `客户信息` and then
 * its `销售负责人`. Reads each sheet once; writes nothing.
 */
export function planMapping(store: WorkbookStore): MappingPlan {
  let map = loadColumnMap(store);
  const grids = new Map<string, Grid>();
  const rows: MapRow[] = [];
  const candidatesOf = new Map<string, Suggestion>();
  for (;;) {
    const book = resolveBook(store, map);
    const { suggestions } = recognize(store, book, grids);
    for (const s of suggestions) candidatesOf.set(`${s.sheet}\u0000${s.header ?? ''}`, s);
    const sure = confidentRows(suggestions);
    if (sure.length === 0 || rows.length > 200) return { rows, left: suggestions, candidatesOf };
    rows.push(...sure);
    map = withRows(map, sure);
  }
}

/**
 * Appends the rows to column_map, creating it (header in the workbook's language) when the
 * workbook has none. Only column_map is written: the team's own sheets are left as they are.
 */
export function applyMapping(
  store: WorkbookStore,
  rows: readonly MapRow[],
  locale: Locale,
  note: string,
): string {
  const existing = loadColumnMap(store).sheetName;
  const name = existing ?? pick(COLUMN_MAP_SHEET, locale);
  let at = COLUMN_MAP_COLUMNS.map((_, i) => i);
  if (existing === null) {
    store.createSheet(name);
    store.writeRange(name, 1, 1, [COLUMN_MAP_COLUMNS.map((c) => pick(c, locale))]);
  } else {
    // The team's Column Map may have its columns in another order, or more of them.
    const head = (store.readSheet(name)[0] ?? []).map((c) => normalizeName(displayValue(c)));
    const found = COLUMN_MAP_COLUMNS.map((c) =>
      head.findIndex((h) => [c.key, c.en, c.zh].map(normalizeName).includes(h)),
    );
    if (found.slice(0, 3).every((i) => i !== -1))
      at = found.map((i, k) => (i === -1 ? Math.max(head.length, 3) + k : i));
  }
  if (rows.length > 0) {
    const width = Math.max(...at) + 1;
    const grid: CellValue[][] = rows.map((r) => {
      const row: CellValue[] = new Array<CellValue>(width).fill(null);
      [r.sheet, r.header || null, r.mapsTo, note].forEach((v, k) => (row[at[k]] = v));
      return row;
    });
    store.appendRows(name, grid, width);
  }
  return name;
}

/** One line of the Map columns dialog: a sheet (header '') or a header, and its choices. */
export interface MappingItem {
  readonly sheet: string;
  readonly header: string;
  readonly choices: readonly { readonly code: string; readonly label: string }[];
  /** The choice `kam map --apply` would write; '' when there is no confident one. */
  readonly sure: string;
}

function choice(c: Candidate, locale: Locale): { code: string; label: string } {
  return { code: c.key, label: `${pick(c, locale)} (${c.key}) · ${c.score.toFixed(2)}` };
}

/**
 * What the Map columns dialog lists: the confident mappings (preselected) and what is left,
 * each with its ranked candidates. `ignore` is always offered by the page.
 */
export function mappingItems(store: WorkbookStore, locale: Locale): MappingItem[] {
  const plan = planMapping(store);
  const sure = plan.rows.map((r) => {
    const s = recognizeAgain(plan, r);
    return {
      sheet: r.sheet,
      header: r.header,
      choices: (s?.candidates ?? [r.candidate]).map((c) => choice(c, locale)),
      sure: r.mapsTo,
    };
  });
  const left = plan.left.map((s) => ({
    sheet: s.sheet,
    header: s.header ?? '',
    choices: s.candidates.map((c) => choice(c, locale)),
    sure: '',
  }));
  return [...sure, ...left];
}

function recognizeAgain(plan: MappingPlan, r: MapRow): Suggestion | undefined {
  return plan.candidatesOf?.get(`${r.sheet}\u0000${r.header}`);
}

/**
 * Saves what a person chose in the dialog. Each row must name one of the workbook's sheets and
 * map to `ignore`, a sheet key (blank header) or a column key; anything else is refused whole.
 */
export function saveMapping(
  store: WorkbookStore,
  rows: readonly { sheet: string; header: string; mapsTo: string }[],
  locale: Locale,
  note: string,
): { saved: number; bad: string | null } {
  const names = new Set(store.sheetNames());
  const sheetKeys = new Set(SHEETS.map((d) => d.key as string));
  const columnKeys = new Set(SHEETS.flatMap((d) => d.columns.map((c) => c.key)));
  for (const r of rows) {
    const ok =
      names.has(r.sheet) &&
      (isIgnore(r.mapsTo) ||
        (r.header === '' ? sheetKeys.has(r.mapsTo) : columnKeys.has(r.mapsTo)));
    if (!ok) return { saved: 0, bad: `${r.sheet} ${r.header} → ${r.mapsTo}` };
  }
  const picked: MapRow[] = rows.map((r) => ({
    sheet: r.sheet,
    header: r.header,
    mapsTo: r.mapsTo,
    candidate: { key: r.mapsTo, en: r.mapsTo, zh: r.mapsTo, score: 1, why: 'alias' },
  }));
  if (picked.length > 0) applyMapping(store, picked, locale, note);
  return { saved: picked.length, bad: null };
}
