import type { Day } from '../calendar/day';
import type { RunState } from '../ports/host';

/** Failed sends, and trigger runs that found the workbook busy, are retried this often per run date. */
export const MAX_REMINDER_RETRIES = 3;
/** Run state: `DAY:N`, the retries of that run date so far. */
export const REMINDER_RETRIES_KEY = 'kam.reminders.retries';

/**
 * Whether the reminders of run date `day` may be tried once more, counting this try: at most
 * MAX_REMINDER_RETRIES per run date, so an address the mailer always rejects is not retried every
 * minute forever. The host schedules the retry when this says yes.
 */
export function takeReminderRetry(state: RunState, day: Day): boolean {
  const [date, n] = (state.get(REMINDER_RETRIES_KEY) ?? '').split(':');
  const used = date === String(day) ? Number(n) || 0 : 0;
  if (used >= MAX_REMINDER_RETRIES) return false;
  state.set(REMINDER_RETRIES_KEY, `${day}:${used + 1}`);
  return true;
}
