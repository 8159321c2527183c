import { text, type AreaKey, type TextParams } from '../core/i18n/catalogue';
import type { Locale } from '../core/i18n/locale';

/** Daily automation's texts: section `automation` of the catalogue (core/i18n/catalogue). */
export type AutomationMessage = AreaKey<'automation'>;

export function automationMessage(
  key: AutomationMessage,
  locale: Locale,
  params: TextParams = {},
): string {
  return text(`automation.${key}`, locale, params);
}
