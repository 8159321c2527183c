import type { Locale } from '../core/i18n/locale';
import { prepareDigests, remind } from '../core/jobs/remind';
import {
  sendTestDigest,
  sendTestManagerDigest,
  type TestDigestDeps,
} from '../core/jobs/test-digest';
import { MAX_REMINDER_RETRIES, takeReminderRetry } from '../core/jobs/reminder-retries';
import { escapeHtml } from '../core/text/escape';
import { CONTINUE_REMINDERS_HANDLER, hostAllowList, recordLastRun } from './automation';
import { automationMessage } from './automation-messages';
import { fallbackLocale, gasContext, runJob, type GasContext } from './context';
import { GasDocumentState } from './host';
import { statusWord } from '../core/jobs/remind-messages';
import { GasMailer } from './mail';
import { scheduleOnce } from './triggers';
import { runMenuJob } from './menu-job';
import { localeOf } from './locale';

/** A trigger waits this long for another run's lock, then logs and exits without sending. */
export const TRIGGER_LOCK_WAIT_MS = 10_000;

export { MAX_REMINDER_RETRIES };

/** Schedules the one-off continuation to retry a minute later, while core allows another try. */
function scheduleRetry(day: number): void {
  if (takeReminderRetry(new GasDocumentState(), day))
    scheduleOnce(CONTINUE_REMINDERS_HANDLER, 60_000);
}

/** Send reminders now (menu) or the daily trigger. */
export function handleSendReminders(interactive: boolean): void {
  const ctx = gasContext(interactive);
  let started = false;
  let locale: Locale | null = null;
  const result = runJob(
    ctx,
    () => (locale = localeOf(ctx)),
    interactive,
    () => {
      started = true;
      return remind({
        store: ctx.store,
        clock: ctx.clock,
        notifier: ctx.notifier,
        mailer: new GasMailer(),
        mode: 'send',
        defaultAllowList: hostAllowList(),
      });
    },
    interactive ? undefined : TRIGGER_LOCK_WAIT_MS,
  );
  if (!result) {
    recordLastRun({
      at: Date.now(),
      job: 'reminders',
      ok: false,
      summary: automationMessage('summary_not_run', locale ?? fallbackLocale(ctx.store.ss)),
    });
    // A trigger that found another run holding the lock (the continuation has already deleted
    // itself) tries again, or the owners it would have reached get nothing today.
    if (!interactive && !started) scheduleRetry(ctx.clock.today());
    return;
  }
  const counts = new Map<string, number>();
  for (const o of result.outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  // Said in the workbook's language: the menu shows it (statusLine).
  const summary =
    [...counts.entries()]
      .map(([s, n]) => `${statusWord(s, result.locale)} ${n}`)
      .join(automationMessage('summary_separator', result.locale)) ||
    automationMessage('summary_nothing', result.locale);
  const failed = (counts.get('failed') ?? 0) > 0;
  recordLastRun({ at: Date.now(), job: 'reminders', ok: !failed, summary });
  // Unfinished owners (time budget) or failed sends are picked up by a one-off continuation.
  if (result.incomplete) scheduleOnce(CONTINUE_REMINDERS_HANDLER, 60_000);
  else if (failed) scheduleRetry(result.today);
}

/** Preview reminders: every digest as it would arrive, in a dialog; nothing is sent. */
export function handlePreview(): void {
  runMenuJob((ctx) => {
    const p = prepareDigests({
      store: ctx.store,
      clock: ctx.clock,
      defaultAllowList: hostAllowList(),
    });
    SpreadsheetApp.getUi().showModalDialog(
      HtmlService.createHtmlOutput(
        previewHtml(p.locale, [
          ...managerPreview(p),
          ...p.digests.map((d) => ({ owner: d.owner, ...p.render(d) })),
        ]),
      )
        .setWidth(900)
        .setHeight(640),
      automationMessage('preview_title', p.locale),
    );
  });
}

/** This week's manager digest, first in the preview, when manager_emails is filled in. */
function managerPreview(p: ReturnType<typeof prepareDigests>): {
  owner: string;
  subject: string;
  html: string;
}[] {
  if (p.read.parsed.model.settings.managerEmails.length === 0) return [];
  const m = p.manager();
  return [
    {
      owner: automationMessage('preview_manager', p.locale, { emails: m.managers.join(', ') }),
      subject: m.rendered.subject,
      html: m.rendered.html,
    },
  ];
}

/** The preview dialog: each digest's subject and its HTML body in a sandboxed frame. */
export function previewHtml(
  locale: Locale,
  digests: readonly { owner: string; subject: string; html: string }[],
): string {
  const title = escapeHtml(automationMessage('preview_title', locale));
  const body =
    digests.length === 0
      ? `<p>${escapeHtml(automationMessage('preview_empty', locale))}</p>`
      : digests
          .map(
            (d) =>
              `<section style="margin:0 0 24px"><h3 style="font:600 14px sans-serif;margin:0 0 4px">${escapeHtml(d.owner)}</h3>` +
              `<p style="font:13px sans-serif;margin:0 0 8px;color:#444">${escapeHtml(d.subject)}</p>` +
              `<iframe sandbox="" style="width:100%;height:420px;border:1px solid #ddd" srcdoc="${escapeHtml(d.html)}"></iframe></section>`,
          )
          .join('');
  return `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><title>${title}</title></head><body style="margin:12px">${body}</body></html>`;
}

/** What both test digests need: the workbook, MailApp, and who is asking. */
function testDeps(ctx: GasContext): TestDigestDeps {
  return {
    store: ctx.store,
    clock: ctx.clock,
    defaultAllowList: hostAllowList(),
    mailer: new GasMailer(),
    user: () => Session.getActiveUser().getEmail() || Session.getEffectiveUser().getEmail(),
  };
}

/** Send me a test digest (core: sendTestDigest), to the current user only. */
export function handleTestDigest(): void {
  runMenuJob((ctx) => {
    const r = sendTestDigest(testDeps(ctx));
    if (r.outcome === 'no_user') ctx.notifier.problem(automationMessage('test_no_user', r.locale));
    else if (r.outcome === 'nothing')
      ctx.notifier.done(automationMessage('test_nothing', r.locale));
    else ctx.notifier.done(automationMessage('test_sent', r.locale, { email: r.to }));
  });
}

/** Send me a test manager digest (core: sendTestManagerDigest), to the current user only. */
export function handleTestManagerDigest(): void {
  runMenuJob((ctx) => {
    const r = sendTestManagerDigest(testDeps(ctx));
    if (r.outcome === 'no_user') ctx.notifier.problem(automationMessage('test_no_user', r.locale));
    else ctx.notifier.done(automationMessage('test_manager_sent', r.locale, { email: r.to }));
  });
}

export type { GasContext };
