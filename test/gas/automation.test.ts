/**
 * Turn on / off daily automation: the nightly refresh and the daily reminders as
 * installable clock triggers, idempotent, at `reminder_hour` in the spreadsheet's zone, within
 * the 20-triggers-per-user limit.
 */
import { handleAutomationOff, handleAutomationOn, handleSetup } from '../../src/gas/handlers';
import { handleSendReminders } from '../../src/gas/reminders';
import {
  createGas,
  installGlobals,
  type Gas,
  type GasOptions,
  type TriggerRecord,
} from '../fakes/index';
import { noonOf, setSettings } from './reminder-book';
import { fixSystemTime } from '../support/clock';

let restore: (() => void) | null = null;

fixSystemTime(() => noonOf({ y: 2026, m: 11, d: 23 }));
afterEach(() => {
  restore?.();
  restore = null;
});

function workbook(options: GasOptions = {}, settings: Record<string, unknown> = {}): Gas {
  const gas = createGas({ now: () => new Date(), ...options });
  restore = installGlobals(gas.globals);
  handleSetup();
  if (Object.keys(settings).length > 0) setSettings(gas.control, settings);
  return gas;
}

const ours = (gas: Gas): TriggerRecord[] =>
  gas.control.triggers.filter((t) => t.handler.startsWith('kam'));
const schedule = (t: TriggerRecord) => [t.handler, t.type, t.everyDays, t.atHour, t.timezone];

/** Someone's own triggers in the same project (another add-on feature, a script they wrote). */
function otherTriggers(n: number): void {
  for (let i = 0; i < n; i++) ScriptApp.newTrigger(`myJob${i}`).timeBased().everyHours(1).create();
}

describe('Turn on daily automation', () => {
  it('installs one nightly refresh and one daily reminders trigger, however often it is turned on', () => {
    const gas = workbook();
    handleAutomationOn();
    handleAutomationOn();
    expect(ours(gas).map(schedule)).toEqual([
      ['kamNightlyRefresh', 'CLOCK', 1, 7, 'Asia/Shanghai'],
      ['kamDailyReminders', 'CLOCK', 1, 8, 'Asia/Shanghai'],
    ]);
    expect(gas.control.alerts.map((a) => a.prompt)).toEqual([
      'Daily automation is on: scores refresh at 7:00 and reminders go out at 8:00 (Asia/Shanghai), running as owner@example.com.',
      'Daily automation is on: scores refresh at 7:00 and reminders go out at 8:00 (Asia/Shanghai), running as owner@example.com.',
    ]);
  });

  it('a second user cannot turn it on twice or turn off what the first user turned on', () => {
    const gas = workbook();
    handleAutomationOn();
    gas.control.setActiveUser('wang@example.com');
    gas.control.setEffectiveUser('wang@example.com');
    handleAutomationOn();
    handleAutomationOff();
    expect(ours(gas)).toHaveLength(2);
    expect(gas.control.alerts.slice(-2).map((a) => a.prompt)).toEqual([
      'Daily automation is already on, run by owner@example.com. Triggers belong to the person who made them, so owner@example.com must turn it off before someone else turns it on.',
      'Daily automation was turned on by owner@example.com; only owner@example.com can turn it off (Key Accounts → Turn off daily automation).',
    ]);
    gas.control.setActiveUser('owner@example.com');
    gas.control.setEffectiveUser('owner@example.com');
    handleAutomationOff();
    expect(ours(gas)).toHaveLength(0);
    gas.control.setEffectiveUser('wang@example.com');
    handleAutomationOn();
    expect(ours(gas)).toHaveLength(2);
  });

  it('uses reminder_hour from Settings and the spreadsheet time zone, not the script zone', () => {
    const gas = workbook(
      { spreadsheetTimeZone: 'Europe/Berlin', scriptTimeZone: 'America/New_York' },
      { reminder_hour: 0 },
    );
    handleAutomationOn();
    expect(ours(gas).map(schedule)).toEqual([
      ['kamNightlyRefresh', 'CLOCK', 1, 23, 'Europe/Berlin'],
      ['kamDailyReminders', 'CLOCK', 1, 0, 'Europe/Berlin'],
    ]);
  });

  it("turning off removes its triggers (a pending continuation too) and leaves everyone else's", () => {
    const gas = workbook();
    otherTriggers(2);
    handleAutomationOn();
    ScriptApp.newTrigger('kamContinueReminders').timeBased().after(60_000).create();
    handleAutomationOff();
    expect(gas.control.triggers.map((t) => t.handler)).toEqual(['myJob0', 'myJob1']);
    handleAutomationOff();
    expect(gas.control.alerts.slice(-2).map((a) => a.prompt)).toEqual([
      'Daily automation is off.',
      'Daily automation was already off.',
    ]);
  });

  it('with 19 other triggers it says clearly that the 20-trigger limit is in the way and installs nothing', () => {
    const gas = workbook();
    otherTriggers(19);
    handleAutomationOn();
    expect(gas.control.alerts.at(-1)!.prompt).toBe(
      'Cannot turn on automation: this script already has 19 of the 20 triggers Apps Script allows per user. Delete unused ones in Extensions → Apps Script → Triggers, then try again.',
    );
    expect(ours(gas)).toEqual([]);
    expect(gas.control.triggers).toHaveLength(19);
  });

  it('with 18 other triggers it fits exactly, and turning on again at the limit still works', () => {
    const gas = workbook();
    otherTriggers(18);
    handleAutomationOn();
    handleAutomationOn();
    expect(gas.control.triggers).toHaveLength(20);
    expect(ours(gas).map((t) => t.handler)).toEqual(['kamNightlyRefresh', 'kamDailyReminders']);
  });

  it('a trigger service error half-way leaves no partial automation', () => {
    const gas = workbook();
    gas.control.failOn('ClockTriggerBuilder.create', 2, new Error('Service unavailable: Triggers'));
    handleAutomationOn();
    expect(ours(gas)).toEqual([]);
    expect(gas.control.alerts.at(-1)!.prompt).toBe(
      'Could not install the triggers: Service unavailable: Triggers',
    );
  });

  it('in a Chinese workbook the messages are Chinese', () => {
    const gas = workbook({ locale: 'zh_CN' });
    handleAutomationOn();
    expect(gas.control.alerts.at(-1)!.prompt).toContain('每日自动化已开启');
  });

  it('remembers who turned it on: their domain is the default allow-list for later runs', () => {
    const gas = workbook({ activeUser: 'boss@example.com' }, { allowed_recipient_domains: '' });
    handleAutomationOn();
    expect(gas.control.properties.document.get('kam.automation.user')).toBe('boss@example.com');
    gas.control.setActiveUser('x@partner.org');
    gas.control.setEffectiveUser('x@partner.org');
    // Nothing to send in an empty workbook, but the run goes ahead (an allow-list exists).
    handleSendReminders(true);
    expect(gas.control.alerts.at(-1)!.prompt).not.toMatch(/allowed_recipient_domains/);
    expect(gas.control.toasts.at(-1)!.msg).toBe('Reminders: 0');
  });
});
