import type { Day } from '../calendar/day';
import type { AbcClass, StaleReason } from '../model/metrics';
import type { Settings } from '../settings/model';

/**
 * last_activity_date (docs/rules.md): the latest of the given dates (interaction dates, transaction
 * dates of any amount, completed dates of Done actions) that is not after today; null when none.
 */
export function lastActivity(dates: Iterable<Day | null>, today: Day): Day | null {
  let last: Day | null = null;
  for (const d of dates) {
    if (d !== null && d <= today && (last === null || d > last)) last = d;
  }
  return last;
}

export interface StalenessInput {
  readonly lastActivityDate: Day | null;
  readonly abcClass: AbcClass;
  /** Account status code (`lost`, …) or null. */
  readonly status: string | null;
  readonly nextActionDate: Day | null;
  readonly remindersPausedUntil: Day | null;
}

export interface Staleness {
  readonly stale: boolean;
  readonly reasons: StaleReason[];
  readonly dueSoon: boolean;
  /** Lost, or reminders paused until today or later: never stale, never due soon. */
  readonly exempt: boolean;
  /** stale_days of the account's ABC class. */
  readonly threshold: number;
}

export function isExempt(
  status: string | null,
  remindersPausedUntil: Day | null,
  today: Day,
): boolean {
  return status === 'lost' || (remindersPausedUntil !== null && remindersPausedUntil >= today);
}

/**
 * Staleness (docs/rules.md): stale when days since activity > stale_days_<class>, or there was no
 * activity at all, or next_action_date < today. Due soon: not stale and days since activity >
 * threshold − warning_days.
 */
export function staleness(
  input: StalenessInput,
  settings: Pick<Settings, 'staleDays' | 'warningDays'>,
  today: Day,
): Staleness {
  const threshold = settings.staleDays[input.abcClass];
  if (isExempt(input.status, input.remindersPausedUntil, today)) {
    return { stale: false, reasons: [], dueSoon: false, exempt: true, threshold };
  }
  const reasons: StaleReason[] = [];
  const last = input.lastActivityDate;
  const days = last === null ? null : today - last;
  if (days === null) reasons.push('no_activity');
  else if (days > threshold) reasons.push('over_threshold');
  if (input.nextActionDate !== null && input.nextActionDate < today)
    reasons.push('next_action_passed');
  const stale = reasons.length > 0;
  const dueSoon = !stale && days !== null && days > threshold - settings.warningDays;
  return { stale, reasons, dueSoon, exempt: false, threshold };
}
