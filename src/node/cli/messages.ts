import { text, type AreaKey, type TextParams } from '../../core/i18n/catalogue';
import type { Locale } from '../../core/i18n/locale';

/** Every line the `kam` CLI prints: section `cli` of the catalogue (core/i18n/catalogue). */
export type CliText = AreaKey<'cli'>;

export function cliText(key: CliText, locale: Locale, params: TextParams = {}): string {
  return text(`cli.${key}`, locale, params);
}

/** A problem the user can fix: printed as one line, exit code 2 (or `exitCode`). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message.replace(/\s*\n\s*/g, ' '));
    this.name = 'CliError';
  }
}
