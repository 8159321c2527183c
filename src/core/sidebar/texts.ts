import { template, text, type AreaKey, type TextParams } from '../i18n/catalogue';
import type { Locale } from '../i18n/locale';

/**
 * The sidebars' and the action board's texts: section `ui` of the catalogue (i18n/catalogue).
 * The server sends the texts of the workbook's language with each view (`uiLabels`), so the
 * HTML holds no language of its own. Column names come from the sheet definitions
 * (schema/sheets.ts), not from here.
 */
export type UiKey = AreaKey<'ui'>;

export function uiText(key: UiKey, locale: Locale, params: TextParams = {}): string {
  return text(`ui.${key}`, locale, params);
}

/** The texts of some keys in one language, as sent to the HTML (placeholders left in). */
export function uiLabels(keys: readonly UiKey[], locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = template(`ui.${k}`, locale);
  return out;
}

export interface FieldError {
  /** The form field the message belongs to; '' for the form as a whole. */
  readonly field: string;
  readonly message: string;
}

/** A value in the HTML's terms: a code and the label to show for it. */
export interface Choice {
  readonly code: string;
  readonly label: string;
}
