/**
 * Hardening, property-based: whole adversarial workbooks — every column type valid and
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
  SCRIPT_SHEETS,
  ZONES,
  plainGrid,
  quickSnapshot,
  seeded,
  sheetNames,
  values,
  type Scenario,
} from './book';
import { shuffleRows, workbookArb, type GeneratedWorkbook } from './generate';
import type { BundleRun } from './harness';
import {
  allowedBy,
  fail,
  groupsAddUp,
  htmlIsOurs,
  invalidCellsReported,
  MAIL_TAGS,
  rawMarkupAbsent,
  runParams,
  scriptValuesById,
  sortedBody,
  summaryKeepsText,
  userCellsKept,
} from './checks';

// 120 keeps `npm test` under four minutes on 2 cores; `npm run soak` runs 100,000.
const RUNS = Math.max(1, Number(process.env.KAM_PBT_RUNS ?? 120));
/** Jest's per-test limit, sized for the run count (100,000 cases take about 80 minutes here). */
const TIMEOUT_MS = 60_000 + RUNS * 250;
const params = (numRuns: number): fc.Parameters<unknown> => runParams(numRuns, 5000);

/** Cases run, for the soak report. */
const counted = { pipeline: 0, order: 0, mails: 0, invalidCells: 0, sidebarReplies: 0 };

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

function pipeline(run: BundleRun): void {
  run.call('kamSetupWorkbook');
  run.call('kamRefreshScores');
  run.call('kamSendReminders');
}

/** Nothing threw inside a job either: the menu would show a problem as an alert. */
function noAlerts(run: BundleRun): void {
  if (run.control.alerts.length > 0)
    fail(
      'a job reported a problem',
      run.control.alerts.map((a) => a.prompt),
    );
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
}

/**
 * The sidebars and the action board: each opens without an alert, and every server reply they
 * render is ok and plain JSON (google.script.run carries nothing else). The views put values in
 * the page with textContent (test/ui checks that in Chromium), so user text must arrive as typed:
 * escaped here it would show as `&lt;b&gt;`.
 */
function sidebarsServe(wb: GeneratedWorkbook, run: BundleRun): void {
  for (const open of ['kamOpenAccount360', 'kamOpenActionBoard', 'kamOpenSettings']) run.call(open);
  noAlerts(run);
  for (const s of run.control.sidebars) rawMarkupAbsent(wb, s.content, `sidebar ${s.title}`);
  for (const d of run.control.dialogs) rawMarkupAbsent(wb, d.content, `dialog ${d.title}`);
  const replies = [
    ...wb.truth.accountIds.slice(0, 3).map((id) => run.call('kamSidebarData', id)),
    run.call('kamBoardData', {}),
    run.call('kamSettingsData'),
  ];
  for (const r of replies) {
    const reply = r as { ok: boolean; message: string };
    if (!reply.ok) fail('a sidebar reply failed', reply.message);
    const json = JSON.stringify(r);
    if (JSON.stringify(JSON.parse(json)) !== json) fail('a sidebar reply is not plain JSON', json);
    for (const s of wb.truth.markup) {
      if (!/<[!/]?[a-zA-Z][^>]*>/.test(s)) continue;
      const escaped = s.trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      if (json.includes(JSON.stringify(escaped).slice(1, -1)))
        fail('a sidebar reply carries user text HTML-escaped', s);
    }
  }
  counted.sidebarReplies += replies.length;
}

function inputSnapshot(wb: GeneratedWorkbook, run: BundleRun): Map<string, unknown[][]> {
  return new Map(wb.sheets.map((s) => [s.name, plainGrid(run.control.sheetValues(s.name))]));
}

describe('hardening: generated workbooks through dist/Code.js', () => {
  afterAll(() => {
    console.log(
      `hardening properties: ${counted.pipeline} pipeline cases, ${counted.order} order cases, ` +
        `${counted.invalidCells} invalid cells checked, ${counted.mails} digests checked, ${counted.sidebarReplies} sidebar replies checked (KAM_PBT_RUNS=${RUNS})`,
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
          userCellsKept(wb, before, (name: string) => plainGrid(run.control.sheetValues(name)));
          counted.invalidCells += invalidCellsReported(
            wb,
            values(run.control, SCRIPT_SHEETS.data_issues),
            (name) => run.control.sheetValues(name),
          );
          noFormulas(run);
          mailsSafe(wb, run);
          summaryKeepsText(wb, values(run.control, SCRIPT_SHEETS.summary));
          groupsAddUp(
            values(run.control, SCRIPT_SHEETS.summary),
            values(run.control, SCRIPT_SHEETS.groups),
          );

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
          sidebarsServe(wb, run);
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
            const accounts = (r: BundleRun): unknown[][] =>
              accountsName === undefined ? [] : r.control.sheetValues(accountsName);
            const accountsName = wb.sheets.find((sh) => sh.key === 'accounts')?.name;
            expect(scriptValuesById(wb, accounts(b))).toEqual(scriptValuesById(wb, accounts(a)));
            expect(sortedBody(values(b.control, SCRIPT_SHEETS.summary))).toEqual(
              sortedBody(values(a.control, SCRIPT_SHEETS.summary)),
            );
            for (const names of [
              SCRIPT_SHEETS.monthly,
              SCRIPT_SHEETS.groups,
              SCRIPT_SHEETS.products,
            ])
              expect(sortedBody(values(b.control, names))).toEqual(
                sortedBody(values(a.control, names)),
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
