import { readdirSync, readFileSync } from 'node:fs';
import { fixSystemTime } from '../support/clock';
import { join } from 'node:path';
import { handleSetup } from '../../src/gas/handlers';
import {
  addAction,
  boardData,
  completeAction,
  logInteraction,
  moveCard,
  recordReview,
  openAccount360,
  openActionBoard,
  openSettings,
  saveSettings,
  setAutomation,
  settingsData,
  sidebarData,
} from '../../src/gas/sidebar';
import { buildMenu, MENU_ITEMS } from '../../src/gas/menu';
import { createGas, installGlobals, type Gas } from '../fakes';
import { assertPlainJson } from '../ui/bridge';
import { shanghaiDate } from './seed';

const NOW = new Date(Date.UTC(2026, 10, 23, 4)); // 2026-11-23 12:00 in Shanghai
const HTML_DIR = join(__dirname, '..', '..', 'src', 'html');
const HTML = Object.fromEntries(
  readdirSync(HTML_DIR).map((f) => [
    f.replace(/\.html$/, ''),
    readFileSync(join(HTML_DIR, f), 'utf8'),
  ]),
);

let restore: () => void = () => undefined;

function workbook(locale = 'en_US'): Gas {
  restore();
  const gas = createGas({
    locale,
    now: () => new Date(NOW),
    htmlFiles: HTML,
    activeUser: 'li@example.com',
  });
  restore = installGlobals(gas.globals);
  const c = gas.control;
  c.setSheetValues('Accounts', [
    ['Account ID', 'Account Name', 'Owner Email', 'My column'],
    ['A1', 'Acme', 'li@example.com', 'x'],
    ['B2', 'Beta', 'wang@example.com', 'y'],
  ]);
  c.setSheetValues('Interactions', [
    ['Date', 'Account ID', 'Type', 'Summary'],
    [shanghaiDate(2026, 11, 1), 'A1', 'Call', 'first'],
  ]);
  c.setSheetValues('Action Plan', [
    ['Task', 'Account ID', 'Status', 'Due Date', 'Completed Date'],
    ['Call back', 'A1', 'In progress', shanghaiDate(2026, 11, 30), ''],
    ['Renew', 'B2', 'Not started', '', ''],
  ]);
  handleSetup();
  c.resetCalls();
  return gas;
}

fixSystemTime(() => NOW, 'all');
afterAll(() => restore());

describe('sidebar server functions against the fake', () => {
  it('opening a view shows self-contained HTML in the workbook language', () => {
    const gas = workbook('zh_CN');
    openAccount360();
    openSettings();
    openActionBoard();
    const [a360, settings] = gas.control.sidebars;
    expect(a360.title).toBe('客户360视图');
    expect(settings.title).toBe('设置');
    const board = gas.control.dialogs[0];
    expect([board.title, board.width, board.height, board.modal]).toEqual([
      '行动看板',
      1000,
      640,
      true,
    ]);
    for (const html of [a360.content, settings.content, board.content]) {
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('var Kam = (function');
      expect(html).not.toMatch(/<\?/);
      // No external scripts, styles, fonts or images: nothing is loaded from anywhere.
      expect(html).not.toMatch(/<script[^>]+src=|<link\b|@import|url\(|<img\b|<iframe\b/i);
    }
  });

  it('the menu lists the three views, each calling a function the bundle declares', () => {
    workbook();
    buildMenu('en');
    const keys = MENU_ITEMS.filter((i) => i !== null).map((i) => i![1]);
    expect(keys).toEqual(
      expect.arrayContaining(['kamOpenAccount360', 'kamOpenActionBoard', 'kamOpenSettings']),
    );
  });

  it('logging an interaction: one read per sheet, one setValues, under the document lock, plain JSON back', () => {
    const gas = workbook();
    const reply = logInteraction({
      account_id: 'A1',
      date: '2026-11-23',
      type: 'Visit',
      summary: '-1 price cut?',
    });
    expect(reply.ok).toBe(true);
    expect(() => assertPlainJson(reply)).not.toThrow();
    expect(gas.control.calls['Range.setValues']).toBe(1);
    expect(gas.control.calls['Lock.tryLock']).toBe(1);
    expect(gas.control.calls['Lock.releaseLock']).toBe(1);
    expect(gas.control.lockState('document')).toBe('free');
    const rows = gas.control.sheetValues('Interactions');
    expect(rows[2].slice(1, 4)).toEqual(['A1', 'Visit', '-1 price cut?']);
    expect(gas.control.sheetFormulas('Interactions')[2].every((f) => f === '')).toBe(true);
    expect(reply.view!.account!.interactions[0].summary).toBe('-1 price cut?');
    expect(reply.message).toBe('Interaction logged on row 3.');
  });

  it('recording a review: one read per sheet, two writes (the interaction, the date), under the lock', () => {
    const gas = workbook();
    const plans = gas.control.sheetValues('Account Plans');
    const header = plans[0] as string[];
    const row = header.map((h) =>
      h === 'Account ID'
        ? 'A1'
        : h === 'Period'
          ? '2026'
          : h === 'Next Review Date'
            ? shanghaiDate(2026, 11, 20)
            : h === 'Review Cadence (months)'
              ? 6
              : '',
    );
    gas.control.setSheetValues('Account Plans', [header, row]);
    // The same reads as logging an interaction: the workbook once, one read per sheet.
    gas.control.resetCalls();
    sidebarData('A1');
    const reads = gas.control.calls['Range.getValues'];
    gas.control.resetCalls();
    const reply = recordReview({ account_id: 'A1', plan_row: 2, outcome: 'Budget agreed' });
    expect(reply.ok).toBe(true);
    expect(() => assertPlainJson(reply)).not.toThrow();
    expect(reply.message).toBe('Review logged on row 3; next review 2027-05-23.');
    expect(gas.control.calls['Range.setValues']).toBe(2);
    expect(gas.control.calls['Range.getValues']).toBe(reads);
    expect(gas.control.calls['Lock.tryLock']).toBe(1);
    const ix = gas.control.sheetValues('Interactions');
    expect(ix[2].slice(1, 4)).toEqual(['A1', 'Review', 'Budget agreed']);
    const after = gas.control.sheetValues('Account Plans');
    expect(after[1][header.indexOf('Next Review Date')]).toEqual(shanghaiDate(2027, 5, 23));
    expect(reply.view!.account!.plan!.reviewCadenceMonths).toBe(6);
  });

  it('is busy, not blocked, when a refresh holds the lock; nothing is written', () => {
    const gas = workbook();
    gas.control.holdDocumentLock();
    const reply = addAction({ account_id: 'A1', task: 'Quote' });
    expect(reply).toEqual({
      ok: false,
      message: 'Another run is updating this workbook. Try again in a minute.',
      errors: [{ field: '', message: expect.any(String) }],
      view: null,
    });
    expect(gas.control.calls['Range.setValues'] ?? 0).toBe(0);
    expect(gas.control.alerts).toEqual([]);
  });

  it('an unexpected failure comes back as a message, and is logged', () => {
    const gas = workbook();
    gas.control.failOn('Range.setValues', 1, new Error('Service Spreadsheets failed'));
    const reply = logInteraction({ account_id: 'A1', date: '2026-11-20' });
    expect(reply.ok).toBe(false);
    expect(reply.message).toContain('Service Spreadsheets failed');
    expect(gas.control.logs.join('\n')).toContain('Service Spreadsheets failed');
    expect(gas.control.lockState('document')).toBe('free');
  });

  it('follows the selection on any sheet with an Account ID', () => {
    const gas = workbook();
    gas.control.sheet('Action Plan').getRange('A3').activate();
    expect(sidebarData(null).view!.account!.id).toBe('B2');
    gas.control.sheet('Accounts').getRange('D2').activate();
    expect(sidebarData(undefined).view!.account!.id).toBe('A1');
    expect(sidebarData(' B2 ').view!.account!.name).toBe('Beta');
  });

  it('mark done and moving cards write one block per run of adjacent cells', () => {
    const gas = workbook();
    const done = completeAction({ row: 2, task: 'Call back', account_id: 'A1' });
    expect(done.ok).toBe(true);
    // Status (C) and Completed Date (E) are not adjacent: two writes.
    expect(gas.control.calls['Range.setValues']).toBe(2);
    expect(gas.control.sheetValues('Action Plan')[1][2]).toBe('Done');
    expect((gas.control.sheetValues('Action Plan')[1][4] as Date).getTime()).toBe(
      shanghaiDate(2026, 11, 23).getTime(),
    );
    const moved = moveCard({
      row: 3,
      task: 'Renew',
      status: 'blocked',
      filter: { owner: 'wang@example.com' },
    });
    expect(moved.view!.filter.owner).toBe('wang@example.com');
    expect(moved.view!.columns.find((c) => c.code === 'blocked')!.cards.map((c) => c.row)).toEqual([
      3,
    ]);
    expect(boardData({}).view!.columns.map((c) => c.cards.length)).toEqual([0, 0, 1, 1]);
  });

  it('settings: one single-cell write per changed value; a new reminder hour moves the triggers', () => {
    const gas = workbook();
    expect(setAutomation(true).view!.automation!.on).toBe(true);
    const hours = () => gas.control.triggers.map((t) => [t.handler, t.atHour]);
    expect(hours()).toEqual(expect.arrayContaining([['kamDailyReminders', 8]]));
    gas.control.resetCalls();
    const before = gas.control.sheetValues('Settings');
    const data = settingsData().view!;
    const values = Object.fromEntries(data.items.map((i) => [i.key, i.value]));
    const reply = saveSettings({ values: { ...values, reminder_hour: '9', due_soon_days: '10' } });
    expect(reply.ok).toBe(true);
    expect(reply.message).toContain('Saved 2 settings.');
    expect(reply.message).toContain('reminders go out at 9:00');
    expect(hours()).toEqual(
      expect.arrayContaining([
        ['kamDailyReminders', 9],
        ['kamNightlyRefresh', 8],
      ]),
    );
    const after = gas.control.sheetValues('Settings');
    const changed = after.flatMap((row, r) =>
      row
        .map((v, c) => (v !== before[r][c] ? `${String(before[r][0])}:${String(v)}` : null))
        .filter(Boolean),
    );
    expect(changed.sort()).toEqual(['due_soon_days:10', 'reminder_hour:9']);
    expect(gas.control.calls['Range.setValues']).toBe(2);
    expect(setAutomation(false).view!.automation!.on).toBe(false);
    expect(gas.control.triggers).toEqual([]);
  });
});
