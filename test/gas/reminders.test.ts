/**
 * Stale-record reminders (docs/reminders.md) through the Apps Script adapters against the fake:
 * a workbook set up by `Set up workbook` and typed into, the menu actions and trigger handlers,
 * MailApp, the document lock, the time budget and `reminder_log` as the record.
 */
import { escapeHtml } from '../../src/core/text/escape';
import { handleAutomationOn, handleRefresh, handleSetup } from '../../src/gas/handlers';
import {
  MAX_REMINDER_RETRIES,
  handlePreview,
  handleSendReminders,
  handleTestDigest,
  handleTestManagerDigest,
} from '../../src/gas/reminders';
import { kamContinueReminders } from '../../src/index';
import { sidebarData } from '../../src/gas/sidebar';
import {
  createGas,
  installGlobals,
  type Gas,
  type GasOptions,
  type MailRecord,
} from '../fakes/index';
import {
  OWNERS_IN_ORDER,
  QUIET_OWNER,
  addDays,
  cellDate,
  fill,
  logRows,
  noonOf,
  seedReminderBook,
  setSettings,
  type BookOptions,
  type Ymd,
} from './reminder-book';
import { fixSystemTime } from '../support/clock';

const TODAY: Ymd = { y: 2026, m: 11, d: 23 };
const BUSY = 'Another run is updating this workbook. Try again in a minute.';

let restore: (() => void) | null = null;

fixSystemTime(() => noonOf(TODAY));
afterEach(() => {
  restore?.();
  restore = null;
});

/**
 * A fresh fake whose clock is the (jest-pinned) system clock: `GasClock` reads `Date` as Apps
 * Script code does, and the fake's services (lock waits, mail timestamps) follow the same time.
 */
function book(options: { gas?: GasOptions; book?: BookOptions } = {}): Gas {
  const gas = createGas({ now: () => new Date(), ...options.gas });
  restore?.();
  restore = installGlobals(gas.globals);
  handleSetup();
  seedReminderBook(gas.control, TODAY, options.book);
  return gas;
}

const to = (gas: Gas): string[] => gas.control.sentMails.map((m) => m.to);
const mailTo = (gas: Gas, owner: string): MailRecord => {
  const found = gas.control.sentMails.filter((m) => m.to === owner);
  expect(found).toHaveLength(1);
  return found[0];
};
const statuses = (gas: Gas): string[] => logRows(gas.control).map((r) => `${r.owner} ${r.status}`);
/** How many mails each owner got (only owners who got any). */
function perOwner(gas: Gas): Record<string, number> {
  const n: Record<string, number> = {};
  for (const m of gas.control.sentMails) n[m.to] = (n[m.to] ?? 0) + 1;
  return n;
}
const once = (owners: readonly string[]): Record<string, number> =>
  Object.fromEntries(owners.map((o) => [o, 1]));

/** `…/edit#gid=<sheet id>&range=A<row>` of a sheet of the fake spreadsheet. */
function rowLink(gas: Gas, sheet: string, row: number): string {
  return `${gas.control.spreadsheet.getUrl()}#gid=${gas.control.sheet(sheet).getSheetId()}&range=A${row}`;
}

describe('Send reminders now', () => {
  it('mails each owner with something to report exactly once, text and HTML, with sections and row links', () => {
    const gas = book();
    handleSendReminders(true);

    expect(to(gas)).toEqual(OWNERS_IN_ORDER);
    expect(to(gas)).not.toContain(QUIET_OWNER);
    for (const m of gas.control.sentMails) {
      expect(m.body.length).toBeGreaterThan(100);
      expect(m.htmlBody).toMatch(/^<!DOCTYPE html>/);
      expect(m.name).toBe('Key Account Reminders');
      expect(m.cc).toBe('');
      expect(m.subject).toContain('2026-11-23');
    }
    const li = mailTo(gas, 'li@example.com');
    expect(li.subject).toBe('Key accounts: 2 stale, 1 action due — 2026-11-23');
    expect(li.body).toContain('Accounts to follow up (2)');
    expect(li.body).toContain(
      `- L1 · Lotus Trading · class A · no activity for 53 days (limit 14); over twice the limit · ${rowLink(gas, 'Accounts', 2)}`,
    );
    expect(li.body).toContain(
      `- L2 · Longwei Logistics · class A · no activity for 22 days (limit 14) · ${rowLink(gas, 'Accounts', 3)}`,
    );
    expect(li.body).toContain(
      `- L1 · Lotus Trading · Send the renewal quote · due 2026-11-10, 13 days overdue · ${rowLink(gas, 'Action Plan', 2)}`,
    );
    expect(li.body).not.toContain('Contact birthdays');
    for (const row of [2, 3])
      expect(li.htmlBody).toContain(`href="${escapeHtml(rowLink(gas, 'Accounts', row))}"`);
    expect(li.htmlBody).toContain(`href="${escapeHtml(rowLink(gas, 'Action Plan', 2))}"`);
    expect(li.htmlBody).toContain('Lotus Trading');

    const wang = mailTo(gas, 'wang@example.com');
    expect(wang.body).toContain(
      `- W1 · West Lake Foods · class A · no activity for 18 days (limit 14) · ${rowLink(gas, 'Accounts', 4)}`,
    );
    expect(wang.body).toContain(
      `- W1 · West Lake Foods · Wei Zhang: birthday on 2026-11-25 (in 2 days) · ${rowLink(gas, 'Contacts', 2)}`,
    );
    expect(wang.htmlBody).toContain(`href="${escapeHtml(rowLink(gas, 'Contacts', 2))}"`);

    // chen owns no listed account: only the action that names them, on sun's account.
    const chen = mailTo(gas, 'chen@example.com');
    expect(chen.body).not.toContain('Accounts to follow up');
    expect(chen.body).toContain(
      `- S1 · Sunrise Tools · Demo the new line · due 2026-11-26, in 3 days · ${rowLink(gas, 'Action Plan', 3)}`,
    );

    const zhao = mailTo(gas, 'zhao@example.com');
    expect(zhao.body).toContain(
      `- Z1 · Zenith Parts · class B · due soon: 28 days without activity (limit 30) · ${rowLink(gas, 'Accounts', 5)}`,
    );
    expect(zhao.body).toContain(
      `- Z2 · Zhong Hua Retail · Plan 2026 review was due 2026-11-20 (3 days ago) · ${rowLink(gas, 'Account Plans', 2)}`,
    );
    expect(zhao.htmlBody).toContain(`href="${escapeHtml(rowLink(gas, 'Account Plans', 2))}"`);

    const log = logRows(gas.control);
    expect(log.map((r) => [r.owner, r.status, r.stale, r.overdue, r.dueSoon, r.care])).toEqual([
      ['li@example.com', 'sent', 2, 1, 0, 0],
      ['wang@example.com', 'sent', 1, 0, 0, 1],
      ['chen@example.com', 'sent', 0, 0, 1, 0],
      ['zhao@example.com', 'sent', 1, 0, 0, 1],
    ]);
    for (const r of log) {
      expect(r.runDate).toEqual(cellDate(TODAY));
      expect(r.sentAt).toEqual(noonOf(TODAY));
    }
    expect(gas.control.toasts.at(-1)!.msg).toBe('Reminders: sent 4');
  });

  it('is exactly once per owner and run date: a second run (or a double click) sends nothing; the next day sends again', () => {
    const gas = book();
    handleSendReminders(true);
    handleSendReminders(true);
    handleSendReminders(false);
    expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER));
    expect(logRows(gas.control)).toHaveLength(4);
    expect(gas.control.toasts.at(-1)!.msg).toBe('Reminders: already_sent 4');

    jest.setSystemTime(noonOf(addDays(TODAY, 1)));
    handleSendReminders(false);
    expect(to(gas)).toEqual([...OWNERS_IN_ORDER, ...OWNERS_IN_ORDER]);
    const log = logRows(gas.control);
    expect(log.slice(4).map((r) => [r.owner, r.status, r.runDate])).toEqual(
      OWNERS_IN_ORDER.map((o) => [o, 'sent', cellDate(addDays(TODAY, 1))]),
    );
    expect(gas.control.sentMails.slice(4).every((m) => m.subject.endsWith('2026-11-24'))).toBe(
      true,
    );
  });
});

describe('in the workbook language', () => {
  it('a Chinese workbook gets Chinese digests, and its log still makes the run exactly once', () => {
    const gas = book({ book: { settings: { language: 'zh-CN' } } });
    handleSendReminders(false);
    handleSendReminders(false);
    expect(to(gas)).toEqual(OWNERS_IN_ORDER);
    expect(mailTo(gas, 'li@example.com').body).toContain('Lotus Trading');
    expect(mailTo(gas, 'li@example.com').subject).toMatch(/[\u4e00-\u9fff]/);
    expect(logRows(gas.control).map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
  });
});

describe('faults: reminder_log is the record (exactly once, nothing lost)', () => {
  it.each([1, 2, 3, 4])(
    'MailApp fails on digest %i: that owner is logged failed, the others sent; a retry mails only them',
    (k) => {
      const gas = book();
      gas.control.failOn('MailApp.sendEmail', k, new Error('Mail service unavailable (test)'));
      handleSendReminders(false);
      const failed = OWNERS_IN_ORDER[k - 1];
      expect(to(gas)).toEqual(OWNERS_IN_ORDER.filter((o) => o !== failed));
      const log = logRows(gas.control);
      const last = new Map(log.map((r) => [r.owner, r]));
      expect([...last.values()].map((r) => `${r.owner} ${r.status}`)).toEqual(
        OWNERS_IN_ORDER.map((o) => `${o} ${o === failed ? 'failed' : 'sent'}`),
      );
      expect(last.get(failed)!.detail).toBe('Mail service unavailable (test)');

      gas.control.clearFaults();
      handleSendReminders(false);
      expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER));
      expect(to(gas).at(-1)).toBe(failed);
      expect(logRows(gas.control).at(-1)).toMatchObject({ owner: failed, status: 'sent' });
      // And nothing more, however often it runs again that day.
      handleSendReminders(true);
      expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER));
    },
  );

  it('a failed send schedules one retry a minute later, which mails that owner and removes itself', () => {
    const gas = book();
    gas.control.failOn('MailApp.sendEmail', 2, new Error('Temporary failure'));
    handleSendReminders(false);
    expect(gas.control.triggers.map((t) => t.handler)).toEqual(['kamContinueReminders']);
    expect(gas.control.triggers[0].after).toBe(60_000);
    jest.setSystemTime(Date.now() + 60_000);
    kamContinueReminders();
    expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER));
    expect(gas.control.triggers).toEqual([]);
  });

  it('a send that keeps failing is retried a bounded number of times, not every minute forever', () => {
    const gas = book();
    gas.control.beforeCall = (key, args) => {
      if (key === 'MailApp.sendEmail' && (args[0] as { to: string }).to === 'wang@example.com')
        throw new Error('Invalid email: wang@example.com');
    };
    handleSendReminders(false);
    let runs = 0;
    while (gas.control.triggers.some((t) => t.handler === 'kamContinueReminders') && runs < 10) {
      jest.setSystemTime(Date.now() + 60_000);
      kamContinueReminders();
      runs++;
    }
    expect(runs).toBe(MAX_REMINDER_RETRIES);
    expect(gas.control.triggers).toEqual([]);
    expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER.filter((o) => o !== 'wang@example.com')));
  });

  it('when the log write after a successful send fails, a retry never mails anyone twice', () => {
    // Before the fix the digest was logged only after MailApp.sendEmail returned: failing that
    // write left li emailed but unlogged, and the retry emailed li a second time.
    const gas = book();
    let sent = 0;
    gas.control.beforeCall = (key) => {
      if (key === 'MailApp.sendEmail') sent++;
    };
    // The first sheet write once the first digest is out: the next reminder_log append.
    gas.control.failOn(
      'Range.setValues',
      () => sent === 1,
      new Error('Service Spreadsheets timed out while accessing document'),
    );
    expect(() => handleSendReminders(false)).toThrow('Service Spreadsheets timed out');
    expect(to(gas)).toEqual(['li@example.com']);
    // li's row was written before the mail left, so the record holds whatever the failure.
    expect(statuses(gas)).toEqual(['li@example.com sent']);

    gas.control.clearFaults();
    handleSendReminders(false);
    expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER));
    expect(statuses(gas)).toEqual(OWNERS_IN_ORDER.map((o) => `${o} sent`));
  });

  it('when the log cannot be written before a send, nothing is sent for that owner and the retry sends it once', () => {
    const gas = book();
    let appends = 0;
    gas.control.failOn(
      'Range.setValues',
      () => ++appends === 3,
      new Error('Service Spreadsheets failed while accessing document'),
    );
    expect(() => handleSendReminders(false)).toThrow('Service Spreadsheets failed');
    expect(to(gas)).toEqual(['li@example.com', 'wang@example.com']);
    gas.control.clearFaults();
    handleSendReminders(false);
    expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER));
  });

  it('if even the "failed" row cannot be written after a failed send, the owner may miss a digest but is never mailed twice', () => {
    const gas = book();
    gas.control.failOn('MailApp.sendEmail', 1, new Error('Mail down'));
    let failedSend = false;
    gas.control.beforeCall = (key) => {
      if (key === 'MailApp.sendEmail' && !failedSend) failedSend = true;
    };
    gas.control.failOn('Range.setValues', () => failedSend, new Error('Sheets down'));
    expect(() => handleSendReminders(false)).toThrow('Sheets down');
    gas.control.clearFaults();
    handleSendReminders(false);
    // At most once (docs/reminders.md): li's row says sent, so li is not retried today.
    expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER.filter((o) => o !== 'li@example.com')));
  });
});

describe('mail quota (most stale A accounts first)', () => {
  it.each([
    [0, []],
    [1, ['li@example.com']],
    [4, OWNERS_IN_ORDER],
    [100, OWNERS_IN_ORDER],
  ])('quota %i: sends in priority order, the rest deferred', (quota, sent) => {
    const gas = book({ gas: { mailQuota: quota as number } });
    handleSendReminders(false);
    expect(to(gas)).toEqual(sent);
    expect(logRows(gas.control).map((r) => [r.owner, r.status])).toEqual(
      OWNERS_IN_ORDER.map((o) => [o, (sent as string[]).includes(o) ? 'sent' : 'deferred']),
    );
    for (const r of logRows(gas.control).filter((x) => x.status === 'deferred'))
      expect(r.detail).toBe('Daily email quota used up; will be sent in the next run');
  });

  it('deferred owners are sent on the next run once the quota is back, and nobody twice', () => {
    const gas = book({ gas: { mailQuota: 1 } });
    handleSendReminders(false);
    expect(to(gas)).toEqual(['li@example.com']);
    gas.control.setMailQuota(100);
    handleSendReminders(true);
    expect(to(gas)).toEqual(OWNERS_IN_ORDER);
    expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER));
  });

  it('the escalation cc counts against the quota; a digest that does not fit defers everything after it', () => {
    const gas = book({
      gas: { mailQuota: 2 },
      book: { settings: { escalation_cc: 'boss@example.com' } },
    });
    handleSendReminders(false);
    expect(gas.control.sentMails.map((m) => [m.to, m.cc])).toEqual([
      ['li@example.com', 'boss@example.com'],
    ]);
    const gas1 = book({
      gas: { mailQuota: 1 },
      book: { settings: { escalation_cc: 'boss@example.com' } },
    });
    handleSendReminders(false);
    expect(gas1.control.sentMails).toEqual([]);
    expect(logRows(gas1.control).map((r) => r.status)).toEqual([
      'deferred',
      'deferred',
      'deferred',
      'deferred',
    ]);
  });
});

describe('lock contention', () => {
  it('the daily trigger waits briefly for another run, then logs and exits without sending', () => {
    const gas = book();
    gas.control.holdDocumentLock();
    const before = gas.control.now().getTime();
    handleSendReminders(false);
    expect(gas.control.sentMails).toEqual([]);
    expect(logRows(gas.control)).toEqual([]);
    expect(gas.control.logs).toContain(BUSY);
    expect(gas.control.alerts).toEqual([]);
    const waited = gas.control.now().getTime() - before;
    expect(waited).toBeGreaterThan(0);
    expect(waited).toBeLessThanOrEqual(30_000);
    // It tries again in a minute (a busy continuation has already deleted itself).
    expect(gas.control.triggers.map((t) => [t.handler, t.after])).toEqual([
      ['kamContinueReminders', 60_000],
    ]);
    gas.control.releaseDocumentLock();
    jest.setSystemTime(Date.now() + 60_000);
    kamContinueReminders();
    expect(to(gas)).toEqual(OWNERS_IN_ORDER);
    expect(gas.control.triggers).toEqual([]);
  });

  it('a trigger that keeps finding the workbook busy retries a bounded number of times', () => {
    const gas = book();
    gas.control.holdDocumentLock();
    handleSendReminders(false);
    let runs = 0;
    while (gas.control.triggers.length > 0 && runs < 10) {
      jest.setSystemTime(Date.now() + 60_000);
      kamContinueReminders();
      runs++;
    }
    expect(runs).toBe(MAX_REMINDER_RETRIES);
    expect(gas.control.sentMails).toEqual([]);
  });

  it('the menu action tells the person the workbook is busy', () => {
    const gas = book();
    gas.control.holdDocumentLock();
    handleSendReminders(true);
    expect(gas.control.sentMails).toEqual([]);
    expect(gas.control.alerts.map((a) => a.prompt)).toEqual([BUSY]);
  });
});

describe('time budget', () => {
  it('stops cleanly after 5 minutes, and the one-off continuation finishes the run and deletes itself', () => {
    const gas = book();
    let sends = 0;
    gas.control.beforeCall = (key) => {
      // The second digest takes the run past its 5-minute budget.
      if (key === 'MailApp.sendEmail' && ++sends === 2)
        jest.setSystemTime(Date.now() + 5 * 60_000 + 1_000);
    };
    handleSendReminders(false);
    expect(to(gas)).toEqual(OWNERS_IN_ORDER.slice(0, 2));
    expect(statuses(gas)).toEqual(OWNERS_IN_ORDER.slice(0, 2).map((o) => `${o} sent`));
    expect(gas.control.logs.at(-1)).toMatch(
      /^Reminders paused at the time limit \(sent 2 · not_reached 2\)/,
    );
    const pending = gas.control.triggers;
    expect(pending.map((t) => [t.handler, t.after])).toEqual([['kamContinueReminders', 60_000]]);

    gas.control.beforeCall = undefined;
    jest.setSystemTime(Date.now() + 60_000);
    kamContinueReminders();
    expect(to(gas)).toEqual(OWNERS_IN_ORDER);
    expect(perOwner(gas)).toEqual(once(OWNERS_IN_ORDER));
    expect(statuses(gas)).toEqual(OWNERS_IN_ORDER.map((o) => `${o} sent`));
    expect(gas.control.triggers).toEqual([]);
  });
});

describe('recipient safety', () => {
  const outsider = {
    'Account ID': 'X1',
    'Account Name': 'Partner Co',
    'Owner Email': 'ext@partner.org',
    Tier: 'Key',
    Status: 'Active',
  };

  it('an owner outside allowed_recipient_domains is blocked, never emailed, and listed in data_issues', () => {
    const gas = book({ book: { extraAccounts: [outsider] } });
    handleSendReminders(false);
    handleSendReminders(false);
    expect(to(gas)).toEqual(OWNERS_IN_ORDER);
    const blocked = logRows(gas.control).filter((r) => r.owner === 'ext@partner.org');
    expect(blocked.map((r) => [r.status, r.detail])).toEqual([
      ['blocked', 'ext@partner.org is outside allowed_recipient_domains'],
    ]);
    handleRefresh(false);
    const issues = gas.control.sheetValues('Data Issues').slice(1);
    const row = issues.find((r) => r[3] === 'ext@partner.org');
    expect(row).toBeDefined();
    expect(row!.slice(0, 4)).toEqual(['Accounts', 8, 'Owner Email', 'ext@partner.org']);
    expect(String(row![4])).toMatch(/allowed_recipient_domains/);
  });

  it('blank allowed_recipient_domains: the domain of the user who turned automation on', () => {
    const gas = book({
      gas: { activeUser: 'boss@example.com' },
      book: { extraAccounts: [outsider] },
    });
    setSettings(gas.control, { allowed_recipient_domains: '' });
    handleAutomationOn();
    // Later someone from another domain clicks Send reminders now.
    gas.control.setActiveUser('someone@partner.org');
    gas.control.setEffectiveUser('someone@partner.org');
    handleSendReminders(true);
    expect(to(gas)).toEqual(OWNERS_IN_ORDER);
    expect(logRows(gas.control).find((r) => r.owner === 'ext@partner.org')!.status).toBe('blocked');
  });

  it('blank allowed_recipient_domains and a gmail.com user: only that one address', () => {
    const mine = {
      'Account ID': 'G1',
      'Account Name': 'My Own',
      'Owner Email': 'me@gmail.com',
      Tier: 'Key',
      Status: 'Active',
    };
    const theirs = {
      'Account ID': 'G2',
      'Account Name': 'Theirs',
      'Owner Email': 'other@gmail.com',
      Tier: 'Key',
      Status: 'Active',
    };
    const gas = book({
      gas: { activeUser: 'me@gmail.com' },
      book: { extraAccounts: [mine, theirs] },
    });
    setSettings(gas.control, { allowed_recipient_domains: '' });
    handleSendReminders(false);
    expect(to(gas)).toEqual(['me@gmail.com']);
    const log = new Map(logRows(gas.control).map((r) => [r.owner, r.status]));
    expect(log.get('other@gmail.com')).toBe('blocked');
    for (const o of OWNERS_IN_ORDER) expect(log.get(o)).toBe('blocked');
  });

  it('escalation_cc is copied only on digests with an account stale for 2× its threshold', () => {
    const gas = book({ book: { settings: { escalation_cc: 'boss@example.com' } } });
    handleSendReminders(false);
    expect(gas.control.sentMails.map((m) => [m.to, m.cc])).toEqual([
      ['li@example.com', 'boss@example.com'],
      ['wang@example.com', ''],
      ['chen@example.com', ''],
      ['zhao@example.com', ''],
    ]);
    expect(mailTo(gas, 'li@example.com').body).toContain('A copy goes to boss@example.com');
    expect(mailTo(gas, 'wang@example.com').body).not.toContain('A copy goes to');
    expect(logRows(gas.control)[0].detail).toBe(
      'cc boss@example.com (stale for twice the threshold)',
    );
  });

  it('an escalation_cc outside the allow-list is never copied, and the digest does not claim it is', () => {
    const gas = book({ book: { settings: { escalation_cc: 'boss@partner.org' } } });
    handleSendReminders(false);
    const li = mailTo(gas, 'li@example.com');
    expect(li.cc).toBe('');
    expect(li.recipients).toEqual(['li@example.com']);
    expect(li.body).not.toContain('boss@partner.org');
    expect(li.htmlBody).not.toContain('boss@partner.org');
    expect(logRows(gas.control)[0].detail).toBe('');
  });
});

describe('user text in digests', () => {
  const evil = '<script>alert("x")</script> & <b>Bold</b>';
  const formula = '=HYPERLINK("http://evil.example/","click me")';

  it('names, tasks and notes full of HTML or formula text are shown literally, never as markup', () => {
    const gas = book({
      gas: { spreadsheetName: 'Book <i>2026</i>' },
      book: {
        accounts: {
          L1: { 'Account Name': evil, Notes: '<iframe src="http://evil.example/">' },
          L2: { 'Account Name': formula },
          W1: { 'Account Name': 'O\'Brien "Foods"\u202e' },
        },
      },
    });
    const tasks = gas.control.sheetValues('Action Plan');
    tasks[1][0] = '<img src=x onerror=alert(1)>';
    gas.control.setSheetValues('Action Plan', tasks);
    handleSendReminders(false);

    const li = mailTo(gas, 'li@example.com');
    for (const raw of [evil, formula, '<img src=x onerror=alert(1)>'])
      expect(li.body).toContain(raw);
    expect(li.body).toContain('"Book <i>2026</i>"');
    const html = li.htmlBody!;
    expect(html).toContain(escapeHtml(evil));
    expect(html).toContain(escapeHtml(formula));
    expect(html).toContain(escapeHtml('<img src=x onerror=alert(1)>'));
    expect(html).toContain(escapeHtml('Book <i>2026</i>'));
    for (const tag of ['<script', '<b>Bold', '<img', '<i>', '<iframe', 'href="http://evil'])
      expect(html).not.toContain(tag);
    const wang = mailTo(gas, 'wang@example.com');
    expect(wang.htmlBody).toContain('O&#39;Brien &quot;Foods&quot;');
    expect(wang.body).not.toContain('\u202e');
    expect(wang.htmlBody).not.toContain('\u202e');
  });
});

describe('Preview reminders and Send me a test digest', () => {
  it('preview shows every digest in a dialog and sends and logs nothing', () => {
    const gas = book({ book: { accounts: { L1: { 'Account Name': '<script>x</script>' } } } });
    handlePreview();
    expect(gas.control.sentMails).toEqual([]);
    expect(logRows(gas.control)).toEqual([]);
    expect(gas.control.dialogs).toHaveLength(1);
    const dialog = gas.control.dialogs[0];
    expect(dialog.title).toBe('Reminder preview');
    expect(dialog.modal).toBe(true);
    for (const o of OWNERS_IN_ORDER) expect(dialog.content).toContain(`>${o}</h3>`);
    expect(dialog.content).not.toContain(QUIET_OWNER);
    expect(dialog.content).toContain('Key accounts: 2 stale, 1 action due — 2026-11-23');
    expect(dialog.content).not.toContain('<script');
    expect((dialog.content.match(/<iframe sandbox=""/g) ?? []).length).toBe(4);
  });

  it('the test digest goes to the current user only, with a [Test] subject, and is not logged', () => {
    const gas = book({ gas: { activeUser: 'wang@example.com' } });
    handleTestDigest();
    expect(gas.control.sentMails.map((m) => [m.to, m.cc, m.subject])).toEqual([
      ['wang@example.com', '', '[Test] Key accounts: 1 stale, 1 birthday — 2026-11-23'],
    ]);
    expect(gas.control.sentMails[0].htmlBody).toContain('West Lake Foods');
    expect(logRows(gas.control)).toEqual([]);
    expect(gas.control.toasts.at(-1)!.msg).toBe('Test digest sent to wang@example.com.');
    // The real digest of the day still goes out.
    handleSendReminders(false);
    expect(perOwner(gas)).toEqual({ ...once(OWNERS_IN_ORDER), 'wang@example.com': 2 });
  });

  it('a user who owns nothing gets the first digest as a sample, still only to themselves', () => {
    const gas = book({ gas: { activeUser: 'newbie@example.com' } });
    handleTestDigest();
    expect(gas.control.sentMails.map((m) => [m.to, m.subject])).toEqual([
      ['newbie@example.com', '[Test] Key accounts: 2 stale, 1 action due — 2026-11-23'],
    ]);
  });
});

describe('accounts at risk and the weekly manager digest', () => {
  const WEEKLY = /^Key accounts weekly 2026-W(\d\d): /;
  /** The reminder book with managers, and an open complaint on L2 from 10 days ago. */
  function riskyBook(settings: Record<string, unknown> = {}, gasOptions: GasOptions = {}): Gas {
    const gas = book({
      gas: gasOptions,
      book: { settings: { manager_emails: 'Boss@example.com, zhao@example.com', ...settings } },
    });
    fill(gas.control, 'Interactions', [
      {
        Date: cellDate(addDays(TODAY, -3)),
        'Account ID': 'S1',
        Type: 'Call',
        'Recorded By': 'sun@example.com',
        Summary: 'All good',
      },
      {
        Date: cellDate(addDays(TODAY, -10)),
        'Account ID': 'L2',
        Type: 'Call',
        Summary: 'Late delivery',
        Complaint: 'Yes',
        'Complaint Status': 'Open',
      },
    ]);
    return gas;
  }
  const weekly = (gas: Gas) => gas.control.sentMails.filter((m) => WEEKLY.test(m.subject));
  const daily = (gas: Gas, owner: string) =>
    gas.control.sentMails.filter((m) => m.to === owner && !WEEKLY.test(m.subject));

  it('Account 360 shows the flag as a badge with its reason in words', () => {
    riskyBook();
    const view = sidebarData('L2').view!;
    expect(view.account!.risks).toEqual([
      {
        code: 'complaint',
        label: 'Complaint overdue',
        reason: 'Complaint overdue: complaint open since 2026-11-13 (10 days; limit 7 days)',
      },
    ]);
    expect(view.labels.risks).toBe('Risk flags');
    expect(sidebarData('W1').view!.account!.risks).toEqual([]);
  });

  it('lists a flag the day it is raised, with its reason, then not again for 7 days', () => {
    const gas = riskyBook();
    handleSendReminders(false);
    const li = daily(gas, 'li@example.com')[0];
    expect(li.subject).toBe('Key accounts: 1 stale, 1 action due, 1 at risk — 2026-11-23');
    expect(li.body).toContain(
      `Accounts at risk (1)\n- L2 · Longwei Logistics · class A · Complaint overdue: complaint open since 2026-11-13 (10 days; limit 7 days) · ${rowLink(gas, 'Accounts', 3)}`,
    );
    const row = logRows(gas.control).find((r) => r.owner === 'li@example.com')!;
    expect([row.digest, row.riskItems]).toEqual(['owner', '{"L2":["complaint"]}']);
    for (let n = 1; n <= 7; n++) {
      jest.setSystemTime(noonOf(addDays(TODAY, n)));
      handleSendReminders(false);
      const mails = daily(gas, 'li@example.com');
      expect(mails).toHaveLength(n + 1);
      // L1 stays stale, so Li hears every day; the complaint only again on day 7.
      expect(mails[n].body.includes('Accounts at risk')).toBe(n === 7);
    }
  });

  it('managers get one weekly digest per ISO week, before the owners; a manager who owns accounts gets both', () => {
    const gas = riskyBook();
    handleSendReminders(false);
    expect(to(gas).slice(0, 2)).toEqual(['boss@example.com', 'zhao@example.com']);
    const [boss] = weekly(gas);
    expect(boss.subject).toBe(
      'Key accounts weekly 2026-W48: 1 at risk, 2 stale, 1 overdue action — 2026-11-23',
    );
    expect(boss.body).toContain('By owner (2)');
    expect(boss.body).toContain('- wang@example.com · 0 at risk · 1 stale · 0 overdue actions');
    expect(boss.body).toContain('- li@example.com · 1 at risk · 1 stale · 1 overdue action');
    expect(boss.body).toContain('Largest accounts at risk (1)');
    expect(boss.body).toContain(
      '- L2 · Longwei Logistics · revenue 12m ¥3,000 · owner li@example.com · Complaint overdue:',
    );
    // No history yet: the digest says so rather than guessing which flags are new.
    expect(boss.body).toContain('the History sheet has no snapshot from the last 7 days');
    expect(boss.body).toContain('manager_emails setting');
    expect(daily(gas, 'zhao@example.com')).toHaveLength(1);
    expect(
      logRows(gas.control)
        .filter((r) => r.digest === 'manager')
        .map((r) => [r.owner, r.status]),
    ).toEqual([
      ['boss@example.com', 'sent'],
      ['zhao@example.com', 'sent'],
    ]);
    // Again today, and every other day of the week: nothing more for the managers.
    handleSendReminders(true);
    for (let n = 1; n <= 6; n++) {
      jest.setSystemTime(noonOf(addDays(TODAY, n)));
      handleSendReminders(false);
    }
    expect(weekly(gas)).toHaveLength(2);
    // The next ISO week: once more each.
    jest.setSystemTime(noonOf(addDays(TODAY, 7)));
    handleSendReminders(false);
    expect(weekly(gas).map((m) => [m.to, WEEKLY.exec(m.subject)![1]])).toEqual([
      ['boss@example.com', '48'],
      ['zhao@example.com', '48'],
      ['boss@example.com', '49'],
      ['zhao@example.com', '49'],
    ]);
  });

  it('lists the flags raised in the last 7 days, from the daily history snapshots', () => {
    const gas = riskyBook();
    // The complaint (10 days old today) passes its 7-day limit on day −2.
    for (const n of [-4, -2, 0]) {
      jest.setSystemTime(noonOf(addDays(TODAY, n)));
      handleRefresh(false);
    }
    // The refresh writes the flag's label on the account's row (the row the shading picks up).
    const accounts = gas.control.sheetValues('Accounts');
    const riskCol = accounts[0].indexOf('Risk Flags');
    expect(accounts.find((r) => r[0] === 'L2')?.[riskCol]).toBe('Complaint overdue');
    expect(accounts.find((r) => r[0] === 'L1')?.[riskCol]).toBe('');
    handleSendReminders(false);
    const [boss] = weekly(gas);
    expect(boss.body).toContain(
      'Flags raised in the last 7 days (1)\n- L2 · Longwei Logistics · Complaint overdue: complaint open since 2026-11-13 (10 days; limit 7 days) · raised 2026-11-21 · owner li@example.com',
    );
    expect(boss.body).not.toContain('has no snapshot');
  });

  it('waits for manager_digest_weekday; a digest deferred by the quota goes out the next day, once', () => {
    const gas = riskyBook({ manager_digest_weekday: 3 }, { mailQuota: 0 });
    handleSendReminders(false); // Monday: not yet
    jest.setSystemTime(noonOf(addDays(TODAY, 2))); // Wednesday, quota used up
    handleSendReminders(false);
    expect(weekly(gas)).toHaveLength(0);
    expect(
      logRows(gas.control)
        .filter((r) => r.digest === 'manager')
        .map((r) => r.status),
    ).toEqual(['deferred', 'deferred']);
    jest.setSystemTime(noonOf(addDays(TODAY, 3))); // Thursday, a new day's quota
    gas.control.setMailQuota(100);
    handleSendReminders(false);
    handleSendReminders(false);
    expect(weekly(gas).map((m) => m.to)).toEqual(['boss@example.com', 'zhao@example.com']);
  });

  it('a manager outside allowed_recipient_domains is blocked and never emailed', () => {
    const gas = riskyBook({ manager_emails: 'ceo@partner.org' });
    handleSendReminders(false);
    expect(weekly(gas)).toHaveLength(0);
    const row = logRows(gas.control).find((r) => r.digest === 'manager')!;
    expect([row.owner, row.status, row.detail]).toEqual([
      'ceo@partner.org',
      'blocked',
      'ceo@partner.org is outside allowed_recipient_domains',
    ]);
  });

  it('preview shows the manager digest first; the test manager digest goes to me only, unlogged', () => {
    const gas = riskyBook({}, { activeUser: 'me@example.com' });
    handlePreview();
    const dialog = gas.control.dialogs[0].content;
    expect(
      dialog.indexOf('Weekly manager digest (to boss@example.com, zhao@example.com)'),
    ).toBeLessThan(dialog.indexOf('>li@example.com</h3>'));
    handleTestManagerDigest();
    expect(gas.control.sentMails.map((m) => [m.to, m.subject])).toEqual([
      [
        'me@example.com',
        '[Test] Key accounts weekly 2026-W48: 1 at risk, 2 stale, 1 overdue action — 2026-11-23',
      ],
    ]);
    expect(logRows(gas.control)).toEqual([]);
    expect(gas.control.toasts.at(-1)!.msg).toBe('Test manager digest sent to me@example.com.');
  });
});
