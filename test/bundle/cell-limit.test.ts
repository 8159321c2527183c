import { logRows, OWNERS_IN_ORDER, seedReminderBook, shanghaiToday } from '../gas/reminder-book';
import { seedPortfolio } from '../gas/seed';
import { loadBundle, type LoadedBundle } from './load';

/**
 * At Sheets' 10-million-cell limit the nightly refresh from dist/Code.js finishes: every sheet
 * that fits is written, the sheets that would have to grow are left as they were, and Data
 * Issues says so first — instead of the whole run failing on Sheets' refusal to grow a grid.
 */
describe('dist/Code.js: a refresh at the 10-million-cell limit', () => {
  const LIMIT = 10_000_000;

  /** Another sheet takes every cell but `spare` of what the limit leaves. */
  function fillWorkbook(bundle: LoadedBundle, spare: number): void {
    bundle.control.setSheetValues('Archive', [['old']]);
    const archive = bundle.control.sheet('Archive');
    // One column, so the rows added below take exactly what is left: with 26 columns the last
    // partial row (up to 25 cells) stayed free, and whether a log row fit in it depended on the
    // width of every other sheet.
    archive._maxCols = 1;
    const used = bundle.control.spreadsheet._sheets.reduce(
      (n, s) => n + s._maxRows * s._maxCols,
      0,
    );
    archive._maxRows += Math.floor((LIMIT - used - spare) / archive._maxCols);
  }

  it('writes what fits, keeps the dashboard, and reports cell_limit first in Data Issues', () => {
    const bundle = loadBundle();
    seedPortfolio(bundle, 40);
    bundle.call('kamSetupWorkbook');
    bundle.call('kamNightlyRefresh');
    const issuesBefore = bundle.control.sheetValues('Data Issues').length - 1;
    expect(issuesBefore).toBeGreaterThan(4);
    // Someone deleted the empty rows of Data Issues and of the dashboard.
    const dataIssues = bundle.control.sheet('Data Issues');
    dataIssues.deleteRows(6, dataIssues.getMaxRows() - 5);
    const dashboard = bundle.control.sheet('Dashboard');
    dashboard.deleteRows(6, dashboard.getMaxRows() - 5);
    const dashboardBefore = bundle.control.sheetValues('Dashboard');
    fillWorkbook(bundle, 20);
    // Scores blanked since the last refresh: this one must put them back.
    const accounts = bundle.control.sheetValues('Accounts');
    const scores = ['Revenue (12m)', 'ABC Class', 'Health Score'].map((h) =>
      (accounts[0] as string[]).indexOf(h),
    );
    expect(scores).not.toContain(-1);
    bundle.control.setSheetValues(
      'Accounts',
      accounts.map((r, i) => (i === 0 ? r : r.map((v, c) => (scores.includes(c) ? '' : v)))),
    );

    expect(() => bundle.call('kamNightlyRefresh')).not.toThrow();

    const issues = bundle.control.sheetValues('Data Issues');
    expect(issues).toHaveLength(5);
    expect(issues[1][5]).toBe('error');
    expect(String(issues[1][4])).toContain(
      'these sheets were not updated this time: Dashboard, Data Issues (only the first 4 of',
    );
    expect(String(issues[1][4])).toContain('Trim Archive');
    expect(bundle.control.sheetValues('Dashboard')).toEqual(dashboardBefore);
    // The scores need no new cells: they are refreshed.
    expect(bundle.control.sheetValues('Accounts')).toEqual(accounts);
    expect(bundle.control.logs.join('\n')).not.toMatch(/above the limit/);
  });

  it('reminders: a log row that cannot be added stops the run before that mail, with a message naming the sheet', () => {
    const bundle = loadBundle();
    bundle.call('kamSetupWorkbook');
    seedReminderBook(bundle.control, shanghaiToday(new Date()));
    // Room for the header and one row; the workbook has no cell to spare.
    const log = bundle.control.sheet('Reminder Log');
    log.deleteRows(3, log.getMaxRows() - 2);
    fillWorkbook(bundle, 0);

    bundle.call('kamDailyReminders');

    // The first owner was logged, then mailed; nobody is mailed without a log row.
    expect(bundle.control.sentMails.map((m) => m.to)).toEqual([OWNERS_IN_ORDER[0]]);
    expect(logRows(bundle.control).map((r) => [r.owner, r.status])).toEqual([
      [OWNERS_IN_ORDER[0], 'sent'],
    ]);
    expect(bundle.control.logs.join('\n')).toContain(
      `Sheet "Reminder Log" could not grow by 1 rows: the workbook is at Google Sheets' 10,000,000-cell limit`,
    );
  });
});
