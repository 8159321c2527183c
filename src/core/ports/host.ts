import type { Day } from '../calendar/day';

/** "Now" and "today" in the spreadsheet's time zone, from the host. */
export interface Clock {
  nowMs(): number;
  /** The calendar date in the spreadsheet's time zone (docs/rules.md). */
  today(): Day;
  /** Seconds since the job started, for time budgets. */
  elapsedMs(): number;
}

/** Messages to the person who started a job (a toast in Sheets, a line in the terminal). */
export interface Notifier {
  progress(message: string): void;
  done(message: string): void;
  /** A problem the user must act on (an alert in Sheets, stderr in the CLI). */
  problem(message: string): void;
}

export class LockBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockBusyError';
  }
}

/** The document lock that keeps two runs apart; throws LockBusyError after `waitMs`. */
export interface DocumentLock {
  run<T>(waitMs: number, job: () => T): T;
}

/** Small key/value state that outlives a run (Apps Script document properties, a JSON file). */
export interface RunState {
  get(key: string): string | null;
  set(key: string, value: string): void;
}
