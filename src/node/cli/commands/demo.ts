import { promises as fs } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDay, type Day } from '../../../core/calendar/day';
import { formatCount } from '../../../core/i18n/messages';
import type { Locale } from '../../../core/i18n/locale';
import { remind } from '../../../core/jobs/remind';
import { generateDemo } from '../../demo/generate';
import { writeDemo } from '../../demo/write';
import { NodeClock } from '../../host/clock';
import { EmlMailer } from '../../mail/mailers';
import { excelBytes, writeBookAtomic } from '../../xlsx/file';
import { XlsxPackage } from '../../xlsx/package/package';
import { PackageWorkbookStore } from '../../xlsx/package/store';
import { machineLocale } from '../locale';
import { assertNotOpenElsewhere, withWorkbookLock } from '../../xlsx/lock';
import type { XlsxWorkbookStore } from '../../xlsx/store';
import type { Book } from '../book';
import { runCoreJob, type CommandContext } from '../context';
import { cliText } from '../messages';
import { TerminalNotifier } from '../terminal';
import { newKamWorkbook } from './init';
import { refreshBook } from './refresh';
import { reportHtml, writeFileAtomic } from './report';

export interface DemoOptions {
  readonly out: string;
  readonly locale: Locale;
  readonly accounts: number;
  readonly transactions?: number;
  readonly seed: number;
  readonly today: Day;
}

export const DEMO_BOOK = 'kam-demo.xlsx';

/** The demo workbook in memory: Set up workbook, then the generated rows and settings. */
export function buildDemoStore(
  path: string,
  opts: Omit<DemoOptions, 'out'>,
): { store: XlsxWorkbookStore; transactions: number } {
  const { store } = newKamWorkbook(path, opts.locale);
  const data = generateDemo(opts);
  writeDemo(store, data);
  return { store, transactions: data.rows.transactions?.length ?? 0 };
}

/**
 * The demo as `kam demo` makes it: Set up workbook on an empty ExcelJS model (a few kilobytes:
 * the layout), then the rows written through the package store, as refresh writes them, so a
 * demo of 50,000 accounts and a million transactions fits in memory.
 */
async function buildDemoPackage(
  path: string,
  opts: Omit<DemoOptions, 'out'>,
): Promise<{ store: PackageWorkbookStore; transactions: number }> {
  const { store: skeleton } = newKamWorkbook(path, opts.locale);
  const bytes = await excelBytes(skeleton.workbook, skeleton.styles);
  const store = new PackageWorkbookStore(new XlsxPackage(bytes), {
    path,
    fallbackLocale: machineLocale(),
  });
  const data = generateDemo(opts);
  writeDemo(store, data);
  return { store, transactions: data.rows.transactions?.length ?? 0 };
}

/** Old digests of an earlier demo would be mistaken for today's; only *.eml in the demo outbox go. */
async function emptyOutbox(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  for (const name of await fs.readdir(dir))
    if (name.endsWith('.eml')) await fs.rm(join(dir, name), { force: true });
}

/**
 * `kam demo`: a realistic sample workbook (see demo/generate.ts), refreshed, with this morning's
 * reminder digests as .eml files and the HTML report, all in one folder. Runs in a few seconds
 * at the default size. Each run starts the demo afresh, so its reminder_log is new too.
 */
export async function demoCommand(opts: DemoOptions, ctx: CommandContext): Promise<number> {
  const locale = opts.locale;
  const dir = resolve(opts.out);
  await fs.mkdir(dir, { recursive: true });
  const path = join(dir, DEMO_BOOK);
  const outbox = join(dir, 'outbox');
  const reportPath = join(dir, 'report.html');
  await assertNotOpenElsewhere(path, path, locale);
  return withWorkbookLock(path, path, locale, async () => {
    ctx.progress.start(cliText('step_generate', locale), 1);
    const { store, transactions } = await buildDemoPackage(path, opts);
    ctx.progress.stop();
    const book: Book = { shown: path, path, store, bytes: Buffer.alloc(0) };
    const { result: refreshed } = refreshBook(book, opts.today, ctx);

    await emptyOutbox(outbox);
    const settings = refreshed.read.parsed.model.settings;
    const mailer = new EmlMailer(
      outbox,
      formatDay(opts.today),
      `reminders@${settings.allowedRecipientDomains[0] ?? 'localhost'}`,
    );
    ctx.progress.start(cliText('step_send', locale), 1);
    try {
      runCoreJob(book, locale, () =>
        remind({
          store,
          clock: new NodeClock(opts.today),
          notifier: new TerminalNotifier(),
          mailer,
          mode: 'send',
          defaultAllowList: null,
          budgetMs: Infinity,
        }),
      );
    } finally {
      ctx.progress.stop();
      await mailer.close();
    }
    ctx.progress.start(cliText('step_write', locale), 1);
    await writeBookAtomic(store.serialize(), path, path, locale);
    await writeFileAtomic(reportPath, reportHtml(book, refreshed));
    ctx.progress.stop();

    ctx.out(
      cliText('demo_title', locale, {
        accounts: formatCount(refreshed.accounts),
        transactions: formatCount(transactions),
        today: formatDay(opts.today),
      }),
    );
    ctx.out(cliText('demo_workbook', locale, { path }));
    ctx.out(cliText('demo_emails', locale, { path: outbox, count: mailer.written.length }));
    ctx.out(cliText('demo_report', locale, { path: reportPath }));
    ctx.out(cliText('demo_next', locale));
    return 0;
  });
}
