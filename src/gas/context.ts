import type { Locale } from '../core/i18n/locale';
import { workbookLocale } from '../core/i18n/workbook-locale';
import { message } from '../core/i18n/messages';
import { BudgetExceededError, UserFacingError } from '../core/jobs/errors';
import { LockBusyError } from '../core/ports/host';
import { GasClock, GasDocumentLock, GasNotifier } from './host';
import { GasWorkbookStore } from './store';

/** What every menu action and trigger needs, built once per execution. */
export interface GasContext {
  readonly store: GasWorkbookStore;
  readonly clock: GasClock;
  readonly notifier: GasNotifier;
  readonly lock: GasDocumentLock;
}

export function gasContext(interactive: boolean): GasContext {
  const store = new GasWorkbookStore();
  return {
    store,
    clock: new GasClock(store.dates),
    notifier: new GasNotifier(store.ss, interactive),
    lock: new GasDocumentLock(),
  };
}

/** How long a menu action waits for another run to finish before it says so. */
export const LOCK_WAIT_MS = 30_000;

/** The language for messages outside a job (before Settings could be read). */
export function fallbackLocale(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Locale {
  return workbookLocale({ spreadsheetLocale: ss.getSpreadsheetLocale() });
}

/**
 * Runs a job and turns its failures into one clear message: a toast or alert for a person, a
 * log line for a trigger. A job writes only after all its checks pass, so a failure leaves the
 * workbook as it was. Unexpected errors are re-thrown for triggers so the execution log and
 * Google's failure emails show them.
 */
export function runJob<T>(
  ctx: GasContext,
  locale: () => Locale,
  interactive: boolean,
  job: () => T,
  lockWaitMs: number = LOCK_WAIT_MS,
): T | undefined {
  try {
    // The lock is released before any alert of the job is shown.
    return ctx.notifier.alertsAfter(() => ctx.lock.run(lockWaitMs, job));
  } catch (e) {
    const err = e as Error;
    if (err instanceof LockBusyError) {
      ctx.notifier.problem(message('busy', locale()));
      return undefined;
    }
    if (err instanceof UserFacingError || err instanceof BudgetExceededError) {
      ctx.notifier.problem(err.message);
      if (err instanceof BudgetExceededError) throw err;
      return undefined;
    }
    ctx.notifier.problem(message('error_generic', locale(), { message: err.message }));
    if (!interactive) throw err;
    return undefined;
  }
}
