import { text, type AreaKey, type TextParams } from './catalogue';
import type { Locale } from './locale';

/** The menu's, toasts' and alerts' texts: section `app` of the catalogue (catalogue/en.ts). */
export type MessageKey = AreaKey<'app'>;

export function message(key: MessageKey, locale: Locale, params: TextParams = {}): string {
  return text(`app.${key}`, locale, params);
}

/** Thousands separators that read the same in both languages: 1,204. */
export function formatCount(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
