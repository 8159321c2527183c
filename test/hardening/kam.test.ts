/**
 * Hardening, property-based, through `kam` on real .xlsx files: the same generated
 * workbooks as properties.test.ts — every column type valid and invalid, Chinese and English
 * headers in any order, the user's own columns, blank and duplicate rows, dates from 1900 to
 * 2100, HTML, script tags, formula prefixes, emoji and right-to-left text — written with
 * ExcelJS and run through the built CLI: `kam init` → `kam refresh` → `kam remind --outbox` →
 * `kam report`, with "today" fixed by `--today`.
 *
 * Properties: every command succeeds; no user cell changes (value, type or number format); every
 * invalid cell is in data_issues exactly once; no formula anywhere; the summary keeps text as
 * text; each .eml goes to one allowed owner, once, with one-line headers and every user value
 * escaped (the report too); reminder_log matches the files; the same commands again change
 * nothing and send nothing; the shuffled workbook gives the same results.
 *
 * Each case runs about eight commands on a file, so this half runs fewer cases than the fake's:
 * KAM_XLSX_RUNS sets the count (default below, sized for CI; `npm run soak` runs more). A
 * failure prints its seed and path: set KAM_PBT_SEED and KAM_PBT_PATH to replay it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { simpleParser, type AddressObject } from 'mailparser';
import {
  allowedBy,
  fail,
  htmlIsOurs,
  invalidCellsReported,
  MAIL_TAGS,
  rawMarkupAbsent,
  runParams,
  SCRIPT_SHEETS,
  scriptValuesById,
  sortedBody,
  summaryKeepsText,
  userCellsKept,
} from './checks';
import { shuffleRows, workbookArb, type GeneratedWorkbook, type Ymd } from './generate';
import { kam, outboxFiles, readXlsx, sheetOf, writeXlsx, type XlsxSheet } from './xlsx';

const RUNS = Math.max(1, Number(process.env.KAM_XLSX_RUNS ?? 12));
/** About 1 s a case here; shrinking through files is slow, so it is capped. */
const TIMEOUT_MS = 120_000 + RUNS * 4_000;

const counted = { cases: 0, commands: 0, invalidCells: 0, mails: 0, orderCases: 0 };

const iso = (d: Ymd): string =>
  `${d.y}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;

type Book = Map<string, XlsxSheet>;

async function ok(...args: string[]): Promise<string> {
  const r = await kam(...args);
  counted.commands++;
  if (r.code !== 0 || r.err !== '')
    fail(`kam ${args[0]} exited ${r.code}`, { stderr: r.err, stdout: r.out });
  return r.out;
}

const grid = (book: Book, names: readonly string[]): unknown[][] =>
  sheetOf(book, names)?.values ?? [];

/** Values and number formats of the user's own cells are as the file had them. */
function userCellsAndFormatsKept(wb: GeneratedWorkbook, before: Book, after: Book): void {
  userCellsKept(
    wb,
    new Map(wb.sheets.map((s) => [s.name, before.get(s.name)?.values ?? []])),
    (name) => after.get(name)?.values ?? [],
  );
  for (const sheet of wb.sheets) {
    if (sheet.key === 'settings') continue;
    const was = before.get(sheet.name) as XlsxSheet;
    const now = after.get(sheet.name) as XlsxSheet;
    for (let r = 1; r < was.formats.length; r++)
      for (let c = 0; c < sheet.rows[0].length; c++)
        if (was.values[r][c] !== '' && was.formats[r][c] !== (now.formats[r]?.[c] ?? ''))
          fail(`the number format of ${sheet.name}!R${r + 1}C${c + 1} changed`, {
            value: was.values[r][c],
            before: was.formats[r][c],
            after: now.formats[r]?.[c],
          });
  }
}

function noFormulas(book: Book): void {
  for (const [name, sheet] of book)
    if (sheet.formulas.length > 0) fail(`a formula in ${name}`, sheet.formulas);
}

const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

function addresses(a: AddressObject | AddressObject[] | undefined): string[] {
  const list = a === undefined ? [] : Array.isArray(a) ? a : [a];
  return list.flatMap((x) => x.value.map((v) => v.address ?? ''));
}

/** Each .eml: one owner, allowed, once; one-line headers; only our tags; user values escaped. */
async function mailsSafe(wb: GeneratedWorkbook, outbox: string, book: Book): Promise<number> {
  const files = outboxFiles(outbox);
  const owners = new Set<string>();
  for (const file of files) {
    const mail = await simpleParser(readFileSync(join(outbox, file)));
    const to = addresses(mail.to);
    if (to.length !== 1) fail(`${file}: not one recipient`, to);
    for (const r of [...to, ...addresses(mail.cc)])
      if (!allowedBy(r, wb.truth.allowed))
        fail('an email went outside the allowed domains', {
          file,
          recipient: r,
          allowed: wb.truth.allowed,
        });
    const owner = to[0].toLowerCase();
    if (owners.has(owner)) fail('two digests to one owner', owner);
    owners.add(owner);
    const name = mail.from?.value[0]?.name ?? '';
    if (/[\r\n]/.test(mail.subject ?? '') || /[\r\n]/.test(name))
      fail(`${file}: a line break in a mail header`, { subject: mail.subject, name });
    if (BIDI_CONTROL.test(name)) fail(`${file}: a bidi control in the sender name`, name);
    const html = typeof mail.html === 'string' ? mail.html : '';
    if (html === '') fail(`${file}: no HTML part`, null);
    htmlIsOurs(html, file, MAIL_TAGS);
    rawMarkupAbsent(wb, html, file);
  }
  const log = grid(book, SCRIPT_SHEETS.reminder_log).slice(1);
  const sent = log.filter((r) => r[7] === 'sent' || r[7] === '已发送').length;
  if (sent !== files.length)
    fail('reminder_log does not match the .eml files', { sent, files: files.length });
  return files.length;
}

/** The report is a static page: no script, no handler, no user markup as markup. */
function reportSafe(wb: GeneratedWorkbook, html: string): void {
  if (/<script/i.test(html)) fail('a script element in the report', html.match(/<script[^>]*>/i));
  for (const m of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const names = m[0].replace(/"[^"]*"|'[^']*'/g, '""');
    if (/[\s"]on\w+\s*=/i.test(names)) fail('an event handler attribute in the report', m[0]);
    if (/=\s*"\s*javascript:/i.test(m[0])) fail('a javascript: URL in the report', m[0]);
  }
  rawMarkupAbsent(wb, html, 'report');
}

/** What a person could see in the file, for "the same commands again change nothing". */
const snapshot = (book: Book): string => JSON.stringify([...book]);

describe('hardening: generated workbooks through kam on .xlsx files', () => {
  const dirs: string[] = [];
  const LANG = process.env.LANG;
  beforeAll(() => {
    process.env.LANG = 'en_US.UTF-8';
  });
  afterAll(() => {
    process.env.LANG = LANG;
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    console.log(
      `hardening kam: ${counted.cases} cases, ${counted.orderCases} order cases, ${counted.commands} kam commands, ` +
        `${counted.invalidCells} invalid cells checked, ${counted.mails} .eml digests checked (KAM_XLSX_RUNS=${RUNS})`,
    );
  });

  it(
    'init, refresh, remind and report: every command succeeds, no user cell changes, every invalid cell reported once, nothing unsafe in a mail or the report, a second run changes nothing, row order does not matter',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          workbookArb({ maxRows: 10 }),
          fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
          async (wb, keys) => {
            const dir = mkdtempSync(join(tmpdir(), 'kam-hardening-'));
            dirs.push(dir);
            const path = join(dir, 'book.xlsx');
            const outbox = join(dir, 'outbox');
            const report = join(dir, 'report.html');
            const today = iso(wb.today);
            await writeXlsx(wb, path);
            const before = await readXlsx(path);

            await ok('init', path);
            await ok('refresh', path, '--today', today);
            await ok('remind', path, '--today', today, '--outbox', outbox);
            await ok('report', path, '--today', today, '--out', report);
            const after = await readXlsx(path);
            userCellsAndFormatsKept(wb, before, after);
            counted.invalidCells += invalidCellsReported(
              wb,
              grid(after, SCRIPT_SHEETS.data_issues),
              (name) => after.get(name)?.values ?? [],
            );
            noFormulas(after);
            summaryKeepsText(wb, grid(after, SCRIPT_SHEETS.summary));
            counted.mails += await mailsSafe(wb, outbox, after);
            reportSafe(wb, readFileSync(report, 'utf8'));

            const mails = outboxFiles(outbox);
            await ok('init', path);
            await ok('refresh', path, '--today', today);
            await ok('remind', path, '--today', today, '--outbox', outbox);
            const again = await readXlsx(path);
            if (outboxFiles(outbox).length !== mails.length)
              fail('the second run wrote mail again', outboxFiles(outbox));
            if (snapshot(again) !== snapshot(after))
              expect(Object.fromEntries(again)).toEqual(Object.fromEntries(after));

            // The same rows in another order give the same results.
            const shuffled = shuffleRows(wb, keys).workbook;
            const path2 = join(dir, 'shuffled.xlsx');
            await writeXlsx(shuffled, path2);
            await ok('init', path2);
            await ok('refresh', path2, '--today', today);
            const other = await readXlsx(path2);
            const accounts = wb.sheets.find((s) => s.key === 'accounts')?.name ?? '';
            expect(scriptValuesById(wb, other.get(accounts)?.values ?? [])).toEqual(
              scriptValuesById(wb, after.get(accounts)?.values ?? []),
            );
            for (const names of [SCRIPT_SHEETS.summary, SCRIPT_SHEETS.monthly])
              expect(sortedBody(grid(other, names))).toEqual(sortedBody(grid(after, names)));
            expect(grid(other, SCRIPT_SHEETS.data_issues).length).toBe(
              grid(after, SCRIPT_SHEETS.data_issues).length,
            );
            counted.orderCases++;
            rmSync(dir, { recursive: true, force: true });
            counted.cases++;
          },
        ),
        // Shrinking replays whole files many times: past 200 cases the first failure is reported as found.
        runParams(RUNS, 200),
      );
    },
    TIMEOUT_MS,
  );
});
