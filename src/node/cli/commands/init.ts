import { issueText } from '../../../core/issues/issue';
import { userInfo } from 'node:os';
import { dirname, resolve } from 'node:path';
import { Workbook } from '../../xlsx/exceljs';
import { spreadsheetLocaleFor, type Locale } from '../../../core/i18n/locale';
import { fillAccountIds } from '../../../core/jobs/fill-ids';
import { setupWorkbook, type SetupResult } from '../../../core/jobs/setup';
import { exists, saveBookAtomic } from '../../xlsx/file';
import { assertNotOpenElsewhere, withWorkbookLock } from '../../xlsx/lock';
import { setWorkbookLanguage, XlsxWorkbookStore } from '../../xlsx/store';
import { updateExcelBook } from '../book';
import { bookLocale, runCoreJob, type CommandContext } from '../context';
import { machineLocale } from '../locale';
import { CliError, cliText } from '../messages';

/** Who asked for the change, for change_log: the account running `kam`. */
function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

/** A new workbook with every sheet, header, setting, dropdown and format of Set up workbook. */
export function newKamWorkbook(
  path: string,
  locale: Locale,
): { store: XlsxWorkbookStore; setup: SetupResult } {
  const workbook = new Workbook();
  workbook.creator = 'kam-sheets';
  workbook.created = new Date();
  setWorkbookLanguage(workbook, spreadsheetLocaleFor(locale));
  const store = new XlsxWorkbookStore(workbook, { path, fallbackLocale: machineLocale() });
  return { store, setup: setupWorkbook(store, locale) };
}

/**
 * `kam init BOOK.xlsx [--locale L]`. A new file gets every sheet; an existing workbook is set up
 * like the Sheets menu item does it: missing sheets, columns and settings are added, nothing is
 * moved or overwritten, and the file is rewritten only when something was added.
 */
export async function initCommand(
  file: string,
  opts: { locale?: Locale; fillIds?: boolean },
  ctx: CommandContext,
): Promise<number> {
  const path = resolve(file);
  if (!(await exists(path))) {
    const locale = opts.locale ?? ctx.lang;
    // The lock file would be the first thing to fail, with the system's words.
    if (!(await exists(dirname(path))))
      throw new CliError(cliText('no_folder', locale, { file, dir: dirname(file) }));
    await assertNotOpenElsewhere(path, file, locale);
    await withWorkbookLock(path, file, locale, async () => {
      const { store, setup } = newKamWorkbook(path, locale);
      await saveBookAtomic(store.workbook, path, file, locale, store.styles);
      ctx.out(cliText('init_done', locale, { file, sheets: setup.createdSheets.length }));
    });
    return 0;
  }
  const line = await updateExcelBook(file, ctx.lang, ctx.progress, async (book) => {
    if (opts.locale) setWorkbookLanguage(book.store.workbook, spreadsheetLocaleFor(opts.locale));
    // IDs first, so the new ID column sits next to the team's own columns.
    const lang = opts.locale ?? bookLocale(book);
    const ids = opts.fillIds
      ? runCoreJob(book, lang, () => fillAccountIds(book.store, lang, userName(), Date.now()))
      : null;
    const setup = setupWorkbook(book.store, opts.locale);
    const columns = setup.addedColumns.reduce((n, a) => n + a.headers.length, 0);
    const filled = ids ? cliText('ids_filled', setup.locale, { count: ids.filled }) : null;
    const changed =
      setup.createdSheets.length + columns + setup.addedSettings.length + (ids?.filled ?? 0) > 0;
    const text = changed
      ? cliText('init_updated', setup.locale, {
          file,
          created: setup.createdSheets.length,
          columns,
          settings: setup.addedSettings.length,
        })
      : cliText('init_unchanged', setup.locale, { file });
    // What Set up left alone (a sheet of the team's own under one of our names, a column twice).
    const problems = setup.issues.map(
      (i) => `${i.sheet}: ${issueText(i, setup.locale, book.store.runner)}`,
    );
    return { save: changed, result: [text, filled, ...problems].filter(Boolean).join('\n') };
  });
  ctx.out(line);
  return 0;
}
