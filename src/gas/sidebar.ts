import type { Day } from '../core/calendar/day';
import { computeMetrics } from '../core/engine/compute';
import type { Locale } from '../core/i18n/locale';
import { ACTION_STATUSES, optionLabel } from '../core/schema/enums';
import { message } from '../core/i18n/messages';
import { IssueList } from '../core/issues/issue';
import { UserFacingError } from '../core/jobs/errors';
import { readWorkbook, type WorkbookRead } from '../core/jobs/read';
import { workbookLocale } from '../core/i18n/workbook-locale';
import { LockBusyError } from '../core/ports/host';
import { parseSettings } from '../core/parse/settings-sheet';
import type { SheetGrid } from '../core/parse/table';
import { parseWorkbook } from '../core/parse/workbook';
import { resolveSheets } from '../core/schema/match';
import type { SheetKey } from '../core/schema/types';
import { account360, accountAtRow, type Account360View } from '../core/sidebar/account360';
import { actionBoard, boardFilter, type BoardView } from '../core/sidebar/board';
import {
  applyWrites,
  planStatusChange,
  validateAction,
  validateInteraction,
  writeBlocks,
  type CellWrite,
  type FormContext,
  type RowPlan,
} from '../core/sidebar/forms';
import { planSettings, settingsView, type SettingsView } from '../core/sidebar/settings-form';
import { uiText, type FieldError } from '../core/sidebar/texts';
import type { CellValue } from '../core/values/cell';
import { automationIsOn, statusLine, turnOff, turnOn } from './automation';
import { fallbackLocale, gasContext, type GasContext } from './context';
import { GasDocumentLock } from './host';
import { localeOf } from './locale';
import { buildMenu } from './menu';

/**
 * The server side of the sidebars and the action board. Every function here is called by
 * `google.script.run` (through a one-line wrapper in src/index.ts), takes plain JSON, validates
 * it again whatever the browser checked, and returns a plain-JSON `Reply` — never a Date, which
 * google.script.run cannot carry. Failures come back as messages in the workbook's language
 * instead of alerts, so the form can show them next to the fields.
 */

export interface Reply<T> {
  readonly ok: boolean;
  /** A line for the top of the view: what was done, or what went wrong. */
  readonly message: string;
  /** Per field ('' for the form as a whole); empty when ok. */
  readonly errors: readonly FieldError[];
  /** The new state after the call; null when nothing changed. */
  readonly view: T | null;
}

/** How long a sidebar write waits for a refresh or a reminder run before it says "busy". */
export const SIDEBAR_LOCK_MS = 10_000;

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

export const ok = <T>(view: T, msg = ''): Reply<T> => ({
  ok: true,
  message: msg,
  errors: [],
  view,
});

export function failed<T>(errors: readonly FieldError[], locale: Locale): Reply<T> {
  const whole = errors.find((e) => e.field === '');
  return {
    ok: false,
    message: whole ? whole.message : uiText('fix_below', locale),
    errors,
    view: null,
  };
}

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

function formContext(read: WorkbookRead, today: Day): FormContext {
  return {
    today,
    locale: read.locale,
    user: activeUser(),
    accountIds: new Set(read.parsed.model.accounts.map((a) => a.id)),
  };
}

/** A read with some sheets replaced by what was just written, so no second read is needed. */
function withGrid(read: WorkbookRead, key: SheetKey, grid: SheetGrid, today: Day): WorkbookRead {
  const grids = { ...read.grids, [key]: { ...grid, map: read.map } };
  return { ...read, grids, parsed: parseWorkbook(grids, today, read.map) };
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

function account360View(read: WorkbookRead, today: Day, accountId: string | null): Account360View {
  return account360(read, computeMetrics(read.parsed.model, today), accountId, today, {
    user: activeUser(),
  });
}

/** The account on the selected row (of Accounts or any sheet with an Account ID column). */
function selectedAccount(read: WorkbookRead): string | null {
  const range = SpreadsheetApp.getActiveRange();
  if (!range) return null;
  return accountAtRow(read, range.getSheet().getName(), range.getRow());
}

/** What google.script.run delivered, as fields; anything but an object is no fields at all. */
const asFields = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

const idOf = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : null;

/** Account 360 data: the account asked for by ID, else the one on the selected row. */
export function sidebarData(accountId: unknown): Reply<Account360View> {
  const ctx = gasContext(true);
  return guarded(ctx, () => {
    const today = ctx.clock.today();
    const read = readWorkbook(ctx.store, today);
    return ok(account360View(read, today, idOf(accountId) ?? selectedAccount(read)));
  });
}

/** Appends one row after the sheet's last row in one write; returns its row number. */
function appendRow(ctx: GasContext, name: string, row: readonly CellValue[]): number {
  const at = ctx.store.sheet(name).getLastRow() + 1;
  ctx.store.writeRange(name, at, 1, [[...row]]);
  return at;
}

function appendForm(
  input: unknown,
  key: 'interactions' | 'actions',
  validate: (
    input: Readonly<Record<string, unknown>>,
    target: SheetGrid | null,
    ctx: FormContext,
  ) => RowPlan,
  done: 'logged' | 'action_added',
): Reply<Account360View> {
  const ctx = gasContext(true);
  const fields = asFields(input);
  return guarded(ctx, () =>
    locked(() => {
      const today = ctx.clock.today();
      const read = readWorkbook(ctx.store, today);
      const name = read.names.get(key) ?? null;
      const target = name ? (read.grids[key] ?? null) : null;
      const plan = validate(fields, target, formContext(read, today));
      if (!plan.ok || !name || !target) return failed<Account360View>(plan.errors, read.locale);
      const row = appendRow(ctx, name, plan.row);
      const after = withGrid(
        read,
        key,
        { ...target, values: applyWrites(target.values, [], [plan.row]) },
        today,
      );
      return ok(
        account360View(after, today, idOf(fields.account_id)),
        uiText(done, read.locale, { row }),
      );
    }),
  );
}

/** Quick form: log an interaction for the account shown. */
export function logInteraction(input: unknown): Reply<Account360View> {
  return appendForm(input, 'interactions', validateInteraction, 'logged');
}

/** Quick form: add an action for the account shown. */
export function addAction(input: unknown): Reply<Account360View> {
  return appendForm(input, 'actions', validateAction, 'action_added');
}

/** Writes the changed cells of one action, one `setValues` per run of adjacent cells. */
function writeCells(ctx: GasContext, name: string, writes: readonly CellWrite[]): void {
  for (const b of writeBlocks(writes)) ctx.store.writeRange(name, b.row, b.col, b.values);
}

/** Shared by "mark done" and the board's moves: re-read, check the row, write, new state. */
function changeStatus<T>(
  input: Record<string, unknown>,
  status: string,
  only: readonly SheetKey[] | undefined,
  render: (read: WorkbookRead, today: Day) => T,
  done: (locale: Locale, task: string, status: string) => string,
): Reply<T> {
  const ctx = gasContext(true);
  return guarded(ctx, () =>
    locked(() => {
      const today = ctx.clock.today();
      const read = readWorkbook(ctx.store, today, only);
      const name = read.names.get('actions') ?? null;
      const target = name ? (read.grids.actions ?? null) : null;
      const plan = planStatusChange(
        {
          row: input.row,
          task: input.task,
          status,
          outcome: input.outcome,
          accountId: input.account_id,
        },
        target,
        { today, locale: read.locale },
      );
      if (!plan.ok || !name || !target) return failed<T>(plan.errors, read.locale);
      writeCells(ctx, name, plan.writes);
      const after = withGrid(
        read,
        'actions',
        { ...target, values: applyWrites(target.values, plan.writes) },
        today,
      );
      return ok(render(after, today), done(read.locale, plan.task, plan.status));
    }),
  );
}

/** Quick form: mark one of the account's open actions done (optionally with an outcome). */
export function completeAction(input: unknown): Reply<Account360View> {
  const fields = asFields(input);
  return changeStatus(
    fields,
    'done',
    undefined,
    (read, today) => account360View(read, today, idOf(fields.account_id)),
    (locale, task) => uiText('action_done', locale, { task }),
  );
}

// ---- action board -----------------------------------------------------------------------------

const BOARD_SHEETS: readonly SheetKey[] = ['actions'];

/** The action board, filtered by owner and account. */
export function boardData(filter: unknown): Reply<BoardView> {
  const ctx = gasContext(true);
  return guarded(ctx, () => {
    const today = ctx.clock.today();
    const read = readWorkbook(ctx.store, today, BOARD_SHEETS);
    return ok(actionBoard(read.parsed.model, today, boardFilter(filter), read.locale));
  });
}

/** A card moved to another column: its status (and completed date for Done) changes. */
export function moveCard(input: unknown): Reply<BoardView> {
  const fields = asFields(input);
  return changeStatus(
    fields,
    typeof fields.status === 'string' ? fields.status : '',
    BOARD_SHEETS,
    (read, today) => actionBoard(read.parsed.model, today, boardFilter(fields.filter), read.locale),
    (locale, task, code) =>
      uiText('moved', locale, {
        task,
        status: optionLabel(ACTION_STATUSES, code, locale),
      }),
  );
}

// ---- settings ---------------------------------------------------------------------------------

function settingsGrid(ctx: GasContext): SheetGrid | null {
  const name = resolveSheets(ctx.store.sheetNames()).sheets.get('settings');
  return name ? { name, values: ctx.store.readSheet(name) } : null;
}

function automationState(locale: Locale, timeZone: string): { on: boolean; status: string } {
  const on = automationIsOn();
  return {
    on,
    status: statusLine(locale, (ms) =>
      Utilities.formatDate(new Date(ms), timeZone, 'yyyy-MM-dd HH:mm'),
    ),
  };
}

function settingsState(
  ctx: GasContext,
  grid: SheetGrid | null,
): { view: SettingsView; locale: Locale; reminderHour: number } {
  const settings = parseSettings(grid, new IssueList());
  const locale = workbookLocale({
    setting: settings.language,
    spreadsheetLocale: ctx.store.locale(),
  });
  const view = settingsView(grid, locale, automationState(locale, ctx.store.dates.timeZone));
  return { view, locale, reminderHour: settings.reminderHour };
}

/** The Settings sidebar's data: every setting, the exchange rates, and the automation status. */
export function settingsData(): Reply<SettingsView> {
  const ctx = gasContext(true);
  return guarded(ctx, () => ok(settingsState(ctx, settingsGrid(ctx)).view));
}

/**
 * Saves the changed settings. Only the value cell of each changed setting (or rate) is written,
 * one cell at a time: a block over the whole value column would also rewrite the unchanged cells
 * in between, turning a formula a user put there into its value and overwriting whatever a
 * colleague typed since the sidebar loaded. There are at most a few dozen settings, so the number
 * of calls stays small. A new reminder hour moves the daily triggers when automation is on.
 */
export function saveSettings(input: unknown): Reply<SettingsView> {
  const ctx = gasContext(true);
  return guarded(ctx, () =>
    locked(() => {
      const grid = settingsGrid(ctx);
      const before = settingsState(ctx, grid);
      const plan = planSettings(input, grid, before.locale);
      if (!plan.ok || !grid) return failed<SettingsView>(plan.errors, before.locale);
      if (plan.writes.length === 0)
        return ok(before.view, uiText('settings_unchanged', before.locale));
      for (const w of plan.writes) ctx.store.writeRange(grid.name, w.row, w.col, [[w.value]]);
      const saved: SheetGrid = { ...grid, values: applyWrites(grid.values, plan.writes) };
      let after = settingsState(ctx, saved);
      let msg = uiText('settings_saved', after.locale, { count: plan.changed.length });
      if (plan.changed.includes('reminder_hour') && after.view.automation?.on) {
        msg += ` ${turnOn(after.reminderHour, ctx.store.dates.timeZone, after.locale)}`;
        after = settingsState(ctx, saved);
      }
      // The menu shows the workbook's language: rebuild it when that changes.
      if (after.locale !== before.locale)
        buildMenu(after.locale, after.view.automation?.status ?? null);
      return ok(after.view, msg);
    }),
  );
}

/** Turns daily automation on (triggers at reminder_hour) or off, from the Settings sidebar. */
export function setAutomation(on: unknown): Reply<SettingsView> {
  const ctx = gasContext(true);
  return guarded(ctx, () =>
    locked(() => {
      const grid = settingsGrid(ctx);
      const state = settingsState(ctx, grid);
      const msg =
        on === true
          ? turnOn(state.reminderHour, ctx.store.dates.timeZone, state.locale)
          : turnOff(state.locale);
      const after = settingsState(ctx, grid);
      buildMenu(after.locale, after.view.automation?.status ?? null);
      return ok(after.view, msg);
    }),
  );
}
