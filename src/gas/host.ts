import type { Day } from '../core/calendar/day';
import {
  LockBusyError,
  type Clock,
  type DocumentLock,
  type Notifier,
  type RunState,
} from '../core/ports/host';
import type { SpreadsheetDates } from './dates';

export class GasClock implements Clock {
  private readonly started = Date.now();
  constructor(private readonly dates: SpreadsheetDates) {}
  nowMs(): number {
    return Date.now();
  }
  today(): Day {
    return this.dates.today(new Date());
  }
  elapsedMs(): number {
    return Date.now() - this.started;
  }
}

/** Toasts in the spreadsheet; problems also as an alert when a person is there to see it. */
export class GasNotifier implements Notifier {
  constructor(
    private readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
    private readonly interactive: boolean,
  ) {}
  progress(message: string): void {
    if (this.interactive) this.ss.toast(message, '', 5);
  }
  done(message: string): void {
    if (this.interactive) this.ss.toast(message, '', 10);
    Logger.log(message);
  }
  problem(message: string): void {
    Logger.log(message);
    this.alert(message);
  }
  /** A message the person must read (e.g. what turning automation on did), as an alert. */
  tell(message: string): void {
    this.alert(message);
  }

  private held: string[] | null = null;

  /**
   * Runs `work` with alerts held back, then shows them in one alert. Apps Script suspends the
   * script while an alert is open, until the user clicks: shown while a lock is held, it would
   * make the nightly refresh, the reminders and every sidebar wait for that click.
   */
  alertsAfter<T>(work: () => T): T {
    const outer = this.held;
    this.held = [];
    try {
      return work();
    } finally {
      const messages = this.held;
      this.held = outer;
      if (messages.length > 0) this.alert(messages.join('\n\n'));
    }
  }

  private alert(message: string): void {
    if (!this.interactive) return;
    if (this.held) this.held.push(message);
    else SpreadsheetApp.getUi().alert(message);
  }
}

/** The document lock; waits `waitMs`, then gives up with a LockBusyError. */
export class GasDocumentLock implements DocumentLock {
  run<T>(waitMs: number, job: () => T): T {
    const lock = LockService.getDocumentLock();
    if (!lock.tryLock(waitMs))
      throw new LockBusyError('Lock timeout: another run holds the document lock');
    try {
      return job();
    } finally {
      lock.releaseLock();
    }
  }
}

export class GasDocumentState implements RunState {
  private readonly props = PropertiesService.getDocumentProperties();
  get(key: string): string | null {
    return this.props.getProperty(key);
  }
  set(key: string, value: string): void {
    this.props.setProperty(key, value);
  }
}
