import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { formatDay, type Day } from '../../../core/calendar/day';
import type { Locale } from '../../../core/i18n/locale';
import { IssueList } from '../../../core/issues/issue';
import { remind, type RemindResult } from '../../../core/jobs/remind';
import { statusWord } from '../../../core/jobs/remind-messages';
import type { Mailer, OutgoingMail } from '../../../core/ports/mailer';
import { parseSettings } from '../../../core/parse/settings-sheet';
import { resolveBook } from '../../../core/jobs/recognize';
import { matchHeaders } from '../../../core/schema/match';
import { sheetDef } from '../../../core/schema/sheets';
import type { Settings } from '../../../core/settings/model';
import { NodeClock } from '../../host/clock';
import { exitIfOrphaned } from '../../host/parent';
import { EmlMailer, SmtpMailer, smtpAcceptedLog } from '../../mail/mailers';
import { Journal, JournaledStore } from '../../xlsx/journal';
import { previewBook, updateBook, type Book } from '../book';
import { assertAccountsSheet, bookLocale, runCoreJob, type CommandContext } from '../context';
import { cliText } from '../messages';
import type { Progress } from '../terminal';
import { TerminalNotifier } from '../terminal';

export interface RemindOptions {
  readonly today: Day;
  readonly outbox?: string;
  readonly smtp?: string;
  readonly from?: string;
  readonly dryRun: boolean;
  /** Only the manager digests (`--manager`). */
  readonly manager?: boolean;
}

type ClosableMailer = Mailer & { close(): Promise<void> };

/** `--dry-run`: the job runs in preview mode and never calls `send`. */
const NO_MAIL: ClosableMailer = {
  remainingQuota: () => Infinity,
  send: () => {
    throw new Error('dry run: nothing is sent');
  },
  close: async () => undefined,
};

/** Ticks the progress bar once per digest handed to the real mailer. */
function ticking(mailer: ClosableMailer, progress: Progress): ClosableMailer {
  return {
    remainingQuota: () => mailer.remainingQuota(),
    deliveredBefore: mailer.deliveredBefore?.bind(mailer),
    send: (mail: OutgoingMail) => {
      exitIfOrphaned();
      try {
        mailer.send(mail);
      } finally {
        progress.tick();
      }
    },
    close: () => mailer.close(),
  };
}

function readSettings(book: Book): Settings {
  const name = resolveBook(book.store).sheets.get('settings');
  return parseSettings(name ? { name, values: book.store.readSheet(name) } : null, new IssueList());
}

/** The sender: `--from`, else the SMTP user when it is an address, else reminders@ the first allowed domain. */
export function senderAddress(opts: RemindOptions, settings: Settings): string {
  if (opts.from) return opts.from;
  if (opts.smtp) {
    const user = decodeURIComponent(new URL(opts.smtp).username);
    if (user.includes('@')) return user;
  }
  const first = settings.allowedRecipientDomains[0];
  return first
    ? `reminders@${first.includes('@') ? first.split('@')[1] : first}`
    : 'reminders@localhost';
}

/** Distinct owners in Accounts: the length of the progress bar (an upper bound of digests). */
function ownerCount(book: Book): number {
  const { sheets, map } = resolveBook(book.store);
  const name = sheets.get('accounts');
  if (!name) return 1;
  const grid = book.store.readSheet(name);
  const at = matchHeaders(name, sheetDef('accounts').columns, grid[0] ?? [], 1, map).index.get(
    'owner_email',
  );
  if (at === undefined) return 1;
  return new Set(grid.slice(1).map((r) => String(r[at] ?? '').toLowerCase())).size;
}

/** Pads to a column width counting a CJK character as two, as a terminal shows it. */
function padWord(text: string, width: number): string {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e7f ? 2 : 1;
  return text + ' '.repeat(Math.max(0, width - w));
}

function outcomeLines(result: RemindResult, locale: Locale, dryRun: boolean): string[] {
  const lines: string[] = [];
  const word = (status: string): string => padWord(statusWord(status, locale), 12);
  const all = [
    ...result.managerOutcomes.map((o) => ({ ...o, owner: o.manager })),
    ...result.outcomes,
  ];
  for (const o of all) {
    // The dry run gives the reason the real run gives; a digest that would go shows its subject.
    const said = o.status === 'preview' || !o.detail ? o.rendered.subject : o.detail;
    if (dryRun) lines.push(`  ${word(o.status)} ${o.owner}  ${said}`);
    else if (
      o.status === 'failed' ||
      o.status === 'blocked' ||
      o.status === 'skipped' ||
      o.status === 'deferred'
    )
      lines.push(`  ${word(o.status)} ${o.owner}  ${o.detail}`);
  }
  if (dryRun) lines.push(cliText('remind_dry_run', locale));
  return lines;
}

/**
 * `kam remind BOOK.xlsx`: the remind job with .eml files (default: outbox/ beside the workbook)
 * or SMTP. `reminder_log` in the workbook is the record, so a second run on the same date sends
 * nothing; a journal covers a crash between sending and saving. `--dry-run` previews: nothing is
 * sent and the file is not rewritten. Exit 1 when a digest failed to send (it is retried next run).
 */
export async function remindCommand(
  file: string,
  opts: RemindOptions,
  ctx: CommandContext,
): Promise<number> {
  const outboxDir = resolve(opts.outbox ?? join(dirname(resolve(file)), 'outbox'));
  // A dry run writes nothing: it reads the workbook without taking the lock.
  const open = opts.dryRun ? previewBook : updateBook;
  const run = await open(file, ctx.lang, ctx.progress, async (book) => {
    const locale = bookLocale(book);
    assertAccountsSheet(book, locale);
    const settings = readSettings(book);
    let mailer: ClosableMailer = NO_MAIL;
    let journal: Journal | null = null;
    if (!opts.dryRun) {
      // A missing allow-list is refused by the job before any mail; no worker needed for that.
      if (settings.allowedRecipientDomains.length > 0) {
        if (opts.smtp)
          mailer = new SmtpMailer(
            opts.smtp,
            senderAddress(opts, settings),
            smtpAcceptedLog(dirname(resolve(file)), basename(resolve(file))),
            formatDay(opts.today),
          );
        else {
          mkdirSync(outboxDir, { recursive: true });
          mailer = new EmlMailer(outboxDir, formatDay(opts.today), senderAddress(opts, settings));
        }
      }
      // Continues a replayed journal, so its rows survive should this run stop too.
      journal = new Journal(book.journal.path, book.journal.base, book.journal.recovered > 0);
      ctx.progress.start(
        cliText('step_send', locale),
        ownerCount(book) + settings.managerEmails.length,
      );
      mailer = ticking(mailer, ctx.progress);
    }
    const store = journal ? new JournaledStore(book.store, journal) : book.store;
    const notifier = new TerminalNotifier();
    try {
      const result = runCoreJob(book, locale, () =>
        remind({
          store,
          clock: new NodeClock(opts.today),
          notifier,
          mailer,
          mode: opts.dryRun ? 'preview' : 'send',
          defaultAllowList: null,
          budgetMs: Infinity,
          digests: opts.manager ? 'managers' : 'all',
        }),
      );
      return { save: !opts.dryRun, result: { result, locale, lines: notifier.lines } };
    } finally {
      ctx.progress.stop();
      await mailer.close();
      journal?.close();
    }
  });
  const { result, locale, lines } = run;
  lines.forEach(ctx.out);
  outcomeLines(result, locale, opts.dryRun).forEach(ctx.out);
  const sent = [...result.outcomes, ...result.managerOutcomes].filter(
    (o) => o.status === 'sent',
  ).length;
  if (!opts.dryRun && !opts.smtp && sent > 0)
    ctx.out(cliText('remind_outbox', locale, { dir: outboxDir }));
  const failed = [...result.outcomes, ...result.managerOutcomes].filter(
    (o) => o.status === 'failed',
  ).length;
  if (failed > 0) {
    process.stderr.write(`kam: ${cliText('remind_failed', locale, { count: failed })}\n`);
    return 1;
  }
  return 0;
}
