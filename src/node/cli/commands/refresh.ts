import type { Day } from '../../../core/calendar/day';
import { basename } from 'node:path';
import { refresh, type RefreshResult } from '../../../core/jobs/refresh';
import { readWorkbook, type ExternalTransactions } from '../../../core/jobs/read';
import { factsFromFile, TransactionsFileError } from '../../duckdb/facts';
import { CliError } from '../messages';
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
export function refreshBook(
  book: Book,
  today: Day,
  ctx: CommandContext,
  transactions?: ExternalTransactions,
): BookRefresh {
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
      transactions,
    }),
  );
  ctx.progress.stop();
  return { result, lines: notifier.lines };
}

/**
 * The transactions of a CSV or Parquet file, summed by DuckDB against the workbook's accounts,
 * plans and settings (docs/cli.md `--transactions`). A file DuckDB cannot read, or without a
 * `date` or `account_id` column, stops the command (exit 2) before anything is written.
 */
async function fileTransactions(
  book: Book,
  path: string,
  today: Day,
): Promise<ExternalTransactions> {
  const model = readWorkbook(book.store, today).parsed.model;
  try {
    return await factsFromFile(path, basename(path), model, today);
  } catch (e) {
    if (e instanceof TransactionsFileError) throw new CliError(e.message);
    throw e;
  }
}

/**
 * `kam refresh BOOK.xlsx [--today D] [--transactions FILE]`: exit 0 once the workbook is saved,
 * data issues or not.
 */
export async function refreshCommand(
  file: string,
  opts: { today: Day; transactions?: string },
  ctx: CommandContext,
): Promise<number> {
  const { lines } = await updateBook(file, ctx.lang, ctx.progress, async (book) => {
    const external =
      opts.transactions === undefined
        ? undefined
        : await fileTransactions(book, opts.transactions, opts.today);
    return { save: true, result: refreshBook(book, opts.today, ctx, external) };
  });
  lines.forEach(ctx.out);
  return 0;
}
