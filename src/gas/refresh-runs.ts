import { formatDay, type Day } from '../core/calendar/day';
import type { Locale } from '../core/i18n/locale';
import { message } from '../core/i18n/messages';
import type { DataIssue } from '../core/issues/issue';
import { issueRows } from '../core/jobs/refresh';
import { resolveSheets } from '../core/schema/match';
import { sheetDef } from '../core/schema/sheets';
import type { Clock, RunState } from '../core/ports/host';
import type { WorkbookStore } from '../core/ports/workbook';
import { GasDocumentState } from './host';

/**
 * A refresh that runs out of time is continued by a one-off trigger at most this many times a
 * day: three runs of at most 6 minutes are 18 of the 90 trigger minutes a consumer account has
 * per day, so the reminders never go without. A workbook that needs more will need it again
 * tomorrow; more tries would only use up the day.
 */
export const MAX_REFRESH_CONTINUATIONS = 2;
/** Runs of one day's refresh at most: the first and its continuations. */
export const MAX_REFRESH_RUNS = MAX_REFRESH_CONTINUATIONS + 1;
/**
 * A continuation resumes (skips the outputs written before the stop) only this soon after it:
 * its trigger fires about a minute later; a run hours later starts again from the workbook.
 */
export const RESUME_WITHIN_MS = 15 * 60 * 1000;

/** Document property: today's refresh runs that ran out of time, and what they wrote. */
export const REFRESH_RUNS_PROPERTY = 'kam.refresh.outOfTime';

interface OutOfTime {
  readonly day: string;
  readonly runs: number;
  /** When the last run stopped, and the outputs today's stopped runs wrote whole. */
  readonly at?: number;
  readonly done?: readonly string[];
}

function readRecord(state: RunState, today: Day): OutOfTime | null {
  try {
    const got = JSON.parse(state.get(REFRESH_RUNS_PROPERTY) ?? 'null') as OutOfTime | null;
    return got && got.day === formatDay(today) && Number.isInteger(got.runs) ? got : null;
  } catch {
    return null;
  }
}

export interface OutOfTimeRecord {
  /** Runs of today's refresh that ran out of time so far. */
  readonly before: number;
  /** What a continuation may leave as it is (empty for any other run). */
  readonly resume: ReadonlySet<string>;
  /** Records `runs` stopped runs and what they wrote; false when the record failed. */
  set(runs: number, done: readonly string[]): boolean;
}

/**
 * Today's record of refresh runs that ran out of time; null when the document properties
 * cannot be read (the refresh then runs as if it were the first today). Never throws: a menu
 * refresh must get to its own error handling. Only a run without a person (the continuation
 * trigger) resumes: someone who chooses Refresh scores gets everything recomputed.
 */
export function outOfTimeRecord(clock: Clock, interactive: boolean): OutOfTimeRecord | null {
  try {
    const state = new GasDocumentState();
    const today = clock.today();
    const got = readRecord(state, today);
    const fresh =
      !interactive && got?.at !== undefined && clock.nowMs() - got.at < RESUME_WITHIN_MS;
    return {
      before: got?.runs ?? 0,
      resume: new Set(fresh ? (got?.done ?? []) : []),
      set(runs: number, done: readonly string[]): boolean {
        try {
          const record: OutOfTime = { day: formatDay(today), runs, at: clock.nowMs(), done };
          state.set(REFRESH_RUNS_PROPERTY, JSON.stringify(record));
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
