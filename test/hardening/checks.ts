/**
 * Checks shared by the two halves of the hardening suite (the bundle on the fake, `kam` on
 * .xlsx files): what a failure looks like, the recipient allow-list, and the HTML rules for
 * anything a user value can reach.
 */
import type fc from 'fast-check';
import type { Cell, GeneratedWorkbook } from './generate';

/**
 * fast-check parameters of a hardening property: KAM_PBT_SEED and KAM_PBT_PATH replay a failure;
 * runs longer than `soakAbove` (a soak) report their first failure as found instead of shrinking
 * it, which would replay thousands of workbooks.
 */
export function runParams<T>(numRuns: number, soakAbove: number): fc.Parameters<T> {
  const seed = process.env.KAM_PBT_SEED;
  return {
    numRuns,
    seed: seed === undefined ? undefined : Number(seed),
    path: process.env.KAM_PBT_PATH,
    endOnFailure: numRuns > soakAbove,
  };
}

/** Names the script gives the sheets it writes, in either language. */
export const SCRIPT_SHEETS = {
  summary: ['Summary', '汇总', 'summary'],
  history: ['History', 'History_', '历史', 'history'],
  monthly: ['Monthly', '月度', 'monthly'],
  groups: ['Groups', '集团', 'groups'],
  products: ['Products', '产品', 'products'],
  data_issues: ['Data Issues', '数据问题', 'data_issues'],
  reminder_log: ['Reminder Log', '提醒记录', 'reminder_log'],
  change_log: ['Change Log', '修改记录', 'change_log'],
  dashboard: ['Dashboard', '仪表板', 'dashboard'],
} as const;

/** Headers of the script columns of Accounts, in either language. */
export const ACCOUNT_SCRIPT_HEADERS = new Set([
  'Last Activity',
  '最近活动日期',
  'Days Since Activity',
  '未跟进天数',
  'Revenue (12m)',
  '近12个月收入',
  'ABC Class',
  'ABC分类',
  'RFM Score',
  'RFM评分',
  'RFM Segment',
  'RFM分群',
  'Churn Risk',
  '流失风险',
  'Health Score',
  '健康度',
  'Credit Rating',
  '信用评级',
  'Stale',
  '是否停滞',
  'Updated At',
  '更新时间',
  'Updated By',
  '更新人',
]);

export const isBlank = (v: Cell | unknown): boolean =>
  v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');

export function fail(what: string, detail: unknown): never {
  throw new Error(
    `${what}: ${JSON.stringify(detail, (_, v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v))}`,
  );
}

export function allowedBy(email: string, allowed: readonly string[]): boolean {
  const e = email.trim().toLowerCase();
  const domain = e.slice(e.lastIndexOf('@') + 1);
  return allowed.some((a) =>
    a.includes('@') ? e === a : domain === a || domain.endsWith(`.${a}`),
  );
}

/** The tags the digest template uses; anything else in an HTML body came from a user value. */
export const MAIL_TAGS = new Set([
  '!doctype',
  'html',
  'head',
  'meta',
  'title',
  'body',
  'table',
  'tr',
  'td',
  'th',
  'p',
  'h2',
  'b',
  'br',
  'a',
  'span',
]);

export function htmlIsOurs(html: string, where: string, tags: ReadonlySet<string>): void {
  for (const m of html.matchAll(/<(\/?)([!a-zA-Z][\w-]*)([^>]*)>/g)) {
    const tag = m[2].toLowerCase();
    if (!tags.has(tag)) fail(`${where}: unexpected <${tag}> in HTML`, m[0]);
    // Quoted attribute values are text; what is left are attribute names.
    const names = m[3].replace(/"[^"]*"|'[^']*'/g, '""');
    if (/[\s"]on\w+\s*=/i.test(names)) fail(`${where}: event handler attribute in HTML`, m[0]);
    if (/href="\s*javascript:/i.test(m[3])) fail(`${where}: javascript: URL in HTML`, m[0]);
  }
  if (/<!--/.test(html))
    fail(`${where}: HTML comment from a user value`, html.slice(html.indexOf('<!--'), 80));
}

export function rawMarkupAbsent(wb: GeneratedWorkbook, html: string, where: string): void {
  // Only values holding a whole tag: short fragments such as `</` occur in any HTML.
  for (const s of wb.truth.markup)
    if (/<[!/]?[a-zA-Z][^>]*>/.test(s) && html.includes(s))
      fail(`${where}: a user value is in the HTML unescaped`, s);
}

/** A comparable form of a stored value (Dates of any realm as ISO text). */
export function plain(v: unknown): unknown {
  if (Object.prototype.toString.call(v) === '[object Date]')
    return `Date(${(v as Date).getTime()})`;
  return v;
}

export function plainGrid(grid: readonly (readonly unknown[])[]): unknown[][] {
  return grid.map((r) => r.map(plain));
}

/** Where a Settings row is now: Set up may have inserted rows above the rate table. */
function settingsRow(
  wb: GeneratedWorkbook,
  now: unknown[][],
  sheetName: string,
  row: number,
): number {
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (sheet?.key !== 'settings') return row;
  const key = JSON.stringify(plainGrid([sheet.rows[row - 1].map((v) => v ?? '')])[0]);
  for (let r = row - 1; r < now.length; r++)
    if (JSON.stringify(plainGrid([now[r].slice(0, sheet.rows[0].length)])[0]) === key) return r + 1;
  return fail(`Settings row ${row} is gone`, sheet.rows[row - 1]);
}

/** A value as data_issues shows it (an .xlsx file may hand back a number for number-like text). */
const shown = (v: unknown): unknown => (typeof v === 'number' ? String(v) : v);

/**
 * Each invalid cell is in data_issues (header row first) exactly once, at its own place and with
 * its own value; returns how many were checked. `sheetValues` reads a sheet as it is now.
 */
export function invalidCellsReported(
  wb: GeneratedWorkbook,
  dataIssues: readonly (readonly unknown[])[],
  sheetValues: (name: string) => unknown[][],
): number {
  const issues = dataIssues.slice(1);
  const at = new Map<string, (readonly unknown[])[]>();
  for (const i of issues) {
    const key = `${i[0]}\u0000${i[1]}\u0000${i[2]}`;
    at.set(key, [...(at.get(key) ?? []), i]);
  }
  const invalid = new Set<string>();
  const read = new Map<string, unknown[][]>();
  const settingsNow = (name: string): unknown[][] => {
    if (!read.has(name)) read.set(name, sheetValues(name));
    return read.get(name) as unknown[][];
  };
  for (const t of wb.truth.invalid) {
    const c = { ...t, row: settingsRow(wb, settingsNow(t.sheet), t.sheet, t.row) };
    const key = `${c.sheet}\u0000${c.row}\u0000${c.column}`;
    invalid.add(key);
    const found = at.get(key) ?? [];
    if (found.length !== 1)
      fail(`invalid cell ${c.sheet}!${c.row} "${c.column}" reported ${found.length} times`, {
        value: c.value,
        found,
      });
    const expected = isBlank(c.value) ? '' : String(c.value);
    if (shown(found[0][3]) !== expected)
      fail(`data_issues shows another value for ${c.sheet}!${c.row} "${c.column}"`, {
        expected,
        shown: found[0][3],
      });
  }
  // In columns no other rule reports on, an issue means a valid value was taken for invalid.
  for (const i of issues) {
    const key = `${i[0]}\u0000${i[1]}\u0000${i[2]}`;
    if (
      typeof i[1] === 'number' &&
      i[1] >= 2 &&
      wb.truth.quietColumns.has(`${i[0]}\u0000${i[2]}`) &&
      !invalid.has(key)
    )
      fail('a valid cell was reported', i);
  }
  return wb.truth.invalid.length;
}

/** Text a user typed reaches the summary as that text: not a number, a date, a boolean or a formula. */
export function summaryKeepsText(
  wb: GeneratedWorkbook,
  summary: readonly (readonly unknown[])[],
): void {
  const accounts = wb.sheets.find((s) => s.key === 'accounts');
  if (!accounts) return;
  const idAt = accounts.keys.indexOf('account_id');
  const nameAt = accounts.keys.indexOf('account_name');
  const nameOf = new Map<string, Cell>();
  for (const row of accounts.rows.slice(1)) {
    if (isBlank(row[idAt]) || isBlank(row[nameAt])) continue;
    const id = String(row[idAt]).trim();
    if (!nameOf.has(id)) nameOf.set(id, row[nameAt]);
  }
  const header = summary[0] as string[];
  const body = summary.slice(1);
  if (body.length !== wb.truth.accountIds.length)
    fail('summary rows ≠ accounts', { rows: body.length, accounts: wb.truth.accountIds });
  const idCol = header.indexOf('account_id');
  const nameCol = header.indexOf('account_name');
  for (const id of wb.truth.accountIds) {
    const rows = body.filter((r) => r[idCol] === id);
    if (rows.length !== 1)
      fail(
        `summary holds account ${id} ${rows.length} times`,
        body.map((r) => r[idCol]),
      );
    const name = String(nameOf.get(id)).trim();
    if (rows[0][nameCol] !== name)
      fail(`summary changed the name of ${id}`, { typed: name, summary: rows[0][nameCol] });
  }
}

/** Every cell a user typed is as it was (Settings rows may move down, never change). */
export function userCellsKept(
  wb: GeneratedWorkbook,
  before: ReadonlyMap<string, unknown[][]>,
  nowOf: (sheet: string) => unknown[][],
): void {
  for (const sheet of wb.sheets) {
    const was = before.get(sheet.name) as unknown[][];
    const now = nowOf(sheet.name);
    const width = sheet.rows[0].length;
    if (sheet.key === 'settings') {
      // Set up may insert rows above the rate table to add settings: the user's rows keep their order.
      let at = 0;
      for (const row of was) {
        if (row.every((v) => v === '')) continue;
        const key = JSON.stringify(row.slice(0, width));
        while (
          at < now.length &&
          JSON.stringify(Array.from({ length: width }, (_, c) => now[at][c] ?? '')) !== key
        )
          at++;
        if (at === now.length)
          fail(`a Settings row changed or moved out of order in ${sheet.name}`, row);
        at++;
      }
      continue;
    }
    for (let r = 0; r < was.length; r++)
      for (let c = 0; c < width; c++) {
        // A column with nothing in it, not even a header, is free: Set up may put one of its
        // own columns there (docs/workbook.md), never over a column holding the user's data.
        if (was.every((row) => (row[c] ?? '') === '')) continue;
        const a = was[r][c] ?? '';
        const b = now[r]?.[c] ?? '';
        if (a !== b)
          fail(`user cell ${sheet.name}!R${r + 1}C${c + 1} changed`, { before: a, after: b });
      }
  }
}

/** Per account ID, the script columns of Accounts (the row that makes the account). */
export function scriptValuesById(
  wb: GeneratedWorkbook,
  grid: readonly (readonly unknown[])[],
): Record<string, unknown[]> {
  const sheet = wb.sheets.find((s) => s.key === 'accounts');
  if (!sheet || grid.length === 0) return {};
  const header = grid[0] as string[];
  const idAt = sheet.keys.indexOf('account_id');
  const cols = header
    .map((h, i) => (ACCOUNT_SCRIPT_HEADERS.has(h) && !/^(Updated|更新)/.test(h) ? i : -1))
    .filter((i) => i >= 0);
  const out: Record<string, unknown[]> = {};
  for (const row of grid.slice(1)) {
    const vals = cols.map((c) => plain(row[c]));
    if (isBlank(row[idAt]) || vals.every((v) => v === '')) continue;
    const id = String(row[idAt]).trim();
    if (id in out) fail(`script columns written twice for ${id}`, { first: out[id], second: vals });
    out[id] = vals;
  }
  return out;
}

/** The body rows of a script sheet, in a stable order (for "results do not depend on row order"). */
export function sortedBody(grid: readonly (readonly unknown[])[]): string[] {
  return grid
    .slice(1)
    .map((r) => JSON.stringify(r.map(plain)))
    .sort();
}

/**
 * docs/rules.md "Groups", read back from the written sheets: each `groups` row's revenue is the
 * sum of the summary rows with its `group_id` (each rounded to cents, so within a cent per
 * member), its `members` is their count, and every `group_id` shared by two or more accounts has
 * a `groups` row.
 */
export function groupsAddUp(
  summary: readonly (readonly unknown[])[],
  groups: readonly (readonly unknown[])[],
): void {
  if (summary.length === 0) return;
  const s = summary[0].map(String);
  const g = groups.length > 0 ? groups[0].map(String) : [];
  const gid = s.indexOf('group_id');
  const rev = s.indexOf('revenue_12m');
  const byGroup = new Map<string, { n: number; sum: number }>();
  for (const r of summary.slice(1)) {
    const k = String(r[gid]);
    const e = byGroup.get(k) ?? { n: 0, sum: 0 };
    e.n++;
    e.sum += Number(r[rev]) || 0;
    byGroup.set(k, e);
  }
  const rows = groups.slice(1);
  const seen = new Set<string>();
  for (const r of rows) {
    const k = String(r[g.indexOf('group_id')]);
    seen.add(k);
    const e = byGroup.get(k);
    if (!e) fail('a groups row has no summary rows', k);
    if (Number(r[g.indexOf('members')]) !== e.n)
      fail('groups.members is not the number of its summary rows', [k, r, e.n]);
    const revenue = Number(r[g.indexOf('revenue_12m')]) || 0;
    if (Math.abs(revenue - e.sum) > 0.01 * e.n + 1e-9 * Math.abs(e.sum))
      fail('groups.revenue_12m is not the sum of its members', [k, revenue, e.sum]);
  }
  for (const [k, e] of byGroup)
    if (e.n > 1 && !seen.has(k)) fail('a group_id shared by several accounts has no groups row', k);
}
