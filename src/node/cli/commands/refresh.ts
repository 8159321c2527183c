import type { Day } from '../../../core/calendar/day';
import { refresh, type RefreshResult } from '../../../core/jobs/refresh';
import { NodeClock } from '../../host/clock';
import { XlsxDashboardWriter } from '../../xlsx/dashboard';
import { updateBook, type Book } from '../book';
import { assertAccountsSheet, bookLocale, runCoreJob, type CommandContext } from '../context';
import { cliText } from '../messages';
import { TerminalNotifier } from '../terminal';

export interface BookRefresh {
  readonly result: RefreshResult;
  /** The job's summary line(s), printed once the workbook is saved. */
  readonly lines: readonly string[];
}

/** The refresh job on an open workbook (also used by `kam demo`); no time budget on a PC. */
export function refreshBook(book: Book, today: Day, ctx: CommandContext): BookRefresh {
  const locale = bookLocale(book);
  assertAccountsSheet(book, locale);
  const notifier = new TerminalNotifier();
  ctx.progress.start(cliText('step_compute', locale), 1);
  const result = runCoreJob(book, locale, () =>
    refresh({
      store: book.store,
      clock: new NodeClock(today),
      notifier,
      budgetMs: Infinity,
      defaultAllowList: null,
      dashboard: new XlsxDashboardWriter(book.store),
    }),
  );
  ctx.progress.stop();
  return { result, lines: notifier.lines };
}

/** `kam refresh BOOK.xlsx [--today D]`: exit 0 once the workbook is saved, data issues or not. */
export async function refreshCommand(
  file: string,
  opts: { today: Day },
  ctx: CommandContext,
): Promise<number> {
  const { lines } = await updateBook(file, ctx.lang, ctx.progress, async (book) => ({
    save: true,
    result: refreshBook(book, opts.today, ctx),
  }));
  lines.forEach(ctx.out);
  return 0;
}
