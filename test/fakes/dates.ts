/**
 * Time-zone arithmetic and `Utilities.formatDate` (a SimpleDateFormat subset) on top of
 * `Intl.DateTimeFormat`, correct in any IANA zone whatever the process `TZ` is.
 */
import { gasError, isDate } from './core';

type Zone =
  | { kind: 'fixed'; offsetMinutes: number }
  | { kind: 'iana'; id: string; parts: Intl.DateTimeFormat };

const zones = new Map<string, Zone>();

/**
 * Java's `TimeZone.getTimeZone` (which Apps Script uses) accepts IANA ids, `GMT`/`UTC` and
 * custom ids like `GMT+08`, `GMT+8`, `GMT+08:00`, `GMT-0500`; anything else silently means GMT.
 */
function resolveZone(timeZone: string): Zone {
  const cached = zones.get(timeZone);
  if (cached !== undefined) return cached;
  let zone: Zone = { kind: 'fixed', offsetMinutes: 0 };
  const id = String(timeZone).trim();
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(id);
  if (custom !== null) {
    const hours = Number(custom[2]);
    const minutes = custom[3] === undefined ? 0 : Number(custom[3]);
    if (hours <= 23 && minutes <= 59) {
      zone = {
        kind: 'fixed',
        offsetMinutes: (custom[1] === '-' ? -1 : 1) * (hours * 60 + minutes),
      };
    }
  } else if (!/^(GMT|UTC)$/i.test(id)) {
    try {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone: id,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        weekday: 'short',
      });
      zone = { kind: 'iana', id: parts.resolvedOptions().timeZone, parts };
    } catch {
      // Unknown id: GMT, as in Java.
    }
  }
  zones.set(timeZone, zone);
  return zone;
}

export interface ZonedParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

const WEEKDAYS_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const WEEKDAYS_LONG = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Milliseconds since the epoch of a wall-clock time read as UTC (years 0–99 included). */
export function utcMillis(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  d.setUTCFullYear(year);
  return d.getTime();
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const zone = resolveZone(timeZone);
  const t = date.getTime();
  const millisecond = ((t % 1000) + 1000) % 1000;
  if (zone.kind === 'fixed') {
    const d = new Date(t + zone.offsetMinutes * 60000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond,
      weekday: d.getUTCDay(),
      offsetMinutes: zone.offsetMinutes,
    };
  }
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let weekday = 0;
  for (const part of zone.parts.formatToParts(date)) {
    switch (part.type) {
      case 'year':
        year = Number(part.value);
        break;
      case 'month':
        month = Number(part.value);
        break;
      case 'day':
        day = Number(part.value);
        break;
      case 'hour':
        hour = Number(part.value) % 24;
        break;
      case 'minute':
        minute = Number(part.value);
        break;
      case 'second':
        second = Number(part.value);
        break;
      case 'weekday':
        weekday = WEEKDAYS_SHORT.indexOf(part.value);
        break;
      default:
        break;
    }
  }
  const offsetMinutes = Math.round(
    (utcMillis(year, month, day, hour, minute, second) - (t - millisecond)) / 60000,
  );
  return { year, month, day, hour, minute, second, millisecond, weekday, offsetMinutes };
}

/** The instant at which the wall clock in `timeZone` shows the given time. */
export function wallTimeToDate(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const asUtc = utcMillis(year, month, day, hour, minute, second);
  const first = zonedParts(new Date(asUtc), timeZone).offsetMinutes;
  let t = asUtc - first * 60000;
  const second2 = zonedParts(new Date(t), timeZone).offsetMinutes;
  if (second2 !== first) t = asUtc - second2 * 60000;
  return new Date(t);
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function offsetText(minutes: number, colon: boolean, hoursOnly = false): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return sign + hh;
  return sign + hh + (colon ? ':' : '') + pad(abs % 60, 2);
}

const zoneNames = new Map<string, Intl.DateTimeFormat>();

function zoneName(date: Date, timeZone: string, long: boolean, offsetMinutes: number): string {
  const zone = resolveZone(timeZone);
  if (zone.kind === 'fixed') {
    return offsetMinutes === 0 ? 'GMT' : `GMT${offsetText(offsetMinutes, true)}`;
  }
  const key = `${zone.id}|${long}`;
  let dtf = zoneNames.get(key);
  if (dtf === undefined) {
    dtf = new Intl.DateTimeFormat('en-US', {
      timeZone: zone.id,
      timeZoneName: long ? 'long' : 'short',
    });
    zoneNames.set(key, dtf);
  }
  return dtf.formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
}

function dayOfYear(p: ZonedParts): number {
  return Math.round((utcMillis(p.year, p.month, p.day) - utcMillis(p.year, 1, 1)) / 86400000) + 1;
}

/**
 * `Utilities.formatDate`: SimpleDateFormat letters G y Y M L d D E u a H k K h m s S z Z X and
 * quoted literals (`'T'`, `''` for a quote). Other letters throw, as SimpleDateFormat does.
 * Differences from Java: `z` uses ICU short names (e.g. `GMT+8` where Java says `CST`).
 */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  if (!isDate(date) || Number.isNaN(date.getTime())) {
    throw gasError('Invalid argument: date');
  }
  const p = zonedParts(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Inside quotes, '' is a literal quote.
      let j = i + 1;
      let literal = '';
      for (;;) {
        const close = pattern.indexOf("'", j);
        if (close < 0) throw gasError(`Invalid argument: Unterminated quote in ${pattern}`);
        literal += pattern.slice(j, close);
        if (pattern[close + 1] === "'") {
          literal += "'";
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      out += literal;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    i += n;
    switch (ch) {
      case 'G':
        out += p.year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(p.year % 100, 2) : pad(p.year, n);
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4
            ? MONTHS_LONG[p.month - 1]
            : n === 3
              ? MONTHS_LONG[p.month - 1].slice(0, 3)
              : pad(p.month, n);
        break;
      case 'd':
        out += pad(p.day, n);
        break;
      case 'D':
        out += pad(dayOfYear(p), n);
        break;
      case 'E':
        out += n >= 4 ? WEEKDAYS_LONG[p.weekday] : WEEKDAYS_SHORT[p.weekday];
        break;
      case 'u':
        out += pad(p.weekday === 0 ? 7 : p.weekday, n);
        break;
      case 'a':
        out += p.hour < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(p.hour, n);
        break;
      case 'k':
        out += pad(p.hour === 0 ? 24 : p.hour, n);
        break;
      case 'K':
        out += pad(p.hour % 12, n);
        break;
      case 'h':
        out += pad(p.hour % 12 === 0 ? 12 : p.hour % 12, n);
        break;
      case 'm':
        out += pad(p.minute, n);
        break;
      case 's':
        out += pad(p.second, n);
        break;
      case 'S':
        out += pad(p.millisecond, n);
        break;
      case 'Z':
        out += offsetText(p.offsetMinutes, false);
        break;
      case 'X':
        if (n > 3) throw gasError('Invalid argument: invalid ISO 8601 format: length=' + n);
        out += p.offsetMinutes === 0 ? 'Z' : offsetText(p.offsetMinutes, n === 3, n === 1);
        break;
      case 'z':
        out += zoneName(date, timeZone, n >= 4, p.offsetMinutes);
        break;
      default:
        throw gasError(`Invalid argument: Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
