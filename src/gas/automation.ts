import type { Locale } from '../core/i18n/locale';
import type { Automation, AutomationState } from '../core/ports/automation';
import { defaultAllowList } from '../core/reminders/recipients';
import { automationMessage } from './automation-messages';
import { deleteTriggers } from './triggers';

/** Handlers of the daily triggers this project installs. */
export const DAILY_REMINDERS_HANDLER = 'kamDailyReminders';
export const NIGHTLY_REFRESH_HANDLER = 'kamNightlyRefresh';
export const CONTINUE_REMINDERS_HANDLER = 'kamContinueReminders';
export const CONTINUE_REFRESH_HANDLER = 'kamContinueRefresh';
export const OWN_HANDLERS = [
  DAILY_REMINDERS_HANDLER,
  NIGHTLY_REFRESH_HANDLER,
  CONTINUE_REMINDERS_HANDLER,
  CONTINUE_REFRESH_HANDLER,
];

/** Apps Script allows 20 triggers per user per script. */
export const TRIGGER_LIMIT = 20;

const KEY_USER = 'kam.automation.user';
const KEY_LAST = 'kam.lastRun';

export interface LastRun {
  readonly at: number;
  readonly job: 'refresh' | 'reminders';
  readonly ok: boolean;
  readonly summary: string;
}

/**
 * Best effort: the record only feeds the menu's status line, so a Properties failure after a job
 * has done its work is logged instead of turning a finished run into an error for the user.
 */
export function recordLastRun(run: LastRun): void {
  try {
    PropertiesService.getDocumentProperties().setProperty(KEY_LAST, JSON.stringify(run));
  } catch (e) {
    Logger.log(`Could not record the last run (${run.job}): ${(e as Error).message}`);
  }
}

export function lastRun(): LastRun | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(KEY_LAST);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as LastRun;
  } catch {
    return null;
  }
}

/** Who turned automation on (their domain is the default allow-list); null when off/never. */
export function automationUser(): string | null {
  return PropertiesService.getDocumentProperties().getProperty(KEY_USER);
}

/**
 * The default allow-list when `allowed_recipient_domains` is blank: the domain of the user who
 * turned automation on (or, before that, of whoever runs the script); a consumer account
 * allows only its own address.
 */
export function hostAllowList(): string[] {
  const user =
    automationUser() || Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail();
  return user ? defaultAllowList(user) : [];
}

const KEY_ON = 'kam.automation.on';

/** Checks the real triggers (needs authorization) and keeps the menu's flag in step. */
export function automationIsOn(): boolean {
  const on = ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === DAILY_REMINDERS_HANDLER,
  );
  PropertiesService.getDocumentProperties().setProperty(KEY_ON, on ? '1' : '0');
  return on;
}

/** The flag kept by turnOn/turnOff, readable from onOpen, which may not list triggers. */
function automationFlag(): boolean {
  return PropertiesService.getDocumentProperties().getProperty(KEY_ON) === '1';
}

/**
 * Installs the nightly refresh and the daily reminders at `reminder_hour` in the spreadsheet's
 * zone. Idempotent: this project's triggers with the same handlers are removed first. Returns a
 * message for the user, including when the 20-trigger limit is in the way.
 */
export function turnOn(reminderHour: number, timeZone: string, locale: Locale): string {
  // Triggers belong to the user who made them and only they can see or delete them, so a second
  // user turning automation on would run everything twice: the first owner must turn it off.
  const other = otherOwner();
  if (other) return automationMessage('owned_by', locale, { user: other });
  deleteTriggers(DAILY_REMINDERS_HANDLER);
  deleteTriggers(NIGHTLY_REFRESH_HANDLER);
  const existing = ScriptApp.getProjectTriggers().length;
  if (existing + 2 > TRIGGER_LIMIT)
    return automationMessage('limit', locale, { count: existing, limit: TRIGGER_LIMIT });
  const refreshHour = (reminderHour + 23) % 24;
  try {
    ScriptApp.newTrigger(NIGHTLY_REFRESH_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(refreshHour)
      .inTimezone(timeZone)
      .create();
    ScriptApp.newTrigger(DAILY_REMINDERS_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(reminderHour)
      .inTimezone(timeZone)
      .create();
  } catch (e) {
    deleteTriggers(DAILY_REMINDERS_HANDLER);
    deleteTriggers(NIGHTLY_REFRESH_HANDLER);
    const msg = (e as Error).message;
    return /too many triggers/i.test(msg)
      ? automationMessage('limit', locale, { count: existing, limit: TRIGGER_LIMIT })
      : automationMessage('failed', locale, { message: msg });
  }
  const user = Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail();
  PropertiesService.getDocumentProperties().setProperties({ [KEY_USER]: user, [KEY_ON]: '1' });
  return automationMessage('on', locale, {
    hour: reminderHour,
    refresh: refreshHour,
    zone: timeZone,
    user,
  });
}

/** The user who turned automation on, when it is on and that is not the current user. */
function otherOwner(): string | null {
  const owner = automationUser();
  const me = (
    Session.getEffectiveUser().getEmail() || Session.getActiveUser().getEmail()
  ).toLowerCase();
  return automationFlag() && owner && me && owner.toLowerCase() !== me ? owner : null;
}

export function turnOff(locale: Locale): string {
  const other = otherOwner();
  if (other) return automationMessage('owned_by_off', locale, { user: other });
  const n = OWN_HANDLERS.reduce((sum, h) => sum + deleteTriggers(h), 0);
  PropertiesService.getDocumentProperties().setProperty(KEY_ON, '0');
  return automationMessage(n > 0 ? 'off' : 'already_off', locale);
}

/** One line for the menu and the status dialog: on/off, last run, what happened. */
export function statusLine(locale: Locale, format: (ms: number) => string): string {
  const on = automationFlag();
  const last = lastRun();
  const base = automationMessage(on ? 'status_on' : 'status_off', locale);
  if (!last) return `${base} · ${automationMessage('never_ran', locale)}`;
  return `${base} · ${automationMessage(last.ok ? 'last_ok' : 'last_failed', locale, { at: format(last.at), summary: last.summary })}`;
}

/** The Automation port: this project's triggers, at hours of the spreadsheet's time zone. */
export class GasAutomation implements Automation {
  constructor(private readonly timeZone: string) {}
  state(locale: Locale): AutomationState {
    const on = automationIsOn();
    return {
      on,
      status: statusLine(locale, (ms) =>
        Utilities.formatDate(new Date(ms), this.timeZone, 'yyyy-MM-dd HH:mm'),
      ),
    };
  }
  turnOn(reminderHour: number, locale: Locale): string {
    return turnOn(reminderHour, this.timeZone, locale);
  }
  turnOff(locale: Locale): string {
    return turnOff(locale);
  }
}
