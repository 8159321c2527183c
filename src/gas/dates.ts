import { dayFromYmd, formatDay, type Day } from '../core/calendar/day';

/**
 * Converts between Apps Script `Date`s and calendar days of the spreadsheet's time zone, which
 * may differ from the script's (docs/design.md "Dates and time zones"). Each distinct value is
 * converted once with `Utilities.formatDate` and cached, so a million dated rows cost a few
 * hundred conversions.
 */
export class SpreadsheetDates {
  private readonly toDayCache = new Map<number, { day: Day; seconds: number }>();
  private readonly toDateCache = new Map<Day, number>();

  constructor(readonly timeZone: string) {}

  /** The calendar day (and seconds after local midnight) of an instant in the sheet's zone. */
  dayOf(date: Date): { day: Day; seconds: number } {
    const ms = date.getTime();
    let hit = this.toDayCache.get(ms);
    if (!hit) {
      const text = Utilities.formatDate(date, this.timeZone, 'yyyy-MM-dd HH:mm:ss');
      const [y, mo, d, h, mi, s] = text.split(/[- :]/).map(Number);
      hit = { day: dayFromYmd(y, mo, d), seconds: h * 3600 + mi * 60 + s };
      this.toDayCache.set(ms, hit);
    }
    return hit;
  }

  /** Midnight of `day` in the spreadsheet's zone, as the `Date` Sheets stores for a date cell. */
  midnightOf(day: Day): Date {
    let ms = this.toDateCache.get(day);
    if (ms === undefined) {
      const utc = day * 86_400_000;
      ms = utc - this.offsetMs(new Date(utc));
      // Correct the guess by what the zone's clock shows there: across a DST change the offset
      // at the guess differs from the one at midnight, and `Z` has whole minutes only (Shanghai
      // before 1901 was +08:05:43). When midnight does not exist (a DST gap at 00:00), the first
      // instant of the day is kept, never one of the day before.
      let best = NaN;
      let bestOff = Infinity;
      for (let i = 0; i < 3; i++) {
        const check = this.dayOf(new Date(ms));
        const off = (check.day - day) * 86_400 + check.seconds;
        if (check.day === day && off < bestOff) {
          best = ms;
          bestOff = off;
        }
        if (off === 0) break;
        ms -= off * 1000;
      }
      if (!Number.isNaN(best)) ms = best;
      this.toDateCache.set(day, ms);
    }
    return new Date(ms);
  }

  /**
   * The instant the sheet's clock shows `seconds` after midnight of `day` (a date-time cell read
   * and written back, such as `detected_at`): midnight plus the seconds, corrected once by what
   * the zone's clock shows there, so a DST change during the night does not shift it by an hour.
   */
  wallTimeOf(day: Day, seconds: number): Date {
    let ms = this.midnightOf(day).getTime() + seconds * 1000;
    const check = this.dayOf(new Date(ms));
    ms -= ((check.day - day) * 86_400 + check.seconds - seconds) * 1000;
    return new Date(ms);
  }

  /** Today's calendar day in the spreadsheet's zone. */
  today(now: Date): Day {
    return this.dayOf(now).day;
  }

  private offsetMs(at: Date): number {
    const z = Utilities.formatDate(at, this.timeZone, 'Z'); // e.g. +0800, -0700
    const sign = z.startsWith('-') ? -1 : 1;
    const digits = z.replace(/[^0-9]/g, '');
    return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }

  /** For messages: YYYY-MM-DD of a day. */
  static format(day: Day): string {
    return formatDay(day);
  }
}
