import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Day } from '../../../core/calendar/day';
import { dashboardTables } from '../../../core/dashboard/tables';
import type { RefreshResult } from '../../../core/jobs/refresh';
import { renderReport } from '../../report/html';
import { staleByOwner } from '../../report/stale';
import { openBook, type Book } from '../book';
import type { CommandContext } from '../context';
import { cliText } from '../messages';
import { refreshBook } from './refresh';

/** `BOOK-report.html` beside the workbook. */
export function defaultReportPath(bookPath: string): string {
  const name = basename(bookPath);
  return join(
    dirname(bookPath),
    `${name.slice(0, name.length - extname(name).length)}-report.html`,
  );
}

/** The report's HTML from a refreshed workbook (also used by `kam demo`). */
export function reportHtml(book: Book, refreshed: RefreshResult): string {
  const { read, metrics, today, locale } = refreshed;
  const model = read.parsed.model;
  return renderReport({
    title: book.store.title(),
    fileName: basename(book.path),
    today,
    locale,
    model,
    metrics,
    tables: dashboardTables(model, metrics, today, locale),
    stale: staleByOwner(model, metrics, locale),
    errors: refreshed.errors,
    warnings: refreshed.issues.length - refreshed.errors,
  });
}

/** Written under a temporary name and renamed, so a browser never shows half a report. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  await fs.writeFile(tmp, text, 'utf8');
  await fs.rename(tmp, path);
}

/**
 * `kam report BOOK.xlsx [--out FILE.html]`: computes the figures as a refresh would (in memory;
 * the workbook is only read) and writes the dashboard as one self-contained HTML file.
 */
export async function reportCommand(
  file: string,
  opts: { out?: string; today: Day },
  ctx: CommandContext,
): Promise<number> {
  const book = await openBook(file, ctx.lang, ctx.progress);
  const { result } = refreshBook(book, opts.today, ctx);
  const out = resolve(opts.out ?? defaultReportPath(book.path));
  await fs.mkdir(dirname(out), { recursive: true });
  await writeFileAtomic(out, reportHtml(book, result));
  ctx.out(cliText('report_done', result.locale, { file: out }));
  return 0;
}
