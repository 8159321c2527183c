import type { Locale } from './locale';

/** What the workbook language is decided from. */
export interface LanguageSources {
  /**
   * The Settings `language` setting as parsed (`auto`, `en`, `zh-CN`), or a language someone
   * named for this one call (a custom function's `language` argument). Absent without either.
   */
  readonly setting?: string | null;
  /**
   * The spreadsheet locale as the host reports it (`zh_CN`, `en_US`; an .xlsx reports the
   * language `kam` recorded in it, else the machine's); '' when there is none.
   */
  readonly spreadsheetLocale: string;
}

/**
 * The workbook language, the one rule every job, menu, sidebar and command uses: the `language`
 * setting when it names a language (`en`, `en-*`, `zh-CN`, `zh`, `中文`, `简体中文`); otherwise
 * (`auto`, blank, no Settings sheet) the spreadsheet locale: `zh_CN`, `zh_TW`, `zh_HK` and every
 * other `zh` locale → Chinese, anything else → English.
 */
export function workbookLocale(sources: LanguageSources): Locale {
  const s = (sources.setting ?? '').trim().toLowerCase().replace(/_/g, '-');
  if (s === 'en' || s.startsWith('en-')) return 'en';
  if (s === 'zh-cn' || s === 'zh' || s === '中文' || s === '简体中文') return 'zh-CN';
  return /^zh([_-]|$)/i.test(sources.spreadsheetLocale.trim()) ? 'zh-CN' : 'en';
}

/**
 * The language a Settings `language` cell names, read as people write it (already normalised:
 * lower case, no spaces or punctuation): `auto` or blank, English, Chinese; undefined for
 * anything else (reported as an invalid setting).
 */
export function languageSetting(normalized: string): 'auto' | Locale | undefined {
  const s = normalized;
  if (s === 'auto' || s === '') return 'auto';
  if (s === 'en' || s === 'english' || s === '英文') return 'en';
  if (s === 'zhcn' || s === 'zh' || s === '中文' || s === '简体中文' || s === 'chinese')
    return 'zh-CN';
  return undefined;
}

/** The language a `--locale` flag names (`en`, `en-US`, `zh-CN`, `zh`, `zh-Hans`); null if none. */
export function localeFlag(value: string): Locale | null {
  const v = value.trim().toLowerCase().replace('_', '-');
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh-cn' || v === 'zh' || v === 'zh-hans') return 'zh-CN';
  return null;
}
