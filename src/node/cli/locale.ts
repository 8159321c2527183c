import type { Locale } from '../../core/i18n/locale';
import { workbookLocale } from '../../core/i18n/workbook-locale';

/** The machine's locale as a spreadsheet locale would read (`zh_CN`, `en_US`). */
export function machineLocale(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (fromEnv !== '' && fromEnv !== 'C' && fromEnv !== 'POSIX') return fromEnv.split('.')[0];
  return Intl.DateTimeFormat().resolvedOptions().locale.replace('-', '_');
}

/** The language of messages printed before a workbook says which it uses. */
export function machineLanguage(env: NodeJS.ProcessEnv = process.env): Locale {
  return workbookLocale({ spreadsheetLocale: machineLocale(env) });
}
