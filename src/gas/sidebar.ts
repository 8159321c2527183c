import type { Locale } from '../core/i18n/locale';
import { message } from '../core/i18n/messages';
import {
  addAction as addActionJob,
  logInteraction as logInteractionJob,
} from '../core/jobs/append-record';
import { UserFacingError } from '../core/jobs/errors';
import { recordReview as recordReviewJob } from '../core/jobs/record-review';
import { moveStage as moveStageJob } from '../core/jobs/move-stage';
import { showAccount360, type Selection } from '../core/jobs/account-360';
import { showActionBoard } from '../core/jobs/action-board';
import { FORM_LOCK_MS, type FormDeps } from '../core/jobs/forms';
import {
  completeAction as completeActionJob,
  moveCard as moveCardJob,
} from '../core/jobs/move-action';
import { readSettings, saveSettings as saveSettingsJob } from '../core/jobs/save-settings';
import { setAutomation as setAutomationJob } from '../core/jobs/set-automation';
import { LockBusyError } from '../core/ports/host';
import type { Account360View } from '../core/sidebar/account360';
import type { BoardView } from '../core/sidebar/board';
import { failed, ok, type Reply } from '../core/sidebar/reply';
import type { SettingsView } from '../core/sidebar/settings-form';
import { uiText } from '../core/sidebar/texts';
import { GasAutomation } from './automation';
import { fallbackLocale, gasContext, type GasContext } from './context';
import { GasDocumentLock } from './host';
import { localeOf } from './locale';
import { GAS_MENU } from './menu';

/**
 * The server side of the sidebars and the action board. Every function here is called by
 * `google.script.run` (through a one-line wrapper in src/index.ts), takes plain JSON and hands it
 * to one core job (src/core/jobs), which validates it again whatever the browser checked and
 * returns a plain-JSON `Reply`. What is left here is Apps Script's: the HTML, the selection, the
 * user, and turning a failure into a reply.
 */

export { failed, ok, type Reply };

/** How long a sidebar write waits for a refresh or a reminder run before it says "busy". */
export const SIDEBAR_LOCK_MS = FORM_LOCK_MS;

/** HTML files of the views (src/html, copied flat into dist/ by the build). */
export const HTML_FILES = {
  common: 'KamCommon',
  account360: 'Account360',
  board: 'ActionBoard',
  settings: 'Settings',
  mapColumns: 'MapColumns',
} as const;

/** The action board dialog's size; sidebars are always 300 px wide in Sheets. */
export const BOARD_SIZE = { width: 1000, height: 640 } as const;

/**
 * Runs a server function and turns every failure into a reply: busy (lock), a problem the user
 * can fix (missing sheet), or an unexpected error, which is also logged for the Executions page.
 */
export function guarded<T>(ctx: GasContext, job: () => Reply<T>): Reply<T> {
  const locale = (): Locale => {
    try {
      return localeOf(ctx);
    } catch {
      return fallbackLocale(ctx.store.ss);
    }
  };
  try {
    return job();
  } catch (e) {
    const err = e as Error;
    if (err instanceof LockBusyError)
      return failed([{ field: '', message: message('busy', locale()) }], locale());
    if (err instanceof UserFacingError)
      return failed([{ field: '', message: err.message }], locale());
    Logger.log(`sidebar: ${err.stack ?? err.message}`);
    return failed(
      [{ field: '', message: message('error_generic', locale(), { message: err.message }) }],
      locale(),
    );
  }
}

/** Writes happen under the document lock, like every job, so they never interleave with a refresh. */
export function locked<T>(job: () => T): T {
  return new GasDocumentLock().run(SIDEBAR_LOCK_MS, job);
}

function activeUser(): string {
  try {
    return Session.getActiveUser().getEmail() || '';
  } catch {
    return '';
  }
}

/** The ports a form job runs against in Apps Script. */
function formDeps(ctx: GasContext): FormDeps {
  return { store: ctx.store, clock: ctx.clock, lock: ctx.lock, user: activeUser };
}

// ---- opening the views ------------------------------------------------------------------------

/** A view's HTML: the page file with the shared styles and scripts put in (no external files). */
export function page(file: string, locale: Locale): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplateFromFile(file);
  template.common = HtmlService.createHtmlOutputFromFile(HTML_FILES.common).getContent();
  template.lang = locale;
  return template.evaluate();
}

function viewLocale(ctx: GasContext): Locale {
  try {
    return localeOf(ctx);
  } catch {
    return fallbackLocale(ctx.store.ss);
  }
}

/** Menu: Account 360. */
export function openAccount360(): void {
  const locale = viewLocale(gasContext(true));
  SpreadsheetApp.getUi().showSidebar(
    page(HTML_FILES.account360, locale).setTitle(uiText('a360_title', locale)),
  );
}

/** Menu: Action board (a dialog: four columns do not fit a 300 px sidebar). */
export function openActionBoard(): void {
  const locale = viewLocale(gasContext(true));
  const html = page(HTML_FILES.board, locale)
    .setWidth(BOARD_SIZE.width)
    .setHeight(BOARD_SIZE.height);
  SpreadsheetApp.getUi().showModalDialog(html, uiText('board_title', locale));
}

/** Menu: Settings. */
export function openSettings(): void {
  const locale = viewLocale(gasContext(true));
  SpreadsheetApp.getUi().showSidebar(
    page(HTML_FILES.settings, locale).setTitle(uiText('settings_title', locale)),
  );
}

// ---- Account 360 ------------------------------------------------------------------------------

/** The selected cell, for the account on its row (of Accounts or any sheet with an Account ID). */
function selection(): Selection | null {
  const range = SpreadsheetApp.getActiveRange();
  if (!range) return null;
  return { sheet: range.getSheet().getName(), row: range.getRow() };
}

/** What google.script.run delivered, as fields; anything but an object is no fields at all. */
const asFields = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** Account 360 data: the account asked for by ID, else the one on the selected row. */
export function sidebarData(accountId: unknown): Reply<Account360View> {
  const ctx = gasContext(true);
  return guarded(ctx, () => showAccount360(formDeps(ctx), accountId, selection));
}

/** Quick form: log an interaction for the account shown. */
export function logInteraction(input: unknown): Reply<Account360View> {
  const ctx = gasContext(true);
  return guarded(ctx, () => logInteractionJob(formDeps(ctx), asFields(input)));
}

/** Quick form: add an action for the account shown. */
export function addAction(input: unknown): Reply<Account360View> {
  const ctx = gasContext(true);
  return guarded(ctx, () => addActionJob(formDeps(ctx), asFields(input)));
}

/** Quick form: mark one of the account's open actions done (optionally with an outcome). */
export function completeAction(input: unknown): Reply<Account360View> {
  const ctx = gasContext(true);
  return guarded(ctx, () => completeActionJob(formDeps(ctx), asFields(input)));
}

/** Record review: a Review interaction and the plan's next review date moved on. */
export function recordReview(input: unknown): Reply<Account360View> {
  const ctx = gasContext(true);
  return guarded(ctx, () => recordReviewJob(formDeps(ctx), asFields(input)));
}

/** Move an open opportunity to another stage (with the stage-changed stamp and the log). */
export function moveStage(input: unknown): Reply<Account360View> {
  const ctx = gasContext(true);
  return guarded(ctx, () => moveStageJob(formDeps(ctx), asFields(input)));
}

// ---- action board -----------------------------------------------------------------------------

/** The action board, filtered by owner and account. */
export function boardData(filter: unknown): Reply<BoardView> {
  const ctx = gasContext(true);
  return guarded(ctx, () => showActionBoard(ctx, filter));
}

/** A card moved to another column: its status (and completed date for Done) changes. */
export function moveCard(input: unknown): Reply<BoardView> {
  const ctx = gasContext(true);
  return guarded(ctx, () => moveCardJob(formDeps(ctx), asFields(input)));
}

// ---- settings ---------------------------------------------------------------------------------

/** The ports the settings jobs run against in Apps Script. */
function settingsDeps(ctx: GasContext) {
  return {
    store: ctx.store,
    lock: ctx.lock,
    automation: new GasAutomation(ctx.store.dates.timeZone),
    menu: GAS_MENU,
  };
}

/** The Settings sidebar's data: every setting, the exchange rates, and the automation status. */
export function settingsData(): Reply<SettingsView> {
  const ctx = gasContext(true);
  return guarded(ctx, () => ok(readSettings(settingsDeps(ctx))));
}

/** Saves the changed settings; a new reminder hour moves the daily triggers (core: saveSettings). */
export function saveSettings(input: unknown): Reply<SettingsView> {
  const ctx = gasContext(true);
  return guarded(ctx, () => saveSettingsJob(settingsDeps(ctx), input));
}

/** Turns daily automation on (triggers at reminder_hour) or off, from the Settings sidebar. */
export function setAutomation(on: unknown): Reply<SettingsView> {
  const ctx = gasContext(true);
  return guarded(ctx, () => setAutomationJob(settingsDeps(ctx), on === true));
}
