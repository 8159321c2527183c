import {
  OWNERS_IN_ORDER,
  cellDate,
  iso,
  logRows,
  seedReminderBook,
  shanghaiToday,
} from '../gas/reminder-book';
import { loadBundle } from './load';

/**
 * Reminders from what `clasp push` uploads: dist/Code.js in a vm with the fake, driven
 * by the daily trigger handler. The vm has its own real clock, so the book is seeded relative to
 * today in the spreadsheet's zone (Asia/Shanghai).
 */
describe('dist/Code.js: daily reminders', () => {
  it('kamDailyReminders mails every owner with something to report once and writes reminder_log', () => {
    const today = shanghaiToday(new Date());
    const bundle = loadBundle();
    bundle.call('kamSetupWorkbook');
    seedReminderBook(bundle.control, today);

    bundle.call('kamDailyReminders');
    const mails = bundle.control.sentMails;
    expect(mails.map((m) => m.to)).toEqual(OWNERS_IN_ORDER);
    for (const m of mails) {
      expect(m.subject).toContain(iso(today));
      expect(m.body).toContain('#gid=');
      expect(m.htmlBody).toMatch(/^<!DOCTYPE html>/);
    }
    const accountsGid = bundle.control.sheet('Accounts').getSheetId();
    expect(mails[0].body).toContain(
      `- L1 · Lotus Trading · class A · no activity for 53 days (limit 14); over twice the limit · ${bundle.control.spreadsheet.getUrl()}#gid=${accountsGid}&range=A2`,
    );
    const log = logRows(bundle.control);
    expect(log.map((r) => [r.owner, r.status])).toEqual(OWNERS_IN_ORDER.map((o) => [o, 'sent']));
    for (const r of log) expect((r.runDate as Date).getTime()).toBe(cellDate(today).getTime());
    expect(bundle.control.logs.at(-1)).toBe('Reminders: sent 4');

    // The trigger firing again the same day (or the menu item) sends nothing more.
    bundle.call('kamDailyReminders');
    bundle.call('onOpen', bundle.control.openEvent());
    const send = bundle.control.menus
      .at(-1)!
      .items.find((i) => 'caption' in i && i.caption === 'Send reminders now') as {
      functionName: string;
    };
    bundle.call(send.functionName);
    expect(bundle.control.sentMails).toHaveLength(4);
    expect(logRows(bundle.control)).toHaveLength(4);
    expect(bundle.control.triggers).toEqual([]);
  });
});
