import type { Locale } from '../i18n/locale';

/** Whether the daily runs are scheduled, and the one-line status the host shows for them. */
export interface AutomationState {
  readonly on: boolean;
  readonly status: string;
}

/**
 * The host's schedule of the nightly refresh and the daily reminders (Apps Script triggers). A
 * host without one (`kam`, run by the system's own scheduler) has no such port.
 */
export interface Automation {
  /** On or off, checked against the real schedule, and the status line in `locale`. */
  state(locale: Locale): AutomationState;
  /** Schedules both runs around `reminderHour`; what it did (or why not), for the user. */
  turnOn(reminderHour: number, locale: Locale): string;
  /** Removes the schedule; what it did, for the user. */
  turnOff(locale: Locale): string;
}

/** Where the host lists the commands (the Sheets menu), in the workbook's language. */
export interface CommandMenu {
  show(locale: Locale, status: string | null): void;
}
