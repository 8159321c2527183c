import { readFileSync } from 'node:fs';
import { uiText } from '../../src/core/sidebar/texts';
import { demoBook, ensureBuilt, kam, readBook, sheetRows, tempDir, TODAY } from './helpers';

/**
 * `kam settings` and `kam dashboard`: the Settings sidebar's save and Rebuild dashboard, run by
 * the same core jobs on an .xlsx file.
 */
describe('kam settings and kam dashboard', () => {
  const tmp = tempDir();
  let book = '';
  beforeAll(async () => {
    ensureBuilt();
    book = await demoBook(tmp.dir, 8);
  });
  afterAll(() => tmp.cleanup());

  const setting = async (key: string): Promise<unknown> =>
    sheetRows(await readBook(book), 'Settings').find((r) => r[0] === key)?.[1];

  it('lists every setting and rate, and only reads the file', async () => {
    const before = readFileSync(book);
    const r = await kam(['settings', book], tmp.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('settings on sheet "Settings"');
    expect(r.stdout).toMatch(/^ {2}reminder_hour = 8$/m);
    expect(r.stdout).toMatch(/^ {2}USD = 7\.1$/m);
    expect(readFileSync(book).equals(before)).toBe(true);
  });

  it('saves valid values, one cell each, with the sidebar’s messages', async () => {
    const r = await kam(
      ['settings', book, '--set', 'reminder_hour=9', '--set', 'rate:usd=7.2'],
      tmp.dir,
    );
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`${book}: ${uiText('settings_saved', 'en', { count: 2 })}`);
    expect(await setting('reminder_hour')).toBe(9);
    const again = await kam(['settings', book, '--set', 'reminder_hour=9'], tmp.dir);
    expect(again.stdout.trim()).toBe(`${book}: ${uiText('settings_unchanged', 'en')}`);
  });

  it('refuses a wrong value with the validation message and leaves the file as it was', async () => {
    const before = readFileSync(book);
    const r = await kam(
      ['settings', book, '--set', 'reminder_hour=25', '--set', 'stale_days_a=20'],
      tmp.dir,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `reminder_hour: ${uiText('err_setting_integer', 'en', { min: 0, max: 23 })}`,
    );
    expect(readFileSync(book).equals(before)).toBe(true);
    const unknown = await kam(['settings', book, '--set', 'colour=blue'], tmp.dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no setting "colour"/);
  });

  it('rebuilds the dashboard tables and nothing else', async () => {
    const before = await readBook(book);
    const summary = JSON.stringify(sheetRows(before, 'Summary'));
    const r = await kam(['dashboard', book, '--today', TODAY], tmp.dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Dashboard rebuilt: chart tables on "Dashboard".');
    const after = await readBook(book);
    const dashboard = sheetRows(after, 'Dashboard');
    expect(dashboard[0]?.some((v) => v === 'Revenue by quarter (CNY)')).toBe(true);
    expect(JSON.stringify(sheetRows(after, 'Summary'))).toBe(summary);
  });
});
