/**
 * Exact wall-clock arithmetic in IANA zones with `Intl` alone (independent of the fake's and the
 * product's own conversions, which are what the tests check). Seconds-precise, so historical
 * offsets such as Shanghai's +08:05:43 before 1901 come out right.
 */

export interface Wall {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function format(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    });
    formats.set(zone, f);
  }
  return f;
}

/** Epoch ms of a wall time read as UTC (any year). */
export function utcOf(w: Wall): number {
  const d = new Date(Date.UTC(2000, w.m - 1, w.d, w.h, w.mi, w.s));
  d.setUTCFullYear(w.y);
  return d.getTime();
}

/** The wall clock in `zone` at instant `ms` (whole seconds). */
export function wallAt(ms: number, zone: string): Wall {
  const w: Wall = { y: 0, m: 0, d: 0, h: 0, mi: 0, s: 0 };
  let bc = false;
  for (const p of format(zone).formatToParts(new Date(ms))) {
    if (p.type === 'year') w.y = Number(p.value);
    else if (p.type === 'month') w.m = Number(p.value);
    else if (p.type === 'day') w.d = Number(p.value);
    else if (p.type === 'hour') w.h = Number(p.value) % 24;
    else if (p.type === 'minute') w.mi = Number(p.value);
    else if (p.type === 'second') w.s = Number(p.value);
    else if (p.type === 'era') bc = p.value === 'BC';
  }
  if (bc) w.y = 1 - w.y;
  return w;
}

/**
 * The first instant at which `zone`'s wall clock shows y-m-d h:mi:s; when that time does not
 * exist (a DST gap), the first instant after the gap, as Sheets does for a date in such a gap.
 */
export function instantOf(
  zone: string,
  y: number,
  m: number,
  d: number,
  h = 0,
  mi = 0,
  s = 0,
): number {
  const target = utcOf({ y, m, d, h, mi, s });
  let t = target;
  for (let i = 0; i < 4; i++) {
    const diff = utcOf(wallAt(t, zone)) - target;
    if (diff === 0) {
      // Fall-back overlap: prefer the earlier of two instants showing the same wall time.
      for (const back of [3600_000, 1800_000])
        if (utcOf(wallAt(t - back, zone)) === target) return t - back;
      return t;
    }
    t -= diff;
  }
  // In a gap: scan forward from the last instant before it, minute by minute (at most 3 hours).
  let probe = target - 14 * 3600_000;
  while (utcOf(wallAt(probe + 3600_000, zone)) < target) probe += 3600_000;
  for (let k = 0; k < 240; k++, probe += 60_000)
    if (utcOf(wallAt(probe, zone)) >= target) return probe;
  return t;
}

/** Midnight starting a calendar day in `zone` (or the first instant of that day). */
export function midnightIn(zone: string, y: number, m: number, d: number): number {
  return instantOf(zone, y, m, d);
}

/** The calendar day of an instant in `zone`, as YYYY-MM-DD. */
export function dayIn(ms: number, zone: string): string {
  const w = wallAt(ms, zone);
  return ymdText(w.y, w.m, w.d);
}

export function ymdText(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
