import { text } from '../i18n/catalogue';
import type { Locale } from '../i18n/locale';

/** Where a job runs: the Sheets add-on (menus) or the `kam` command line. */
export type Runner = 'sheets' | 'cli';

/**
 * How a message names the fix on each runner (section `fix` of the catalogue): a person at the
 * command line cannot open a Sheets menu, and a person in Sheets has no `kam`.
 */
export function fixHint(runner: Runner, fix: 'setup' | 'map', locale: Locale): string {
  return text(`fix.${runner}_${fix}`, locale);
}
