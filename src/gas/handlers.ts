import { BigQueryLookerWarehouse } from './looker-bigquery';
import type { Locale } from '../core/i18n/locale';
import { workbookLocale } from '../core/i18n/workbook-locale';
import { message } from '../core/i18n/messages';
import { recordEdit } from '../core/jobs/edit-trail';
import { BudgetExceededError } from '../core/jobs/errors';
import { refresh } from '../core/jobs/refresh';
import { fillAccountIds } from '../core/jobs/fill-ids';
import { turnOnAutomation } from '../core/jobs/set-automation';
import { setupWorkbook } from '../core/jobs/setup';
import { issueText } from '../core/issues/issue';
import { kamAbc, kamRfm, kamSegment } from '../core/custom/functions';
import type { CellValue } from '../core/values/cell';
import { fallbackLocale, gasContext, LOCK_WAIT_MS, runJob } from './context';
import { GasDashboardWriter } from './dashboard';
import {
  CONTINUE_REFRESH_HANDLER,
  GasAutomation,
  hostAllowList,
  recordLastRun,
  turnOff,
  statusLine,
  automationIsOn,
} from './automation';
import { automationMessage } from './automation-messages';
import { runMenuJob } from './menu-job';
import { localeOf, spreadsheetLocale } from './locale';
import {
  afterBudgetText,
  MAX_REFRESH_CONTINUATIONS,
  MAX_REFRESH_RUNS,
  outOfTimeRecord,
  reportOutOfTime,
} from './refresh-runs';
import { GasSheetEdit } from './edit';
import { buildMenu } from './menu';
import { scheduleOnce } from './triggers';
import { isCellLimitRefusal } from './store';

/** onOpen: the menu in the workbook's language (Settings `language`, else the locale). */
export function handleOpen(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let locale: Locale;
  try {
    locale = spreadsheetLocale(ss);
  } catch {
    locale = fallbackLocale(ss);
  }
  buildMenu(locale, menuStatus(locale, ss.getSpreadsheetTimeZone()));
}

/** The status line shown in the menu; onOpen may not read triggers, so it uses properties. */
function menuStatus(locale: Locale, timeZone: string): string | null {
  try {
    return statusLine(locale, (ms) => Utilities.formatDate(new Date(ms), timeZone, 'MM-dd HH:mm'));
  } catch {
    return null;
  }
}

export function handleSetup(): void {
  const ctx = gasContext(true);
  runJob(
    ctx,
    () => fallbackLocale(ctx.store.ss),
    true,
    () => {
      const result = setupWorkbook(ctx.store);
      const columns = result.addedColumns.reduce((n, a) => n + a.headers.length, 0);
      const nothing =
        result.createdSheets.length === 0 && columns === 0 && result.addedSettings.length === 0;
      ctx.notifier.done(
        nothing
          ? message('setup_unchanged', result.locale)
          : message('setup_done', result.locale, {
              created: result.createdSheets.length,
              columns,
              settings: result.addedSettings.length,
            }),
      );
      buildMenu(result.locale, menuStatus(result.locale, ctx.store.dates.timeZone));
      // Header problems (a column twice) are left for the user to fix: say which and where.
      if (result.issues.length > 0)
        ctx.notifier.problem(
          result.issues.map((i) => `${i.sheet}: ${issueText(i, result.locale)}`).join('\n'),
        );
    },
  );
}

/**
 * Fill missing account IDs, on this explicit request only: the one job that writes cells people
 * own (blank IDs), each logged in Change Log.
 */
export function handleFillIds(): void {
  runMenuJob((ctx) => {
    const locale = localeOf(ctx);
    const user = Session.getActiveUser().getEmail() || '';
    const result = fillAccountIds(ctx.store, locale, user, Date.now());
    ctx.notifier.done(message('fill_ids_done', locale, { count: result.filled }));
  });
}

/**
 * Refresh from the menu (interactive), from the nightly trigger or from its continuation. A run
 * that runs out of time is continued by a one-off trigger a minute later, at most
 * MAX_REFRESH_CONTINUATIONS times a day; after the last one it stops and says why in the menu
 * status and in data_issues.
 */
export function handleRefresh(interactive: boolean): void {
  const ctx = gasContext(interactive);
  const runs = outOfTimeRecord(ctx.clock, interactive);
  const before = runs?.before ?? 0;
  let locale: Locale | null = null;
  try {
    const result = runJob(
      ctx,
      () => (locale = localeOf(ctx)),
      interactive,
      () =>
        refresh({
          store: ctx.store,
          clock: ctx.clock,
          notifier: ctx.notifier,
          defaultAllowList: hostAllowList(),
          dashboard: new GasDashboardWriter(ctx.store),
          warehouse: new BigQueryLookerWarehouse(),
          alreadyWritten: runs?.resume,
          afterBudget: (l) => {
            locale = l;
            return afterBudgetText(l, before);
          },
        }),
    );
    if (result !== undefined && before > 0) runs?.set(0, []);
    recordLastRun({
      at: Date.now(),
      job: 'refresh',
      ok: result !== undefined,
      summary: result
        ? automationMessage('summary_refresh', result.locale, {
            accounts: result.accounts,
            issues: result.issues.length,
          })
        : automationMessage('summary_not_run', locale ?? fallbackLocale(ctx.store.ss)),
    });
  } catch (e) {
    if (!(e instanceof BudgetExceededError)) throw e;
    const lang = locale ?? fallbackLocale(ctx.store.ss);
    // Without a record of today's runs there is no cap: better no continuation than endless ones.
    const done = [...(runs?.resume ?? []), ...e.written];
    const recorded = runs?.set(before + 1, done) ?? false;
    if (before < MAX_REFRESH_CONTINUATIONS && recorded) {
      recordLastRun({
        at: Date.now(),
        job: 'refresh',
        ok: false,
        summary: message('refresh_status_continuing', lang, {
          run: before + 1,
          max: MAX_REFRESH_RUNS,
        }),
      });
      // A fresh execution gets a fresh 6 minutes.
      scheduleOnce(CONTINUE_REFRESH_HANDLER, 60_000);
      return;
    }
    recordLastRun({
      at: Date.now(),
      job: 'refresh',
      ok: false,
      summary: message('refresh_status_gave_up', lang, { max: MAX_REFRESH_RUNS }),
    });
    try {
      ctx.lock.run(LOCK_WAIT_MS, () => reportOutOfTime(ctx.store, lang, Date.now()));
    } catch (err) {
      // The menu status and the execution log already say it; Data Issues is a courtesy.
      Logger.log(`Could not add the refresh_time issue: ${(err as Error).message}`);
    }
  }
}

/**
 * onEdit (simple trigger): stamps `updated_at`/`updated_by` and logs owner, tier, status and
 * credit-limit changes. One read (the header row) and at most two writes; it never throws,
 * because an error in a simple trigger would only confuse the person typing.
 */
export function handleEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  try {
    recordEdit(new GasSheetEdit(e), { nowMs: () => Date.now() });
  } catch (err) {
    Logger.log(`onEdit: ${(err as Error).message}`);
    // The one failure the editor can act on is said where they are typing, never silently.
    if (isCellLimitRefusal(err)) {
      try {
        e.source.toast(message('change_log_full', fallbackLocale(e.source)), '', 30);
      } catch {
        // A toast that cannot be shown must not make the edit fail.
      }
    }
  }
}

/**
 * The language of a custom function's result: its `language` argument, else the workbook
 * language (Settings `language`, else the spreadsheet locale). Custom functions may read the
 * spreadsheet, so Settings is read once per call (a call covers a whole range).
 */
function sheetLocale(language: unknown): Locale {
  const lang = typeof language === 'string' ? language : '';
  if (lang) return workbookLocale({ setting: lang, spreadsheetLocale: '' });
  try {
    return spreadsheetLocale(SpreadsheetApp.getActiveSpreadsheet());
  } catch {
    // Without a spreadsheet (never in Sheets) the result is in English.
    return 'en';
  }
}

type Arg = CellValue | CellValue[][] | undefined;

export const customAbc = (revenues: Arg, a?: Arg, b?: Arg): string[][] => kamAbc(revenues, a, b);
export const customRfm = (r: Arg, f: Arg, m: Arg): (string | number)[][] => kamRfm(r, f, m);
export const customSegment = (r: Arg, f: Arg, language?: unknown): string[][] =>
  kamSegment(r, f, sheetLocale(language));

/** Turn on daily automation: nightly refresh and daily reminders. */
export function handleAutomationOn(): void {
  runMenuJob((ctx) => {
    const timeZone = ctx.store.dates.timeZone;
    const r = turnOnAutomation({ store: ctx.store, automation: new GasAutomation(timeZone) });
    ctx.notifier.tell(r.message);
    buildMenu(r.locale, menuStatus(r.locale, timeZone));
  });
}

export function handleAutomationOff(): void {
  runMenuJob((ctx) => {
    const locale = localeOf(ctx);
    ctx.notifier.tell(turnOff(locale));
    buildMenu(locale, menuStatus(locale, ctx.store.dates.timeZone));
  });
}

export function handleAutomationStatus(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const ctx = gasContext(true);
  const locale = localeOf(ctx);
  automationIsOn(); // re-syncs the menu flag with the real triggers
  SpreadsheetApp.getUi().alert(menuStatus(locale, ss.getSpreadsheetTimeZone()) ?? '');
}
