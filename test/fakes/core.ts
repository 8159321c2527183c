/**
 * Plumbing shared by every fake service: the call tracker (counts, log, fault injection),
 * Apps Script-style errors and the clock.
 */

/** Apps Script errors print as `Exception: <message>`; `message` itself has no prefix. */
export function gasError(message: string): Error {
  const error = new Error(message);
  error.name = 'Exception';
  return error;
}

/** What Apps Script says when a method gets arguments of the wrong kind. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  const kinds = args.map((a) =>
    a === null || a === undefined ? 'null' : Array.isArray(a) ? 'number[]' : typeof a,
  );
  return gasError(
    `The parameters (${kinds.join(',')}) don't match the method signature for ${method}.`,
  );
}

export type CallHook = (key: string, args: readonly unknown[]) => void;
/** Decides whether this call (args, and its 1-based number since the rule was set) should fail. */
export type CallPredicate = (args: readonly unknown[], callNumber: number) => boolean;

interface Fault {
  key: string;
  when: number | CallPredicate;
  seen: number;
  error: Error;
}

/** Classes whose calls are Spreadsheet service calls (what `spreadsheetCalls()` adds up). */
export const SPREADSHEET_CLASSES: ReadonlySet<string> = new Set([
  'SpreadsheetApp',
  'Spreadsheet',
  'Sheet',
  'Range',
  'Protection',
  'NamedRange',
  'DataValidationBuilder',
  'DataValidation',
  'ConditionalFormatRuleBuilder',
  'ConditionalFormatRule',
  'EmbeddedChartBuilder',
  'EmbeddedChart',
]);

/** Counts every fake call and runs the hooks; every fake method calls `track` first. */
export class Tracker {
  readonly calls: Record<string, number> = {};
  readonly callLog: string[] = [];
  recordLog = true;
  beforeCall: CallHook | undefined = undefined;
  /** The host's time per call (a slow execution) and its runtime limit; see GasControl. */
  timing: ((key: string) => void) | undefined = undefined;
  private faults: Fault[] = [];

  /** `args` may be a method's `arguments`; it is copied only when a hook or fault needs it. */
  track(key: string, args: ArrayLike<unknown>): void {
    if (this.timing !== undefined) this.timing(key);
    this.calls[key] = (this.calls[key] ?? 0) + 1;
    if (this.recordLog) this.callLog.push(key);
    if (this.beforeCall === undefined && this.faults.length === 0) return;
    const list = Array.from(args);
    if (this.beforeCall !== undefined) this.beforeCall(key, list);
    if (this.faults.length > 0) this.checkFaults(key, list);
  }

  failOn(key: string, when: number | CallPredicate, error: Error): void {
    if (typeof when === 'number' && !(Number.isInteger(when) && when >= 1)) {
      throw new Error(`failOn: nthCall must be an integer >= 1, got ${when}`);
    }
    this.faults.push({ key, when, seen: 0, error });
  }

  clearFaults(): void {
    this.faults = [];
  }

  reset(): void {
    for (const key of Object.keys(this.calls)) delete this.calls[key];
    this.callLog.length = 0;
  }

  total(filter: (className: string, key: string) => boolean): number {
    let sum = 0;
    for (const key of Object.keys(this.calls)) {
      const dot = key.indexOf('.');
      if (filter(dot < 0 ? key : key.slice(0, dot), key)) sum += this.calls[key];
    }
    return sum;
  }

  private checkFaults(key: string, args: readonly unknown[]): void {
    for (let i = 0; i < this.faults.length; i++) {
      const fault = this.faults[i];
      if (fault.key !== key) continue;
      fault.seen += 1;
      const fire =
        typeof fault.when === 'number' ? fault.seen === fault.when : fault.when(args, fault.seen);
      if (fire) {
        this.faults.splice(i, 1);
        throw fault.error;
      }
    }
  }
}

/**
 * Dates may come from another realm (code run in a `vm` context has its own `Date`), where
 * `instanceof Date` is false; the tag check works across realms.
 */
export function isDate(v: unknown): v is Date {
  return v instanceof Date || Object.prototype.toString.call(v) === '[object Date]';
}

/** Real time, or a test clock that `Utilities.sleep` and lock waits move forward. */
export class Clock {
  private offsetMs = 0;

  constructor(private readonly base?: () => Date) {}

  get isFake(): boolean {
    return this.base !== undefined;
  }

  now(): Date {
    return this.base === undefined ? new Date() : new Date(this.base().getTime() + this.offsetMs);
  }

  /** Moves a test clock forward; the real clock cannot be moved, so this is a no-op for it. */
  advance(ms: number): void {
    if (this.base !== undefined && ms > 0) this.offsetMs += ms;
  }
}
