import type { Day } from '../calendar/day';
import { computeMetrics } from '../engine/compute';
import { pick, type Locale } from '../i18n/locale';
import type { DataIssue } from '../issues/issue';
import type { AccountMetrics } from '../model/metrics';
import type { Clock, Notifier } from '../ports/host';
import type { Mailer } from '../ports/mailer';
import type { WorkbookStore } from '../ports/workbook';
import { planDigests, type Digest } from '../reminders/plan';
import {
  isoWeek,
  managerDigestDue,
  planManagerDigest,
  RAISED_WINDOW_DAYS,
  type ManagerDigest,
} from '../reminders/manager';
import { renderManagerDigest, type RenderedManagerDigest } from '../reminders/manager-render';
import {
  formatRiskItems,
  parseRiskItems,
  RISK_RELIST_DAYS,
  type LastListed,
} from '../reminders/risk';
import { riskSnapshots } from '../outputs/history';
import type { RiskCode } from '../model/metrics';
import { allocateQuota } from '../reminders/quota';
import { isValidEmail, recipientAllowed } from '../reminders/recipients';
import { renderDigest, type RenderedDigest } from '../reminders/render';
import { readTable } from '../parse/table';
import { IssueList } from '../issues/issue';
import { sheetDef } from '../schema/sheets';
import type { SheetKey } from '../schema/types';
import { dateCell, instantCell, isBlank, type CellValue } from '../values/cell';
import { DIGEST_KINDS, optionLabel } from '../schema/enums';
import { readWorkbook, type WorkbookRead } from './read';
import { reminderMessage, statusWord } from './remind-messages';
import { UserFacingError } from './errors';

/** A reminder run stops sending at 5 minutes and continues in a new execution. */
export const REMIND_BUDGET_MS = 5 * 60 * 1000;

export type ReminderStatus =
  'sending' | 'sent' | 'preview' | 'skipped' | 'blocked' | 'deferred' | 'failed';

export interface OwnerOutcome {
  readonly owner: string;
  readonly status: ReminderStatus | 'already_sent' | 'not_reached' | 'sent_this_week';
  readonly detail: string;
  readonly digest: Digest;
  readonly rendered: RenderedDigest;
}

/** What happened to one manager's weekly digest in this run. */
export interface ManagerOutcome {
  readonly manager: string;
  readonly status: OwnerOutcome['status'];
  readonly detail: string;
  readonly rendered: RenderedManagerDigest;
}

export interface RemindResult {
  readonly today: Day;
  readonly locale: Locale;
  readonly outcomes: readonly OwnerOutcome[];
  /** Manager digests this run handled: empty on days they are not due or with no managers. */
  readonly managerOutcomes: readonly ManagerOutcome[];
  /** True when the time budget ran out before every owner was handled. */
  readonly incomplete: boolean;
  readonly issues: readonly DataIssue[];
  readonly read: WorkbookRead;
  readonly metrics: readonly AccountMetrics[];
}

export interface RemindDeps {
  readonly store: WorkbookStore;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly mailer: Mailer;
  /** `send` emails and logs; `preview` renders and logs `preview` rows, sending nothing. */
  readonly mode: 'send' | 'preview';
  /**
   * Where reminders may go when `allowed_recipient_domains` is blank: the host's default (the
   * domain of the user who turned automation on), or null when the host has none (`kam`), in
   * which case sending is refused with a message naming the setting.
   */
  readonly defaultAllowList: readonly string[] | null;
  readonly budgetMs?: number;
  /**
   * Which digests: `all` (default) sends the owners' daily digests and, from
   * `manager_digest_weekday` on, this ISO week's manager digests not yet sent; `managers` only
   * the manager digests, whatever the weekday (still once per ISO week).
   */
  readonly digests?: 'all' | 'managers';
}

/** `sent`, `blocked` and `skipped` are final for a run date; `deferred` and `failed` retry. */
const FINAL: ReadonlySet<string> = new Set(['sent', 'blocked', 'skipped']);

/** One `reminder_log` row as the job reads it back. */
interface LogRow {
  readonly runDate: Day;
  /** Lower-case address. */
  readonly to: string;
  readonly status: string;
  readonly digest: 'owner' | 'manager';
  readonly riskItems: unknown;
}

/** `reminder_log` as read once per run: its sheet name (null before the first run) and rows. */
export interface ReminderLog {
  readonly name: string | null;
  readonly header: readonly CellValue[];
  readonly rows: readonly LogRow[];
}

function readLog(store: WorkbookStore, read: WorkbookRead): ReminderLog {
  const name = read.names.get('reminder_log') ?? null;
  if (name === null) return { name, header: [], rows: [] };
  const values = store.readSheet(name);
  const table = readTable({ name, values }, sheetDef('reminder_log').columns, new IssueList());
  const rows: LogRow[] = [];
  for (const r of table.rows) {
    const f = r.fields;
    if (typeof f.run_date !== 'number' || typeof f.owner_email !== 'string') continue;
    if (typeof f.status !== 'string') continue;
    rows.push({
      runDate: f.run_date,
      to: f.owner_email.trim().toLowerCase(),
      status: f.status,
      // Rows written before the column existed are owner digests.
      digest: f.digest === 'manager' ? 'manager' : 'owner',
      riskItems: f.risk_items,
    });
  }
  return { name, header: values[0] ?? [], rows };
}

/**
 * The log's sheet, created with its header when missing; a log written before the newer columns
 * existed gets their headers (one write), so the rows appended below have a header to read by.
 */
function logSheet(store: WorkbookStore, read: WorkbookRead, log: ReminderLog): string {
  const def = sheetDef('reminder_log');
  const headers = def.columns.map((c) => pick(c, read.locale));
  if (log.name === null) {
    const name = pick(def, read.locale);
    store.createSheet(name, def.columns.length);
    store.writeRange(name, 1, 1, [headers]);
    return name;
  }
  const have = log.header.filter((v) => !isBlank(v)).length;
  if (have < headers.length) store.writeRange(log.name, 1, have + 1, [headers.slice(have)]);
  return log.name;
}

/**
 * Addresses whose digest is already final for the period `inPeriod` accepts (a run date for
 * owners, an ISO week for managers), and those whose last row is `sending`: a run stopped
 * between announcing a send and logging its outcome. Rows are read in order: a `failed` row
 * undoes the `sent` (or `sending`) row written before it.
 */
function logState(
  log: ReminderLog,
  digest: LogRow['digest'],
  inPeriod: (runDate: Day) => boolean,
): { done: Set<string>; interrupted: Set<string> } {
  const done = new Set<string>();
  const interrupted = new Set<string>();
  for (const r of log.rows) {
    if (r.digest !== digest || !inPeriod(r.runDate)) continue;
    if (r.status === 'sending') interrupted.add(r.to);
    else interrupted.delete(r.to);
    if (FINAL.has(r.status)) done.add(r.to);
    else if (r.status === 'failed') done.delete(r.to);
  }
  return { done, interrupted };
}

/**
 * When each risk flag was last listed to each owner in the RISK_RELIST_DAYS days before today,
 * from the owner rows whose digest went out (`sent`, not undone by a later `failed`).
 */
function lastListedFrom(log: ReminderLog, today: Day): LastListed {
  const delivered = new Map<string, { day: Day; items: unknown }>();
  for (const r of log.rows) {
    if (r.digest !== 'owner' || r.runDate >= today || r.runDate < today - RISK_RELIST_DAYS)
      continue;
    const key = `${r.runDate}\u0000${r.to}`;
    if (r.status === 'sent') delivered.set(key, { day: r.runDate, items: r.riskItems });
    else if (r.status === 'failed') delivered.delete(key);
  }
  const last = new Map<string, Day>();
  for (const [key, { day, items }] of delivered) {
    const owner = key.slice(key.indexOf('\u0000') + 1);
    for (const [id, codes] of parseRiskItems(items))
      for (const code of codes) {
        const k = `${owner}\u0000${id}\u0000${code}`;
        if ((last.get(k) ?? -Infinity) < day) last.set(k, day);
      }
  }
  return (owner, id, code) => last.get(`${owner}\u0000${id}\u0000${code}`) ?? null;
}

/** Every owner's digest for today, planned and ready to render. */
export interface PreparedDigests {
  readonly today: Day;
  readonly locale: Locale;
  readonly read: WorkbookRead;
  readonly metrics: readonly AccountMetrics[];
  readonly digests: readonly Digest[];
  readonly allowList: readonly string[] | null;
  readonly render: (d: Digest) => RenderedDigest;
  readonly log: ReminderLog;
  /** This week's manager digest (reads `history` once, on first call). */
  readonly manager: () => PreparedManagerDigest;
}

export interface PreparedManagerDigest {
  readonly digest: ManagerDigest;
  readonly rendered: RenderedManagerDigest;
  /** `manager_emails`, lower-case, without repeats. */
  readonly managers: readonly string[];
}

/** Reads the workbook once and plans and renders every owner's digest, sending nothing. */
export function prepareDigests(
  deps: Pick<RemindDeps, 'store' | 'clock' | 'defaultAllowList'>,
): PreparedDigests {
  const { store, clock } = deps;
  const today = clock.today();
  const read = readWorkbook(store, today, undefined, []);
  const { locale } = read;
  const model = read.parsed.model;
  const settings = model.settings;
  const allowList =
    settings.allowedRecipientDomains.length > 0
      ? settings.allowedRecipientDomains
      : deps.defaultAllowList;
  const metrics = computeMetrics(model, today);
  const log = readLog(store, read);
  const allowed = (email: string): boolean =>
    allowList !== null && recipientAllowed(email, allowList);
  const link = (key: SheetKey) => {
    const name = read.names.get(key);
    return (row: number): string => (name === undefined ? store.url() : store.rowLink(name, row));
  };
  const sheetLinks = {
    accounts: link('accounts'),
    actions: link('actions'),
    contacts: link('contacts'),
    plans: link('plans'),
    opportunities: link('opportunities'),
  };
  const digests = planDigests({
    model,
    metrics,
    today,
    locale,
    sheetLinks,
    lastListed: lastListedFrom(log, today),
    // An escalation_cc outside the allow-list is never copied, so the digest must not say it is.
  }).map((d) =>
    d.escalationCc !== null && !allowed(d.escalationCc) ? { ...d, escalationCc: null } : d,
  );
  const renderOpts = {
    locale,
    today,
    senderName: settings.reminderSenderName,
    spreadsheetName: store.title(),
    spreadsheetUrl: store.url(),
  };
  let manager: PreparedManagerDigest | null = null;
  return {
    today,
    locale,
    read,
    metrics,
    digests,
    allowList,
    render: (d) => renderDigest(d, renderOpts),
    log,
    manager: () => {
      if (manager !== null) return manager;
      const historyName = read.names.get('history');
      const snapshots =
        historyName === undefined
          ? new Map()
          : riskSnapshots(store.readSheet(historyName), today - RAISED_WINDOW_DAYS, today - 1);
      const digest = planManagerDigest({ model, metrics, today, sheetLinks, snapshots });
      manager = {
        digest,
        rendered: renderManagerDigest(digest, settings.homeCurrency, renderOpts),
        managers: [...new Set(settings.managerEmails.map((e) => e.trim().toLowerCase()))].filter(
          (e) => e !== '',
        ),
      };
      return manager;
    },
  };
}

/** One email the run may send: an owner's digest or a manager's weekly digest. */
interface Delivery {
  readonly to: string;
  readonly cc: readonly string[];
  readonly digest: LogRow['digest'];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `reminder_log` counts: accounts, overdue actions, actions due soon, care items. */
  readonly counts: readonly [number, number, number, number];
  /** `risk_items` of the row: the flags this email lists. */
  readonly riskItems: string;
  readonly interrupted: boolean;
  /** Deferred by the quota plan before the run started. */
  readonly deferred: boolean;
}

/** The flags a rendered owner digest lists: the first `risksShown` items of its section. */
function listedRisks(d: Digest, shown: number): Map<string, RiskCode[]> {
  const out = new Map<string, RiskCode[]>();
  for (const item of d.risks.slice(0, shown))
    out.set(
      item.accountId,
      item.reasons.map((r) => r.code),
    );
  return out;
}

/**
 * Sends each owner's digest (docs/reminders.md) at most once per run date, and each manager's
 * weekly digest at most once per ISO week. A digest's `sent` row is appended to `reminder_log`
 * before the mail leaves and every other outcome right after it happens, before the next one,
 * so a retry after any failure never emails anyone twice. Recipients outside the allow-list are
 * never emailed; when the quota cannot cover everyone, managers go first (one email each, once
 * a week), then the owners with the most stale A accounts.
 */
export function remind(deps: RemindDeps): RemindResult {
  const { store, clock, mailer } = deps;
  const budget = deps.budgetMs ?? REMIND_BUDGET_MS;
  const prepared = prepareDigests(deps);
  const { today, locale, read, metrics, allowList, render, log } = prepared;
  const settings = read.parsed.model.settings;
  const which = deps.digests ?? 'all';
  const digests = which === 'managers' ? [] : prepared.digests;
  if (deps.mode === 'send' && (allowList === null || allowList.length === 0))
    throw new UserFacingError(reminderMessage('no_allow_list', locale));
  const logName = logSheet(store, read, log);
  // With a mailer that can tell what left, `sending` announces a send and `sent` confirms it.
  const confirms = typeof mailer.deliveredBefore === 'function';
  const allowed = (email: string): boolean =>
    allowList !== null && recipientAllowed(email, allowList);

  // Managers: from the weekday on, once per ISO week.
  const week = isoWeek(today);
  const managerDay = which === 'managers' || managerDigestDue(today, settings.managerDigestWeekday);
  const managers = managerDay && settings.managerEmails.length > 0 ? prepared.manager() : null;
  const mState = logState(log, 'manager', (d) => isoWeek(d).monday === week.monday);
  const oState = logState(log, 'owner', (d) => d === today);

  const ccFor = (d: Digest): string[] =>
    d.escalationCc && allowed(d.escalationCc) && d.escalationCc !== d.owner ? [d.escalationCc] : [];
  const pendingManagers = (managers?.managers ?? []).filter((m) => !mState.done.has(m));
  const sendableManagers = pendingManagers.filter((m) => isValidEmail(m) && allowed(m));
  const pending = digests.filter((d) => !oState.done.has(d.owner));
  const sendable = pending.filter((d) => isValidEmail(d.owner) && allowed(d.owner));
  const quota = deps.mode === 'send' ? mailer.remainingQuota() : Infinity;
  const { deferred } =
    deps.mode === 'send'
      ? allocateQuota(sendable, quota - sendableManagers.length, (d) => 1 + ccFor(d).length)
      : { deferred: [] as Digest[] };
  const deferredSet = new Set(deferred);

  let incomplete = false;
  const log1 = (x: Delivery, status: ReminderStatus, detail: string): void => {
    const row: CellValue[] = [
      instantCell(clock.nowMs()),
      dateCell(today),
      x.to,
      ...x.counts,
      status,
      detail,
      optionLabel(DIGEST_KINDS, x.digest, locale),
      status === 'sent' || status === 'sending' ? x.riskItems : '',
    ];
    store.appendRows(logName, [row], row.length);
  };
  /** Sends one email (or says why not) and logs it: the outcome's status and detail. */
  const deliver = (x: Delivery): { status: OwnerOutcome['status']; detail: string } => {
    if (incomplete || clock.elapsedMs() > budget) {
      incomplete = true;
      return { status: 'not_reached', detail: '' };
    }
    let status: ReminderStatus;
    let detail = '';
    if (!isValidEmail(x.to)) {
      status = 'skipped';
      detail = reminderMessage('invalid_owner', locale, { email: x.to });
    } else if (!allowed(x.to)) {
      status = 'blocked';
      detail = reminderMessage('blocked', locale, { email: x.to });
    } else if (deps.mode === 'preview') {
      status = 'preview';
    } else if (confirms && x.interrupted && mailer.deliveredBefore?.(mailKey(x))) {
      // The run that announced this send stopped after the mail left: log it, never resend.
      const said = reminderMessage('delivered_before', locale);
      log1(x, 'sent', said);
      return { status: 'sent', detail: said };
    } else if (x.deferred || mailer.remainingQuota() < 1 + x.cc.length) {
      status = 'deferred';
      detail = reminderMessage('quota', locale);
    } else {
      const sentDetail =
        x.cc.length > 0 ? reminderMessage('cc', locale, { cc: x.cc.join(', ') }) : '';
      // Write-ahead: a row is in the log before the mail leaves. With MailApp it is `sent`, so
      // no failure after the send (a log write that fails, a killed execution) can make a retry
      // send it twice; if even the `failed` row after a throwing send cannot be written, the
      // recipient misses this digest: at most once wins. A mailer that can tell what left gets
      // `sending` here and `sent` after the send, and the next run checks an interrupted one.
      log1(x, confirms ? 'sending' : 'sent', sentDetail);
      let failure: Error | null = null;
      try {
        mailer.send({
          to: x.to,
          cc: x.cc,
          subject: x.subject,
          text: x.text,
          html: x.html,
          senderName: settings.reminderSenderName,
          key: mailKey(x),
        });
      } catch (e) {
        failure = e as Error;
      }
      if (failure === null) {
        // Outside the try: a log write that fails after the mail left must not read as a
        // failed send (the next run resolves the `sending` row instead).
        if (confirms) log1(x, 'sent', sentDetail);
        return { status: 'sent', detail: sentDetail };
      }
      status = 'failed';
      detail = failure.message;
    }
    log1(x, status, detail);
    return { status, detail };
  };

  const managerOutcomes: ManagerOutcome[] = [];
  if (managers) {
    const t = managers.digest.totals;
    for (const m of managers.managers) {
      const rendered = managers.rendered;
      if (mState.done.has(m)) {
        managerOutcomes.push({ manager: m, status: 'sent_this_week', detail: '', rendered });
        continue;
      }
      const r = deliver({
        to: m,
        cc: [],
        digest: 'manager',
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        counts: [t.staleAccounts + t.riskAccounts, t.overdueActions, 0, 0],
        riskItems: '',
        interrupted: mState.interrupted.has(m),
        deferred: false,
      });
      managerOutcomes.push({ manager: m, ...r, rendered });
    }
  }

  const outcomes: OwnerOutcome[] = [];
  for (const d of digests) {
    const rendered = render(d);
    if (oState.done.has(d.owner)) {
      outcomes.push({ owner: d.owner, status: 'already_sent', detail: '', digest: d, rendered });
      continue;
    }
    const c = d.counts;
    const r = deliver({
      to: d.owner,
      cc: ccFor(d),
      digest: 'owner',
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      counts: [
        c.staleAccounts + c.dueSoonAccounts,
        c.overdueActions,
        c.dueSoonActions,
        c.careItems + c.reviews,
      ],
      riskItems: formatRiskItems(listedRisks(d, rendered.risksShown)),
      interrupted: oState.interrupted.has(d.owner),
      deferred: deferredSet.has(d),
    });
    outcomes.push({ owner: d.owner, ...r, digest: d, rendered });
  }

  const statusLabel = (s: string): string => statusWord(s, locale);
  const counts = new Map<string, number>();
  for (const o of [...managerOutcomes, ...outcomes])
    counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  deps.notifier.done(
    reminderMessage(incomplete ? 'done_incomplete' : 'done', locale, {
      summary: [...counts.entries()].map(([s, n]) => `${statusLabel(s)} ${n}`).join(' · ') || '0',
    }),
  );
  return {
    today,
    locale,
    outcomes,
    managerOutcomes,
    incomplete,
    issues: read.issues,
    read,
    metrics,
  };
}

/**
 * What a mailer that records deliveries files this email under: the owner's address, or for a
 * weekly manager digest a key of its own, so a manager who also owns accounts gets both.
 */
function mailKey(x: Delivery): string {
  return x.digest === 'manager' ? `weekly ${x.to}` : x.to;
}
