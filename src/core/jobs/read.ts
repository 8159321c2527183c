import { resolveLocale, type Locale } from '../i18n/locale';
import { message } from '../i18n/messages';
import { IssueList, type DataIssue } from '../issues/issue';
import type { WorkbookStore } from '../ports/workbook';
import { parseWorkbook, type ParsedWorkbook, type WorkbookGrids } from '../records/workbook';
import { resolveSheets } from '../schema/match';
import type { SheetKey } from '../schema/types';
import type { Day } from '../calendar/day';
import type { Grid } from '../values/cell';
import { UserFacingError } from './errors';

const INPUT_SHEETS: readonly SheetKey[] = [
  'settings',
  'accounts',
  'contacts',
  'transactions',
  'interactions',
  'actions',
  'plans',
];

export interface WorkbookRead {
  readonly names: ReadonlyMap<SheetKey, string>;
  readonly grids: WorkbookGrids;
  readonly parsed: ParsedWorkbook;
  readonly locale: Locale;
  /** Sheet-level and cell-level issues together. */
  readonly issues: readonly DataIssue[];
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
): WorkbookRead {
  const { sheets: names, issues: sheetIssues } = resolveSheets(store.sheetNames());
  const grids: WorkbookGrids = {};
  const wanted = only
    ? INPUT_SHEETS.filter((k) => k === 'settings' || k === 'accounts' || only.includes(k))
    : INPUT_SHEETS;
  for (const key of wanted) {
    const name = names.get(key);
    if (name !== undefined) grids[key] = { name, values: store.readSheet(name) as Grid };
  }
  const parsed = parseWorkbook(grids, today);
  const settingsLang = parsed.model.settings.language;
  const locale = resolveLocale(settingsLang === 'auto' ? null : settingsLang, store.locale());
  if (!names.has('accounts'))
    throw new UserFacingError(
      message('sheet_missing', locale, { name: locale === 'zh-CN' ? '客户' : 'Accounts' }),
    );
  const all = new IssueList();
  sheetIssues.forEach((i) => all.add(i));
  for (const key of wanted) {
    if (key === 'settings' || names.has(key)) continue;
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
  parsed.issues.forEach((i) => all.add(i));
  return { names, grids, parsed, locale, issues: all.items };
}
