/**
 * The `kam` command line (docs/cli.md): the same engine as the Sheets add-on, on .xlsx files.
 * Exit codes: 0 done, 1 data errors (`check`) or digests that failed to send (`remind`),
 * 2 bad usage or a workbook that cannot be read or written (one line naming the file).
 */
import type { Locale } from '../../core/i18n/locale';
import { Command, CommanderError, Option } from 'commander';
import { localToday } from '../host/clock';
import { watchParent } from '../host/parent';
import { checkCommand } from './commands/check';
import { dashboardCommand } from './commands/dashboard';
import { demoCommand } from './commands/demo';
import { initCommand } from './commands/init';
import { mapCommand } from './commands/map';
import { refreshCommand } from './commands/refresh';
import { remindCommand } from './commands/remind';
import { reportCommand } from './commands/report';
import { settingsCommand } from './commands/settings';
import type { CommandContext } from './context';
import { machineLanguage } from './locale';
import { CliError, cliText } from './messages';
import { checkFrom, intParser, parseLocale, parseSmtpUrl, parseToday } from './options';
import { createProgress } from './terminal';

declare const KAM_VERSION: string | undefined;

function todayOption(): Option {
  return new Option(
    '--today <YYYY-MM-DD>',
    "the run's date (default: the local date of this machine)",
  ).argParser(parseToday);
}

/**
 * KAM_SMTP_URL keeps the password out of the command line (shell history, `ps`); an explicit
 * --outbox still writes files.
 */
function smtpFromEnv(outbox: string | undefined): string | undefined {
  const url = process.env.KAM_SMTP_URL;
  if (outbox !== undefined || !url) return undefined;
  try {
    return parseSmtpUrl(url);
  } catch (e) {
    throw new CliError(`KAM_SMTP_URL: ${(e as Error).message}`);
  }
}

function buildProgram(ctx: CommandContext, setCode: (code: number) => void): Command {
  const program = new Command('kam')
    .description('kam-sheets local runner: key-account management on .xlsx workbooks')
    .version(typeof KAM_VERSION === 'string' ? KAM_VERSION : 'dev')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.trimEnd().split('\n')[0] + '\n') });

  const run =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A): Promise<void> =>
      setCode(await fn(...args));

  program
    .command('demo')
    .description(
      'write a realistic sample workbook, refresh it, write reminder emails and a report',
    )
    .option('--out <DIR>', 'folder for the demo files', 'kam-demo')
    .addOption(
      new Option('--locale <L>', 'language of the sample: en or zh-CN').argParser(parseLocale),
    )
    .option('--accounts <N>', 'number of accounts', intParser('--accounts', 1, 100_000), 80)
    .option(
      '--transactions <N>',
      'number of transactions (default: 24 per account, two years of orders)',
      intParser('--transactions', 0, 1_000_000),
    )
    .option(
      '--seed <S>',
      'random seed (the same seed gives the same workbook)',
      intParser('--seed', 0, 2 ** 31 - 1),
      42,
    )
    .addOption(todayOption())
    .action(
      run(
        (opts: {
          out: string;
          locale?: Locale;
          accounts: number;
          transactions?: number;
          seed: number;
          today?: number;
        }) =>
          demoCommand(
            { ...opts, locale: opts.locale ?? ctx.lang, today: opts.today ?? localToday() },
            ctx,
          ),
      ),
    );

  program
    .command('init')
    .description('create a workbook with every sheet (or add what is missing to an existing one)')
    .argument('<BOOK.xlsx>')
    .addOption(
      new Option('--locale <L>', 'language of sheet names and headers: en or zh-CN').argParser(
        parseLocale,
      ),
    )
    .option(
      '--fill-ids',
      'add an account ID column if there is none and write KA-0001… into blank IDs (logged)',
    )
    .action(
      run((file: string, opts: { locale?: Locale; fillIds?: boolean }) =>
        initCommand(file, opts, ctx),
      ),
    );

  program
    .command('refresh')
    .description('recompute script columns, summary, history, monthly and data_issues')
    .argument('<BOOK.xlsx>')
    .addOption(todayOption())
    .option(
      '--transactions <FILE>',
      'read the transactions from a CSV or Parquet file (column keys as headers) through DuckDB instead of the Transactions sheet',
    )
    .action(
      run((file: string, opts: { today?: number; transactions?: string }) =>
        refreshCommand(
          file,
          { today: opts.today ?? localToday(), transactions: opts.transactions },
          ctx,
        ),
      ),
    );

  program
    .command('dashboard')
    .description('rebuild the dashboard sheet (its chart tables) without touching anything else')
    .argument('<BOOK.xlsx>')
    .addOption(todayOption())
    .action(
      run((file: string, opts: { today?: number }) =>
        dashboardCommand(file, { today: opts.today ?? localToday() }, ctx),
      ),
    );

  program
    .command('settings')
    .description(
      'list the settings and exchange rates; --set KEY=VALUE saves, checked as in Sheets',
    )
    .argument('<BOOK.xlsx>')
    .option(
      '--set <KEY=VALUE>',
      'change a setting (rate:USD=7.1 for an exchange rate); repeat for several',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .action(run((file: string, opts: { set: string[] }) => settingsCommand(file, opts, ctx)));

  program
    .command('remind')
    .description(
      "email each owner's digest, and managers' weekly digest on its day (.eml files or SMTP); log them in reminder_log",
    )
    .argument('<BOOK.xlsx>')
    .addOption(todayOption())
    .addOption(
      new Option(
        '--outbox <DIR>',
        'write one .eml file per digest into DIR (default: outbox/ beside the workbook)',
      ).conflicts('smtp'),
    )
    .addOption(
      new Option(
        '--smtp <URL>',
        'send through SMTP, e.g. smtp://user:pass@host:587 (default without --outbox: $KAM_SMTP_URL)',
      )
        .argParser(parseSmtpUrl)
        .conflicts('outbox'),
    )
    .option(
      '--from <ADDRESS>',
      'sender address (default: the SMTP user, else reminders@ the first allowed domain)',
    )
    .option(
      '--dry-run',
      'show what would be sent; send nothing and leave the workbook unchanged',
      false,
    )
    .option(
      '--manager',
      "only this week's manager digest (manager_emails), whatever the weekday; once per ISO week",
      false,
    )
    .action(
      run(
        (
          file: string,
          opts: {
            today?: number;
            outbox?: string;
            smtp?: string;
            from?: string;
            dryRun: boolean;
            manager: boolean;
          },
        ) =>
          remindCommand(
            file,
            {
              ...opts,
              from: opts.from === undefined ? undefined : checkFrom(opts.from),
              smtp: opts.smtp ?? smtpFromEnv(opts.outbox),
              today: opts.today ?? localToday(),
            },
            ctx,
          ),
      ),
    );

  program
    .command('report')
    .description('write a self-contained HTML dashboard (no network, prints well)')
    .argument('<BOOK.xlsx>')
    .option(
      '--out <FILE.html>',
      'where to write it (default: BOOK-report.html beside the workbook)',
    )
    .addOption(todayOption())
    .action(
      run((file: string, opts: { out?: string; today?: number }) =>
        reportCommand(file, { out: opts.out, today: opts.today ?? localToday() }, ctx),
      ),
    );

  program
    .command('map')
    .description(
      'list the sheets and columns not recognised, with suggestions; --apply writes the confident ones to Column Map',
    )
    .argument('<BOOK.xlsx>')
    .option('--apply', 'append every suggestion with a single confident candidate to Column Map')
    .action(
      run((file: string, opts: { apply?: boolean }) =>
        mapCommand(file, { apply: opts.apply === true }, ctx),
      ),
    );

  program
    .command('check')
    .description('list data issues; exit code 1 when there are errors')
    .argument('<BOOK.xlsx>')
    .addOption(todayOption())
    .action(
      run((file: string, opts: { today?: number }) =>
        checkCommand(file, { today: opts.today ?? localToday() }, ctx),
      ),
    );

  return program;
}

/** Runs the CLI and returns the exit code (bin/kam.js exits with it). */
export async function main(argv: readonly string[]): Promise<number> {
  watchParent();
  const ctx: CommandContext = {
    lang: machineLanguage(),
    progress: createProgress(),
    out: (line) => process.stdout.write(`${line}\n`),
  };
  let code = 0;
  const program = buildProgram(ctx, (c) => (code = c));
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    ctx.progress.stop();
    if (e instanceof CommanderError) {
      // Help and version are not errors; every other parse problem is bad usage (commander printed it).
      return e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        e.code === 'commander.help'
        ? 0
        : 2;
    }
    if (e instanceof CliError) {
      process.stderr.write(`kam: ${e.message}\n`);
      return e.exitCode;
    }
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    process.stderr.write(`kam: ${cliText('unexpected', ctx.lang, { detail })}\n`);
    if (process.env.KAM_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`);
    return 2;
  }
}
