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

/**
 * The workbook language: the `language` setting when it names one, otherwise the spreadsheet
 * locale (`zh_CN`, `zh_TW`, `zh_HK` and other `zh` locales → Chinese; anything else → English).
 */
export function resolveLocale(
  setting: string | null | undefined,
  spreadsheetLocale: string,
): Locale {
  const s = (setting ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (s === 'en' || s.startsWith('en-')) return 'en';
  if (s === 'zh-cn' || s === 'zh' || s === '中文' || s === '简体中文') return 'zh-CN';
  return /^zh([_-]|$)/i.test(spreadsheetLocale.trim()) ? 'zh-CN' : 'en';
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
