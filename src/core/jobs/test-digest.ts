import { text } from '../i18n/catalogue';
import type { Locale } from '../i18n/locale';
import type { Mailer } from '../ports/mailer';
import { prepareDigests, type PreparedDigests, type RemindDeps } from './remind';

export interface TestDigestDeps extends Pick<RemindDeps, 'store' | 'clock' | 'defaultAllowList'> {
  readonly mailer: Mailer;
  /** The person asking, who gets the test ('' when the host cannot tell). */
  readonly user: () => string;
}

export interface TestDigestResult {
  /** `no_user`: nobody to send it to; `nothing`: no owner has a digest today. */
  readonly outcome: 'sent' | 'no_user' | 'nothing';
  readonly to: string;
  readonly locale: Locale;
}

/**
 * Sends `pick`'s email to the asking user only, with a [Test] subject, not written to
 * reminder_log; `pick` returns null when there is nothing to send.
 */
function sendTest(
  deps: TestDigestDeps,
  pick: (p: PreparedDigests, me: string) => { subject: string; text: string; html: string } | null,
): TestDigestResult {
  const p = prepareDigests(deps);
  const me = deps.user().toLowerCase();
  if (!me) return { outcome: 'no_user', to: '', locale: p.locale };
  const r = pick(p, me);
  if (!r) return { outcome: 'nothing', to: me, locale: p.locale };
  deps.mailer.send({
    to: me,
    cc: [],
    subject: text('automation.test_tag', p.locale) + r.subject,
    text: r.text,
    html: r.html,
    senderName: p.read.parsed.model.settings.reminderSenderName,
    key: `test ${me}`,
  });
  return { outcome: 'sent', to: me, locale: p.locale };
}

/**
 * Send me a test digest: the asking user's own digest when they own accounts, otherwise the first
 * owner's, sent only to them with a [Test] subject. It is not written to reminder_log, so it never
 * stops the real digest of the day.
 */
export function sendTestDigest(deps: TestDigestDeps): TestDigestResult {
  return sendTest(deps, (p, me) => {
    const digest = p.digests.find((d) => d.owner === me) ?? p.digests[0];
    return digest ? p.render(digest) : null;
  });
}

/**
 * Send me a test manager digest: this week's manager digest, whatever the weekday and whether or
 * not manager_emails is filled in, sent only to the asking user with a [Test] subject and not
 * written to reminder_log.
 */
export function sendTestManagerDigest(deps: TestDigestDeps): TestDigestResult {
  return sendTest(deps, (p) => p.manager().rendered);
}
