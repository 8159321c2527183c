import { text, type AreaKey } from '../i18n/catalogue';
import type { Locale } from '../i18n/locale';
import { optionLabel, REMINDER_STATUSES } from '../schema/enums';

/** What a reminder run says and logs: section `remind` of the catalogue (i18n/catalogue). */
export function reminderMessage(
  key: AreaKey<'remind'>,
  locale: Locale,
  params: Record<string, string> = {},
): string {
  return text(`remind.${key}`, locale, params);
}

/** A digest's status in the run's language (the log keeps the code; its dropdown shows these). */
export function statusWord(status: string, locale: Locale): string {
  // Outcomes of a run that are not rows of reminder_log.
  if (status === 'already_sent' || status === 'not_reached' || status === 'sent_this_week')
    return text(`remind.status_${status}`, locale);
  return optionLabel(REMINDER_STATUSES, status, locale);
}
