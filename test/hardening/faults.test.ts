/**
 * Hardening, fault injection: every Apps Script service call that Refresh scores and
 * Send reminders make is made to throw in turn — a setValues, a MailApp.sendEmail with Google's
 * quota message, a lock timeout, a properties or session failure — through the real
 * dist/Code.js, from the menu and from the daily triggers. After each failed run the invariants
 * hold, and after a retry the workbook and the mailbox are exactly as after a clean run:
 * - no partial script columns: each block of adjacent script columns is all old or all new;
 * - no digest twice and none lost across the failed run and the retry; reminder_log says so;
 * - the user got a message (alert or toast) or, for a trigger, a log line or the exception.
 */
import { gasError, LOCK_TIMEOUT, type GasControl } from '../fakes';
import { SCRIPT_SHEETS, findSheet, plainGrid, values } from './book';
import { bundleRun, type BundleRun } from './harness';
import { instantOf } from './zones';

const ZONE = 'Asia/Shanghai';
/** Every Nth fault position: every 3rd in npm test (`npm run soak` runs all; jest.all.config.cjs a subset in each zone). */
const STRIDE = Math.max(1, Number(process.env.KAM_FAULT_STRIDE ?? 3));
const sampled = <T>(list: readonly T[]): T[] => list.filter((_, i) => i % STRIDE === 0);
const day = (offset: number): Date => new Date(instantOf(ZONE, 2026, 11, 23 + offset));
const NOON_TODAY = instantOf(ZONE, 2026, 11, 23, 12);
const NOON_YESTERDAY = instantOf(ZONE, 2026, 11, 22, 12);

/** Owners whose digest goes out today (see `book`), and one outside the allowed domains. */
const OWNERS = ['li@example.com', 'wang@example.com', 'zhao@sales.example.com', 'chen@example.com'];
const BLOCKED = 'mallory@evil.org';

const SCRIPT_HEADERS =
  /^(ABC Class|Stale|Revenue \(12m\)|Days Since Activity|Last Activity|RFM Score|RFM Segment|Churn Risk|Health Score|Credit Rating)$/;

/**
 * A small book typed before Set up: the user moved Notes between the script columns, so the
 * refresh writes Accounts in two blocks (ABC Class + Stale, then Revenue onwards).
 */
function book(): BundleRun {
  const run = bundleRun({
    nowMs: NOON_YESTERDAY,
    spreadsheetTimeZone: ZONE,
    scriptTimeZone: 'America/Los_Angeles',
    activeUser: 'owner@example.com',
    mailQuota: 100,
  });
  const c = run.control;
  c.setSheetValues('Settings', [
    ['setting', 'value'],
    ['allowed_recipient_domains', 'example.com'],
    ['escalation_cc', 'boss@example.com'],
  ]);
  c.setSheetValues('Accounts', [
    [
      'Account ID',
      'Account Name',
      'Owner Email',
      'Tier',
      'Status',
      'Next Action Date',
      'ABC Class',
      'Stale',
      'Notes',
      'Revenue (12m)',
      'Days Since Activity',
    ],
    [
      'L1',
      'Lotus <b>Trading</b>',
      'li@example.com',
      'Strategic',
      'Active',
      day(-2),
      '',
      '',
      'top',
      '',
      '',
    ],
    [
      'L2',
      '=HYPERLINK("http://evil")',
      'li@example.com',
      'Key',
      'Active',
      day(5),
      '',
      '',
      '',
      '',
      '',
    ],
    ['W1', 'West Lake', 'wang@example.com', 'Key', 'Active', day(-1), '', '', '', '', ''],
    ['Z1', 'Zenith', 'zhao@sales.example.com', 'Standard', 'Active', day(-3), '', '', '', '', ''],
    ['C1', 'Chen & Co', 'chen@example.com', 'Standard', 'Active', day(-9), '', '', '', '', ''],
    ['E1', 'Evil Corp', BLOCKED, 'Key', 'Active', day(-2), '', '', '', '', ''],
    ['N1', 'Nobody', '', 'Potential', 'Prospect', '', '', '', '', '', ''],
  ]);
  c.setSheetValues('Transactions', [
    ['Date', 'Account ID', 'Amount', 'Currency'],
    [day(-60), 'L1', 4000, ''],
    [day(-20), 'L2', '¥3,000', ''],
    [day(-40), 'W1', 2000, ''],
    [day(-10), 'Z1', 500, 'USD'],
    [day(-3), 'C1', 300, ''],
    ['not a date', 'C1', 300, ''],
  ]);
  c.setSheetValues('Action Plan', [
    ['Task', 'Account ID', 'Owner Email', 'Due Date', 'Status'],
    ['Call back', 'L2', '', day(2), 'In progress'],
    ['Send <script>quote</script>', 'W1', 'wang@example.com', day(-4), 'Not started'],
  ]);
  run.call('kamSetupWorkbook');
  run.call('kamRefreshScores');
  // Blank script columns (as before a first refresh), so every block today's refresh writes is
  // seen to change; History keeps yesterday's block.
  const grid = c.sheetValues('Accounts');
  c.setSheetValues(
    'Accounts',
    grid.map((row, r) =>
      r === 0 ? row : row.map((v, i) => (SCRIPT_HEADERS.test(String(grid[0][i])) ? '' : v)),
    ),
  );
  run.setNow(NOON_TODAY);
  c.alerts.length = 0;
  c.toasts.length = 0;
  c.logs.length = 0;
  c.resetCalls();
  return run;
}

/** What Google says when each kind of service fails. */
function faultFor(key: string): Error {
  const cls = key.slice(0, key.indexOf('.'));
  if (cls === 'MailApp') return gasError('Service invoked too many times for one day: email.');
  if (cls === 'Lock' || cls === 'LockService') return gasError(LOCK_TIMEOUT);
  if (
    [
      'SpreadsheetApp',
      'Spreadsheet',
      'Sheet',
      'Range',
      'Protection',
      'EmbeddedChart',
      'EmbeddedChartBuilder',
      'NamedRange',
    ].includes(cls)
  )
    return gasError(
      'Service Spreadsheets failed while accessing document with id 1FakeSpreadsheetId0123456789abcdefghijklmnop.',
    );
  return gasError("We're sorry, a server error occurred. Please wait a bit and try again.");
}

const SCRIPT_OUTPUTS = ['summary', 'history', 'monthly', 'data_issues'] as const;

/** Everything the refresh writes: Accounts (by column) and the script sheets. */
function outputs(c: GasControl): { accounts: unknown[][]; sheets: Record<string, string> } {
  const sheets: Record<string, string> = {};
  for (const k of SCRIPT_OUTPUTS)
    sheets[k] = JSON.stringify(plainGrid(values(c, SCRIPT_SHEETS[k])));
  return { accounts: plainGrid(c.sheetValues('Accounts')), sheets };
}

/** Runs of adjacent refreshed script columns of Accounts (0-based). */
function blocks(header: readonly unknown[]): number[][] {
  const out: number[][] = [];
  header.forEach((h, i) => {
    if (!SCRIPT_HEADERS.test(String(h))) return;
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else out.push([i]);
  });
  return out;
}

const column = (grid: unknown[][], cols: number[]): string =>
  JSON.stringify(grid.slice(1).map((r) => cols.map((c) => r[c] ?? '')));

interface Outcome {
  threw: Error | null;
  /** Alerts, toasts and log lines of the run. */
  said: string[];
  alerts: string[];
  logs: string[];
}

function attempt(run: BundleRun, entry: string): Outcome {
  const c = run.control;
  const marks = [c.alerts.length, c.toasts.length, c.logs.length];
  let threw: Error | null = null;
  try {
    run.call(entry);
  } catch (e) {
    threw = e as Error;
  }
  const said = [
    ...c.alerts.slice(marks[0]).map((a) => a.prompt),
    ...c.toasts.slice(marks[1]).map((t) => t.msg),
    ...c.logs.slice(marks[2]),
  ];
  return {
    threw,
    said,
    alerts: c.alerts.slice(marks[0]).map((a) => a.prompt),
    logs: c.logs.slice(marks[2]),
  };
}

/** The calls an entry point makes on a fresh book, in order, each with its occurrence number. */
function callsOf(entry: string, before?: (run: BundleRun) => void): { key: string; nth: number }[] {
  const run = book();
  before?.(run);
  run.control.resetCalls();
  run.call(entry);
  const seen = new Map<string, number>();
  return run.control.callLog.map((key) => {
    const nth = (seen.get(key) ?? 0) + 1;
    seen.set(key, nth);
    return { key, nth };
  });
}

/**
 * Injects `key`'s `nth` call as a fault; returns whether it fired. The fake's `failOn` throws;
 * `beforeCall` (which runs first) only records that the call was reached.
 */
function inject(c: GasControl, key: string, nth: number, error: Error): () => boolean {
  let count = 0;
  c.beforeCall = (k) => {
    if (k === key) count++;
  };
  c.failOn(key, nth, error);
  return () => count >= nth;
}

const report = {
  refreshFaults: 0,
  remindFaults: 0,
  lock: 0,
  quota: 0,
  escaped: 0,
  escapedMenu: 0,
  absorbed: 0,
  partialAcrossBlocks: 0,
};

afterAll(() => {
  console.log(
    `fault injection: ${report.refreshFaults} refresh faults, ${report.remindFaults} reminder faults, ` +
      `${report.lock} lock timeouts, ${report.quota} quota errors; ${report.escaped} surfaced as the entry point's exception (${report.escapedMenu} from the menu), ` +
      `${report.absorbed} absorbed by the run; ` +
      `${report.partialAcrossBlocks} runs stopped between two Accounts blocks, each block whole; every retry matched a clean run`,
  );
});

describe.each([
  ['menu', 'kamRefreshScores'],
  ['trigger', 'kamNightlyRefresh'],
])('refresh (%s): each service call fails in turn', (_mode, entry) => {
  const clean = book();
  const before = outputs(clean.control);
  clean.call(entry);
  const after = outputs(clean.control);
  const header = after.accounts[0];
  const scriptBlocks = blocks(header);
  const calls = callsOf(entry);

  it('the book has several blocks of script columns and the clean run changes each of them', () => {
    // ABC Class + Stale | Notes | Revenue, Days Since | user columns Set up added | Last Activity …
    expect(scriptBlocks.length).toBe(3);
    for (const b of scriptBlocks)
      expect(column(after.accounts, b)).not.toBe(column(before.accounts, b));
    expect(calls.length).toBeGreaterThan(20);
  });

  it.each(sampled(calls.map((c, i) => [i, c.key, c.nth] as const)))(
    'call %i (%s #%i)',
    (_i, key, nth) => {
      const run = book();
      const error = faultFor(key);
      const fired = inject(run.control, key, nth, error);
      const failed = attempt(run, entry);
      run.control.beforeCall = undefined;
      run.control.clearFaults();
      expect(fired()).toBe(true);
      report.refreshFaults++;

      // Each block of script columns is all from yesterday or all from today.
      const mid = outputs(run.control);
      let mixed = 0;
      for (const b of scriptBlocks) {
        const now = column(mid.accounts, b);
        expect([column(before.accounts, b), column(after.accounts, b)]).toContain(now);
        if (now === column(after.accounts, b)) mixed++;
      }
      if (mixed > 0 && mixed < scriptBlocks.length) report.partialAcrossBlocks++;
      // User columns are never touched, even half-way.
      header.forEach((h, i) => {
        if (!SCRIPT_HEADERS.test(String(h)) && !/^Updated/.test(String(h)))
          expect(column(mid.accounts, [i])).toBe(column(before.accounts, [i]));
      });
      // Each script sheet is wholly old or wholly new.
      for (const k of SCRIPT_OUTPUTS)
        expect([before.sheets[k], after.sheets[k]]).toContain(mid.sheets[k]);

      // Someone is told: an alert from the menu, a log line or the exception from a trigger —
      // unless the run absorbed the fault and finished anyway (the dashboard's chart record is a
      // cache: without it the script's charts are found by place and title).
      if (failed.threw) {
        report.escaped++;
        if (entry === 'kamRefreshScores' || entry === 'kamSendReminders') report.escapedMenu++;
        // From the menu, only the spreadsheet lookup before the job starts can fail that way
        // (Apps Script shows the exception); a trigger re-throws so Google's failure email goes out.
        if (entry === 'kamRefreshScores')
          expect(key).toMatch(
            /^(SpreadsheetApp\.getActiveSpreadsheet|Spreadsheet\.getSpreadsheetTimeZone)$/,
          );
      }
      const absorbed = JSON.stringify(mid) === JSON.stringify(after);
      if (absorbed) report.absorbed++;
      // A problem is always a log line (the Executions page) and, from the menu, an alert too.
      const about = (m: string): boolean =>
        m.includes(error.message) || /busy|another run/i.test(m);
      const told =
        failed.threw !== null ||
        (failed.logs.some(about) && (entry !== 'kamRefreshScores' || failed.alerts.some(about)));
      expect({ key, nth, told: told || absorbed, said: failed.said }).toEqual(
        expect.objectContaining({ told: true }),
      );

      // A retry leaves exactly what a clean run leaves.
      const retry = attempt(run, entry);
      expect(retry.threw).toBeNull();
      expect(outputs(run.control)).toEqual(after);
    },
  );

  it('a lock held by another run: a clear message, nothing written; the retry completes', () => {
    const run = book();
    run.control.holdDocumentLock();
    const failed = attempt(run, entry);
    report.lock++;
    expect(outputs(run.control)).toEqual(before);
    expect(failed.said.length).toBeGreaterThan(0);
    if (entry === 'kamRefreshScores')
      expect(run.control.alerts.at(-1)?.prompt).toMatch(/another|busy|正在/i);
    run.control.releaseDocumentLock();
    attempt(run, entry);
    expect(outputs(run.control)).toEqual(after);
  });
});

/** Mail per owner and the log's final rows per owner for today. */
function mailbox(c: GasControl): Record<string, number> {
  const n: Record<string, number> = {};
  for (const m of c.sentMails) n[m.to] = (n[m.to] ?? 0) + 1;
  return n;
}

function logStatuses(c: GasControl): Record<string, string[]> {
  const name = findSheet(c, SCRIPT_SHEETS.reminder_log);
  const out: Record<string, string[]> = {};
  if (name === null) return out;
  for (const r of c.sheetValues(name).slice(1)) (out[String(r[2])] ??= []).push(String(r[7]));
  return out;
}

/**
 * The log is write-ahead: `sent` goes in before the mail leaves, and a send that throws adds
 * `failed` after it. So per owner: every `failed` follows a `sent`, the last row is `sent`, and
 * one more `sent` than `failed` — one digest.
 */
function expectLogShowsOneSend(log: Record<string, string[]>): void {
  for (const o of OWNERS) {
    const rows = log[o];
    expect(rows.at(-1)).toBe('sent');
    rows.forEach((st, i) => {
      if (st === 'failed') expect(rows[i - 1]).toBe('sent');
    });
    expect(
      rows.filter((st) => st === 'sent').length - rows.filter((st) => st === 'failed').length,
    ).toBe(1);
  }
  expect(log[BLOCKED]).toEqual(['blocked']);
}

describe.each([
  ['menu', 'kamSendReminders'],
  ['trigger', 'kamDailyReminders'],
])('reminders (%s): each service call fails in turn', (_mode, entry) => {
  const clean = book();
  clean.call(entry);
  const expected = mailbox(clean.control);
  const calls = callsOf(entry);

  it('the clean run sends one digest to each owner and blocks the outside one', () => {
    expect(expected).toEqual(Object.fromEntries(OWNERS.map((o) => [o, 1])));
    expect(logStatuses(clean.control)[BLOCKED]).toEqual(['blocked']);
    expect(calls.filter((c) => c.key === 'MailApp.sendEmail').length).toBe(OWNERS.length);
  });

  it.each(sampled(calls.map((c, i) => [i, c.key, c.nth] as const)))(
    'call %i (%s #%i)',
    (_i, key, nth) => {
      const run = book();
      const error = faultFor(key);
      const fired = inject(run.control, key, nth, error);
      const failed = attempt(run, entry);
      run.control.beforeCall = undefined;
      run.control.clearFaults();
      expect(fired()).toBe(true);
      report.remindFaults++;
      if (key === 'MailApp.sendEmail') report.quota++;
      if (failed.threw) {
        report.escaped++;
        if (entry === 'kamRefreshScores' || entry === 'kamSendReminders') report.escapedMenu++;
        if (entry === 'kamSendReminders')
          expect(key).toMatch(
            /^(SpreadsheetApp\.getActiveSpreadsheet|Spreadsheet\.getSpreadsheetTimeZone)$/,
          );
      }

      // Nothing twice, nothing outside, even before the retry.
      for (const [to, n] of Object.entries(mailbox(run.control))) {
        expect(OWNERS).toContain(to);
        expect(n).toBe(1);
      }
      // Told: the end-of-run line (sent / failed / deferred counts) is logged, and shown from the
      // menu; a problem that stopped the run is an alert and a log line, or the exception.
      expect(failed.threw !== null || failed.logs.length > 0).toBe(true);
      if (entry === 'kamSendReminders' && failed.threw === null)
        expect(failed.said.length).toBeGreaterThan(failed.logs.length);

      // After the retry (and a second one, as a double click would), every owner has exactly one.
      expect(attempt(run, entry).threw).toBeNull();
      expect(attempt(run, entry).threw).toBeNull();
      expect(mailbox(run.control)).toEqual(expected);
      expectLogShowsOneSend(logStatuses(run.control));
    },
  );

  it('a lock held by another run: nothing sent, a clear message; the retry sends each digest once', () => {
    const run = book();
    run.control.holdDocumentLock();
    const failed = attempt(run, entry);
    report.lock++;
    expect(run.control.sentMails).toEqual([]);
    expect(failed.said.length).toBeGreaterThan(0);
    run.control.releaseDocumentLock();
    attempt(run, entry);
    expect(mailbox(run.control)).toEqual(expected);
    expectLogShowsOneSend(logStatuses(run.control));
  });

  it("the daily quota runs out (Google's message) after the first digest: the rest follow on the retry, none twice", () => {
    const run = book();
    run.control.setMailQuota(2); // the first digest has a cc: two recipients
    const failed = attempt(run, entry);
    report.quota++;
    expect(run.control.sentMails.length).toBe(1);
    expect(failed.said.join('\n')).toMatch(/deferred|已推迟|quota|配额/i);
    run.control.setMailQuota(100);
    attempt(run, entry);
    expect(mailbox(run.control)).toEqual(expected);
    expectLogShowsOneSend(logStatuses(run.control));
  });
});
