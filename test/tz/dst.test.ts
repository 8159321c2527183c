/**
 * Time zones: the spreadsheet's zone differs from the script's, "today" is fixed half a
 * minute after midnight and half a minute before it, on the days clocks change and around New
 * Year, and dates run from 1900 to 2100. Dates the store reads and writes must round-trip to
 * exactly midnight in the spreadsheet's zone, and days since activity must count calendar days
 * there. Runs under every TZ of jest.all.config.cjs, so the machine's zone is a third one.
 */
import { bundleRun } from '../hardening/harness';
import { dayIn, instantOf, midnightIn, wallAt, ymdText } from '../hardening/zones';

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const dayNo = (v: Ymd): number => Date.UTC(v.y, v.m - 1, v.d) / 86_400_000;
const ymdOf = (n: number): Ymd => {
  const t = new Date(n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};
const plus = (v: Ymd, n: number): Ymd => ymdOf(dayNo(v) + n);

/** Spreadsheet zone, the script zone that differs from it, and the days its clocks change. */
const ZONES: readonly { sheet: string; script: string; changes: Ymd[] }[] = [
  {
    sheet: 'Pacific/Auckland',
    script: 'America/Los_Angeles',
    changes: [
      { y: 2026, m: 4, d: 5 },
      { y: 2026, m: 9, d: 27 },
    ],
  },
  {
    sheet: 'America/Los_Angeles',
    script: 'Pacific/Auckland',
    changes: [
      { y: 2026, m: 3, d: 8 },
      { y: 2026, m: 11, d: 1 },
    ],
  },
  {
    sheet: 'Europe/Berlin',
    script: 'Asia/Shanghai',
    changes: [
      { y: 2026, m: 3, d: 29 },
      { y: 2026, m: 10, d: 25 },
    ],
  },
  { sheet: 'Asia/Shanghai', script: 'Europe/Berlin', changes: [{ y: 2026, m: 12, d: 31 }] },
  { sheet: 'UTC', script: 'Pacific/Auckland', changes: [{ y: 2028, m: 2, d: 29 }] },
];

/** Half a minute after midnight and half a minute before the next one. */
const TIMES: readonly [number, number, number][] = [
  [0, 0, 30],
  [23, 59, 30],
];

/** Activity days, as offsets from today and as fixed dates back to 1900. */
function activityDays(today: Ymd): Ymd[] {
  const fixed: Ymd[] = [
    { y: 1900, m: 1, d: 1 },
    { y: 1900, m: 3, d: 1 },
    { y: 1901, m: 12, d: 31 },
    { y: 1927, m: 11, d: 6 },
    { y: 1941, m: 3, d: 16 },
    { y: 1970, m: 1, d: 1 },
    { y: 1986, m: 5, d: 4 },
    { y: 2000, m: 2, d: 29 },
  ];
  return [0, 1, 2, 3, 7, 30, 366]
    .map((k) => plus(today, -k))
    .concat(fixed.filter((f) => dayNo(f) <= dayNo(today)));
}

interface Case {
  sheet: string;
  script: string;
  today: Ymd;
  at: [number, number, number];
}

const cases: Case[] = [];
for (const z of ZONES)
  for (const change of z.changes)
    for (const offset of [-1, 0, 1])
      for (const at of TIMES)
        cases.push({ sheet: z.sheet, script: z.script, today: plus(change, offset), at });
cases.push({
  sheet: 'Pacific/Auckland',
  script: 'UTC',
  today: { y: 2100, m: 12, d: 31 },
  at: [23, 59, 30],
});
// Clocks jump from 00:00 to 01:00 on 2026-03-08 in Havana: that day's date cell holds 01:00.
cases.push({
  sheet: 'America/Havana',
  script: 'Europe/Berlin',
  today: { y: 2026, m: 3, d: 9 },
  at: [0, 0, 30],
});
cases.push({
  sheet: 'America/Los_Angeles',
  script: 'Asia/Shanghai',
  today: { y: 2100, m: 3, d: 1 },
  at: [0, 0, 30],
});

const iso = (ms: unknown): string => new Date((ms as Date).getTime()).toISOString();

describe.each(
  cases.map(
    (c) =>
      [
        `${ymdText(c.today.y, c.today.m, c.today.d)} ${c.at.join(':')} in ${c.sheet} (script ${c.script})`,
        c,
      ] as const,
  ),
)('today = %s', (_name, c) => {
  const now = instantOf(c.sheet, c.today.y, c.today.m, c.today.d, ...c.at);
  const days = activityDays(c.today);
  const run = bundleRun({
    nowMs: now,
    spreadsheetTimeZone: c.sheet,
    scriptTimeZone: c.script,
    activeUser: 'owner@example.com',
  });
  const ctl = run.control;
  const ids = days.map((_, i) => `T${i}`);
  ctl.setSheetValues('Settings', [
    ['setting', 'value'],
    ['allowed_recipient_domains', 'example.com'],
    ['history_retention_days', 3650],
  ]);
  ctl.setSheetValues('Accounts', [
    ['Account ID', 'Account Name', 'Owner Email', 'Next Action Date'],
    // T0's next action is today: not passed, so not stale for that reason.
    ...ids.map((id, i) => [
      id,
      `Co ${i}`,
      'li@example.com',
      i === 0 ? new Date(midnightIn(c.sheet, c.today.y, c.today.m, c.today.d)) : '',
    ]),
  ]);
  // Half the dates as date cells (midnight in the sheet's zone), half as typed text.
  ctl.setSheetValues('Transactions', [
    ['Date', 'Account ID', 'Amount'],
    ...days.map((d, i) => [
      i % 2 === 0 ? new Date(midnightIn(c.sheet, d.y, d.m, d.d)) : ymdText(d.y, d.m, d.d),
      ids[i],
      100,
    ]),
  ]);
  run.call('kamSetupWorkbook');
  run.call('kamRefreshScores');

  it('"today" is the calendar day in the spreadsheet zone, whatever the script and machine zones', () => {
    expect(dayIn(now, c.sheet)).toBe(ymdText(c.today.y, c.today.m, c.today.d));
    expect(ctl.alerts).toEqual([]);
    const summary = ctl.sheetValues('Summary');
    const snapshot = summary[0].indexOf('snapshot_date');
    for (const row of summary.slice(1))
      expect(iso(row[snapshot])).toBe(
        new Date(midnightIn(c.sheet, c.today.y, c.today.m, c.today.d)).toISOString(),
      );
  });

  it('activity dates are written back as exactly midnight of the same day in the spreadsheet zone', () => {
    const grid = ctl.sheetValues('Accounts');
    const h = grid[0] as string[];
    const summary = ctl.sheetValues('Summary');
    const sh = summary[0] as string[];
    days.forEach((d, i) => {
      const row = grid.find((r) => r[h.indexOf('Account ID')] === ids[i]) as unknown[];
      const expected = new Date(midnightIn(c.sheet, d.y, d.m, d.d)).toISOString();
      const last = row[h.indexOf('Last Activity')];
      expect([ymdText(d.y, d.m, d.d), iso(last)]).toEqual([ymdText(d.y, d.m, d.d), expected]);
      const srow = summary.find((r) => r[sh.indexOf('account_id')] === ids[i]) as unknown[];
      expect(iso(srow[sh.indexOf('last_order_date')])).toBe(expected);
    });
  });

  it('a written date is midnight, or the first instant of a day that has no midnight', () => {
    const grid = ctl.sheetValues('Accounts');
    const h = grid[0] as string[];
    for (const r of grid.slice(1)) {
      const w = wallAt((r[h.indexOf('Last Activity')] as Date).getTime(), c.sheet);
      expect(w.s + w.mi).toBe(0);
      if (w.h !== 0) expect(c.sheet).toBe('America/Havana');
    }
  });

  it('a data issue keeps the instant it was first detected through later refreshes (across the clock change)', () => {
    const later = bundleRun({
      nowMs: now,
      spreadsheetTimeZone: c.sheet,
      scriptTimeZone: c.script,
      activeUser: 'owner@example.com',
    });
    later.control.setSheetValues('Accounts', [
      ['Account ID', 'Account Name', 'Tier'],
      ['B1', 'Bad tier', 'Gold'],
    ]);
    later.call('kamSetupWorkbook');
    later.call('kamRefreshScores');
    const detected = (): number[] =>
      later.control
        .sheetValues('Data Issues')
        .slice(1)
        .map((r) => (r[6] as Date).getTime());
    expect(detected()).toContain(now);
    for (const hours of [3, 26]) {
      later.setNow(now + hours * 3_600_000);
      later.call('kamRefreshScores');
      expect(later.control.alerts).toEqual([]);
      expect(detected()).toContain(now);
    }
  });

  it('days since activity count calendar days in the spreadsheet zone (across the clock change)', () => {
    const grid = ctl.sheetValues('Accounts');
    const h = grid[0] as string[];
    days.forEach((d, i) => {
      const row = grid.find((r) => r[h.indexOf('Account ID')] === ids[i]) as unknown[];
      expect([ids[i], row[h.indexOf('Days Since Activity')]]).toEqual([
        ids[i],
        dayNo(c.today) - dayNo(d),
      ]);
    });
    // Stale exactly when the days exceed the class's threshold (14 / 30 / 60 by default).
    const threshold: Record<string, number> = { A: 14, B: 30, C: 60 };
    for (const r of grid.slice(1)) {
      const d = r[h.indexOf('Days Since Activity')] as number;
      expect([r[0], r[h.indexOf('Stale')]]).toEqual([
        r[0],
        d > threshold[r[h.indexOf('ABC Class')] as string],
      ]);
    }
  });
});
