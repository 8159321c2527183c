import { text } from '../i18n/catalogue';
import { bilingual, pick, type Bilingual } from '../i18n/locale';
import type { DataIssue } from '../issues/issue';
import type { WorkbookStore } from '../ports/workbook';
import {
  EMPTY_COLUMN_MAP,
  findColumnMapSheet,
  isIgnore,
  parseColumnMap,
  type ColumnMap,
} from '../schema/column-map';
import { firstWideRow, headerRowIndex } from '../schema/header-row';
import { matchHeaders, resolveSheets } from '../schema/match';
import { normalizeName } from '../schema/normalize';
import { DATA_SHEETS, SHEETS } from '../schema/sheets';
import { headerLooksLike, suggestColumns, suggestSheets, type Candidate } from '../schema/suggest';
import type { SheetDef, SheetKey } from '../schema/types';
import type { Grid } from '../values/cell';
import { displayValue } from '../values/parse';

/** The sheets people fill in, which a team's own workbook may hold under other names. */
export const MAPPABLE: readonly SheetKey[] = DATA_SHEETS;

export interface ResolvedBook {
  readonly sheets: Map<SheetKey, string>;
  readonly issues: DataIssue[];
  readonly map: ColumnMap;
}

/** The column_map rows (one read of that sheet, when the workbook has one). */
export function loadColumnMap(store: WorkbookStore, names = store.sheetNames()): ColumnMap {
  const name = findColumnMapSheet(names);
  return name === null ? EMPTY_COLUMN_MAP : parseColumnMap(name, store.readSheet(name));
}

/** Which sheet is which, honouring column_map. */
export function resolveBook(store: WorkbookStore, map?: ColumnMap): ResolvedBook {
  const names = store.sheetNames();
  const m = map ?? loadColumnMap(store, names);
  return { ...resolveSheets(names, m), map: m };
}

/** One unrecognised sheet (header null) or header, with its ranked suggestions. */
export interface Suggestion {
  readonly sheet: string;
  /** The sheet it belongs to, once that sheet is recognised. */
  readonly sheetKey: SheetKey | null;
  readonly header: string | null;
  readonly candidates: readonly Candidate[];
}

export interface Recognition {
  readonly suggestions: readonly Suggestion[];
  /** Warnings for data_issues: `problem` names the best guess and how to map it. */
  readonly issues: readonly DataIssue[];
}

function shown(c: Candidate): Bilingual {
  return bilingual((locale) =>
    text('issue_part.candidate', locale, { name: pick(c, locale), key: c.key }),
  );
}

/**
 * The recognition report: sheets that look like one of ours but are not matched, and headers
 * of matched sheets that are not ours yet resemble one of the columns still missing. A header
 * with no resemblance at all is reported once as the team's own column (`header_not_ours`,
 * a warning) until it is mapped to ignore. `grids` holds what the caller already read (what is
 * read here is added to it); other sheets are read only while one of ours is still missing.
 */
export function recognize(
  store: WorkbookStore,
  book: ResolvedBook,
  grids: Map<string, Grid> = new Map(),
): Recognition {
  const suggestions: Suggestion[] = [];
  const issues: DataIssue[] = [];
  const read = (name: string): Grid => {
    let g = grids.get(name);
    if (g === undefined) grids.set(name, (g = store.readSheet(name)));
    return g;
  };
  const matched = new Set(book.sheets.values());
  const open = SHEETS.filter((d) => MAPPABLE.includes(d.key) && !book.sheets.has(d.key));
  if (open.length > 0)
    for (const name of store.sheetNames()) {
      if (matched.has(name) || name === book.map.sheetName) continue;
      const entry = book.map.sheets.get(normalizeName(name));
      if (entry && isIgnore(entry.target)) continue;
      const grid = read(name);
      if (grid.length === 0) continue;
      const counts = new Map<SheetDef, number>();
      const head = grid[Math.max(firstWideRow(grid), 0)] ?? [];
      const header = head.map((c) => displayValue(c).trim()).filter((t) => t !== '');
      for (const def of open) {
        const count = header.filter((h) => headerLooksLike(h, def.columns)).length;
        // A sheet without a column only that sheet requires is less that sheet: a ledger with a
        // close date, an account and an amount is transactions, not opportunities without IDs.
        const own = def.columns.filter((c) => c.required && c.key !== 'account_id');
        const missing = own.some((c) => !header.some((h) => headerLooksLike(h, [c])));
        counts.set(def, missing && count >= 2 ? count - 1.5 : count);
      }
      const candidates = suggestSheets(name, counts);
      if (candidates.length === 0) continue;
      suggestions.push({ sheet: name, sheetKey: null, header: null, candidates });
      issues.push({
        sheet: name,
        row: null,
        column: '',
        value: '',
        code: 'sheet_unrecognised',
        params: { name, suggestion: shown(candidates[0]) },
        severity: 'warning',
      });
    }
  for (const key of MAPPABLE) {
    const name = book.sheets.get(key);
    if (name === undefined) continue;
    const grid = read(name);
    const def = SHEETS.find((d) => d.key === key) as SheetDef;
    const at = headerRowIndex(name, grid, def.columns, book.map);
    const header = matchHeaders(name, def.columns, grid[at] ?? [], at + 1, book.map);
    for (const u of header.unknown) {
      const candidates: Candidate[] =
        u.ambiguous.length > 1
          ? u.ambiguous.map((c) => ({ key: c.key, en: c.en, zh: c.zh, score: 0.9, why: 'alias' }))
          : suggestColumns(
              u.text,
              // A sample is enough to tell a column of emails or dates.
              grid.slice(at + 1, at + 201).map((row) => row[u.index] ?? null),
              header.missing,
            );
      if (candidates.length === 0) {
        // A column of the team's own: said once, so leaving it out is a choice (map it to
        // ignore), never a silent miss of a column of ours under a name nobody could guess.
        issues.push({
          sheet: name,
          row: at + 1,
          column: u.text,
          value: u.text,
          code: 'header_not_ours',
          params: { name: u.text },
          severity: 'warning',
        });
        continue;
      }
      suggestions.push({ sheet: name, sheetKey: key, header: u.text, candidates });
      // An ambiguous header was reported by the header match already.
      if (u.ambiguous.length > 1) continue;
      issues.push({
        sheet: name,
        row: at + 1,
        column: u.text,
        value: u.text,
        code: 'header_unrecognised',
        params: { name: u.text, suggestion: shown(candidates[0]) },
        severity: 'warning',
      });
    }
  }
  return { suggestions, issues };
}

/** The sheet that most looks like the accounts sheet, when none is recognised. */
export function accountsLookalike(r: Recognition): string | null {
  const s = r.suggestions.find((x) => x.header === null && x.candidates[0]?.key === 'accounts');
  return s ? s.sheet : null;
}
