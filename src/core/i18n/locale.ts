/** The two languages every visible text exists in (README.md). */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** A text in both languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

export function pick(text: Bilingual, locale: Locale): string {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** Fills `{name}` placeholders; a missing parameter becomes an empty string. */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** A text from a bilingual table, in the locale, with its placeholders filled. */
export function translate<K extends string>(
  table: Readonly<Record<K, Bilingual>>,
  key: K,
  locale: Locale,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return fillTemplate(pick(table[key], locale), params);
}
