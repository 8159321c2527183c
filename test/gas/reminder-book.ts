/**
 * A small, realistic workbook for the reminder tests: `Set up workbook` creates every
 * sheet, then people's data is typed into it. "Today" is a parameter so the bundle test (whose
 * vm has its own, real clock) can use the same book.
 *
 * Owners and what each has on `today` (stale_days A/B/C = 14/30/60, warning 3, due soon 7):
 * - li@example.com    L1 (A, 53 days: stale, ≥ 2×14 so escalated), L2 (A, 22 days: stale),
 *                     an overdue action on L1                           → priority 2
 * - wang@example.com  W1 (A, 18 days: stale), a contact's birthday in 2 days → priority 1
 * - chen@example.com  owns no listed account; an action on S1 names them, due in 3 days
 * - zhao@example.com  Z1 (B, 28 days: due soon), a passed plan review on Z2
 * - sun@example.com   S1 (C, 3 days): nothing to report → no email
 * Send order (most stale A accounts first, then email): li, wang, chen, zhao.
 */
import type { GasControl } from '../fakes/index';

export const OWNERS_IN_ORDER = [
  'li@example.com',
  'wang@example.com',
  'chen@example.com',
  'zhao@example.com',
];
export const QUIET_OWNER = 'sun@example.com';

/** A calendar day as y/m/d, moved by whole days. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function addDays(day: Ymd, n: number): Ymd {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d) + n * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function iso(day: Ymd): string {
  return `${day.y}-${String(day.m).padStart(2, '0')}-${String(day.d).padStart(2, '0')}`;
}

/** Midnight of that day in Asia/Shanghai: what a date cell of the fake's default zone holds. */
export function cellDate(day: Ymd): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d) - 8 * 3_600_000);
}

/** Noon in Shanghai on that day: the instant a run happens. */
export function noonOf(day: Ymd): Date {
  return new Date(Date.UTC(day.y, day.m - 1, day.d, 4));
}

/** Today in Asia/Shanghai for a real instant. */
export function shanghaiToday(now: Date): Ymd {
  const t = new Date(now.getTime() + 8 * 3_600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

type Row = Record<string, unknown>;

/** Writes `rows` under the header `Set up workbook` created, each value under its English header. */
export function fill(control: GasControl, sheet: string, rows: readonly Row[]): void {
  const header = control.sheetValues(sheet)[0] as string[];
  for (const r of rows)
    for (const k of Object.keys(r))
      if (!header.includes(k)) throw new Error(`${sheet} has no header ${k}`);
  control.setSheetValues(sheet, [header, ...rows.map((r) => header.map((h) => r[h] ?? ''))]);
}

/** Changes setting values in the Settings sheet `Set up workbook` wrote (key/value table). */
export function setSettings(control: GasControl, values: Record<string, unknown>): void {
  const grid = control.sheetValues('Settings').map((r) => r.slice());
  for (const [key, value] of Object.entries(values)) {
    const row = grid.find((r) => r[0] === key);
    if (!row) throw new Error(`Settings has no ${key}`);
    row[1] = value;
  }
  control.setSheetValues('Settings', grid);
}

export interface BookOptions {
  /** Overrides of account fields by ID (e.g. a name full of HTML, another owner). */
  accounts?: Record<string, Row>;
  /** Extra accounts (rows after the standard ones). */
  extraAccounts?: Row[];
  settings?: Record<string, unknown>;
}

/** Seeds the book into a workbook that `handleSetup()` / `kamSetupWorkbook` already set up. */
export function seedReminderBook(control: GasControl, today: Ymd, options: BookOptions = {}): void {
  const at = (n: number) => cellDate(addDays(today, n));
  const accounts: Row[] = [
    {
      'Account ID': 'L1',
      'Account Name': 'Lotus Trading',
      'Owner Email': 'li@example.com',
      Tier: 'Strategic',
      Status: 'Active',
      Notes: 'Top customer',
    },
    {
      'Account ID': 'L2',
      'Account Name': 'Longwei Logistics',
      'Owner Email': 'li@example.com',
      Tier: 'Key',
      Status: 'Active',
    },
    {
      'Account ID': 'W1',
      'Account Name': 'West Lake Foods',
      'Owner Email': 'wang@example.com',
      Tier: 'Key',
      Status: 'Active',
    },
    {
      'Account ID': 'Z1',
      'Account Name': 'Zenith Parts',
      'Owner Email': 'zhao@example.com',
      Tier: 'Standard',
      Status: 'Active',
    },
    {
      'Account ID': 'Z2',
      'Account Name': 'Zhong Hua Retail',
      'Owner Email': 'zhao@example.com',
      Tier: 'Standard',
      Status: 'Active',
    },
    {
      'Account ID': 'S1',
      'Account Name': 'Sunrise Tools',
      'Owner Email': 'sun@example.com',
      Tier: 'Potential',
      Status: 'Active',
    },
    ...(options.extraAccounts ?? []),
  ].map((a) => ({ ...a, ...(options.accounts?.[a['Account ID'] as string] ?? {}) }));
  fill(control, 'Accounts', accounts);
  // Revenue shares before each account: L1 0, L2 .4, W1 .7 → A; Z1 .9 → B; Z2 .95, S1 .98 → C.
  fill(control, 'Transactions', [
    { Date: at(-53), 'Account ID': 'L1', Amount: 4000 },
    { Date: at(-22), 'Account ID': 'L2', Amount: 3000 },
    { Date: at(-18), 'Account ID': 'W1', Amount: 2000 },
    { Date: at(-28), 'Account ID': 'Z1', Amount: 500 },
    { Date: at(-3), 'Account ID': 'Z2', Amount: 300 },
    { Date: at(-3), 'Account ID': 'S1', Amount: 200 },
  ]);
  fill(control, 'Interactions', [
    {
      Date: at(-3),
      'Account ID': 'S1',
      Type: 'Call',
      'Recorded By': 'sun@example.com',
      Summary: 'All good',
    },
  ]);
  const birthday = addDays(today, 2);
  // Two contacts on every A account, so none is single-threaded (risk tests add their own flags).
  fill(control, 'Contacts', [
    {
      'Account ID': 'W1',
      Name: 'Wei Zhang',
      Birthday: cellDate({ y: 1980, m: birthday.m, d: birthday.d }),
    },
    {
      'Account ID': 'S1',
      Name: 'Sam Sun',
      Birthday: cellDate({ y: 1985, m: addDays(today, 40).m, d: addDays(today, 40).d }),
    },
    { 'Account ID': 'L1', Name: 'Lin Li' },
    { 'Account ID': 'L1', Name: 'Lu Li' },
    { 'Account ID': 'L2', Name: 'Long Wei' },
    { 'Account ID': 'L2', Name: 'Luo Wei' },
    { 'Account ID': 'W1', Name: 'Wen Wang' },
  ]);
  fill(control, 'Action Plan', [
    {
      Task: 'Send the renewal quote',
      'Account ID': 'L1',
      'Due Date': at(-13),
      Status: 'In progress',
    },
    {
      Task: 'Demo the new line',
      'Account ID': 'S1',
      'Owner Email': 'chen@example.com',
      'Due Date': at(3),
      Status: 'Not started',
    },
    {
      Task: 'Old visit',
      'Account ID': 'W1',
      'Due Date': at(-30),
      Status: 'Done',
      'Completed Date': at(-30),
    },
  ]);
  fill(control, 'Account Plans', [
    { 'Account ID': 'Z2', Period: String(today.y), Goals: 'Grow 10%', 'Next Review Date': at(-3) },
    { 'Account ID': 'S1', Period: String(today.y), 'Next Review Date': at(60) },
  ]);
  setSettings(control, { allowed_recipient_domains: 'example.com', ...(options.settings ?? {}) });
}

/** `reminder_log` as objects (header keys in English). */
export interface LogRow {
  sentAt: unknown;
  runDate: unknown;
  owner: string;
  stale: unknown;
  overdue: unknown;
  dueSoon: unknown;
  care: unknown;
  status: string;
  detail: string;
  digest: string;
  riskItems: string;
}

export function logRows(control: GasControl, sheet = 'Reminder Log'): LogRow[] {
  const [header, ...rows] = control.sheetValues(sheet);
  expectHeader(header as string[]);
  return rows.map((r) => ({
    sentAt: r[0],
    runDate: r[1],
    owner: String(r[2]),
    stale: r[3],
    overdue: r[4],
    dueSoon: r[5],
    care: r[6],
    status: String(r[7]),
    detail: String(r[8]),
    digest: String(r[9]),
    riskItems: String(r[10]),
  }));
}

function expectHeader(header: string[]): void {
  const want = [
    'Sent At',
    'Run Date',
    'Owner Email',
    'Stale Accounts',
    'Overdue Actions',
    'Actions Due Soon',
    'Care Items',
    'Status',
    'Detail',
    'Digest',
    'Risk Items',
  ];
  if (header.join('|') !== want.join('|'))
    throw new Error(`unexpected Reminder Log header: ${header.join('|')}`);
}
