import type { Day } from '../../../core/calendar/day';
import type { Locale } from '../../../core/i18n/locale';
import { issueText, type DataIssue } from '../../../core/issues/issue';
import { SEVERITIES, optionLabel } from '../../../core/schema/enums';
import { openBook } from '../book';
import { namingFile, type CommandContext } from '../context';
import { cliText } from '../messages';
import { refreshBook } from './refresh';

/** `Accounts!12 Owner Email: Not a valid email address: li@ (error)` */
export function issueLine(i: DataIssue, locale: Locale, file = 'BOOK.xlsx'): string {
  const text = namingFile(issueText(i, locale, 'cli'), { shown: file });
  const where = i.row === null ? i.sheet : `${i.sheet}!${i.row}`;
  const column = i.column ? ` ${i.column}` : '';
  const severity = optionLabel(SEVERITIES, i.severity, locale);
  return cliText('issue_line', locale, { where, column, text, severity });
}

/**
 * `kam check BOOK.xlsx`: the data issues a refresh would write to data_issues, found by running
 * the very same refresh on the workbook in memory and throwing the result away (the file is only
 * read). Exit code 1 when there are errors; warnings alone give 0, so it can gate a pipeline.
 */
export async function checkCommand(
  file: string,
  opts: { today: Day },
  ctx: CommandContext,
): Promise<number> {
  const book = await openBook(file, ctx.lang, ctx.progress);
  const { result } = refreshBook(book, opts.today, ctx);
  const locale = result.locale;
  result.issues.forEach((i) => ctx.out(issueLine(i, locale, file)));
  const errors = result.errors;
  const warnings = result.issues.length - errors;
  ctx.out(
    errors > 0
      ? cliText('check_errors', locale, { file, errors, warnings })
      : cliText('check_ok', locale, { file, warnings }),
  );
  return errors > 0 ? 1 : 0;
}
