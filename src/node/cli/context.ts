import { pick, type Locale } from '../../core/i18n/locale';
import { UserFacingError } from '../../core/jobs/errors';
import { workbookLanguage } from '../../core/jobs/read';
import { accountsLookalike, recognize, resolveBook } from '../../core/jobs/recognize';
import { sheetDef } from '../../core/schema/sheets';
import type { Book } from './book';
import { CliError, cliText } from './messages';
import type { Progress } from './terminal';

/** What every command gets from main.ts. */
export interface CommandContext {
  /** Language of messages until a workbook says otherwise (the machine's). */
  readonly lang: Locale;
  readonly progress: Progress;
  /** Lines for stdout; tests read them from the child process. */
  readonly out: (line: string) => void;
}

/** The workbook's language (Settings `language`, else its locale), for messages about it. */
export function bookLocale(book: Book): Locale {
  return workbookLanguage(book.store);
}

/** The jobs need an Accounts sheet; say so in the runner's words, with the command that fixes it. */
export function assertAccountsSheet(book: Book, locale: Locale): void {
  const resolved = resolveBook(book.store);
  if (resolved.sheets.has('accounts')) return;
  const like = accountsLookalike(recognize(book.store, resolved));
  throw new CliError(
    like === null
      ? cliText('sheet_missing', locale, {
          file: book.shown,
          sheet: pick(sheetDef('accounts'), locale),
        })
      : cliText('accounts_unrecognised', locale, { file: book.shown, sheet: like }),
  );
}

/** The core's fix hints say `BOOK.xlsx`: name the file the user gave instead. */
export function namingFile(text: string, book: { readonly shown: string }): string {
  return text.replace(/BOOK\.xlsx|工作簿\.xlsx/g, book.shown);
}

/** Runs a core job; its user-facing problems become one line naming the file, exit code 2. */
export function runCoreJob<T>(book: Book, locale: Locale, job: () => T): T {
  try {
    return job();
  } catch (e) {
    if (e instanceof UserFacingError)
      throw new CliError(
        cliText('job_problem', locale, { file: book.shown, problem: namingFile(e.message, book) }),
      );
    throw e;
  }
}
