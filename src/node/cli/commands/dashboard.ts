import type { Day } from '../../../core/calendar/day';
import { rebuildDashboard } from '../../../core/jobs/rebuild-dashboard';
import { NodeClock } from '../../host/clock';
import { XlsxDashboardWriter } from '../../xlsx/dashboard';
import { updateBook } from '../book';
import { assertAccountsSheet, bookLocale, runCoreJob, type CommandContext } from '../context';
import { cliText } from '../messages';
import { TerminalNotifier } from '../terminal';

/**
 * `kam dashboard BOOK.xlsx [--today D]`: Rebuild dashboard (core/jobs/rebuild-dashboard.ts) on a
 * file: recomputes the dashboard tables and writes only the dashboard sheet. ExcelJS cannot draw
 * charts; `kam report` draws them from the same tables.
 */
export async function dashboardCommand(
  file: string,
  opts: { today: Day },
  ctx: CommandContext,
): Promise<number> {
  const lines = await updateBook(file, ctx.lang, ctx.progress, async (book) => {
    const locale = bookLocale(book);
    assertAccountsSheet(book, locale);
    const notifier = new TerminalNotifier();
    ctx.progress.start(cliText('step_compute', locale), 1);
    runCoreJob(book, locale, () =>
      rebuildDashboard({
        store: book.store,
        clock: new NodeClock(opts.today),
        notifier,
        dashboard: new XlsxDashboardWriter(book.store),
      }),
    );
    ctx.progress.stop();
    return { save: true, result: notifier.lines };
  });
  lines.forEach(ctx.out);
  return 0;
}
