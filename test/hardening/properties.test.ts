/**
 * Hardening, property-based (issue 8): whole adversarial workbooks — every column type valid and
 * invalid, Chinese and English headers in any order, the user's own columns, blank and
 * duplicate rows, huge and tiny numbers, dates from 1900 to 2100, HTML, script tags, formula
 * prefixes, emoji and right-to-left text — typed into the fake and run through the real
 * dist/Code.js: Set up workbook → Refresh scores → Send reminders, in random spreadsheet and
 * script time zones, with "today" fixed (at midnight, noon or just before midnight).
 *
 * KAM_PBT_RUNS sets the number of cases (default below, sized for CI; the order property runs
 * half as many); `npm run soak` runs 100,000. A failure prints its seed and path: set
 * KAM_PBT_SEED and KAM_PBT_PATH to replay it.
 */
import fc from 'fast-check';
import {
  ACCOUNT_SCRIPT_HEADERS,
  SCRIPT_SHEETS,
  ZONES,
  findSheet,
  plain,
  plainGrid,
  quickSnapshot,
  seeded,
  sheetNames,
  values,
  type Scenario,
} from './book';
import { shuffleRows, workbookArb, type Cell, type GeneratedWorkbook } from './generate';
import type { BundleRun } from './harness';

const RUNS = Math.max(1, Number(process.env.KAM_PBT_RUNS ?? 700));
const SEED = process.env.KAM_PBT_SEED === undefined ? undefined : Number(process.env.KAM_PBT_SEED);
/** Jest's per-test limit, sized for the run count (100,000 cases take about 80 minutes here). */
const TIMEOUT_MS = 60_000 + RUNS * 250;
/** A soak reports its first failure as found; shorter runs shrink it to a smaller workbook. */
const params = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  seed: SEED,
  path: process.env.KAM_PBT_PATH,
  endOnFailure: numRuns > 5000,
});

/** Cases run, for the soak report. */
const counted = { pipeline: 0, order: 0, mails: 0, invalidCells: 0 };

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    shift: fc.integer({ min: 1, max: ZONES.length - 1 }),
    at: fc.constantFrom<[number, number, number]>([0, 0, 30], [12, 0, 0], [23, 59, 30]),
  })
  .map(({ zone, shift, at }) => ({
    spreadsheetZone: zone,
    // The script's zone always differs from the spreadsheet's (appsscript.json vs File → Settings).
    scriptZone: ZONES[(ZONES.indexOf(zone) + shift) % ZONES.length],
    at,
  }));

const isBlank = (v: Cell | unknown): boolean =>
  v === null || v === '' || (typeof v === 'string' && v.trim() === '');

function pipeline(run: BundleRun): void {
  run.call('kamSetupWorkbook');
  run.call('kamRefreshScores');
  run.call('kamSendReminders');
}

function fail(what: string, detail: unknown): never {
  throw new Error(
    `${what}: ${JSON.stringify(detail, (_, v) => (typeof v === 'string' && v.length > 200 ? `${v.slice(0, 200)}…` : v))}`,
  );
}

/** Nothing threw inside a job either: the menu would show a problem as an alert. */
function noAlerts(run: BundleRun): void {
  if (run.control.alerts.length > 0)
    fail(
      'a job reported a problem',
      run.control.alerts.map((a) => a.prompt),
    );
}

/** Every cell a user typed is as it was (Settings rows may move down, never change). */
function userCellsKept(
  wb: GeneratedWorkbook,
  before: Map<string, unknown[][]>,
  run: BundleRun,
): void {
  for (const sheet of wb.sheets) {
    const was = before.get(sheet.name) as unknown[][];
    const now = plainGrid(run.control.sheetValues(sheet.name));
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
        // own columns there (SPEC §2), never over a column holding the user's data.
        if (was.every((row) => (row[c] ?? '') === '')) continue;
        const a = was[r][c] ?? '';
        const b = now[r]?.[c] ?? '';
        if (a !== b)
          fail(`user cell ${sheet.name}!R${r + 1}C${c + 1} changed`, { before: a, after: b });
      }
  }
}

/** Where a Settings row is now: Set up may have inserted rows above the rate table. */
function settingsRow(
  wb: GeneratedWorkbook,
  run: BundleRun,
  sheetName: string,
  row: number,
): number {
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  if (sheet?.key !== 'settings') return row;
  const key = JSON.stringify(plainGrid([sheet.rows[row - 1].map((v) => v ?? '')])[0]);
  const now = run.control.sheetValues(sheetName);
  for (let r = row - 1; r < now.length; r++)
    if (JSON.stringify(plainGrid([now[r].slice(0, sheet.rows[0].length)])[0]) === key) return r + 1;
  return fail(`Settings row ${row} is gone`, sheet.rows[row - 1]);
}

/** Each invalid cell is in data_issues exactly once, at its own place and with its own value. */
function invalidCellsReported(wb: GeneratedWorkbook, run: BundleRun): void {
  const issues = values(run.control, SCRIPT_SHEETS.data_issues).slice(1);
  const at = new Map<string, unknown[][]>();
  for (const i of issues) {
    const key = `${i[0]}\u0000${i[1]}\u0000${i[2]}`;
    at.set(key, [...(at.get(key) ?? []), i]);
  }
  const invalid = new Set<string>();
  for (const t of wb.truth.invalid) {
    const c = { ...t, row: settingsRow(wb, run, t.sheet, t.row) };
    const key = `${c.sheet}\u0000${c.row}\u0000${c.column}`;
    invalid.add(key);
    const found = at.get(key) ?? [];
    if (found.length !== 1)
      fail(`invalid cell ${c.sheet}!${c.row} "${c.column}" reported ${found.length} times`, {
        value: c.value,
        found,
      });
    const expected = isBlank(c.value) ? '' : String(c.value);
    if (found[0][3] !== expected)
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
  counted.invalidCells += wb.truth.invalid.length;
}

/** The script writes values, never formulas, anywhere. */
function noFormulas(run: BundleRun): void {
  for (const name of sheetNames(run.control)) {
    const formulas = run.control.sheetFormulas(name);
    for (let r = 0; r < formulas.length; r++)
      for (let c = 0; c < formulas[r].length; c++)
        if (formulas[r][c] !== '')
          fail(`a live formula in ${name}!R${r + 1}C${c + 1}`, formulas[r][c]);
  }
}

function allowedBy(email: string, allowed: readonly string[]): boolean {
  const e = email.trim().toLowerCase();
  const domain = e.slice(e.lastIndexOf('@') + 1);
  return allowed.some((a) =>
    a.includes('@') ? e === a : domain === a || domain.endsWith(`.${a}`),
  );
}

/** The tags the digest template uses; anything else in an HTML body came from a user value. */
const MAIL_TAGS = new Set([
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

function htmlIsOurs(html: string, where: string, tags: ReadonlySet<string>): void {
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

function rawMarkupAbsent(wb: GeneratedWorkbook, html: string, where: string): void {
  // Only values holding a whole tag: short fragments such as `</` occur in any HTML.
  for (const s of wb.truth.markup)
    if (/<[!/]?[a-zA-Z][^>]*>/.test(s) && html.includes(s))
      fail(`${where}: a user value is in the HTML unescaped`, s);
}

/** Mail goes only to allowed addresses, once per owner, with every user value escaped. */
function mailsSafe(wb: GeneratedWorkbook, run: BundleRun): void {
  const mails = run.control.sentMails;
  const to = new Set<string>();
  for (const m of mails) {
    for (const r of m.recipients)
      if (!allowedBy(r, wb.truth.allowed))
        fail('an email went outside the allowed domains', {
          recipient: r,
          allowed: wb.truth.allowed,
        });
    if (to.has(m.to)) fail('two digests to one owner', m.to);
    to.add(m.to);
    if (/[\r\n]/.test(m.subject) || /[\r\n]/.test(m.name ?? ''))
      fail('a line break in a mail header', { subject: m.subject, name: m.name });
    htmlIsOurs(m.htmlBody ?? '', `mail to ${m.to}`, MAIL_TAGS);
    rawMarkupAbsent(wb, m.htmlBody ?? '', `mail to ${m.to}`);
  }
  const log = values(run.control, SCRIPT_SHEETS.reminder_log).slice(1);
  const sent = log.filter((r) => r[7] === 'sent' || r[7] === '已发送').length;
  if (sent !== mails.length)
    fail('reminder_log does not match the mails sent', { sent, mails: mails.length });
  counted.mails += mails.length;
}

/** The preview dialog embeds each digest escaped in a sandboxed frame. */
function previewSafe(wb: GeneratedWorkbook, run: BundleRun): void {
  run.call('kamPreviewReminders');
  noAlerts(run);
  const dialog = run.control.dialogs.at(-1);
  if (!dialog) fail('no preview dialog', null);
  htmlIsOurs(
    dialog.content,
    'preview dialog',
    new Set(['!doctype', 'html', 'head', 'meta', 'title', 'body', 'section', 'h3', 'p', 'iframe']),
  );
  rawMarkupAbsent(wb, dialog.content, 'preview dialog');
  // Each frame's document is the digest: the same rules as for the mail.
  for (const m of dialog.content.matchAll(/srcdoc="([^"]*)"/g)) {
    const inner = m[1]
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    htmlIsOurs(inner, 'preview frame', MAIL_TAGS);
    rawMarkupAbsent(wb, inner, 'preview frame');
  }
  for (const s of run.control.sidebars) rawMarkupAbsent(wb, s.content, `sidebar ${s.title}`);
}

/** Text a user typed reaches the summary as that text: not a number, a date, a boolean or a formula. */
function summaryKeepsText(wb: GeneratedWorkbook, run: BundleRun): void {
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
  const summary = values(run.control, SCRIPT_SHEETS.summary);
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

function inputSnapshot(wb: GeneratedWorkbook, run: BundleRun): Map<string, unknown[][]> {
  return new Map(wb.sheets.map((s) => [s.name, plainGrid(run.control.sheetValues(s.name))]));
}

describe('hardening: generated workbooks through dist/Code.js', () => {
  afterAll(() => {
    console.log(
      `hardening properties: ${counted.pipeline} pipeline cases, ${counted.order} order cases, ` +
        `${counted.invalidCells} invalid cells checked, ${counted.mails} digests checked (KAM_PBT_RUNS=${RUNS})`,
    );
  });

  it(
    'set-up, refresh and reminders: nothing throws, no user cell changes, every invalid cell reported once, nothing unsafe reaches a mail, a dialog or the summary, and a second run changes nothing',
    () => {
      fc.assert(
        fc.property(workbookArb(), scenarioArb, (wb, s) => {
          const run = seeded(wb, s);
          const before = inputSnapshot(wb, run);
          pipeline(run);
          noAlerts(run);
          userCellsKept(wb, before, run);
          invalidCellsReported(wb, run);
          noFormulas(run);
          mailsSafe(wb, run);
          summaryKeepsText(wb, run);

          const snapshot = quickSnapshot(run.control);
          const mails = run.control.sentMails.length;
          pipeline(run);
          noAlerts(run);
          if (run.control.sentMails.length !== mails)
            fail(
              'the second run sent mail again',
              run.control.sentMails.slice(mails).map((m) => m.to),
            );
          const again = quickSnapshot(run.control);
          if (again !== snapshot) expect(JSON.parse(again)).toEqual(JSON.parse(snapshot));
          previewSafe(wb, run);
          counted.pipeline++;
        }),
        params(RUNS),
      );
    },
    TIMEOUT_MS,
  );

  it(
    'results do not depend on row order',
    () => {
      fc.assert(
        fc.property(
          workbookArb(),
          scenarioArb,
          fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
          (wb, s, keys) => {
            const a = seeded(wb, s);
            a.call('kamSetupWorkbook');
            a.call('kamRefreshScores');
            const b = seeded(shuffleRows(wb, keys).workbook, s);
            b.call('kamSetupWorkbook');
            b.call('kamRefreshScores');
            noAlerts(a);
            noAlerts(b);
            expect(scriptValuesById(wb, b)).toEqual(scriptValuesById(wb, a));
            expect(sortedBody(b, SCRIPT_SHEETS.summary)).toEqual(
              sortedBody(a, SCRIPT_SHEETS.summary),
            );
            expect(sortedBody(b, SCRIPT_SHEETS.monthly)).toEqual(
              sortedBody(a, SCRIPT_SHEETS.monthly),
            );
            expect(values(b.control, SCRIPT_SHEETS.data_issues).length).toBe(
              values(a.control, SCRIPT_SHEETS.data_issues).length,
            );
            counted.order++;
          },
        ),
        params(Math.max(1, Math.round(RUNS / 2))),
      );
    },
    TIMEOUT_MS,
  );
});

/** Per account ID, the script columns of Accounts (the row that makes the account). */
function scriptValuesById(wb: GeneratedWorkbook, run: BundleRun): Record<string, unknown[]> {
  const sheet = wb.sheets.find((s) => s.key === 'accounts');
  if (!sheet) return {};
  const grid = run.control.sheetValues(sheet.name);
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

function sortedBody(run: BundleRun, names: readonly string[]): string[] {
  if (findSheet(run.control, names) === null) return [];
  return values(run.control, names)
    .slice(1)
    .map((r) => JSON.stringify(r.map(plain)))
    .sort();
}
