import { InvalidArgumentError } from 'commander';
import { parseIsoDay, type Day } from '../../core/calendar/day';
import type { Locale } from '../../core/i18n/locale';
import { localeFlag } from '../../core/i18n/workbook-locale';
import { machineLanguage } from './locale';
import { CliError, cliText } from './messages';

/** Option values are checked while parsing, so a bad flag stops the run before a file is read. */

export function parseToday(value: string): Day {
  const day = parseIsoDay(value);
  if (day === null)
    throw new InvalidArgumentError(cliText('bad_today', machineLanguage(), { value }));
  return day;
}

export function parseLocale(value: string): Locale {
  const locale = localeFlag(value);
  if (locale === null)
    throw new InvalidArgumentError(cliText('bad_locale', machineLanguage(), { value }));
  return locale;
}

export function intParser(flag: string, min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(
        cliText('bad_number', machineLanguage(), { flag, min, max, value }),
      );
    return n;
  };
}

export function parseSmtpUrl(value: string): string {
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || url.hostname === '')
    throw new InvalidArgumentError(
      cliText('bad_smtp', machineLanguage(), { value: value.replace(/\/\/[^@/]*@/, '//…@') }),
    );
  return value;
}

/**
 * A line break in the sender would start a header of its own in every message sent. Checked
 * after parsing, not as commander's argParser: commander would print the bad value across lines.
 */
export function checkFrom(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(value) || value.trim() === '')
    throw new CliError(
      cliText('bad_from', machineLanguage(), { value: JSON.stringify(value).slice(1, -1) }),
    );
  return value.trim();
}
