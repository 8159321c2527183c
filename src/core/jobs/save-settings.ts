import type { Locale } from '../i18n/locale';
import { IssueList } from '../issues/issue';
import { parseSettings } from '../parse/settings-sheet';
import type { SheetGrid } from '../parse/table';
import type { Automation, CommandMenu } from '../ports/automation';
import type { DocumentLock } from '../ports/host';
import type { WorkbookStore } from '../ports/workbook';
import { resolveSheets } from '../schema/match';
import { applyWrites } from '../sidebar/forms';
import { failed, ok, type Reply } from '../sidebar/reply';
import { planSettings, settingsView, type SettingsView } from '../sidebar/settings-form';
import { uiText } from '../sidebar/texts';
import { FORM_LOCK_MS } from './forms';
import { workbookLocale } from '../i18n/workbook-locale';

export interface SettingsDeps {
  readonly store: WorkbookStore;
  readonly lock: DocumentLock;
  /** The host's daily schedule, shown with the settings and moved with `reminder_hour`. */
  readonly automation?: Automation;
  /** The host's menu, rebuilt when the workbook's language changes. */
  readonly menu?: CommandMenu;
}

export interface SettingsState {
  readonly view: SettingsView;
  readonly locale: Locale;
  readonly reminderHour: number;
}

/** The Settings sheet as it is now; null when the workbook has none. */
export function settingsGrid(store: WorkbookStore): SheetGrid | null {
  const name = resolveSheets(store.sheetNames()).sheets.get('settings');
  return name ? { name, values: store.readSheet(name) } : null;
}

/** Every setting and exchange rate of `grid`, the language they set, and the schedule's state. */
export function settingsState(
  deps: Pick<SettingsDeps, 'store' | 'automation'>,
  grid: SheetGrid | null,
): SettingsState {
  const settings = parseSettings(grid, new IssueList());
  const locale = workbookLocale({
    setting: settings.language,
    spreadsheetLocale: deps.store.locale(),
  });
  const view = settingsView(grid, locale, deps.automation?.state(locale) ?? null);
  return { view, locale, reminderHour: settings.reminderHour };
}

/** The Settings sidebar's data (and `kam settings`): reads only. */
export function readSettings(deps: Pick<SettingsDeps, 'store' | 'automation'>): SettingsView {
  return settingsState(deps, settingsGrid(deps.store)).view;
}

/**
 * Saves changed settings (the Settings sidebar, `kam settings --set`), validated as the refresh
 * reads them (docs/workbook.md); nothing is written when any changed value is wrong. Only the
 * value cell of each changed setting (or rate) is written, one cell at a time: a block over the
 * whole value column would also rewrite the unchanged cells in between, turning a formula a user
 * put there into its value and overwriting whatever a colleague typed since the sidebar loaded.
 * There are at most a few dozen settings, so the number of writes stays small. A new reminder
 * hour moves the daily schedule when it is on; a new language rebuilds the host's menu.
 */
export function saveSettings(deps: SettingsDeps, input: unknown): Reply<SettingsView> {
  return saveSettingsChanges(deps, input).reply;
}

export interface SettingsSave {
  readonly reply: Reply<SettingsView>;
  /** Keys of the settings written (`rate:USD` for a rate); empty when nothing was. */
  readonly changed: readonly string[];
}

/** `saveSettings`, also saying what it wrote (`kam` saves the file only when something was). */
export function saveSettingsChanges(deps: SettingsDeps, input: unknown): SettingsSave {
  const { store } = deps;
  return deps.lock.run(FORM_LOCK_MS, () => {
    const grid = settingsGrid(store);
    const before = settingsState(deps, grid);
    const plan = planSettings(input, grid, before.locale);
    if (!plan.ok || !grid)
      return { reply: failed<SettingsView>(plan.errors, before.locale), changed: [] };
    if (plan.writes.length === 0)
      return { reply: ok(before.view, uiText('settings_unchanged', before.locale)), changed: [] };
    for (const w of plan.writes) store.writeRange(grid.name, w.row, w.col, [[w.value]]);
    const saved: SheetGrid = { ...grid, values: applyWrites(grid.values, plan.writes) };
    let after = settingsState(deps, saved);
    let msg = uiText('settings_saved', after.locale, { count: plan.changed.length });
    if (deps.automation && plan.changed.includes('reminder_hour') && after.view.automation?.on) {
      msg += ` ${deps.automation.turnOn(after.reminderHour, after.locale)}`;
      after = settingsState(deps, saved);
    }
    // The menu shows the workbook's language: rebuild it when that changes.
    if (after.locale !== before.locale)
      deps.menu?.show(after.locale, after.view.automation?.status ?? null);
    return { reply: ok(after.view, msg), changed: plan.changed };
  });
}
