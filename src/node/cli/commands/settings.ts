import { pick, type Locale } from '../../../core/i18n/locale';
import { sheetDef } from '../../../core/schema/sheets';
import { readSettings, saveSettingsChanges, settingsGrid } from '../../../core/jobs/save-settings';
import type { SettingsView } from '../../../core/sidebar/settings-form';
import { uiText } from '../../../core/sidebar/texts';
import { HELD_BY_COMMAND } from '../../host/held-lock';
import { openBook, updateBook, type Book } from '../book';
import { bookLocale, type CommandContext } from '../context';
import { CliError, cliText } from '../messages';

/** `key = value`, with what the refresh makes of a blank, absent or invalid cell. */
function settingLines(view: SettingsView, file: string, locale: Locale): string[] {
  const lines = view.items.map((i) => {
    const note = !i.present
      ? cliText('settings_absent', locale, { file, default: i.defaultValue })
      : i.invalid
        ? uiText('setting_invalid_now', locale, { default: i.defaultValue })
        : i.value === ''
          ? cliText('settings_blank', locale, { default: i.defaultValue })
          : '';
    const value = i.present ? ` = ${i.value}` : '';
    return `  ${i.key}${value}${note ? `  (${note})` : ''}`;
  });
  if (view.rates.length > 0) {
    lines.push(uiText('rates', locale, { home: view.homeCurrency }));
    for (const r of view.rates)
      lines.push(
        `  ${r.currency} = ${r.value}${r.invalid ? `  (${cliText('settings_bad_rate', locale)})` : ''}`,
      );
  }
  return lines;
}

/** The sidebar's input from `--set KEY=VALUE` pairs (`rate:USD=7.1` for an exchange rate). */
function settingsInput(
  pairs: readonly string[],
  view: SettingsView,
  file: string,
  locale: Locale,
): { values: Record<string, string>; rates: Record<string, string> } {
  const values: Record<string, string> = {};
  const rates: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = at > 0 ? pair.slice(0, at).trim() : '';
    if (key === '') throw new CliError(cliText('settings_bad_set', locale, { value: pair }));
    const value = pair.slice(at + 1);
    const rate = /^rate:(.+)$/i.exec(key);
    if (rate) {
      const currency = rate[1].trim().toUpperCase();
      if (!view.rates.some((r) => r.currency === currency))
        throw new CliError(cliText('settings_no_rate', locale, { file, currency }));
      rates[currency] = value;
      continue;
    }
    const item = view.items.find((i) => i.key === key.toLowerCase());
    if (!item) throw new CliError(cliText('settings_unknown', locale, { file, key }));
    // The sidebar only lists what the sheet has; a setting without a row has no cell to write.
    if (!item.present)
      throw new CliError(cliText('settings_absent_set', locale, { file, key: item.key }));
    values[item.key] = value;
  }
  return { values, rates };
}

/** Without a Settings sheet there is nothing to list or save: `kam init` adds it. */
function assertSettingsSheet(book: Book, locale: Locale): void {
  if (settingsGrid(book.store) !== null) return;
  throw new CliError(
    cliText('sheet_missing', locale, {
      file: book.shown,
      sheet: pick(sheetDef('settings'), locale),
    }),
  );
}

/**
 * `kam settings BOOK.xlsx [--set KEY=VALUE]…`: lists every setting and exchange rate as the
 * Settings sidebar shows them (the file is only read); with `--set`, saves the changed values
 * through the sidebar's own job (core/jobs/save-settings.ts), with its validation and its
 * messages: nothing is written when any value is wrong.
 */
export async function settingsCommand(
  file: string,
  opts: { set: readonly string[] },
  ctx: CommandContext,
): Promise<number> {
  if (opts.set.length === 0) {
    const book = await openBook(file, ctx.lang, ctx.progress);
    const locale = bookLocale(book);
    assertSettingsSheet(book, locale);
    const view = readSettings({ store: book.store });
    ctx.out(cliText('settings_header', locale, { file, sheet: view.sheet ?? '' }));
    settingLines(view, file, locale).forEach(ctx.out);
    return 0;
  }
  const line = await updateBook(file, ctx.lang, ctx.progress, async (book) => {
    const locale = bookLocale(book);
    assertSettingsSheet(book, locale);
    const input = settingsInput(opts.set, readSettings({ store: book.store }), file, locale);
    const { reply, changed } = saveSettingsChanges(
      { store: book.store, lock: HELD_BY_COMMAND },
      input,
    );
    if (!reply.ok) {
      const problem = reply.errors
        .map((e) => (e.field === '' ? e.message : `${e.field}: ${e.message}`))
        .join('; ');
      throw new CliError(cliText('job_problem', locale, { file, problem }));
    }
    // In the language the settings now set: a saved `language` changes it.
    const said = cliText('settings_done', reply.view?.locale ?? locale, {
      file,
      message: reply.message,
    });
    return { save: changed.length > 0, result: said };
  });
  ctx.out(line);
  return 0;
}
