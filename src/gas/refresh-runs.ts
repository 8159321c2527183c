import { formatDay, type Day } from '../core/calendar/day';
import type { Locale } from '../core/i18n/locale';
import { message } from '../core/i18n/messages';
import type { DataIssue } from '../core/issues/issue';
import { issueRows } from '../core/jobs/refresh';
import { resolveSheets } from '../core/schema/match';
import { sheetDef } from '../core/schema/sheets';
import type { Clock, RunState } from '../core/ports/host';
import { GasDocumentState } from './host';
import type { WorkbookStore } from '../core/ports/workbook';

/**
 * A refresh that runs out of time is continued by a one-off trigger at most this many times a
 * day: three runs of at most 6 minutes are 18 of the 90 trigger minutes a consumer account has
 * per day, so the reminders never go without. A workbook that needs more will need it again
 * tomorrow; more tries would only use up the day.
 */
export const MAX_REFRESH_CONTINUATIONS = 2;
/** Runs of one day's refresh at most: the first and its continuations. */
export const MAX_REFRESH_RUNS = MAX_REFRESH_CONTINUATIONS + 1;

/** Document property: how many of today's refresh runs ran out of time. */
export const REFRESH_RUNS_PROPERTY = 'kam.refresh.outOfTime';

interface OutOfTime {
  readonly day: string;
  readonly runs: number;
}

/** How many refresh runs ran out of time today (a new day starts again at 0). */
export function runsOutOfTime(state: RunState, today: Day): number {
  try {
    const got = JSON.parse(state.get(REFRESH_RUNS_PROPERTY) ?? 'null') as OutOfTime | null;
    return got && got.day === formatDay(today) && Number.isInteger(got.runs) ? got.runs : 0;
  } catch {
    return 0;
  }
}

export function setRunsOutOfTime(state: RunState, today: Day, runs: number): void {
  state.set(REFRESH_RUNS_PROPERTY, JSON.stringify({ day: formatDay(today), runs }));
}

/**
 * Today's count of refresh runs that ran out of time, and a way to change it; null when the
 * document properties cannot be read (the refresh then runs as if it were the first today).
 * Never throws: a menu refresh must get to its own error handling.
 */
export function outOfTimeRecord(
  clock: Clock,
): { readonly before: number; set(runs: number): boolean } | null {
  try {
    const state = new GasDocumentState();
    const today = clock.today();
    return {
      before: runsOutOfTime(state, today),
      set(runs: number): boolean {
        try {
          setRunsOutOfTime(state, today, runs);
          return true;
        } catch (e) {
          Logger.log(`Could not record the refresh runs: ${(e as Error).message}`);
          return false;
        }
      },
    };
  } catch {
    return null;
  }
}

/** What follows a stop for time, said at the end of the stop message. */
export function afterBudgetText(locale: Locale, runsBefore: number): string {
  return runsBefore < MAX_REFRESH_CONTINUATIONS
    ? message('refresh_continues', locale, { run: runsBefore + 2, max: MAX_REFRESH_RUNS })
    : message('refresh_gave_up', locale, { max: MAX_REFRESH_RUNS });
}

/**
 * Adds the `refresh_time` error to `data_issues` (one append), where the team looks for what
 * needs doing; the next refresh that finishes rewrites the sheet without it.
 */
export function reportOutOfTime(store: WorkbookStore, locale: Locale, nowMs: number): void {
  const name = resolveSheets(store.sheetNames()).sheets.get('data_issues');
  if (name === undefined) return;
  const issue: DataIssue = {
    sheet: name,
    row: null,
    column: '',
    value: '',
    code: 'refresh_time',
    severity: 'error',
    params: { runs: MAX_REFRESH_RUNS },
  };
  store.appendRows(name, issueRows([issue], locale, nowMs), sheetDef('data_issues').columns.length);
}
