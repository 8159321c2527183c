import { resolveLocale, type Locale } from '../core/i18n/locale';
import { IssueList } from '../core/issues/issue';
import { workbookLocale } from '../core/jobs/setup';
import { parseSettings } from '../core/parse/settings-sheet';
import { resolveBook } from '../core/jobs/recognize';
import { resolveSheets } from '../core/schema/match';
import type { GasContext } from './context';
import { SpreadsheetDates } from './dates';
import { fromSheetGrid } from './values';

/**
 * The workbook language straight from a spreadsheet, for code that runs without a job (onOpen,
 * custom functions): Settings `language`, else the spreadsheet locale. One read of Settings.
 */
export function spreadsheetLocale(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Locale {
  const name = resolveSheets(ss.getSheets().map((s) => s.getName())).sheets.get('settings');
  const sheet = name ? ss.getSheetByName(name) : null;
  const grid = sheet
    ? fromSheetGrid(
        sheet.getDataRange().getValues(),
        new SpreadsheetDates(ss.getSpreadsheetTimeZone()),
      )
    : null;
  const lang = grid
    ? parseSettings({ name: name as string, values: grid }, new IssueList()).language
    : 'auto';
  return resolveLocale(lang === 'auto' ? null : lang, ss.getSpreadsheetLocale());
}

/** The workbook language, reading Settings through the job's store (for messages). */
export function localeOf(ctx: GasContext): Locale {
  // Column Map may name the team's own Settings sheet (read only when the workbook has one).
  const settings = resolveBook(ctx.store).sheets.get('settings');
  return workbookLocale(ctx.store, settings ? ctx.store.readSheet(settings) : null, settings ?? '');
}
