import { dayFromYmd, type Day } from '../../core/calendar/day';
import type { Clock } from '../../core/ports/host';

/**
 * The machine's local calendar date: an .xlsx has no time zone, so the runner's "spreadsheet
 * time zone" is the machine's (TZ), which is also what Excel shows as TODAY().
 */
export function localToday(now: Date = new Date()): Day {
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** "Today" is fixed for the run (`--today`, or the local date when the run started). */
export class NodeClock implements Clock {
  private readonly started = Date.now();

  constructor(private readonly day: Day) {}

  nowMs(): number {
    return Date.now();
  }

  today(): Day {
    return this.day;
  }

  elapsedMs(): number {
    return Date.now() - this.started;
  }
}
