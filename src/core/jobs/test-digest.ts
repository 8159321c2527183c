import { text } from '../i18n/catalogue';
import type { Locale } from '../i18n/locale';
import type { Mailer } from '../ports/mailer';
import { prepareDigests, type RemindDeps } from './remind';

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
 * Send me a test digest: the asking user's own digest when they own accounts, otherwise the first
 * owner's, sent only to them with a [Test] subject. It is not written to reminder_log, so it never
 * stops the real digest of the day.
 */
export function sendTestDigest(deps: TestDigestDeps): TestDigestResult {
  const p = prepareDigests(deps);
  const me = deps.user().toLowerCase();
  if (!me) return { outcome: 'no_user', to: '', locale: p.locale };
  const digest = p.digests.find((d) => d.owner === me) ?? p.digests[0];
  if (!digest) return { outcome: 'nothing', to: me, locale: p.locale };
  const r = p.render(digest);
  const tag = text('automation.test_tag', p.locale);
  deps.mailer.send({
    to: me,
    cc: [],
    subject: tag + r.subject,
    text: r.text,
    html: r.html,
    senderName: p.read.parsed.model.settings.reminderSenderName,
  });
  return { outcome: 'sent', to: me, locale: p.locale };
}

/**
 * Send me a test manager digest: this week's manager digest, whatever the weekday and whether or
 * not manager_emails is filled in, sent only to the asking user with a [Test] subject and not
 * written to reminder_log.
 */
export function sendTestManagerDigest(deps: TestDigestDeps): TestDigestResult {
  const p = prepareDigests(deps);
  const me = deps.user().toLowerCase();
  if (!me) return { outcome: 'no_user', to: '', locale: p.locale };
  const r = p.manager().rendered;
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
