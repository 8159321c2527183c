import type { Locale } from '../i18n/locale';
import { workbookLocale } from '../i18n/workbook-locale';
import { IssueList } from '../issues/issue';
import { parseSettings } from '../parse/settings-sheet';
import type { Automation, CommandMenu } from '../ports/automation';
import type { DocumentLock } from '../ports/host';
import type { WorkbookStore } from '../ports/workbook';
import { ok, type Reply } from '../sidebar/reply';
import type { SettingsView } from '../sidebar/settings-form';
import { FORM_LOCK_MS } from './forms';
import { resolveBook } from './recognize';
import { settingsGrid, settingsState } from './save-settings';

export interface AutomationDeps {
  readonly store: WorkbookStore;
  readonly automation: Automation;
}

/**
 * The Settings sidebar's switch: turns the daily schedule on (at `reminder_hour`) or off under
 * the document lock, rebuilds the menu (its status line) and returns the settings as they are now.
 */
export function setAutomation(
  deps: AutomationDeps & { readonly lock: DocumentLock; readonly menu?: CommandMenu },
  on: boolean,
): Reply<SettingsView> {
  return deps.lock.run(FORM_LOCK_MS, () => {
    const grid = settingsGrid(deps.store);
    const state = settingsState(deps, grid);
    const msg = on
      ? deps.automation.turnOn(state.reminderHour, state.locale)
      : deps.automation.turnOff(state.locale);
    const after = settingsState(deps, grid);
    deps.menu?.show(after.locale, after.view.automation?.status ?? null);
    return ok(after.view, msg);
  });
}

/**
 * Menu: Turn on daily automation. Reads Settings (through Column Map, as the jobs do) for the
 * reminder hour and the language; returns what the schedule did, in that language.
 */
export function turnOnAutomation(deps: AutomationDeps): { message: string; locale: Locale } {
  const { store } = deps;
  const name = resolveBook(store).sheets.get('settings');
  const grid = name ? store.readSheet(name) : null;
  const settings = parseSettings(
    grid ? { name: name as string, values: grid } : null,
    new IssueList(),
  );
  const locale = workbookLocale({ setting: settings.language, spreadsheetLocale: store.locale() });
  return { message: deps.automation.turnOn(settings.reminderHour, locale), locale };
}
