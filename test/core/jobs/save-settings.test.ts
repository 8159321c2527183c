import { readSettings, saveSettings } from '../../../src/core/jobs/save-settings';
import { setAutomation, turnOnAutomation } from '../../../src/core/jobs/set-automation';
import type { Locale } from '../../../src/core/i18n/locale';
import type { Automation, CommandMenu } from '../../../src/core/ports/automation';
import { uiText } from '../../../src/core/sidebar/texts';
import type { Grid } from '../../../src/core/values/cell';
import { MemoryLock, MemoryStore } from './memory-store';

const settings = (): Grid => [
  ['setting', 'value', 'description'],
  ['language', '', ''],
  ['reminder_hour', 8, ''],
  ['stale_days_a', 14, ''],
  ['abc_cutoff_a', 0.8, ''],
  ['abc_cutoff_b', 0.95, ''],
  [],
  ['Currency', 'Rate to Home Currency'],
  ['USD', 7],
];

/** A schedule that remembers what it was asked. */
class FakeAutomation implements Automation {
  on = false;
  readonly calls: string[] = [];
  state(locale: Locale) {
    return { on: this.on, status: `${this.on ? 'on' : 'off'} (${locale})` };
  }
  turnOn(hour: number, locale: Locale) {
    this.on = true;
    this.calls.push(`on ${hour} ${locale}`);
    return `at ${hour}:00`;
  }
  turnOff(locale: Locale) {
    this.on = false;
    this.calls.push(`off ${locale}`);
    return 'off';
  }
}

class FakeMenu implements CommandMenu {
  readonly shown: string[] = [];
  show(locale: Locale, status: string | null) {
    this.shown.push(`${locale} ${status}`);
  }
}

function deps(grid = settings(), locale = 'en_US') {
  const store = new MemoryStore({ Settings: grid, Accounts: [['Account ID']] }, locale);
  return { store, lock: new MemoryLock(), automation: new FakeAutomation(), menu: new FakeMenu() };
}

describe('save-settings', () => {
  it('reads every setting with the schedule, and writes nothing', () => {
    const d = deps();
    const view = readSettings(d);
    expect(view.items.find((i) => i.key === 'reminder_hour')?.value).toBe('8');
    expect(view.automation).toEqual({ on: false, status: 'off (en)' });
    expect(readSettings({ store: d.store }).automation).toBeNull();
    expect(d.store.writes).toEqual([]);
  });

  it('writes one cell per changed value under the lock; unchanged values are left alone', () => {
    const d = deps();
    const reply = saveSettings(d, {
      values: { reminder_hour: '9', stale_days_a: '14', abc_cutoff_a: 0.7 },
      rates: { USD: '7.2' },
    });
    expect(reply).toMatchObject({
      ok: true,
      message: uiText('settings_saved', 'en', { count: 3 }),
    });
    expect(d.lock.runs).toBe(1);
    expect(d.store.writes.map((w) => [w.row, w.col, w.values])).toEqual([
      [3, 2, [[9]]],
      [5, 2, [[0.7]]],
      [9, 2, [[7.2]]],
    ]);
    expect(reply.view!.items.find((i) => i.key === 'reminder_hour')?.value).toBe('9');
    // Automation is off: the schedule is not touched, and the language did not change.
    expect(d.automation.calls).toEqual([]);
    expect(d.menu.shown).toEqual([]);
  });

  it('says what is wrong and writes nothing when any changed value is wrong', () => {
    const d = deps();
    const reply = saveSettings(d, {
      values: { reminder_hour: '25', abc_cutoff_a: '0.99', stale_days_a: '20' },
    });
    expect(reply.ok).toBe(false);
    expect(reply.message).toBe(uiText('fix_below', 'en'));
    expect(reply.errors.map((e) => e.field).sort()).toEqual(['abc_cutoff_a', 'reminder_hour']);
    expect(d.store.writes).toEqual([]);
  });

  it('says nothing changed when nothing did', () => {
    const d = deps();
    const reply = saveSettings(d, { values: { reminder_hour: 8 } });
    expect(reply).toMatchObject({ ok: true, message: uiText('settings_unchanged', 'en') });
    expect(d.store.writes).toEqual([]);
  });

  it('needs a Settings sheet', () => {
    const d = deps();
    d.store.sheets.delete('Settings');
    const reply = saveSettings(d, { values: { reminder_hour: 9 } });
    expect(reply.errors).toEqual([{ field: '', message: uiText('no_settings_sheet', 'en') }]);
  });

  it('moves the schedule with reminder_hour when it is on, and rebuilds the menu in a new language', () => {
    const d = deps();
    d.automation.on = true;
    const reply = saveSettings(d, { values: { reminder_hour: '7', language: 'zh-CN' } });
    expect(reply.ok).toBe(true);
    expect(d.automation.calls).toEqual(['on 7 zh-CN']);
    expect(reply.message).toBe(`${uiText('settings_saved', 'zh-CN', { count: 2 })} at 7:00`);
    expect(d.menu.shown).toEqual(['zh-CN on (zh-CN)']);
    expect(reply.view!.locale).toBe('zh-CN');
  });
});

describe('set-automation', () => {
  it('the sidebar switch turns the schedule on at reminder_hour, then off, showing the menu', () => {
    const d = deps();
    const on = setAutomation(d, true);
    expect(on).toMatchObject({ ok: true, message: 'at 8:00' });
    expect(on.view!.automation!.on).toBe(true);
    const off = setAutomation(d, false);
    expect(off.view!.automation!.on).toBe(false);
    expect(d.automation.calls).toEqual(['on 8 en', 'off en']);
    expect(d.menu.shown).toEqual(['en on (en)', 'en off (en)']);
    expect(d.lock.runs).toBe(2);
    expect(d.store.writes).toEqual([]);
  });

  it('the menu item reads the hour and the language from Settings', () => {
    const grid = settings();
    grid[1][1] = '中文';
    grid[2][1] = 6;
    const d = deps(grid);
    expect(turnOnAutomation(d)).toEqual({ message: 'at 6:00', locale: 'zh-CN' });
    expect(d.automation.calls).toEqual(['on 6 zh-CN']);
  });

  it('without Settings uses the default hour and the spreadsheet locale', () => {
    const d = deps(settings(), 'zh_CN');
    d.store.sheets.delete('Settings');
    expect(turnOnAutomation(d).locale).toBe('zh-CN');
    expect(d.automation.calls).toEqual(['on 8 zh-CN']);
  });
});
