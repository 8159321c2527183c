import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Day } from '../../../core/calendar/day';
import { dashboardTables } from '../../../core/dashboard/tables';
import type { RefreshResult } from '../../../core/jobs/refresh';
import { renderReport } from '../../report/html';
import { staleByOwner } from '../../report/stale';
import { openBook, type Book } from '../book';
import type { CommandContext } from '../context';
import { CliError, cliText } from '../messages';
import { removeOnExit } from '../../host/exit-cleanup';
import { removeStaleTemps, tempPathFor } from '../../xlsx/temp-files';
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

/**
 * Written under a temporary name and renamed, so a browser never shows half a report; a failed
 * write leaves no temporary file, and one a killed run left is removed.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  await removeStaleTemps(path);
  const tmp = tempPathFor(path);
  const forget = removeOnExit(tmp);
  try {
    await fs.writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  } finally {
    forget();
  }
}

/** `--out` naming a folder that exists means "in that folder", as `cp` reads it. */
async function reportTarget(out: string | undefined, bookPath: string): Promise<string> {
  if (out === undefined) return defaultReportPath(bookPath);
  const path = resolve(out);
  const stat = await fs.stat(path).catch(() => null);
  return stat?.isDirectory() ? join(path, basename(defaultReportPath(bookPath))) : path;
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
  const out = await reportTarget(opts.out, book.path);
  try {
    await fs.mkdir(dirname(out), { recursive: true });
    await writeFileAtomic(out, reportHtml(book, result));
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') throw e;
    throw new CliError(cliText('report_write', ctx.lang, { file: opts.out ?? out, code }));
  }
  ctx.out(cliText('report_done', result.locale, { file: out }));
  return 0;
}
