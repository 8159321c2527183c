import { pick, type Locale } from '../i18n/locale';
import { workbookLocale } from '../i18n/workbook-locale';
import { message } from '../i18n/messages';
import { IssueList, type DataIssue } from '../issues/issue';
import { parseSettings } from '../parse/settings-sheet';
import type { SheetSize, WorkbookStore } from '../ports/workbook';
import { parseWorkbook, type ParsedWorkbook, type WorkbookGrids } from '../parse/workbook';
import type { ColumnMap } from '../schema/column-map';
import { DATA_SHEETS, sheetDef } from '../schema/sheets';
import type { SheetKey } from '../schema/types';
import type { Day } from '../calendar/day';
import type { Grid } from '../values/cell';
import { UserFacingError } from './errors';
import { accountsLookalike, recognize, resolveBook } from './recognize';
import { fixHint } from '../issues/hints';
import type { TransactionFacts } from '../engine/facts';

const INPUT_SHEETS: readonly SheetKey[] = ['settings', ...DATA_SHEETS];

export interface WorkbookRead {
  readonly names: ReadonlyMap<SheetKey, string>;
  /** The grids read; with `keepGrids`, only those sheets' (the others were dropped once parsed). */
  readonly grids: WorkbookGrids;
  /** Each read sheet's size as read, kept when its grid is dropped. */
  readonly sizes: readonly SheetSize[];
  readonly parsed: ParsedWorkbook;
  readonly locale: Locale;
  /** The workbook's column_map rows (empty when it has none). */
  readonly map: ColumnMap;
  /** Sheet-level and cell-level issues together. */
  readonly issues: readonly DataIssue[];
}

/**
 * The workbook language for a job that reads no other sheet first (menus, sidebars, commands):
 * one read of Settings (found through Column Map too), then the rule of i18n/workbook-locale.
 */
export function workbookLanguage(store: WorkbookStore): Locale {
  const name = resolveBook(store).sheets.get('settings');
  const settings = name
    ? parseSettings({ name, values: store.readSheet(name) }, new IssueList())
    : null;
  return workbookLocale({ setting: settings?.language, spreadsheetLocale: store.locale() });
}

/**
 * Reads every input sheet once and parses it. Missing optional sheets are reported as issues;
 * a missing Accounts sheet stops the job with a message that says what to do. `only` limits the
 * read to some sheets (the action board needs no transactions); Settings and Accounts are
 * always read.
 */
export function readWorkbook(
  store: WorkbookStore,
  today: Day,
  only?: readonly SheetKey[],
  keepGrids?: readonly SheetKey[],
): WorkbookRead {
  const book = resolveBook(store);
  const { sheets: names, issues: sheetIssues } = book;
  const grids: WorkbookGrids = {};
  const wanted = only
    ? INPUT_SHEETS.filter((k) => k === 'settings' || k === 'accounts' || only.includes(k))
    : INPUT_SHEETS;
  for (const key of wanted) {
    const name = names.get(key);
    if (name !== undefined) grids[key] = { name, values: store.readSheet(name), map: book.map };
  }
  // A full read of a host whose interactions live elsewhere (Settings
  // `bigquery_interactions_table`): their rows take the sheet's place, parsed as the sheet is.
  const outside =
    only === undefined && store.externalInteractions
      ? store.externalInteractions(parseSettings(grids.settings ?? null, new IssueList()))
      : undefined;
  if (outside !== undefined) grids.interactions = { ...outside, map: book.map };
  const parsed = parseWorkbook(grids, today, book.map);
  const locale = workbookLocale({
    setting: parsed.model.settings.language,
    spreadsheetLocale: store.locale(),
  });
  // Only the full read (refresh, reminders) reports; a sidebar reads some sheets to show them.
  const sheetGrids = Object.values(grids).filter((g) => g.name !== outside?.name);
  const read = new Map(sheetGrids.map((g) => [g.name, g.values as Grid]));
  const recognition = only ? null : recognize(store, book, read);
  if (!names.has('accounts')) {
    const like = recognition ? accountsLookalike(recognition) : null;
    const runner = store.runner ?? 'sheets';
    throw new UserFacingError(
      like === null
        ? message('sheet_missing', locale, {
            name: pick(sheetDef('accounts'), locale),
            setup: fixHint(runner, 'setup', locale),
          })
        : message('accounts_unrecognised', locale, {
            sheet: like,
            map: fixHint(runner, 'map', locale),
          }),
    );
  }
  const all = new IssueList();
  sheetIssues.forEach((i) => all.add(i));
  recognition?.issues.forEach((i) => all.add(i));
  for (const key of wanted) {
    if (key === 'settings' || names.has(key) || (key === 'interactions' && outside)) continue;
    all.add({
      sheet: key,
      row: null,
      column: '',
      value: '',
      code: 'sheet_missing',
      params: { name: key },
      severity: 'warning',
    });
  }
  // The rows of a table have no row number a person could look up: the issue names the table
  // and the value instead (as for transactions from BigQuery). Each row's problem is its own
  // issue, so they bypass the list's merging by (sheet, row, column, code).
  const tableIssues: DataIssue[] = [];
  for (const i of parsed.issues)
    if (i.sheet === outside?.name) tableIssues.push({ ...i, row: null });
    else all.add(i);
  const sizes = sheetGrids.map((g) => ({
    name: g.name,
    rows: g.values.length,
    cols: g.values.reduce((w, r) => Math.max(w, r.length), 0),
  }));
  // A job that needs no grid after parsing (refresh: only Accounts, for its script columns)
  // lets the others go: 200,000 transaction rows are the largest thing a run holds.
  const kept: WorkbookGrids = keepGrids ? {} : grids;
  for (const key of keepGrids ?? []) if (grids[key]) kept[key] = grids[key];
  const issues = [...all.items, ...tableIssues];
  const result = { names, grids: kept, sizes, parsed, locale, map: book.map, issues };
  // A full read is a job that computes figures: a host whose transactions live elsewhere
  // (Settings `data_source` = bigquery) supplies their sums here, for every such job alike.
  return only === undefined
    ? withTransactions(result, store.externalTransactions?.(parsed.model, today))
    : result;
}

/** The transaction facts of a source outside the workbook, and the issues of its rows. */
export interface ExternalTransactions {
  readonly facts: TransactionFacts;
  readonly issues: readonly DataIssue[];
}

/** The workbook as read, with the transactions of an outside source in place of its sheet's. */
export function withTransactions(
  read: WorkbookRead,
  external?: ExternalTransactions,
): WorkbookRead {
  if (external === undefined) return read;
  const sheet = read.names.get('transactions');
  return {
    ...read,
    parsed: {
      ...read.parsed,
      model: { ...read.parsed.model, transactions: [], facts: external.facts },
    },
    issues: [
      ...read.issues.filter(
        (i) => !(i.sheet === sheet || (i.code === 'sheet_missing' && i.sheet === 'transactions')),
      ),
      ...external.issues,
    ],
  };
}
