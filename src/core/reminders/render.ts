import { formatDay, type Day } from '../calendar/day';
import { pick, type Locale } from '../i18n/locale';
import { columnDef, sheetDef } from '../schema/sheets';
import type { SheetKey } from '../schema/types';
import { utf8Bytes } from '../text/bytes';
import { escapeHtml, safeHttpUrl } from '../text/escape';
import { isolateBidi, singleLine, stripBidiControls } from '../text/plain';
import { catalogue } from '../i18n/catalogue';
import type { DigestSectionKind, EmailTexts } from '../i18n/catalogue/email';
import type { Digest, StaleAccountItem } from './plan';
import type { RiskReason } from './risk';
import { formatMoney } from '../text/money';
import { CHURN_RISKS, OPPORTUNITY_STAGES, RISK_FLAGS, optionLabel } from '../schema/enums';

/**
 * Turns a digest into an email: a subject, a plain-text part and an HTML part, in the workbook
 * language.
 *
 * The HTML is written for mail clients, not browsers: a complete document, nested tables for
 * layout, inline styles only (Gmail drops <style> blocks and classes; Outlook for Windows renders
 * with Word, so widths are also given as attributes), at most 640px wide, no images, fonts or
 * scripts. Every user value is escaped (& < > " '); text such as `=HYPERLINK(…)` is shown
 * literally — it is an email, so nothing evaluates it. Only http(s) links become links.
 * In the plain text, user values are kept on one line and right-to-left values are isolated so
 * they cannot reorder the separators around them.
 *
 * A digest has a size budget: an owner with hundreds of stale accounts would otherwise get a
 * message over Apps Script's mail body limit (200 KB per message on consumer accounts), which
 * fails every time, and Gmail hides everything after about 102 KB of HTML behind "[Message
 * clipped]". A long section lists its first items (they are sorted most important first) and
 * ends with a note saying how many more there are and which sheet holds them; every section with
 * items keeps its heading, its full count and at least its first items when they fit.
 */
export interface RenderOptions {
  readonly locale: Locale;
  readonly today: Day;
  readonly senderName: string;
  readonly spreadsheetName: string;
  readonly spreadsheetUrl: string;
  /** Defaults to DIGEST_LIMITS; tests pass smaller ones. */
  readonly limits?: DigestLimits;
}

/** Upper bounds, in UTF-8 bytes, of each part of one digest. */
export interface DigestLimits {
  readonly htmlBytes: number;
  readonly textBytes: number;
}

/**
 * HTML well under Gmail's clipping point (~102 KB), and both parts together (120 KB) well under
 * the 200 KB mail body limit of consumer accounts, leaving room for headers and encoding.
 */
export const DIGEST_LIMITS: DigestLimits = { htmlBytes: 80_000, textBytes: 40_000 };

/** Items every long section keeps before any section gets more, so none is crowded out. */
const FIRST_ROWS_PER_SECTION = 10;

export interface RenderedDigest {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /**
   * How many items of the at-risk section the email lists (a long digest lists the first ones):
   * the remind job records exactly those in `reminder_log`, so a flag left out is listed again.
   */
  readonly risksShown: number;
}

/** How values become output in one of the two parts. */
export interface Out {
  /** A value a user typed. */
  user(value: string): string;
  /** A message template; string arguments are already output of this `Out`. */
  msg<A extends unknown[]>(fn: (...args: A) => string, ...args: A): string;
  /** A highlighted fragment (already output). */
  strong(fragment: string): string;
}

const TEXT_OUT: Out = {
  user: (v) => isolateBidi(singleLine(v)),
  msg: (fn, ...args) => fn(...args),
  strong: (f) => f,
};

// Placeholders that cannot occur in a template (control characters never appear in messages).
const MARK = '\u0000';
// eslint-disable-next-line no-control-regex
const MARKED = /\u0000(\d+)\u0000/g;
const HTML_OUT: Out = {
  user: (v) => `<span dir="auto">${escapeHtml(stripBidiControls(singleLine(v)))}</span>`,
  msg<A extends unknown[]>(fn: (...args: A) => string, ...args: A): string {
    // Empty strings stay empty so templates can still test for them.
    const marked = args.map((a, i) =>
      typeof a === 'string' && a !== '' ? `${MARK}${i}${MARK}` : a,
    ) as A;
    return escapeHtml(fn(...marked)).replace(MARKED, (_, i: string) => args[Number(i)] as string);
  },
  strong: (f) => `<b style="color:#b42318;">${f}</b>`,
};

export interface Row {
  readonly accountId: string;
  readonly accountName: string;
  /** Parts of the detail, each already output. */
  readonly detail: readonly string[];
  readonly link: string | null;
}

export interface Section {
  readonly kind: DigestSectionKind;
  readonly title: string;
  readonly rows: readonly Row[];
  /** The first column's header; default "Account". */
  readonly firstColumn?: string;
}

/**
 * What one email says around its items, built once per output (plain text, HTML): the intro
 * line, the sections, and the footer's paragraphs (the spreadsheet link and "sent by" follow).
 */
export interface Page {
  readonly intro: string;
  readonly sections: readonly Section[];
  readonly footer: readonly string[];
}

/** Where the items of each section live, and the column that holds the owner's address. */
const SECTION_SHEETS: Readonly<
  Record<DigestSectionKind, { sheet: SheetKey; ownerColumn: string | null }>
> = {
  stale: { sheet: 'accounts', ownerColumn: 'owner_email' },
  // An action without its own owner reaches the account's owner, so no one filter finds them all.
  actions: { sheet: 'actions', ownerColumn: null },
  care: { sheet: 'contacts', ownerColumn: null },
  reviews: { sheet: 'plans', ownerColumn: null },
  risks: { sheet: 'accounts', ownerColumn: 'owner_email' },
  owners: { sheet: 'accounts', ownerColumn: null },
  top_risks: { sheet: 'summary', ownerColumn: null },
  raised: { sheet: 'summary', ownerColumn: null },
  // An opportunity without an owner of its own goes to the account's owner: no one column.
  opportunities: { sheet: 'opportunities', ownerColumn: null },
  pipeline: { sheet: 'pipeline', ownerColumn: null },
  forecast: { sheet: 'pipeline', ownerColumn: null },
};

/** How many rows of each section (in `sections()` order) the email lists. */
type Shown = readonly number[];

function staleDetail(item: StaleAccountItem, m: EmailTexts, out: Out): string[] {
  const reasons: string[] = [];
  const days = item.daysSinceActivity;
  for (const reason of item.reasons) {
    switch (reason) {
      case 'no_activity':
        reasons.push(out.msg(() => m.noActivity));
        break;
      case 'over_threshold':
        reasons.push(out.msg(m.overThreshold, days ?? 0, item.threshold));
        break;
      case 'next_action_passed':
        reasons.push(
          out.msg(
            m.nextActionPassed,
            item.nextActionDate === null ? null : formatDay(item.nextActionDate),
          ),
        );
        break;
      case 'due_soon':
        reasons.push(out.msg(m.dueSoon, days ?? 0, item.threshold));
        break;
    }
  }
  if (item.escalate) reasons.push(out.strong(out.msg(() => m.escalate)));
  if (item.recycle) reasons.push(out.strong(out.msg(() => m.recycle)));
  // The separators of joinReasons are plain punctuation, safe in both parts.
  return [out.msg(m.abcClass, item.abcClass), m.joinReasons(reasons)];
}

/** One flag in words, e.g. "Revenue drop: revenue 12m ¥310,000, down 42 % from ¥534,000". */
export function riskReasonText(r: RiskReason, m: EmailTexts, locale: Locale): string {
  const label = optionLabel(RISK_FLAGS, r.code, locale);
  let reason: string;
  switch (r.code) {
    case 'churn':
      reason = m.riskChurn(optionLabel(CHURN_RISKS, r.churnRisk, locale), r.daysSinceOrder);
      break;
    case 'revenue_drop':
      reason = m.riskRevenueDrop(
        formatMoney(r.revenue12m, r.currency),
        formatMoney(r.revenuePrev12m, r.currency),
        r.dropPct,
      );
      break;
    case 'credit':
      reason = m.riskCredit(r.rating);
      break;
    case 'complaint':
      reason = m.riskComplaint(formatDay(r.since), r.daysOpen, r.slaDays);
      break;
    case 'plan_behind':
      reason = m.riskPlanBehind(
        r.period,
        formatMoney(r.periodRevenue, r.currency),
        formatMoney(r.target, r.currency),
        r.target > 0 ? Math.floor((r.periodRevenue / r.target) * 100) : 0,
        formatMoney(r.expected, r.currency),
      );
      break;
    case 'single_threaded':
      reason = m.riskSingleThreaded(r.contacts);
      break;
  }
  return m.flagged(label, reason);
}

function userOrEmpty(out: Out, value: string): string {
  return singleLine(value) === '' ? '' : out.user(value);
}

function sections(digest: Digest, m: EmailTexts, out: Out, locale: Locale): Section[] {
  const all: Section[] = [
    {
      kind: 'stale',
      title: m.staleHeading,
      rows: digest.staleAccounts.map((s) => ({
        accountId: s.accountId,
        accountName: s.accountName,
        detail: staleDetail(s, m, out),
        link: safeHttpUrl(s.link),
      })),
    },
    {
      kind: 'actions',
      title: m.actionsHeading,
      rows: digest.actions.map((a) => ({
        accountId: a.accountId,
        accountName: a.accountName,
        detail: [out.user(a.task), out.msg(m.actionDue, formatDay(a.dueDate), a.daysLeft)],
        link: safeHttpUrl(a.link),
      })),
    },
    {
      kind: 'care',
      title: m.careHeading,
      rows: digest.care.map((c) => ({
        accountId: c.accountId,
        accountName: c.accountName,
        detail: [out.msg(m.birthday, out.user(c.contactName), formatDay(c.date), c.daysUntil)],
        link: safeHttpUrl(c.link),
      })),
    },
    {
      kind: 'reviews',
      title: m.reviewsHeading,
      rows: digest.reviews.map((r) => ({
        accountId: r.accountId,
        accountName: r.accountName,
        detail: [out.msg(m.review, userOrEmpty(out, r.period), formatDay(r.date), r.daysUntil)],
        link: safeHttpUrl(r.link),
      })),
    },
    {
      kind: 'risks',
      title: m.risksHeading,
      rows: digest.risks.map((r) => ({
        accountId: r.accountId,
        accountName: r.accountName,
        // Reasons are built from codes, numbers and dates only: no user text to escape.
        detail: [
          out.msg(m.abcClass, r.abcClass),
          m.joinReasons(r.reasons.map((x) => out.msg(() => riskReasonText(x, m, locale)))),
        ],
        link: safeHttpUrl(r.link),
      })),
    },
    {
      kind: 'opportunities',
      title: m.opportunitiesHeading,
      rows: digest.opportunities.map((o) => ({
        accountId: o.accountId,
        accountName: o.accountName,
        detail: [
          userOrEmpty(out, o.name === '' ? o.id : o.name),
          out.msg(
            m.opportunity,
            optionLabel(OPPORTUNITY_STAGES, o.stage ?? 'lead', locale),
            formatMoney(o.amountHome, o.currency),
            o.stalledDays,
            o.rotDays,
            o.overdueClose === null ? null : formatDay(o.overdueClose),
          ),
        ],
        link: safeHttpUrl(o.link),
      })),
    },
  ];
  return all.filter((s) => s.rows.length > 0);
}

export function renderSubject(digest: Digest, locale: Locale, today: Day): string {
  const m = catalogue(locale).email;
  return m.subject(
    {
      stale: digest.counts.staleAccounts,
      dueSoon: digest.counts.dueSoonAccounts,
      actions: digest.actions.length,
      birthdays: digest.care.length,
      reviews: digest.reviews.length,
      risks: digest.risks.length,
      opportunities: digest.opportunities.length,
    },
    formatDay(today),
  );
}

function ownerFooter(digest: Digest, opts: RenderOptions, m: EmailTexts, out: Out): string[] {
  const accounts = sheetDef('accounts');
  const paused = columnDef('accounts', 'reminders_paused_until');
  const lines = [
    out.msg(m.whyReceived, out.user(opts.spreadsheetName)),
    out.msg(m.howToPause, pick(accounts, opts.locale), pick(paused, opts.locale), paused.key),
  ];
  if (digest.escalationCc !== null)
    lines.push(out.msg(m.escalationNote, out.user(digest.escalationCc)));
  return lines;
}

function ownerPage(digest: Digest, opts: RenderOptions, out: Out): Page {
  const m = catalogue(opts.locale).email;
  return {
    intro: out.msg(m.intro, formatDay(opts.today), out.user(opts.spreadsheetName)),
    sections: sections(digest, m, out, opts.locale),
    footer: ownerFooter(digest, opts, m, out),
  };
}

export function renderDigest(digest: Digest, opts: RenderOptions): RenderedDigest {
  const subject = renderSubject(digest, opts.locale, opts.today);
  const r = renderPage(subject, (out) => ownerPage(digest, opts, out), opts);
  const risksAt = r.kinds.indexOf('risks');
  return {
    subject,
    text: r.text,
    html: r.html,
    risksShown: risksAt < 0 ? 0 : r.shown[risksAt],
  };
}

/** An email rendered within the size budget, and how many items of each section it lists. */
export interface RenderedPage {
  readonly text: string;
  readonly html: string;
  readonly kinds: readonly DigestSectionKind[];
  readonly shown: readonly number[];
}

/**
 * Renders a page in both parts within `opts.limits`: everything when it fits, otherwise the
 * first items of every section and as many more as fit (chooseShown).
 */
export function renderPage(
  subject: string,
  build: (out: Out) => Page,
  opts: RenderOptions,
): RenderedPage {
  const limits = opts.limits ?? DIGEST_LIMITS;
  const m = catalogue(opts.locale).email;
  const textPage = build(TEXT_OUT);
  const htmlPage = build(HTML_OUT);
  const textSections = textPage.sections.filter((s) => s.rows.length > 0);
  const htmlSections = htmlPage.sections.filter((s) => s.rows.length > 0);
  const kinds = textSections.map((s) => s.kind);
  const render = (shown: Shown): RenderedPage => ({
    text: renderText(textPage, opts, textSections, shown),
    html: renderHtml(htmlPage, opts, subject, htmlSections, shown),
    kinds,
    shown,
  });
  const fits = (r: RenderedPage): boolean =>
    utf8Bytes(r.html) <= limits.htmlBytes && utf8Bytes(r.text) <= limits.textBytes;
  const everything = render(textSections.map((s) => s.rows.length));
  if (fits(everything)) return everything;

  // Everything but the items: greeting, headings with their notes, footer.
  const frame = render(textSections.map(() => 0));
  let shown = chooseShown(
    textSections.map((s) => s.rows.map((r) => utf8Bytes(textRow(r)) + 1)),
    htmlSections.map((s) => s.rows.map((r) => utf8Bytes(htmlRow(r, m)) + 1)),
    {
      textBytes: limits.textBytes - utf8Bytes(frame.text),
      htmlBytes: limits.htmlBytes - utf8Bytes(frame.html),
    },
  );
  let rendered = render(shown);
  // The notes' counts and links change length with what is listed; trim until it fits.
  while (!fits(rendered) && shown.some((n) => n > 0)) {
    const last = shown.map((n) => n > 0).lastIndexOf(true);
    shown = shown.map((n, i) => (i === last ? n - 1 : n));
    rendered = render(shown);
  }
  return rendered;
}

/**
 * Picks how many rows of each section fit the room left after the fixed parts (greeting,
 * headings, notes, footer): first up to FIRST_ROWS_PER_SECTION of every section, in section
 * order, then as many more as fit, again in section order (stale accounts first).
 */
function chooseShown(
  textRows: readonly (readonly number[])[],
  htmlRows: readonly (readonly number[])[],
  room: DigestLimits,
): number[] {
  // Some slack for the notes' counts and links, which differ in length from the ones measured.
  let text = room.textBytes - 64 * textRows.length;
  let html = room.htmlBytes - 256 * htmlRows.length;
  const shown = textRows.map(() => 0);
  const fill = (s: number, upTo: number): void => {
    while (shown[s] < Math.min(upTo, textRows[s].length)) {
      const t = textRows[s][shown[s]];
      const h = htmlRows[s][shown[s]];
      if (t > text || h > html) return;
      text -= t;
      html -= h;
      shown[s]++;
    }
  };
  for (let s = 0; s < shown.length; s++) fill(s, FIRST_ROWS_PER_SECTION);
  for (let s = 0; s < shown.length; s++) fill(s, Number.POSITIVE_INFINITY);
  return shown;
}

/** A section's note on the rows it leaves out, or null when it lists them all. */
function moreNote(
  section: Section,
  shown: number,
  opts: RenderOptions,
  m: EmailTexts,
  out: Out,
): { text: string; link: string | null } | null {
  const left = section.rows.length - shown;
  if (left <= 0) return null;
  const where = SECTION_SHEETS[section.kind];
  const sheet = pick(sheetDef(where.sheet), opts.locale);
  const column =
    where.ownerColumn === null
      ? null
      : pick(columnDef(where.sheet, where.ownerColumn), opts.locale);
  const kind = section.kind;
  return {
    text: out.msg(
      (n: number, s: string, c: string | null) => m.more(n, kind, s, c),
      left,
      sheet,
      column,
    ),
    // The first row left out: its link opens the right sheet at an item the email did not show.
    link: section.rows[shown].link,
  };
}

function textRow(row: Row): string {
  const out = TEXT_OUT;
  const parts = [out.user(row.accountId), out.user(row.accountName), ...row.detail, row.link ?? ''];
  return `- ${parts.filter((p) => p !== '').join(' · ')}`;
}

function renderText(
  page: Page,
  opts: RenderOptions,
  all: readonly Section[],
  shown: Shown,
): string {
  const m = catalogue(opts.locale).email;
  const out = TEXT_OUT;
  const lines: string[] = [m.greeting, '', page.intro];
  all.forEach((section, i) => {
    lines.push('', m.heading(section.title, section.rows.length));
    for (const row of section.rows.slice(0, shown[i])) lines.push(textRow(row));
    const note = moreNote(section, shown[i], opts, m, out);
    if (note) lines.push(note.link ? `${note.text} ${note.link}` : note.text);
  });
  lines.push('', '--', ...page.footer);
  const url = safeHttpUrl(opts.spreadsheetUrl);
  if (url) lines.push(m.openSpreadsheet(url));
  lines.push(out.msg(m.sentBy, out.user(opts.senderName)), '');
  return lines.join('\n');
}

// Kept short: every row repeats them (Outlook does not inherit fonts into table cells), and
// Gmail clips messages over about 100 KB.
const FONT = "font-family:Arial,'Microsoft YaHei',sans-serif;";
const TEXT_STYLE = `${FONT}font-size:14px;line-height:20px;color:#1f2933;`;
const CELL_STYLE = `${FONT}font-size:13px;line-height:18px;color:#1f2933;padding:6px 8px 6px 0;border-top:1px solid #e4e7eb;vertical-align:top;word-break:break-word;`;
const HEAD_STYLE = `${FONT}font-size:12px;line-height:16px;color:#616e7c;padding:0 8px 4px 0;`;
const LINK_STYLE = 'color:#1a56db;';

function anchor(url: string, label: string): string {
  return `<a href="${escapeHtml(url)}" style="${LINK_STYLE}">${label}</a>`;
}

/** One item: two cells, the account (ID in bold over the name), then details and the link. */
function htmlRow(row: Row, m: EmailTexts): string {
  const out = HTML_OUT;
  const account = [row.accountId, row.accountName].every((v) => v === '')
    ? ''
    : `<b>${out.user(row.accountId)}</b><br>${out.user(row.accountName)}`;
  const detail =
    row.detail.join(' · ') +
    (row.link
      ? ` · ${anchor(
          row.link,
          out.msg(() => m.linkText),
        )}`
      : '');
  return `<tr><td width="180" style="${CELL_STYLE}">${account}</td><td style="${CELL_STYLE}">${detail}</td></tr>`;
}

function renderHtml(
  page: Page,
  opts: RenderOptions,
  subject: string,
  all: readonly Section[],
  shown: Shown,
): string {
  const m = catalogue(opts.locale).email;
  const out = HTML_OUT;
  const html: string[] = [];
  html.push(
    '<!DOCTYPE html>',
    `<html lang="${m.htmlLang}" dir="ltr">`,
    '<head>',
    '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${escapeHtml(subject)}</title>`,
    '</head>',
    '<body style="margin:0;padding:0;background-color:#f5f7fa;">',
    '<table role="presentation" width="100%" border="0" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;background-color:#f5f7fa;">',
    '<tr><td align="center" style="padding:16px 8px;">',
    '<table role="presentation" width="640" border="0" cellpadding="0" cellspacing="0" style="width:100%;max-width:640px;border-collapse:collapse;background-color:#ffffff;border:1px solid #d9e2ec;">',
    `<tr><td style="padding:20px 24px 4px 24px;${TEXT_STYLE}">`,
    `<p style="margin:0 0 8px 0;">${out.msg(() => m.greeting)}</p>`,
    `<p style="margin:0;">${page.intro}</p>`,
    '</td></tr>',
  );
  all.forEach((section, i) => {
    html.push(
      '<tr><td style="padding:16px 24px 0 24px;">',
      `<h2 style="margin:0 0 8px 0;${FONT}font-size:16px;line-height:22px;color:#102a43;">${out.msg(
        m.heading,
        out.msg(() => section.title),
        section.rows.length,
      )}</h2>`,
      '<table role="presentation" width="100%" border="0" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;">',
      `<tr><th align="left" width="180" style="${HEAD_STYLE}">${out.msg(() => section.firstColumn ?? m.columnAccount)}</th>` +
        `<th align="left" style="${HEAD_STYLE}">${out.msg(() => m.columnDetail)}</th></tr>`,
    );
    for (const row of section.rows.slice(0, shown[i])) html.push(htmlRow(row, m));
    html.push('</table>');
    const note = moreNote(section, shown[i], opts, m, out);
    if (note) {
      const link = note.link
        ? ` ${anchor(
            note.link,
            out.msg(() => m.moreLinkText),
          )}`
        : '';
      html.push(
        `<p style="margin:8px 0 0 0;${FONT}font-size:13px;line-height:18px;color:#1f2933;">${note.text}${link}</p>`,
      );
    }
    html.push('</td></tr>');
  });
  const small = `margin:0 0 6px 0;${FONT}font-size:12px;line-height:18px;color:#616e7c;`;
  html.push(
    `<tr><td style="padding:20px 24px 20px 24px;">`,
    `<table role="presentation" width="100%" border="0" cellpadding="0" cellspacing="0" style="width:100%;border-collapse:collapse;"><tr><td style="border-top:1px solid #d9e2ec;padding-top:12px;">`,
  );
  for (const line of page.footer) html.push(`<p style="${small}">${line}</p>`);
  const url = safeHttpUrl(opts.spreadsheetUrl);
  if (url) {
    html.push(
      `<p style="${small}">${out.msg(m.openSpreadsheet, anchor(url, out.user(opts.spreadsheetName || url)))}</p>`,
    );
  }
  html.push(
    `<p style="${small}">${out.msg(m.sentBy, out.user(opts.senderName))}</p>`,
    '</td></tr></table>',
    '</td></tr>',
    '</table>',
    '</td></tr></table>',
    '</body>',
    '</html>',
  );
  return html.join('\n');
}
