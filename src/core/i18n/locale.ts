/** The two languages every visible text exists in (README.md). */
export type Locale = 'en' | 'zh-CN';

export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

/** A text in both languages. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/** The one of two things (texts, word lists, formats) that belongs to a language. */
export function pick<T>(text: { readonly en: T; readonly zh: T }, locale: Locale): T {
  return locale === 'zh-CN' ? text.zh : text.en;
}

/** A text made in each language, kept in both (shown later in the reader's language). */
export function bilingual(make: (locale: Locale) => string): Bilingual {
  return { en: make('en'), zh: make('zh-CN') };
}

/** The spreadsheet locale a workbook created in a language records (`kam init`, `kam demo`). */
export function spreadsheetLocaleFor(locale: Locale): string {
  return pick({ en: 'en_US', zh: 'zh_CN' }, locale);
}

/** Fills `{name}` placeholders; a missing parameter becomes an empty string. */
export function fillTemplate(
  template: string,
  params: Readonly<Record<string, string | number>> = {},
): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}
