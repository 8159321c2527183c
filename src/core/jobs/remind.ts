import type { Day } from '../calendar/day';
import { computeMetrics } from '../engine/compute';
import { pick, type Locale } from '../i18n/locale';
import type { DataIssue } from '../issues/issue';
import type { AccountMetrics } from '../model/metrics';
import type { Clock, Notifier } from '../ports/host';
import type { Mailer } from '../ports/mailer';
import type { WorkbookStore } from '../ports/workbook';
import { planDigests, type Digest } from '../reminders/plan';
import { allocateQuota } from '../reminders/quota';
import { isValidEmail, recipientAllowed } from '../reminders/recipients';
import { renderDigest, type RenderedDigest } from '../reminders/render';
import { readTable } from '../parse/table';
import { IssueList } from '../issues/issue';
import { sheetDef } from '../schema/sheets';
import type { SheetKey } from '../schema/types';
import { dateCell, instantCell, type CellValue } from '../values/cell';
import { readWorkbook, type WorkbookRead } from './read';
import { reminderMessage, statusWord } from './remind-messages';
import { UserFacingError } from './errors';

/** A reminder run stops sending at 5 minutes and continues in a new execution. */
export const REMIND_BUDGET_MS = 5 * 60 * 1000;

export type ReminderStatus =
  'sending' | 'sent' | 'preview' | 'skipped' | 'blocked' | 'deferred' | 'failed';

export interface OwnerOutcome {
  readonly owner: string;
  readonly status: ReminderStatus | 'already_sent' | 'not_reached';
  readonly detail: string;
  readonly digest: Digest;
  readonly rendered: RenderedDigest;
}

export interface RemindResult {
  readonly today: Day;
  readonly locale: Locale;
  readonly outcomes: readonly OwnerOutcome[];
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
}

/** `sent`, `blocked` and `skipped` are final for a run date; `deferred` and `failed` retry. */
const FINAL: ReadonlySet<string> = new Set(['sent', 'blocked', 'skipped']);

function logSheetName(read: WorkbookRead, store: WorkbookStore, key: SheetKey): string {
  const found = read.names.get(key);
  if (found !== undefined) return found;
  const def = sheetDef(key);
  const name = pick(def, read.locale);
  store.createSheet(name, def.columns.length);
  store.writeRange(name, 1, 1, [def.columns.map((c) => pick(c, read.locale))]);
  return name;
}

/**
 * Owners whose digest for `today` is already final in `reminder_log` (one read), and owners whose
 * last row is `sending`: a run stopped between announcing a send and logging its outcome. Rows
 * are read in order: a `failed` row undoes the `sent` (or `sending`) row written before it.
 */
function logState(
  store: WorkbookStore,
  name: string,
  today: Day,
): { done: Set<string>; interrupted: Set<string> } {
  const issues = new IssueList();
  const table = readTable(
    { name, values: store.readSheet(name) },
    sheetDef('reminder_log').columns,
    issues,
  );
  const done = new Set<string>();
  const interrupted = new Set<string>();
  for (const r of table.rows) {
    const f = r.fields;
    if (f.run_date !== today || typeof f.owner_email !== 'string' || typeof f.status !== 'string')
      continue;
    const owner = f.owner_email.toLowerCase();
    if (f.status === 'sending') interrupted.add(owner);
    else interrupted.delete(owner);
    if (FINAL.has(f.status)) done.add(owner);
    else if (f.status === 'failed') done.delete(owner);
  }
  return { done, interrupted };
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
  const allowed = (email: string): boolean =>
    allowList !== null && recipientAllowed(email, allowList);
  const link = (key: SheetKey) => {
    const name = read.names.get(key);
    return (row: number): string => (name === undefined ? store.url() : store.rowLink(name, row));
  };
  const digests = planDigests({
    model,
    metrics,
    today,
    locale,
    sheetLinks: {
      accounts: link('accounts'),
      actions: link('actions'),
      contacts: link('contacts'),
      plans: link('plans'),
    },
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
  return {
    today,
    locale,
    read,
    metrics,
    digests,
    allowList,
    render: (d) => renderDigest(d, renderOpts),
  };
}

/**
 * Sends each owner's digest (docs/reminders.md) at most once per run date. A digest's `sent` row is
 * appended to `reminder_log` before the mail leaves and every other outcome right after it
 * happens, before the next owner, so a retry after any failure never emails anyone twice.
 * Recipients outside the allow-list are never emailed; when the quota cannot cover everyone
 * the owners with the most stale A accounts go first.
 */
export function remind(deps: RemindDeps): RemindResult {
  const { store, clock, mailer } = deps;
  const budget = deps.budgetMs ?? REMIND_BUDGET_MS;
  const { today, locale, read, metrics, digests, allowList, render } = prepareDigests(deps);
  const settings = read.parsed.model.settings;
  if (deps.mode === 'send' && (allowList === null || allowList.length === 0))
    throw new UserFacingError(reminderMessage('no_allow_list', locale));
  const logName = logSheetName(read, store, 'reminder_log');
  const { done, interrupted } = logState(store, logName, today);
  // With a mailer that can tell what left, `sending` announces a send and `sent` confirms it.
  const confirms = typeof mailer.deliveredBefore === 'function';

  const allowed = (email: string): boolean =>
    allowList !== null && recipientAllowed(email, allowList);
  const ccFor = (d: Digest): string[] =>
    d.escalationCc && allowed(d.escalationCc) && d.escalationCc !== d.owner ? [d.escalationCc] : [];
  const pending = digests.filter((d) => !done.has(d.owner));
  const sendable = pending.filter((d) => isValidEmail(d.owner) && allowed(d.owner));
  const { deferred } =
    deps.mode === 'send'
      ? allocateQuota(sendable, mailer.remainingQuota(), (d) => 1 + ccFor(d).length)
      : { deferred: [] as Digest[] };
  const deferredSet = new Set(deferred);

  const outcomes: OwnerOutcome[] = [];
  let incomplete = false;
  const log = (d: Digest, status: ReminderStatus, detail: string): void => {
    const c = d.counts;
    const row: CellValue[] = [
      instantCell(clock.nowMs()),
      dateCell(today),
      d.owner,
      c.staleAccounts + c.dueSoonAccounts,
      c.overdueActions,
      c.dueSoonActions,
      c.careItems + c.reviews,
      status,
      detail,
    ];
    store.appendRows(logName, [row], row.length);
  };

  for (const d of digests) {
    const rendered = render(d);
    const outcome = (status: OwnerOutcome['status'], detail: string): void => {
      outcomes.push({ owner: d.owner, status, detail, digest: d, rendered });
    };
    if (done.has(d.owner)) {
      outcome('already_sent', '');
      continue;
    }
    if (incomplete || clock.elapsedMs() > budget) {
      incomplete = true;
      outcome('not_reached', '');
      continue;
    }
    let status: ReminderStatus;
    let detail = '';
    if (!isValidEmail(d.owner)) {
      status = 'skipped';
      detail = reminderMessage('invalid_owner', locale, { email: d.owner });
    } else if (!allowed(d.owner)) {
      status = 'blocked';
      detail = reminderMessage('blocked', locale, { email: d.owner });
    } else if (deps.mode === 'preview') {
      status = 'preview';
    } else if (
      confirms &&
      interrupted.has(d.owner.toLowerCase()) &&
      mailer.deliveredBefore?.(d.owner)
    ) {
      // The run that announced this send stopped after the digest left: log it, never resend.
      const detail = reminderMessage('delivered_before', locale);
      log(d, 'sent', detail);
      outcome('sent', detail);
      continue;
    } else if (deferredSet.has(d) || mailer.remainingQuota() < 1 + ccFor(d).length) {
      status = 'deferred';
      detail = reminderMessage('quota', locale);
    } else {
      const cc = ccFor(d);
      const sentDetail = cc.length > 0 ? reminderMessage('cc', locale, { cc: cc.join(', ') }) : '';
      // Write-ahead: a row is in the log before the mail leaves. With MailApp it is `sent`, so
      // no failure after the send (a log write that fails, a killed execution) can make a retry
      // send it twice; if even the `failed` row after a throwing send cannot be written, the
      // owner misses today's digest: at most once wins. A mailer that can tell what left gets
      // `sending` here and `sent` after the send, and the next run checks an interrupted one.
      log(d, confirms ? 'sending' : 'sent', sentDetail);
      let failure: Error | null = null;
      try {
        mailer.send({
          to: d.owner,
          cc,
          subject: rendered.subject,
          text: rendered.text,
          html: rendered.html,
          senderName: settings.reminderSenderName,
        });
      } catch (e) {
        failure = e as Error;
      }
      if (failure === null) {
        // Outside the try: a log write that fails after the mail left must not read as a
        // failed send (the next run resolves the `sending` row instead).
        if (confirms) log(d, 'sent', sentDetail);
        outcome('sent', sentDetail);
        continue;
      }
      status = 'failed';
      detail = failure.message;
    }
    log(d, status, detail);
    outcome(status, detail);
  }
  const statusLabel = (s: string): string => statusWord(s, locale);
  const counts = new Map<string, number>();
  for (const o of outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  deps.notifier.done(
    reminderMessage(incomplete ? 'done_incomplete' : 'done', locale, {
      summary: [...counts.entries()].map(([s, n]) => `${statusLabel(s)} ${n}`).join(' · ') || '0',
    }),
  );
  return { today, locale, outcomes, incomplete, issues: read.issues, read, metrics };
}
