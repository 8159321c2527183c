import type { Locale } from '../core/i18n/locale';
import { workbookLocale } from '../core/i18n/workbook-locale';
import { IssueList } from '../core/issues/issue';
import { workbookLanguage } from '../core/jobs/read';
import { parseSettings } from '../core/parse/settings-sheet';
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
  const setting = grid
    ? parseSettings({ name: name as string, values: grid }, new IssueList()).language
    : null;
  return workbookLocale({ setting, spreadsheetLocale: ss.getSpreadsheetLocale() });
}

/** The workbook language, reading Settings through the job's store (for messages). */
export function localeOf(ctx: GasContext): Locale {
  // Column Map may name the team's own Settings sheet (read only when the workbook has one).
  return workbookLanguage(ctx.store);
}
