import type { Locale } from '../core/i18n/locale';
import { workbookLocale } from '../core/jobs/setup';
import { resolveSheets } from '../core/schema/match';
import type { GasContext } from './context';

/** The workbook language, reading Settings through the job's store (for messages). */
export function localeOf(ctx: GasContext): Locale {
  const settings = resolveSheets(ctx.store.sheetNames()).sheets.get('settings');
  return workbookLocale(ctx.store, settings ? ctx.store.readSheet(settings) : null, settings ?? '');
}
