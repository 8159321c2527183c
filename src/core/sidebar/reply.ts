import type { Locale } from '../i18n/locale';
import { uiText, type FieldError } from './texts';

/**
 * What a form job gives back to a sidebar (through `google.script.run`) or to `kam`: plain JSON
 * — never a Date, which google.script.run cannot carry. Failures are messages in the workbook's
 * language instead of alerts, so the form can show them next to the fields.
 */
export interface Reply<T> {
  readonly ok: boolean;
  /** A line for the top of the view: what was done, or what went wrong. */
  readonly message: string;
  /** Per field ('' for the form as a whole); empty when ok. */
  readonly errors: readonly FieldError[];
  /** The new state after the call; null when nothing changed. */
  readonly view: T | null;
}

export const ok = <T>(view: T, msg = ''): Reply<T> => ({
  ok: true,
  message: msg,
  errors: [],
  view,
});

export function failed<T>(errors: readonly FieldError[], locale: Locale): Reply<T> {
  const whole = errors.find((e) => e.field === '');
  return {
    ok: false,
    message: whole ? whole.message : uiText('fix_below', locale),
    errors,
    view: null,
  };
}
